#include "graph/conflicts.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace newsgraph {
namespace {

class ConflictsTest : public ::testing::Test {
 protected:
  // Adds a figure stated by document `doc`; returns its index.
  size_t Add(const std::string& doc, const std::string& text, double value, const std::string& unit,
             const std::string& qualifier, std::optional<double> value_max = std::nullopt,
             const std::string& metric = "smelter-output", const std::string& period = "2027",
             const std::string& kind = "target") {
    StoredFigure sf;
    sf.id = static_cast<long long>(data_.figures.size() + 1);
    sf.doc_id = doc;
    sf.figure.text = text;
    sf.figure.sentence = "Sentence with " + text + ".";
    sf.figure.value = value;
    sf.figure.value_max = value_max;
    sf.figure.unit = unit;
    sf.figure.qualifier = qualifier;
    sf.figure.metric = metric;
    sf.figure.subject = "country:examplestan";
    sf.figure.period = period;
    sf.figure.kind = kind;
    data_.figures.push_back(sf);
    return data_.figures.size() - 1;
  }

  static ConflictOptions Band(double band) {
    ConflictOptions o;
    o.approx_band = band;
    return o;
  }

  ConsistencyReport Check() { return CheckConsistency(data_, ConflictOptions{}); }

  size_t Count(const ConsistencyReport& r, const std::string& severity) {
    size_t n = 0;
    for (const Disagreement& d : r.disagreements) n += d.severity == severity;
    return n;
  }

  GraphData data_;
};

TEST_F(ConflictsTest, DifferentCountsFromTwoSourcesConflict) {
  Add("doc-a", "the ministry and eleven other agencies", 12, "count", "eq", std::nullopt,
      "issuing-bodies", "2030-01-02", "actual");
  Add("doc-b", "eleven agencies", 11, "count", "eq", std::nullopt, "issuing-bodies", "2030-01-02",
      "actual");
  ConsistencyReport r = Check();
  ASSERT_EQ(Count(r, "conflict"), 1u);
  const Disagreement& d = r.disagreements[0];
  EXPECT_EQ(d.sides.size(), 2u);
  EXPECT_NE(d.reason.find("11 (1 doc)"), std::string::npos) << d.reason;
  EXPECT_NE(d.reason.find("12 (1 doc)"), std::string::npos) << d.reason;
  EXPECT_EQ(ConflictEdges(r).size(), 1u);
}

TEST_F(ConflictsTest, SameRangeWrittenTwoWaysAgrees) {
  Add("doc-a", "2-4%", 2, "%", "range", 4);
  Add("doc-b", "2% to 4%", 2, "%", "range", 4);
  EXPECT_TRUE(Check().disagreements.empty());
}

TEST_F(ConflictsTest, RoundedValueAgreesWithBoundAndPreciseValue) {
  Add("doc-a", "20 Mt", 20e6, "t", "eq");
  Add("doc-b", "over 20 million tonnes", 20e6, "t", "gt");
  Add("doc-c", "20.41 million tpy", 20.41e6, "t/y", "eq");
  EXPECT_EQ(Count(Check(), "conflict"), 0u);
}

TEST_F(ConflictsTest, PrecisionDecidesWhatAValueAllows) {
  // "20 million" allows 19.5..20.5 million; 21.2 million does not fit.
  Add("doc-a", "20 million tonnes", 20e6, "t", "eq");
  Add("doc-b", "21.2 million tonnes", 21.2e6, "t", "eq");
  EXPECT_EQ(Count(Check(), "conflict"), 1u);
}

TEST_F(ConflictsTest, BoundsWithDifferentQualifiersAreAWarningOnly) {
  Add("doc-a", "over 40%", 40, "%", "gt");
  Add("doc-b", "at least 40%", 40, "%", "ge");
  ConsistencyReport r = Check();
  EXPECT_EQ(Count(r, "conflict"), 0u);
  EXPECT_EQ(Count(r, "warning"), 1u);
}

TEST_F(ConflictsTest, HalfLinesThatCannotMeetConflict) {
  Add("doc-a", "below 10%", 10, "%", "lt");
  Add("doc-b", "more than 12%", 12, "%", "gt");
  EXPECT_EQ(Count(Check(), "conflict"), 1u);
}

TEST_F(ConflictsTest, ApproxBandIsConfigurable) {
  Add("doc-a", "about 100 tonnes", 100, "t", "approx");
  Add("doc-b", "108 tonnes", 108, "t", "eq");
  EXPECT_EQ(Count(CheckConsistency(data_, Band(0.10)), "conflict"), 0u);
  EXPECT_EQ(Count(CheckConsistency(data_, Band(0.02)), "conflict"), 1u);
}

TEST_F(ConflictsTest, DifferentPeriodKindOrUnitAreNotCompared) {
  Add("doc-a", "5 million tonnes", 5e6, "t", "eq", std::nullopt, "smelter-output", "2025");
  Add("doc-b", "9 million tonnes", 9e6, "t", "eq", std::nullopt, "smelter-output", "2027");
  Add("doc-c", "7 million tonnes", 7e6, "t", "eq", std::nullopt, "smelter-output", "2025",
      "actual");
  Add("doc-d", "6%", 6, "%", "eq", std::nullopt, "smelter-output", "2025");
  EXPECT_EQ(Count(Check(), "conflict"), 0u);
}

TEST_F(ConflictsTest, OneDocumentAloneIsNotADisagreementBetweenSources) {
  Add("doc-a", "5 million tonnes", 5e6, "t", "eq");
  Add("doc-a", "8 million tonnes", 8e6, "t", "eq");
  EXPECT_TRUE(Check().disagreements.empty());
}

TEST_F(ConflictsTest, UnitSlipAgainstPeersIsAWarning) {
  Add("doc-a", "33.1 million tonnes", 33.1e6, "t", "eq", std::nullopt, "smelter-output", "2021",
      "actual");
  Add("doc-b", "33.5 million tonnes", 33.5e6, "t", "eq", std::nullopt, "smelter-output", "2022",
      "actual");
  Add("doc-c", "33.3 metric tons", 33.3, "t", "eq", std::nullopt, "smelter-output", "2023",
      "actual");
  ConsistencyReport r = Check();
  ASSERT_EQ(Count(r, "warning"), 1u);
  EXPECT_NE(r.disagreements[0].reason.find("unit slip"), std::string::npos);
  EXPECT_EQ(r.disagreements[0].sides[0][0]->figure.text, "33.3 metric tons");
}

TEST_F(ConflictsTest, BareMeasuresAndUnplacedFiguresAreNotCompared) {
  // No object ("price-growth" names no commodity), no subject, no period:
  // nothing says these are one fact.
  Add("doc-a", "5%", 5, "%", "eq", std::nullopt, "price-growth", "2024", "actual");
  Add("doc-b", "9%", 9, "%", "eq", std::nullopt, "price-growth", "2024", "actual");
  Add("doc-a", "7 tonnes", 7, "t", "eq", std::nullopt, "zinc-output", "", "actual");
  Add("doc-b", "9 tonnes", 9, "t", "eq", std::nullopt, "zinc-output", "", "actual");
  ConflictOptions o;
  o.bare_measures = {"price-growth"};
  EXPECT_TRUE(CheckConsistency(data_, o).disagreements.empty());
  o.bare_measures.clear();
  EXPECT_EQ(Count(CheckConsistency(data_, o), "conflict"), 1u);  // price-growth, once allowed
}

TEST_F(ConflictsTest, ManyIncompatibleSidesMeanACoarseMetricNotAConflict) {
  for (int i = 0; i < 8; ++i)
    Add("doc-" + std::to_string(i), std::to_string(10 * (i + 1)) + " tonnes", 10.0 * (i + 1), "t",
        "eq");
  EXPECT_TRUE(Check().disagreements.empty());
}

TEST_F(ConflictsTest, ProgressPairsTargetWithLatestActual) {
  Add("doc-a", "30%", 30, "%", "eq", std::nullopt, "slag-reuse-rate", "2027", "target");
  Add("doc-b", "9%", 9, "%", "eq", std::nullopt, "slag-reuse-rate", "2023", "actual");
  Add("doc-c", "12%", 12, "%", "eq", std::nullopt, "slag-reuse-rate", "2024", "actual");
  ConsistencyReport r = Check();
  ASSERT_EQ(r.progress.size(), 1u);
  EXPECT_EQ(r.progress[0].latest_actual->figure.text, "12%");
  EXPECT_EQ(Count(r, "conflict"), 0u);
}

// The qualifier warning names the first pair from two documents: the same
// document twice, or the same qualifier twice, does not count.
TEST_F(ConflictsTest, QualifierWarningNamesTheFirstPairFromTwoDocuments) {
  size_t a = Add("doc-a", "at least 10 Mt", 10e6, "t", "ge");
  Add("doc-a", "over 10 Mt", 10e6, "t", "gt");
  Add("doc-b", "at least 10 Mt", 10e6, "t", "ge");
  size_t d = Add("doc-b", "more than 10 Mt", 10e6, "t", "gt");
  for (int copy = 0; copy < 50; ++copy)  // a large group: found the same way
    Add("doc-c" + std::to_string(copy), "at least 10 Mt", 10e6, "t", "ge");
  ConsistencyReport r = Check();
  ASSERT_EQ(Count(r, "warning"), 1u);
  const Disagreement& w = r.disagreements[0];
  ASSERT_EQ(w.sides.size(), 2u);
  EXPECT_EQ(w.sides[0][0]->id, data_.figures[a].id);
  EXPECT_EQ(w.sides[1][0]->id, data_.figures[d].id);
  EXPECT_NE(w.reason.find("qualifier differs"), std::string::npos) << w.reason;
}

// Syndicated copies: eight documents say 110 Mt, eight say 90 Mt. Every
// figure links to the one statement it disagrees with: 8 + 7 edges (the two
// representatives once), not the 64 pairs.
TEST_F(ConflictsTest, IdenticalStatementsOnASideAreOneEdgeEnd) {
  for (int copy = 0; copy < 8; ++copy) {
    Add("doc-a" + std::to_string(copy), "110 Mt", 110e6, "t", "eq");
    Add("doc-b" + std::to_string(copy), "90 Mt", 90e6, "t", "eq");
  }
  ConsistencyReport r = Check();
  ASSERT_EQ(Count(r, "conflict"), 1u);
  ASSERT_EQ(r.disagreements[0].sides.size(), 2u);
  EXPECT_EQ(r.disagreements[0].sides[0].size(), 8u);  // the report still lists every figure
  std::vector<StoredConflict> edges = ConflictEdges(r);
  EXPECT_EQ(edges.size(), 15u);
  std::map<long long, std::set<long long>> linked;  // undirected
  for (const StoredConflict& e : edges) {
    EXPECT_NE(data_.figures[e.figure_a - 1].figure.value, data_.figures[e.figure_b - 1].figure.value);
    EXPECT_TRUE(linked[e.figure_a].insert(e.figure_b).second) << "duplicate edge";
    EXPECT_TRUE(linked[e.figure_b].insert(e.figure_a).second) << "duplicate edge";
    EXPECT_EQ(e.severity, "conflict");
  }
  EXPECT_EQ(linked.size(), 16u);  // no figure left without an edge
  for (const auto& [figure, others] : linked)
    EXPECT_GE(others.size(), 1u) << figure;
}

// Statements are identical only in value, value_max, unit and qualifier; each
// figure keeps one edge to every distinct statement on the other sides.
TEST_F(ConflictsTest, EveryFigureLinksToEachDistinctDisagreeingStatement) {
  for (auto [doc, text, value, unit, qualifier] :
       std::vector<std::tuple<const char*, const char*, double, const char*, const char*>>{
           {"doc-a", "110 Mt", 110e6, "t", "eq"},           // 1: side 0, statement P
           {"doc-b", "110 million t", 110e6, "t", "eq"},    // 2: side 0, P again
           {"doc-c", "about 110 Mt", 110e6, "t", "approx"}, // 3: side 0, statement Q
           {"doc-d", "90 Mt", 90e6, "t", "eq"},             // 4: side 1, statement R
           {"doc-e", "90 Mt/y", 90e6, "t/y", "eq"},         // 5: side 1, statement S
           {"doc-f", "90 Mt", 90e6, "t", "eq"},             // 6: side 1, R again
           {"doc-g", "50 Mt", 50e6, "t", "eq"}})            // 7: side 2, statement T
    Add(doc, text, value, unit, qualifier);
  auto fig = [this](int id) { return &data_.figures[static_cast<size_t>(id - 1)]; };
  ConsistencyReport r;
  Disagreement d{"smelter-output", "country:examplestan", "2027", "policy", "conflict", "why", {}};
  d.sides = {{fig(1), fig(2), fig(3)}, {fig(4), fig(5), fig(6)}, {fig(7)}};
  r.disagreements.push_back(d);
  std::map<long long, std::set<long long>> linked;  // undirected
  size_t n = 0;
  for (const StoredConflict& e : ConflictEdges(r)) {
    EXPECT_TRUE(linked[e.figure_a].insert(e.figure_b).second) << e.figure_a << "-" << e.figure_b;
    EXPECT_TRUE(linked[e.figure_b].insert(e.figure_a).second) << e.figure_a << "-" << e.figure_b;
    EXPECT_EQ(e.reason, "why");
    ++n;
  }
  // Representatives: P=1, Q=3, R=4, S=5, T=7. A repeat links to the
  // representatives only.
  using Set = std::set<long long>;
  EXPECT_EQ(linked[2], (Set{4, 5, 7}));
  EXPECT_EQ(linked[6], (Set{1, 3, 7}));
  // Every figure reaches each distinct statement of the other sides.
  const std::map<long long, char> statement{{1, 'P'}, {2, 'P'}, {3, 'Q'}, {4, 'R'},
                                            {5, 'S'}, {6, 'R'}, {7, 'T'}};
  const std::map<long long, std::set<char>> others{
      {1, {'R', 'S', 'T'}}, {2, {'R', 'S', 'T'}}, {3, {'R', 'S', 'T'}}, {4, {'P', 'Q', 'T'}},
      {5, {'P', 'Q', 'T'}}, {6, {'P', 'Q', 'T'}}, {7, {'P', 'Q', 'R', 'S'}}};
  for (const auto& [figure, want] : others) {
    std::set<char> reached;
    for (long long g : linked[figure]) reached.insert(statement.at(g));
    EXPECT_EQ(reached, want) << "figure " << figure;
  }
  EXPECT_EQ(n, 14u);  // 2 x 3 from the two repeats, 8 between representatives
}

}  // namespace
}  // namespace newsgraph
