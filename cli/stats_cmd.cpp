#include <cstdio>

#include "cli/commands.h"
#include "graph/store.h"

namespace newsgraph::cli {

int RunStats(const GlobalOptions& g, const Args& args) {
  for (const std::string& a : args) {
    if (a == "--help") {
      std::puts("usage: newsgraph stats\nWhat the store holds: documents and counts.");
      return kExitOk;
    }
  }
  auto store = Store::Open(g.db_path, /*read_only=*/true);
  if (!store.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", store.status().message().c_str());
    return kExitUsage;
  }
  auto data = (*store)->Load();
  auto counts = (*store)->CountAll();
  if (!data.ok() || !counts.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n",
                 (!data.ok() ? data.status() : counts.status()).message().c_str());
    return kExitUsage;
  }
  std::printf("%s: %lld documents\n\n", g.db_path.c_str(), counts->documents);
  std::printf("  %-10s  %-12s  %s\n", "published", "publisher", "title");
  for (const Document& d : data->documents)
    std::printf("  %-10s  %-12s  %s\n", d.published.empty() ? "-" : d.published.c_str(),
                d.publisher.empty() ? "-" : d.publisher.c_str(), d.title.c_str());
  std::printf("\n  entities %lld (mentions %lld), figures %lld, relations %lld, conflicts %lld\n",
              counts->entities, counts->mentions, counts->figures, counts->relations,
              counts->conflicts);
  return kExitOk;
}

}  // namespace newsgraph::cli
