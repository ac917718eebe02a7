// STUB: replaced by the WordPress reader implementation.
#include "extract/reader.h"

namespace newsgraph {

Result<std::vector<RawArticle>> ReadWordPress(std::string_view, std::vector<std::string>*) {
  return Status::Error("WordPress reader not implemented yet");
}

}  // namespace newsgraph
