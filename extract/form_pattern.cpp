#include "extract/form_pattern.h"

#include <re2/re2.h>

#include <algorithm>

namespace newsgraph {

namespace {

// [0-9A-Za-z_]: RE2's \w, which is what \b looks at.
bool IsWordChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u == '_';
}

}  // namespace

std::string FormPattern(const std::string& form) {
  std::string out;
  if (!form.empty() && IsWordChar(form.front())) out += "\\b";
  std::string word;
  for (size_t i = 0; i <= form.size(); ++i) {
    if (i == form.size() || form[i] == ' ') {
      if (!word.empty()) {
        if (!out.empty() && out.back() != 'b') out += "\\s+";
        else if (out.size() > 2) out += "\\s+";
        out += RE2::QuoteMeta(word);
      }
      word.clear();
    } else {
      word += form[i];
    }
  }
  if (!form.empty() && IsWordChar(form.back())) out += "\\b";
  return out;
}

std::string Alternation(std::vector<std::string> forms, bool case_insensitive) {
  std::sort(forms.begin(), forms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& f : forms) {
    if (f.empty()) continue;
    if (!out.empty()) out += '|';
    out += case_insensitive ? "(?i:" + FormPattern(f) + ")" : "(?:" + FormPattern(f) + ")";
  }
  // An empty class: RE2 has no lookahead, so "(?!x)x" would not compile.
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;
}

}  // namespace newsgraph
