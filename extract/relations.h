// Relation extraction between a document's entities (SPEC predicates:
// issued_by, invests_in, operates_in, acquired, located_in), each with the
// sentence and offsets it came from.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/document.h"
#include "extract/segmenter.h"
#include "graph/model.h"

namespace newsgraph {

class RelationExtractor {
 public:
  static Result<std::unique_ptr<RelationExtractor>> Create(const std::string& data_dir);
  virtual ~RelationExtractor() = default;

  // Thread-safe. No duplicate (subject, predicate, object) triples.
  virtual std::vector<Relation> Extract(const Document& doc, const std::vector<Sentence>& sentences,
                                        const std::vector<Entity>& entities) const = 0;
};

}  // namespace newsgraph
