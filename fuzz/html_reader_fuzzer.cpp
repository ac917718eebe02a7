// libFuzzer target: the HTML reader (libxml2 in recover mode + block walk)
// and cleaning must accept any bytes without crashing, leaking or hanging.
#include <cstdint>
#include <string_view>

#include "extract/cleaner.h"
#include "extract/encoding.h"
#include "extract/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto utf8 = newsgraph::ToUtf8(bytes);
  if (!utf8.ok()) return 0;
  auto article = newsgraph::ReadHtml(*utf8);
  if (article.ok()) (void)newsgraph::CleanArticle(*article, {"fuzz.html"});
  return 0;
}
