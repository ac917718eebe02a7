// STUB: replaced by the HTML reader implementation.
#include "extract/reader.h"

namespace newsgraph {

Result<RawArticle> ReadHtml(std::string_view html) {
  RawArticle a = ReadText(html);
  a.format = Format::kHtml;
  return a;
}

}  // namespace newsgraph
