#include "extract/entity_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/lexicon.h"
#include "extract/normalize.h"

namespace newsgraph {

void Spelling::Add(const std::string& variant, const std::string& canonical) {
  map_[FoldCase(variant)] = FoldCase(canonical);
}

std::string Spelling::Key(std::string_view word) const {
  std::string k = FoldCase(word);
  auto it = map_.find(k);
  return it == map_.end() ? k : it->second;
}

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end,
                            const Spelling& spelling) {
  std::vector<Token> out;
  const char* s = text.data();
  int32_t i = static_cast<int32_t>(begin);
  const int32_t n = static_cast<int32_t>(std::min(end, text.size()));
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '&') {
      Token t;
      t.start = static_cast<size_t>(start);
      t.end = static_cast<size_t>(i);
      t.key = "&";
      out.push_back(std::move(t));
      continue;
    }
    if (c < 0 || !u_isalnum(c)) continue;
    bool cap = u_isupper(c) || u_istitle(c);
    bool digit = u_isdigit(c);
    bool all_upper = cap;
    int letters = u_isalpha(c) ? 1 : 0;
    int32_t j = i;
    while (j < n) {
      int32_t k = j;
      UChar32 d;
      U8_NEXT(s, k, n, d);
      if (d < 0 || !u_isalnum(d)) break;
      if (u_isalpha(d)) {
        ++letters;
        if (!u_isupper(d)) all_upper = false;
      }
      j = k;
    }
    Token t;
    t.start = static_cast<size_t>(start);
    t.end = static_cast<size_t>(j);
    t.cap = cap;
    t.digit = digit;
    t.upper = all_upper && letters >= 2;
    // Dotted initials: "U.S." / "U.K." as one token.
    if (j - start == 1 && cap && j + 2 < n && s[j] == '.' && s[j + 1] >= 'A' && s[j + 1] <= 'Z' &&
        s[j + 2] == '.') {
      int32_t k = j;
      while (k + 2 < n && s[k] == '.' && s[k + 1] >= 'A' && s[k + 1] <= 'Z' && s[k + 2] == '.')
        k += 2;
      t.end = static_cast<size_t>(k + 1);
      t.upper = true;
      j = k + 1;
    }
    t.key = spelling.Key(text.substr(t.start, t.end - t.start));
    out.push_back(std::move(t));
    i = j;
  }
  return out;
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

void EntityLexicon::AddAlias(int entry, const std::string& alias, bool demonym) {
  std::vector<Token> toks = Tokenize(alias, 0, alias.size(), spelling_);
  if (toks.empty()) return;
  Alias a;
  a.entry = entry;
  a.demonym = demonym;
  std::string key;
  for (const Token& t : toks) {
    if (!key.empty()) key += ' ';
    key += t.key;
    a.cap.push_back(t.cap);
    a.upper.push_back(t.upper);
  }
  auto& slot = index_[key];
  // The same words with other capitals ("CHALCO", "Chalco") are two aliases.
  for (const Alias& b : slot)
    if (b.entry == entry && b.cap == a.cap && b.upper == a.upper) return;
  slot.push_back(std::move(a));
  first_words_.insert(toks[0].key);
  max_tokens_ = std::max(max_tokens_, toks.size());
  // Every proper prefix of the name, so Match extends a run only while some
  // name can still continue it.
  std::string prefix;
  for (size_t k = 0; k + 1 < toks.size(); ++k) {
    if (k) prefix += ' ';
    prefix += toks[k].key;
    prefixes_.insert(prefix);
  }
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

std::vector<LexMatch> EntityLexicon::Match(std::string_view text,
                                           const std::vector<Token>& tokens) const {
  std::vector<LexMatch> out;
  std::string key;
  for (size_t i = 0; i < tokens.size();) {
    if (!first_words_.count(tokens[i].key)) {
      ++i;
      continue;
    }
    // Extend the run while it is still the start of some name; keep the
    // longest complete name whose capitals fit. Work is proportional to the
    // match, not to the longest name in the lexicon.
    key = tokens[i].key;
    size_t best_last = 0;
    const Alias* best = nullptr;
    for (size_t last = i;;) {
      if (auto it = index_.find(key); it != index_.end()) {
        for (const Alias& a : it->second) {
          bool ok = true;
          for (size_t k = 0; k < a.cap.size() && ok; ++k) {
            const Token& t = tokens[i + k];
            if (a.cap[k] && !t.cap) ok = false;
            if (a.upper[k] && !t.upper) ok = false;
          }
          if (ok) {
            best = &a;
            best_last = last;
            break;
          }
        }
      }
      if (last + 1 >= tokens.size() || last + 1 - i >= max_tokens_ || !prefixes_.count(key) ||
          !NameGap(text, tokens[last].end, tokens[last + 1].start))
        break;
      ++last;
      key += ' ';
      key += tokens[last].key;
    }
    bool found = best != nullptr;
    if (found) {
      out.push_back({i, best_last, best->entry, best->demonym});
      i = best_last + 1;
    }
    if (!found) ++i;
  }
  return out;
}

}  // namespace newsgraph
