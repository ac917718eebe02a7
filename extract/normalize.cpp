#include "extract/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>

#include "common/ascii.h"

namespace newsgraph {

namespace {

using ascii::IsAscii;

// Maps one code point to its replacement, or returns false to keep it.
bool Replacement(UChar32 c, std::u16string& out) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
      out = u"-";
      return true;
    case 0x2015:
      out = u"\u2014";
      return true;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      out = u"'";
      return true;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      out = u"\"";
      return true;
    case 0x00A0: case 0x2007: case 0x202F: case 0x3000: case 0x200B: case 0xFEFF:
      out = u" ";
      return true;
    case 0x00AD:  // soft hyphen: invisible
      out = u"";
      return true;
    default:
      return false;
  }
}

bool IsBullet(UChar32 c) {
  return c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25E6 || c == 0x2023 ||
         c == 0x2043 || c == 0x25A0 || c == 0x25C6 || c == 0x00B7 || c == 0x2219;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// 0x80 in every byte of `w` that is \t \n \v \f or \r (9-13).
uint64_t ControlSpaces(uint64_t w) { return ascii::BytesBelow(w, 14) & ~ascii::BytesBelow(w, 9); }

// Where the text from `i` on stops being already collapsed: the first white
// space other than a ' ' between two other characters. Typical prose has
// none for hundreds of bytes, so it is checked eight bytes at a time; the
// word one byte on lines up each byte with the one after it.
size_t CollapsedRunEnd(std::string_view s, size_t i) {
  for (; i + 9 <= s.size(); i += 8) {
    uint64_t w = ascii::Load8(s.data() + i);
    uint64_t next = ascii::Load8(s.data() + i + 1);
    uint64_t space_then_space =
        ascii::BytesEqual(w, ' ') & (ascii::BytesEqual(next, ' ') | ControlSpaces(next));
    if (ControlSpaces(w) | space_then_space) break;
  }
  for (; i < s.size(); ++i)
    if (IsSpace(s[i]) && (s[i] != ' ' || i + 1 == s.size() || IsSpace(s[i + 1]))) return i;
  return s.size();
}

// Copies runs of already-collapsed text whole: most blocks are one run.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  while (i < s.size()) {
    size_t end = CollapsedRunEnd(s, i);
    out.append(s.data() + i, end - i);
    i = end;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size()) out += ' ';
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view utf8) {
  if (IsAscii(utf8)) return CollapseSpaces(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString norm = U_SUCCESS(status) ? nfkc->normalize(src, status) : src;
  if (U_FAILURE(status)) norm = src;
  icu::UnicodeString mapped;
  std::u16string rep;
  bool leading = true;
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    if (leading) {
      if (IsBullet(c) || c == ' ' || c == '\t') continue;
      leading = false;
    }
    if (Replacement(c, rep)) {
      mapped.append(icu::UnicodeString(rep.data(), static_cast<int32_t>(rep.size())));
    } else {
      mapped.append(c);
    }
  }
  std::string out;
  mapped.toUTF8String(out);
  return CollapseSpaces(out);
}

bool IsNormalized(std::string_view utf8) {
  // ASCII text is normalised when its white space is collapsed.
  return IsAscii(utf8) &&
         (utf8.empty() || (!IsSpace(utf8.front()) && CollapsedRunEnd(utf8, 0) == utf8.size()));
}

std::string FoldCase(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace newsgraph
