// STUB: replaced by the query command.
#include <cstdio>

#include "cli/commands.h"

namespace newsgraph::cli {
int RunQuery(const GlobalOptions&, const Args&) {
  std::fputs("newsgraph query: not available in this build yet\n", stderr);
  return kExitUsage;
}
}  // namespace newsgraph::cli
