// STUB: replaced by the entity extractor.
#include "extract/entities.h"

namespace newsgraph {
namespace {
class NullEntities : public EntityExtractor {
 public:
  std::vector<Entity> Extract(const Document&, const std::vector<Sentence>&) const override {
    return {};
  }
};
}  // namespace
Result<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(const std::string&) {
  return std::unique_ptr<EntityExtractor>(new NullEntities());
}
}  // namespace newsgraph
