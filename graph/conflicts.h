// Cross-source consistency: which figures do sources state differently?
//
// Figures are grouped into comparable statements by metric, subject (the
// policy for targets and limits, else the figure's subject), period, kind
// class (target and limit compare with each other; actual and forecast
// each with their own) and dimension (t and t/y are one: annual tonnages).
// Each statement becomes the set of values it allows:
//   eq      the tolerance its written precision implies ("110 million":
//           109.5-110.5 million; "110.32 million" far less; counts exact);
//   approx  a band of `approx_band` (relative) around the value;
//   gt/ge/lt/le  half-lines; range  its interval.
// Two statements from different documents conflict when their sets cannot
// overlap. Warnings (both may be true, an analyst should look): bounds with
// different qualifiers ("over 30%" vs "at least 30%"), and a value off from
// its peers on the same metric by about 10^3 or 10^6 (a likely unit slip).
// Progress to target: for each target, the latest actual value of the same
// metric and subject, for the report only.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "graph/store.h"

namespace newsgraph {

struct ConflictOptions {
  double approx_band = 0.10;  // "about 110" allows 99..121
  // Metric ids that name a measure but no object ("price", "price-growth",
  // "exports-share"): statements on them are not comparable. See
  // LoadBareMeasures.
  std::unordered_set<std::string> bare_measures;
};

// The bare measure ids: every `measure` of data_dir/metrics.tsv, alone and
// with the -growth, -share and -change suffixes the figure extractor adds.
// Empty (nothing excluded) when the file cannot be read.
std::unordered_set<std::string> LoadBareMeasures(const std::string& data_dir);

struct Disagreement {
  std::string metric;
  std::string subject;
  std::string period;
  std::string kind;
  std::string severity;  // "conflict" | "warning"
  std::string reason;
  // Statements that agree with each other; two on different sides disagree.
  std::vector<std::vector<const StoredFigure*>> sides;
};

struct TargetProgress {
  const StoredFigure* target = nullptr;
  const StoredFigure* latest_actual = nullptr;
};

struct ConsistencyReport {
  std::vector<Disagreement> disagreements;  // conflicts first, then by metric
  std::vector<TargetProgress> progress;
};

// Pointers in the report point into `data.figures`, which must outlive it.
ConsistencyReport CheckConsistency(const GraphData& data, const ConflictOptions& options);

// The CONFLICTS_WITH edges to store, one per figure and distinct statement
// it disagrees with, so that they grow with the statements, not with their
// pairs (every pair of 8 syndicated copies of a two-sided story is 64 edges;
// this is 8 or 16):
//   - within a side, figures stating the same value, value_max, unit and
//     qualifier (from however many documents) are one statement, whose
//     representative is its first figure in side order;
//   - every figure has an edge to the representative of each distinct
//     statement on every other side of the disagreement; between two
//     representatives the edge is stored once, from the earlier side to the
//     later, else from the figure to the representative.
// The direction carries no meaning: from any figure, an undirected
// (f)-[:CONFLICTS_WITH]-(g) reaches one figure per distinct statement it
// disagrees with. The report itself (its sides) lists every figure.
std::vector<StoredConflict> ConflictEdges(const ConsistencyReport& report);

}  // namespace newsgraph
