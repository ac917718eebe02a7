// Input encoding checks and repair, before any reader sees the bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace newsgraph {

// Returns the input as UTF-8:
// - UTF-8 (with or without BOM): BOM stripped, returned as is;
// - UTF-16 LE/BE with BOM: converted;
// - bytes that are not valid UTF-8 but contain no NUL: decoded as
//   Windows-1252 / Latin-1 (what old newswire and many saved pages use);
// - binary content (NUL bytes, or mostly control characters): an error
//   naming the reason ("binary file, not text").
// Empty input is an error ("empty file").
Result<std::string> ToUtf8(std::string_view bytes);

// True if `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Appends code point `cp` (<= U+10FFFF) to `out` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace newsgraph
