#include "extract/document.h"

#include <algorithm>

namespace newsgraph {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kWordPress: return "wordpress";
  }
  return "text";
}

size_t Document::SourceOffset(size_t clean_offset) const {
  if (source_map.empty()) return clean_offset;
  auto it = std::upper_bound(source_map.begin(), source_map.end(), clean_offset,
                             [](size_t off, const SourceAnchor& a) { return off < a.clean_offset; });
  if (it == source_map.begin()) return source_map.front().source_offset;
  --it;
  return it->source_offset + (clean_offset - it->clean_offset);
}

}  // namespace newsgraph
