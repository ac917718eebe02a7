// The `extract` JSON line, written straight into a string.
//
// Same bytes as ToJsonLine(ExtractionToJson(x, with_text)) — keys in sorted
// order, numbers as nlohmann prints them, invalid UTF-8 replaced — without
// building a DOM first: on a newswire feed the DOM cost as much as the figure
// extractor. json.h stays the form the rest of the code reads and tests.
#pragma once

#include <string>
#include <string_view>

#include "graph/model.h"

namespace newsgraph {

// Appends one JSON object (no newline) for `x` to `out`.
void AppendExtractionJson(const Extraction& x, bool with_text, std::string* out);

// Appends `s` as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace newsgraph
