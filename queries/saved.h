// Support for the command line: the saved queries in queries/*.cypher, the
// graph loaded from a store, --param values, and resolving names typed by a
// user to nodes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/property_graph.h"
#include "queries/result.h"

namespace newsgraph::query {

// The folder of saved queries: $NEWSGRAPH_QUERIES if set, else the source
// tree's queries/ (NEWSGRAPH_SOURCE_QUERIES_DIR).
std::string QueriesDir();

// The text of the saved query `name` ("targets" -> QueriesDir()/targets.cypher).
Result<std::string> LoadSavedQuery(std::string_view name);

// Loads the store at `db_path` (read-only) and builds the graph view. (A
// pointer: Boost's adjacency_list copies where it could move.) Figures are
// streamed from the store into the graph, not all held at once. Their
// sentences stay in the store, read when a query asks for one (the store
// stays open for that as long as the graph lives), unless
// `figure_sentences`: a caller that shows every figure's sentence (export)
// loads them with the graph.
Result<std::unique_ptr<PropertyGraph>> LoadGraph(const std::string& db_path,
                                                 bool figure_sentences = false);

// A --param value: integers and decimals become numbers, true/false
// booleans, null null, a JSON array ('["a","b"]') a list; anything else
// stays a string.
Value ParseParamValue(std::string_view text);

// Nodes a user means by `name`: those whose name, id or an alias equals it
// case-insensitively (through the graph's folded-name index); if none, those
// whose name or id contains it. `labels` (if not empty) restricts the label.
// Figures are never matched.
struct NameMatches {
  std::vector<Vertex> nodes;
  bool exact = false;
};
NameMatches FindNodesByName(const PropertyGraph& g, std::string_view name,
                            const std::vector<std::string>& labels = {});

// "  company:norsk-hydro (Company) Norsk Hydro" lines, for an ambiguity message.
std::string DescribeCandidates(const PropertyGraph& g, const std::vector<Vertex>& nodes,
                               size_t max = 20);

}  // namespace newsgraph::query
