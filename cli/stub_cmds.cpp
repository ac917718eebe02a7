// Commands whose issues have not landed yet: a clear message, exit 2.
#include <cstdio>

#include "cli/commands.h"

namespace newsgraph::cli {

static int NotYet(const char* name) {
  std::fprintf(stderr, "newsgraph %s: not available in this build yet\n", name);
  return kExitUsage;
}

int RunQuery(const GlobalOptions&, const Args&) { return NotYet("query"); }
int RunExport(const GlobalOptions&, const Args&) { return NotYet("export"); }

}  // namespace newsgraph::cli
