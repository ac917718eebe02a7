// Literal cue forms ("at least", "year-on-year") as RE2 patterns.
//
// The figure extractor compiles its cue-word lists with these, and the tests
// of the trie matchers that replace some of those patterns (cue_matcher,
// clause_words, cue_window) build the same patterns to check against: one
// writer, so the two sides cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace newsgraph {

// A form as an RE2 fragment: metacharacters quoted, each space matches any
// run of white space, \b where the form starts or ends with a word character.
std::string FormPattern(const std::string& form);

// The forms as one alternation, longest first (RE2 alternation is
// leftmost-first, so a longer form wins at one position), each in (?i:...)
// when case_insensitive, else (?:...). Empty forms are skipped; no forms
// give a pattern that matches nothing.
std::string Alternation(std::vector<std::string> forms, bool case_insensitive);

}  // namespace newsgraph
