// The figure extractor's count-noun pattern ("3 production lines", "5 other
// big mines") and its cheap pre-test (cue_window.h), written once for
// figures.cpp and the tests that check the pre-test against the pattern.
#pragma once

#include <string>
#include <vector>

#include "extract/cue_window.h"

namespace newsgraph {

// The anchored RE2 pattern after a number: optional "-", optional "other"
// word, up to four modifier words, then a count noun. Captures: the other
// word, the modifier words, the noun.
std::string CountNounPattern(const std::vector<std::string>& other_forms,
                             const std::vector<std::string>& noun_forms);

// Describes that pattern's prefix to `w`, whose matcher holds the count
// nouns (compiled). Returns the most white-space runs the prefix can hold:
// the max_runs to pass to w->MayMatch.
int ConfigureCountNounWindow(const std::vector<std::string>& other_forms, CueWindow* w);

}  // namespace newsgraph
