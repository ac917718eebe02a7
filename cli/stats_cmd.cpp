// `newsgraph stats`: what the store holds — documents (published, publisher,
// title), counts by node label and relationship type, and the most
// connected entities by degree and PageRank.
#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "graph/algorithms.h"
#include "graph/property_graph.h"
#include "graph/store.h"

namespace newsgraph::cli {

int RunStats(const GlobalOptions& g, const Args& args) {
  size_t top = 10;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::puts("usage: newsgraph stats [--top N]\n"
                "What the store holds: documents, counts by label and relationship type,\n"
                "and the N most connected entities (degree, PageRank).");
      return kExitOk;
    }
    if (args[i] == "--top" && i + 1 < args.size()) {
      top = static_cast<size_t>(std::strtoul(args[++i].c_str(), nullptr, 10));
    } else {
      std::fprintf(stderr, "newsgraph stats: unexpected argument '%s'\n", args[i].c_str());
      return kExitUsage;
    }
  }
  auto store = Store::Open(g.db_path, /*read_only=*/true);
  if (!store.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", store.status().message().c_str());
    return kExitUsage;
  }
  auto data = (*store)->Load();
  auto counts = (*store)->CountAll();
  if (!data.ok() || !counts.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n",
                 (!data.ok() ? data.status() : counts.status()).message().c_str());
    return kExitUsage;
  }
  std::printf("%s: %lld documents\n\n", g.db_path.c_str(), counts->documents);
  std::printf("  %-10s  %-18s  %s\n", "published", "publisher", "title");
  for (const Document& d : data->documents)
    std::printf("  %-10s  %-18s  %s\n", d.published.empty() ? "-" : d.published.c_str(),
                d.publisher.empty() ? "-" : d.publisher.c_str(),
                d.title.empty() ? d.path.c_str() : d.title.c_str());
  std::printf("\n  entities %lld (mentions %lld), figures %lld, relations %lld, conflicts %lld\n",
              counts->entities, counts->mentions, counts->figures, counts->relations,
              counts->conflicts);

  PropertyGraph graph = PropertyGraph::Build(*data);
  std::map<std::string, size_t> labels, types;
  const BoostGraph& bg = graph.graph();
  for (auto [v, end] = boost::vertices(bg); v != end; ++v) ++labels[bg[*v].label];
  for (auto [e, end] = boost::edges(bg); e != end; ++e) ++types[std::string(bg[*e].type)];
  std::printf("\n  nodes by label:");
  for (const auto& [l, n] : labels) std::printf(" %s %zu,", l.c_str(), n);
  std::printf("\n  relationships by type:");
  for (const auto& [t, n] : types) std::printf(" %s %zu,", t.c_str(), n);
  std::printf("\n");
  auto central = MostConnectedEntities(graph, top);
  if (!central.empty()) {
    std::printf("\n  most connected entities:\n  %-6s  %-8s  %-16s  %s\n", "degree", "pagerank",
                "label", "name");
    for (const Centrality& c : central) {
      const NodeData& n = graph.node(c.node);
      PropertyValue scratch;
      const PropertyValue* name = graph.NodeProperty(c.node, "name", &scratch);
      std::printf("  %-6zu  %-8.5f  %-16s  %s\n", c.degree, c.pagerank, n.label.c_str(),
                  name && std::holds_alternative<std::string>(*name)
                      ? std::get<std::string>(*name).c_str()
                      : n.key.c_str());
    }
  }
  return kExitOk;
}

}  // namespace newsgraph::cli
