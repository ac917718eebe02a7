// The extraction pipeline: file bytes -> Extractions.
//
//   encoding check -> reader (text | HTML | WordPress) -> cleaning ->
//   segmentation -> entities -> figures -> relations
//
// A Pipeline is built once (lexicons loaded, patterns compiled) and is then
// safe to use from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/entities.h"
#include "extract/figures.h"
#include "extract/relations.h"
#include "graph/model.h"

namespace newsgraph {

struct ExtractOptions {
  std::string data_dir;  // empty: ResolveDataDir("")
};

// Bump when extraction rules change, so `ingest` redoes unchanged files.
extern const char* const kExtractorVersion;

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const ExtractOptions& options);

  // All articles in one file. `path` is as given by the user (used for
  // identity and in messages). Errors are the reason only; callers prefix
  // the path. Broken posts inside a WordPress array become `warnings`.
  Result<std::vector<Extraction>> ExtractBytes(const std::string& path, std::string_view bytes,
                                               std::vector<std::string>* warnings) const;

  // Extraction of an already cleaned document.
  Extraction ExtractDocument(Document doc) const;

 private:
  Pipeline() = default;
  std::unique_ptr<EntityExtractor> entities_;
  std::unique_ptr<FigureExtractor> figures_;
  std::unique_ptr<RelationExtractor> relations_;
};

// Reads a whole file; errors name the reason ("no such file", "is a
// directory", "permission denied", "larger than the 64 MiB limit").
Result<std::string> ReadFileBytes(const std::string& path);

// Maximum size of one input file.
constexpr size_t kMaxInputBytes = 64u << 20;

}  // namespace newsgraph
