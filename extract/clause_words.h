// Clause words ("and", "but", "while", ...) found the way the RE2 pattern
//   (?:^|\W)(?:ALT)\s
// finds them, ALT being the alternation figures.cpp writes for one family of
// a CueMatcher (FormPattern forms, longest first).
//
// The figure extractor cuts a clause at such a word on either side of each
// figure; RE2 did that with one FindAndConsume call per match, which cost
// more than the rest of the clause logic. These functions walk the text once
// with the cue trie and return what those calls return, quirks included:
//   - `text` is all RE2 sees: text[0] has nothing before it (^ matches
//     there, a word may start there), and nothing after text.back();
//   - \W is one rune RE2's UTF-8 automaton accepts that is not [0-9A-Za-z_]:
//     an ASCII byte, or a lead byte C2-DF / E0-EF / F0-F4 with its
//     continuation bytes. A stray continuation byte (the tail of an em dash
//     a clause bound split) is no \W, so no word matches right after it;
//   - \s is one of [\t\n\f\r ] (not \v);
//   - after a FindAndConsume, the next search starts afresh: ^ matches at
//     the end of the previous match.
#pragma once

#include <string_view>

#include "extract/cue_matcher.h"

namespace newsgraph {

// End (offset in `text`) of the first match, or npos.
size_t FirstClauseWordEnd(const CueMatcher& m, int family, std::string_view text);

// End of the last match of a FindAndConsume loop over `text`, or npos.
size_t LastClauseWordEnd(const CueMatcher& m, int family, std::string_view text);

}  // namespace newsgraph
