// Graph algorithms over the PropertyGraph (Boost.Graph).
#pragma once

#include <vector>

#include "graph/property_graph.h"

namespace newsgraph {

struct Centrality {
  Vertex node;
  size_t degree = 0;  // in + out edges
  double pagerank = 0;
};

// Degree and PageRank (damping 0.85, 20 iterations) of every entity node
// (not Documents, Figures or Metrics), most connected first; `limit` 0 = all.
std::vector<Centrality> MostConnectedEntities(const PropertyGraph& g, size_t limit);

}  // namespace newsgraph
