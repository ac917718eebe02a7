#include "extract/entity_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <unordered_set>

#include "extract/lexicon.h"

namespace newsgraph {

namespace {

// English function words that may open a capitalised run at a sentence start
// ("Following Minfa Aluminium ...") without being part of the name.
constexpr const char* kFunctionWords[] = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "in", "by",
    "with", "from", "to", "at", "as", "if", "when", "while", "after", "before", "during",
    "following", "meanwhile", "however", "according", "and", "or", "but", "for", "of", "on",
    "since", "under", "amid", "despite", "although", "though", "also", "both", "as", "s"};

// Weekdays and months end a name ("... Technology on Friday").
constexpr const char* kDateWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

bool IssueVerb(const std::string& k) {
  return k == "issued" || k == "released" || k == "published" || k == "unveiled";
}

bool RomanNumeral(const std::string& k) {
  return !k.empty() && k.find_first_not_of("ivxl") == std::string::npos;
}

bool Year(const Token& t) {
  return t.digit && t.end - t.start == 4 && (t.key.rfind("19", 0) == 0 || t.key.rfind("20", 0) == 0);
}

// Tokens k, k+1 are "YYYY-YYYY".
bool YearRange(std::string_view text, const std::vector<Token>& t, size_t k) {
  return k + 1 < t.size() && Year(t[k]) && Year(t[k + 1]) &&
         text.substr(t[k].end, t[k + 1].start - t[k].end) == "-";
}

// `c` occurs right after a space. memchr for the rare byte, not for ' '.
bool HasAfterSpace(std::string_view s, char c) {
  for (size_t p = s.find(c, 1); p != std::string_view::npos; p = s.find(c, p + 1))
    if (s[p - 1] == ' ') return true;
  return false;
}

// ")" then an optional space and "-", "–" or "—" (the last two open with
// byte 0xE2): a dateline's "(Wire Name) -" needs it.
bool HasDashAfterParen(std::string_view s) {
  for (size_t p = s.find(')'); p != std::string_view::npos; p = s.find(')', p + 1)) {
    size_t q = p + 1;
    if (q < s.size() && s[q] == ' ') ++q;
    if (q < s.size() && (s[q] == '-' || s[q] == '\xE2')) return true;
  }
  return false;
}

const RE2& ParenYears() {
  static const RE2 re(R"(^\s*\(\s*((?:19|20)\d\d)\s*(?:-|–)\s*((?:19|20)\d\d)\s*\))");
  return re;
}

// LegalTail() can match only where the first byte after any of ". ,"
// and white space opens one of its words (Co, Ltd, Limited, Inc, LLC,
// PLC, Corp): most names are followed by neither, and skip the regex.
bool MayStartLegalTail(std::string_view rest) {
  size_t i = rest.find_first_not_of(".,\t\n\v\f\r ");
  if (i == std::string_view::npos) return false;
  char c = rest[i];
  return c == 'C' || c == 'L' || c == 'I' || c == 'P';
}

const RE2& LegalTail() {
  static const RE2 re(
      R"(^\.?,?\s*(?:Co\.?,?\s*)?(?:Ltd|Limited|Inc|LLC|PLC|Corp)\b\.?)");
  return re;
}

}  // namespace

void EntityRules::Tag(Spelling* words, const std::string& key, uint32_t bit) {
  size_t id = static_cast<size_t>(words->Intern(key));
  if (tags_.size() <= id) tags_.resize(id + 1, 0);
  tags_[id] |= bit;
  tags_by_key_[key] |= bit;
}

Result<EntityRules> EntityRules::Load(const std::string& data_dir, EntityLexicon* lex) {
  EntityRules r;
  auto rows = ReadTsv(data_dir, "entity_cues.tsv", 2);
  if (!rows.ok()) return rows.status();
  // The lexicon's spelling has the same variants (its Load reads this file).
  Spelling* words = &lex->mutable_spelling();
  for (const char* w : kFunctionWords) r.Tag(words, w, kFunctionWord);
  for (const char* w : kDateWords) r.Tag(words, w, kDateWord);
  for (const TsvRow& row : *rows) {
    const std::string& kind = row[0];
    std::string v = words->Key(row[1]);
    std::string type = row.size() > 2 ? row[2] : "";
    if (kind == "company_suffix") r.Tag(words, v, kCompanySuffix);
    else if (kind == "company_suffix_end") r.Tag(words, v, kCompanySuffix | kSuffixEnd);
    else if (kind == "legal_suffix") r.Tag(words, v, kLegalSuffix);
    else if (kind == "body_tail") {
      r.body_tail_[v] = type;
      r.Tag(words, v, kBodyTail);
    } else if (kind == "body_head") {
      r.body_head_[v] = type;
      r.Tag(words, v, kBodyHead);
    } else if (kind == "policy_head") r.Tag(words, v, kPolicyHead);
    else if (kind == "policy_generic") r.Tag(words, v, kPolicyGeneric);
    else if (kind == "quote_cue") r.Tag(words, v, kQuoteCue);
    else if (kind == "honorific") {
      r.honorific_[v] = type;
      r.Tag(words, v, kHonorific);
    } else if (kind == "connector") r.Tag(words, v, kConnector);
    else if (kind == "generic") r.Tag(words, v, kGeneric);
    else if (kind == "company_prefix") r.Tag(words, v, kCompanyPrefix);
    else if (kind == "body_prefix") r.Tag(words, v, kBodyPrefix);
    else if (kind == "policy_anaphor") {
      std::vector<std::string> ws;
      for (const Token& t : Tokenize(row[1], 0, row[1].size(), *words)) ws.push_back(t.key);
      if (!ws.empty()) r.policy_anaphor_.push_back(std::move(ws));
    }
  }
  Words& w = r.w_;
  for (auto [id, word] : {std::pair{&w.the, "the"}, {&w.a, "a"}, {&w.of, "of"}, {&w.and_, "and"},
                          {&w.on, "on"}, {&w.in, "in"}, {&w.for_, "for"}, {&w.to, "to"},
                          {&w.amp, "&"}, {&w.said, "said"}, {&w.says, "says"}, {&w.told, "told"},
                          {&w.central, "central"}, {&w.government, "government"},
                          {&w.copyright, "copyright"}})
    *id = words->Intern(word);
  for (int id : {w.the, w.a, w.said, w.says, w.told, w.central}) {
    if (r.tags_.size() <= static_cast<size_t>(id)) r.tags_.resize(static_cast<size_t>(id) + 1, 0);
    r.tags_[static_cast<size_t>(id)] |= kCue;
  }
  // Words interned after a tag have no classes.
  r.tags_.resize(words->size(), 0);
  // Longest anaphor first ("action plan" before "plan").
  std::sort(r.policy_anaphor_.begin(), r.policy_anaphor_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& ws : r.policy_anaphor_) {
    std::vector<int> ids;
    for (const std::string& k : ws) ids.push_back(words->Intern(k));
    r.policy_anaphor_ids_.push_back(std::move(ids));
  }
  // Words interned since the tags were sized have no classes.
  r.tags_.resize(words->size(), 0);
  for (const auto& ids : r.policy_anaphor_ids_) r.tags_[static_cast<size_t>(ids[0])] |= kAnaphorFirst;
  return r;
}

std::string EntityRules::PolicyId(const std::vector<std::string>& topic, const std::string& years) {
  std::vector<std::string> keys = topic;
  if (!years.empty()) keys.push_back(years);
  return "policy:" + Slug(keys);
}

const std::string& EntityRules::LexiconId(std::string_view text, const std::vector<Token>& t,
                                          size_t a, size_t b, const EntityLexicon& lex) const {
  static const std::string kNone;
  LexMatch m;
  if (lex.MatchExact(text, t, a, b, &m) && !m.demonym)
    return lex.entries()[static_cast<size_t>(m.entry)].id;
  return kNone;
}

bool EntityRules::PolicyCandidate(std::string_view text, const std::vector<Token>& t, size_t a,
                                  size_t b, EntityCandidate* c) const {
  c->start = t[a].start;
  c->end = t[b].end;
  c->type = "policy";
  c->priority = 2;
  std::vector<std::string> topic;
  for (size_t k = a; k <= b; ++k) {
    if (YearRange(text, t, k)) {
      c->years = t[k].key + "-" + t[k + 1].key;
      ++k;
      continue;
    }
    const std::string& w = t[k].key;
    if (Is(t[k], kConnector | kPolicyGeneric | kPolicyHead | kFunctionWord) || w == "&" ||
        RomanNumeral(w))
      continue;
    topic.push_back(w);
  }
  if (c->years.empty()) {
    std::string_view rest = text.substr(t[b].end);
    re2::StringPiece in(rest.data(), rest.size());
    std::string y1, y2;
    if (RE2::Consume(&in, ParenYears(), &y1, &y2)) {
      c->years = y1 + "-" + y2;
      c->end = static_cast<size_t>(in.data() - text.data());
    }
  }
  std::sort(topic.begin(), topic.end());
  topic.erase(std::unique(topic.begin(), topic.end()), topic.end());
  bool word = false;
  for (const std::string& w : topic)
    if (w.size() >= 3 && !(w[0] >= '0' && w[0] <= '9')) word = true;
  if (!word && (c->years.empty() || !topic.empty())) return false;
  // One topic word and no years ("Development Plan") is too generic a title.
  if (topic.size() < 2 && c->years.empty()) return false;
  c->topic = std::move(topic);
  c->id = PolicyId(c->topic, c->years);
  return true;
}

bool EntityRules::FindCompany(std::string_view text, const std::vector<Token>& t, size_t a,
                              size_t b, const EntityLexicon& lex,
                              std::vector<EntityCandidate>* out) const {
  while (a < b && Is(t[a], kFunctionWord)) ++a;
  size_t core_end = b;
  while (core_end > a && Is(t[core_end], kLegalSuffix)) --core_end;
  if (!Substantive(t, a, core_end)) return false;
  EntityCandidate c;
  c.start = t[a].start;
  c.end = t[b].end;
  c.type = "company";
  c.priority = 2;
  std::string_view rest = text.substr(c.end);
  re2::StringPiece in(rest.data(), rest.size());
  if (MayStartLegalTail(rest) && RE2::Consume(&in, LegalTail()))
    c.end = static_cast<size_t>(in.data() - text.data());
  // Canonical: without legal suffixes, and without a leading place name
  // when the rest still names the company ("Shandong Nanshan Aluminium").
  size_t core_start = a;
  if (Is(t[a], kCompanyPrefix) && a < core_end) ++core_start;  // "PT X"
  while (core_start < core_end && Substantive(t, core_start + 1, core_end)) {
    const std::string& id = LexiconId(text, t, core_start, core_start, lex);
    if (id.rfind("region:", 0) != 0 && id.rfind("country:", 0) != 0) break;
    ++core_start;
  }
  c.id = LexiconId(text, t, a, core_end, lex);
  if (c.id.empty()) c.id = LexiconId(text, t, core_start, core_end, lex);
  if (c.id.empty() || c.id.rfind("company:", 0) != 0) {
    std::vector<std::string> keys;
    for (size_t q = core_start; q <= core_end; ++q)
      if (t[q].id != w_.amp && !Is(t[q], kConnector)) keys.push_back(t[q].key);
    c.id = "company:" + Slug(keys);
  }
  out->push_back(std::move(c));
  return true;
}

bool EntityRules::Substantive(const std::vector<Token>& t, size_t from, size_t to) const {
  for (size_t k = from; k <= to; ++k) {
    if (!Is(t[k], kGeneric | kConnector | kCompanySuffix | kBodyTail | kFunctionWord |
                      kPolicyHead) &&
        !t[k].digit && t[k].id != w_.amp)
      return true;
  }
  return false;
}

void EntityRules::FindInRun(std::string_view text, const std::vector<Token>& t, size_t a, size_t b,
                            const EntityLexicon& lex, std::vector<EntityCandidate>* out) const {
  while (a < b && Is(t[a], kFunctionWord)) ++a;
  // "Copyright 2026 Daily Name": the notice is not part of the name.
  if (a < b && t[a].id == w_.copyright) {
    ++a;
    while (a < b && t[a].digit) ++a;
  }
  if (a > b || (a == b && Is(t[a], kFunctionWord))) return;
  auto substantive = [&](size_t from, size_t to) { return Substantive(t, from, to); };

  // Policy titles.
  for (size_t h = a; h <= b; ++h) {
    if (!Is(t[h], kPolicyHead)) continue;
    size_t e = b;
    if (h < b) {
      int nx = t[h + 1].id;
      if (YearRange(text, t, h + 1)) e = h + 2;  // "... Roadmap 2025-2045"
      else if (nx != w_.for_ && nx != w_.on && nx != w_.of && nx != w_.to) continue;
    }
    size_t s = a;
    for (size_t k = a; k < h; ++k)
      if (YearRange(text, t, k)) {
        s = k;
        break;
      }
    EntityCandidate c;
    if (PolicyCandidate(text, t, s, e, &c)) out->push_back(std::move(c));
    return;
  }

  // Bodies: "... Commission", "Ministry of ...".
  std::string body_type;
  const std::string* tail = BodyTail(t[b]);
  if (tail != nullptr && a < b) body_type = *tail;
  // "Ministry of ...", also after a place and "Provincial" ("Shanxi
  // Provincial Department of ...").
  size_t h0 = a;
  while (h0 < b && (Is(t[h0], kBodyPrefix) ||
                    LexiconId(text, t, h0, h0, lex).rfind("region:", 0) == 0))
    ++h0;
  const std::string* head = TypeOf(t[h0], kBodyHead, body_head_);
  if (head != nullptr && !(h0 + 1 < b && t[h0 + 1].id == w_.of)) head = nullptr;
  if (body_type.empty() && head != nullptr) body_type = *head;
  if (!body_type.empty() && head == nullptr) {
    // "4th Plenary Session of the 20th CPC Central Committee": the body is
    // the part after the last "of" when what precedes it names no body.
    for (size_t k = b; k > a; --k) {
      if (t[k].id != w_.of) continue;
      if (!Is(t[k - 1], kBodyTail)) {
        a = k + 1;
        while (a < b && (Is(t[a], kFunctionWord) || t[a].digit)) ++a;
      }
      break;
    }
    while (a < b && t[a].digit) ++a;
  }
  if (!body_type.empty() && a < b && substantive(a, b)) {
    EntityCandidate c;
    c.start = t[a].start;
    c.end = t[b].end;
    c.priority = 2;
    // "X Department of the Y Commission": X is the body, Y a nested one.
    for (size_t k = a + 1; k < b; ++k) {
      if (t[k].id != w_.of) continue;
      size_t y = k + 1;
      if (y <= b && t[y].id == w_.the) ++y;
      const std::string* xt = BodyTail(t[k - 1]);
      if (xt == nullptr || tail == nullptr || y > b || !substantive(y, b)) break;
      body_type = *xt;
      EntityCandidate n;
      n.start = t[y].start;
      n.end = t[b].end;
      n.type = *tail;
      n.priority = 2;
      n.id = LexiconId(text, t, y, b, lex);
      if (n.id.empty()) {
        std::vector<std::string> keys;
        for (size_t q = y; q <= b; ++q)
          if (t[q].id != w_.the && t[q].id != w_.amp) keys.push_back(t[q].key);
        n.id = n.type + ":" + Slug(keys);
      }
      c.nest_start = n.start;
      out->push_back(std::move(n));
      break;
    }
    c.type = body_type;
    c.id = LexiconId(text, t, a, b, lex);
    if (c.id.empty()) {
      std::vector<std::string> keys;
      for (size_t q = a; q <= b; ++q)
        if (t[q].id != w_.the && t[q].id != w_.amp) keys.push_back(t[q].key);
      c.id = c.type + ":" + Slug(keys);
    }
    out->push_back(std::move(c));
    return;
  }

  // Companies: "... Aluminium", "... Group", "... Co., Ltd.". A company name
  // is capitalised words (and "&") only: "Qiaoming Aluminium and Dongfang
  // Resources" is two names, "Shares of Huaxin Holdings" one.
  bool company = false;
  for (size_t s = a; s <= b;) {
    size_t e = s;
    while (e + 1 <= b && (t[e + 1].cap || t[e + 1].id == w_.amp || t[e + 1].digit)) ++e;
    // "PT Borneo Bauksit": a company prefix opens a name that runs to the
    // end of the capitalised words.
    if (Is(t[s], kCompanyPrefix) && t[s].cap && e > s) {
      if (FindCompany(text, t, s, e, lex, out)) company = true;
      s = e + 1;
      while (s <= b && !(t[s].cap || t[s].digit)) ++s;
      continue;
    }
    // Each maximal suffix chain ends a name ("Qiaoming Aluminium Posts ...");
    // generic words and suffixes after a name extend it ("X Aluminium
    // Industry Co Ltd").
    size_t prev_from = b + 1;
    for (size_t from = s, k = s; k <= e; ++k) {
      if (!Is(t[k], kCompanySuffix) || (k < e && Is(t[k + 1], kCompanySuffix)))
        continue;
      if (Is(t[k], kSuffixEnd) && k < e) continue;
      if (FindCompany(text, t, from, k, lex, out)) {
        company = true;
        prev_from = from;
      } else if (prev_from <= b && !out->empty() && out->back().type == "company" &&
                 out->back().end <= t[from].start) {
        out->pop_back();
        FindCompany(text, t, prev_from, k, lex, out);
      }
      from = k + 1;
    }
    s = e + 1;
    while (s <= b && !(t[s].cap || t[s].digit)) ++s;
  }
  if (company) return;

  // Persons: "President Xi Jinping".
  const std::string* hon = TypeOf(t[a], kHonorific, honorific_);
  if (hon != nullptr && a < b) {
    size_t e = a + 1;
    while (e + 1 <= b && e + 1 <= a + 3 && t[e + 1].cap) ++e;
    for (size_t k = a + 1; k <= e; ++k)
      if (!t[k].cap || Is(t[k], kGeneric) || Is(t[k], kConnector)) return;
    EntityCandidate c;
    c.start = t[a + 1].start;
    c.end = t[e].end;
    c.type = *hon;
    c.priority = 1;
    c.id = LexiconId(text, t, a + 1, e, lex);
    if (c.id.empty()) {
      std::vector<std::string> keys;
      for (size_t q = a + 1; q <= e; ++q) keys.push_back(t[q].key);
      c.id = c.type + ":" + Slug(keys);
    }
    out->push_back(std::move(c));
  }
}

void EntityRules::FindQuoted(std::string_view text, size_t from, size_t to,
                             const std::vector<Token>& t, std::vector<EntityCandidate>* out) const {
  if (t.empty()) return;
  to = std::min(to, text.size());
  std::vector<size_t> quotes;
  for (size_t i = text.find('"', from); i < to; i = text.find('"', i + 1)) quotes.push_back(i);
  if (quotes.size() < 2) return;  // most sentences quote nothing
  // cue_before[k]: a quote cue is among tokens [0, k).
  std::vector<char> cue_before(t.size() + 1, 0);
  for (size_t k = 0; k < t.size(); ++k)
    cue_before[k + 1] = cue_before[k] || Is(t[k], kQuoteCue);
  for (size_t q = 0; q + 1 < quotes.size(); q += 2) {
    size_t q1 = quotes[q], q2 = quotes[q + 1];
    if (q2 - q1 > 400) continue;  // a title is short
    size_t a = t.size(), b = 0, n = 0, caps = 0, words = 0;
    bool head = false;
    size_t k0 = static_cast<size_t>(
        std::lower_bound(t.begin(), t.end(), q1, [](const Token& x, size_t p) { return x.start <= p; }) -
        t.begin());
    bool cue = cue_before[k0];
    for (size_t k = k0; k < t.size() && t[k].end <= q2; ++k) {
      a = std::min(a, k);
      b = k;
      ++n;
      if (Is(t[k], kPolicyHead)) head = true;
      if (!Is(t[k], kConnector) && t[k].id != w_.amp) {
        ++words;
        if (t[k].cap || t[k].digit) ++caps;
      }
    }
    if (n < 2 || n > 20 || !cue || head || !t[a].cap || caps * 10 < words * 7) continue;
    EntityCandidate c;
    if (!PolicyCandidate(text, t, a, b, &c)) continue;
    c.priority = 3;
    out->push_back(std::move(c));
  }
}

void EntityRules::FindAnaphors(std::string_view text, const std::vector<Token>& t,
                               const std::vector<uint32_t>& cues,
                               std::vector<EntityCandidate>* out) const {
  for (size_t k : cues) {
    if (k + 1 >= t.size() || (t[k].id != w_.the && t[k].id != w_.a) ||
        text.substr(t[k].end, t[k + 1].start - t[k].end) != " ")
      continue;
    // "a plan" only when its issuing follows ("under a plan issued by X").
    bool indefinite = t[k].id == w_.a;
    if (indefinite && !(k + 2 < t.size() && IssueVerb(t[k + 2].key))) continue;
    bool done = false;
    for (size_t p = 0; p < policy_anaphor_.size() && Is(t[k + 1], kAnaphorFirst); ++p) {
      const std::vector<std::string>& words = policy_anaphor_[p];
      const std::vector<int>& ids = policy_anaphor_ids_[p];
      if (k + ids.size() >= t.size()) continue;
      bool ok = true;
      for (size_t w = 0; w < ids.size() && ok; ++w) ok = t[k + 1 + w].id == ids[w];
      if (!ok) continue;
      size_t last = k + words.size();
      if (last + 1 < t.size() && t[last + 1].cap && NameGap(text, t[last].end, t[last + 1].start))
        continue;
      if (indefinite && last != k + 1) continue;
      EntityCandidate c;
      c.start = t[k + 1].start;
      c.end = t[last].end;
      c.type = "policy";
      c.anaphor = "policy:" + words.back();
      out->push_back(std::move(c));
      done = true;
      break;
    }
    if (done || indefinite) continue;
    const std::string* tail = BodyTail(t[k + 1]);
    if (tail != nullptr && t[k + 1].cap &&
        (k + 2 >= t.size() || !t[k + 2].cap || !NameGap(text, t[k + 1].end, t[k + 2].start))) {
      EntityCandidate c;
      c.start = t[k + 1].start;
      c.end = t[k + 1].end;
      c.type = *tail;
      c.anaphor = t[k + 1].key;
      out->push_back(std::move(c));
    }
  }
}

void EntityRules::FindSpeakers(std::string_view text, const std::vector<Token>& t,
                               const std::vector<uint32_t>& cues, const EntityLexicon& lex,
                               std::vector<EntityCandidate>* out) const {
  // A name word: capitalised, not an acronym, and no cue, suffix or place.
  auto name_word = [&](const Token& w) {
    return w.cap && !w.upper && !w.digit && w.end - w.start >= 2 && !Is(w, kGeneric) &&
           !Is(w, kCompanySuffix) && !Is(w, kBodyTail) && !Is(w, kConnector) &&
           !Is(w, kFunctionWord) && !Is(w, kPolicyHead) && !Is(w, kDateWord) &&
           !Is(w, kHonorific) && LexiconId(text, t, static_cast<size_t>(&w - t.data()),
                                                 static_cast<size_t>(&w - t.data()), lex).empty();
  };
  auto emit = [&](size_t a, size_t b) {
    for (size_t k = a; k <= b; ++k)
      if (!name_word(t[k]) || (k > a && !NameGap(text, t[k - 1].end, t[k].start))) return;
    if (!LexiconId(text, t, a, b, lex).empty()) return;
    EntityCandidate c;
    c.start = t[a].start;
    c.end = t[b].end;
    c.type = "person";
    c.priority = 1;
    std::vector<std::string> keys;
    for (size_t q = a; q <= b; ++q) keys.push_back(t[q].key);
    c.id = "person:" + Slug(keys);
    out->push_back(std::move(c));
  };
  // "..., said Zhang Wei, an analyst" / "Zhang Wei said".
  for (size_t k : cues) {
    if (t[k].id != w_.said && t[k].id != w_.says && t[k].id != w_.told) continue;
    if (k + 2 < t.size() && (k + 3 >= t.size() || !t[k + 3].cap)) emit(k + 1, k + 2);
    if (k >= 2 && (k < 3 || !t[k - 3].cap)) emit(k - 2, k - 1);
  }
}

void EntityRules::FindPublisher(std::string_view text, size_t sent_start, size_t sent_end,
                                const std::vector<Token>& t, const EntityLexicon& lex,
                                std::vector<EntityCandidate>* out) const {
  static const RE2 dateline(
      R"(^[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2}(?:, [A-Z][a-z]+\.? \d{1,2})? \(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\) ?(?:-|–|—))");
  static const RE2 byline(
      R"(^([A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,4}) \| (?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}))");
  std::string_view s = text.substr(sent_start, std::min(sent_end, sent_start + 200) - sent_start);
  // Both patterns open with a capital and need " (" or " | ": most sentences
  // are ruled out without running either.
  if (s.empty() || s[0] < 'A' || s[0] > 'Z') return;
  re2::StringPiece in(s.data(), s.size()), name;
  bool found = (HasAfterSpace(s, '(') && HasDashAfterParen(s) &&
                RE2::PartialMatch(in, dateline, &name)) ||
               (HasAfterSpace(s, '|') && RE2::PartialMatch(in, byline, &name));
  if (!found) return;
  size_t start = static_cast<size_t>(name.data() - text.data());
  size_t end = start + name.size();
  size_t a = t.size(), b = 0;
  for (size_t k = 0; k < t.size(); ++k)
    if (t[k].start >= start && t[k].end <= end) {
      a = std::min(a, k);
      b = k;
    }
  if (a > b || !Substantive(t, a, b)) return;
  EntityCandidate c;
  c.start = start;
  c.end = end;
  c.type = "organization";
  c.priority = 5;
  c.keep = true;
  c.id = LexiconId(text, t, a, b, lex);
  if (c.id.empty() || c.id.rfind("organization:", 0) != 0) {
    std::vector<std::string> keys;
    for (size_t q = a; q <= b; ++q) keys.push_back(t[q].key);
    c.id = "organization:" + Slug(keys);
  }
  out->push_back(std::move(c));
}

void EntityRules::Find(std::string_view text, size_t sent_start, size_t sent_end,
                       const std::vector<Token>& t, const EntityLexicon& lex,
                       std::vector<EntityCandidate>* out,
                       const std::vector<LexMatch>* lex_matches) const {
  const size_t n = t.size();
  std::vector<LexMatch> own;
  if (lex_matches == nullptr) {
    own = lex.Match(text, t);
    lex_matches = &own;
  }
  // A known body, organization or company starts at token q. Matches are
  // in token order and disjoint; asked only after "and"/"on" in a run.
  auto known_start = [&](size_t q) {
    auto m = std::lower_bound(lex_matches->begin(), lex_matches->end(), q,
                              [](const LexMatch& x, size_t v) { return x.first < v; });
    if (m == lex_matches->end() || m->first != q) return false;
    const std::string& type = lex.entries()[static_cast<size_t>(m->entry)].type;
    return type == "government_body" || type == "organization" || type == "company";
  };
  for (size_t i = 0; i < n;) {
    if (!(t[i].cap || t[i].digit) || Is(t[i], kDateWord)) {
      ++i;
      continue;
    }
    size_t j = i;
    bool head = Is(t[i], kPolicyHead) || Is(t[i], kBodyTail);
    bool policy = Is(t[i], kPolicyHead);
    while (j + 1 < n && NameGap(text, t[j].end, t[j + 1].start)) {
      const Token& nx = t[j + 1];
      if ((nx.id == w_.and_ || nx.id == w_.on) && !nx.cap && j + 2 < n) {
        size_t q = j + 2;
        if (t[q].id == w_.the && q + 1 < n) ++q;
        // "X and the Y", "X on the London Metal Exchange": two names.
        if (known_start(q) || (nx.id == w_.and_ && q == j + 3 && t[q].cap) ||
            (nx.id == w_.on && !head))
          break;
      }
      // "Work Plan for X in Shanxi Province (2025-2028)"
      if (nx.id == w_.in && !nx.cap && policy && j + 2 < n && t[j + 2].cap &&
          NameGap(text, nx.end, t[j + 2].start)) {
        j += 2;
        continue;
      }
      std::string_view gap = text.substr(t[j].end, nx.start - t[j].end);
      if (gap.find('\'') != std::string_view::npos) break;  // "China's Ministry"
      bool hyphen = gap == "-";
      if (Is(nx, kDateWord) || Is(t[j], kDateWord)) break;
      if (nx.id == w_.the && !nx.cap && j == i) break;  // "Later the Association"
      if (nx.cap || nx.digit || nx.id == w_.amp || Is(nx, kConnector) || hyphen) {
        ++j;
        if (Is(nx, kPolicyHead)) policy = true;
        if (Is(nx, kPolicyHead) || Is(nx, kBodyTail) || Is(nx, kBodyHead))
          head = true;
        continue;
      }
      break;
    }
    size_t b = j;
    while (b > i && (Is(t[b], kConnector) || t[b].id == w_.amp)) --b;
    FindInRun(text, t, i, b, lex, out);
    i = j + 1;
  }
  // The few tokens the word passes below start from, in one scan.
  thread_local std::vector<uint32_t> cues;
  cues.clear();
  for (size_t k = 0; k < n; ++k)
    if (Is(t[k], kCue)) cues.push_back(static_cast<uint32_t>(k));
  FindSpeakers(text, t, cues, lex, out);
  FindPublisher(text, sent_start, sent_end, t, lex, out);
  // "the central government", not "central government departments".
  static const std::unordered_set<std::string> kGovNoun = {
      "department", "departments", "agencies", "agency", "bodies", "body", "officials",
      "ministries", "organs", "bonds", "budget", "debt", "funds", "funding", "level"};
  for (size_t k : cues)
    if (k >= 1 && k + 1 < n && t[k].id == w_.central && t[k - 1].id == w_.the && t[k + 1].id == w_.government &&
        (k + 2 >= n || !kGovNoun.count(t[k + 2].key))) {
      EntityCandidate c;
      c.start = t[k].start;
      c.end = t[k + 1].end;
      c.type = "government_body";
      c.id = "government_body:government-of-china";
      c.priority = 1;
      out->push_back(std::move(c));
    }
  FindQuoted(text, sent_start, sent_end, t, out);
  FindAnaphors(text, t, cues, out);
}

}  // namespace newsgraph
