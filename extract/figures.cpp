// STUB: replaced by the figure extractor.
#include "extract/figures.h"

namespace newsgraph {
namespace {
class NullFigures : public FigureExtractor {
 public:
  std::vector<Figure> Extract(const Document&, const std::vector<Sentence>&,
                              const std::vector<Entity>&) const override {
    return {};
  }
};
}  // namespace
Result<std::unique_ptr<FigureExtractor>> FigureExtractor::Create(const std::string&) {
  return std::unique_ptr<FigureExtractor>(new NullFigures());
}
}  // namespace newsgraph
