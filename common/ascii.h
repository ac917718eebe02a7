// Byte scans over text eight bytes at a time (SWAR: one 64-bit word holds
// eight bytes). Most article text is ASCII prose, and the hot checks on it
// ("all ASCII?", "any control character?", "any double space?") are
// answered here without a branch per byte. Exact: no false positives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph::ascii {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = 0x8080808080808080ull;
inline constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// 0x80 in every byte of `w` below `n` (1 <= n <= 128), 0 in the others. The
// sum stays inside each byte, so no carry crosses into a neighbour.
inline uint64_t BytesBelow(uint64_t w, unsigned n) {
  uint64_t at_least_n = (w & kLow7) + kOnes * (0x80 - n);
  return ~(at_least_n | w) & kHigh;
}

// 0x80 in every byte of `w` equal to `b`, 0 in the others.
inline uint64_t BytesEqual(uint64_t w, unsigned char b) {
  return BytesBelow(w ^ (kOnes * b), 1);
}

// Number of bytes marked 0x80 in a mask from the functions above: the
// multiplication sums the eight 0/1 bytes into the top byte.
inline size_t CountMarked(uint64_t mask) { return static_cast<size_t>(((mask >> 7) * kOnes) >> 56); }

// Length of the longest prefix of `s` without a byte >= 0x80.
inline size_t AsciiPrefixLength(std::string_view s) {
  size_t i = 0;
  while (i + 8 <= s.size() && (Load8(s.data() + i) & kHigh) == 0) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

inline bool IsAscii(std::string_view s) { return AsciiPrefixLength(s) == s.size(); }

// Number of bytes '0'-'9' in `s`.
inline size_t CountDigits(std::string_view s) {
  size_t i = 0, n = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = Load8(s.data() + i);
    n += CountMarked(BytesBelow(w, '9' + 1) & ~BytesBelow(w, '0'));
  }
  for (; i < s.size(); ++i) n += s[i] >= '0' && s[i] <= '9';
  return n;
}

}  // namespace newsgraph::ascii
