// Private to the readers: HTML -> RawBlocks and page metadata, shared by the
// HTML reader (whole pages) and the WordPress reader (content.rendered).
//
// Parsing is libxml2's HTML parser in recovery mode with no network access,
// no entity expansion beyond the HTML predefined ones, and the parser's
// default size and depth limits (never HTML_PARSE_HUGE). The DOM is walked
// iteratively, so nesting depth cannot overflow the stack.
//
// What is read: one block per p, li, h1-h6, td/th, blockquote, pre, dt, dd,
// figcaption, and per run of text sitting directly in a div/section/article;
// <br> splits a block and <hr> ends one. What is never read: script, style,
// noscript, template, svg, math, iframe, form, button, select, nav, header,
// footer, aside, and elements whose class/id tokens or ARIA role name page
// chrome (`class` and `role` rules of data/chrome.tsv). A form or a chrome-
// classed element that wraps the article itself (holds an <article>/<main>
// or most of the page's text) is read anyway: some sites wrap whole pages in
// <form> or in "has-sidebar" containers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/raw_article.h"

namespace newsgraph {

// The markup-level chrome cues: lowercase class/id words and ARIA roles.
struct HtmlChromeRules {
  std::vector<std::string> class_words;  // "share", "related", "comments"...
  std::vector<std::string> roles;        // "navigation", "complementary"...
};

// The `class` and `role` rules of data_dir/chrome.tsv, loaded once per
// directory (thread-safe). Error names the file and line.
Result<const HtmlChromeRules*> LoadHtmlChromeRules(const std::string& data_dir);

struct HtmlContent {
  ArticleMeta meta;              // title, url, published, publisher as stated
  std::vector<RawBlock> blocks;  // source_offset: start of the element's line
};

// Parses an HTML page or fragment (UTF-8). Error only when libxml2 cannot
// build any document at all (e.g. empty input).
Result<HtmlContent> ParseHtml(std::string_view html, const HtmlChromeRules& rules);

// The text of an HTML fragment (entities decoded, tags dropped, white space
// as found): for WordPress title.rendered and the like.
std::string HtmlFragmentText(std::string_view html);

}  // namespace newsgraph
