#include "extract/cue_window.h"

#include <cctype>

namespace newsgraph {
namespace {

bool IsRe2Space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

}  // namespace

void CueWindow::Allow(unsigned char lo, unsigned char hi) {
  for (unsigned c = lo; c <= hi; ++c) allowed_.set(c);
}

void CueWindow::AllowForm(std::string_view form, bool case_insensitive) {
  for (char ch : form) {
    unsigned char c = static_cast<unsigned char>(ch);
    allowed_.set(c);
    allowed_.set(static_cast<unsigned char>(std::tolower(c)));
    allowed_.set(static_cast<unsigned char>(std::toupper(c)));
  }
  if (case_insensitive) Allow(0x80, 0xFF);
}

bool CueWindow::MayMatch(std::string_view text, int max_runs) const {
  int runs = 0;
  CueMatcher::Hit hit;
  for (size_t p = 0; p < text.size(); ++p) {
    unsigned char c = static_cast<unsigned char>(text[p]);
    // A form may start here: PREFIX spans text[0, p). A form matching a
    // word character first needs \b before it: not inside a word.
    bool mid_word = p > 0 && IsWordByte(c) && IsWordByte(static_cast<unsigned char>(text[p - 1]));
    if (!mid_word && m_->MayStartWith(family_, c) && m_->MatchAt(text, p, family_, &hit)) return true;
    if (!allowed_[c]) return false;  // PREFIX cannot go past text[p]
    if (IsRe2Space(c) && (p == 0 || !IsRe2Space(static_cast<unsigned char>(text[p - 1]))) && ++runs > max_runs)
      return false;
  }
  return false;
}

}  // namespace newsgraph
