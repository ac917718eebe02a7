#include "extract/year_cue.h"

#include <cstring>

namespace newsgraph {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool IsRe2Space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Does a cue end at text[end] with no word character before it?
bool CueEndsAt(std::string_view text, size_t end, const std::vector<std::string>& cues) {
  for (const std::string& cue : cues) {
    if (cue.size() > end) continue;
    size_t b = end - cue.size();
    bool same = true;
    for (size_t i = 0; i < cue.size() && same; ++i) same = Lower(text[b + i]) == cue[i];
    if (same && (b == 0 || !IsWordByte(static_cast<unsigned char>(text[b - 1])))) return true;
  }
  return false;
}

}  // namespace

int LatestCuedYear(std::string_view text, const std::vector<std::string>& cues) {
  int best = 0;
  const size_t n = text.size();
  // Years start with '1' or '2': memchr finds those (rare) bytes, instead
  // of a test at every byte of the document.
  for (const char lead : {'1', '2'}) {
    for (size_t i = 0;;) {  // i: the last hit; the search goes on after it
      const void* at = i + 1 < n ? std::memchr(text.data() + i + 1, lead, n - i - 1) : nullptr;
      if (at == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(at) - text.data());
      if (i + 4 > n) break;
      char c0 = text[i], c1 = text[i + 1];
      if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) continue;
      if (!IsDigit(text[i + 2]) || !IsDigit(text[i + 3])) continue;
      if (i + 4 < n && IsWordByte(static_cast<unsigned char>(text[i + 4]))) continue;
      if (!IsRe2Space(static_cast<unsigned char>(text[i - 1]))) continue;
      size_t j = i - 1;
      while (j > 0 && IsRe2Space(static_cast<unsigned char>(text[j - 1]))) --j;
      if (!CueEndsAt(text, j, cues)) continue;
      int y = (c0 - '0') * 1000 + (c1 - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
      if (y > best) best = y;
    }
  }
  return best;
}

}  // namespace newsgraph
