// Stable 64-bit content hashes (FNV-1a): the same bytes give the same hash on
// every machine and run, which is what re-ingest and document ids rely on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {

inline uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 14695981039346656037ull) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// 16 lowercase hex digits.
inline std::string HexHash(uint64_t h) {
  static const char* kDigits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kDigits[h & 0xf];
  return out;
}

}  // namespace newsgraph
