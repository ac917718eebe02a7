// Figure extraction: every quantity in an article, normalised (SPEC
// `figures` schema): value and unit scaled to the canonical unit, qualifier,
// period, kind, metric, subject and policy.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/document.h"
#include "extract/segmenter.h"
#include "graph/model.h"

namespace newsgraph {

// A document yields at most this many figures (in text order); the rest of
// a larger one is not scanned. No news article comes near it; it bounds the
// work and the store size a hostile or broken input can cause.
constexpr size_t kMaxFiguresPerDocument = 5000;

class FigureExtractor {
 public:
  // Loads units, cue words and the metric lexicon from `data_dir` and
  // compiles every pattern once.
  static Result<std::unique_ptr<FigureExtractor>> Create(const std::string& data_dir);
  virtual ~FigureExtractor() = default;

  // Thread-safe. `entities` are the document's entities (for subject and
  // policy). Figures come in text order.
  virtual std::vector<Figure> Extract(const Document& doc, const std::vector<Sentence>& sentences,
                                      const std::vector<Entity>& entities) const = 0;
};

}  // namespace newsgraph
