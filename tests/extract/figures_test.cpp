// Figure extractor: table-driven cases for each phrasing family (numbers,
// scale words, units, ranges, qualifiers, periods, kinds, counts, metrics)
// and for what must not be a figure. All sentences are written for the test.
#include "extract/figures.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/test_util.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/segmenter.h"

namespace newsgraph {
namespace {

using test::DataDir;

const FigureExtractor& Extractor() {
  static std::unique_ptr<FigureExtractor> x = [] {
    auto r = FigureExtractor::Create(DataDir());
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *x;
}

// One block per line; a line starting with "* " is a list item.
Document MakeDoc(const std::vector<std::string>& lines, const std::string& published = "") {
  Document d;
  d.published = published;
  for (std::string l : lines) {
    BlockKind kind = BlockKind::kParagraph;
    if (l.rfind("* ", 0) == 0) {
      kind = BlockKind::kListItem;
      l = l.substr(2);
    }
    size_t start = d.text.size();
    d.text += l;
    d.blocks.push_back({kind, start, d.text.size()});
    d.text += '\n';
  }
  return d;
}

std::vector<Figure> Figs(const Document& doc, const std::vector<Entity>& entities = {}) {
  return Extractor().Extract(doc, SplitSentences(doc), entities);
}

std::vector<Figure> Figs(const std::string& line, const std::string& published = "") {
  return Figs(MakeDoc({line}, published));
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

struct ValueCase {
  const char* sentence;
  double value;
  const char* unit;
  const char* qualifier;
};

TEST(Figures, NumbersScaleWordsAndUnits) {
  const ValueCase cases[] = {
      {"Smelter output rose to 1.2 mln tonnes in March.", 1.2e6, "t", "eq"},
      {"The company will spend 150 mln dlrs on the new potline.", 150e6, "USD", "eq"},
      {"Exports fell 5.3 pct in the quarter.", 5.3, "%", "eq"},
      {"The refinery has a nameplate capacity of 2 Mtpa.", 2e6, "t/y", "eq"},
      {"Warehouse stocks stood at 450 kt at the end of May.", 450e3, "t", "eq"},
      {"The new casthouse will make 300,000 tpy of billets.", 300e3, "t/y", "eq"},
      {"The plant can turn out 3.5 million tonnes per year.", 3.5e6, "t/y", "eq"},
      {"The group shipped 2 bn tons of ore over a decade.", 2e9, "t", "eq"},
      {"Each cell uses 13,500 kWh per tonne of metal.", 13500, "kWh/t", "eq"},
      {"The potline runs at 420kA after the upgrade.", 420000, "A", "eq"},
      {"The ingot traded at 2,350 dollars a tonne on Tuesday.", 2350, "USD/t", "eq"},
      {"Spot metal changed hands at US$2,400/t in the morning.", 2400, "USD/t", "eq"},
      {"The merger is valued at RMB 3 billion.", 3e9, "CNY", "eq"},
      {"The smelter sold ingots worth 80 million yuan.", 80e6, "CNY", "eq"},
      {"The central bank cut rates by 25 basis points.", 25, "bp", "eq"},
      {"Its share rose by 2.5 percentage points.", 2.5, "pp", "eq"},
      {"Per capita use climbed to 12.4 kg.", 12.4, "kg", "eq"},
      {"Ore output shrank sharply (-4.2%) in the period.", -4.2, "%", "eq"},
      {"Scrap prices hit 75 cents a lb.", 0.75, "USD/lb", "eq"},
      {"The mill's output was seven million tonnes.", 7e6, "t", "eq"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_TRUE(Near(f[0].value, c.value)) << c.sentence << " got " << f[0].value;
    EXPECT_EQ(f[0].unit, c.unit) << c.sentence;
    EXPECT_EQ(f[0].qualifier, c.qualifier) << c.sentence;
    EXPECT_FALSE(f[0].value_max.has_value()) << c.sentence;
  }
}

struct RangeCase {
  const char* sentence;
  double lo, hi;
  const char* unit;
};

TEST(Figures, Ranges) {
  const RangeCase cases[] = {
      {"Prices are seen rising 3–5% next year.", 3, 5, "%"},
      {"Demand could grow 3% to 5% over the period.", 3, 5, "%"},
      {"Margins will be between 3 and 5 percent.", 3, 5, "%"},
      {"Output will climb 3-5 percent.", 3, 5, "%"},
      {"Output will climb 3%–5% on new lines.", 3, 5, "%"},
      {"The miner wants to open 2–3 new mines.", 2, 3, "count"},
      {"Sales may reach 1.5 to 2 million tonnes.", 1.5e6, 2e6, "t"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_TRUE(Near(f[0].value, c.lo)) << c.sentence << " got " << f[0].value;
    ASSERT_TRUE(f[0].value_max.has_value()) << c.sentence;
    EXPECT_TRUE(Near(*f[0].value_max, c.hi)) << c.sentence << " got " << *f[0].value_max;
    EXPECT_EQ(f[0].unit, c.unit) << c.sentence;
    EXPECT_EQ(f[0].qualifier, "range") << c.sentence;
  }
  // "from X to Y" is two values, not a range.
  auto f = Figs("Output rose from 20 Mt to 22 Mt.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_FALSE(f[0].value_max.has_value());
}

TEST(Figures, Qualifiers) {
  const ValueCase cases[] = {
      {"Recycling is to reach over 10 million tonnes.", 10e6, "t", "gt"},
      {"Imports surpassed 6 Mt for the first time.", 6e6, "t", "gt"},
      {"Plants need at least 30% clean power.", 30, "%", "ge"},
      {"Cells must use no less than 400 kA.", 400000, "A", "ge"},
      {"Use of large (≥400kA) cells is required.", 400000, "A", "ge"},
      {"Power use is not exceeding 13,200 kWh/t in new plants.", 13200, "kWh/t", "le"},
      {"Stocks may fall up to 5 Mt this quarter.", 5e6, "t", "le"},
      {"Losses were less than 2% of sales.", 2, "%", "lt"},
      {"The firm employs about 320 workers.", 320, "count", "approx"},
      {"Demand is up nearly 40% from a decade ago.", 40, "%", "approx"},
      {"Supply will grow by ~6 million tpy.", 6e6, "t/y", "approx"},
      {"A 20%+ recovery rate of slag is planned.", 20, "%", "gt"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_TRUE(Near(f[0].value, c.value)) << c.sentence << " got " << f[0].value;
    EXPECT_EQ(f[0].unit, c.unit) << c.sentence;
    EXPECT_EQ(f[0].qualifier, c.qualifier) << c.sentence;
  }
}

struct PeriodCase {
  const char* sentence;
  const char* published;
  const char* period;
};

TEST(Figures, Periods) {
  const PeriodCase cases[] = {
      {"By 2027, recycled output should exceed 20 million tonnes.", "", "2027"},
      {"Smelter output rose 4% in the first half of 2024.", "2024-08-01", "2024H1"},
      {"Capacity of 5 Mt was moved during the 14th Five-Year Plan period.", "", "2021-2025"},
      {"This year output is expected to reach 45 Mt.", "2025-06-10", "2025"},
      {"Imports of scrap rose to 1.1 Mt last month.", "2025-06-10", "2025-05"},
      // 2026-01-05 is a Monday: last Thursday is New Year's Day.
      {"As of last Thursday, stocks stood at 1.1 million t.", "2026-01-05", "2026-01-01"},
      {"In 2024, the share reached 30%.", "", "2024"},
      {"Output grew 12% in the third quarter of 2023.", "", "2023Q3"},
      {"Output could reach 50 million tonnes by 2026-2027.", "2025-01-01", "2026-2027"},
      {"Exports hit 2 Mt in March 2025.", "", "2025-03"},
      {"Stocks were 3 Mt at the end of the day.", "2025-04-02", "2025-04-02"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence, c.published);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_EQ(f[0].period, c.period) << c.sentence;
  }
  // A change since a base year spans base..main year.
  auto f = Figs("In 2024, the share rose to 40%, up 7 percentage points since 2020.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].period, "2024");
  EXPECT_EQ(f[1].period, "2020-2024");
  EXPECT_EQ(f[1].unit, "pp");
}

TEST(Figures, ListItemsTakeTheirHeadingsPeriodAndKind) {
  Document doc = MakeDoc({"Main goals of the plan by 2030:", "* Scrap use to exceed 25 million tonnes",
                          "* Over 40% of smelting capacity to use hydropower"},
                         "2025-02-01");
  auto f = Figs(doc);
  ASSERT_EQ(f.size(), 2u);
  for (const auto& x : f) {
    EXPECT_EQ(x.period, "2030") << x.text;
    EXPECT_EQ(x.kind, "target") << x.text;
  }
  EXPECT_EQ(f[0].qualifier, "gt");
  EXPECT_EQ(f[1].qualifier, "gt");
}

struct KindCase {
  const char* sentence;
  const char* kind;
};

TEST(Figures, Kinds) {
  const KindCase cases[] = {
      {"The ministry aims to lift scrap recycling to 20 Mt.", "target"},
      {"New smelters must not exceed 13,000 kWh/t.", "limit"},
      {"Projects must meet standards such as power use not exceeding 13,000 kWh/t.", "limit"},
      {"Analysts expect consumption to rise 6% next year.", "forecast"},
      {"Capacity is projected to reach 48 Mt.", "forecast"},
      {"Output reached 41 Mt last year.", "actual"},
      {"Inventories stood at 2.2 Mt.", "actual"},
      {"Over 3 Mt of capacity is already under construction and will start soon.", "actual"},
      {"In May, smelters produced 3.6 Mt.", "actual"},
      {"Output may rise to 3.6 Mt.", "forecast"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence, "2025-05-05");
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_EQ(f[0].kind, c.kind) << c.sentence;
  }
}

TEST(Figures, CountsAreOfTheWholeSet) {
  auto f = Figs("The MIIT, along with nine other ministries, released the plan on Monday.", "2025-03-31");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].unit, "count");
  EXPECT_EQ(f[0].value, 10);
  EXPECT_EQ(f[0].kind, "actual");
  EXPECT_EQ(f[0].period, "2025-03-31");
  auto g = Figs("The rules were issued by nine central government departments.");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].value, 9);
  EXPECT_EQ(g[0].unit, "count");
  // Both count issuing bodies: the same metric.
  EXPECT_EQ(f[0].metric, g[0].metric);
  auto h = Figs("The island's industry has 447 companies and ships to 61 countries and regions.");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].value, 447);
  EXPECT_EQ(h[1].value, 61);
  EXPECT_NE(h[0].metric, h[1].metric);
}

TEST(Figures, NotFigures) {
  const char* cases[] = {
      "In 2024, the plan was revised twice.",
      "The Action Plan (2025–2027) was released on March 28, 2025.",
      "1. Accelerate consolidation across the sector",
      "Call +86 21 5166 6838 or write to desk@example.com for details.",
      "The 14th Five-Year Plan ends soon.",
      "5G networks were discussed at the 20th session.",
      "It was the third time this happened in 12 months.",
      "The firm grew over the next five years in three dimensions.",
      "Published: Mar 28, 2025 18:41",
  };
  for (const char* c : cases) {
    auto f = Figs(c, "2025-03-28");
    EXPECT_TRUE(f.empty()) << c << " -> " << (f.empty() ? "" : f[0].text);
  }
}

TEST(Figures, NothingAfterPageChrome) {
  Document doc = MakeDoc({"Output rose 5% in May.", "Related News", "Rates cut by more than 100 basis points"});
  auto f = Figs(doc);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 5);
}

TEST(Figures, MetricsGroupAcrossSpellings) {
  auto a = Figs("Primary aluminium output rose to 20 Mt.");
  auto b = Figs("Electrolytic aluminum production reached 21 million tonnes.");
  auto c = Figs("The utilisation rate of red mud rose to 9%.");
  auto d = Figs("The red mud utilization rate reached 11%.");
  auto e = Figs("Alumina output rose to 80 Mt.");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(d.size(), 1u);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(a[0].metric, b[0].metric);
  EXPECT_EQ(c[0].metric, d[0].metric);
  EXPECT_NE(a[0].metric, c[0].metric);
  EXPECT_NE(a[0].metric, e[0].metric);
  // A change of a quantity is not the quantity.
  auto g = Figs("Primary aluminium output rose 4% to 20 Mt.");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_NE(g[0].metric, g[1].metric);
  EXPECT_EQ(g[1].metric, a[0].metric);
}

TEST(Figures, UnknownMetricsAreNamedAfterTheirNounPhrase) {
  auto a = Figs("Women make up 18% of the mining workforce.");
  auto b = Figs("In Chile, 21% of the mining workforce is female.");
  auto c = Figs("Some 40% of smelter employees are contractors.");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(a[0].metric, b[0].metric);
  EXPECT_NE(a[0].metric, c[0].metric);
  EXPECT_NE(a[0].metric.find("workforce"), std::string::npos) << a[0].metric;
}

TEST(Figures, WireStyle) {
  auto f = Figs("Kaiser said its 1986 net profit rose to 150 mln dlrs from 120 mln dlrs, and output was 1.2 mln tonnes.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].value, 150e6);
  EXPECT_EQ(f[0].unit, "USD");
  EXPECT_EQ(f[1].value, 120e6);
  EXPECT_EQ(f[2].value, 1.2e6);
  EXPECT_EQ(f[2].unit, "t");
  auto g = Figs("Japanese imports rose 5.3 pct to 98,170 tonnes in February.");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].unit, "%");
  EXPECT_EQ(g[1].unit, "t");
  EXPECT_EQ(g[1].period, "");  // no publication date: February of an unknown year
}

TEST(Figures, EllipticValuesTakeThePreviousUnit) {
  auto f = Figs("Output fell to 5,298 tonnes in February from 7,472 in January.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].unit, "t");
  EXPECT_EQ(f[1].value, 7472);
}

TEST(Figures, OffsetsSentenceSubjectAndPolicy) {
  Document doc = MakeDoc({"China issued the Green Smelting Plan (2025-2027).",
                          "The plan aims to cut coal use by 10% and cap output at 45 Mt."},
                         "2025-04-01");
  Entity china{"country:china", "country", "China", {}, {{"China", 0, 5}}};
  size_t p = doc.text.find("Green Smelting Plan");
  Entity plan{"policy:green-smelting-plan-2025-2027", "policy", "Green Smelting Plan", {},
              {{"Green Smelting Plan", p, p + 19}}};
  auto f = Figs(doc, {china, plan});
  ASSERT_EQ(f.size(), 2u);
  for (const auto& x : f) {
    EXPECT_EQ(doc.text.substr(x.start, x.end - x.start), x.text);
    EXPECT_EQ(x.sentence, "The plan aims to cut coal use by 10% and cap output at 45 Mt.");
    EXPECT_EQ(x.subject, "country:china");
    EXPECT_EQ(x.policy, "policy:green-smelting-plan-2025-2027");
    EXPECT_EQ(x.period, "2027") << x.text;
    EXPECT_EQ(x.kind, "target") << x.text;
  }
  EXPECT_EQ(f[0].text, "10%");
}

TEST(Figures, DatelinePlaceIsNotTheSubjectAndIssuerCountsBelongToThePolicy) {
  Document doc = MakeDoc({"Harbin, May 4 (MetalDaily) – The ministry and four other agencies issued the Clean Casting Plan on Monday."},
                         "2026-05-04");
  Entity harbin{"region:harbin", "region", "Harbin", {}, {{"Harbin", 0, 6}}};
  size_t p = doc.text.find("Clean Casting Plan");
  Entity plan{"policy:clean-casting-plan", "policy", "Clean Casting Plan", {}, {{"Clean Casting Plan", p, p + 18}}};
  auto f = Figs(doc, {harbin, plan});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 5);
  EXPECT_EQ(f[0].unit, "count");
  EXPECT_EQ(f[0].policy, "policy:clean-casting-plan");
  EXPECT_EQ(f[0].subject, "policy:clean-casting-plan");
}

TEST(Figures, FractionsArePercentages) {
  const ValueCase cases[] = {
      {"Nearly two thirds of the ore came from Australia.", 66.67, "%", "approx"},
      {"Less than a tenth of the smelters run on hydropower.", 10, "%", "lt"},
      {"Freight costs were cut by a fifth over the winter.", 20, "%", "eq"},
      {"More than half of the billets are sold abroad.", 50, "%", "gt"},
      {"A quarter of the new capacity sits in Yunnan.", 25, "%", "eq"},
  };
  for (const auto& c : cases) {
    auto f = Figs(c.sentence);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_NEAR(f[0].value, c.value, 0.01) << c.sentence;
    EXPECT_EQ(f[0].unit, c.unit) << c.sentence;
    EXPECT_EQ(f[0].qualifier, c.qualifier) << c.sentence;
  }
  // Periods and compounds are not fractions.
  EXPECT_TRUE(Figs("Billet demand was firm in the first half of 2025.").empty());
  EXPECT_TRUE(Figs("The half-year report comes out in August.").empty());
  EXPECT_TRUE(Figs("The mill cut its shifts in half.").empty());
  EXPECT_TRUE(Figs("Snow covered the northern half of the basin.").empty());
  EXPECT_TRUE(Figs("Prices held firm in the latter half of the season.").empty());
  EXPECT_TRUE(Figs("The rebuild took a quarter of a century.").empty());
  // A scaled number after a fraction is no share.
  auto g = Figs("Profit rose by nearly a third to 45.2 mln marks from 33.8 mln.");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].unit, "%");
  for (size_t i = 1; i < g.size(); ++i) EXPECT_NE(g[i].unit, "%") << g[i].text;
}

TEST(Figures, CountsInWords) {
  auto f = Figs("The region will back two to four mining groups.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].unit, "count");
  EXPECT_EQ(f[0].value, 2);
  ASSERT_TRUE(f[0].value_max.has_value());
  EXPECT_EQ(*f[0].value_max, 4);
  EXPECT_EQ(f[0].qualifier, "range");
  f = Figs("Six of the country's 40 smelters were idle in July.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, 6);
  EXPECT_EQ(f[0].unit, "count");
  EXPECT_EQ(f[1].value, 40);
  EXPECT_EQ(f[1].unit, "count");
  EXPECT_EQ(f[0].metric, f[1].metric);
  // A count is a whole number; a time stamp is not a figure.
  f = Figs("17153 24-APR-1987 14:10:37.53 FIRM TO IDLE 3 PLANTS");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 3);
}

TEST(Figures, RangesWithRepeatedScaleWords) {
  auto f = Figs("Traders see full-year output at 3.1 mln to 3.4 mln tonnes.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 3.1e6);
  ASSERT_TRUE(f[0].value_max.has_value());
  EXPECT_EQ(*f[0].value_max, 3.4e6);
  EXPECT_EQ(f[0].unit, "t");
  f = Figs("Hydropower covers between 30 and 35 per cent of demand.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 30);
  EXPECT_EQ(*f[0].value_max, 35);
  EXPECT_EQ(f[0].unit, "%");
  // A year before "to" is no range and lends no unit.
  f = Figs("Use grew from 9 mln tonnes in 2020 to 12.5 mln tonnes in 2024.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, 9e6);
  EXPECT_EQ(f[1].value, 12.5e6);
}

TEST(Figures, PricesPerTonneInYuan) {
  auto f = Figs("Billets sold at 18,900 yuan a tonne, vs 18,200 yuan in May.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].unit, "CNY/t");
  EXPECT_EQ(f[1].unit, "CNY/t");
  EXPECT_EQ(f[1].value, 18200);
}

TEST(Figures, BareInfinitivesAreGoalsInPolicyDocuments) {
  Document doc = MakeDoc({"The Scrap Recovery Plan was issued on Monday.",
                          "Main goals:",
                          "* Scrap recovery to reach 9 million tonnes by 2030.",
                          "Billet output is expected to reach 5 million tonnes next year.",
                          "Ingot output rose 5% to reach 12 million tonnes in 2025."},
                         "2026-03-02");
  size_t p = doc.text.find("Scrap Recovery Plan");
  Entity plan{"policy:scrap-recovery-plan", "policy", "Scrap Recovery Plan", {}, {{"Scrap Recovery Plan", p, p + 19}}};
  auto f = Figs(doc, {plan});
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].kind, "target");
  EXPECT_EQ(f[0].period, "2030");
  EXPECT_EQ(f[1].kind, "forecast");
  EXPECT_EQ(f[2].kind, "actual");
  EXPECT_EQ(f[3].kind, "actual");
  // Without a policy, a bare infinitive is a projection.
  auto g = Figs("Casting demand to reach 4 million tonnes by 2030, a consultancy said.", "2026-03-02");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kind, "forecast");
}

TEST(Figures, AFigureDatedBeforePublicationIsReported) {
  auto f = Figs("The plan targets 250 kWh/t by 2028, compared with 270 kWh/t last year.", "2026-01-10");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, "target");
  EXPECT_EQ(f[1].kind, "actual");
  EXPECT_EQ(f[1].period, "2025");
}

TEST(Figures, RelativePeriods) {
  auto f = Figs("Output reached 2.1 mln tonnes in the first half of 2025, against 1.9 mln tonnes a year earlier.",
                "2025-08-01");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].unit, "t");  // "a year earlier" is a date, not a rate
  EXPECT_EQ(f[1].period, "2024H1");
  f = Figs("Second-quarter shipments were 3 mln tonnes.", "2025-08-01");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period, "2025Q2");
  f = Figs("Rod sales were 40,000 tonnes in July, up 6 pct from a year earlier.", "2025-08-20");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].period, "2025-07");
}

TEST(Figures, MetricsFromMeasureWordsAndNotFromVerbs) {
  auto f = Figs("Carbon intensity of smelting is to fall by 8% by 2030.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].metric.find("carbon-intensity"), std::string::npos) << f[0].metric;
  f = Figs("Renewables supplied 30% of the electricity used by smelters.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].metric.find("clean-energy-share"), std::string::npos) << f[0].metric;
  f = Figs("Harbor Metals owns 12% after the deal.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].metric.find("owns"), std::string::npos) << f[0].metric;
  f = Figs("Alumina exports slipped 4 pct in June.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].metric.ends_with("-growth")) << f[0].metric;
}

TEST(Figures, GoalsMeasuredFromABaseYearKeepTheirYear) {
  auto f = Figs("The plan aims to cut coal use by 12% from the 2024 level by 2029.", "2025-06-01");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "target");
  EXPECT_EQ(f[0].period, "2029");
}

TEST(Figures, MoreQualifierForms) {
  auto f = Figs("Power use must be no higher than 13.5 MWh per tonne.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].qualifier, "le");
  f = Figs("New potlines will use 600kA-plus cells.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].qualifier, "gt");
  EXPECT_EQ(f[0].value, 600000);
}

// The reference-year cue words come from figure_cues.tsv; a form the byte
// matcher cannot match as RE2 would is refused with the file named.
TEST(FigureExtractorData, RefusesAReferenceYearCueItCannotMatch) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ng-figdata-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(DataDir(), dir, fs::copy_options::recursive);
  {
    std::ofstream out(dir / "figure_cues.tsv", std::ios::app);
    out << "reference_year_cue\t-\tsince\n";
  }
  auto r = FigureExtractor::Create(dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("figure_cues.tsv: reference_year_cue \"since\""),
            std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace newsgraph
