// Literal cue forms, matched the way RE2 matches their alternation, many
// families in one pass.
//
// The figure extractor's lexicons (number words, qualifiers, kind cues,
// period words, ...) are lists of literal forms. As RE2 alternations
// (FormPattern in figures.cpp) a form matches with: its words separated by
// any run of RE2 white space [\t\n\f\r ]; letters in any case when the form
// is case-insensitive, as RE2's (?i) folds them (ASCII, plus U+212A KELVIN
// SIGN for k and U+017F LONG S for s); a word boundary (ASCII \b) before a
// form that begins with a word character [0-9A-Za-z_] and after one that
// ends with one. Among the forms of a family matching at one position RE2
// takes the first listed, and the lists are longest first, so the longest
// form (in bytes as written) wins; forms of equal length that both match
// cover the same text.
//
// A CueMatcher keeps every family in one byte trie: Scan walks a text once
// and returns, for each family, exactly the matches a leftmost, non-
// overlapping RE2 scan of that family's alternation returns. MatchAt and
// AllAt answer the anchored questions ("which unit starts here?").
//
// Build once (Add..., then Compile); the const methods are thread-safe.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace newsgraph {

class CueMatcher {
 public:
  struct Hit {
    size_t start = 0, end = 0;
    int family = 0;
    int form = 0;  // id from Add
  };

  CueMatcher();

  // Adds `form` to `family` (0 <= family < kMaxFamilies) and returns its id
  // (>= 0), or an error naming the form: empty, holding a control character,
  // or (case-insensitive) holding a cased non-ASCII letter, which RE2 would
  // fold and this matcher does not.
  Result<int> Add(int family, std::string_view form, bool case_insensitive);

  // A form of a hand-written RE2 alternation "\b(?:f1|f2|...)\b" of literal
  // words (metrics.tsv): its spaces match one space only, it needs a word
  // boundary at both ends, and at one position the first listed form that
  // matches wins: `rank` is its place in the list. Error as for Add, and
  // when the form does not begin and end with a word character.
  Result<int> AddListed(int family, std::string_view form, bool case_insensitive, int rank);

  static constexpr int kMaxFamilies = 64;

  // Call once after the last Add.
  void Compile();

  // Each family's leftmost non-overlapping matches in `text` (as repeated
  // unanchored RE2 searches of its alternation find them), for the families
  // whose bit is set in `families`; hits come ordered by start, then family.
  void Scan(std::string_view text, uint64_t families, std::vector<Hit>* out) const;

  // The form of `family` RE2 prefers at text[pos]; text[0] has no character
  // before it (pass a suffix to anchor a pattern run on that suffix).
  bool MatchAt(std::string_view text, size_t pos, int family, Hit* hit) const;

  // Every form of `family` matching at text[pos], preferred first, for
  // patterns that go on after the form (RE2 backtracks into the next one).
  void AllAt(std::string_view text, size_t pos, int family, std::vector<Hit>* out) const;

  // Could a form of `family` start with byte `c`? (cheap pre-test)
  bool MayStartWith(int family, unsigned char c) const {
    return (first_byte_[c] >> family) & 1;
  }

  // Could a form of `family` match at text[pos], by its first two bytes?
  // (cheap pre-test of MatchAt; false at the end of `text`)
  bool MayStartAt(std::string_view text, size_t pos, int family) const {
    if (pos >= text.size() || !MayStartWith(family, static_cast<unsigned char>(text[pos]))) return false;
    return pos + 1 == text.size() ||
           first_pair_[static_cast<size_t>(static_cast<unsigned char>(text[pos])) << 8 |
                       static_cast<unsigned char>(text[pos + 1])];
  }

  size_t size() const { return forms_.size(); }  // forms added
  const std::string& Form(int id) const { return forms_[static_cast<size_t>(id)].text; }
  int FamilyOf(int id) const { return forms_[static_cast<size_t>(id)].family; }

 private:
  struct FormInfo {
    std::string text;
    std::string key;  // as inserted in its trie
    bool case_insensitive = false;
    int family = 0;
    bool word_start = false, word_end = false;  // \b before / after
    int rank = 0;  // lower wins at one position
  };
  Result<int> AddForm(int family, std::string_view form, bool case_insensitive, bool space_runs,
                      int rank);
  struct Edge {
    unsigned char byte;
    uint32_t child;
  };
  struct Node {
    uint32_t edges = 0, nedges = 0;  // edges_[edges, edges + nedges), by byte
    uint32_t terms = 0, nterms = 0;  // terms_[terms, terms + nterms): form ids
  };
  // A byte trie: built as nested vectors, frozen into flat arrays.
  struct Trie {
    std::vector<std::vector<std::pair<unsigned char, uint32_t>>> kids{{}};
    std::vector<std::vector<int>> term{{}};
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<int> terms;
    uint32_t root[256] = {};  // the root's children, direct (every walk starts there)
    void Insert(std::string_view key, int form);
    void Freeze();
    uint32_t Child(uint32_t n, unsigned char b) const;  // 0: none
  };
  // Calls f(form, end) for every form of `families` matching at text[pos].
  template <typename F>
  void Walk(std::string_view text, size_t pos, uint64_t families, F&& f) const;
  template <typename F>
  void WalkTrie(const Trie& t, bool fold, std::string_view text, size_t pos, uint64_t families,
                F&& f) const;
  template <typename F>
  void WalkFrom(const Trie& t, bool fold, std::string_view text, size_t pos, size_t q, uint32_t node,
                uint64_t families, F&& f) const;

  std::vector<FormInfo> forms_;
  Trie ci_, cs_;  // case-insensitive forms (lowercase) and exact ones
  uint64_t first_byte_[256];  // families a form of which may start with a byte
  // Text byte pairs (first << 8 | second) a match of some form may begin
  // with, any family (Compile): most word starts that pass first_byte_ fail
  // here, before a trie walk. A form of one character admits every second
  // byte, as does a first byte that starts a folded multi-byte letter.
  std::bitset<65536> first_pair_;
  void IndexPairs();
};

}  // namespace newsgraph
