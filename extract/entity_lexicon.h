// Word tokens, name keys and the entity lexicon (known entities, places,
// countries) with a hashed token-sequence index.
//
// A name key is the case-folded word with spelling variants unified
// ("Aluminum" -> "aluminium", data/entity_cues.tsv `spelling`). The lexicon
// is loaded once from data/entities.tsv, data/gazetteer_regions.tsv and
// data/countries.tsv; Match() is const and thread-safe. Names are a trie
// over word ids, so a token that starts no name costs one array read, and
// extending a run one more word costs one integer-keyed hash lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace newsgraph {

// One word of the text. "U.S." is one token; "&" is a token; an apostrophe
// or hyphen splits words ("China's" -> "China", "s").
struct Token {
  size_t start = 0;  // byte offsets into the text
  size_t end = 0;
  std::string key;     // case-folded, spelling-normalised
  int id = -1;         // id of `key` in the Spelling that made the token; -1:
                       // a word no lexicon or cue names
  bool cap = false;    // starts with an upper-case letter
  bool upper = false;  // two or more letters, all upper case
  bool digit = false;  // starts with a digit
};

// Spelling variants, word level, and the vocabulary: every key word a
// lexicon or cue names has a small integer id, so later stages test words by
// id instead of hashing strings.
class Spelling {
 public:
  void Add(const std::string& variant, const std::string& canonical);
  // Case-folded, spelling-normalised key of one word.
  std::string Key(std::string_view word) const;
  // Id of the key word `key` (case-folded, normalised), added if new.
  int Intern(const std::string& key);
  // Id of `key`, or -1.
  int Id(std::string_view key) const;
  size_t size() const { return keys_.size(); }

  // What a case-folded word stands for: its key and that key's id.
  struct Word {
    std::string key;
    int id = -1;
  };
  // The entry of a case-folded word, or nullptr (then its key is itself and
  // its id -1).
  const Word* Find(std::string_view folded) const;

  // The id of a case-folded word's key, or -1; *variant_key is its key when
  // that is not the word itself (a spelling variant), else nullptr.
  int Lookup(std::string_view folded, const std::string** variant_key) const;
  // The same for `len` bytes at `folded` followed by zero bytes up to a
  // multiple of 8 and at least 16 bytes in all (a tokenizer's buffer).
  int LookupPadded(const char* folded, size_t len, const std::string** variant_key) const;

 private:
  // Open addressing over surface strings: lookups hash a string_view, so no
  // std::string is built per token, and a probe reads one slot.
  struct SlotEntry {
    uint64_t lo = 0, hi = 0;  // a surface of up to 16 bytes, zero-padded
    uint32_t tag = 0;         // high bits of the hash
    int32_t word = -1;        // index into words_, -1: empty
    int32_t id = -1;          // words_[word].second.id
    uint16_t len = 0;         // surface length (longer ones compare words_)
    bool self = false;        // the surface is its own key
  };
  // The slot holding `s`, or the empty slot where it would go.
  size_t Probe(std::string_view s, uint64_t h) const;
  // The same with s's first 16 bytes, zero-padded, as two words.
  size_t Probe(std::string_view s, uint64_t h, uint64_t lo, uint64_t hi) const;
  void Fill(size_t slot, size_t word);
  void Put(const std::string& surface, Word w);
  static uint64_t Hash(std::string_view s);

  std::vector<std::string> keys_;              // id -> key
  std::unordered_map<std::string, int> ids_;   // key -> id
  std::vector<std::pair<std::string, Word>> words_;  // surface -> word
  std::vector<SlotEntry> slots_;
};

// Tokens of text[begin, end) (offsets absolute).
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end,
                            const Spelling& spelling);
// The same, appended to `out` (reuse its capacity).
void TokenizeInto(std::string_view text, size_t begin, size_t end, const Spelling& spelling,
                  std::vector<Token>* out);

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
  // For rules loaded after the lexicon: their cue words get ids too.
  Spelling& mutable_spelling() { return spelling_; }
  const std::vector<LexEntry>& entries() const { return entries_; }
  // Entry by id, or nullptr.
  const LexEntry* Find(const std::string& id) const;

  // Leftmost-longest lexicon matches in `tokens` (one sentence), honouring
  // each alias's capitalisation (see entities.tsv).
  // `tokens` must come from Tokenize with spelling().
  std::vector<LexMatch> Match(std::string_view text, const std::vector<Token>& tokens) const;

  // The match Match() would give for tokens [first, last] alone when it
  // covers them all: the first listed alias spelled exactly by those words
  // whose capitals fit. False if there is none.
  bool MatchExact(std::string_view text, const std::vector<Token>& tokens, size_t first,
                  size_t last, LexMatch* m) const;

 private:
  struct Alias {
    int entry = -1;
    bool demonym = false;
    std::vector<char> cap;    // per token: alias word is capitalised
    std::vector<char> upper;  // per token: alias word is an all-caps acronym
  };
  // A trie node: the names spelled by the words on the path to it.
  struct Node {
    std::vector<Alias> aliases;
    bool has_children = false;  // the path is a proper prefix of some name
  };
  void AddAlias(int entry, const std::string& alias, bool demonym);
  // Child of `node` by word id, or -1.
  int Child(int node, int word) const;
  int AddChild(int node, int word);
  // First alias of `node` whose capitals fit tokens from `first` on.
  static const Alias* Fitting(const Node& node, const Token* first);

  Spelling spelling_;
  std::vector<LexEntry> entries_;
  std::unordered_map<std::string, int> by_id_;
  std::vector<Node> nodes_{1};           // nodes_[0] is the root
  std::vector<int> first_;               // word id -> child of the root, -1
  std::unordered_map<uint64_t, int> children_;  // (node << 32 | word id) -> node, below the root
};

}  // namespace newsgraph
