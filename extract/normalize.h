// Text normalisation applied to every block of an article.
//
// NFKC (ICU), then: dashes U+2010-U+2013, U+2212 -> '-'; U+2014, U+2015 stay
// an em dash (it separates clauses and is not a hyphen); curly single quotes
// and primes -> '\''; curly double quotes -> '"'; bullets at the start of a
// block removed; every run of white space (incl. NBSP) -> one space; trimmed.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

std::string NormalizeText(std::string_view utf8);

// True only if NormalizeText(utf8) == utf8; a cheap check that answers false
// for all non-ASCII text. Lets callers skip the copy for most blocks.
bool IsNormalized(std::string_view utf8);

// ICU case folding (full), for matching names; input and output UTF-8.
std::string FoldCase(std::string_view utf8);

}  // namespace newsgraph
