// `newsgraph export --format graphml|dot|jsonl|csv [--out PATH]`: the whole
// graph for other tools. graphml, dot and jsonl go to stdout or --out FILE;
// csv writes nodes.csv and relationships.csv into --out DIR (Neo4j import).
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/kept_graph.h"
#include "graph/export.h"
#include "graph/property_graph.h"
#include "queries/saved.h"

namespace newsgraph::cli {

namespace {
constexpr const char* kUsage =
    "usage: newsgraph export --format graphml|dot|jsonl|csv [--out PATH]\n"
    "  graphml, dot, jsonl: to stdout, or to the file --out PATH\n"
    "  csv: nodes.csv and relationships.csv (Neo4j import) into the folder --out DIR\n";
}

int RunExport(const GlobalOptions& g, const Args& args) {
  std::string format, out_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--format" || a == "--out") && i + 1 < args.size()) {
      (a == "--format" ? format : out_path) = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      format = a.substr(9);
    } else if (a.rfind("--out=", 0) == 0) {
      out_path = a.substr(6);
    } else if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      std::fprintf(stderr, "newsgraph export: unexpected argument '%s'\n%s", a.c_str(), kUsage);
      return kExitUsage;
    }
  }
  if (format != "graphml" && format != "dot" && format != "jsonl" && format != "csv") {
    std::fprintf(stderr, "newsgraph export: --format must be graphml, dot, jsonl or csv\n%s",
                 kUsage);
    return kExitUsage;
  }
  if (format == "csv" && out_path.empty()) {
    std::fprintf(stderr, "newsgraph export: csv writes two files; give a folder with --out DIR\n");
    return kExitUsage;
  }
  auto loaded = query::LoadGraph(g.db_path, /*figure_sentences=*/true);
  if (!loaded.ok()) {
    std::fprintf(stderr, "newsgraph export: %s\n", loaded.status().message().c_str());
    return kExitUsage;
  }
  KeptGraph kept = KeepGraph(std::move(loaded.value()));
  const PropertyGraph& graph = *kept;
  if (format == "csv") {
    ::mkdir(out_path.c_str(), 0755);
    Status s = WriteNeo4jCsv(graph, out_path);
    if (!s.ok()) {
      std::fprintf(stderr, "newsgraph export: %s\n", s.message().c_str());
      return kExitUsage;
    }
    std::fprintf(stderr, "export: %zu nodes, %zu relationships -> %s/{nodes,relationships}.csv\n",
                 graph.node_count(), graph.edge_count(), out_path.c_str());
    return kExitOk;
  }
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path);
    if (!file) {
      std::fprintf(stderr, "newsgraph export: cannot write %s\n", out_path.c_str());
      return kExitUsage;
    }
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  if (format == "graphml") WriteGraphMl(graph, out);
  else if (format == "dot") WriteDot(graph, out);
  else WriteJsonl(graph, out);
  out.flush();
  if (!out) {
    std::fprintf(stderr, "newsgraph export: write error\n");
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace newsgraph::cli
