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
// Load() reads the cues once; Find() is const and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
  static Result<EntityRules> Load(const std::string& data_dir);

  // Rule candidates in the sentence text[sent_start, sent_end) whose tokens
  // are `tokens`.
  void Find(std::string_view text, size_t sent_start, size_t sent_end,
            const std::vector<Token>& tokens, const EntityLexicon& lex,
            std::vector<EntityCandidate>* out) const;

  // Policy id from its topic words and year range (both may be partial).
  static std::string PolicyId(const std::vector<std::string>& topic, const std::string& years);

  bool IsCompanySuffix(const std::string& key) const { return company_suffix_.count(key) > 0; }
  bool IsGeneric(const std::string& key) const { return generic_.count(key) > 0; }
  bool IsConnector(const std::string& key) const { return connector_.count(key) > 0; }
  bool IsBodyTail(const std::string& key) const { return body_tail_.count(key) > 0; }
  bool IsCompanyPrefix(const std::string& key) const { return company_prefix_.count(key) > 0; }
  bool IsLegalSuffix(const std::string& key) const { return legal_suffix_.count(key) > 0; }

 private:
  void FindInRun(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                 const EntityLexicon& lex, std::vector<EntityCandidate>* out) const;
  void FindQuoted(std::string_view text, size_t from, size_t to, const std::vector<Token>& t,
                  std::vector<EntityCandidate>* out) const;
  // Two capitalised name words right before or after "said" are a person.
  void FindSpeakers(std::string_view text, const std::vector<Token>& t, const EntityLexicon& lex,
                    std::vector<EntityCandidate>* out) const;
  void FindAnaphors(std::string_view text, const std::vector<Token>& t,
                    std::vector<EntityCandidate>* out) const;
  bool FindCompany(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                   const EntityLexicon& lex, std::vector<EntityCandidate>* out) const;
  // Some word in [from, to] is neither generic, a connector, a suffix nor a head.
  bool Substantive(const std::vector<Token>& t, size_t from, size_t to) const;
  // Id of a lexicon entry whose alias is exactly tokens [a, b], or "".
  std::string LexiconId(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                        const EntityLexicon& lex) const;
  bool PolicyCandidate(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                       EntityCandidate* c) const;

  // "BEIJING, July 16 (Wire Name) -" and "Paper Name | Feb 11, 2026": the
  // publisher of the article.
  void FindPublisher(std::string_view text, size_t sent_start, size_t sent_end,
                     const std::vector<Token>& t, const EntityLexicon& lex,
                     std::vector<EntityCandidate>* out) const;

  std::unordered_set<std::string> company_suffix_, legal_suffix_, policy_head_, policy_generic_,
      quote_cue_, connector_, generic_, company_prefix_, body_prefix_, suffix_end_;
  std::unordered_map<std::string, std::string> body_tail_, body_head_, honorific_;
  std::vector<std::vector<std::string>> policy_anaphor_;
};

}  // namespace newsgraph
