// Helpers shared by the test executables: where the data files are, and
// building a Document by hand.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "extract/document.h"
#include "extract/normalize.h"

namespace newsgraph::test {

// $NEWSGRAPH_DATA if set (ctest sets it), else the source tree's data/.
inline std::string DataDir() {
  const char* env = std::getenv("NEWSGRAPH_DATA");
  return env != nullptr && *env ? env : NEWSGRAPH_SOURCE_DIR "/data";
}

// For code that resolves the data folder itself (readers, cleaner): points
// $NEWSGRAPH_DATA at DataDir() before any test runs. Register with
// ::testing::AddGlobalTestEnvironment(new test::DataDirEnvironment).
class DataDirEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { setenv("NEWSGRAPH_DATA", DataDir().c_str(), 1); }
};

// A document of `raw`'s lines, each normalised as the cleaner does, one
// paragraph block per non-empty line.
inline Document DocFromLines(const std::string& raw) {
  Document d;
  size_t from = 0;
  while (from <= raw.size()) {
    size_t nl = raw.find('\n', from);
    std::string line = raw.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    if (!d.text.empty()) d.text += '\n';
    std::string norm = NormalizeText(line);
    if (!norm.empty()) d.blocks.push_back({BlockKind::kParagraph, d.text.size(), d.text.size() + norm.size()});
    d.text += norm;
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  return d;
}

}  // namespace newsgraph::test
