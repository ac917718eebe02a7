// Sentence segmentation over a Document's blocks (ICU BreakIterator).
//
// A sentence never crosses a block (paragraph, heading, list item, table
// cell). Inside a block, ICU's sentence rules are applied, then breaks that
// ICU puts after abbreviations and initials are undone: "U.S.", "No.",
// "approx.", "Mt.", "Co.", "Corp.", "Inc.", "Ltd.", "Dr.", "Mr.", "e.g.",
// "i.e.", single capital initials ("J. Smith"), and decimals never split.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace newsgraph {

// Longer sentences are cut (at "; ", ", " or a space) into pieces no longer
// than this: no real sentence is this long, and later stages may do work
// proportional to a sentence's length for each figure in it.
constexpr size_t kMaxSentenceBytes = 1500;

struct Sentence {
  size_t start = 0;  // byte offsets into Document::text
  size_t end = 0;    // exclusive; trailing white space excluded
  size_t block = 0;  // index into Document::blocks
};

// Thread-safe; the ICU iterator is created once per thread.
std::vector<Sentence> SplitSentences(const Document& doc);

// Sentence boundaries of one piece of text (offsets relative to `text`).
std::vector<std::pair<size_t, size_t>> SplitText(std::string_view text);

}  // namespace newsgraph
