// The AST of the openCypher subset: what the parser produces and the
// planner/executor consume. Plain structs; every node keeps the line and
// column where it starts so later stages can report errors precisely.
//
// Grammar (informal):
//   query      := clause+ [';']
//   clause     := [OPTIONAL] MATCH pattern (',' pattern)* [WHERE expr]
//               | WITH projection [WHERE expr]
//               | UNWIND expr AS name
//               | RETURN projection
//   projection := [DISTINCT] ('*' | item (',' item)*) [ORDER BY sort (',' sort)*]
//                 [SKIP expr] [LIMIT expr]
//   item       := expr [AS name]
//   pattern    := [name '='] (shortestPath '(' chain ')' | chain)
//   chain      := node (rel node)*
//   node       := '(' [name] (':' Label)* [map] ')'
//   rel        := '-' ['[' [name] [':' T ('|' [':'] T)*] ['*' [min] ['..' [max]]] [map] ']'] '-'
//                 with '<' before or '>' after for direction
//   expr       := precedence: OR < XOR < AND < NOT < comparison (= <> < <= > >=
//                 =~ IN CONTAINS STARTS WITH ENDS WITH IS [NOT] NULL)
//                 < + - < * / % < unary - < postfix (.prop, [index], :Label) < atom
//   atom       := literal | $param | name | name '(' [DISTINCT] args ')' | count(*)
//               | '[' list ']' | '[' x IN list [WHERE p] ['|' e] ']' | '{' map '}'
//               | CASE [e] (WHEN e THEN e)+ [ELSE e] END | '(' expr ')')
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "queries/result.h"

namespace newsgraph::query {

struct Position {
  int line = 1;
  int column = 1;
};

enum class ExprKind {
  kLiteral,   // literal
  kParam,     // name
  kVariable,  // name
  kProperty,  // args[0].name
  kIndex,     // args[0][args[1]]
  kList,      // [args...]
  kMap,       // {keys[i]: args[i]}
  kUnary,     // op args[0]: "NOT", "-"
  kBinary,    // args[0] op args[1]
  kIsNull,    // args[0] IS NULL (negated: IS NOT NULL)
  kFunction,  // name(args...), distinct, star (count(*))
  kHasLabels, // args[0]:Label1:Label2 (keys = labels)
  kListComp,  // [name IN args[0] WHERE args[1] | args[2]] (args[1], args[2] may be null);
              // with keys = {"any"|"all"|"none"|"single"}: any(name IN args[0] WHERE args[1])
  kCase,      // CASE [args[0]] WHEN args[1] THEN args[2] ... [ELSE args.back()] END
              // (args[0]: the subject of a simple CASE, or null; args.back(): ELSE or null)
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Position pos;
  std::string text;  // the source text of the expression (column names)
  Value literal;
  std::string name;  // parameter, variable, property key, function (lower case) or operator
  std::vector<std::string> keys;  // map literal keys
  std::vector<std::unique_ptr<Expr>> args;
  bool distinct = false;  // count(DISTINCT x)
  bool star = false;      // count(*)
  bool negated = false;   // IS NOT NULL
};
using ExprPtr = std::unique_ptr<Expr>;

struct NodePattern {
  Position pos;
  std::string var;  // may be empty (anonymous)
  std::vector<std::string> labels;  // all must hold
  std::vector<std::pair<std::string, ExprPtr>> props;
};

enum class Direction { kOut, kIn, kBoth };  // (a)-->(b), (a)<--(b), (a)--(b)

struct RelPattern {
  Position pos;
  std::string var;
  std::vector<std::string> types;  // alternatives; empty = any
  std::vector<std::pair<std::string, ExprPtr>> props;
  Direction dir = Direction::kBoth;
  bool var_length = false;
  // Bounds of a variable-length relationship: literal integers or $params.
  // Defaults: min 1, max = the executor's hop cap.
  ExprPtr min_hops;
  ExprPtr max_hops;
};

struct PatternPart {
  Position pos;
  std::string path_var;  // p = ...
  bool shortest = false;  // shortestPath(...)
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;  // rels[i] joins nodes[i] and nodes[i+1]
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // column name: the AS name, else the expression's text
  bool has_alias = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

enum class ClauseKind { kMatch, kWith, kUnwind, kReturn };

struct Clause {
  ClauseKind kind = ClauseKind::kMatch;
  Position pos;
  bool optional = false;              // OPTIONAL MATCH
  std::vector<PatternPart> patterns;  // MATCH
  ExprPtr where;                      // MATCH, WITH
  Projection projection;              // WITH, RETURN
  ExprPtr unwind_expr;                // UNWIND
  std::string unwind_var;
};

struct Query {
  std::vector<Clause> clauses;  // the last one is RETURN
};

}  // namespace newsgraph::query
