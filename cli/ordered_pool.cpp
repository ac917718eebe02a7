#include "cli/ordered_pool.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace newsgraph::cli {

size_t ParseJobs(const std::string& v) {
  char* end = nullptr;
  unsigned long n = std::strtoul(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 1 || n > 256) return 0;
  return n;
}

size_t DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

bool TakeJobsOption(const std::vector<std::string>& args, size_t* i, const char* command,
                    size_t* jobs) {
  const std::string& a = args[*i];
  bool joined = a.rfind("--jobs=", 0) == 0;
  if (a != "--jobs" && a != "-j" && !joined) return false;
  std::string v = joined ? a.substr(7) : (*i + 1 < args.size() ? args[++*i] : "");
  *jobs = ParseJobs(v);
  if (*jobs == 0) std::fprintf(stderr, "newsgraph %s: --jobs takes a number from 1 to 256\n", command);
  return true;
}

}  // namespace newsgraph::cli
