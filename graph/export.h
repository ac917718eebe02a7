// Export: the whole graph in formats other tools load.
//   graphml  Gephi, yEd, NetworkX (keys declared per property, typed)
//   dot      Graphviz (labels: node name or key; edge type)
//   jsonl    one JSON object per line: {"kind":"node",...} then edges
//   csv      Neo4j `neo4j-admin database import` / LOAD CSV: nodes.csv
//            (id:ID, :LABEL, properties) and relationships.csv
//            (:START_ID, :END_ID, :TYPE, properties), written to a folder
#pragma once

#include <ostream>
#include <string>

#include "common/status.h"
#include "graph/property_graph.h"

namespace newsgraph {

void WriteGraphMl(const PropertyGraph& g, std::ostream& out);
void WriteDot(const PropertyGraph& g, std::ostream& out);
void WriteJsonl(const PropertyGraph& g, std::ostream& out);
// Writes dir/nodes.csv and dir/relationships.csv (dir must exist).
Status WriteNeo4jCsv(const PropertyGraph& g, const std::string& dir);

}  // namespace newsgraph
