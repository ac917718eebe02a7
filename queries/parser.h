// Parser: tokens -> AST, by recursive descent over the grammar in ast.h.
//
// Errors name the line and column of the offending token:
//   "line 2, column 7: expected ')' but found 'RETURN'".
// Write clauses (CREATE, MERGE, DELETE, DETACH, SET, REMOVE, CALL, LOAD,
// FOREACH, DROP) are rejected: "line 1, column 1: CREATE is not supported:
// newsgraph queries are read-only".
#pragma once

#include <string_view>

#include "common/status.h"
#include "queries/ast.h"

namespace newsgraph::query {

Result<Query> Parse(std::string_view text);

}  // namespace newsgraph::query
