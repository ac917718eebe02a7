#include "queries/executor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "queries/parser.h"
#include "queries/saved.h"

namespace newsgraph::query {
namespace {

// A small graph by hand: two documents, a policy issued by MIIT that sets a
// target (stated by both documents), Hydro operating in China, Chalco
// located in China, and an actual production figure.
GraphData Sample() {
  GraphData g;
  Document d1;
  d1.id = "doc-1";
  d1.title = "MIIT issues aluminium plan";
  d1.publisher = "SMM";
  d1.published = "2025-03-28";
  Document d2;
  d2.id = "doc-2";
  d2.title = "Hydro in China";
  d2.publisher = "Reuters";
  d2.published = "2025-04-02";
  g.documents = {d1, d2};
  g.entities.push_back({"policy:plan", "policy", "Aluminium Plan", {"the plan"}, {}});
  g.entities.push_back({"government_body:miit", "government_body",
                        "Ministry of Industry and Information Technology", {"MIIT"}, {}});
  g.entities.push_back({"company:hydro", "company", "Norsk Hydro", {"Hydro"}, {}});
  g.entities.push_back({"company:chalco", "company", "Chalco", {"Aluminum Corporation of China"}, {}});
  g.entities.push_back({"country:china", "country", "China", {}, {}});
  g.mentions = {{"doc-1", "policy:plan"}, {"doc-1", "government_body:miit"},
                {"doc-2", "company:hydro"}, {"doc-2", "country:china"},
                {"doc-2", "company:chalco"}};
  auto figure = [](long long id, const char* doc, double value, const char* metric,
                   const char* kind, const char* period, const char* policy) {
    StoredFigure f;
    f.id = id;
    f.doc_id = doc;
    f.figure.value = value;
    f.figure.unit = "t";
    f.figure.qualifier = "gt";
    f.figure.metric = metric;
    f.figure.kind = kind;
    f.figure.period = period;
    f.figure.policy = policy;
    f.figure.subject = "country:china";
    f.figure.text = "over " + std::to_string(static_cast<long long>(value)) + " tonnes";
    f.figure.sentence = "Recycled output to exceed 15 million tonnes.";
    return f;
  };
  g.figures.push_back(figure(1, "doc-1", 15e6, "recycled-aluminium-production", "target", "2027", "policy:plan"));
  g.figures.push_back(figure(2, "doc-2", 15e6, "recycled-aluminium-production", "target", "2027", "policy:plan"));
  g.figures.push_back(figure(3, "doc-2", 43e6, "primary-aluminium-production", "actual", "2024", ""));
  g.figures[2].figure.qualifier = "approx";
  auto rel = [](const char* s, const char* p, const char* o, const char* doc, const char* sentence) {
    StoredRelation r;
    r.doc_id = doc;
    r.relation = {s, p, o, sentence, 0, 10};
    return r;
  };
  g.relations.push_back(rel("policy:plan", "issued_by", "government_body:miit", "doc-1", "MIIT released the plan."));
  g.relations.push_back(rel("company:hydro", "operates_in", "country:china", "doc-2", "Hydro operates smelters in China."));
  g.relations.push_back(rel("company:chalco", "located_in", "country:china", "doc-2", "Chalco is based in Beijing, China."));
  return g;
}

class ExecutorTest : public ::testing::Test {
 protected:
  ExecutorTest() : g_(PropertyGraph::Build(Sample())) {}

  Table Run(const std::string& q, const Params& params = {}, ExecOptions opt = {}) {
    auto r = RunQuery(q, g_, params, opt);
    EXPECT_TRUE(r.ok()) << q << "\n" << r.status().message();
    return r.ok() ? std::move(r.value()) : Table{};
  }
  std::string Error(const std::string& q, const Params& params = {}, ExecOptions opt = {}) {
    auto r = RunQuery(q, g_, params, opt);
    EXPECT_FALSE(r.ok()) << q;
    return r.ok() ? "" : r.status().message();
  }
  // First column of every row, as display text.
  std::vector<std::string> Column(const Table& t, size_t c = 0) {
    std::vector<std::string> out;
    for (const auto& row : t.rows) out.push_back(ToDisplay(row.at(c)));
    return out;
  }
  using V = std::vector<std::string>;

  PropertyGraph g_;
};

TEST_F(ExecutorTest, LabelsAndPropertyMaps) {
  EXPECT_EQ(Column(Run("MATCH (c:Company) RETURN c.name ORDER BY c.name")), (V{"Chalco", "Norsk Hydro"}));
  EXPECT_EQ(Column(Run("MATCH (c:Company {name: 'Chalco'}) RETURN c.id")), (V{"company:chalco"}));
  EXPECT_EQ(Column(Run("MATCH (c {id: 'company:hydro'}) RETURN labels(c)[0]")), (V{"Company"}));
  EXPECT_TRUE(Run("MATCH (c:Company {name: 'Nobody'}) RETURN c").rows.empty());
  // Labels of the model that have no nodes yet: empty, not an error.
  EXPECT_TRUE(Run("MATCH (c:Person) RETURN c").rows.empty());
}

TEST_F(ExecutorTest, DirectionAndTypes) {
  EXPECT_EQ(Column(Run("MATCH (p:Policy)-[:ISSUED_BY]->(b) RETURN b.id")), (V{"government_body:miit"}));
  EXPECT_TRUE(Run("MATCH (p:Policy)<-[:ISSUED_BY]-(b) RETURN b.id").rows.empty());
  EXPECT_EQ(Column(Run("MATCH (b:GovernmentBody)<-[:ISSUED_BY]-(p) RETURN p.name")), (V{"Aluminium Plan"}));
  EXPECT_EQ(Column(Run("MATCH (b:GovernmentBody)-[:ISSUED_BY]-(p) RETURN p.name")), (V{"Aluminium Plan"}));
  EXPECT_EQ(Column(Run("MATCH (x)-[r:OPERATES_IN|LOCATED_IN]->(c:Country) RETURN x.name, type(r) "
                       "ORDER BY x.name")),
            (V{"Chalco", "Norsk Hydro"}));
  Table t = Run("MATCH (x)-[r:OPERATES_IN]->(:Country) RETURN r.sentence AS s, type(r) AS t");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.columns, (V{"s", "t"}));
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "Hydro operates smelters in China.");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "OPERATES_IN");
}

TEST_F(ExecutorTest, WhereOperators) {
  auto names = [&](const std::string& where) {
    return Column(Run("MATCH (c:Company) WHERE " + where + " RETURN c.name ORDER BY c.name"));
  };
  EXPECT_EQ(names("c.name = 'Chalco'"), (V{"Chalco"}));
  EXPECT_EQ(names("c.name <> 'Chalco'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name < 'D'"), (V{"Chalco"}));
  EXPECT_EQ(names("c.name <= 'Chalco'"), (V{"Chalco"}));
  EXPECT_EQ(names("c.name > 'D'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name >= 'Chalco'"), (V{"Chalco", "Norsk Hydro"}));
  EXPECT_EQ(names("c.name CONTAINS 'Hyd'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name STARTS WITH 'Cha'"), (V{"Chalco"}));
  EXPECT_EQ(names("c.name ENDS WITH 'ydro'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name =~ '(?i)norsk.*'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name =~ 'Norsk'"), V{});  // full match, not search
  EXPECT_EQ(names("c.name IN ['Chalco', 'X']"), (V{"Chalco"}));
  EXPECT_EQ(names("NOT c.name IN ['Chalco']"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.name = 'Chalco' OR c.name = 'Norsk Hydro'"), (V{"Chalco", "Norsk Hydro"}));
  EXPECT_EQ(names("c.name = 'Chalco' AND c.type = 'company'"), (V{"Chalco"}));
  EXPECT_EQ(names("c.name = 'Chalco' XOR c.type = 'company'"), (V{"Norsk Hydro"}));
  EXPECT_EQ(names("c.nothing IS NULL"), (V{"Chalco", "Norsk Hydro"}));
  EXPECT_EQ(names("c.nothing IS NOT NULL"), V{});
  EXPECT_EQ(names("c.nothing = 'x'"), V{});  // null is not true
  EXPECT_EQ(names("NOT (c.nothing = 'x')"), V{});  // nor is NOT null
  EXPECT_EQ(names("'Hydro' IN c.aliases"), (V{"Norsk Hydro"}));
}

TEST_F(ExecutorTest, NumericComparisonsAndArithmetic) {
  EXPECT_EQ(Column(Run("MATCH (f:Figure) WHERE f.value > 2e7 RETURN f.metric")),
            (V{"primary-aluminium-production"}));
  EXPECT_EQ(Column(Run("MATCH (f:Figure) WHERE f.value >= 15000000 AND f.kind = 'target' "
                       "RETURN count(*)")),
            (V{"2"}));
  Table t = Run("RETURN 1 + 2 * 3 AS a, 7 / 2 AS b, 7.0 / 2 AS c, 7 % 3 AS d, -2 AS e, "
                "'a' + 'b' AS f, [1] + [2] AS g, toUpper('x') AS h, size('日本') AS i, null + 1 AS j");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Column(t, 0)[0], "7");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "3");
  EXPECT_EQ(ToDisplay(t.rows[0][2]), "3.5");
  EXPECT_EQ(ToDisplay(t.rows[0][3]), "1");
  EXPECT_EQ(ToDisplay(t.rows[0][4]), "-2");
  EXPECT_EQ(ToDisplay(t.rows[0][5]), "ab");
  EXPECT_EQ(ToDisplay(t.rows[0][6]), "[1, 2]");
  EXPECT_EQ(ToDisplay(t.rows[0][7]), "X");
  EXPECT_EQ(ToDisplay(t.rows[0][8]), "2");
  EXPECT_TRUE(t.rows[0][9].is_null());
}

TEST_F(ExecutorTest, ChainsAndSeveralPatterns) {
  // Policy -> Figure -> Metric, and the documents that report each figure.
  Table t = Run("MATCH (p:Policy)-[:SETS]->(f:Figure)-[:MEASURES]->(m:Metric), "
                "(d:Document)-[:REPORTS]->(f) RETURN d.publisher ORDER BY d.publisher");
  EXPECT_EQ(Column(t), (V{"Reuters", "SMM"}));
  // Two MATCH clauses sharing a variable.
  t = Run("MATCH (h:Company {name: 'Norsk Hydro'}) MATCH (h)-[:OPERATES_IN]->(c) RETURN c.name");
  EXPECT_EQ(Column(t), (V{"China"}));
  // A relationship is used once per match, also across comma-separated parts.
  EXPECT_TRUE(Run("MATCH (p:Policy)-[r1:ISSUED_BY]->(b), (p)-[r2:ISSUED_BY]->(b) RETURN p").rows.empty());
  EXPECT_EQ(Run("MATCH (p:Policy)-[r1:ISSUED_BY]->(b) MATCH (p)-[r2:ISSUED_BY]->(b) RETURN p").rows.size(), 1u);
  // Cartesian product of unrelated patterns.
  EXPECT_EQ(Run("MATCH (a:Company), (b:Document) RETURN a, b").rows.size(), 4u);
  // The same node twice in one pattern.
  EXPECT_EQ(Column(Run("MATCH (a:Company)-->(c:Country)<--(b:Company) RETURN a.name + '/' + b.name "
                       "ORDER BY a.name")),
            (V{"Chalco/Norsk Hydro", "Norsk Hydro/Chalco"}));
}

TEST_F(ExecutorTest, WhereAcrossPatternParts) {
  Table t = Run("MATCH (a:Company), (d:Document) WHERE a.name STARTS WITH 'C' AND d.publisher = 'SMM' "
                "AND a.name + '/' + d.id = 'Chalco/doc-1' RETURN a.id, d.id");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "doc-1");
  // Conditions on nodes and relationships bound leftwards and rightwards of
  // an indexed start node (run as soon as each is bound).
  t = Run("MATCH (d:Document)-[r:REPORTS]->(f:Figure {kind: 'target'})-[:MEASURES]->(m) "
          "WHERE d.publisher = 'SMM' AND type(r) = 'REPORTS' AND m.id STARTS WITH 'recycled' "
          "AND f.value > 1 RETURN f.id");
  EXPECT_EQ(Column(t), (V{"figure:1"}));
  t = Run("MATCH p = (d:Document)-[:REPORTS]->(f:Figure) WHERE length(p) = 1 AND f.kind = 'actual' "
          "RETURN d.id");
  EXPECT_EQ(Column(t), (V{"doc-2"}));
  // A condition on the first part only, OR across parts.
  t = Run("MATCH (a:Company), (d:Document) WHERE a.name = 'Chalco' AND (d.id = 'doc-2' OR a.id = 'x') "
          "RETURN d.id");
  EXPECT_EQ(Column(t), (V{"doc-2"}));
}

TEST_F(ExecutorTest, OptionalMatch) {
  Table t = Run("MATCH (c:Company) OPTIONAL MATCH (c)-[:OPERATES_IN]->(x) "
                "RETURN c.name, x.name ORDER BY c.name");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "Chalco");
  EXPECT_TRUE(t.rows[0][1].is_null());
  EXPECT_EQ(ToDisplay(t.rows[1][1]), "China");
  // WHERE inside OPTIONAL MATCH filters the match, not the row.
  t = Run("MATCH (c:Company) OPTIONAL MATCH (c)-->(x) WHERE x.name = 'Nowhere' RETURN c.name, x");
  EXPECT_EQ(t.rows.size(), 2u);
}

TEST_F(ExecutorTest, VariableLengthPaths) {
  // Hydro -> China <- Chalco within two hops (either direction).
  auto reach = [&](const std::string& rel) {
    return Column(Run("MATCH (h {id: 'company:hydro'})" + rel +
                      "(x:Company) RETURN DISTINCT x.name ORDER BY x.name"));
  };
  EXPECT_EQ(reach("-[:OPERATES_IN|LOCATED_IN*1..2]-"), (V{"Chalco"}));
  EXPECT_EQ(reach("-[:OPERATES_IN|LOCATED_IN*1]-"), V{});
  EXPECT_EQ(reach("-[:OPERATES_IN|LOCATED_IN*2]-"), (V{"Chalco"}));
  EXPECT_EQ(reach("-[:OPERATES_IN|LOCATED_IN*]->"), V{});  // direction respected
  // Zero hops: the start node itself.
  EXPECT_EQ(reach("-[*0..0]-"), (V{"Norsk Hydro"}));
  // The relationship variable is a list; length via size().
  Table t = Run("MATCH (h {id: 'company:hydro'})-[r:OPERATES_IN|LOCATED_IN*1..3]-(x:Company) "
                "RETURN size(r), [type(r[0]), type(r[1])]");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "2");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "[\"OPERATES_IN\", \"LOCATED_IN\"]");
  // Parameter as the upper bound.
  EXPECT_EQ(Run("MATCH (h {id: 'company:hydro'})-[*1..$d]-(x) RETURN DISTINCT x", {{"d", Value(1)}})
                .rows.size(),
            2u);  // China and doc-2
}

TEST_F(ExecutorTest, HopCapAndRowLimit) {
  EXPECT_EQ(Error("MATCH (a)-[*1..20]-(b) RETURN a"),
            "line 1, column 10: variable-length relationships are limited to 10 hops (asked for 20)");
  ExecOptions small;
  small.max_rows = 5;
  EXPECT_NE(Error("MATCH (a), (b) RETURN a, b", {}, small).find("more than 5 rows"), std::string::npos);
  ExecOptions few;
  few.max_expansions = 10;
  EXPECT_NE(Error("MATCH (a)-[*1..5]-(b) RETURN count(*)", {}, few).find("expands more than 10"),
            std::string::npos);
}

TEST_F(ExecutorTest, ReturnProjectionDistinctOrderSkipLimit) {
  Table t = Run("MATCH (f:Figure) RETURN DISTINCT f.metric AS metric ORDER BY metric DESC");
  EXPECT_EQ(t.columns, (V{"metric"}));
  EXPECT_EQ(Column(t), (V{"recycled-aluminium-production", "primary-aluminium-production"}));
  t = Run("MATCH (n) RETURN n.id ORDER BY n.id SKIP 1 LIMIT 2");
  EXPECT_EQ(t.rows.size(), 2u);
  Table all = Run("MATCH (n) RETURN n.id ORDER BY n.id");
  EXPECT_EQ(Column(t), (V{Column(all)[1], Column(all)[2]}));
  // Sort by an expression not returned, descending, nulls first when descending.
  t = Run("MATCH (f:Figure) RETURN f.id ORDER BY f.value DESC, f.id");
  EXPECT_EQ(Column(t), (V{"figure:3", "figure:1", "figure:2"}));
  // Label predicates in WHERE.
  EXPECT_EQ(Column(Run("MATCH (e) WHERE e:Company OR e:Country RETURN count(*)")), (V{"3"}));
  EXPECT_EQ(Column(Run("MATCH (e:Company) WHERE NOT e:Company RETURN count(*)")), (V{"0"}));
}

TEST_F(ExecutorTest, AggregationWithImplicitGrouping) {
  Table t = Run("MATCH (d:Document)-[:REPORTS]->(f:Figure) "
                "RETURN f.metric AS metric, count(*) AS n, count(DISTINCT d) AS docs, "
                "collect(d.publisher) AS pubs, min(f.value) AS lo, max(f.value) AS hi, "
                "sum(f.value) AS total, avg(f.value) AS mean ORDER BY metric");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "primary-aluminium-production");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "1");
  EXPECT_EQ(ToDisplay(t.rows[1][1]), "2");
  EXPECT_EQ(ToDisplay(t.rows[1][2]), "2");
  EXPECT_EQ(ToDisplay(t.rows[1][3]), "[\"SMM\", \"Reuters\"]");
  EXPECT_EQ(ToDisplay(t.rows[1][4]), "15000000");
  EXPECT_EQ(ToDisplay(t.rows[1][5]), "15000000");
  EXPECT_EQ(ToDisplay(t.rows[1][6]), "30000000");
  EXPECT_EQ(ToDisplay(t.rows[1][7]), "15000000");
  // count(DISTINCT) vs count.
  t = Run("MATCH (d:Document)-[:REPORTS]->(f:Figure) RETURN count(d), count(DISTINCT d)");
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "3");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "2");
  // Aggregates inside expressions; empty input gives one row of zeros.
  t = Run("MATCH (x:Person) RETURN count(*) AS n, collect(x) AS l, sum(x.v) + 1 AS s");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "0");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "[]");
  EXPECT_EQ(ToDisplay(t.rows[0][2]), "1");
  // ... but with a grouping key, no rows.
  EXPECT_TRUE(Run("MATCH (x:Person) RETURN x.name, count(*)").rows.empty());
  // ORDER BY an aggregate alias.
  t = Run("MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.id AS doc, count(e) AS n ORDER BY n DESC");
  EXPECT_EQ(Column(t), (V{"doc-2", "doc-1"}));
}

TEST_F(ExecutorTest, WithChainingAndUnwind) {
  Table t = Run("MATCH (d:Document)-[:MENTIONS]->(e) WITH d, count(e) AS n WHERE n > 2 "
                "RETURN d.id, n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "doc-2");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "3");
  // Variables not carried by WITH are gone.
  EXPECT_EQ(Error("MATCH (d:Document)-->(e) WITH d RETURN e"),
            "line 1, column 40: variable `e` is not defined");
  t = Run("UNWIND [3, 1, 2] AS x WITH x ORDER BY x LIMIT 2 RETURN collect(x) AS xs");
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "[1, 2]");
  t = Run("WITH 'China' AS n MATCH (c:Country {name: n}) RETURN c.id");
  EXPECT_EQ(Column(t), (V{"country:china"}));
}

TEST_F(ExecutorTest, Parameters) {
  Table t = Run("MATCH (c:Company) WHERE c.name = $name RETURN c.id", {{"name", Value("Chalco")}});
  EXPECT_EQ(Column(t), (V{"company:chalco"}));
  t = Run("MATCH (f:Figure) WHERE f.value > $v RETURN count(*)", {{"v", Value(int64_t{20000000})}});
  EXPECT_EQ(Column(t), (V{"1"}));
  t = Run("MATCH (c) WHERE c.id IN $ids RETURN count(*)",
          {{"ids", Value(ValueList{Value("company:chalco"), Value("country:china")})}});
  EXPECT_EQ(Column(t), (V{"2"}));
  EXPECT_EQ(Error("MATCH (c) WHERE c.name = $missing RETURN c"),
            "line 1, column 26: parameter $missing has no value (give it with --param "
            "missing=...)");
}

TEST_F(ExecutorTest, ShortestPathAndPathFunctions) {
  Table t = Run("MATCH (a {id: 'company:hydro'}), (b {id: 'company:chalco'}), "
          "p = shortestPath((a)-[:OPERATES_IN|LOCATED_IN*..6]-(b)) "
          "RETURN length(p) AS hops, nodes(p)[1].name AS via, "
          "relationships(p)[1].sentence AS evidence");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "2");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "China");
  EXPECT_EQ(ToDisplay(t.rows[0][2]), "Chalco is based in Beijing, China.");
  // Any relationship type: Hydro -> China <- figure <- plan -> MIIT.
  t = Run("MATCH (a {id: 'company:hydro'}), (b {id: 'government_body:miit'}), "
          "p = shortestPath((a)-[*..6]-(b)) RETURN length(p), [x IN nodes(p) | x.id]");
  EXPECT_EQ(Column(t), (V{"4"}));
  // Out of reach within the bound: no row.
  EXPECT_TRUE(Run("MATCH (a {id: 'company:hydro'}), (b {id: 'government_body:miit'}), "
                  "p = shortestPath((a)-[*..3]-(b)) RETURN p").rows.empty());
  t = Run("MATCH (a {id: 'policy:plan'}), (b {id: 'country:china'}), "
          "p = shortestPath((a)-[*..6]-(b)) RETURN length(p)");
  EXPECT_EQ(Column(t), (V{"2"}));  // plan -SETS-> figure -ABOUT-> China
  // Named path over a fixed pattern.
  t = Run("MATCH p = (:Policy)-[:ISSUED_BY]->(:GovernmentBody) RETURN length(p), nodes(p)[0].name");
  EXPECT_EQ(Column(t), (V{"1"}));
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "Aluminium Plan");
}

TEST_F(ExecutorTest, Functions) {
  Table t = Run("MATCH (p:Policy)-[r]->(b:GovernmentBody) RETURN id(p) >= 0, labels(b), type(r), "
                "startNode(r).name, endNode(r).id, coalesce(p.missing, p.name), "
                "toLower(b.aliases[0]), keys(r)[0]");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "true");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "[\"GovernmentBody\"]");
  EXPECT_EQ(ToDisplay(t.rows[0][2]), "ISSUED_BY");
  EXPECT_EQ(ToDisplay(t.rows[0][3]), "Aluminium Plan");
  EXPECT_EQ(ToDisplay(t.rows[0][4]), "government_body:miit");
  EXPECT_EQ(ToDisplay(t.rows[0][5]), "Aluminium Plan");
  EXPECT_EQ(ToDisplay(t.rows[0][6]), "miit");
  EXPECT_EQ(ToDisplay(t.rows[0][7]), "sentence");
  t = Run("RETURN range(1, 3), head([1,2]), last([1,2]), split('a,b', ','), "
          "replace('aXb', 'X', '-'), substring('hello', 1, 3), toInteger('42'), toFloat('2.5'), "
          "trim('  x '), size([1,2,3]), length('abc'), round(2.6), abs(-3)");
  V expect{"[1, 2, 3]", "1", "2", "[\"a\", \"b\"]", "a-b", "ell", "42", "2.5", "x", "3", "3", "3", "3"};
  for (size_t i = 0; i < expect.size(); ++i) EXPECT_EQ(ToDisplay(t.rows[0][i]), expect[i]) << i;
}

TEST_F(ExecutorTest, UnknownLabelsAndTypesAreErrorsWithAHint) {
  EXPECT_EQ(Error("MATCH (c:Compnay) RETURN c").substr(0, 67),
            "line 1, column 7: unknown label `Compnay` (did you mean Company?); ");
  EXPECT_NE(Error("MATCH (c:company) RETURN c").find("did you mean Company?"), std::string::npos);
  EXPECT_NE(Error("MATCH (a)-[:ISSUEDBY]->(b) RETURN a")
                .find("line 1, column 10: unknown relationship type `ISSUEDBY` (did you mean ISSUED_BY?)"),
            std::string::npos);
  EXPECT_NE(Error("MATCH (c:Zebra) RETURN c").find("known: Commodity, Company"), std::string::npos);
}

TEST_F(ExecutorTest, CaseExpressions) {
  Table t = Run("MATCH (f:Figure) RETURN f.id, CASE f.kind WHEN 'target' THEN 'goal' WHEN 'actual' "
                "THEN 'reported' ELSE 'other' END AS k, CASE WHEN f.value > 2e7 THEN 'big' END AS size "
                "ORDER BY f.id");
  EXPECT_EQ(Column(t, 1), (V{"goal", "goal", "reported"}));
  EXPECT_EQ(Column(t, 2), (V{"", "", "big"}));  // no ELSE: null
  EXPECT_TRUE(t.rows[0][2].is_null());
  EXPECT_EQ(Error("RETURN CASE 1 THEN 2 END"), "line 1, column 15: expected WHEN but found 'THEN'");
  EXPECT_EQ(Error("RETURN CASE WHEN true THEN 1"), "line 1, column 29: expected END but found end of query");
}

TEST_F(ExecutorTest, ListComprehensionsAndPredicates) {
  Table t = Run("MATCH (c:Company) WHERE any(a IN c.aliases WHERE toLower(a) STARTS WITH 'alum') "
                "RETURN c.name, [a IN c.aliases | toUpper(a)] AS up, "
                "all(x IN [1, 2] WHERE x > 0) AS a, none(x IN [1, 2] WHERE x > 1) AS n, "
                "single(x IN [1, 2] WHERE x > 1) AS s");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][0]), "Chalco");
  EXPECT_EQ(ToDisplay(t.rows[0][1]), "[\"ALUMINUM CORPORATION OF CHINA\"]");
  EXPECT_EQ(ToDisplay(t.rows[0][2]), "true");
  EXPECT_EQ(ToDisplay(t.rows[0][3]), "false");
  EXPECT_EQ(ToDisplay(t.rows[0][4]), "true");
  EXPECT_EQ(Error("RETURN [x IN [1] | y]"), "line 1, column 20: variable `y` is not defined");
}

TEST_F(ExecutorTest, SemanticErrors) {
  EXPECT_EQ(Error("MATCH (n) RETURN m"), "line 1, column 18: variable `m` is not defined");
  EXPECT_EQ(Error("MATCH (n) RETURN nosuch(n)"), "line 1, column 18: unknown function nosuch()");
  EXPECT_EQ(Error("MATCH (n) WHERE count(n) > 1 RETURN n"),
            "line 1, column 17: aggregate count() is not allowed here (only in RETURN or WITH)");
  EXPECT_EQ(Error("MATCH (n) WHERE n.name =~ '(' RETURN n").substr(0, 45),
            "line 1, column 27: bad regular expression '('");
  EXPECT_EQ(Error("RETURN 1 / 0"), "line 1, column 8: division by zero");
}

TEST_F(ExecutorTest, PlannerStartsFromMostSelectiveNode) {
  auto describe = [&](const std::string& text, const Params& params = {}) {
    auto q = Parse(text);
    EXPECT_TRUE(q.ok());
    auto plan = BindAndPlan(*q, g_, params);
    EXPECT_TRUE(plan.ok()) << plan.status().message();
    auto lines = plan->Describe(*q);
    return lines.empty() ? std::string() : lines[0];
  };
  EXPECT_NE(describe("MATCH (d:Document)-[:REPORTS]->(f:Figure {kind: 'actual'}) RETURN d")
                .find("start at (f) by index Figure.kind (~1 nodes)"),
            std::string::npos);
  EXPECT_NE(describe("MATCH (d:Document)-[:MENTIONS]->(c:Company) WHERE c.name = $n RETURN d",
                     {{"n", Value("Chalco")}})
                .find("start at (c) by index Company.name (~1 nodes)"),
            std::string::npos);
  EXPECT_NE(describe("MATCH (x)-->(c {id: 'country:china'}) RETURN x").find("start at (c) by key lookup"),
            std::string::npos);
  EXPECT_NE(describe("MATCH (x)-->(c:Country) RETURN x").find("start at (c) by label scan Country"),
            std::string::npos);
  EXPECT_NE(describe("MATCH (x)-->(y) RETURN x").find("scan of all nodes"), std::string::npos);
  // The index answers the same as the scan.
  EXPECT_EQ(Column(Run("MATCH (d:Document)-[:REPORTS]->(f:Figure {kind: 'actual'}) RETURN d.id")),
            (V{"doc-2"}));
}

TEST_F(ExecutorTest, EmptyResultsKeepColumns) {
  Table t = Run("MATCH (c:Company {name: 'Nobody'}) RETURN c.name AS name, c.id");
  EXPECT_EQ(t.columns, (V{"name", "c.id"}));
  EXPECT_TRUE(t.rows.empty());
}

TEST_F(ExecutorTest, NodesMaterializeAsMaps) {
  Table t = Run("MATCH (c:Country) RETURN c");
  ASSERT_EQ(t.rows.size(), 1u);
  const ValueMap* m = t.rows[0][0].get_if<ValueMap>();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ((*m)[0].first, "_id");
  EXPECT_EQ(ToDisplay((*m)[0].second), "country:china");
  EXPECT_EQ(ToDisplay((*m)[1].second), "Country");
}

// The saved queries behind the everyday subcommands, with the parameters
// the CLI gives them.
class SavedQueryTest : public ExecutorTest {
 protected:
  Table Saved(const std::string& name, const Params& params) {
    auto text = LoadSavedQuery(name);
    EXPECT_TRUE(text.ok()) << text.status().message();
    return text.ok() ? Run(*text, params) : Table{};
  }
  Value Ids(const std::string& name) {
    ValueList l;
    for (Vertex v : FindNodesByName(g_, name).nodes)
      l.emplace_back(std::get<std::string>(g_.NodeProperties(v).front().second));  // id
    return Value(std::move(l));
  }
  size_t Col(const Table& t, const std::string& name) {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    EXPECT_NE(it, t.columns.end()) << name;
    return static_cast<size_t>(it - t.columns.begin());
  }
};

TEST_F(SavedQueryTest, TargetsListsEachTargetOnceWithSources) {
  Table t = Saved("targets", {{"policy", Value()}, {"policy_ids", Value(ValueList{})}});
  ASSERT_EQ(t.rows.size(), 1u);  // stated by two documents, listed once
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "metric")]), "recycled-aluminium-production");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "value")]), "15000000");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "unit")]), "[\"t\"]");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "qualifier")]), "[\"gt\"]");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "sources")]), "[\"SMM\", \"Reuters\"]");
  // By alias, and a policy that does not exist.
  t = Saved("targets", {{"policy", Value("the plan")}, {"policy_ids", Ids("the plan")}});
  EXPECT_EQ(t.rows.size(), 1u);
  t = Saved("targets", {{"policy", Value("other")}, {"policy_ids", Value(ValueList{})}});
  EXPECT_TRUE(t.rows.empty());
}

TEST_F(SavedQueryTest, Entities) {
  Params all{{"type", Value()}, {"name", Value()}, {"ids", Value(ValueList{})}};
  EXPECT_EQ(Saved("entities", all).rows.size(), 5u);
  Params companies{{"type", Value("company")}, {"name", Value()}, {"ids", Value(ValueList{})}};
  EXPECT_EQ(Saved("entities", companies).rows.size(), 2u);
  Params label{{"type", Value("GovernmentBody")}, {"name", Value()}, {"ids", Value(ValueList{})}};
  EXPECT_EQ(Column(Saved("entities", label), 0), (V{"government_body:miit"}));
  Params alias{{"type", Value()}, {"name", Value("miit")}, {"ids", Ids("miit")}};
  EXPECT_EQ(Column(Saved("entities", alias), 0), (V{"government_body:miit"}));
  Params part{{"type", Value()}, {"name", Value("HYDRO")}, {"ids", Value(ValueList{})}};
  Table t = Saved("entities", part);
  EXPECT_EQ(Column(t, 0), (V{"company:hydro"}));
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "documents")]), "1");
  // Part of an alias.
  Params by_alias{{"type", Value()}, {"name", Value("corporation")}, {"ids", Value(ValueList{})}};
  EXPECT_EQ(Column(Saved("entities", by_alias), 0), (V{"company:chalco"}));
}

TEST_F(SavedQueryTest, Figures) {
  auto run = [&](Value metric, Value entity, Value period, Value kind) {
    Value ids = entity.is_null() ? Value(ValueList{}) : Ids(entity.as<std::string>());
    return Saved("figures", {{"metric", metric}, {"entity", entity}, {"entity_ids", ids},
                             {"period", period}, {"kind", kind}});
  };
  EXPECT_EQ(run(Value(), Value(), Value(), Value()).rows.size(), 3u);
  EXPECT_EQ(run(Value("recycled"), Value(), Value(), Value()).rows.size(), 2u);
  EXPECT_EQ(run(Value("Primary Aluminium"), Value(), Value(), Value()).rows.size(), 1u);
  EXPECT_EQ(run(Value(), Value(), Value("2024"), Value()).rows.size(), 1u);
  EXPECT_EQ(run(Value(), Value(), Value(), Value("target")).rows.size(), 2u);
  EXPECT_EQ(run(Value(), Value("China"), Value(), Value("actual")).rows.size(), 1u);
  EXPECT_EQ(run(Value(), Value("the plan"), Value(), Value()).rows.size(), 2u);
  EXPECT_TRUE(run(Value("nothing"), Value(), Value(), Value()).rows.empty());
}

TEST_F(SavedQueryTest, NeighborsShowsThePlanForMiit) {
  auto miit = FindNodesByName(g_, "MIIT");
  ASSERT_EQ(miit.nodes.size(), 1u);
  Table t = Saved("neighbors", {{"id", Value("government_body:miit")}, {"depth", Value(1)}});
  std::vector<std::string> ids = Column(t, Col(t, "id"));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "policy:plan"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "doc-1"), ids.end());
  EXPECT_EQ(ids.size(), 2u);
  t = Saved("neighbors", {{"id", Value("government_body:miit")}, {"depth", Value(2)}});
  EXPECT_GT(t.rows.size(), 2u);
  EXPECT_EQ(ToDisplay(t.rows.back()[Col(t, "hops")]), "2");
}

TEST_F(SavedQueryTest, PathWithEvidenceForEveryHop) {
  Table t = Saved("path", {{"a", Value("company:hydro")}, {"b", Value("company:chalco")}});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "relation")]), "OPERATES_IN");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "evidence")]), "Hydro operates smelters in China.");
  EXPECT_EQ(ToDisplay(t.rows[1][Col(t, "subject")]), "Chalco");
  EXPECT_EQ(ToDisplay(t.rows[1][Col(t, "evidence")]), "Chalco is based in Beijing, China.");
  EXPECT_EQ(ToDisplay(t.rows[1][Col(t, "source")]), "doc-2");
  // Hydro to the plan: through China and the target figure about it.
  t = Saved("path", {{"a", Value("company:hydro")}, {"b", Value("policy:plan")}});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(ToDisplay(t.rows[2][Col(t, "relation")]), "SETS");
  EXPECT_EQ(ToDisplay(t.rows[2][Col(t, "evidence")]), "Recycled output to exceed 15 million tonnes.");
  // path-any also walks MENTIONS; the document is the evidence.
  t = Saved("path-any", {{"a", Value("government_body:miit")}, {"b", Value("policy:plan")}});
  ASSERT_EQ(t.rows.size(), 1u);
  t = Saved("path-any", {{"a", Value("doc-1")}, {"b", Value("government_body:miit")}});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "relation")]), "MENTIONS");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "evidence")]), "mentioned in: MIIT issues aluminium plan");
  EXPECT_EQ(ToDisplay(t.rows[0][Col(t, "source")]), "doc-1");
  // No path: no rows.
  EXPECT_TRUE(Saved("path", {{"a", Value("government_body:miit")}, {"b", Value("doc-2")}}).rows.empty());
}

TEST_F(SavedQueryTest, NamesResolveCaseInsensitivelyThroughAliases) {
  auto m = FindNodesByName(g_, "hydro");
  ASSERT_EQ(m.nodes.size(), 1u);
  EXPECT_TRUE(m.exact);
  EXPECT_EQ(g_.node(m.nodes[0]).key, "company:hydro");
  m = FindNodesByName(g_, "ALUMINUM CORPORATION OF CHINA");
  ASSERT_EQ(m.nodes.size(), 1u);
  EXPECT_EQ(g_.node(m.nodes[0]).key, "company:chalco");
  m = FindNodesByName(g_, "chin");  // part of China, Chalco's alias and a title
  EXPECT_FALSE(m.exact);
  EXPECT_EQ(m.nodes.size(), 3u);
  std::string list = DescribeCandidates(g_, m.nodes);
  EXPECT_NE(list.find("country:china (Country) China"), std::string::npos);
  EXPECT_NE(list.find("company:chalco (Company) Chalco"), std::string::npos);
  EXPECT_TRUE(FindNodesByName(g_, "chin", {"Policy"}).nodes.empty());
}

TEST(ParamValues, NumbersBooleansListsStrings) {
  EXPECT_EQ(ParseParamValue("42").as<int64_t>(), 42);
  EXPECT_DOUBLE_EQ(ParseParamValue("2.5").as<double>(), 2.5);
  EXPECT_TRUE(ParseParamValue("true").as<bool>());
  EXPECT_TRUE(ParseParamValue("null").is_null());
  EXPECT_EQ(ParseParamValue("[\"a\", 1]").as<ValueList>().size(), 2u);
  EXPECT_EQ(ParseParamValue("MIIT").as<std::string>(), "MIIT");
  EXPECT_EQ(ParseParamValue("2025-2027").as<std::string>(), "2025-2027");
  EXPECT_EQ(ParseParamValue("nan").as<std::string>(), "nan");
  EXPECT_EQ(ParseParamValue("").as<std::string>(), "");
}

TEST(ResultWriters, TableJsonCsv) {
  Table t;
  t.columns = {"name", "value", "list"};
  t.rows.push_back({Value("a, \"quoted\"\nline"), Value(15e6), Value(ValueList{Value("x"), Value(1)})});
  t.rows.push_back({Value(), Value(0.35), Value(ValueList{})});
  std::ostringstream csv, json, table;
  WriteCsv(t, csv);
  EXPECT_EQ(csv.str(),
            "name,value,list\r\n\"a, \"\"quoted\"\"\nline\",15000000,\"[\"\"x\"\",1]\"\r\n,0.35,[]\r\n");
  WriteJson(t, json);
  EXPECT_NE(json.str().find("\"value\": 15000000"), std::string::npos);
  EXPECT_NE(json.str().find("\"name\": null"), std::string::npos);
  WriteTable(t, table);
  EXPECT_NE(table.str().find("name"), std::string::npos);
  EXPECT_NE(table.str().find("(2 rows)"), std::string::npos);
  Format f;
  EXPECT_TRUE(ParseFormat("csv", &f));
  EXPECT_EQ(f, Format::kCsv);
  EXPECT_FALSE(ParseFormat("xml", &f));
}

}  // namespace
}  // namespace newsgraph::query
