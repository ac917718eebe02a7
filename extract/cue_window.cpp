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

void CueWindow::AllowWordStart(unsigned char lo, unsigned char hi) {
  for (unsigned c = lo; c <= hi; ++c) word_start_.set(c);
}

void CueWindow::AllowLead(unsigned char lead) { lead_.set(lead); }

void CueWindow::AllowForm(std::string_view form, bool case_insensitive) {
  bool start = true;
  for (char ch : form) {
    unsigned char c = static_cast<unsigned char>(ch);
    for (unsigned char v : {c, static_cast<unsigned char>(std::tolower(c)), static_cast<unsigned char>(std::toupper(c))}) {
      allowed_.set(v);
      if (start) word_start_.set(v);
    }
    start = c == ' ';
  }
  if (case_insensitive) {
    Allow(0x80, 0xFF);
    AllowWordStart(0x80, 0xFF);
  }
}

namespace {
unsigned char LowerByte(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }
}  // namespace

void CueWindow::IndexForms() {
  pair_.reset();
  any_second_.reset();
  for (size_t id = 0; id < m_->size(); ++id) {
    if (m_->FamilyOf(static_cast<int>(id)) != family_) continue;
    const std::string& f = m_->Form(static_cast<int>(id));
    unsigned char a = LowerByte(static_cast<unsigned char>(f[0]));
    if (f.size() < 2) {
      any_second_.set(a);
      continue;
    }
    unsigned char b = LowerByte(static_cast<unsigned char>(f[1]));
    if (b == ' ') {  // any white-space run
      for (unsigned char w : {' ', '\t', '\n', '\f', '\r'}) pair_.set(a << 8 | w);
    } else {
      pair_.set(a << 8 | b);
    }
  }
}

// Might a form start at text[p]? Non-ASCII bytes (RE2's case folding of k
// and s) always might.
bool CueWindow::MayStartAt(std::string_view text, size_t p) const {
  unsigned char c = static_cast<unsigned char>(text[p]);
  if (!m_->MayStartWith(family_, c)) return false;
  if (c >= 0x80 || p + 1 >= text.size()) return true;
  unsigned char d = static_cast<unsigned char>(text[p + 1]);
  unsigned char a = LowerByte(c);
  return d >= 0x80 || any_second_[a] || pair_[a << 8 | LowerByte(d)];
}

bool CueWindow::MayMatch(std::string_view text, int max_runs) const {
  int runs = 0;
  bool first_word = true;
  CueMatcher::Hit hit;
  for (size_t p = 0; p < text.size(); ++p) {
    unsigned char c = static_cast<unsigned char>(text[p]);
    // A form may start here: PREFIX spans text[0, p). A form matching a
    // word character first needs \b before it: not inside a word.
    bool mid_word = p > 0 && IsWordByte(c) && IsWordByte(static_cast<unsigned char>(text[p - 1]));
    if (!mid_word && MayStartAt(text, p) && m_->MatchAt(text, p, family_, &hit)) return true;
    if (!allowed_[c]) return false;  // PREFIX cannot go past text[p]
    if (!IsRe2Space(c) && (p == 0 || IsRe2Space(static_cast<unsigned char>(text[p - 1])))) {
      // A word of PREFIX begins here.
      if (!word_start_[c] && !(first_word && lead_[c])) return false;
      first_word = false;
    }
    if (IsRe2Space(c) && (p == 0 || !IsRe2Space(static_cast<unsigned char>(text[p - 1]))) && ++runs > max_runs)
      return false;
  }
  return false;
}

}  // namespace newsgraph
