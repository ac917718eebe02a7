// Where extraction time goes: loads every file under DIR into memory, then
// runs each stage of the pipeline over all of them and prints the seconds
// (CPU time of this thread) and MB/s of each stage, reading from disk
// excluded. A tool for the engineer chasing a hot spot, not a test:
// bench/run.sh prints the totals.
//
//   build/stage_profile DIR [--data DATA_DIR]
#include <time.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/cleaner.h"
#include "extract/encoding.h"
#include "extract/lexicon.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/segmenter.h"
#include "graph/json_writer.h"

namespace {

// CPU time of this thread: other work on the machine does not inflate it.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double since) { return Clock::now() - since; }

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph;
  if (argc < 2) {
    std::fprintf(stderr, "usage: stage_profile DIR [--data DATA_DIR]\n");
    return 2;
  }
  std::string data_dir = argc > 3 && std::string(argv[2]) == "--data" ? argv[3] : "";
  std::vector<std::string> files;
  size_t bytes = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file() || e.path().extension() == ".tsv") continue;
    auto b = ReadFileBytes(e.path().string());
    if (!b.ok()) continue;
    bytes += b->size();
    files.push_back(std::move(*b));
  }
  auto t = Clock::now();
  auto entities = EntityExtractor::Create(ResolveDataDir(data_dir));
  auto figures = FigureExtractor::Create(ResolveDataDir(data_dir));
  auto relations = RelationExtractor::Create(ResolveDataDir(data_dir));
  if (!entities.ok() || !figures.ok() || !relations.ok()) {
    std::fprintf(stderr, "cannot load the data files\n");
    return 1;
  }
  double load = Seconds(t);

  double read = 0, clean = 0, split = 0, ent = 0, fig = 0, rel = 0, json = 0;
  size_t nfig = 0, nent = 0, out_bytes = 0;
  std::string line;
  for (const std::string& f : files) {
    t = Clock::now();
    auto utf8 = ToUtf8(f);
    if (!utf8.ok()) continue;
    auto articles = ReadArticles(*utf8, nullptr);
    read += Seconds(t);
    if (!articles.ok()) continue;
    for (const RawArticle& raw : *articles) {
      t = Clock::now();
      Extraction x;
      x.doc = CleanArticle(raw, CleanOptions{});
      clean += Seconds(t);
      t = Clock::now();
      std::vector<Sentence> sentences = SplitSentences(x.doc);
      split += Seconds(t);
      t = Clock::now();
      x.entities = (*entities)->Extract(x.doc, sentences);
      ent += Seconds(t);
      t = Clock::now();
      x.figures = (*figures)->Extract(x.doc, sentences, x.entities);
      fig += Seconds(t);
      t = Clock::now();
      x.relations = (*relations)->Extract(x.doc, sentences, x.entities);
      rel += Seconds(t);
      t = Clock::now();
      line.clear();
      AppendExtractionJson(x, false, &line);
      out_bytes += line.size();
      json += Seconds(t);
      nfig += x.figures.size();
      nent += x.entities.size();
    }
  }
  double total = read + clean + split + ent + fig + rel + json;
  std::printf("%zu files, %.1f MB; %zu figures, %zu entities; %.1f MB of JSON\n", files.size(),
              bytes / 1e6, nfig, nent, out_bytes / 1e6);
  std::printf("%-10s %8s %8s %8s\n", "stage", "seconds", "share", "MB/s");
  auto row = [&](const char* name, double s) {
    std::printf("%-10s %8.3f %7.1f%% %8.1f\n", name, s, 100 * s / total, bytes / 1e6 / s);
  };
  std::printf("%-10s %8.3f %8s %8s\n", "load", load, "-", "-");
  row("read", read);
  row("clean", clean);
  row("split", split);
  row("entities", ent);
  row("figures", fig);
  row("relations", rel);
  row("json", json);
  row("total", total);
  return 0;
}
