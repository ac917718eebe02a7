#include "graph/algorithms.h"

#include <boost/graph/page_rank.hpp>

#include <algorithm>

namespace newsgraph {

std::vector<Centrality> MostConnectedEntities(const PropertyGraph& pg, size_t limit) {
  const BoostGraph& g = pg.graph();
  std::vector<double> rank(boost::num_vertices(g), 0.0);
  if (!rank.empty())
    boost::graph::page_rank(g, boost::make_iterator_property_map(
                                   rank.begin(), boost::get(boost::vertex_index, g)),
                            boost::graph::n_iterations(20), 0.85);
  // Boost's ranks sum to the vertex count; report the usual probabilities.
  for (double& r : rank) r /= static_cast<double>(rank.size());
  std::vector<Centrality> out;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const std::string& label = g[*v].label;
    if (label == "Document" || label == "Figure" || label == "Metric") continue;
    out.push_back({*v, boost::in_degree(*v, g) + boost::out_degree(*v, g), rank[*v]});
  }
  std::sort(out.begin(), out.end(), [](const Centrality& a, const Centrality& b) {
    if (a.degree != b.degree) return a.degree > b.degree;
    return a.pagerank > b.pagerank;
  });
  if (limit && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace newsgraph
