// libFuzzer target: the whole extraction pipeline (any format, entities,
// figures, relations) on arbitrary bytes; offsets must stay inside the text.
#include <cstdint>
#include <memory>
#include <string_view>

#include "extract/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<newsgraph::Pipeline> pipeline = [] {
    auto p = newsgraph::Pipeline::Create({});
    if (!p.ok()) __builtin_trap();
    return std::move(p).value();
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  auto out = pipeline->ExtractBytes("fuzz", bytes, &warnings);
  if (!out.ok()) return 0;
  for (const newsgraph::Extraction& x : *out) {
    for (const auto& f : x.figures)
      if (f.start > f.end || f.end > x.doc.text.size()) __builtin_trap();
    for (const auto& e : x.entities)
      for (const auto& m : e.mentions)
        if (m.start > m.end || m.end > x.doc.text.size()) __builtin_trap();
  }
  return 0;
}
