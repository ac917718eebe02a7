// STUB: replaced by the export command.
#include <cstdio>

#include "cli/commands.h"

namespace newsgraph::cli {
int RunExport(const GlobalOptions&, const Args&) {
  std::fputs("newsgraph export: not available in this build yet\n", stderr);
  return kExitUsage;
}
}  // namespace newsgraph::cli
