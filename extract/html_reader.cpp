// The HTML reader: a whole saved page -> RawArticle (see html_blocks.h for
// what is read and what is skipped).
#include "extract/html_blocks.h"
#include "extract/lexicon.h"
#include "extract/reader.h"

namespace newsgraph {

Result<RawArticle> ReadHtml(std::string_view html) {
  auto rules = LoadHtmlChromeRules(ResolveDataDir(""));
  if (!rules.ok()) return rules.status();
  auto content = ParseHtml(html, **rules);
  if (!content.ok()) return content.status();
  RawArticle a;
  a.format = Format::kHtml;
  a.meta = std::move(content->meta);
  a.blocks = std::move(content->blocks);
  if (a.blocks.empty()) return Status::Error("HTML page has no readable text");
  return a;
}

}  // namespace newsgraph
