#include "extract/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstring>

#include "common/ascii.h"

namespace newsgraph {

namespace {

// Windows-1252 code points for 0x80-0x9F (0 where undefined).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};


// Control characters other than \t \n \f \r in `s`: a text file has few.
size_t CountControls(std::string_view s) {
  auto is_control = [](unsigned char c) {
    return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
  };
  size_t i = 0, n = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = ascii::Load8(s.data() + i);
    uint64_t below_space = ascii::BytesBelow(w, 0x20);
    if (below_space == 0) continue;
    n += ascii::CountMarked(below_space & ~(ascii::BytesEqual(w, '\n') | ascii::BytesEqual(w, '\r') |
                                            ascii::BytesEqual(w, '\t') | ascii::BytesEqual(w, '\f')));
  }
  for (; i < s.size(); ++i) n += is_control(static_cast<unsigned char>(s[i]));
  return n;
}

std::string FromUtf16(std::string_view bytes, bool big_endian) {
  std::u16string units;
  units.reserve(bytes.size() / 2);
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    auto a = static_cast<unsigned char>(bytes[i]);
    auto b = static_cast<unsigned char>(bytes[i + 1]);
    units.push_back(static_cast<char16_t>(big_endian ? (a << 8 | b) : (b << 8 | a)));
  }
  std::string out;
  icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(out);
  return out;
}

}  // namespace

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i += ascii::AsciiPrefixLength(s.substr(i));  // runs of ASCII, a word at a time
      continue;
    }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

Result<std::string> ToUtf8(std::string_view bytes) {
  if (bytes.empty()) return Status::Error("empty file");
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return FromUtf16(bytes.substr(2), false);
    if (b0 == 0xFE && b1 == 0xFF) return FromUtf16(bytes.substr(2), true);
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // Binary: NUL bytes, or many control characters among the first KiB.
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size()))
    return Status::Error("binary file, not text (NUL byte at offset " +
                         std::to_string(static_cast<const char*>(nul) - bytes.data()) + ")");
  size_t probe = std::min<size_t>(bytes.size(), 4096);
  if (CountControls(bytes.substr(0, probe)) * 10 > probe)
    return Status::Error("binary file, not text (control characters)");
  if (IsValidUtf8(bytes)) return std::string(bytes);
  // Not UTF-8: old newswire and many saved pages are Windows-1252/Latin-1.
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      char16_t cp = kCp1252High[c - 0x80];
      AppendUtf8(out, cp ? cp : 0xFFFD);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

}  // namespace newsgraph
