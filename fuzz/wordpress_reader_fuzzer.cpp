// libFuzzer target: the WordPress JSON reader (posts and arrays of posts).
#include <cstdint>
#include <string_view>

#include "extract/encoding.h"
#include "extract/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto utf8 = newsgraph::ToUtf8(bytes);
  if (!utf8.ok()) return 0;
  std::vector<std::string> warnings;
  (void)newsgraph::ReadWordPress(*utf8, &warnings);
  return 0;
}
