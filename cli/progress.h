// A progress line on stderr while long work runs, only when stderr is a
// terminal: pipes and CI logs stay quiet.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace newsgraph::cli {

class Progress {
 public:
  Progress(std::string verb, size_t total_files, size_t total_bytes);
  ~Progress();  // clears the line
  void Update(size_t files_done, size_t bytes_done);

 private:
  bool enabled_;
  std::string verb_;
  size_t total_files_, total_bytes_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace newsgraph::cli
