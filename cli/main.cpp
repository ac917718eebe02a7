// newsgraph: news articles -> a knowledge graph an analyst can query.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage = R"(usage: newsgraph [--db PATH] [--data DIR] COMMAND [ARGS]

Commands:
  ingest PATH...        store articles (files, folders, or - for stdin)
  extract PATH...       print what would be extracted, one JSON line per article
                        (--with-text adds the cleaned text)
  query 'CYPHER'        run a read-only openCypher query (-f FILE, --param k=v,
                        --format table|json|csv)
  conflicts             where sources disagree (--format text|json)
  export --format F     the whole graph as graphml, dot, jsonl or csv
  stats                 what the store holds: documents, counts, most connected
  entities [--type T] [NAME]     entities, matched by name or alias
  figures [--metric M] [--entity E] [--period P] [--kind K]
  targets [POLICY]      the targets and limits a policy sets, with sources
  neighbors NAME [--depth N]     what an entity is connected to
  path A B              how two entities connect, with the evidence of every hop

Global options:
  --db PATH    the store (default $NEWSGRAPH_DB, else ./newsgraph.db)
  --data DIR   lexicon directory (default $NEWSGRAPH_DATA, else built-in data/)
  --help       this text; COMMAND --help for a command's options
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  GlobalOptions g;
  if (const char* env = std::getenv("NEWSGRAPH_DB"); env && *env) g.db_path = env;
  else g.db_path = "newsgraph.db";
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" || a == "--data") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "newsgraph: %s needs a value\n", a.c_str());
        return kExitUsage;
      }
      (a == "--db" ? g.db_path : g.data_dir) = argv[++i];
    } else if (a.rfind("--db=", 0) == 0) {
      g.db_path = a.substr(5);
    } else if (a.rfind("--data=", 0) == 0) {
      g.data_dir = a.substr(7);
    } else if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (a == "--version") {
      std::puts("newsgraph 0.1.0");
      return kExitOk;
    } else {
      break;
    }
  }
  // Readers load their data files (chrome rules) by the same resolution.
  if (!g.data_dir.empty()) ::setenv("NEWSGRAPH_DATA", g.data_dir.c_str(), 1);
  if (i >= argc) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  std::string command = argv[i++];
  Args args(argv + i, argv + argc);
  if (command == "ingest") return RunIngest(g, args);
  if (command == "extract") return RunExtract(g, args);
  if (command == "stats") return RunStats(g, args);
  if (command == "query") return RunQuery(g, args);
  if (command == "conflicts") return RunConflicts(g, args);
  if (command == "export") return RunExport(g, args);
  if (command == "entities") return RunEntities(g, args);
  if (command == "figures") return RunFigures(g, args);
  if (command == "targets") return RunTargets(g, args);
  if (command == "neighbors") return RunNeighbors(g, args);
  if (command == "path") return RunPath(g, args);
  std::fprintf(stderr, "newsgraph: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return kExitUsage;
}
