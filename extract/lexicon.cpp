#include "extract/lexicon.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

}  // namespace

Result<std::vector<TsvRow>> ReadTsv(const std::string& data_dir, const std::string& file,
                                    size_t min_fields) {
  fs::path path = fs::path(data_dir) / file;
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open lexicon file");
  std::vector<TsvRow> rows;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    TsvRow row;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) row.push_back(Trim(field));
    if (row.size() < min_fields)
      return Status::Error(path.string() + ":" + std::to_string(lineno) + ": expected at least " +
                           std::to_string(min_fields) + " TAB-separated fields, found " +
                           std::to_string(row.size()));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitList(const std::string& field) {
  std::vector<std::string> out;
  std::stringstream ss(field);
  std::string v;
  while (std::getline(ss, v, '|')) {
    v = Trim(v);
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

static std::string FindInstalledDataDir();

std::string ResolveDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("NEWSGRAPH_DATA"); env && *env) return env;
  // The executable does not move while it runs: look it up once.
  static const std::string found = [] { return FindInstalledDataDir(); }();
  return found;
}

static std::string FindInstalledDataDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path candidate : {exe.parent_path() / "../data", exe.parent_path() / "../share/newsgraph/data"})
      if (fs::exists(candidate / "entities.tsv", ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return NEWSGRAPH_SOURCE_DATA_DIR;
}

}  // namespace newsgraph
