// A cheap necessary condition for an anchored RE2 pattern "PREFIX(FORMS)"
// whose PREFIX is made of few words: could a form start within reach?
//
// The count-noun pattern ("^[ \t]*-?[ \t]*(other\s+)?(modifier words){0,4}?
// (count_noun)") is tried after most bare numbers and almost never matches;
// RE2 pays for a full anchored match with captures each time. The caller
// describes what PREFIX can span: the bytes it may hold (Allow) and at most
// how many runs of RE2 white space [\t\n\f\r ] it may hold (max_runs).
// MayMatch then walks text from text[0] until the first byte PREFIX cannot
// hold or the (max_runs + 1)-th white-space run, and asks the cue trie
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
  // PREFIX may hold the bytes of `form`, in either ASCII case; with
  // case_insensitive, every byte >= 0x80 too (RE2 folds k and s to
  // multi-byte letters).
  void AllowForm(std::string_view form, bool case_insensitive);

  bool MayMatch(std::string_view text, int max_runs) const;

 private:
  const CueMatcher* m_;
  int family_;
  std::bitset<256> allowed_;
};

}  // namespace newsgraph
