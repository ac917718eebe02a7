// Word tokens, name keys and the entity lexicon (known entities, places,
// countries) with a hashed token-sequence index.
//
// A name key is the case-folded word with spelling variants unified
// ("Aluminum" -> "aluminium", data/entity_cues.tsv `spelling`). The lexicon
// is loaded once from data/entities.tsv, data/gazetteer_regions.tsv and
// data/countries.tsv; Match() is const and thread-safe, and costs one hash
// lookup per candidate token sequence starting at a known first word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace newsgraph {

// One word of the text. "U.S." is one token; "&" is a token; an apostrophe
// or hyphen splits words ("China's" -> "China", "s").
struct Token {
  size_t start = 0;  // byte offsets into the text
  size_t end = 0;
  std::string key;     // case-folded, spelling-normalised
  bool cap = false;    // starts with an upper-case letter
  bool upper = false;  // two or more letters, all upper case
  bool digit = false;  // starts with a digit
};

// Spelling variants, word level.
class Spelling {
 public:
  void Add(const std::string& variant, const std::string& canonical);
  // Case-folded, spelling-normalised key of one word.
  std::string Key(std::string_view word) const;

 private:
  std::unordered_map<std::string, std::string> map_;
};

// Tokens of text[begin, end) (offsets absolute).
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end,
                            const Spelling& spelling);

// True if the bytes between two tokens may sit inside one name: only spaces,
// hyphens, apostrophes and dots, at most 3 bytes.
bool NameGap(std::string_view text, size_t from, size_t to);

// "<type>:<slug>" slug of key words: ASCII letters and digits, '-' between.
std::string Slug(const std::vector<std::string>& keys);

struct LexEntry {
  std::string id;
  std::string type;
  std::string name;
  std::vector<std::string> aliases;
  std::string parent;   // larger place (regions), may be empty
  std::string country;  // country the entity is in (regions, companies), may be empty
};

struct LexMatch {
  size_t first = 0;  // token indexes, inclusive
  size_t last = 0;
  int entry = -1;
  bool demonym = false;  // "Indonesian" for Indonesia
};

class EntityLexicon {
 public:
  // Loads entities.tsv, gazetteer_regions.tsv, countries.tsv and the
  // spelling variants of entity_cues.tsv from `data_dir`.
  static Result<EntityLexicon> Load(const std::string& data_dir);

  const Spelling& spelling() const { return spelling_; }
  const std::vector<LexEntry>& entries() const { return entries_; }
  // Entry by id, or nullptr.
  const LexEntry* Find(const std::string& id) const;

  // Leftmost-longest lexicon matches in `tokens` (one sentence), honouring
  // each alias's capitalisation (see entities.tsv).
  std::vector<LexMatch> Match(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  struct Alias {
    int entry = -1;
    bool demonym = false;
    std::vector<char> cap;    // per token: alias word is capitalised
    std::vector<char> upper;  // per token: alias word is an all-caps acronym
  };
  void AddAlias(int entry, const std::string& alias, bool demonym);

  Spelling spelling_;
  std::vector<LexEntry> entries_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, std::vector<Alias>> index_;  // joined keys -> aliases
  std::unordered_set<std::string> first_words_;
  std::unordered_set<std::string> prefixes_;  // proper prefixes of every name key
  size_t max_tokens_ = 1;
};

}  // namespace newsgraph
