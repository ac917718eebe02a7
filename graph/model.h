// The facts newsgraph extracts from a document, as plain structs.
//
// These are what `extract` prints (SPEC's JSONL schema), what the store
// keeps, and what the graph view and the query engine are built from.
// Offsets are UTF-8 byte offsets into Document::text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"

namespace newsgraph {

struct Mention {
  std::string text;
  size_t start = 0;
  size_t end = 0;
};

// Entity types (SPEC): policy, government_body, organization, company,
// region, country, commodity, person. Ids are "<type>:<slug>" and stable
// across documents and runs.
struct Entity {
  std::string id;
  std::string type;
  std::string name;                  // canonical name
  std::vector<std::string> aliases;  // other known names (lexicon, acronyms)
  std::vector<Mention> mentions;     // in this document, in text order
};

struct Figure {
  std::string text;      // the figure as written, with its qualifier and unit
  std::string sentence;  // the whole sentence / list item it stands in
  size_t start = 0;      // of `text`
  size_t end = 0;
  double value = 0;
  std::optional<double> value_max;  // set for ranges
  std::string unit;       // canonical unit (SPEC list)
  std::string qualifier;  // eq approx gt ge lt le range
  std::string metric;     // canonical metric id, never empty
  std::string subject;    // entity id the figure is about, or empty
  std::string period;     // YYYY, YYYY-YYYY, YYYYH1, YYYYQ3, YYYY-MM, YYYY-MM-DD, or empty
  std::string kind;       // target limit actual forecast
  std::string policy;     // policy entity id for targets/limits, or empty
};

// Predicates (SPEC): issued_by, invests_in, operates_in, acquired, located_in.
struct Relation {
  std::string subject;  // entity id
  std::string predicate;
  std::string object;   // entity id
  std::string sentence;
  size_t start = 0;     // of `sentence`
  size_t end = 0;
};

// Everything extracted from one document.
struct Extraction {
  Document doc;
  std::vector<Entity> entities;
  std::vector<Figure> figures;
  std::vector<Relation> relations;
};

}  // namespace newsgraph
