// A cheap necessary condition for an anchored RE2 pattern "PREFIX(FORMS)"
// whose PREFIX is made of few words: could a form start within reach?
//
// The count-noun pattern ("^[ \t]*-?[ \t]*(other\s+)?(modifier words){0,4}?
// (count_noun)") is tried after most bare numbers and almost never matches;
// RE2 pays for a full anchored match with captures each time. The caller
// describes what PREFIX can span: the bytes it may hold (Allow) and at most
// how many runs of RE2 white space [\t\n\f\r ] it may hold (max_runs), and
// the bytes its words may begin with (AllowWordStart; the first word may
// also begin with a lead byte, "-" in "- 3 mines").
// MayMatch then walks text from text[0] until the first byte PREFIX cannot
// hold, a word it cannot begin or the (max_runs + 1)-th white-space run,
// and asks the cue trie
// whether a form of `family` starts anywhere up to there (text[0] has no
// character before it, as RE2 sees the anchored text). False means the
// pattern cannot match; true means it may.
#pragma once

#include <bitset>
#include <string_view>

#include "extract/cue_matcher.h"

namespace newsgraph {

class CueWindow {
 public:
  // `m` (compiled, outliving this) holds the forms as family `family`.
  CueWindow(const CueMatcher* m, int family) : m_(m), family_(family) {}

  // PREFIX may hold bytes lo..hi.
  void Allow(unsigned char lo, unsigned char hi);
  // A word of PREFIX (after white space) may begin with lo..hi; the first
  // word with `lead` too.
  void AllowWordStart(unsigned char lo, unsigned char hi);
  void AllowLead(unsigned char lead);
  // PREFIX may hold the bytes of `form`, in either ASCII case, and its
  // words' first bytes may begin a word; with case_insensitive, every
  // byte >= 0x80 too (RE2 folds k and s to multi-byte letters).
  void AllowForm(std::string_view form, bool case_insensitive);

  // Call once the matcher holds every form of the family: indexes the
  // forms' first two bytes, so most word starts skip the trie walk.
  void IndexForms();

  bool MayMatch(std::string_view text, int max_runs) const;

 private:
  const CueMatcher* m_;
  int family_;
  bool MayStartAt(std::string_view text, size_t p) const;
  std::bitset<256> allowed_, word_start_, lead_;
  // Forms' first two bytes, ASCII-lowercased (first << 8 | second); a first
  // byte in any_second_ may be followed by anything.
  std::bitset<65536> pair_;
  std::bitset<256> any_second_;
};

}  // namespace newsgraph
