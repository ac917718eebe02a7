// Document: one article after reading, cleaning and normalisation.
//
// Every later stage (segmentation, figures, entities, relations) works on
// Document::text, the cleaned article body: UTF-8, NFKC-normalised, dashes
// and quotes unified, one block (paragraph, heading, list item, table cell)
// per line. Offsets anywhere in newsgraph are UTF-8 byte offsets into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

enum class Format { kText, kHtml, kWordPress };
const char* FormatName(Format f);  // "text", "html", "wordpress"

enum class BlockKind { kParagraph, kHeading, kListItem, kTableCell };

// A block of the cleaned text: [start, end) never crosses a newline, and
// sentences never cross blocks.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  size_t start = 0;
  size_t end = 0;
};

// Maps a cleaned-text offset back to the source: the block starting at
// `clean_offset` came from `source_offset` (a byte offset into the file, or
// for WordPress posts into the decoded `content.rendered` HTML). Anchors are
// sorted by clean_offset; offsets inside a block map to its anchor.
struct SourceAnchor {
  size_t clean_offset = 0;
  size_t source_offset = 0;
};

struct Document {
  std::string id;          // stable: derived from `identity`
  std::string identity;    // what makes two ingests "the same document":
                           // WordPress link or id, canonical URL, else path
  std::string path;        // as given on the command line
  Format format = Format::kText;
  std::string title;
  std::string url;
  std::string publisher;
  std::string published;   // "YYYY-MM-DD", or empty when unknown
  std::string text;        // cleaned article body (see above)
  std::vector<Block> blocks;
  std::vector<SourceAnchor> source_map;
  uint64_t content_hash = 0;  // of the source bytes of this article

  // Source offset for a cleaned-text offset (see SourceAnchor).
  size_t SourceOffset(size_t clean_offset) const;
};

}  // namespace newsgraph
