// STUB: replaced by the relation extractor.
#include "extract/relations.h"

namespace newsgraph {
namespace {
class NullRelations : public RelationExtractor {
 public:
  std::vector<Relation> Extract(const Document&, const std::vector<Sentence>&,
                                const std::vector<Entity>&) const override {
    return {};
  }
};
}  // namespace
Result<std::unique_ptr<RelationExtractor>> RelationExtractor::Create(const std::string&) {
  return std::unique_ptr<RelationExtractor>(new NullRelations());
}
}  // namespace newsgraph
