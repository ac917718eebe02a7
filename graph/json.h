// JSON forms of the model (SPEC `extract` schema), with nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>

#include "graph/model.h"

namespace newsgraph {

// {"doc": {...}, "entities": [...], "figures": [...], "relations": [...]}.
// `with_text` adds the cleaned text as doc.text.
nlohmann::json ExtractionToJson(const Extraction& x, bool with_text);

nlohmann::json DocumentToJson(const Document& d, bool with_text);
nlohmann::json FigureToJson(const Figure& f);
nlohmann::json EntityToJson(const Entity& e);
nlohmann::json RelationToJson(const Relation& r);

// One JSON line; invalid UTF-8 is replaced rather than thrown on.
std::string ToJsonLine(const nlohmann::json& j);

}  // namespace newsgraph
