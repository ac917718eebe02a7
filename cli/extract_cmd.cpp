// `newsgraph extract`: articles in, one JSON line per article out; nothing
// is stored. Files are extracted on --jobs threads (default: the number of
// cores) and printed in input order, so the output does not depend on
// --jobs.
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "extract/pipeline.h"
#include "graph/json_writer.h"

namespace newsgraph::cli {

namespace {

// One input's output: JSON lines for stdout, messages for stderr.
struct ExtractOutput {
  std::string lines;
  std::vector<std::string> messages;  // "path: reason"
  bool failed = false;
  size_t bytes = 0;
};

ExtractOutput ExtractOne(const InputFile& in, const Pipeline& pipeline, bool with_text) {
  ExtractOutput out;
  if (!in.error.empty()) {
    out.messages.push_back(in.path + ": " + in.error);
    out.failed = true;
    return out;
  }
  Result<std::string> bytes =
      in.path == "-" ? Result<std::string>(std::string(std::istreambuf_iterator<char>(std::cin), {}))
                     : ReadFileBytes(in.path);
  if (!bytes.ok()) {
    out.messages.push_back(in.path + ": " + bytes.status().message());
    out.failed = true;
    return out;
  }
  out.bytes = bytes->size();
  std::vector<std::string> warnings;
  auto extractions = pipeline.ExtractBytes(in.path, *bytes, &warnings);
  for (const std::string& w : warnings) out.messages.push_back(in.path + ": " + w);
  if (!warnings.empty()) out.failed = true;
  if (!extractions.ok()) {
    out.messages.push_back(in.path + ": " + extractions.status().message());
    out.failed = true;
    return out;
  }
  for (const Extraction& x : *extractions) {
    AppendExtractionJson(x, with_text, &out.lines);
    out.lines += '\n';
  }
  return out;
}

}  // namespace

int RunExtract(const GlobalOptions& g, const Args& args) {
  bool with_text = false;
  size_t jobs = DefaultJobs();
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--with-text") {
      with_text = true;
    } else if (TakeJobsOption(args, &i, "extract", &jobs)) {
      if (jobs == 0) return kExitUsage;
    } else if (a == "--help") {
      std::puts("usage: newsgraph extract [--with-text] [--jobs N] PATH...\n"
                "Prints one JSON object per article (SPEC schema); nothing is stored.\n"
                "--jobs N extracts on N threads (default: the number of cores); the\n"
                "output is the same, in input order, whatever N is.");
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newsgraph extract: unknown option '%s'\n", a.c_str());
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fputs("newsgraph extract: no input; give files, folders or - for stdin\n", stderr);
    return kExitUsage;
  }
  auto pipeline = Pipeline::Create({g.data_dir});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  int rc = kExitOk;
  std::vector<InputFile> inputs = ExpandInputs(paths);
  bool has_stdin = false;
  for (const InputFile& in : inputs) has_stdin = has_stdin || in.path == "-";
  // Total bytes are not known without a stat per file; the progress line
  // shows files and throughput (stderr, terminals only).
  Progress progress("extract", inputs.size(), 0);
  size_t bytes_done = 0;
  RunOrdered<ExtractOutput>(
      inputs.size(), has_stdin ? 1 : jobs,
      [&](size_t i) { return ExtractOne(inputs[i], **pipeline, with_text); },
      [&](size_t i, ExtractOutput out) {
        bytes_done += out.bytes;
        progress.Update(i + 1, bytes_done);
        for (const std::string& m : out.messages) std::fprintf(stderr, "%s\n", m.c_str());
        if (out.failed) rc = kExitSomeFailed;
        std::fwrite(out.lines.data(), 1, out.lines.size(), stdout);
      });
  std::fflush(stdout);
  return rc;
}

}  // namespace newsgraph::cli
