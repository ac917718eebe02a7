#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace newsgraph::cli {

Progress::Progress(std::string verb, size_t total_files, size_t total_bytes)
    : enabled_(::isatty(STDERR_FILENO) == 1),
      verb_(std::move(verb)),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void Progress::Update(size_t files_done, size_t bytes_done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && files_done < total_files_) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = bytes_done / 1e6, rate = secs > 0 ? mb / secs : 0;
  double eta = 0;
  if (total_bytes_ > bytes_done && rate > 0) {
    eta = (total_bytes_ - bytes_done) / 1e6 / rate;
  } else if (total_bytes_ == 0 && files_done > 0 && total_files_ > files_done) {
    eta = secs / files_done * (total_files_ - files_done);  // by files when bytes are unknown
  }
  if (total_bytes_ > 0)
    std::fprintf(stderr, "\r\033[K%s %zu/%zu documents, %.1f/%.1f MB, %.1f MB/s, ETA %.0fs",
                 verb_.c_str(), files_done, total_files_, mb, total_bytes_ / 1e6, rate, eta);
  else
    std::fprintf(stderr, "\r\033[K%s %zu/%zu documents, %.1f MB, %.1f MB/s, ETA %.0fs",
                 verb_.c_str(), files_done, total_files_, mb, rate, eta);
  std::fflush(stderr);
}

}  // namespace newsgraph::cli
