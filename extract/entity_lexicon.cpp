#include "extract/entity_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>

#include "extract/lexicon.h"
#include "extract/normalize.h"

namespace newsgraph {

void Spelling::Add(const std::string& variant, const std::string& canonical) {
  std::string key = FoldCase(canonical);
  int id = Intern(key);
  Put(FoldCase(variant), Word{key, id});
}

std::string Spelling::Key(std::string_view word) const {
  std::string k = FoldCase(word);
  const Word* w = Find(k);
  return w == nullptr ? k : w->key;
}

int Spelling::Intern(const std::string& key) {
  int id = Id(key);
  if (id >= 0) return id;
  id = static_cast<int>(keys_.size());
  keys_.push_back(key);
  ids_[key] = id;
  // A key is a word of its own unless it is already a variant of another.
  if (Find(key) == nullptr) Put(key, Word{key, id});
  return id;
}

int Spelling::Id(std::string_view key) const {
  auto it = ids_.find(std::string(key));  // only while loading
  return it == ids_.end() ? -1 : it->second;
}

namespace {

// Bytes [from, from + 8) of s, zero-padded past its end.
inline uint64_t Chunk(std::string_view s, size_t from) {
  uint64_t c = 0;
  if (from < s.size()) std::memcpy(&c, s.data() + from, std::min<size_t>(8, s.size() - from));
  return c;
}

}  // namespace

namespace {

// Eight bytes a step: a word is one or two multiplications. `chunk(i)` is
// bytes [i, i + 8), zero past the end.
template <typename ChunkAt>
inline uint64_t HashChunks(size_t size, ChunkAt chunk) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ size;
  for (size_t i = 0; i < size; i += 8) {
    h = (h ^ chunk(i)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

inline uint64_t Load8(const char* p) {
  uint64_t c;
  std::memcpy(&c, p, 8);
  return c;
}

}  // namespace

uint64_t Spelling::Hash(std::string_view s) {
  return HashChunks(s.size(), [s](size_t i) { return Chunk(s, i); });
}

size_t Spelling::Probe(std::string_view s, uint64_t h) const {
  return Probe(s, h, s.size() <= 16 ? Chunk(s, 0) : 0, s.size() <= 16 ? Chunk(s, 8) : 0);
}

int Spelling::LookupPadded(const char* folded, size_t len,
                           const std::string** variant_key) const {
  // Probe() written out for this, the tokenizer's per-word call: the key's
  // 16 bytes are loaded once and the slot read in place.
  *variant_key = nullptr;
  if (slots_.empty()) return -1;
  const uint64_t lo = Load8(folded), hi = Load8(folded + 8);
  const uint64_t h = len <= 8    ? HashChunks(len, [lo](size_t) { return lo; })
                     : len <= 16 ? HashChunks(len, [lo, hi](size_t i) { return i ? hi : lo; })
                                 : HashChunks(len, [folded](size_t i) { return Load8(folded + i); });
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const SlotEntry& e = slots_[i];
    if (e.word < 0) return -1;
    if (e.tag != tag || e.len != std::min<size_t>(len, 0xFFFF)) continue;
    if (len <= 16 ? e.lo == lo && e.hi == hi
                  : words_[static_cast<size_t>(e.word)].first == std::string_view(folded, len)) {
      if (!e.self) *variant_key = &words_[static_cast<size_t>(e.word)].second.key;
      return e.id;
    }
  }
}

size_t Spelling::Probe(std::string_view s, uint64_t h, uint64_t lo, uint64_t hi) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  // A word of up to 16 bytes is compared in the slot itself (lo, hi),
  // without touching words_.
  const bool inline_text = s.size() <= 16;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const SlotEntry& e = slots_[i];
    if (e.word < 0) return i;
    if (e.tag != tag || e.len != std::min<size_t>(s.size(), 0xFFFF)) continue;
    if (inline_text ? e.lo == lo && e.hi == hi
                    : words_[static_cast<size_t>(e.word)].first == s)
      return i;
  }
}

void Spelling::Fill(size_t slot, size_t word) {
  const std::string& surface = words_[word].first;
  const Word& w = words_[word].second;
  SlotEntry& e = slots_[slot];
  e.tag = static_cast<uint32_t>(Hash(surface) >> 32);
  e.word = static_cast<int32_t>(word);
  e.id = w.id;
  e.len = static_cast<uint16_t>(std::min<size_t>(surface.size(), 0xFFFF));
  e.self = w.key == surface;
  e.lo = surface.size() <= 16 ? Chunk(surface, 0) : 0;
  e.hi = surface.size() <= 16 ? Chunk(surface, 8) : 0;
}

const Spelling::Word* Spelling::Find(std::string_view folded) const {
  if (slots_.empty()) return nullptr;
  int32_t w = slots_[Probe(folded, Hash(folded))].word;
  return w < 0 ? nullptr : &words_[static_cast<size_t>(w)].second;
}

int Spelling::Lookup(std::string_view folded, const std::string** variant_key) const {
  *variant_key = nullptr;
  if (slots_.empty()) return -1;
  const SlotEntry& e = slots_[Probe(folded, Hash(folded))];
  if (e.word < 0) return -1;
  if (!e.self) *variant_key = &words_[static_cast<size_t>(e.word)].second.key;
  return e.id;
}

void Spelling::Put(const std::string& surface, Word w) {
  if (!slots_.empty()) {
    size_t slot = Probe(surface, Hash(surface));
    if (slots_[slot].word >= 0) {  // the last Add of a variant wins
      size_t word = static_cast<size_t>(slots_[slot].word);
      words_[word].second = std::move(w);
      Fill(slot, word);
      return;
    }
  }
  words_.emplace_back(surface, std::move(w));
  if (slots_.size() < 2 * words_.size()) {  // keep the table at most half full
    size_t size = 64;                         // a power of two: Probe masks
    while (size < 4 * words_.size()) size *= 2;
    slots_.assign(size, SlotEntry{});
    for (size_t i = 0; i < words_.size(); ++i)
      Fill(Probe(words_[i].first, Hash(words_[i].first)), i);
  } else {
    Fill(Probe(surface, Hash(surface)), words_.size() - 1);
  }
}

namespace {

// Character classes of one code point, ASCII without a call into ICU.
struct CharClass {
  bool alnum = false, alpha = false, upper = false, title = false, digit = false;
};

inline CharClass Classify(UChar32 c) {
  CharClass k;
  if (c >= 0 && c < 0x80) {
    k.upper = c >= 'A' && c <= 'Z';
    k.alpha = k.upper || (c >= 'a' && c <= 'z');
    k.digit = c >= '0' && c <= '9';
    k.alnum = k.alpha || k.digit;
    return k;
  }
  if (c < 0 || !u_isalnum(c)) return k;
  k.alnum = true;
  k.alpha = u_isalpha(c);
  k.upper = u_isupper(c);
  k.title = u_istitle(c);
  k.digit = u_isdigit(c);
  return k;
}

// Sets t->key and t->id from the word text[t->start, t->end): ASCII words are
// folded here; only words with other letters go through ICU.
void SetKey(std::string_view text, const Spelling& spelling, Token* t) {
  std::string_view word = text.substr(t->start, t->end - t->start);
  bool ascii = true;
  for (unsigned char c : word)
    if (c >= 0x80) ascii = false;
  if (ascii) {
    t->key.assign(word);  // short words stay in the string's own buffer
    for (char& c : t->key)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    t->key = FoldCase(word);
  }
  const std::string* variant = nullptr;
  t->id = spelling.Lookup(t->key, &variant);
  if (variant != nullptr) t->key = *variant;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end,
                            const Spelling& spelling) {
  std::vector<Token> out;
  TokenizeInto(text, begin, end, spelling, &out);
  return out;
}

namespace {

// ASCII classes for the tokenizer's fast path, by byte: bytes >= 0x80 and
// ASCII that is no part of a word have none. kAsciiLetter is bit 0, so a
// word's letters are counted by adding the classes' low bits.
enum : uint8_t { kAsciiLetter = 1, kAsciiUpper = 2, kAsciiDigit = 4, kAsciiLower = 8 };
constexpr auto kAscii = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLetter | kAsciiLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiLetter | kAsciiUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  return t;
}();
// ASCII lower case by byte (other bytes unchanged).
constexpr auto kAsciiFold = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return t;
}();

// "U.S." / "U.K.": end of dotted initials after the capital at j - 1, or j.
int32_t DottedEnd(const char* s, int32_t j, int32_t n) {
  if (!(j + 2 < n && s[j] == '.' && s[j + 1] >= 'A' && s[j + 1] <= 'Z' && s[j + 2] == '.'))
    return j;
  int32_t k = j;
  while (k + 2 < n && s[k] == '.' && s[k + 1] >= 'A' && s[k + 1] <= 'Z' && s[k + 2] == '.')
    k += 2;
  return k + 1;
}

// One code point at i, any script: a token is appended if one starts there.
// Returns where to go on.
int32_t GeneralStep(std::string_view text, int32_t i, int32_t n, const Spelling& spelling,
                    std::vector<Token>* out) {
  const char* s = text.data();
  int32_t start = i;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  if (c == '&') {
    Token& t = out->emplace_back();
    t.start = static_cast<size_t>(start);
    t.end = static_cast<size_t>(i);
    t.key.assign(1, '&');  // (not = "&": GCC 12 warns -Wrestrict falsely)
    const Spelling::Word* w = spelling.Find("&");
    t.id = w != nullptr && w->key == "&" ? w->id : -1;
    return i;
  }
  CharClass first = Classify(c);
  if (!first.alnum) return i;
  bool cap = first.upper || first.title;
  bool all_upper = cap;
  int letters = first.alpha ? 1 : 0;
  int32_t j = i;
  while (j < n) {
    int32_t k = j;
    UChar32 d;
    U8_NEXT(s, k, n, d);
    CharClass dc = Classify(d);
    if (!dc.alnum) break;
    if (dc.alpha) {
      ++letters;
      if (!dc.upper) all_upper = false;
    }
    j = k;
  }
  Token& t = out->emplace_back();
  t.start = static_cast<size_t>(start);
  t.end = static_cast<size_t>(j);
  t.cap = cap;
  t.digit = first.digit;
  t.upper = all_upper && letters >= 2;
  if (j - start == 1 && cap) {
    int32_t d = DottedEnd(s, j, n);
    if (d != j) {
      t.end = static_cast<size_t>(d);
      t.upper = true;
      j = d;
    }
  }
  SetKey(text, spelling, &t);
  return j;
}

}  // namespace

void TokenizeInto(std::string_view text, size_t begin, size_t end, const Spelling& spelling,
                  std::vector<Token>* out) {
  const char* s = text.data();
  int32_t i = static_cast<int32_t>(begin);
  const int32_t n = static_cast<int32_t>(std::min(end, text.size()));
  // About one token per six bytes of English; rarely more than one per four.
  out->reserve(out->size() + static_cast<size_t>(n > i ? n - i : 0) / 6 + 1);
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 || b == '&') {
      i = GeneralStep(text, i, n, spelling, out);
      continue;
    }
    uint8_t cls = kAscii[b];
    if (cls == 0) {
      ++i;
      continue;
    }
    // An ASCII word of up to 32 bytes: classes and folded key in one pass;
    // a longer one goes the general way. The zero padding after the key
    // lets the lookup read whole 8-byte chunks.
    alignas(8) char folded[64];
    uint8_t classes = 0;  // union of the word's byte classes
    unsigned letters = 0;
    const int32_t limit = std::min(n, i + 33);
    int32_t j = i;
    for (; j < limit; ++j) {
      unsigned char d = static_cast<unsigned char>(s[j]);
      uint8_t dc = kAscii[d];
      if (dc == 0) break;
      classes |= dc;
      letters += dc & kAsciiLetter;
      folded[j - i] = kAsciiFold[d];
    }
    std::memset(folded + (j - i), 0, 16);
    bool all_upper = (cls & kAsciiUpper) && !(classes & kAsciiLower);
    bool long_word = j - i > 32;
    bool dotted = j - i == 1 && (cls & kAsciiUpper) && DottedEnd(s, j, n) != j;
    if ((j < n && static_cast<unsigned char>(s[j]) >= 0x80) || long_word || dotted) {
      i = GeneralStep(text, i, n, spelling, out);  // the word goes on in another script
      continue;
    }
    Token& t = out->emplace_back();
    t.start = static_cast<size_t>(i);
    t.end = static_cast<size_t>(j);
    t.cap = (cls & kAsciiUpper) != 0;
    t.digit = (cls & kAsciiDigit) != 0;
    t.upper = all_upper && letters >= 2;
    std::string_view key(folded, static_cast<size_t>(j - i));
    const std::string* variant = nullptr;
    t.id = spelling.LookupPadded(folded, key.size(), &variant);
    t.key.assign(variant != nullptr ? std::string_view(*variant) : key);
    i = j;
  }
}

bool NameGap(std::string_view text, size_t from, size_t to) {
  if (to < from || to - from > 3) return false;
  for (size_t i = from; i < to; ++i) {
    char c = text[i];
    if (c != ' ' && c != '-' && c != '\'' && c != '.') return false;
  }
  return true;
}

std::string Slug(const std::vector<std::string>& keys) {
  // Latin-1 letters (U+00E0..U+00FF, as folded keys have them) to ASCII.
  static const char kLatin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string out;
  for (const std::string& k : keys) {
    bool pending = !out.empty();
    for (size_t i = 0; i < k.size(); ++i) {
      char c = k[i];
      unsigned char u = static_cast<unsigned char>(c);
      if (u == 0xC3 && i + 1 < k.size()) {
        unsigned char v = static_cast<unsigned char>(k[i + 1]);
        if (v >= 0xA0 && v <= 0xBF) {
          c = kLatin1[v - 0xA0];
          ++i;
        }
      }
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (ok) {
        if (pending && out.back() != '-') out += '-';
        pending = false;
        out += c;
      } else if (!out.empty()) {
        pending = true;
      }
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

const LexEntry* EntityLexicon::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entries_[static_cast<size_t>(it->second)];
}

int EntityLexicon::Child(int node, int word) const {
  if (word < 0) return -1;
  if (node == 0)
    return static_cast<size_t>(word) < first_.size() ? first_[static_cast<size_t>(word)] : -1;
  auto it = children_.find(static_cast<uint64_t>(node) << 32 | static_cast<uint32_t>(word));
  return it == children_.end() ? -1 : it->second;
}

int EntityLexicon::AddChild(int node, int word) {
  int child = Child(node, word);
  if (child >= 0) return child;
  child = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  nodes_[static_cast<size_t>(node)].has_children = true;
  if (node == 0) {
    if (first_.size() <= static_cast<size_t>(word)) first_.resize(static_cast<size_t>(word) + 1, -1);
    first_[static_cast<size_t>(word)] = child;
  } else {
    children_[static_cast<uint64_t>(node) << 32 | static_cast<uint32_t>(word)] = child;
  }
  return child;
}

void EntityLexicon::AddAlias(int entry, const std::string& alias, bool demonym) {
  std::vector<Token> toks = Tokenize(alias, 0, alias.size(), spelling_);
  if (toks.empty()) return;
  Alias a;
  a.entry = entry;
  a.demonym = demonym;
  int node = 0;
  for (const Token& t : toks) {
    node = AddChild(node, spelling_.Intern(t.key));
    a.cap.push_back(t.cap);
    a.upper.push_back(t.upper);
  }
  auto& slot = nodes_[static_cast<size_t>(node)].aliases;
  // The same words with other capitals ("CHALCO", "Chalco") are two aliases.
  for (const Alias& b : slot)
    if (b.entry == entry && b.cap == a.cap && b.upper == a.upper) return;
  slot.push_back(std::move(a));
}

Result<EntityLexicon> EntityLexicon::Load(const std::string& data_dir) {
  EntityLexicon lex;
  auto cues = ReadTsv(data_dir, "entity_cues.tsv", 2);
  if (!cues.ok()) return cues.status();
  for (const TsvRow& r : *cues)
    if (r[0] == "spelling" && r.size() >= 3) lex.spelling_.Add(r[1], r[2]);

  auto add_entry = [&lex](LexEntry e) -> int {
    auto it = lex.by_id_.find(e.id);
    if (it != lex.by_id_.end()) return it->second;
    int idx = static_cast<int>(lex.entries_.size());
    lex.by_id_[e.id] = idx;
    lex.entries_.push_back(std::move(e));
    return idx;
  };
  auto entities = ReadTsv(data_dir, "entities.tsv", 3);
  if (!entities.ok()) return entities.status();
  for (const TsvRow& r : *entities) {
    LexEntry e{r[0], r[1], r[2], r.size() > 3 ? SplitList(r[3]) : std::vector<std::string>{},
               "", r.size() > 4 ? r[4] : ""};
    int idx = add_entry(e);
    lex.AddAlias(idx, e.name, false);
    for (const std::string& a : e.aliases) lex.AddAlias(idx, a, false);
  }
  auto countries = ReadTsv(data_dir, "countries.tsv", 2);
  if (!countries.ok()) return countries.status();
  for (const TsvRow& r : *countries) {
    LexEntry e{r[0], "country", r[1], r.size() > 2 ? SplitList(r[2]) : std::vector<std::string>{},
               "", ""};
    int idx = add_entry(e);
    lex.AddAlias(idx, e.name, false);
    for (const std::string& a : e.aliases) lex.AddAlias(idx, a, false);
    if (r.size() > 3)
      for (const std::string& d : SplitList(r[3])) lex.AddAlias(idx, d, true);
  }
  auto regions = ReadTsv(data_dir, "gazetteer_regions.tsv", 2);
  if (!regions.ok()) return regions.status();
  for (const TsvRow& r : *regions) {
    LexEntry e{r[0], "region", r[1], r.size() > 2 ? SplitList(r[2]) : std::vector<std::string>{},
               r.size() > 3 ? r[3] : "", r.size() > 4 ? r[4] : ""};
    int idx = add_entry(e);
    lex.AddAlias(idx, e.name, false);
    for (const std::string& a : e.aliases) lex.AddAlias(idx, a, false);
  }
  return lex;
}

const EntityLexicon::Alias* EntityLexicon::Fitting(const Node& node, const Token* first) {
  for (const Alias& a : node.aliases) {
    bool ok = true;
    for (size_t k = 0; k < a.cap.size() && ok; ++k) {
      const Token& t = first[k];
      if (a.cap[k] && !t.cap) ok = false;
      if (a.upper[k] && !t.upper) ok = false;
    }
    if (ok) return &a;
  }
  return nullptr;
}

std::vector<LexMatch> EntityLexicon::Match(std::string_view text,
                                           const std::vector<Token>& tokens) const {
  std::vector<LexMatch> out;
  for (size_t i = 0; i < tokens.size();) {
    int node = Child(0, tokens[i].id);
    if (node < 0) {
      ++i;
      continue;
    }
    // Extend the run while it is still the start of some name; keep the
    // longest complete name whose capitals fit. Work is proportional to the
    // match, not to the longest name in the lexicon.
    size_t best_last = 0;
    const Alias* best = nullptr;
    for (size_t last = i;;) {
      const Node& nd = nodes_[static_cast<size_t>(node)];
      if (const Alias* a = Fitting(nd, &tokens[i])) {
        best = a;
        best_last = last;
      }
      if (last + 1 >= tokens.size() || !nd.has_children ||
          !NameGap(text, tokens[last].end, tokens[last + 1].start))
        break;
      node = Child(node, tokens[last + 1].id);
      if (node < 0) break;
      ++last;
    }
    if (best != nullptr) {
      out.push_back({i, best_last, best->entry, best->demonym});
      i = best_last + 1;
    } else {
      ++i;
    }
  }
  return out;
}

bool EntityLexicon::MatchExact(std::string_view text, const std::vector<Token>& tokens,
                               size_t first, size_t last, LexMatch* m) const {
  // Match() over these tokens alone covers them all only if the longest
  // fitting name from `first` ends at `last`: walk the trie to `last` and
  // take the first fitting alias there.
  int node = 0;
  for (size_t k = first; k <= last; ++k) {
    if (k > first && !NameGap(text, tokens[k - 1].end, tokens[k].start)) return false;
    node = Child(node, tokens[k].id);
    if (node < 0) return false;
  }
  const Alias* a = Fitting(nodes_[static_cast<size_t>(node)], &tokens[first]);
  if (a == nullptr) return false;
  *m = {first, last, a->entry, a->demonym};
  return true;
}

}  // namespace newsgraph
