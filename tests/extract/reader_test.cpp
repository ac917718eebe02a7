#include "extract/reader.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

// Readers load data/chrome.tsv through NEWSGRAPH_DATA.
[[maybe_unused]] ::testing::Environment* const kDataDirEnv =
    ::testing::AddGlobalTestEnvironment(new test::DataDirEnvironment);

std::vector<std::string> Texts(const RawArticle& a) {
  std::vector<std::string> out;
  for (const RawBlock& b : a.blocks) out.push_back(b.text);
  return out;
}

std::string AllText(const RawArticle& a) {
  std::string out;
  for (const RawBlock& b : a.blocks) out += b.text + "\n";
  return out;
}

RawArticle Html(const std::string& html) {
  auto r = ReadHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : RawArticle{};
}

const RawBlock* Find(const RawArticle& a, const std::string& text) {
  for (const RawBlock& b : a.blocks)
    if (b.text == text) return &b;
  return nullptr;
}

// ---------------------------------------------------------------- detection

TEST(DetectFormat, FromContentNotExtension) {
  EXPECT_EQ(DetectFormat("Home / Metal News / Zinc\nZinc output rose."), Format::kText);
  EXPECT_EQ(DetectFormat("<!DOCTYPE html><html><body><p>x</p></body></html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("\n  <html lang=\"en\"><p>x</p></html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("<p>A fragment.</p>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("<ARTICLE><P>Upper case.</P></ARTICLE>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("<em>emphasis first</em>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF<html><body>bom</body></html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("{\"id\": 1, \"content\": {\"rendered\": \"<p>x</p>\"}}"),
            Format::kWordPress);
  EXPECT_EQ(DetectFormat(" \r\n[{\"id\": 1}]"), Format::kWordPress);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  {\"id\": 1}"), Format::kWordPress);
  EXPECT_EQ(DetectFormat("Prices < 2,000 USD/t were seen."), Format::kText);
  EXPECT_EQ(DetectFormat("< 5% of capacity is idle."), Format::kText);
  EXPECT_EQ(DetectFormat(""), Format::kText);
}

TEST(ReadArticles, DispatchesOnContent) {
  std::vector<std::string> warnings;
  auto html = ReadArticles("<html><body><p>Markup body.</p></body></html>", &warnings);
  ASSERT_TRUE(html.ok()) << html.status().message();
  ASSERT_EQ(html->size(), 1u);
  EXPECT_EQ((*html)[0].format, Format::kHtml);
  EXPECT_EQ(Texts((*html)[0]), std::vector<std::string>{"Markup body."});

  auto text = ReadArticles("Plain <b>not markup</b> here.\n", &warnings);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ((*text)[0].format, Format::kText);
  EXPECT_EQ(Texts((*text)[0]), std::vector<std::string>{"Plain <b>not markup</b> here."});

  auto wp = ReadArticles(R"({"id":7,"content":{"rendered":"<p>Post body.</p>"}})", &warnings);
  ASSERT_TRUE(wp.ok()) << wp.status().message();
  EXPECT_EQ((*wp)[0].format, Format::kWordPress);
  EXPECT_TRUE(warnings.empty());
}

// ---------------------------------------------------------------- text

TEST(ReadText, OneBlockPerNonEmptyLineWithOffsets) {
  std::string src = "Tin prices rallied.\n\n   Indented line.  \r\nLast line";
  RawArticle a = ReadText(src);
  EXPECT_EQ(a.format, Format::kText);
  ASSERT_EQ(Texts(a), (std::vector<std::string>{"Tin prices rallied.", "Indented line.",
                                                  "Last line"}));
  for (const RawBlock& b : a.blocks) {
    EXPECT_EQ(src.substr(b.source_offset, b.text.size()), b.text);
    EXPECT_EQ(b.kind, BlockKind::kParagraph);
  }
}

TEST(ReadText, ListItems) {
  RawArticle a = ReadText(
      "Targets:\n  \xE2\x80\xA2 Output above 5 Mt\n- Exports below 1 Mt\n* Stocks flat\n"
      "\xC2\xB7 Imports up\n-5% was the change\n");
  ASSERT_EQ(a.blocks.size(), 6u);
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kListItem);
  EXPECT_EQ(a.blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(a.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(a.blocks[4].kind, BlockKind::kListItem);
  EXPECT_EQ(a.blocks[5].kind, BlockKind::kParagraph);  // a negative number, not a bullet
}

TEST(ReadText, EmptyAndBlankInputGiveNoBlocks) {
  EXPECT_TRUE(ReadText("").blocks.empty());
  EXPECT_TRUE(ReadText(" \n\t\n").blocks.empty());
}

// ---------------------------------------------------------------- HTML blocks

TEST(ReadHtml, BlockElementsAndKinds) {
  RawArticle a = Html(
      "<html><body><article>"
      "<h2>Smelter update</h2>"
      "<p>First <b>bold</b> paragraph &amp; more.</p>"
      "<ul><li>Item one</li><li>Item two</li></ul>"
      "<table><tr><th>Plant</th><td>Capacity</td></tr></table>"
      "<blockquote>Quoted words.</blockquote>"
      "</article></body></html>");
  EXPECT_EQ(a.format, Format::kHtml);
  ASSERT_EQ(Texts(a), (std::vector<std::string>{"Smelter update", "First bold paragraph & more.",
                                                  "Item one", "Item two", "Plant", "Capacity",
                                                  "Quoted words."}));
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(a.blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(a.blocks[4].kind, BlockKind::kTableCell);
  EXPECT_EQ(a.blocks[5].kind, BlockKind::kTableCell);
}

TEST(ReadHtml, TextDirectlyInDivsIsRead) {
  RawArticle a = Html("<div>Loose text in a div.<p>A paragraph.</p>Tail text.</div>");
  EXPECT_EQ(Texts(a),
            (std::vector<std::string>{"Loose text in a div.", "A paragraph.", "Tail text."}));
}

TEST(ReadHtml, SourceOffsetsPointAtTheLine) {
  std::string src = "<html><body>\n<p>Line one.</p>\n<p>Line two.</p>\n</body></html>";
  RawArticle a = Html(src);
  const RawBlock* two = Find(a, "Line two.");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(src.substr(two->source_offset, 3), "<p>");
  EXPECT_EQ(two->source_offset, src.find("<p>Line two."));
}

TEST(ReadHtml, MarkupChromeIsNeverRead) {
  RawArticle a = Html(
      "<html><head><title>T</title><style>p { color: red }</style>"
      "<script>var secret = 'SCRIPTTEXT';</script></head><body>"
      "<header><p>HEADERTEXT</p></header>"
      "<nav><ul><li>NAVTEXT</li></ul></nav>"
      "<article><p>Body paragraph.</p>"
      "<svg><text>SVGTEXT</text><title>SVGTITLE</title></svg>"
      "<script>document.write('INLINESCRIPT')</script>"
      "<noscript>NOSCRIPTTEXT</noscript>"
      "<p>Second paragraph.</p></article>"
      "<aside><p>ASIDETEXT</p></aside>"
      "<footer><p>FOOTERTEXT</p></footer>"
      "<style>.x{}</style></body></html>");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"Body paragraph.", "Second paragraph."}));
  std::string all = AllText(a);
  for (const char* bad : {"SCRIPTTEXT", "HEADERTEXT", "NAVTEXT", "SVGTEXT", "SVGTITLE",
                          "INLINESCRIPT", "NOSCRIPTTEXT", "ASIDETEXT", "FOOTERTEXT", "color"})
    EXPECT_EQ(all.find(bad), std::string::npos) << bad;
}

TEST(ReadHtml, ChromeByClassIdAndRoleIsSkipped) {
  RawArticle a = Html(
      "<html><body>"
      "<div class=\"post-share_bar\"><a>Share</a><a>Tweet</a></div>"
      "<article><p>The body of the story about alumina refineries in the north.</p>"
      "<p>Shareholder approval is still needed, the company said.</p>"
      "<p class=\"related\">RELATEDTEXT</p></article>"
      "<div class=\"related-posts\"><h3>RELATEDHEAD</h3><p>RELATEDBODY</p></div>"
      "<div id=\"sidebar\"><p>SIDEBARTEXT</p></div>"
      "<div role=\"complementary\"><p>ROLETEXT</p></div>"
      "<div class=\"cookie-consent\"><p>COOKIETEXT</p></div>"
      "<div aria-hidden=\"true\">HIDDENTEXT</div>"
      "</body></html>");
  EXPECT_EQ(Texts(a),
            (std::vector<std::string>{"The body of the story about alumina refineries in the north.",
                                      "Shareholder approval is still needed, the company said."}));
  std::string all = AllText(a);
  for (const char* bad : {"Share\n", "Tweet", "RELATED", "SIDEBAR", "ROLETEXT", "COOKIE", "HIDDEN"})
    EXPECT_EQ(all.find(bad), std::string::npos) << bad;
}

TEST(ReadHtml, ChromeClassedWrapperHoldingTheArticleIsRead) {
  // A layout wrapper whose class names chrome but which holds <article>.
  RawArticle a = Html(
      "<html><body><div class=\"page has-sidebar\">"
      "<article><p>Article text inside a sidebar layout.</p></article>"
      "<div class=\"sidebar-widget\"><p>WIDGETTEXT</p></div>"
      "</div></body></html>");
  EXPECT_NE(Find(a, "Article text inside a sidebar layout."), nullptr);
  EXPECT_EQ(AllText(a).find("WIDGETTEXT"), std::string::npos);

  // No <article>, but the wrapper holds most of the page's text.
  RawArticle b = Html(
      "<html><body><div class=\"layout-with-sidebar\">"
      "<p>The first long paragraph of the report explains what happened at the plant.</p>"
      "<p>The second long paragraph gives the figures and what analysts expect next.</p>"
      "</div><div class=\"share\">Share</div></body></html>");
  EXPECT_EQ(b.blocks.size(), 2u);
  EXPECT_NE(Find(b, "The second long paragraph gives the figures and what analysts expect next."),
            nullptr);
}

TEST(ReadHtml, BrSplitsBlocks) {
  RawArticle a = Html("<p>Line one<br>Line two<br/>Line three</p><p>After<hr>rule</p>");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"Line one", "Line two", "Line three", "After",
                                                  "rule"}));
}

TEST(ReadHtml, MalformedMarkupStillYieldsText) {
  RawArticle a = Html(
      "<html><body><p>Unclosed paragraph <b>bold <i>italic</p>"
      "<div><span>Stray close</div></span></td> <p>Next &amp; paragraph"
      "<li>orphan item<table><td>cell text</body>");
  std::string all = AllText(a);
  for (const char* want : {"Unclosed paragraph", "bold", "italic", "Stray close", "Next & paragraph",
                           "orphan item", "cell text"})
    EXPECT_NE(all.find(want), std::string::npos) << want << " in\n" << all;
}

TEST(ReadHtml, EmptyPageIsAnError) {
  EXPECT_FALSE(ReadHtml("").ok());
  auto r = ReadHtml("<html><body><script>only()</script></body></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.status().message().empty());
}

// ---------------------------------------------------------------- HTML metadata

TEST(ReadHtml, Metadata) {
  RawArticle a = Html(
      "<!DOCTYPE html><html><head>"
      "<title>Page title | Site</title>"
      "<meta property=\"og:title\" content=\"Bauxite imports hit record\">"
      "<meta property=\"og:url\" content=\"https://news.example.com/og-url\">"
      "<link rel=\"canonical\" href=\"https://news.example.com/canonical\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:published_time\" content=\"2024-05-06T08:00:00Z\">"
      "</head><body><p>Body.</p><time datetime=\"2020-01-01\">old</time></body></html>");
  EXPECT_EQ(a.meta.title, "Bauxite imports hit record");
  EXPECT_EQ(a.meta.url, "https://news.example.com/canonical");
  EXPECT_EQ(a.meta.publisher, "Example News");
  EXPECT_EQ(a.meta.published, "2024-05-06T08:00:00Z");
}

TEST(ReadHtml, MetadataFallbacks) {
  RawArticle a = Html(
      "<html><head><title>Plain &amp; simple title</title>"
      "<meta property=\"og:url\" content=\"https://news.example.com/og-only\">"
      "</head><body><p>Body.</p><p>On <time datetime=\"2023-09-14T07:30\">Sept 14</time>.</p>"
      "</body></html>");
  EXPECT_EQ(a.meta.title, "Plain & simple title");
  EXPECT_EQ(a.meta.url, "https://news.example.com/og-only");
  EXPECT_EQ(a.meta.published, "2023-09-14T07:30");
  EXPECT_TRUE(a.meta.publisher.empty());
  // The <title> is metadata, not a block.
  EXPECT_EQ(Find(a, "Plain & simple title"), nullptr);
}

// ---------------------------------------------------------------- HTML safety

std::string FirstLineOf(const char* path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

TEST(ReadHtml, ExternalEntitiesAreNotExpanded) {
  std::string passwd = FirstLineOf("/etc/passwd");  // e.g. "root:x:0:0:root:/root:/bin/bash"
  auto r = ReadHtml(
      "<!DOCTYPE html [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
      "<!ENTITY y \"INTERNALENTITY\">]>\n"
      "<html><body><p>Before &x; after.</p><p>Then &y; end.</p>"
      "<p>Real &amp; entity &#8217; ok.</p></body></html>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::string all = AllText(*r);
  EXPECT_EQ(all.find("root:"), std::string::npos) << all;
  if (!passwd.empty()) {
    EXPECT_EQ(all.find(passwd), std::string::npos);
  }
  EXPECT_EQ(all.find("/bin/"), std::string::npos);
  EXPECT_NE(all.find("Before"), std::string::npos);
  EXPECT_NE(all.find("Real & entity \xE2\x80\x99 ok."), std::string::npos);
}

TEST(ReadHtml, ExternalReferencesAreNotFetched) {
  // An external DTD and XInclude-looking markup on an unroutable address:
  // with no network access this returns at once instead of waiting.
  auto start = std::chrono::steady_clock::now();
  auto r = ReadHtml(
      "<!DOCTYPE html SYSTEM \"http://10.255.255.1/evil.dtd\">"
      "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body>"
      "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"
      "<p>Only this.</p><img src=\"http://10.255.255.1/x.png\"></body></html>");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Texts(*r), std::vector<std::string>{"Only this."});
}

TEST(ReadHtml, DeepNestingDoesNotCrash) {
  constexpr int kDepth = 100000;
  std::string html = "<html><body><p>Shallow text before.</p>";
  html.reserve(html.size() + kDepth * 11 + 64);
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "</body></html>";
  auto r = ReadHtml(html);
  // Either a result with the text that precedes the nesting, or a clean error.
  if (r.ok()) {
    EXPECT_FALSE(r->blocks.empty());
    EXPECT_NE(AllText(*r).find("Shallow text before."), std::string::npos);
  } else {
    EXPECT_FALSE(r.status().message().empty());
  }
  // Through the format dispatch too.
  std::vector<std::string> warnings;
  auto all = ReadArticles(html, &warnings);
  EXPECT_TRUE(all.ok() || !all.status().message().empty());
}

// ---------------------------------------------------------------- WordPress

const char* kPost = R"({
  "id": 4242,
  "date": "2024-08-19T09:15:00",
  "date_gmt": "2024-08-19T01:15:00",
  "link": "https:\/\/www.metals-example.com\/en\/zinc-outlook\/",
  "title": {"rendered": "Zinc&#8217;s outlook &amp; the smelters"},
  "content": {"rendered": "<p>First paragraph of the post.<\/p>\n<ul><li>Point one<\/li><\/ul>\n<div class=\"sharedaddy\"><p>Share this<\/p><\/div>\n<script>x()<\/script>"},
  "excerpt": {"rendered": "<p>Excerpt only.<\/p>"}
})";

TEST(ReadWordPress, OneObject) {
  std::vector<std::string> warnings;
  auto r = ReadWordPress(kPost, &warnings);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const RawArticle& a = (*r)[0];
  EXPECT_EQ(a.format, Format::kWordPress);
  EXPECT_EQ(a.meta.title, "Zinc\xE2\x80\x99s outlook & the smelters");
  EXPECT_EQ(a.meta.published, "2024-08-19T09:15:00");
  EXPECT_EQ(a.meta.url, "https://www.metals-example.com/en/zinc-outlook/");
  EXPECT_EQ(a.meta.identity, "https://www.metals-example.com/en/zinc-outlook/");
  EXPECT_EQ(a.meta.publisher, "metals-example.com");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"First paragraph of the post.", "Point one"}));
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kListItem);
  EXPECT_EQ(AllText(a).find("Excerpt only"), std::string::npos);
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadWordPress, IdentityFromIdWithoutLinkAndDateGmtFallback) {
  std::vector<std::string> warnings;
  auto r = ReadWordPress(
      R"({"id": 77, "date_gmt": "2023-01-02T03:04:05", "title": "Plain title",
          "content": {"rendered": "<p>Body.</p>"}})",
      &warnings);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0].meta.identity, "wordpress:77");
  EXPECT_EQ((*r)[0].meta.published, "2023-01-02T03:04:05");
  EXPECT_EQ((*r)[0].meta.title, "Plain title");
}

std::string PostJson(int id, const std::string& body) {
  return "{\"id\":" + std::to_string(id) + ",\"date\":\"2024-0" + std::to_string(id) +
         "-01T00:00:00\",\"link\":\"https://ex.example/p" + std::to_string(id) +
         "\",\"title\":{\"rendered\":\"Post " + std::to_string(id) +
         "\"},\"content\":{\"rendered\":\"<p>" + body + "</p>\"}}";
}

TEST(ReadWordPress, ArrayOfPosts) {
  std::string json = "[";  // appended, not "literal" + string: GCC 12 -Wrestrict false positive
  json.append(PostJson(1, "Body one.")).append(",").append(PostJson(2, "Body two."));
  json.append(",").append(PostJson(3, "Body three.")).append("]");
  std::vector<std::string> warnings;
  auto r = ReadWordPress(json, &warnings);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].meta.title, "Post 2");
  EXPECT_EQ((*r)[1].meta.url, "https://ex.example/p2");
  EXPECT_EQ((*r)[2].meta.published, "2024-03-01T00:00:00");
  EXPECT_EQ(Texts((*r)[2]), std::vector<std::string>{"Body three."});
  EXPECT_TRUE(warnings.empty());
  // ReadArticles gives the same.
  auto all = ReadArticles(json, &warnings);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
}

TEST(ReadWordPress, BrokenPostInArrayIsAWarning) {
  // Built with append: GCC 12 warns (-Wrestrict, falsely) on "literal" + string.
  std::string json = "[";
  json.append(PostJson(1, "Good one."));
  json.append(R"(,{"id": 2, "title": {"rendered": "No content here"}},)");
  json.append(PostJson(3, "Good three."));
  json.append(",42]");
  std::vector<std::string> warnings;
  auto r = ReadWordPress(json, &warnings);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].meta.title, "Post 1");
  EXPECT_EQ((*r)[1].meta.title, "Post 3");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("post 2"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("content"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("post 4"), std::string::npos) << warnings[1];
}

TEST(ReadWordPress, AllPostsBrokenIsAnError) {
  std::vector<std::string> warnings;
  auto r = ReadWordPress(R"([{"id": 1}, {"id": 2, "content": {"rendered": ""}}])", &warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("WordPress"), std::string::npos) << r.status().message();
}

TEST(ReadWordPress, TruncatedJsonIsAnError) {
  std::string json = kPost;
  json.resize(json.size() / 2);
  std::vector<std::string> warnings;
  auto r = ReadWordPress(json, &warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("JSON"), std::string::npos) << r.status().message();
  // And through the dispatcher.
  auto all = ReadArticles(json, &warnings);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("JSON"), std::string::npos);
}

TEST(ReadWordPress, ValidJsonThatIsNotAPost) {
  std::vector<std::string> warnings;
  auto obj = ReadWordPress(R"({"name": "config", "version": 3})", &warnings);
  ASSERT_FALSE(obj.ok());
  EXPECT_NE(obj.status().message().find("not a WordPress post"), std::string::npos)
      << obj.status().message();

  auto empty = ReadWordPress("[]", &warnings);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("WordPress"), std::string::npos);

  auto str = ReadWordPress(R"("just a string")", &warnings);
  ASSERT_FALSE(str.ok());
  EXPECT_NE(str.status().message().find("not a WordPress post"), std::string::npos);
}

TEST(ReadWordPress, CorpusPost) {
  std::ifstream in(NEWSGRAPH_SOURCE_DIR "/corpus/greatchina-2025-06-20-industry-insights.json");
  ASSERT_TRUE(in) << "corpus file missing";
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> warnings;
  auto r = ReadArticles(ss.str(), &warnings);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const RawArticle& a = (*r)[0];
  EXPECT_EQ(a.format, Format::kWordPress);
  EXPECT_EQ(a.meta.published, "2025-06-20T10:35:39");
  EXPECT_EQ(a.meta.title.rfind("Industry Insights: China Releases the \xE2\x80\x9C", 0), 0u)
      << a.meta.title;
  EXPECT_EQ(a.meta.publisher, "greatchina.com.tw");
  EXPECT_GT(a.blocks.size(), 5u);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

TEST(ReadTextWrapped, HardWrappedParagraphsAreJoined) {
  // Newswire style: lines wrapped at ~65 columns, paragraphs indented.
  std::string text =
      "SMELTER OUTPUT RISES\n"
      "\n"
      "The country's primary aluminium output rose 4.2 pct in May from\n"
      "a year earlier to 1.31 mln tonnes, the industry association said\n"
      "in its monthly report on Tuesday.\n"
      "    Alumina imports fell to 210,000 tonnes from 260,000 tonnes in\n"
      "April, while bauxite imports were steady at about 9 mln tonnes,\n"
      "according to customs data released earlier in the week.\n"
      "    Output in the first five months totalled 6.4 mln tonnes.\n";
  RawArticle a = ReadText(text);
  ASSERT_EQ(a.blocks.size(), 4u);
  EXPECT_EQ(a.blocks[0].text, "SMELTER OUTPUT RISES");
  EXPECT_EQ(a.blocks[1].text,
            "The country's primary aluminium output rose 4.2 pct in May from a year earlier to "
            "1.31 mln tonnes, the industry association said in its monthly report on Tuesday.");
  EXPECT_EQ(a.blocks[2].text.rfind("Alumina imports fell", 0), 0u);
  EXPECT_NE(a.blocks[2].text.find("about 9 mln tonnes, according to customs"), std::string::npos);
  EXPECT_EQ(text.substr(a.blocks[2].source_offset, 7), "Alumina");
}

TEST(ReadTextWrapped, OneParagraphPerLineTextIsNotJoined) {
  // Text copied from a web page: every line is a paragraph of its own.
  std::string text =
      "Smelters in the southwest cut output after the dry season lowered hydropower supply to the grid.\n"
      "Operators said the curtailment could last until the rains return in late May or early June.\n"
      "Key figures\n"
      "Inventories at major warehouses rose by a fifth over the month, traders told reporters.\n"
      "Premiums for billet in Foshan eased as downstream orders thinned ahead of the holiday.\n"
      "Analysts expect prices to stay range-bound through the second quarter of the year.\n";
  RawArticle a = ReadText(text);
  EXPECT_EQ(a.blocks.size(), 6u);
}

}  // namespace
}  // namespace newsgraph
