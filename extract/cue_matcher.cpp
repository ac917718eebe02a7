#include "extract/cue_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace newsgraph {

namespace {

// In a trie key, a run of white space (a form's ' ', RE2's \s+), and a
// single space (a listed form's ' ').
constexpr unsigned char kSpace = 0x01;
constexpr unsigned char kOneSpace = 0x02;

bool IsWord(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
// RE2's \s: [\t\n\f\r ].
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// RE2's \b (ASCII) between text[q - 1] and text[q]; outside the text is not
// a word character.
bool Boundary(std::string_view t, size_t q) {
  bool before = q > 0 && IsWord(static_cast<unsigned char>(t[q - 1]));
  bool after = q < t.size() && IsWord(static_cast<unsigned char>(t[q]));
  return before != after;
}

}  // namespace

CueMatcher::CueMatcher() { std::fill(std::begin(first_byte_), std::end(first_byte_), 0); }

void CueMatcher::Trie::Insert(std::string_view key, int form) {
  uint32_t n = 0;
  for (char ch : key) {
    unsigned char b = static_cast<unsigned char>(ch);
    uint32_t next = 0;
    for (auto& [kb, child] : kids[n])
      if (kb == b) next = child;
    if (next == 0) {
      next = static_cast<uint32_t>(kids.size());
      kids[n].push_back({b, next});
      kids.emplace_back();
      term.emplace_back();
    }
    n = next;
  }
  term[n].push_back(form);
}

void CueMatcher::Trie::Freeze() {
  nodes.assign(kids.size(), Node{});
  edges.clear();
  terms.clear();
  for (size_t n = 0; n < kids.size(); ++n) {
    auto k = kids[n];
    std::sort(k.begin(), k.end());
    nodes[n].edges = static_cast<uint32_t>(edges.size());
    nodes[n].nedges = static_cast<uint32_t>(k.size());
    for (auto& [b, child] : k) edges.push_back({b, child});
    nodes[n].terms = static_cast<uint32_t>(terms.size());
    nodes[n].nterms = static_cast<uint32_t>(term[n].size());
    for (int f : term[n]) terms.push_back(f);
  }
  std::fill(std::begin(root), std::end(root), 0);
  for (auto& [b, child] : kids[0]) root[b] = child;
}

uint32_t CueMatcher::Trie::Child(uint32_t n, unsigned char b) const {
  if (n == 0) return root[b];
  const Node& node = nodes[n];
  const Edge* e = edges.data() + node.edges;
  for (uint32_t i = 0; i < node.nedges; ++i) {
    if (e[i].byte == b) return e[i].child;
    if (e[i].byte > b) break;
  }
  return 0;
}

Result<int> CueMatcher::Add(int family, std::string_view form, bool case_insensitive) {
  // Longest first, as figures.cpp sorts its alternations.
  return AddForm(family, form, case_insensitive, true, -static_cast<int>(form.size()));
}

Result<int> CueMatcher::AddListed(int family, std::string_view form, bool case_insensitive, int rank) {
  if (form.empty() || !IsWord(static_cast<unsigned char>(form.front())) ||
      !IsWord(static_cast<unsigned char>(form.back())))
    return Status::Error("cue form '" + std::string(form) + "': does not begin and end with a word character");
  return AddForm(family, form, case_insensitive, false, rank);
}

Result<int> CueMatcher::AddForm(int family, std::string_view form, bool case_insensitive,
                                bool space_runs, int rank) {
  auto fail = [&](const std::string& why) {
    return Status::Error("cue form '" + std::string(form) + "': " + why);
  };
  if (family < 0 || family >= kMaxFamilies) return fail("family out of range");
  // The words of the form, as FormPattern reads them (split at ' ').
  std::string key;
  bool any = false;
  for (size_t i = 0; i < form.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    if (c == ' ' && !space_runs) {
      key += static_cast<char>(kOneSpace);
      continue;
    }
    if (c == ' ') {
      if (any && key.back() != static_cast<char>(kSpace)) key += static_cast<char>(kSpace);
      continue;
    }
    if (c < 0x20 || c == 0x7f) return fail("control character");
    any = true;
    key += static_cast<char>(case_insensitive && c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  while (!key.empty() && key.back() == static_cast<char>(kSpace)) key.pop_back();
  if (key.empty()) return fail("empty");
  if (case_insensitive) {
    for (int32_t i = 0, n = static_cast<int32_t>(form.size()); i < n;) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(form.data()), i, n, c);
      if (c < 0) return fail("not UTF-8");
      if (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_CASED))
        return fail("a cased non-ASCII letter in a case-insensitive form");
    }
  }
  int id = static_cast<int>(forms_.size());
  FormInfo info;
  info.text = std::string(form);
  info.key = key;
  info.case_insensitive = case_insensitive;
  info.family = family;
  info.word_start = IsWord(static_cast<unsigned char>(form.front()));
  info.word_end = IsWord(static_cast<unsigned char>(form.back()));
  info.rank = rank;
  forms_.push_back(std::move(info));
  (case_insensitive ? ci_ : cs_).Insert(key, id);
  // Bytes of the text a match can begin with.
  uint64_t bit = uint64_t{1} << family;
  unsigned char k0 = static_cast<unsigned char>(key[0]);
  first_byte_[k0] |= bit;
  if (case_insensitive && k0 >= 'a' && k0 <= 'z') {
    first_byte_[k0 - 32] |= bit;
    if (k0 == 'k') first_byte_[0xE2] |= bit;  // U+212A KELVIN SIGN
    if (k0 == 's') first_byte_[0xC5] |= bit;  // U+017F LATIN SMALL LETTER LONG S
  }
  return id;
}

void CueMatcher::Compile() {
  ci_.Freeze();
  cs_.Freeze();
  IndexPairs();
}

void CueMatcher::IndexPairs() {
  first_pair_.reset();
  // The text bytes that can begin the match of key byte `k` (WalkFrom).
  auto bytes_of = [](unsigned char k, bool ci) {
    std::vector<unsigned char> out;
    if (k == kSpace) return std::vector<unsigned char>{' ', '\t', '\n', '\f', '\r'};
    if (k == kOneSpace) return std::vector<unsigned char>{' '};
    out.push_back(k);
    if (ci && k >= 'a' && k <= 'z') {
      out.push_back(static_cast<unsigned char>(k - 32));
      if (k == 'k') out.push_back(0xE2);  // U+212A KELVIN SIGN
      if (k == 's') out.push_back(0xC5);  // U+017F LONG S
    }
    return out;
  };
  auto any_second = [&](unsigned char b0) {
    for (unsigned b1 = 0; b1 < 256; ++b1) first_pair_.set(static_cast<size_t>(b0) << 8 | b1);
  };
  for (const FormInfo& fi : forms_) {
    const auto k0 = static_cast<unsigned char>(fi.key[0]);
    for (unsigned char b0 : bytes_of(k0, fi.case_insensitive)) {
      if (fi.key.size() == 1 || b0 >= 0x80) {  // one character, or a multi-byte letter
        any_second(b0);
        continue;
      }
      for (unsigned char b1 : bytes_of(static_cast<unsigned char>(fi.key[1]), fi.case_insensitive))
        first_pair_.set(static_cast<size_t>(b0) << 8 | b1);
    }
  }
}

template <typename F>
void CueMatcher::WalkTrie(const Trie& t, bool fold, std::string_view text, size_t pos,
                          uint64_t families, F&& f) const {
  if (t.nodes.size() <= 1) return;
  WalkFrom(t, fold, text, pos, pos, 0, families, f);
}

template <typename F>
void CueMatcher::WalkFrom(const Trie& t, bool fold, std::string_view text, size_t pos, size_t q,
                          uint32_t node, uint64_t families, F&& f) const {
  const size_t n = text.size();
  while (q < n) {
    unsigned char c = static_cast<unsigned char>(text[q]);
    if (IsSpace(c)) {
      if (node == 0) return;  // no form begins with white space
      if (c == ' ') {
        // A listed form's single space; the run edge is walked below.
        if (uint32_t one = t.Child(node, kOneSpace); one != 0)
          WalkFrom(t, fold, text, pos, q + 1, one, families, f);
      }
      c = kSpace;
      while (q < n && IsSpace(static_cast<unsigned char>(text[q]))) ++q;
    } else if (fold && c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
      ++q;
    } else if (fold && c == 0xE2 && q + 2 < n && static_cast<unsigned char>(text[q + 1]) == 0x84 &&
               static_cast<unsigned char>(text[q + 2]) == 0xAA) {
      c = 'k';
      q += 3;
    } else if (fold && c == 0xC5 && q + 1 < n && static_cast<unsigned char>(text[q + 1]) == 0xBF) {
      c = 's';
      q += 2;
    } else {
      ++q;
    }
    node = t.Child(node, c);
    if (node == 0) return;
    const Node& nd = t.nodes[node];
    for (uint32_t i = 0; i < nd.nterms; ++i) {
      int id = t.terms[nd.terms + i];
      const FormInfo& fi = forms_[static_cast<size_t>(id)];
      if (!((families >> fi.family) & 1)) continue;
      if (fi.word_start && !Boundary(text, pos)) continue;
      if (fi.word_end && !Boundary(text, q)) continue;
      f(id, q);
    }
  }
}

template <typename F>
void CueMatcher::Walk(std::string_view text, size_t pos, uint64_t families, F&& f) const {
  if (pos >= text.size() || !(first_byte_[static_cast<unsigned char>(text[pos])] & families)) return;
  if (pos + 1 < text.size() &&
      !first_pair_[static_cast<size_t>(static_cast<unsigned char>(text[pos])) << 8 |
                   static_cast<unsigned char>(text[pos + 1])])
    return;
  WalkTrie(ci_, true, text, pos, families, f);
  WalkTrie(cs_, false, text, pos, families, f);
}

void CueMatcher::Scan(std::string_view text, uint64_t families, std::vector<Hit>* out) const {
  size_t next[kMaxFamilies] = {};  // where each family's next search starts
  struct Best {
    int rank;
    size_t end;
    int form;
  };
  Best best[kMaxFamilies];
  uint64_t found = 0;
  for (size_t p = 0; p < text.size(); ++p) {
    unsigned char c = static_cast<unsigned char>(text[p]);
    if (!(first_byte_[c] & families)) continue;
    // Inside a word: a form beginning with a word character needs a
    // boundary here, and no other kind begins with one.
    if (p > 0 && IsWord(c) && IsWord(static_cast<unsigned char>(text[p - 1]))) continue;
    found = 0;
    Walk(text, p, families, [&](int id, size_t end) {
      const FormInfo& fi = forms_[static_cast<size_t>(id)];
      if (p < next[fi.family]) return;
      uint64_t bit = uint64_t{1} << fi.family;
      if (!(found & bit) || fi.rank < best[fi.family].rank) {
        best[fi.family] = {fi.rank, end, id};
        found |= bit;
      }
    });
    while (found) {
      int fam = __builtin_ctzll(found);
      found &= found - 1;
      out->push_back({p, best[fam].end, fam, best[fam].form});
      next[fam] = best[fam].end;
    }
  }
}

bool CueMatcher::MatchAt(std::string_view text, size_t pos, int family, Hit* hit) const {
  bool any = false;
  int rank = 0;
  Walk(text, pos, uint64_t{1} << family, [&](int id, size_t end) {
    const FormInfo& fi = forms_[static_cast<size_t>(id)];
    if (!any || fi.rank < rank) {
      *hit = {pos, end, family, id};
      rank = fi.rank;
      any = true;
    }
  });
  return any;
}

void CueMatcher::AllAt(std::string_view text, size_t pos, int family, std::vector<Hit>* out) const {
  out->clear();
  Walk(text, pos, uint64_t{1} << family, [&](int id, size_t end) { out->push_back({pos, end, family, id}); });
  std::stable_sort(out->begin(), out->end(), [&](const Hit& a, const Hit& b) {
    return forms_[static_cast<size_t>(a.form)].rank < forms_[static_cast<size_t>(b.form)].rank;
  });
}

}  // namespace newsgraph
