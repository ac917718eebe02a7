// Cleaning: a RawArticle -> a Document. Removes page chrome by general rules,
// normalises every block, joins blocks one per line, fills title (for text
// with no headline: its opening words, cut with "..."), publisher,
// published date and identity.
//
// Chrome (removed): breadcrumbs ("Home / Metal News / ..."), the title repeated
// as a first line, "Related News" / "Related articles" / "Most read" /
// "Read More" blocks and everything after such a heading at the end of the
// page, share and icon lines, cookie banners, contact and e-mail lines,
// "Data Source Statement"-style disclaimers, lone date/time/"N mins ago"
// lines, "Source:" lines, and single-word tag lines after the body.
#pragma once

#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/raw_article.h"

namespace newsgraph {

struct CleanOptions {
  std::string path;  // as given; also a fallback for identity and date
};

Document CleanArticle(const RawArticle& raw, const CleanOptions& options);

}  // namespace newsgraph
