// Rules for entities no lexicon lists, driven by data/entity_cues.tsv:
//   companies  capitalised names ending in a company suffix ("Minfa Aluminium",
//              "Wenfeng Steel & Aluminum", "X Holdings Co., Ltd.");
//   bodies     "... Commission/Association/Institute/Centre", "Ministry of ...",
//              with "X Department of the Y Commission" also yielding Y;
//   policies   title-case names ending in Plan/Opinions/Notice/... or going on
//              "... Plan for ...", with an optional "(2025-2027)", and quoted
//              title-case phrases after a cue ("released the article \"...\"");
//   persons    an honorific and a capitalised name ("President Xi Jinping"),
//              two name words next to "said" ("said Zhang Wei");
//   anaphors   "the Association" (a body tail alone) and "the plan";
//   publishers a dateline's "(Wire Name)" and a "Name | date" byline;
//   "the central government" (not "central government departments").
// A capitalised run splits before "and the X", and before "and"/"on" when a
// known body, organization or company follows ("Aluminium on the London
// Metal Exchange" is two names).
// Load() reads the cues once and gives every cue word an id in the lexicon's
// Spelling, so Find() tests a token's word classes with one array read
// instead of string hashing; Find() is const and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "extract/entity_lexicon.h"

namespace newsgraph {

struct EntityCandidate {
  size_t start = 0;  // byte offsets of the mention
  size_t end = 0;
  std::string id;    // "<type>:<slug>"; empty for anaphors until resolved
  std::string type;
  int priority = 0;  // on equal spans the higher wins (lexicon over rules)
  bool from_lexicon = false;
  bool demonym = false;
  bool keep = false;  // a byline or dateline name: kept even in a title-case line
  // A nested name [nest_start, end) may stay inside this one ("... of the Y").
  size_t nest_start = static_cast<size_t>(-1);
  // Policies: canonical topic words (sorted) and "YYYY-YYYY" if given.
  std::vector<std::string> topic;
  std::string years;
  // Anaphors: "policy:<head>" ("policy:plan") for the document's main policy
  // with that head word, else a body tail key ("association") for the
  // nearest body before it with that last word.
  std::string anaphor;
};

class EntityRules {
 public:
  // Adds the cue words to lex->spelling(); load the lexicon first.
  static Result<EntityRules> Load(const std::string& data_dir, EntityLexicon* lex);

  // Rule candidates in the sentence text[sent_start, sent_end) whose tokens
  // are `tokens` (from Tokenize with the spelling of the lexicon given to
  // Load, which must be `lex`). `lex_matches`: lex.Match(text, tokens) if
  // the caller has it already.
  void Find(std::string_view text, size_t sent_start, size_t sent_end,
            const std::vector<Token>& tokens, const EntityLexicon& lex,
            std::vector<EntityCandidate>* out,
            const std::vector<LexMatch>* lex_matches = nullptr) const;

  // Policy id from its topic words and year range (both may be partial).
  static std::string PolicyId(const std::vector<std::string>& topic, const std::string& years);

  bool IsCompanySuffix(const std::string& key) const { return KeyIs(key, kCompanySuffix); }
  bool IsGeneric(const std::string& key) const { return KeyIs(key, kGeneric); }
  bool IsConnector(const std::string& key) const { return KeyIs(key, kConnector); }
  bool IsBodyTail(const std::string& key) const { return KeyIs(key, kBodyTail); }
  bool IsCompanyPrefix(const std::string& key) const { return KeyIs(key, kCompanyPrefix); }
  bool IsLegalSuffix(const std::string& key) const { return KeyIs(key, kLegalSuffix); }
  // The same for a token (of the lexicon given to Load), without hashing.
  bool IsCompanySuffix(const Token& t) const { return Is(t, kCompanySuffix); }
  bool IsGeneric(const Token& t) const { return Is(t, kGeneric); }
  bool IsConnector(const Token& t) const { return Is(t, kConnector); }
  bool IsBodyTail(const Token& t) const { return Is(t, kBodyTail); }
  bool IsCompanyPrefix(const Token& t) const { return Is(t, kCompanyPrefix); }
  bool IsLegalSuffix(const Token& t) const { return Is(t, kLegalSuffix); }

 private:
  // Word classes: the cue kinds of entity_cues.tsv and two built-in lists.
  enum : uint32_t {
    kCompanySuffix = 1u << 0,
    kSuffixEnd = 1u << 1,  // company_suffix_end
    kLegalSuffix = 1u << 2,
    kBodyTail = 1u << 3,
    kBodyHead = 1u << 4,
    kPolicyHead = 1u << 5,
    kPolicyGeneric = 1u << 6,
    kQuoteCue = 1u << 7,
    kHonorific = 1u << 8,
    kConnector = 1u << 9,
    kGeneric = 1u << 10,
    kCompanyPrefix = 1u << 11,
    kBodyPrefix = 1u << 12,
    kFunctionWord = 1u << 13,  // may open a capitalised run ("Following ...")
    kDateWord = 1u << 14,      // weekdays and months end a name
    kCue = 1u << 15,           // the/a, said/says/told, central: a word pass starts here
    kAnaphorFirst = 1u << 16,  // first word of a policy anaphor
  };
  // `t` is in any of the classes `bits`.
  bool Is(const Token& t, uint32_t bits) const {
    return t.id >= 0 && static_cast<size_t>(t.id) < tags_.size() &&
           (tags_[static_cast<size_t>(t.id)] & bits) != 0;
  }
  bool KeyIs(const std::string& key, uint32_t bits) const {
    auto it = tags_by_key_.find(key);
    return it != tags_by_key_.end() && (it->second & bits) != 0;
  }
  void Tag(Spelling* words, const std::string& key, uint32_t bit);
  // Type of a body tail, body head or honorific word, or nullptr.
  const std::string* TypeOf(const Token& t, uint32_t bit,
                            const std::unordered_map<std::string, std::string>& types) const {
    if (!Is(t, bit)) return nullptr;
    auto it = types.find(t.key);
    return it == types.end() ? nullptr : &it->second;
  }
  const std::string* BodyTail(const Token& t) const { return TypeOf(t, kBodyTail, body_tail_); }

  void FindInRun(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                 const EntityLexicon& lex, std::vector<EntityCandidate>* out) const;
  void FindQuoted(std::string_view text, size_t from, size_t to, const std::vector<Token>& t,
                  std::vector<EntityCandidate>* out) const;
  // Two capitalised name words right before or after "said" are a person.
  // `cues`: indexes of the tokens that are one of Words' said/says/told,
  // the/a or central (kCue), in order: these passes look only there.
  void FindSpeakers(std::string_view text, const std::vector<Token>& t,
                    const std::vector<uint32_t>& cues, const EntityLexicon& lex,
                    std::vector<EntityCandidate>* out) const;
  void FindAnaphors(std::string_view text, const std::vector<Token>& t,
                    const std::vector<uint32_t>& cues,
                    std::vector<EntityCandidate>* out) const;
  bool FindCompany(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                   const EntityLexicon& lex, std::vector<EntityCandidate>* out) const;
  // Some word in [from, to] is neither generic, a connector, a suffix nor a head.
  bool Substantive(const std::vector<Token>& t, size_t from, size_t to) const;
  // Id of a lexicon entry whose alias is exactly tokens [a, b], or "" (a
  // reference into the lexicon: most callers only test it, so no copy).
  const std::string& LexiconId(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                        const EntityLexicon& lex) const;
  bool PolicyCandidate(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                       EntityCandidate* c) const;

  // "BEIJING, July 16 (Wire Name) -" and "Paper Name | Feb 11, 2026": the
  // publisher of the article.
  void FindPublisher(std::string_view text, size_t sent_start, size_t sent_end,
                     const std::vector<Token>& t, const EntityLexicon& lex,
                     std::vector<EntityCandidate>* out) const;

  // Ids of the words the rules test one at a time, interned at Load: a
  // token is that word iff its id is equal (keys and ids correspond one to
  // one), an integer compare instead of a string compare per token.
  struct Words {
    int the = -1, a = -1, of = -1, and_ = -1, on = -1, in = -1, for_ = -1, to = -1, amp = -1,
        said = -1, says = -1, told = -1, central = -1, government = -1, copyright = -1;
  };
  Words w_;

  std::vector<uint32_t> tags_;  // word id -> classes
  std::unordered_map<std::string, uint32_t> tags_by_key_;
  std::unordered_map<std::string, std::string> body_tail_, body_head_, honorific_;
  std::vector<std::vector<std::string>> policy_anaphor_;
  std::vector<std::vector<int>> policy_anaphor_ids_;  // the same words, as ids
};

}  // namespace newsgraph
