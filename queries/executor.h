// Executor: runs a bound and planned query over a PropertyGraph and returns
// a Table.
//
// Semantics follow openCypher where the subset overlaps: rows flow through
// the clauses; MATCH extends each row with every way its patterns match
// (a relationship is not repeated within one MATCH, across its comma-
// separated parts too; shortestPath returns one shortest path per pair of
// end nodes, also for allShortestPaths); WHERE conditions (split at AND) run
// as soon as the variables they read are bound; OPTIONAL MATCH keeps
// a row with nulls when nothing matches; WHERE keeps rows where the
// predicate is true (null counts as false); WITH/RETURN project, group
// (implicit grouping: the non-aggregate items are the keys), dedupe
// (DISTINCT), sort (ORDER BY, nulls last ascending), then SKIP and LIMIT.
//
// Limits (so a query never hangs; each failure is an error, not a partial
// answer):
//   - a variable-length relationship has at most ExecOptions::max_hops (10)
//     hops; [*] and [*2..] mean "up to the cap", an explicit upper bound
//     above the cap is an error;
//   - at most ExecOptions::max_rows (1,000,000) rows between clauses, and
//     at most ExecOptions::max_expansions (50,000,000) relationship
//     expansions per query.
// Regular expressions (=~) are RE2, full match, compiled once per pattern.
#pragma once

#include <string_view>

#include "common/status.h"
#include "graph/property_graph.h"
#include "queries/ast.h"
#include "queries/planner.h"
#include "queries/result.h"

namespace newsgraph::query {

struct ExecOptions {
  int max_hops = 10;
  size_t max_rows = 1'000'000;
  size_t max_expansions = 50'000'000;
};

// Runs `q` (already planned by BindAndPlan with the same params).
Result<Table> Execute(const Query& q, const Plan& plan, const PropertyGraph& g,
                      const Params& params, const ExecOptions& options = {});

// Parse + bind/plan + execute. Errors carry line and column where known.
Result<Table> RunQuery(std::string_view text, const PropertyGraph& g, const Params& params = {},
                       const ExecOptions& options = {});

// A node as a map: {_id: key, _label: label, ...properties}; relationships
// as {_type, _start, _end, ...properties}; paths as lists of those. Applied
// to every cell of a Table before it is returned.
Value Materialize(const Value& v, const PropertyGraph& g);

}  // namespace newsgraph::query
