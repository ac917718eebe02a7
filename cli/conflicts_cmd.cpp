// STUB until the consistency issue lands: an empty report.
#include <cstdio>
#include <string>

#include "cli/commands.h"

namespace newsgraph::cli {

int RunConflicts(const GlobalOptions&, const Args& args) {
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i)
    if ((args[i] == "--format" && i + 1 < args.size() && args[i + 1] == "json") ||
        args[i] == "--format=json")
      json = true;
  std::puts(json ? "[]" : "No conflicts found.");
  return kExitOk;
}

}  // namespace newsgraph::cli
