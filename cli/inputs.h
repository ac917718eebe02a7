// Expanding command-line paths into input files.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::cli {

struct InputFile {
  std::string path;   // as it will be reported and stored ("-" for stdin)
  std::string error;  // non-empty: this path cannot be read (reason)
};

// Files and folders (recursive, sorted, hidden files and folders skipped,
// symlinked folders not followed so loops cannot occur). A path that does
// not exist or cannot be listed becomes an InputFile with an error, so it is
// reported like any other failed file.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace newsgraph::cli
