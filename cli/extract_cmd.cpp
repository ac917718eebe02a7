#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/progress.h"
#include "extract/pipeline.h"
#include "graph/json_writer.h"

namespace newsgraph::cli {

int RunExtract(const GlobalOptions& g, const Args& args) {
  bool with_text = false;
  std::vector<std::string> paths;
  for (const std::string& a : args) {
    if (a == "--with-text") with_text = true;
    else if (a == "--help") {
      std::puts("usage: newsgraph extract [--with-text] PATH...\n"
                "Prints one JSON object per article (SPEC schema); nothing is stored.");
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newsgraph extract: unknown option '%s'\n", a.c_str());
      return kExitUsage;
    } else paths.push_back(a);
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
  // Total bytes are not known without a stat per file; the progress line
  // shows files and throughput (stderr, terminals only).
  Progress progress("extract", inputs.size(), 0);
  size_t done = 0, bytes_done = 0;
  std::string line;  // reused: one JSON line per article
  for (const InputFile& in : inputs) {
    progress.Update(++done, bytes_done);
    if (!in.error.empty()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), in.error.c_str());
      rc = kExitSomeFailed;
      continue;
    }
    Result<std::string> bytes = in.path == "-"
        ? Result<std::string>(std::string(std::istreambuf_iterator<char>(std::cin), {}))
        : ReadFileBytes(in.path);
    if (!bytes.ok()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), bytes.status().message().c_str());
      rc = kExitSomeFailed;
      continue;
    }
    bytes_done += bytes->size();
    std::vector<std::string> warnings;
    auto extractions = (*pipeline)->ExtractBytes(in.path, *bytes, &warnings);
    for (const std::string& w : warnings) std::fprintf(stderr, "%s: %s\n", in.path.c_str(), w.c_str());
    if (!warnings.empty()) rc = kExitSomeFailed;
    if (!extractions.ok()) {
      std::fprintf(stderr, "%s: %s\n", in.path.c_str(), extractions.status().message().c_str());
      rc = kExitSomeFailed;
      continue;
    }
    for (const Extraction& x : *extractions) {
      line.clear();
      AppendExtractionJson(x, with_text, &line);
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  }
  std::fflush(stdout);
  return rc;
}

}  // namespace newsgraph::cli
