// The scan floor: read every file and run one RE2 pass for digit runs, the
// least work any figure extractor must do. Prints bytes, files, seconds and
// MB/s on one line (tab-separated) for bench/run.sh.
#include <re2/re2.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: scan_floor DIR...\n");
    return 2;
  }
  static const RE2 kDigits("(\\d+)");
  auto t0 = std::chrono::steady_clock::now();
  size_t bytes = 0, files = 0, runs = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i])) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      bytes += text.size();
      ++files;
      re2::StringPiece input(text);
      while (RE2::FindAndConsume(&input, kDigits)) ++runs;
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%zu\t%zu\t%zu\t%.3f\t%.1f\n", bytes, files, runs, s, bytes / 1e6 / s);
  return 0;
}
