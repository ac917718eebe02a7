// Binder and planner: checks a parsed query against its scopes and picks,
// for every MATCH pattern, the node to start matching from.
//
// Binding: every variable an expression uses must be defined by an earlier
// pattern, UNWIND or WITH (errors name the line and column: "line 2,
// column 8: variable `x` is not defined"); functions must exist; aggregates
// may not stand in WHERE; parameters must be given.
//
// Planning: for each pattern part the start node is, in order of
// preference,
//   1. a node whose variable is already bound (by an earlier pattern/clause),
//   2. a node with an `id` property ({id: 'company:x'} or WHERE n.id = ...):
//      a key lookup,
//   3. a node with a label and an indexed property (name, metric, unit, kind,
//      period, type, publisher) given inline ({name: 'x'}) or by a top-level
//      WHERE equality (n.name = 'x' / $p): an index lookup; among several,
//      the one with the fewest matching nodes,
//   4. the node whose label has the fewest nodes (label scan),
//   5. a scan of all nodes.
// The matcher then expands outwards along the chain in both directions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "graph/property_graph.h"
#include "queries/ast.h"

namespace newsgraph::query {

using Params = std::map<std::string, Value>;

enum class StartKind { kBound, kKey, kIndex, kLabelScan, kAllScan };

struct StartChoice {
  StartKind kind = StartKind::kAllScan;
  size_t node = 0;          // index into PatternPart::nodes
  std::string label;        // kIndex, kLabelScan, kKey (may be empty)
  std::string prop;         // kIndex
  const Expr* value = nullptr;  // kKey, kIndex: literal or parameter
  size_t estimate = 0;      // candidate nodes expected
};

// plan.starts[clause][part]: the start of each pattern part of each MATCH
// (empty vectors for other clauses).
struct Plan {
  std::vector<std::vector<StartChoice>> starts;
  // One line per pattern part, e.g. "MATCH #1 part 1: start (p) by index
  // Policy.name (1 node), expand 2 hops". For --explain and tests.
  std::vector<std::string> Describe(const Query& q) const;
};

// The functions the executor knows (lower case), and which of them aggregate.
bool IsKnownFunction(const std::string& name);
bool IsAggregate(const std::string& name);
bool ContainsAggregate(const Expr& e);

// Binds and plans `q`. `params` are the values of $parameters.
Result<Plan> BindAndPlan(const Query& q, const PropertyGraph& g, const Params& params);

}  // namespace newsgraph::query
