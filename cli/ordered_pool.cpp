#include "cli/ordered_pool.h"

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

}  // namespace newsgraph::cli
