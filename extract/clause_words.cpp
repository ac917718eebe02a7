#include "extract/clause_words.h"

#include <string>
#include <vector>

namespace newsgraph {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool IsRe2Space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes RE2's \W takes at t[p] (RE2 compiles U+0080-U+10FFFF loosely, as a
// lead byte range and continuation bytes), 0 when it matches nothing there.
size_t NonWordLen(std::string_view t, size_t p) {
  unsigned char c = static_cast<unsigned char>(t[p]);
  if (c < 0x80) return IsWordByte(c) ? 0 : 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || p + n > t.size()) return 0;
  for (size_t i = 1; i < n; ++i)
    if (!IsCont(static_cast<unsigned char>(t[p + i]))) return 0;
  return n;
}

// A form of `family` at t[p] followed by \s: RE2 tries the forms in order
// and takes the first the \s after it lets through. End of the \s, or 0.
size_t FormThenSpace(const CueMatcher& m, int family, std::string_view t, size_t p,
                     std::vector<CueMatcher::Hit>* hits) {
  if (p >= t.size() || !m.MayStartWith(family, static_cast<unsigned char>(t[p]))) return 0;
  m.AllAt(t, p, family, hits);
  for (const CueMatcher::Hit& h : *hits)
    if (h.end < t.size() && IsRe2Space(static_cast<unsigned char>(t[h.end]))) return h.end + 1;
  return 0;
}

// End (in t) of the leftmost match in t.substr(from), as if t began there.
size_t NextMatchEnd(const CueMatcher& m, int family, std::string_view t, size_t from,
                    std::vector<CueMatcher::Hit>* hits) {
  std::string_view in = t.substr(from);
  for (size_t p = 0; p < in.size(); ++p) {
    if (p == 0) {  // ^
      if (size_t e = FormThenSpace(m, family, in, 0, hits)) return from + e;
    }
    if (size_t n = NonWordLen(in, p)) {
      if (size_t e = FormThenSpace(m, family, in, p + n, hits)) return from + e;
    }
  }
  return std::string_view::npos;
}

}  // namespace

size_t FirstClauseWordEnd(const CueMatcher& m, int family, std::string_view text) {
  std::vector<CueMatcher::Hit> hits;
  return NextMatchEnd(m, family, text, 0, &hits);
}

size_t LastClauseWordEnd(const CueMatcher& m, int family, std::string_view text) {
  std::vector<CueMatcher::Hit> hits;
  size_t last = std::string_view::npos;
  for (size_t e = NextMatchEnd(m, family, text, 0, &hits); e != std::string_view::npos;
       e = NextMatchEnd(m, family, text, e, &hits))
    last = e;
  return last;
}

}  // namespace newsgraph
