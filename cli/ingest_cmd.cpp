// `newsgraph ingest`: files, folders or stdin into the store.
//
// Extraction runs on --jobs worker threads (default: the number of cores);
// one writer — this thread — stores results in input order, so the store
// ends up the same whatever --jobs is. Writes are batched: up to kBatch
// documents per transaction, so a crash loses at most the open batch
// (re-run the ingest to redo it) and never leaves half a document (see
// Store::Put for a document that fails alone). Files whose bytes and extractor version
// match what was stored last time are skipped before any parsing.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "common/hash.h"
#include "extract/lexicon.h"
#include "extract/pipeline.h"
#include "graph/conflicts.h"
#include "graph/store.h"

namespace newsgraph::cli {

namespace {

constexpr size_t kBatch = 2048;

// What a worker hands the writer for one input.
struct FileResult {
  std::string error;  // the file failed: "reason"
  std::vector<std::string> warnings;
  bool unchanged = false;
  uint64_t hash = 0;
  size_t bytes = 0;
  std::vector<Extraction> extractions;
};

FileResult Process(const InputFile& in, const Pipeline& pipeline,
                   const std::unordered_map<std::string, uint64_t>& known) {
  FileResult r;
  if (!in.error.empty()) {
    r.error = in.error;
    return r;
  }
  Result<std::string> bytes =
      in.path == "-" ? Result<std::string>(std::string(std::istreambuf_iterator<char>(std::cin), {}))
                     : ReadFileBytes(in.path);
  if (!bytes.ok()) {
    r.error = bytes.status().message();
    return r;
  }
  r.bytes = bytes->size();
  r.hash = Fnv1a64(*bytes);
  if (in.path != "-") {
    auto it = known.find(in.path);
    if (it != known.end() && it->second == r.hash) {
      r.unchanged = true;
      return r;
    }
  }
  auto extractions = pipeline.ExtractBytes(in.path, *bytes, &r.warnings);
  if (!extractions.ok()) {
    r.error = extractions.status().message();
    return r;
  }
  r.extractions = std::move(extractions).value();
  return r;
}

}  // namespace

int RunIngest(const GlobalOptions& g, const Args& args) {
  std::vector<std::string> paths;
  bool quiet = false;
  size_t jobs = DefaultJobs();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help") {
      std::puts("usage: newsgraph ingest [--jobs N] [--quiet] PATH...\n"
                "Stores articles from files, folders (recursive) or - (stdin). Unchanged\n"
                "documents are skipped; a changed document replaces its old facts.\n"
                "--jobs N extracts on N threads (default: the number of cores).\n"
                "Exit 0 when all landed, 1 when any file failed (the others still land).");
      return kExitOk;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (TakeJobsOption(args, &i, "ingest", &jobs)) {
      if (jobs == 0) return kExitUsage;
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
  auto known = (*store)->SourceHashes(kExtractorVersion);
  if (!known.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", known.status().message().c_str());
    return kExitUsage;
  }
  std::vector<InputFile> inputs = ExpandInputs(paths);
  size_t total_bytes = 0;
  for (const InputFile& in : inputs) {
    struct stat st;
    if (in.error.empty() && in.path != "-" && ::stat(in.path.c_str(), &st) == 0)
      total_bytes += static_cast<size_t>(st.st_size);
  }

  // stdin can only be read once and in order: one worker then.
  const size_t n = inputs.size();
  bool has_stdin = std::any_of(inputs.begin(), inputs.end(),
                               [](const InputFile& in) { return in.path == "-"; });
  Progress progress("ingest", n, total_bytes);
  size_t added = 0, replaced = 0, unchanged = 0, failed = 0, bytes_done = 0, in_batch = 0;
  // Documents stored in the open batch, and those a rolled-back batch
  // took with it (not stored after all: the summary must not count them).
  size_t batch_added = 0, batch_replaced = 0, rolled_back = 0;
  int rollbacks = (*store)->batch_rollbacks();
  auto batch_landed = [&] { batch_added = batch_replaced = 0; };
  auto check_rollback = [&] {
    if ((*store)->batch_rollbacks() == rollbacks) return;
    rollbacks = (*store)->batch_rollbacks();
    added -= batch_added;
    replaced -= batch_replaced;
    rolled_back += batch_added + batch_replaced;
    batch_added = batch_replaced = 0;
    in_batch = 0;
  };
  // Without a batch every document would still be stored, each in its own
  // transaction (many times slower); that the store cannot even start one
  // means another process holds it or it cannot be written.
  if (Status s = (*store)->BeginBatch(); !s.ok()) {
    std::fprintf(stderr, "newsgraph: %s: cannot start writing: %s\n", g.db_path.c_str(),
                 s.message().c_str());
    return kExitUsage;
  }
  auto produce = [&](size_t i) { return Process(inputs[i], **pipeline, *known); };
  auto consume = [&](size_t i, FileResult r) {
    const std::string& path = inputs[i].path;
    bytes_done += r.bytes;
    progress.Update(i + 1, bytes_done);
    if (!r.error.empty()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), r.error.c_str());
      ++failed;
      return;
    }
    if (r.unchanged) {
      ++unchanged;
      return;
    }
    for (const std::string& w : r.warnings) std::fprintf(stderr, "%s: %s\n", path.c_str(), w.c_str());
    bool file_ok = r.warnings.empty();
    for (const Extraction& x : r.extractions) {
      auto outcome = (*store)->Put(x, kExtractorVersion);
      if (!outcome.ok()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), outcome.status().message().c_str());
        file_ok = false;
        check_rollback();
        continue;
      }
      switch (*outcome) {
        case PutOutcome::kAdded: ++added, ++batch_added; break;
        case PutOutcome::kReplaced: ++replaced, ++batch_replaced; break;
        case PutOutcome::kUnchanged: ++unchanged; break;
      }
    }
    // A file with broken posts is not marked: the next run retries it.
    if (file_ok && path != "-") {
      Status s = (*store)->MarkSource(path, r.hash, kExtractorVersion);
      if (!s.ok()) std::fprintf(stderr, "%s: %s\n", path.c_str(), s.message().c_str());
    }
    if (!file_ok) ++failed;
    if (++in_batch >= kBatch) {
      Status s = (*store)->CommitBatch();
      if (s.ok()) {
        batch_landed();
      } else {
        std::fprintf(stderr, "newsgraph: %s\n", s.message().c_str());
        check_rollback();
      }
      if (Status b = (*store)->BeginBatch(); !b.ok())
        std::fprintf(stderr, "newsgraph: %s: %s (going on one transaction per document)\n",
                     g.db_path.c_str(), b.message().c_str());
      in_batch = 0;
    }
  };
  RunOrdered<FileResult>(n, has_stdin ? 1 : jobs, produce, consume);
  if (Status s = (*store)->CommitBatch(); s.ok()) {
    batch_landed();
  } else {
    std::fprintf(stderr, "newsgraph: %s\n", s.message().c_str());
    check_rollback();
  }

  // The consistency check looks across documents, so it runs once the
  // batch has landed; its result is stored as CONFLICTS_WITH edges.
  if (added + replaced > 0) {
    ConflictOptions options;
    options.bare_measures = LoadBareMeasures(ResolveDataDir(g.data_dir));
    Store::LoadOptions load;
    load.document_details = load.figure_sentences = false;
    load.entities = load.mentions = load.relations = load.conflicts = false;
    auto data = (*store)->Load(load);
    Status s = data.ok() ? (*store)->ReplaceConflicts(
                               ConflictEdges(CheckConsistency(*data, options)))
                         : data.status();
    if (!s.ok()) std::fprintf(stderr, "newsgraph: consistency check: %s\n", s.message().c_str());
  }
  if (!quiet) {
    std::fprintf(stderr, "ingest: %zu added, %zu replaced, %zu unchanged, %zu failed", added,
                 replaced, unchanged, failed);
    if (rolled_back) std::fprintf(stderr, ", %zu rolled back (run again)", rolled_back);
    std::fprintf(stderr, " -> %s\n", g.db_path.c_str());
  }
  return failed || rolled_back ? kExitSomeFailed : kExitOk;
}

}  // namespace newsgraph::cli
