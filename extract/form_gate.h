// Cheap necessary conditions for an RE2 alternation of literal forms.
//
// The figure patterns are anchored at one end ("^[ \t]*(units)",
// "(currency)[ \t]*$") and are tried at every number of every sentence, so
// most calls fail. A FormGate records which bytes can begin and end a form;
// a caller checks the byte next to the anchor first and skips the RE2 call
// when no form can start (or end) there. The sets over-approximate: forms
// matched case-insensitively admit every byte >= 0x80 as well (Unicode case
// folding maps 'k' and 's' to multi-byte letters), so a skipped call is one
// that could not have matched.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class FormGate {
 public:
  // A form as FormPattern writes it: its spaces match any white space.
  void Add(std::string_view form, bool case_insensitive);
  void AddAll(const std::vector<std::string>& forms, bool case_insensitive);
  // Admits byte range [lo, hi] as a first (or last) byte, for pattern parts
  // that are not literal forms ("[A-Za-z]").
  void AllowFirst(unsigned char lo, unsigned char hi);

  // Could a form start at s[pos]? False at the end of `s`.
  bool MayStartAt(std::string_view s, size_t pos) const {
    return pos < s.size() && first_[static_cast<unsigned char>(s[pos])];
  }
  // Could a form end just before s[pos]? False at pos 0.
  bool MayEndBefore(std::string_view s, size_t pos) const {
    return pos > 0 && last_[static_cast<unsigned char>(s[pos - 1])];
  }

 private:
  void AllowBoth(std::bitset<256>* set, unsigned char c, bool case_insensitive);
  std::bitset<256> first_, last_;
};

// Position after a run of spaces and tabs ("[ \t]*") from `pos`.
size_t SkipBlanks(std::string_view s, size_t pos);
// Position before a run of spaces and tabs that ends at `end`.
size_t TrimBlanksBefore(std::string_view s, size_t end);

}  // namespace newsgraph
