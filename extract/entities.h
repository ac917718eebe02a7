// Entity extraction and resolution: policies, government bodies,
// organizations, companies, regions, countries, commodities and persons, each
// with a stable id ("<type>:<slug>") however it is written, and every mention.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/document.h"
#include "extract/segmenter.h"
#include "graph/model.h"

namespace newsgraph {

class EntityExtractor {
 public:
  // Loads the entity lexicons and gazetteer from `data_dir`.
  static Result<std::unique_ptr<EntityExtractor>> Create(const std::string& data_dir);
  virtual ~EntityExtractor() = default;

  // Thread-safe. Entities in order of first mention.
  virtual std::vector<Entity> Extract(const Document& doc,
                                      const std::vector<Sentence>& sentences) const = 0;
};

}  // namespace newsgraph
