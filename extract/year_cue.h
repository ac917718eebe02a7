// The latest year a document names after a cue word ("in 2023", "end of
// 2022", "during 2021"): its reference year when it carries no date.
//
// Returns what the maximum over an RE2::FindAndConsume loop of
//   (?i)\b(?:cue1|cue2|...)\s+((?:19|20)\d\d)\b
// returns (0 when nothing matches), in one pass without RE2: every year
// "19dd"/"20dd" not followed by a word character [0-9A-Za-z_] and preceded
// by a run of RE2 white space [\t\n\f\r ], before which a cue ends that no
// word character precedes. (Matches cannot overlap: a cue never holds a
// digit, so the loop finds every such year.)
//
// Cues: lower-case ASCII letters and single spaces, without k or s (RE2's (?i) folds
// those to non-ASCII letters too), matched ignoring ASCII case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

int LatestCuedYear(std::string_view text, const std::vector<std::string>& cues);

}  // namespace newsgraph
