#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>

namespace newsgraph::cli {

namespace fs = std::filesystem;

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back({p, ""});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({p, ec && ec != std::errc::no_such_file_or_directory
                            ? ec.message()
                            : "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({p, ""});
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.push_back({p, "cannot list directory: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        found.push_back({it->path().string(), "cannot list: " + ec.message()});
        ec.clear();
        continue;
      }
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code sec;
      if (it->is_symlink(sec) && it->is_directory(sec)) {
        it.disable_recursion_pending();  // never follow: no loops
        continue;
      }
      if (it->is_directory(sec)) continue;
      if (!it->exists(sec)) {
        found.push_back({it->path().string(), "broken symbolic link"});
        continue;
      }
      found.push_back({it->path().string(), ""});
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace newsgraph::cli
