#include <cstdio>
#include <iostream>
#include <iterator>
#include <sys/stat.h>

#include "cli/commands.h"
#include "graph/conflicts.h"
#include "cli/inputs.h"
#include "cli/progress.h"
#include "common/hash.h"
#include "extract/pipeline.h"
#include "graph/store.h"

namespace newsgraph::cli {

int RunIngest(const GlobalOptions& g, const Args& args) {
  std::vector<std::string> paths;
  bool quiet = false;
  for (const std::string& a : args) {
    if (a == "--help") {
      std::puts("usage: newsgraph ingest [--quiet] PATH...\n"
                "Stores articles from files, folders (recursive) or - (stdin). Unchanged\n"
                "documents are skipped; a changed document replaces its old facts.\n"
                "Exit 0 when all landed, 1 when any file failed (the others still land).");
      return kExitOk;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newsgraph ingest: unknown option '%s'\n", a.c_str());
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fputs("newsgraph ingest: no input; give files, folders or - for stdin\n", stderr);
    return kExitUsage;
  }
  auto store = Store::Open(g.db_path);
  if (!store.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", store.status().message().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::Create({g.data_dir});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  std::vector<InputFile> inputs = ExpandInputs(paths);
  size_t total_bytes = 0;
  for (const InputFile& in : inputs) {
    struct stat st;
    if (in.error.empty() && in.path != "-" && ::stat(in.path.c_str(), &st) == 0)
      total_bytes += static_cast<size_t>(st.st_size);
  }
  Progress progress("ingest", inputs.size(), total_bytes);
  size_t added = 0, replaced = 0, unchanged = 0, failed = 0, done = 0, bytes_done = 0;
  for (const InputFile& in : inputs) {
    ++done;
    if (!in.error.empty()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), in.error.c_str());
      ++failed;
      continue;
    }
    Result<std::string> bytes = in.path == "-"
        ? Result<std::string>(std::string(std::istreambuf_iterator<char>(std::cin), {}))
        : ReadFileBytes(in.path);
    if (!bytes.ok()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), bytes.status().message().c_str());
      ++failed;
      continue;
    }
    bytes_done += bytes->size();
    progress.Update(done, bytes_done);
    uint64_t hash = Fnv1a64(*bytes);
    if (in.path != "-" && (*store)->SourceUnchanged(in.path, hash, kExtractorVersion)) {
      ++unchanged;
      continue;
    }
    std::vector<std::string> warnings;
    auto extractions = (*pipeline)->ExtractBytes(in.path, *bytes, &warnings);
    for (const std::string& w : warnings) std::fprintf(stderr, "%s: %s\n", in.path.c_str(), w.c_str());
    if (!extractions.ok()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), extractions.status().message().c_str());
      ++failed;
      continue;
    }
    bool file_ok = warnings.empty();
    for (const Extraction& x : *extractions) {
      auto outcome = (*store)->Put(x, kExtractorVersion);
      if (!outcome.ok()) {
        std::fprintf(stderr, "%s: %s\n", in.path.c_str(), outcome.status().message().c_str());
        file_ok = false;
        continue;
      }
      switch (*outcome) {
        case PutOutcome::kAdded: ++added; break;
        case PutOutcome::kReplaced: ++replaced; break;
        case PutOutcome::kUnchanged: ++unchanged; break;
      }
    }
    if (file_ok && in.path != "-") {
      Status s = (*store)->MarkSource(in.path, hash, kExtractorVersion);
      if (!s.ok()) std::fprintf(stderr, "%s: %s\n", in.path.c_str(), s.message().c_str());
    }
    if (!file_ok) ++failed;
  }
  // The consistency check looks across documents, so it runs once the
  // batch has landed; its result is stored as CONFLICTS_WITH edges.
  if (added + replaced > 0) {
    auto data = (*store)->Load();
    Status s = data.ok() ? (*store)->ReplaceConflicts(
                               ConflictEdges(CheckConsistency(*data, ConflictOptions{})))
                         : data.status();
    if (!s.ok()) std::fprintf(stderr, "newsgraph: consistency check: %s\n", s.message().c_str());
  }
  if (!quiet)
    std::fprintf(stderr, "ingest: %zu added, %zu replaced, %zu unchanged, %zu failed -> %s\n",
                 added, replaced, unchanged, failed, g.db_path.c_str());
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace newsgraph::cli
