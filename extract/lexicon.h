// Domain data files: lexicons of entities, metrics, units and cue words.
//
// All domain knowledge lives in TSV files under one data directory (default:
// the `data/` folder of the source tree, or $NEWSGRAPH_DATA, or --data DIR),
// loaded once at start-up, so a new industry is a new set of files and adding
// a company or a synonym never needs a rebuild. Format: UTF-8, one record a
// line, fields separated by TAB, '#' starts a comment line, blank lines are
// skipped. Multi-valued fields use '|' between values.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace newsgraph {

using TsvRow = std::vector<std::string>;

// Reads `data_dir/file`. Error names the file and the line of a malformed
// record (fewer than `min_fields` fields).
Result<std::vector<TsvRow>> ReadTsv(const std::string& data_dir, const std::string& file,
                                    size_t min_fields);

// Splits "a|b|c" (empty values dropped, white space trimmed).
std::vector<std::string> SplitList(const std::string& field);

// The data directory to use: `explicit_dir` if non-empty, else
// $NEWSGRAPH_DATA, else <dir of executable>/../data or ./data if present,
// else the source tree's data/ (compiled in).
std::string ResolveDataDir(const std::string& explicit_dir);

}  // namespace newsgraph
