// Relation extraction over the entity mentions of each sentence, with cue
// patterns from data/relation_cues.tsv (compiled once, RE2):
//   issued_by    policy -> government body around "released" / "issued by";
//   invests_in   companies before "investing in", the places/companies listed
//                after it;
//   operates_in  companies before "operates plants in", the places listed
//                after it; "Hydro's Porsgrunn research centre";
//   acquired     nearest company before "acquired", first company after it
//                ("acquired a 30% stake in X" too, as the gold annotates it);
//   a cue's subject written "it" / "the company" is the company named last;
//   located_in   gazetteer parents and countries (regions), entities.tsv's
//                located_in column (companies), a demonym before a company
//                ("Brazilian mining company Vale"), "Company in Place",
//                "Company, based in Place", "Place-based Company", "Place, Country",
//                appositives ("X, a Shandong-based producer", "X, one of China's
//                ...", "X, a refiner in Y") and a place opening an unlisted
//                company's name ("Shanxi Minye Alumina").
// A relation keeps the sentence it came from; lexicon-based located_in
// relations use the sentence of the subject's first mention. Clauses end at
// ';' and ':'. No duplicate triples.
#include "extract/relations.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/entity_lexicon.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"

namespace newsgraph {
namespace {

struct M {
  size_t start = 0;
  size_t end = 0;
  size_t entity = 0;  // index into entities
  const std::string* type = nullptr;
};

constexpr size_t kMaxSentence = 4000;  // bytes

bool IsPlace(const std::string& t) { return t == "region" || t == "country"; }

class Relations : public RelationExtractor {
 public:
  Relations(EntityLexicon lex, const std::map<std::string, std::string>& cues,
            std::unordered_map<std::string, std::string> demonyms)
      : lex_(std::move(lex)),
        demonyms_(std::move(demonyms)),
        issued_(Cue(cues, "issued_by")),
        issued_passive_(Cue(cues, "issued_by_passive")),
        invests_(Cue(cues, "invests_in")),
        operates_(Cue(cues, "operates_in")),
        facility_(Cue(cues, "operates_facility")),
        acquired_(Cue(cues, "acquired")),
        based_("^(?i)" + (cues.count("located_based") ? cues.at("located_based")
                                                         : std::string("(?:,\\s*)?based\\s+in")) +
               "\\s+$"),
        list_sep_(
            R"(^\s*(?:,|,?\s*and|,?\s*&|/|,\s*as well as|'s|,?\s*and\s+(?:an?|the|its|their)\s+(?:[a-z-]+\s+){0,2}(?:plants?|smelters?|refiner(?:y|ies)|mines?|mills?|facilit(?:y|ies)|factor(?:y|ies))\s+in)\s*$)"),
        appositive_(
            R"(^,\s+(?:an?|one of(?: the)?|the)\s+(?:[A-Za-z-]+\s+){0,5}?(?:(?:based|headquartered|located)\s+)?in\s+$)"),
        appositive_based_(R"(^,\s+(?:an?|one of(?: the)?)\s+$)"),
        passive_tail_(R"(^(?:\s+(?:on|last|this|in)\s+[A-Za-z0-9]+)?\s+(?:by|with)\b)"),
        pronoun_(R"((?i)(?:^|[^A-Za-z])(?:it|the company|the group|the firm)\s+(?:[a-z]+\s+){0,2}$)"),
        in_(R"(^\s+in\s+$)"),
        comma_(R"(^\s*,\s*$)") {
    BuildCueSet();
  }

  bool ok() const {
    return issued_.ok() && issued_passive_.ok() && invests_.ok() && operates_.ok() &&
           facility_.ok() && acquired_.ok() && based_.ok() && list_sep_.ok() &&
           appositive_.ok() && appositive_based_.ok() && passive_tail_.ok() && pronoun_.ok();
  }
  std::string error() const {
    for (const RE2* r : {&issued_, &issued_passive_, &invests_, &operates_, &facility_,
                         &acquired_, &based_})
      if (!r->ok()) return r->pattern() + ": " + r->error();
    return "";
  }

  std::vector<Relation> Extract(const Document& doc, const std::vector<Sentence>& sentences,
                                const std::vector<Entity>& entities) const override;

 private:
  static std::string Cue(const std::map<std::string, std::string>& cues, const std::string& k) {
    auto it = cues.find(k);
    std::string p = it == cues.end() ? std::string("(?!)") : it->second;
    return "(?i)\\b(" + p + ")\\b";
  }

  // One pass over a sentence tells which cue patterns occur in it at all;
  // most sentences have none, and then none of them is searched.
  enum CueIndex { kIssued, kInvests, kOperates, kAcquired, kCues };
  void BuildCueSet() {
    auto set = std::make_unique<RE2::Set>(RE2::DefaultOptions, RE2::UNANCHORED);
    for (const RE2* re : {&issued_, &invests_, &operates_, &acquired_})
      if (!re->ok() || set->Add(re->pattern(), nullptr) < 0) return;  // no prefilter
    if (set->Compile()) cue_set_ = std::move(set);
  }
  // in_sentence[i]: cue i may match `sentence` (all true without a set).
  void CuesIn(std::string_view sentence, std::vector<int>* hits, bool in_sentence[kCues]) const {
    if (cue_set_ == nullptr) {
      std::fill(in_sentence, in_sentence + kCues, true);
      return;
    }
    std::fill(in_sentence, in_sentence + kCues, false);
    hits->clear();
    cue_set_->Match(re2::StringPiece(sentence.data(), sentence.size()), hits);
    for (int i : *hits) in_sentence[i] = true;
  }

  // Whether any cue rule could emit in a sentence with mentions `ms`: the
  // cue search is the costliest step, and most sentences lack the ends a
  // cue joins. issued_by needs a policy and a government body here; the
  // company cues an object (a place or company) here and a subject company
  // here or, written "it", before the sentence.
  static bool CueRulesMayApply(const std::vector<M>& ms, bool company_before) {
    bool policy = false, body = false, company = false, place = false;
    for (const M& m : ms) {
      const std::string& t = *m.type;
      policy = policy || t == "policy";
      body = body || t == "government_body";
      company = company || t == "company";
      place = place || IsPlace(t);
    }
    return (policy && body) || ((company || place) && (company || company_before));
  }

  EntityLexicon lex_;
  std::unordered_map<std::string, std::string> demonyms_;  // folded demonym -> country id
  RE2 issued_, issued_passive_, invests_, operates_, facility_, acquired_, based_, list_sep_,
      appositive_, appositive_based_, passive_tail_, pronoun_, in_, comma_;
  std::unique_ptr<RE2::Set> cue_set_;  // issued_, invests_, operates_, acquired_
};

std::vector<std::pair<size_t, size_t>> NoMatches() { return {}; }

std::vector<Relation> Relations::Extract(const Document& doc,
                                         const std::vector<Sentence>& sentences,
                                         const std::vector<Entity>& entities) const {
  const std::string_view text = doc.text;
  std::vector<Relation> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < entities.size(); ++i) by_id[entities[i].id] = i;

  auto sentence_of = [&sentences](size_t pos) -> const Sentence* {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                               [](size_t p, const Sentence& s) { return p < s.start; });
    if (it == sentences.begin()) return nullptr;
    --it;
    return pos < it->end ? &*it : nullptr;
  };
  auto emit = [&](const std::string& s, const std::string& p, const std::string& o,
                  const Sentence& sent) {
    if (s == o || s.empty() || o.empty()) return;
    if (!seen.insert({s, p, o}).second) return;
    out.push_back({s, p, o, std::string(text.substr(sent.start, sent.end - sent.start)),
                   sent.start, sent.end});
  };

  // Mentions grouped by sentence.
  std::vector<M> all;
  for (size_t i = 0; i < entities.size(); ++i)
    for (const Mention& m : entities[i].mentions) all.push_back({m.start, m.end, i, &entities[i].type});
  std::sort(all.begin(), all.end(), [](const M& a, const M& b) { return a.start < b.start; });

  size_t cursor = 0;
  bool company_before = false;  // a company is named before this sentence
  std::vector<int> cue_hits;
  std::vector<M> ms;
  for (const Sentence& sent : sentences) {
    for (; cursor < all.size() && all[cursor].start < sent.start; ++cursor)
      if (*all[cursor].type == "company") company_before = true;
    ms.clear();
    for (size_t k = cursor; k < all.size() && all[k].start < sent.end; ++k) ms.push_back(all[k]);
    // Cue rules need a sentence; a block of thousands of words without one
    // (a data dump, a run-on list) gives none.
    if (ms.empty() || sent.end - sent.start > kMaxSentence) continue;
    std::string_view st = text.substr(sent.start, sent.end - sent.start);
    bool cue[kCues];
    if (CueRulesMayApply(ms, company_before)) CuesIn(st, &cue_hits, cue);
    else std::fill(cue, cue + kCues, false);
    auto id = [&entities](const M& m) -> const std::string& { return entities[m.entity].id; };
    // Clause bounds around an absolute position.
    auto clause = [&](size_t pos, size_t* cb, size_t* ce) {
      *cb = sent.start;
      *ce = sent.end;
      for (size_t p = sent.start; p < sent.end; ++p)
        if (text[p] == ';' || text[p] == ':') {
          if (p < pos) *cb = p + 1;
          else if (*ce == sent.end) *ce = p;
        }
    };
    // Mentions listed from index k on ("A, B and C").
    auto listed = [&](size_t k, auto pred) {
      std::vector<size_t> r;
      if (k >= ms.size() || !pred(ms[k])) return r;
      r.push_back(k);
      size_t prev_end = ms[k].end;
      for (size_t q = k + 1; q < ms.size(); ++q) {
        // A commodity inside a listed item ("and an alumina refinery in X").
        if (!pred(ms[q]) && *ms[q].type == "commodity") continue;
        std::string_view gap = text.substr(prev_end, ms[q].start - prev_end);
        if (!pred(ms[q]) || !RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), list_sep_))
          break;
        r.push_back(q);
        prev_end = ms[q].end;
      }
      return r;
    };
    // Every cue match: (absolute start, end).
    auto matches = [&](const RE2& re) {
      std::vector<std::pair<size_t, size_t>> r;
      re2::StringPiece in(st.data(), st.size());
      re2::StringPiece m;
      while (RE2::FindAndConsume(&in, re, &m)) {
        size_t s = sent.start + static_cast<size_t>(m.data() - st.data());
        r.push_back({s, s + m.size()});
        if (m.empty()) break;
      }
      return r;
    };
    // The subject of a cue written "it" / "the company": the company named
    // last before this sentence.
    auto pronoun_subject = [&](size_t cb, size_t cs) -> const M* {
      std::string_view before = text.substr(cb, cs - cb);
      if (!RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), pronoun_))
        return nullptr;
      for (size_t k = cursor; k-- > 0;)
        if (*all[k].type == "company") return &all[k];
      return nullptr;
    };
    auto first_after = [&](size_t pos) {
      size_t k = 0;
      while (k < ms.size() && ms[k].start < pos) ++k;
      return k;
    };

    // issued_by
    for (auto [cs, ce] : cue[kIssued] ? matches(issued_) : NoMatches()) {
      size_t cb, cend;
      clause(cs, &cb, &cend);
      // "issued (on Monday) by X", "jointly released with X, Y and Z": the
      // bodies follow.
      std::string_view tail = text.substr(ce, std::min<size_t>(40, sent.end - ce));
      bool passive = RE2::PartialMatch(re2::StringPiece(tail.data(), tail.size()), passive_tail_);
      for (const M& p : ms) {
        if (*p.type != "policy" || p.start < cb || p.end > cend) continue;
        if (passive ? p.end > cs : p.start < ce) continue;
        for (const M& b : ms) {
          if (*b.type != "government_body" || b.start < cb || b.end > cend) continue;
          if (passive ? b.start < ce : b.end > cs) continue;
          emit(id(p), "issued_by", id(b), sent);
        }
      }
    }
    // invests_in / operates_in
    auto company_to_places = [&](const RE2& re, const char* pred, bool companies_too) {
      for (auto [cs, ce] : matches(re)) {
        size_t cb, cend;
        clause(cs, &cb, &cend);
        auto want = [&](const M& m) {
          return m.end <= cend && (IsPlace(*m.type) || (companies_too && *m.type == "company"));
        };
        // The first wanted mention close after the cue ("investing in bauxite
        // mines in Guinea"), then the ones listed with it.
        size_t k = first_after(ce);
        while (k < ms.size() && !want(ms[k]) && *ms[k].type == "commodity") ++k;
        if (k >= ms.size() || ms[k].start - ce > 40) continue;
        auto objs = listed(k, want);
        if (objs.empty()) continue;
        bool any = false;
        for (const M& s : ms) {
          if (*s.type != "company" || s.start < cb || s.end > cs) continue;
          any = true;
          for (size_t o : objs) emit(id(s), pred, id(ms[o]), sent);
        }
        if (const M* p = any ? nullptr : pronoun_subject(cb, cs))
          for (size_t o : objs) emit(id(*p), pred, id(ms[o]), sent);
      }
    };
    if (cue[kInvests]) company_to_places(invests_, "invests_in", true);
    if (cue[kOperates]) company_to_places(operates_, "operates_in", false);
    // "Hydro's Porsgrunn research center"
    for (size_t k = 0; k + 1 < ms.size(); ++k) {
      if (*ms[k].type != "company" || *ms[k + 1].type != "region") continue;
      std::string_view gap = text.substr(ms[k].end, ms[k + 1].start - ms[k].end);
      if (gap != "'s " && gap != "' ") continue;
      std::string_view rest = text.substr(ms[k + 1].end, std::min<size_t>(40, sent.end - ms[k + 1].end));
      re2::StringPiece in(rest.data(), rest.size());
      re2::StringPiece m;
      if (RE2::PartialMatch(in, facility_, &m) &&
          m.data() - rest.data() <= 25)
        emit(id(ms[k]), "operates_in", id(ms[k + 1]), sent);
    }
    // acquired
    for (auto [cs, ce] : cue[kAcquired] ? matches(acquired_) : NoMatches()) {
      size_t cb, cend;
      clause(cs, &cb, &cend);
      const M* subj = nullptr;
      for (const M& m : ms)
        if (*m.type == "company" && m.start >= cb && m.end <= cs) subj = &m;
      if (subj == nullptr) subj = pronoun_subject(cb, cs);
      const M* obj = nullptr;
      for (const M& m : ms)
        if (*m.type == "company" && m.start >= ce && m.end <= cend) {
          obj = &m;
          break;
        }
      if (subj && obj) emit(id(*subj), "acquired", id(*obj), sent);
    }
    // located_in: demonym before a company, "Company in Place", "Place, Country".
    for (size_t k = 0; k < ms.size(); ++k) {
      const M& m = ms[k];
      if (*m.type == "country") {
        auto d = demonyms_.find(FoldCase(text.substr(m.start, m.end - m.start)));
        if (d != demonyms_.end() && k + 1 < ms.size() && *ms[k + 1].type == "company") {
          std::string_view gap = text.substr(m.end, ms[k + 1].start - m.end);
          if (gap.size() <= 40 && gap.find_first_of(";:,.") == std::string_view::npos) {
            for (size_t q : listed(k + 1, [](const M& x) { return *x.type == "company"; }))
              emit(id(ms[q]), "located_in", id(m), sent);
          }
        }
      }
      // "X, a Shandong-based producer", "X, one of China's largest ...",
      // "X, an alumina refiner (based) in Y".
      if (*m.type == "company") {
        size_t q = k + 1;
        while (q < ms.size() && *ms[q].type == "commodity") ++q;
        if (q < ms.size() && IsPlace(*ms[q].type)) {
          std::string_view gap = text.substr(m.end, ms[q].start - m.end);
          std::string_view after = text.substr(ms[q].end, std::min<size_t>(7, sent.end - ms[q].end));
          re2::StringPiece g(gap.data(), gap.size());
          bool based = RE2::FullMatch(g, appositive_based_) &&
                       (after.rfind("-based", 0) == 0 || after.rfind("'s ", 0) == 0);
          if (gap.size() <= 80 && gap.find_first_of(",;:.", 1) == std::string_view::npos &&
              (based || RE2::FullMatch(g, appositive_)))
            emit(id(m), "located_in", id(ms[q]), sent);
        }
      }
      if (k + 1 >= ms.size()) continue;
      const M& n = ms[k + 1];
      std::string_view gap = text.substr(m.end, n.start - m.end);
      re2::StringPiece g(gap.data(), gap.size());
      if (*m.type == "company" && IsPlace(*n.type) &&
          (RE2::FullMatch(g, in_) || RE2::FullMatch(g, based_)))
        emit(id(m), "located_in", id(n), sent);
      // "US-based Aleris", "a Guangxi-based refiner, Huayin Aluminium"
      if (IsPlace(*m.type) && *n.type == "company" && gap.rfind("-based ", 0) == 0 &&
          gap.size() <= 30 && gap.find_first_of(";:.") == std::string_view::npos)
        emit(id(n), "located_in", id(m), sent);
      if (*m.type == "region" && *n.type == "country" && RE2::FullMatch(g, comma_)) {
        const LexEntry* e = lex_.Find(id(m));
        if (e == nullptr || e->country.empty() || e->country == id(n))
          emit(id(m), "located_in", id(n), sent);
      }
    }
  }

  // "Shanxi Minye Alumina": a company not in the lexicon whose name opens
  // with a place is located there.
  for (const Entity& e : entities) {
    if (e.type != "company" || lex_.Find(e.id) != nullptr || e.mentions.empty()) continue;
    const Mention& m = e.mentions.front();
    std::vector<Token> toks = Tokenize(text, m.start, m.end, lex_.spelling());
    auto lm = lex_.Match(text, toks);
    if (lm.empty() || lm[0].first != 0 || lm[0].last + 1 >= toks.size() || lm[0].demonym) continue;
    const LexEntry& place = lex_.entries()[static_cast<size_t>(lm[0].entry)];
    const Sentence* s = sentence_of(m.start);
    if (s != nullptr && IsPlace(place.type) && by_id.count(place.id))
      emit(e.id, "located_in", place.id, *s);
  }

  // located_in from the gazetteer and the lexicon, when both ends are in
  // the document.
  for (const Entity& e : entities) {
    const LexEntry* le = lex_.Find(e.id);
    if (le == nullptr || e.mentions.empty()) continue;
    const Sentence* s = sentence_of(e.mentions.front().start);
    if (s == nullptr) continue;
    for (const std::string* up : {&le->parent, &le->country})
      if (!up->empty() && by_id.count(*up)) emit(e.id, "located_in", *up, *s);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<RelationExtractor>> RelationExtractor::Create(const std::string& data_dir) {
  auto lex = EntityLexicon::Load(data_dir);
  if (!lex.ok()) return lex.status();
  auto rows = ReadTsv(data_dir, "relation_cues.tsv", 2);
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::string> cues;
  for (const TsvRow& r : *rows) {
    std::string& p = cues[r[0]];
    p = p.empty() ? r[1] : p + "|" + r[1];
  }
  std::unordered_map<std::string, std::string> demonyms;
  auto countries = ReadTsv(data_dir, "countries.tsv", 2);
  if (!countries.ok()) return countries.status();
  for (const TsvRow& r : *countries)
    if (r.size() > 3)
      for (const std::string& d : SplitList(r[3])) demonyms[FoldCase(d)] = r[0];
  auto rel = std::make_unique<Relations>(std::move(lex).value(), cues, std::move(demonyms));
  if (!rel->ok()) return Status::Error(data_dir + "/relation_cues.tsv: " + rel->error());
  return std::unique_ptr<RelationExtractor>(std::move(rel));
}

}  // namespace newsgraph
