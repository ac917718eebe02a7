// STUB: replaced by the everyday subcommands (wrappers over queries/*.cypher).
#include <cstdio>

#include "cli/commands.h"

namespace newsgraph::cli {
static int NotYet(const char* name) {
  std::fprintf(stderr, "newsgraph %s: not available in this build yet\n", name);
  return kExitUsage;
}
int RunEntities(const GlobalOptions&, const Args&) { return NotYet("entities"); }
int RunFigures(const GlobalOptions&, const Args&) { return NotYet("figures"); }
int RunTargets(const GlobalOptions&, const Args&) { return NotYet("targets"); }
int RunNeighbors(const GlobalOptions&, const Args&) { return NotYet("neighbors"); }
int RunPath(const GlobalOptions&, const Args&) { return NotYet("path"); }
}  // namespace newsgraph::cli
