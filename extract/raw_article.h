// RawArticle: what a reader hands to cleaning, before chrome removal and
// normalisation. Readers only decode their format; they do not judge what is
// article and what is page chrome beyond what the markup itself says
// (script, style, nav, header, footer, aside, svg are never read).
#pragma once

#include <string>
#include <vector>

#include "extract/document.h"

namespace newsgraph {

struct RawBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;          // as decoded (entities resolved), not normalised
  size_t source_offset = 0;  // byte offset of the block in the source
};

// Metadata the format itself states; any field may be empty.
struct ArticleMeta {
  std::string title;      // <title>, og:title, WordPress title.rendered
  std::string url;        // canonical link, og:url, WordPress link
  std::string published;  // raw date string as found (meta, <time>, WordPress date)
  std::string publisher;  // og:site_name, publisher meta
  std::string identity;   // format-given identity (WordPress link or id), if any
};

struct RawArticle {
  Format format = Format::kText;
  ArticleMeta meta;
  std::vector<RawBlock> blocks;
};

}  // namespace newsgraph
