#include "queries/parser.h"

#include <gtest/gtest.h>

#include <functional>

namespace newsgraph::query {
namespace {

Query MustParse(std::string_view s) {
  auto r = Parse(s);
  EXPECT_TRUE(r.ok()) << s << "\n" << r.status().message();
  return r.ok() ? std::move(r.value()) : Query{};
}

std::string ErrorOf(std::string_view s) {
  auto r = Parse(s);
  EXPECT_FALSE(r.ok()) << s;
  return r.ok() ? "" : r.status().message();
}

TEST(Parser, MatchWithLabelsPropertiesAndDirection) {
  Query q = MustParse("MATCH (p:Policy {name: 'Plan'})-[r:ISSUED_BY]->(b) RETURN p, b.name AS body");
  ASSERT_EQ(q.clauses.size(), 2u);
  const Clause& m = q.clauses[0];
  EXPECT_EQ(m.kind, ClauseKind::kMatch);
  ASSERT_EQ(m.patterns.size(), 1u);
  const PatternPart& part = m.patterns[0];
  ASSERT_EQ(part.nodes.size(), 2u);
  EXPECT_EQ(part.nodes[0].var, "p");
  EXPECT_EQ(part.nodes[0].labels, std::vector<std::string>{"Policy"});
  ASSERT_EQ(part.nodes[0].props.size(), 1u);
  EXPECT_EQ(part.nodes[0].props[0].first, "name");
  EXPECT_EQ(part.nodes[0].props[0].second->literal.as<std::string>(), "Plan");
  ASSERT_EQ(part.rels.size(), 1u);
  EXPECT_EQ(part.rels[0].var, "r");
  EXPECT_EQ(part.rels[0].types, std::vector<std::string>{"ISSUED_BY"});
  EXPECT_EQ(part.rels[0].dir, Direction::kOut);
  const Projection& ret = q.clauses[1].projection;
  ASSERT_EQ(ret.items.size(), 2u);
  EXPECT_EQ(ret.items[0].alias, "p");
  EXPECT_EQ(ret.items[1].alias, "body");
  EXPECT_EQ(ret.items[1].expr->kind, ExprKind::kProperty);
}

TEST(Parser, DirectionsAlternativesAndVariableLength) {
  Query q = MustParse("MATCH (a)<-[:A|B|:C]-(b)--(c)-[*1..3]->(d)-[r*]-(e)-[*2]-(f) RETURN a");
  const PatternPart& p = q.clauses[0].patterns[0];
  ASSERT_EQ(p.rels.size(), 5u);
  EXPECT_EQ(p.rels[0].dir, Direction::kIn);
  EXPECT_EQ(p.rels[0].types, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(p.rels[1].dir, Direction::kBoth);
  EXPECT_FALSE(p.rels[1].var_length);
  EXPECT_TRUE(p.rels[2].var_length);
  EXPECT_EQ(p.rels[2].min_hops->literal.as<int64_t>(), 1);
  EXPECT_EQ(p.rels[2].max_hops->literal.as<int64_t>(), 3);
  EXPECT_EQ(p.rels[2].dir, Direction::kOut);
  EXPECT_TRUE(p.rels[3].var_length);
  EXPECT_EQ(p.rels[3].min_hops, nullptr);
  EXPECT_EQ(p.rels[3].max_hops, nullptr);
  EXPECT_EQ(p.rels[4].min_hops->literal.as<int64_t>(), 2);
  EXPECT_EQ(p.rels[4].max_hops->literal.as<int64_t>(), 2);
}

TEST(Parser, SeveralPatternsClausesOptionalWithUnwind) {
  Query q = MustParse(
      "MATCH (a:Company), (b:Country) MATCH (a)-->(b) OPTIONAL MATCH (a)-[:X]->(c) "
      "WITH a, count(c) AS n WHERE n > 1 UNWIND [1,2] AS x RETURN DISTINCT a.name, n, x "
      "ORDER BY n DESC, a.name SKIP 1 LIMIT 5;");
  ASSERT_EQ(q.clauses.size(), 6u);
  EXPECT_EQ(q.clauses[0].patterns.size(), 2u);
  EXPECT_FALSE(q.clauses[1].optional);
  EXPECT_TRUE(q.clauses[2].optional);
  EXPECT_EQ(q.clauses[3].kind, ClauseKind::kWith);
  ASSERT_NE(q.clauses[3].where, nullptr);
  EXPECT_EQ(q.clauses[4].kind, ClauseKind::kUnwind);
  EXPECT_EQ(q.clauses[4].unwind_var, "x");
  const Projection& r = q.clauses[5].projection;
  EXPECT_TRUE(r.distinct);
  ASSERT_EQ(r.order_by.size(), 2u);
  EXPECT_TRUE(r.order_by[0].descending);
  EXPECT_FALSE(r.order_by[1].descending);
  ASSERT_NE(r.skip, nullptr);
  ASSERT_NE(r.limit, nullptr);
  EXPECT_EQ(r.items[0].alias, "a.name");
}

TEST(Parser, ExpressionPrecedence) {
  Query q = MustParse("RETURN 1 + 2 * 3 = 7 AND NOT false OR x XOR y AS v");
  const Expr* e = q.clauses[0].projection.items[0].expr.get();
  // OR at the top: (... AND NOT false) OR (x XOR y)
  ASSERT_EQ(e->kind, ExprKind::kBinary);
  EXPECT_EQ(e->name, "OR");
  EXPECT_EQ(e->args[0]->name, "AND");
  EXPECT_EQ(e->args[1]->name, "XOR");
  const Expr* eq = e->args[0]->args[0].get();
  EXPECT_EQ(eq->name, "=");
  EXPECT_EQ(eq->args[0]->name, "+");
  EXPECT_EQ(eq->args[0]->args[1]->name, "*");
  EXPECT_EQ(e->args[0]->args[1]->kind, ExprKind::kUnary);
}

TEST(Parser, StringOperatorsNullAndIn) {
  Query q = MustParse(
      "MATCH (n) WHERE n.a STARTS WITH 'x' AND n.b ENDS WITH 'y' AND n.c CONTAINS 'z' "
      "AND n.d =~ '(?i)ab.*' AND n.e IS NULL AND n.f IS NOT NULL AND n.g IN [1, 2.5, 'three'] "
      "RETURN n");
  std::vector<std::string> ops;
  std::function<void(const Expr*)> walk = [&](const Expr* e) {
    if (e->kind == ExprKind::kBinary && e->name != "AND") ops.push_back(e->name);
    if (e->kind == ExprKind::kIsNull) ops.push_back(e->negated ? "IS NOT NULL" : "IS NULL");
    if (e->kind == ExprKind::kBinary && e->name == "AND")
      for (const auto& a : e->args) walk(a.get());
  };
  walk(q.clauses[0].where.get());
  EXPECT_EQ(ops, (std::vector<std::string>{"STARTS WITH", "ENDS WITH", "CONTAINS", "=~", "IS NULL",
                                           "IS NOT NULL", "IN"}));
}

TEST(Parser, FunctionsAggregatesParamsShortestPath) {
  Query q = MustParse(
      "MATCH (a {id: $a}), (b {id: $b}), p = shortestPath((a)-[*..6]-(b)) "
      "RETURN count(*), count(DISTINCT a), collect(a.name)[0], length(p), $b AS b");
  const PatternPart& sp = q.clauses[0].patterns[2];
  EXPECT_TRUE(sp.shortest);
  EXPECT_EQ(sp.path_var, "p");
  EXPECT_EQ(sp.rels[0].min_hops, nullptr);
  EXPECT_EQ(sp.rels[0].max_hops->literal.as<int64_t>(), 6);
  const auto& items = q.clauses[1].projection.items;
  EXPECT_TRUE(items[0].expr->star);
  EXPECT_EQ(items[0].alias, "count(*)");
  EXPECT_TRUE(items[1].expr->distinct);
  EXPECT_EQ(items[2].expr->kind, ExprKind::kIndex);
  EXPECT_EQ(items[4].expr->kind, ExprKind::kParam);
  EXPECT_EQ(q.clauses[0].patterns[0].nodes[0].props[0].second->kind, ExprKind::kParam);
}

TEST(Parser, CaseListComprehensionAndLabelPredicate) {
  Query q = MustParse("MATCH (n) WHERE n:Company RETURN CASE n.x WHEN 1 THEN 'a' ELSE 'b' END AS c, "
                      "[x IN [1,2,3] WHERE x > 1 | x * 2] AS l");
  EXPECT_EQ(q.clauses[0].where->kind, ExprKind::kHasLabels);
  EXPECT_EQ(q.clauses[0].where->keys, std::vector<std::string>{"Company"});
  const Expr* c = q.clauses[1].projection.items[0].expr.get();
  ASSERT_EQ(c->kind, ExprKind::kCase);
  ASSERT_EQ(c->args.size(), 4u);  // subject, WHEN, THEN, ELSE
  EXPECT_NE(c->args[0], nullptr);
  const Expr* l = q.clauses[1].projection.items[1].expr.get();
  ASSERT_EQ(l->kind, ExprKind::kListComp);
  EXPECT_EQ(l->name, "x");
  EXPECT_NE(l->args[1], nullptr);
  EXPECT_NE(l->args[2], nullptr);
}

TEST(Parser, KeywordsAreCaseInsensitive) {
  Query q = MustParse("match (n:Company) where n.name = 'x' return n order by n.name desc limit 1");
  EXPECT_EQ(q.clauses.size(), 2u);
  EXPECT_TRUE(q.clauses[1].projection.order_by[0].descending);
}

TEST(Parser, ErrorsWithPosition) {
  EXPECT_EQ(ErrorOf("MATCH (n RETURN n"), "line 1, column 10: expected ')' but found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (n)\nWHERE n.x = \nRETURN n"),
            "line 3, column 1: expected an expression but found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (n)-[:A]-(m)"),
            "line 1, column 19: expected RETURN but found end of query (a query must end with "
            "RETURN)");
  EXPECT_EQ(ErrorOf("MATCH (n) RETURN n LIMIT"),
            "line 1, column 25: expected an expression but found end of query");
  EXPECT_EQ(ErrorOf("RETURN 1 2"), "line 1, column 10: expected end of query but found '2'");
  EXPECT_EQ(ErrorOf("FOO (n) RETURN n"),
            "line 1, column 1: expected MATCH, UNWIND, WITH or RETURN but found 'FOO'");
  EXPECT_EQ(ErrorOf("MATCH (a)-[:R->(b) RETURN a"),
            "line 1, column 14: expected ']' but found '-'");
  EXPECT_EQ(ErrorOf("MATCH (a)<-[:R]->(b) RETURN a"),
            "line 1, column 10: a relationship cannot point both ways (<-...->)");
  EXPECT_EQ(ErrorOf("MATCH (n) WHERE n.name STARTS 'x' RETURN n"),
            "line 1, column 31: expected WITH but found string 'x'");
  EXPECT_EQ(ErrorOf(""), "line 1, column 1: expected MATCH, UNWIND, WITH or RETURN but found end of query");
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "RETURN " + std::string(5000, '(') + "1" + std::string(5000, ')');
  EXPECT_NE(ErrorOf(deep).find("nested too deeply"), std::string::npos);
  std::string nots = "RETURN ";
  for (int i = 0; i < 5000; ++i) nots += "NOT ";
  EXPECT_NE(ErrorOf(nots + "true").find("nested too deeply"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN " + std::string(5000, '-') + "1").find("nested too deeply"),
            std::string::npos);
  MustParse("RETURN " + std::string(50, '(') + "1" + std::string(50, ')'));
}

TEST(Parser, WriteClausesAreRejected) {
  EXPECT_EQ(ErrorOf("CREATE (n:Company {name: 'x'}) RETURN n"),
            "line 1, column 1: CREATE is not supported: newsgraph queries are read-only");
  EXPECT_EQ(ErrorOf("MATCH (n)\nDETACH DELETE n"),
            "line 2, column 1: DETACH is not supported: newsgraph queries are read-only");
  EXPECT_NE(ErrorOf("MATCH (n) SET n.x = 1 RETURN n").find("SET is not supported"), std::string::npos);
  EXPECT_NE(ErrorOf("merge (n) return n").find("MERGE is not supported"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph::query
