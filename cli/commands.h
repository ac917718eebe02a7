// The `newsgraph` subcommands. Each takes the arguments after its name and
// the global options, prints to stdout/stderr and returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::cli {

struct GlobalOptions {
  std::string db_path;   // --db, $NEWSGRAPH_DB, ./newsgraph.db
  std::string data_dir;  // --data, $NEWSGRAPH_DATA, built-in
};

using Args = std::vector<std::string>;

int RunIngest(const GlobalOptions& g, const Args& args);
int RunExtract(const GlobalOptions& g, const Args& args);
int RunStats(const GlobalOptions& g, const Args& args);
int RunQuery(const GlobalOptions& g, const Args& args);
int RunConflicts(const GlobalOptions& g, const Args& args);
int RunExport(const GlobalOptions& g, const Args& args);
// Everyday questions, thin wrappers over the saved queries in queries/*.cypher.
int RunEntities(const GlobalOptions& g, const Args& args);
int RunFigures(const GlobalOptions& g, const Args& args);
int RunTargets(const GlobalOptions& g, const Args& args);
int RunNeighbors(const GlobalOptions& g, const Args& args);
int RunPath(const GlobalOptions& g, const Args& args);

// Exit codes.
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;  // some inputs failed; the others landed
constexpr int kExitUsage = 2;       // bad command line or unusable store

}  // namespace newsgraph::cli
