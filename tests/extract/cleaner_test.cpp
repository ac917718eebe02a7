#include "extract/cleaner.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/encoding.h"
#include "extract/normalize.h"
#include "extract/pipeline.h"
#include "extract/reader.h"

namespace newsgraph {
namespace {

[[maybe_unused]] ::testing::Environment* const kDataDirEnv =
    ::testing::AddGlobalTestEnvironment(new test::DataDirEnvironment);

Document CleanText(const std::string& text, const std::string& path = "in/article.txt") {
  CleanOptions o;
  o.path = path;
  return CleanArticle(ReadText(text), o);
}

bool Has(const Document& d, const std::string& s) { return d.text.find(s) != std::string::npos; }

// Invented body paragraphs: every one must survive cleaning.
const std::vector<std::string> kBody = {
    "Hangzhou, April 14 (Metalwire) - Three zinc smelters in Yunnan said on Monday they were "
    "reviewing output plans after treatment charges fell to a decade low.",
    "The smelters, which together produce about 400,000 tonnes a year, have not set a date for "
    "any cut.",
    "Traders said a related drop in sulphuric acid prices had squeezed margins further.",
    "The association said it had sent its survey of 37 plants by e-mail and asked managers to "
    "reply to survey@zinc-assoc.example before the end of the month, when the next round of "
    "treatment charge talks with miners is due to start in Shanghai.",
    "Phone makers expect zinc demand for die-casting to grow 4% a year over 2025-2027, the group "
    "said.",
    "Related to the cuts, two plants in Guangxi will bring forward maintenance to May.",
    "Most of the output is sold to galvanisers in the east of the country.",
};

std::string Article() {
  std::string t;
  t += "Home / Markets / Base Metals / Zinc smelters weigh output cuts\n";
  t += "Zinc smelters weigh output cuts as ore fees slump\n\n";
  t += "Published: Apr 14, 2024 09:05\n";
  t += "Source: Metalwire\n";
  t += "Share on Twitter Facebook LinkedIn\n";
  t += kBody[0] + "\n\n" + kBody[1] + "\n";
  t += "We use cookies to improve your experience. Accept all cookies to continue.\n";
  t += kBody[2] + "\n" + kBody[3] + "\n" + kBody[4] + "\n";
  t += "5 mins ago\n";
  t += kBody[5] + "\n" + kBody[6] + "\n";
  t += "Zinc\n";
  t += "Data Source Statement: Figures here are compiled by Metalwire from plant surveys and "
       "public filings and may be revised without notice.\n";
  t += "For press enquiries, contact Mei Lin at mei.lin@metalwire.example\n";
  t += "Tel: +86 571 5550 1234\n";
  t += "Related News\n";
  t += "Copper traders eye strike talks at Andean mines\n";
  t += "7 mins ago\n";
  t += "Nickel premiums climb in Rotterdam warehouses as buyers return to the market.\n";
  t += "Read More\n";
  t += "2 hours ago\n";
  return t;
}

TEST(Cleaner, KeepsEveryBodyParagraph) {
  Document d = CleanText(Article());
  for (const std::string& p : kBody) EXPECT_TRUE(Has(d, p)) << "lost: " << p << "\n---\n" << d.text;
  // Nothing but the body: one line per paragraph, in order.
  std::string want;
  for (const std::string& p : kBody) want += (want.empty() ? "" : "\n") + p;
  EXPECT_EQ(d.text, want);
}

TEST(Cleaner, RemovesBreadcrumbAndTakesTitle) {
  Document d = CleanText(Article());
  EXPECT_EQ(d.title, "Zinc smelters weigh output cuts as ore fees slump");
  EXPECT_FALSE(Has(d, "Home /"));
  EXPECT_FALSE(Has(d, "Zinc smelters weigh output cuts as ore fees slump"));
}

TEST(Cleaner, RelatedNewsBlockAndEverythingAfterIsRemoved) {
  Document d = CleanText(Article());
  EXPECT_FALSE(Has(d, "Related News"));
  EXPECT_FALSE(Has(d, "Copper traders"));
  EXPECT_FALSE(Has(d, "Nickel premiums"));
  EXPECT_FALSE(Has(d, "Read More"));
}

TEST(Cleaner, RemovesLineChrome) {
  Document d = CleanText(Article());
  EXPECT_FALSE(Has(d, "mins ago"));
  EXPECT_FALSE(Has(d, "hours ago"));
  EXPECT_FALSE(Has(d, "mei.lin@"));
  EXPECT_FALSE(Has(d, "+86 571"));
  EXPECT_FALSE(Has(d, "Data Source Statement"));
  EXPECT_FALSE(Has(d, "Share on"));
  EXPECT_FALSE(Has(d, "cookies"));
  EXPECT_FALSE(Has(d, "Source:"));
  EXPECT_FALSE(Has(d, "Published:"));
  EXPECT_FALSE(Has(d, "\nZinc\n"));
}

TEST(Cleaner, MetadataFromText) {
  Document d = CleanText(Article(), "feeds/2023-01-01-zinc.txt");
  EXPECT_EQ(d.publisher, "Metalwire");
  EXPECT_EQ(d.published, "2024-04-14");  // the Published line beats the file name
  EXPECT_EQ(d.format, Format::kText);
  EXPECT_EQ(d.identity, "path:feeds/2023-01-01-zinc.txt");
  EXPECT_EQ(d.id.rfind("doc-", 0), 0u);
}

TEST(Cleaner, BlocksAndSourceMapMatchText) {
  std::string src = Article();
  Document d = CleanText(src);
  ASSERT_EQ(d.blocks.size(), kBody.size());
  ASSERT_EQ(d.source_map.size(), kBody.size());
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    EXPECT_EQ(d.text.substr(d.blocks[i].start, d.blocks[i].end - d.blocks[i].start), kBody[i]);
    EXPECT_EQ(src.substr(d.source_map[i].source_offset, kBody[i].size()), kBody[i]);
    // Inside a block: the anchor plus the distance (exact for unchanged text).
    EXPECT_EQ(d.SourceOffset(d.blocks[i].start + 3), d.source_map[i].source_offset + 3);
  }
}

TEST(Cleaner, LoneDateLineSetsPublished) {
  Document d = CleanText(
      "Aluminium billet premiums ease in southern China\n"
      "Jul 2, 2024 07:15\n"
      "Billet processing fees in Foshan slipped for a second week as orders thinned.\n"
      "Producers said inventories had risen by a tenth since June.\n");
  EXPECT_EQ(d.published, "2024-07-02");
  EXPECT_FALSE(Has(d, "Jul 2, 2024"));
  EXPECT_TRUE(Has(d, "Producers said inventories had risen by a tenth since June."));
}

TEST(Cleaner, DatelineGivesPublisherAndDateWithYearFromPath) {
  Document d = CleanText(
      "BEIJING, March 3 (Reuters) - China's bauxite imports climbed in February as new mines in "
      "West Africa ramped up shipments, customs data showed on Monday.\n"
      "Imports from Guinea made up more than two thirds of the total.\n",
      "wire/2024-03-05-bauxite.txt");
  EXPECT_EQ(d.publisher, "Reuters");
  EXPECT_EQ(d.published, "2024-03-03");
  EXPECT_TRUE(Has(d, "BEIJING, March 3 (Reuters) - China's bauxite imports climbed"));
  EXPECT_TRUE(Has(d, "Imports from Guinea made up more than two thirds of the total."));
}

TEST(Cleaner, DateInFileNameIsTheFallback) {
  Document d = CleanText(
      "Alumina spot prices steadied on Tuesday after a week of losses.\n"
      "Refiners in Shanxi kept run rates unchanged.\n",
      "/tmp/x/2023-11-07-alumina-spot.txt");
  EXPECT_EQ(d.published, "2023-11-07");
  EXPECT_TRUE(d.publisher.empty());
  Document none = CleanText("Alumina spot prices steadied on Tuesday.\n", "notes/alumina.txt");
  EXPECT_TRUE(none.published.empty());
}

TEST(Cleaner, FormatMetadataTitleRepeatedInBodyIsRemoved) {
  RawArticle raw;
  raw.format = Format::kHtml;
  raw.meta.title = "Smelter restarts idle potlines";
  raw.meta.publisher = "Example Metals";
  raw.meta.url = "https://metals.example/restart";
  raw.meta.published = "2022-10-11T06:00:00Z";
  raw.blocks = {{BlockKind::kHeading, "Smelter restarts idle potlines", 10},
                {BlockKind::kParagraph, "The smelter restarted two idle potlines this week.", 40},
                {BlockKind::kParagraph, "It expects full output by the end of the year.", 90}};
  Document d = CleanArticle(raw, CleanOptions{"saved/page.html"});
  EXPECT_EQ(d.title, "Smelter restarts idle potlines");
  EXPECT_EQ(d.text,
            "The smelter restarted two idle potlines this week.\n"
            "It expects full output by the end of the year.");
  EXPECT_EQ(d.publisher, "Example Metals");
  EXPECT_EQ(d.published, "2022-10-11");
  EXPECT_EQ(d.url, "https://metals.example/restart");
  EXPECT_EQ(d.identity, "https://metals.example/restart");
  EXPECT_EQ(d.SourceOffset(0), 40u);
}

TEST(Cleaner, RelatedHeadingTooEarlyIsNotAnEnd) {
  // An "end" heading before the article has started does not wipe the page.
  Document d = CleanText(
      "Related\n"
      "Copper output at the Chilean mine rose 5% in the first half.\n"
      "The operator cited higher ore grades.\n");
  EXPECT_TRUE(Has(d, "Copper output at the Chilean mine rose 5% in the first half."));
  EXPECT_TRUE(Has(d, "The operator cited higher ore grades."));
}

TEST(Cleaner, BodySentencesNamingChromeWordsSurvive) {
  Document d = CleanText(
      "Tin market digest for the week\n"
      "Prices rose 3% on the week.\n"
      "Source: Metalwire analysts expect the deficit to narrow in 2025, they said in a note that "
      "was shared with clients.\n"
      "Share prices of the largest producer rose 6% on Friday after it raised guidance.\n"
      "Readers who want the data can email the desk, the agency said in a statement on "
      "Thursday.\n"
      "The regulator said complaints sent to its e-mail inbox at tips@regulator.example had "
      "doubled in a year.\n"
      "Stocks in bonded warehouses fell for a third week.\n");
  EXPECT_TRUE(Has(d, "Prices rose 3% on the week."));
  EXPECT_TRUE(Has(d, "Share prices of the largest producer rose 6% on Friday after it raised "
                     "guidance."));
  EXPECT_TRUE(Has(d, "Readers who want the data can email the desk, the agency said in a "
                     "statement on Thursday."));
  EXPECT_TRUE(Has(d, "Stocks in bonded warehouses fell for a third week."));
  // A reporting sentence that merely mentions an address is body, not a
  // contact line: the address stands mid-sentence, not at the end.
  EXPECT_TRUE(Has(d, "The regulator said complaints sent to its e-mail inbox at "
                     "tips@regulator.example had doubled in a year."));
}

// ---------------------------------------------------------------- corpus

std::map<std::string, Document> CleanCorpus() {
  std::map<std::string, Document> out;
  const std::string dir = NEWSGRAPH_SOURCE_DIR "/corpus";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string path = e.path().string();
    auto bytes = ReadFileBytes(path);
    EXPECT_TRUE(bytes.ok()) << path;
    if (!bytes.ok()) continue;
    auto utf8 = ToUtf8(*bytes);
    EXPECT_TRUE(utf8.ok()) << path;
    if (!utf8.ok()) continue;
    std::vector<std::string> warnings;
    auto articles = ReadArticles(*utf8, &warnings);
    EXPECT_TRUE(articles.ok()) << path << ": " << articles.status().message();
    if (!articles.ok()) continue;
    EXPECT_EQ(articles->size(), 1u) << path;
    CleanOptions o;
    o.path = path;
    out[e.path().filename().string()] = CleanArticle((*articles)[0], o);
  }
  return out;
}

TEST(CleanerCorpus, SmmRelatedNewsIsGoneAndBodyStays) {
  auto docs = CleanCorpus();
  ASSERT_TRUE(docs.count("smm-2025-03-28-aluminium-action-plan.txt"));
  const Document& d = docs["smm-2025-03-28-aluminium-action-plan.txt"];
  for (const char* bad : {"Fed Governor Milan", "Milan", "mins ago", "lemonzhao@smm.cn",
                          "service.en@smm.cn", "Democratic Senators", "Stress Test",
                          "Related News", "Read More", "Data Source Statement", "Published:"})
    EXPECT_FALSE(Has(d, bad)) << bad;
  EXPECT_TRUE(Has(d, "Aluminium remains a critical material for China"));
  EXPECT_TRUE(Has(d, "Shanghai, March 28 (SMM) - On March 28"));
  EXPECT_TRUE(Has(d, "Recycled aluminium production to exceed 15 million tonnes"));
  EXPECT_EQ(d.title, "China Unveils 2025-2027 Aluminium Industry Action Plan");
  EXPECT_EQ(d.publisher, "SMM");
}

TEST(CleanerCorpus, PublishedDates) {
  auto docs = CleanCorpus();
  const std::map<std::string, std::string> want = {
      {"smm-2025-03-28-aluminium-action-plan.txt", "2025-03-28"},
      {"mataluminum-2025-03-29-implementation-plan.txt", "2025-03-29"},
      {"smm-2026-01-05-alumina-consolidation.txt", "2026-01-05"},
      {"greatchina-2025-06-20-industry-insights.json", "2025-06-20"},
  };
  for (const auto& [file, date] : want) {
    ASSERT_TRUE(docs.count(file)) << file;
    EXPECT_EQ(docs[file].published, date) << file;
  }
}

TEST(CleanerCorpus, Smm2026ChromeGone) {
  auto docs = CleanCorpus();
  const Document& d = docs["smm-2026-01-05-alumina-consolidation.txt"];
  EXPECT_FALSE(Has(d, "Home / Metal News"));
  EXPECT_FALSE(Has(d, "iconJan"));
  EXPECT_FALSE(Has(d, "Source:SMM"));
  EXPECT_FALSE(Has(d, "lemonzhao@smm.cn"));
  EXPECT_FALSE(Has(d, "Related news"));
  EXPECT_EQ(d.title.rfind("[SMM Analysis] Policy Push", 0), 0u) << d.title;
  EXPECT_EQ(d.publisher, "SMM");
  EXPECT_TRUE(Has(d, "Going forward, China's alumina sector will be deeply reshuffled"));
}

// No body sentence is lost: every long, sentence-ending line of each text
// article before its trailing chrome is in the cleaned text.
TEST(CleanerCorpus, NoBodySentenceLost) {
  auto docs = CleanCorpus();
  const std::string dir = NEWSGRAPH_SOURCE_DIR "/corpus";
  for (const auto& [file, doc] : docs) {
    if (file.size() < 4 || file.substr(file.size() - 4) != ".txt") continue;
    RawArticle raw = ReadText(*ToUtf8(*ReadFileBytes(dir + "/" + file)));
    for (const RawBlock& b : raw.blocks) {
      std::string line = NormalizeText(b.text);
      if (line.rfind("Data Source Statement", 0) == 0 || line == "Related News" ||
          line == "Related news")
        break;
      size_t spaces = std::count(line.begin(), line.end(), ' ');
      if (spaces < 8 || line.back() != '.') continue;
      if (line.find('@') != std::string::npos) continue;
      EXPECT_TRUE(Has(doc, line)) << file << " lost: " << line;
    }
  }
}

}  // namespace
}  // namespace newsgraph
