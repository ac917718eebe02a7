// libFuzzer target: plain text through decoding, cleaning and sentence
// segmentation.
#include <cstdint>
#include <string_view>

#include "extract/cleaner.h"
#include "extract/encoding.h"
#include "extract/reader.h"
#include "extract/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto utf8 = newsgraph::ToUtf8(bytes);
  if (!utf8.ok()) return 0;
  newsgraph::Document doc = newsgraph::CleanArticle(newsgraph::ReadText(*utf8), {"fuzz.txt"});
  auto sentences = newsgraph::SplitSentences(doc);
  for (const auto& s : sentences)
    if (s.start > s.end || s.end > doc.text.size()) __builtin_trap();
  return 0;
}
