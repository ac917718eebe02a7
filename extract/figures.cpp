// Figure extraction (see figures.h). Every domain word comes from the data
// directory: data/units.tsv (units, scale words, currency, per-unit suffixes),
// data/figure_cues.tsv (number words, qualifier / kind / count cues, period
// vocabulary, page-chrome lines) and data/metrics.tsv (the metric lexicon).
// All patterns are RE2, compiled once in Create; Extract is const and keeps
// its state on the stack, so it is thread-safe.
//
// Per sentence: (1) find numbers and parse what follows them (range, scale
// word, unit, per-unit suffix, count noun) and what precedes them
// (qualifier, currency); numbers without a unit or a count noun are not
// figures (years, list numbering, ordinals, phone numbers). (2) Split the
// sentence into clauses around each figure and read its metric (commodity +
// measure), kind (nearest cue), and period (expressions attached to the
// figure, else the sentence's, the paragraph's, the list heading's, the
// policy's, the publication date).
#include "extract/figures.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/clause_words.h"
#include "extract/count_noun.h"
#include "extract/cue_matcher.h"
#include "extract/cue_window.h"
#include "extract/year_cue.h"
#include "extract/dates.h"
#include "extract/form_gate.h"
#include "extract/form_pattern.h"
#include "extract/lexicon.h"

namespace newsgraph {
namespace {

using re2::RE2;
using re2::StringPiece;

StringPiece SP(std::string_view s) { return StringPiece(s.data(), s.size()); }

// std::tolower in the "C" locale (the program never sets another), inline.
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
// std::isalpha, isdigit, isalnum, isspace, isupper in the "C" locale, inline
// (the library calls showed in the per-figure paths); bytes >= 0x80 are
// none of them there.
bool CIsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool CIsAlpha(char c) { return CIsUpper(c) || (c >= 'a' && c <= 'z'); }
bool CIsDigit(char c) { return c >= '0' && c <= '9'; }
bool CIsAlnum(char c) { return CIsAlpha(c) || CIsDigit(c); }
bool CIsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// RE2::FindAndConsume(in, re, m) for a pattern whose one group is the whole
// match ("(forms)", "\\b(year)\\b"): asking RE2 for the match alone spares
// it the submatch engine, which cost more than the scan itself.
bool FindWhole(StringPiece* in, const RE2& re, StringPiece* m) {
  if (!re.Match(*in, 0, in->size(), RE2::UNANCHORED, m, 1)) return false;
  in->remove_prefix(static_cast<size_t>(m->data() + m->size() - in->data()));
  return true;
}

// Could `re` match at the start of `in`? RE2 answers an anchored match
// with two or more capture groups on a short text by backtracking
// (BitState) over the whole text, skipping its DFA: tens of thousands of
// instructions for the count-noun pattern, which almost never matches. This
// DFA-only test first rejects the common no-match cheaply.
bool MayConsume(StringPiece in, const RE2& re) {
  return re.Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0);
}

// Does `s` contain `lower_word` (lowercase ASCII), ignoring ASCII case?
bool ContainsFolded(std::string_view s, std::string_view lower_word) {
  if (lower_word.empty()) return true;
  for (size_t i = 0; i + lower_word.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < lower_word.size() && AsciiLower(s[i + k]) == lower_word[k]) ++k;
    if (k == lower_word.size()) return true;
  }
  return false;
}

// [0-9A-Za-z_] (RE2's \w), by table: the number scan asks it of nearly
// every byte of every sentence.
constexpr auto kWordChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return t;
}();
bool IsWordChar(char c) { return kWordChar[static_cast<unsigned char>(c)]; }

std::string Slug(std::string_view s) {
  std::string out;
  bool dash = false;
  for (char c : s) {
    if (CIsAlnum(c)) {
      if (dash && !out.empty()) out += '-';
      out += AsciiLower(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string CollapseLower(std::string_view s) {
  std::string c;
  for (char ch : s) {
    if (CIsSpace(ch)) {
      if (!c.empty() && c.back() != ' ') c += ' ';
    } else {
      c += AsciiLower(ch);
    }
  }
  return c;
}

std::string FormatValue(int y) { return std::to_string(y); }

// Could "^[\s\p{P}]*(?:chrome_end forms)[\s\p{P}]*$" match `block`? The
// form starts after white space and punctuation only: skip ASCII white
// space and every ASCII punctuation or symbol byte (a superset of the ASCII
// in [\s\p{P}]) that cannot begin a form; the byte there must be able to
// begin one, or be non-ASCII (Unicode punctuation, case-folded letters).
// Most blocks open with a letter no form begins with: no RE2 call.
bool MayBeChromeEnd(const FormGate& gate, std::string_view block) {
  for (size_t i = 0; i < block.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(block[i]);
    if (c >= 0x80 || gate.MayStartAt(block, i)) return true;
    bool blank = c == ' ' || (c >= '\t' && c <= '\r');
    bool punct = (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
                 (c >= 0x7B && c <= 0x7E);
    if (!blank && !punct) return false;
  }
  return false;
}

// Longest `sentence` copied into a figure; longer "sentences" are run-on
// lines (flattened tables) and get a window around the figure.
constexpr size_t kMaxSentence = 2000;

struct UnitInfo {
  std::string canon;
  double mult = 1;
};

// A literal-form dictionary: one RE2 alternation plus a map back from the
// matched text to its value.
struct FormDict {
  std::unique_ptr<RE2> re;  // anchored at start: ^<sep>(forms)
  struct Entry {
    std::string value;
    double mult = 1;
  };
  std::unordered_map<std::string, Entry> exact, lower;  // one lookup per match
  std::vector<std::string> ci_forms, cs_forms;

  // Some form begins with a blank or '-', the characters of the "[ \t]*-?[ \t]*"
  // separator before it (ConsumeForm cannot then tell where the form starts).
  bool form_starts_like_sep = false;

  void Add(const std::string& form, const std::string& value, double mult, bool cs) {
    if (!form.empty() && (form[0] == ' ' || form[0] == '\t' || form[0] == '-')) form_starts_like_sep = true;
    if (cs) {
      exact[form] = {value, mult};
      cs_forms.push_back(form);
    } else {
      lower[Lower(form)] = {value, mult};
      ci_forms.push_back(form);
    }
  }
  std::string Body() const {
    // Interleave by length so the longest form wins regardless of case class.
    std::vector<std::pair<std::string, bool>> f;
    for (auto& x : cs_forms) f.push_back({x, false});
    for (auto& x : ci_forms) f.push_back({x, true});
    std::sort(f.begin(), f.end(), [](auto& p, auto& q) { return p.first.size() > q.first.size(); });
    std::string out;
    for (auto& [form, ci] : f) {
      if (!out.empty()) out += '|';
      out += ci ? "(?i:" + FormPattern(form) + ")" : "(?:" + FormPattern(form) + ")";
    }
    return out.empty() ? "(?!x)x" : out;
  }
  void AddTo(FormGate* gate) const {
    gate->AddAll(cs_forms, false);
    gate->AddAll(ci_forms, true);
  }
  // The forms on a cue trie (family 0, longest first as in Body), when it
  // can match every one as RE2 does and none starts like the separator:
  // ConsumeForm then walks the trie instead of running RE2 at a number.
  CueMatcher trie;
  bool on_trie = false;
  void BuildTrie() {
    on_trie = !form_starts_like_sep;
    for (const std::string& f : cs_forms) on_trie = on_trie && trie.Add(0, f, false).ok();
    for (const std::string& f : ci_forms) on_trie = on_trie && trie.Add(0, f, true).ok();
    trie.Compile();
  }
  bool Lookup(std::string_view m, std::string* value, double* mult) const {
    std::string key(m);
    if (auto it = exact.find(key); it != exact.end()) {
      *value = it->second.value;
      *mult = it->second.mult;
      return true;
    }
    // Lower case, internal white space runs collapsed (multi-word forms).
    key.clear();
    for (char ch : m) {
      if (CIsSpace(ch)) {
        if (!key.empty() && key.back() != ' ') key += ' ';
      } else {
        key += AsciiLower(ch);
      }
    }
    if (auto it = lower.find(key); it != lower.end()) {
      *value = it->second.value;
      *mult = it->second.mult;
      return true;
    }
    return false;
  }
};

struct CueHit {
  size_t start, end;
  std::string value;  // class value (kind, commodity id, ...)
};

struct PeriodHit {
  size_t start, end;
  std::string value;  // period string
  enum Role { kPoint, kBaseline, kSame, kIgnore, kPrior } role = kPoint;
};

// A figure candidate inside one sentence (offsets relative to the sentence).
struct Cand {
  size_t start = 0, end = 0, num_start = 0;
  double value = 0;
  std::optional<double> value_max;
  std::string unit, qualifier, count_class, count_phrase;
  bool start_value = false;  // "from X to Y": X
  bool elliptic = false;     // unit taken from the previous figure
  // Derived:
  size_t clause_start = 0, clause_end = 0;
  std::string commodity, metric, kind, period;
};

struct MetricRow {
  std::string id, unit;
  std::unique_ptr<RE2> re;
  std::string count_class;
};

struct Measure {
  std::string id;
  bool quantity = false;
  // Matched through the sets (measure_full_, measure_part_); compiled alone
  // only when a set's DFA runs out of memory (see FirstMatch).
  std::string pattern;
};

// A one-off RE2 for a fallback path: compiling every pattern up front cost
// more at start-up than the rare fallbacks ever use.
RE2::Options FallbackOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

class FigureExtractorImpl : public FigureExtractor {
 public:
  Status Load(const std::string& dir);
  std::vector<Figure> Extract(const Document& doc, const std::vector<Sentence>& sentences,
                              const std::vector<Entity>& entities) const override;

 private:
  // The lexicons matched by one trie instead of an RE2 scan each
  // (cue_matcher.h); families:
  enum CueFamily {
    kNumberWord,        // number_word forms (the words of the number scan)
    kNumberOrFraction,  // number_word and fraction forms
    // Scanned once per sentence with a figure (SentenceCues):
    kKind,         // re_kind_
    kGrowth,       // re_growth_ (when every growth pattern is a literal)
    kHalf,         // the vocabularies the period patterns need (gates),
    kQuarter,      // and the whole of re_rel_year_, re_rel_month_, re_same_
    kMonth,
    kWeekday,
    kRelYear,
    kRelMonth,
    kSame,
    kYearEarlier,
    kFiveYearPlan,
    kCountNoun,  // count_noun forms (count_nouns_ only)
  };
  static constexpr uint64_t kSentenceFamilies =
      (uint64_t{1} << kKind) | (uint64_t{1} << kGrowth) | (uint64_t{1} << kHalf) | (uint64_t{1} << kQuarter) |
      (uint64_t{1} << kMonth) | (uint64_t{1} << kWeekday) | (uint64_t{1} << kRelYear) |
      (uint64_t{1} << kRelMonth) | (uint64_t{1} << kSame) | (uint64_t{1} << kYearEarlier) |
      (uint64_t{1} << kFiveYearPlan);
  bool growth_listed_ = false;  // kGrowth replaces re_growth_
  // The cue-word hits of one text, found in one pass.
  struct SentenceCues {
    std::vector<CueMatcher::Hit> hits;  // by start
    uint64_t present = 0;               // families with a hit
    bool Has(CueFamily f) const { return (present >> f) & 1; }
  };
  SentenceCues ScanCues(std::string_view s) const;
  // Hits of one family as CueHits valued by `classify` of the matched text
  // (dropped when empty), like Hits.
  // (Templates, not std::function: called per hit on every sentence with a
  // figure.)
  template <typename Classify>
  std::vector<CueHit> FamilyHits(const SentenceCues& cues, CueFamily f, std::string_view s,
                                 const Classify& classify) const;
  // How many places in `s` hold "19dd" or "20dd" (overlapping ones too),
  // counted up to `cap`: re_year_ needs one, re_year_range_ two.
  static int YearLikeCount(std::string_view s, int cap);
  // --- candidates
  std::vector<Cand> FindCandidates(std::string_view s, const std::string& prev_unit) const;
  bool ParseNumberAt(std::string_view s, size_t pos, double* v, size_t* end) const;
  // Parses scale/unit/per-suffix after a number; returns false if no unit
  // (then *end is after a scale word if there is one, *mult its value).
  bool ParseUnitTail(std::string_view s, size_t pos, const std::string& currency, double* mult,
                     std::string* unit, size_t* end) const;
  // --- context
  template <typename Classify>
  std::vector<CueHit> Hits(const RE2& re, std::string_view s, const Classify& classify) const;
  std::vector<PeriodHit> FindPeriods(std::string_view s, const Date& ref,
                                     const SentenceCues& cues) const;
  std::string DeriveNounPhrase(std::string_view s, const Cand& c) const;
  std::string FoldWords(const std::string& slug) const;
  std::string KindOfHits(const std::vector<CueHit>& hits, size_t lo, size_t hi, size_t at,
                         bool left_only) const;

  FormDict units_, scales_, currency_, per_;
  // Which measure (commodity) patterns match a whole text, in one pass:
  // the first in the list wins.
  std::unique_ptr<RE2::Set> measure_full_, commodity_full_;
  // re_chrome_line_ (0) and re_policy_ctx_ (1), asked of each block with a
  // figure candidate in one pass.
  std::unique_ptr<RE2::Set> block_facts_;
  // Which measure patterns occur in a text.
  std::unique_ptr<RE2::Set> measure_part_;
  // First/last bytes of the anchored patterns' forms: calls that cannot
  // match are skipped (see form_gate.h).
  // First bytes of the chrome_end forms (MayBeChromeEnd).
  FormGate gate_chrome_end_;
  FormGate gate_unit_, gate_scale_, gate_per_, gate_currency_, gate_qual_, gate_qual_suffix_,
      gate_count_, gate_range_conn_, gate_range_start_, gate_elliptic_;
  // RE2::Consume(in, re, form) for re = sep + "(" + dict forms + ")": RE2 is
  // asked for the whole match only (no submatch engine; this runs at every
  // number), and the form is the match after its separator.
  // (`re` may be null when the dictionary is on its trie.)
  static bool ConsumeForm(StringPiece* in, const RE2* re, const FormDict& dict, StringPiece* form) {
    if (dict.on_trie) {
      // No form starts with a blank or '-': it starts after the whole
      // separator, and `in` starts the text (no character before it for \b).
      std::string_view v(in->data(), in->size());
      size_t p = SkipBlanks(v, 0);
      if (p < v.size() && v[p] == '-') p = SkipBlanks(v, p + 1);
      CueMatcher::Hit h;
      if (!dict.trie.MatchAt(v, p, 0, &h)) return false;
      *form = StringPiece(in->data() + p, h.end - p);
      in->remove_prefix(h.end);
      return true;
    }
    if (dict.form_starts_like_sep) return RE2::Consume(in, *re, form);
    StringPiece m;
    if (!re->Match(*in, 0, in->size(), RE2::ANCHOR_START, &m, 1)) return false;
    std::string_view v(m.data(), m.size());
    size_t p = SkipBlanks(v, 0);
    if (p < v.size() && v[p] == '-') p = SkipBlanks(v, p + 1);
    *form = StringPiece(m.data() + p, m.size() - p);
    in->remove_prefix(m.size());
    return true;
  }
  // Could `sep + (forms)` ("^[ \t]*-?[ \t]*") match at s[pos]?
  static bool MayFollowSep(const FormGate& g, std::string_view s, size_t pos) {
    size_t p = SkipBlanks(s, pos);
    if (g.MayStartAt(s, p)) return true;
    return p < s.size() && s[p] == '-' && g.MayStartAt(s, SkipBlanks(s, p + 1));
  }
  // Could "(forms)[ \t]*$" match the end of `s`?
  static bool MayEndWithForm(const FormGate& g, std::string_view s) {
    return g.MayEndBefore(s, TrimBlanksBefore(s, s.size()));
  }
  // Could "(forms)[ \t]+$" match the end of `s`?
  static bool MayEndWithFormAndBlank(const FormGate& g, std::string_view s) {
    size_t t = TrimBlanksBefore(s, s.size());
    return t < s.size() && g.MayEndBefore(s, t);
  }
  std::unique_ptr<RE2> re_unit_, re_scale_, re_per_, re_currency_, re_qual_,
      re_qual_suffix_, re_count_, re_range_conn_, re_range_start_, re_policy_ctx_,
      re_chrome_end_, re_chrome_line_, re_commodity_, re_measure_, re_growth_, re_other_;
  std::unique_ptr<RE2> re_undated_, re_year_earlier_at_,
      re_year_tail_;
  // (The kind, relative-year, relative-month and same-period cues are read
  // off the cue trie alone: no RE2 for them.)
  std::unique_ptr<RE2> re_fyp_, re_year_range_, re_half_, re_quarter_, re_month_,
      re_weekday_, re_year_, re_baseline_before_,
      re_title_range_, re_elliptic_, re_per_mass_, re_clause_word_, re_anaphora_;
  std::unordered_map<std::string, double> number_words_, fractions_;
  std::vector<std::string> fraction_stems_;  // "alf", "hird": a sentence may hold a fraction
  // Two tries: the number scan walks one at most word starts, so it is
  // kept free of the sentence families.
  CueMatcher numbers_, cues_;
  CueMatcher clause_words_;           // clause_word forms, family 0
  CueMatcher count_noun_cues_;        // count_noun forms, kCountNoun
  CueWindow count_window_{&count_noun_cues_, kCountNoun};
  int count_window_runs_ = -1;        // -1: no pre-test for re_count_
  bool clause_words_listed_ = false;  // clause_words_ replaces re_clause_word_
  static Status AddCues(CueMatcher* m, CueFamily family, const std::vector<std::string>& forms,
                        bool case_insensitive);
  std::vector<bool> fraction_form_;  // by cues_ form id: a kNumberOrFraction form not a number word
  // The next match in s.substr(from) of the number pattern: digits
  // ("1,234.5") or a number word, or a fraction word when the sentence
  // holds a fraction stem (*stems: unknown (-1), no, yes; found out when
  // first needed), as [*start, *end).
  bool NextNumber(std::string_view s, size_t from, int* stems, size_t* start, size_t* end) const;
  std::unique_ptr<RE2> re_count_of_, re_dateline_, re_fraction_before_, re_fraction_after_;
  // A number at `pos` in digits or words ("two" in "two to three").
  bool ParseAnyNumberAt(std::string_view s, size_t pos, double* v, size_t* end) const;
  // "tonnes a year earlier": the unit is tonnes; moves `in` back after it.
  void FixYearEarlier(std::string_view s, StringPiece m, StringPiece* in, std::string* unit) const;
  std::unordered_set<std::string> count_stops_, np_stops_;
  // Words a derived noun phrase skips: np_stops_ and the kind, qualifier
  // and number-word forms, in one set (one lookup per word).
  std::unordered_set<std::string> np_skip_;
  std::vector<std::string> year_cues_;  // reference_year_cue forms, lower case
  std::unordered_map<std::string, std::string> qualifiers_, qual_suffix_, count_nouns_,
      kind_cues_;
  std::unordered_map<std::string, int> months_, weekdays_, halves_, quarters_, rel_years_,
      rel_months_;
  std::vector<std::pair<std::string, std::string>> commodities_;  // id, pattern (as Measure::pattern)
  std::vector<Measure> measures_;
  std::vector<std::pair<std::string, std::string>> folds_;  // canonical, variant
  std::unordered_map<std::string, std::string> unit_metric_, aliases_;
  std::vector<MetricRow> metric_rows_;
};

std::unique_ptr<RE2> Compile(const std::string& pattern, Status* st) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok() && st->ok()) *st = Status::Error("bad pattern: " + re->error() + ": " + pattern.substr(0, 200));
  return re;
}

Status FigureExtractorImpl::Load(const std::string& dir) {
  Status st;
  auto units = ReadTsv(dir, "units.tsv", 5);
  if (!units.ok()) return units.status();
  std::vector<std::string> per_mass_forms;
  for (const TsvRow& r : *units) {
    bool cs = r[3] == "cs";
    if (r[0] == "per_mass")
      for (const std::string& f : SplitList(r[4])) per_mass_forms.push_back(f);
    double mult = std::strtod(r[2].c_str(), nullptr);
    for (const std::string& f : SplitList(r[4])) {
      if (r[0] == "unit") units_.Add(f, r[1], mult, cs);
      else if (r[0] == "scale") scales_.Add(f, r[1], mult, cs);
      else if (r[0] == "currency_prefix") currency_.Add(f, r[1], mult, cs);
      else if (r[0] == "per_mass" || r[0] == "per_lb" || r[0] == "per_year") per_.Add(f, r[1], mult, cs);
    }
  }
  const std::string sep = "^[ \\t]*-?[ \\t]*";
  units_.BuildTrie();
  scales_.BuildTrie();
  // The RE2s only for a dictionary the trie cannot hold.
  if (!units_.on_trie) re_unit_ = Compile(sep + "(" + units_.Body() + ")", &st);
  if (!scales_.on_trie) re_scale_ = Compile(sep + "(" + scales_.Body() + ")", &st);
  re_per_ = Compile("^[ \\t]*-?(" + per_.Body() + ")", &st);
  re_per_mass_ = Compile(Alternation(per_mass_forms, true), &st);
  re_currency_ = Compile("(?:^|[^\\w$])(" + currency_.Body() + ")[ \\t]*$", &st);
  units_.AddTo(&gate_unit_);
  scales_.AddTo(&gate_scale_);
  per_.AddTo(&gate_per_);
  currency_.AddTo(&gate_currency_);

  auto cues = ReadTsv(dir, "figure_cues.tsv", 3);
  if (!cues.ok()) return cues.status();
  std::map<std::string, std::vector<std::string>> by_class;
  for (const TsvRow& r : *cues) {
    const std::string& cls = r[0];
    for (const std::string& f : SplitList(r[2])) {
      by_class[cls].push_back(f);
      std::string l = Lower(f);
      if (cls == "number_word") number_words_[l] = std::strtod(r[1].c_str(), nullptr);
      else if (cls == "fraction") fractions_[l] = std::strtod(r[1].c_str(), nullptr);
      else if (cls == "qualifier") qualifiers_[l] = r[1];
      else if (cls == "qualifier_suffix") qual_suffix_[l] = r[1];
      else if (cls == "count_noun") count_nouns_[l] = r[1];
      else if (cls == "count_stop") count_stops_.insert(l);
      else if (cls == "reference_year_cue") year_cues_.push_back(l);
      else if (cls == "np_stop") np_stops_.insert(l);
      else if (cls == "kind") kind_cues_[l] = r[1];
      else if (cls == "month") months_[l] = std::atoi(r[1].c_str());
      else if (cls == "weekday") weekdays_[l] = std::atoi(r[1].c_str());
      else if (cls == "half") halves_[l] = std::atoi(r[1].c_str());
      else if (cls == "quarter") quarters_[l] = std::atoi(r[1].c_str());
      else if (cls == "relative_year") rel_years_[l] = std::atoi(r[1].c_str());
      else if (cls == "relative_month") rel_months_[l] = std::atoi(r[1].c_str());
    }
  }
  np_skip_ = np_stops_;
  for (const auto* m : {&kind_cues_, &qualifiers_})
    for (const auto& [k, v] : *m) np_skip_.insert(k);
  for (const auto& [k, v] : number_words_) np_skip_.insert(k);
  // LatestCuedYear compares bytes: see the note in figure_cues.tsv.
  for (const std::string& f : year_cues_) {
    bool plain = !f.empty() && f.front() != ' ' && f.back() != ' ' && f.find("  ") == std::string::npos;
    for (char c : f) plain = plain && ((c >= 'a' && c <= 'z' && c != 'k' && c != 's') || c == ' ');
    if (!plain)
      return Status::Error(dir + "/figure_cues.tsv: reference_year_cue \"" + f +
                           "\": use plain ASCII words without k or s, one space apart");
  }
  auto alt = [&](const std::string& cls) { return Alternation(by_class[cls], true); };
  const std::string num = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
  {
    std::vector<std::string> words = by_class["number_word"];
    for (const std::string& f : by_class["fraction"]) words.push_back(f);
    // Two number patterns: with fraction words for the few sentences that
    // contain one (a cheap substring test), without for the rest (the
    // larger alternation makes the scan of every sentence slower).
    // The number scan: digits by hand (NextNumber), the words by cues_.
    if (Status s2 = AddCues(&numbers_, kNumberOrFraction, by_class["number_word"], true); !s2.ok())
      return s2.WithContext("figure_cues.tsv");
    size_t first_fraction = numbers_.size();
    if (Status s2 = AddCues(&numbers_, kNumberOrFraction, by_class["fraction"], true); !s2.ok())
      return s2.WithContext("figure_cues.tsv");
    fraction_form_.assign(numbers_.size(), false);
    for (size_t i = first_fraction; i < numbers_.size(); ++i) fraction_form_[i] = true;
    if (Status s2 = AddCues(&numbers_, kNumberWord, by_class["number_word"], true); !s2.ok())
      return s2.WithContext("figure_cues.tsv");
    for (const std::string& f : by_class["fraction"]) {
      std::string l = Lower(f);
      size_t sp = l.find_last_of(" -");
      std::string last = sp == std::string::npos ? l : l.substr(sp + 1);
      if (last.size() > 2 && last.back() == 's') last.pop_back();
      // Without its first letter, so "Half" and "half" both contain it.
      std::string stem = last.substr(1);
      if (std::find(fraction_stems_.begin(), fraction_stems_.end(), stem) == fraction_stems_.end())
        fraction_stems_.push_back(stem);
    }
  }
  // "Eight of the province's 17 refineries": a count of the noun after "of".
  re_count_of_ = Compile("^\\s+(?i:of)\\s+(?i:the|its|their|these|those|our)\\s+(?:\\S+\\s+){0,3}?(?:\\d[\\d,]*\\s+)?(" +
                             alt("count_noun") + ")\\b",
                         &st);
  // A fraction needs "of" after it ("half of"), or a qualifier or "by" before
  // it ("more than half", "cut by a tenth"); "half-year", "first half" are not.
  re_fraction_after_ = Compile("^\\s+(?i:of)\\b(\\s+(?i:(?:the|a|an)\\s+)?(?:(?:19|20)\\d\\d|(?i:year|month|decade|century))\\b)?", &st);
  re_fraction_before_ = Compile("(?i:\\bby)\\s+$", &st);
  // A dateline "Shanghai, March 28 (SMM) -" / "BEIJING (Reuters) -": the
  // place is where the reporter is, not what the figures are about.
  re_dateline_ = Compile("^\\s*[A-Z][\\w.' -]{0,40}?(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:-|–|—|:)\\s", &st);
  re_qual_ = Compile("(?:^|[^\\w])(" + alt("qualifier") + ")[ \\t]*(?:(?:" + alt("qualifier_filler") +
                         ")[ \\t]+)*$",
                     &st);
  re_qual_suffix_ = Compile("^[ \\t]*(" + alt("qualifier_suffix") + ")", &st);
  re_count_ = Compile(CountNounPattern(by_class["other"], by_class["count_noun"]), &st);
  re_other_ = Compile("^(?:" + alt("other") + ")", &st);
  // re_count_'s cheap pre-test (cue_window.h): what its prefix may span.
  if (Status s2 = AddCues(&count_noun_cues_, kCountNoun, by_class["count_noun"], true); !s2.ok()) {
    count_window_runs_ = -1;  // a form the trie cannot match: no pre-test
  } else {
    count_noun_cues_.Compile();
    count_window_runs_ = ConfigureCountNounWindow(by_class["other"], &count_window_);
  }
  re_range_conn_ = Compile("^[ \\t]*(-|–|—|~|(?i:to)|(?i:and))[ \\t]*", &st);
  re_range_start_ = Compile("(?:^|[^\\w])(" + alt("range_start") + ")[ \\t]+$", &st);
  gate_qual_.AddAll(by_class["qualifier"], true);
  gate_qual_.AddAll(by_class["qualifier_filler"], true);
  gate_qual_suffix_.AddAll(by_class["qualifier_suffix"], true);
  gate_count_.AddAll(by_class["other"], true);
  gate_count_.AddAll(by_class["count_noun"], true);
  gate_count_.AllowFirst('A', 'Z');
  gate_count_.AllowFirst('a', 'z');
  gate_range_conn_.AddAll({"-", "–", "—", "~"}, false);
  gate_range_conn_.AddAll({"to", "and"}, true);
  gate_range_start_.AddAll(by_class["range_start"], true);
  gate_elliptic_.AddAll(by_class["elliptic_cue"], true);
  re_elliptic_ = Compile("(?:^|[^\\w])(?:" + alt("elliptic_cue") + ")[ \\t]+$", &st);
  for (auto [fam, cls] : {std::pair{kKind, "kind"}, {kHalf, "half"}, {kQuarter, "quarter"}, {kMonth, "month"},
                          {kWeekday, "weekday"}, {kRelYear, "relative_year"}, {kRelMonth, "relative_month"},
                          {kSame, "same_period"}, {kYearEarlier, "year_earlier"},
                          {kFiveYearPlan, "five_year_plan"}})
    if (Status s2 = AddCues(&cues_, fam, by_class[cls], true); !s2.ok()) return s2.WithContext("figure_cues.tsv");
  re_policy_ctx_ = Compile(alt("policy_context"), &st);
  gate_chrome_end_.AddAll(by_class["chrome_end"], true);
  re_chrome_end_ = Compile("^[\\s\\p{P}]*(?:" + alt("chrome_end") + ")[\\s\\p{P}]*$", &st);
  {
    // An e-mail address ("[\w.-]+@[\w-]+\.\w") holds "@": when "@" is a
    // chrome_line form itself, the address pattern adds no match, only DFA
    // states to every block's scan.
    const std::vector<std::string>& lines = by_class["chrome_line"];
    bool at_form = std::find(lines.begin(), lines.end(), "@") != lines.end();
    re_chrome_line_ = Compile(alt("chrome_line") + (at_form ? "" : "|[\\w.-]+@[\\w-]+\\.\\w"), &st);
  }
  // Periods.
  re_fyp_ = Compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)\\s+(?:" + alt("five_year_plan") + ")(?:\\s+period)?", &st);
  re_year_range_ = Compile("\\b((?:19|20)\\d\\d)\\s*(?:-|–|—|/|(?i:to))\\s*((?:19|20)\\d\\d)\\b", &st);
  re_half_ = Compile("(" + alt("half") + ")\\s+(?:(?i:of)\\s+)?(?:(?i:the\\s+year)\\s+)?((?:19|20)\\d\\d)\\b", &st);
  re_quarter_ = Compile("(" + alt("quarter") + ")\\s+(?:(?i:of)\\s+)?((?:19|20)\\d\\d)\\b", &st);
  // Without a year: the publication year ("first-half output").
  // Without a year: halves and quarters (the publication year), a month after
  // a preposition ("in July"), "a year earlier".
  re_undated_ = Compile("(" + alt("half") + ")|(" + alt("quarter") +
                            ")|(?i:\\b(?:in|during|for|since|by|until|through|of|from|last)\\s+)(" + alt("month") +
                            ")\\b|(" + alt("year_earlier") + ")",
                        &st);
  re_year_earlier_at_ = Compile("^[ \\t]*(?:" + alt("year_earlier") + ")", &st);
  {
    // Last words of the year_earlier forms ("earlier", "ago"): after a
    // "tonnes a year" unit they make "a year" a date.
    std::vector<std::string> tails;
    for (const std::string& f : by_class["year_earlier"]) tails.push_back(f.substr(f.rfind(' ') + 1));
    re_year_tail_ = Compile("^[ \\t]+(?:" + Alternation(tails, true) + ")", &st);
  }
  re_month_ = Compile("(" + alt("month") + ")\\.?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d\\d)\\b", &st);
  re_weekday_ = Compile("(?i:\\b(last|this|past|on)\\s+)(" + alt("weekday") + ")", &st);
  re_year_ = Compile("\\b((?:19|20)\\d\\d)\\b", &st);
  re_baseline_before_ = Compile("(?:^|[^\\w])(?:" + alt("period_baseline") +
                                    ")[ \\t]+(?:(?i:the\\s+)?(?i:end\\s+of\\s+)?(?i:the\\s+)?)?$",
                                &st);
  re_title_range_ = Compile("\\(\\s*((?:19|20)\\d\\d)\\s*(?:-|–|—)\\s*((?:19|20)\\d\\d)\\s*\\)", &st);

  auto metrics = ReadTsv(dir, "metrics.tsv", 4);
  if (!metrics.ok()) return metrics.status();
  for (const TsvRow& r : *metrics)
    if (r[0] == "fold")
      for (const std::string& f : SplitList(r[3])) folds_.push_back({r[1], f});
  // Patterns tolerate every folded spelling: "aluminium" -> (?:aluminium|aluminum).
  auto folded = [&](std::string p) {
    for (auto& [canon, variant] : folds_) {
      std::string rep = "(?:" + canon + "|" + variant + ")";
      size_t pos = 0;
      while ((pos = p.find(canon, pos)) != std::string::npos) {
        p.replace(pos, canon.size(), rep);
        pos += rep.size();
      }
    }
    return p;
  };
  std::string commodity_alt, measure_alt, growth_alt;
  // Growth patterns that are all literal words go to the cue trie.
  std::vector<std::string> growth_forms;
  bool growth_literal = true;
  // The clause-word pattern on the cue trie (clause_words.h), unless a form
  // is one the trie cannot match as RE2 does: then RE2 (only then compiled).
  clause_words_listed_ = true;
  for (const std::string& f : by_class["clause_word"])
    if (!clause_words_.Add(0, f, true).ok()) clause_words_listed_ = false;
  clause_words_.Compile();
  if (!clause_words_listed_) re_clause_word_ = Compile("(?:^|\\W)(?:" + alt("clause_word") + ")\\s", &st);
  re_anaphora_ = Compile("^\\W*(?:" + alt("anaphora_start") + ")\\b", &st);
  for (const TsvRow& r : *metrics) {
    std::string pats;
    for (const std::string& f : SplitList(r[3])) pats += (pats.empty() ? "" : "|") + folded(f);
    std::string body = "(?i:\\b(?:" + pats + ")\\b)";
    if (r[0] == "commodity") {
      commodities_.push_back({r[1], body});
      commodity_alt += (commodity_alt.empty() ? "" : "|") + body;
    } else if (r[0] == "measure") {
      measures_.push_back({r[1], r[2] == "quantity", body});
      measure_alt += (measure_alt.empty() ? "" : "|") + body;
    } else if (r[0] == "growth") {
      growth_alt += (growth_alt.empty() ? "" : "|") + body;
      for (const std::string& f : SplitList(r[3])) {
        bool literal = folded(f) == f && !f.empty() && IsWordChar(f.front()) && IsWordChar(f.back());
        for (char ch : f)
          if (!IsWordChar(ch) && ch != ' ' && ch != '-' && ch != '/' && ch != '\'') literal = false;
        if (f.find("  ") != std::string::npos) literal = false;
        growth_literal = growth_literal && literal;
        growth_forms.push_back(f);
      }
    } else if (r[0] == "unit_metric") {
      unit_metric_[r[2]] = r[1];
    } else if (r[0] == "metric") {
      MetricRow m;
      m.id = r[1];
      m.unit = r[2];
      m.count_class = "government_body";
      m.re = Compile(body, &st);
      metric_rows_.push_back(std::move(m));
    } else if (r[0] == "alias") {
      for (const std::string& f : SplitList(r[3])) aliases_[f] = r[1];
    }
  }
  re_commodity_ = Compile("(" + commodity_alt + ")", &st);
  re_measure_ = Compile("(" + measure_alt + ")", &st);
  // The growth RE2 only when the trie cannot stand in for it.
  if (!growth_literal) re_growth_ = Compile("(" + growth_alt + ")", &st);
  if (!st.ok()) return st;
  if (growth_literal) {
    growth_listed_ = true;
    for (size_t i = 0; i < growth_forms.size(); ++i)
      if (auto id = cues_.AddListed(kGrowth, growth_forms[i], true, static_cast<int>(i)); !id.ok())
        return id.status().WithContext("metrics.tsv");
  }
  {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    measure_full_ = std::make_unique<RE2::Set>(o, RE2::ANCHOR_BOTH);
    measure_part_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    commodity_full_ = std::make_unique<RE2::Set>(o, RE2::ANCHOR_BOTH);
    std::string error;
    for (const Measure& m : measures_)
      if (measure_full_->Add(m.pattern, &error) < 0 || measure_part_->Add(m.pattern, &error) < 0)
        return Status::Error("metrics.tsv: measure '" + m.id + "': " + error);
    for (auto& [id, pattern] : commodities_)
      if (commodity_full_->Add(pattern, &error) < 0)
        return Status::Error("metrics.tsv: commodity '" + id + "': " + error);
    if (!measure_full_->Compile() || !measure_part_->Compile() || !commodity_full_->Compile())
      return Status::Error("metrics.tsv: cannot compile the measure and commodity sets");
    block_facts_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    if (block_facts_->Add(re_chrome_line_->pattern(), &error) != 0 ||
        block_facts_->Add(re_policy_ctx_->pattern(), &error) != 1 || !block_facts_->Compile())
      return Status::Error("figure_cues.tsv: cannot compile the chrome_line and policy_context set: " + error);
  }
  numbers_.Compile();
  cues_.Compile();
  return Status();
}

// The end of the number grammar "(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?" at
// s[pos], or pos when no digit is there. Read by hand: it runs at every
// number, and RE2's per-call cost dominated. Leftmost-first like RE2:
// grouped thousands win when the first run has at most three digits and a
// ",ddd" group follows.
size_t NumberEnd(std::string_view s, size_t pos) {
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  size_t p = pos;
  while (digit(p)) ++p;
  if (p == pos) return pos;
  if (p - pos <= 3)
    while (p < s.size() && s[p] == ',' && digit(p + 1) && digit(p + 2) && digit(p + 3)) p += 4;
  if (p < s.size() && s[p] == '.' && digit(p + 1)) {
    p += 2;
    while (digit(p)) ++p;
  }
  return p;
}

Status FigureExtractorImpl::AddCues(CueMatcher* m, CueFamily family, const std::vector<std::string>& forms,
                                    bool case_insensitive) {
  for (const std::string& f : forms)
    if (auto id = m->Add(family, f, case_insensitive); !id.ok()) return id.status();
  return Status();
}

bool FigureExtractorImpl::NextNumber(std::string_view s, size_t from, int* stems, size_t* start,
                                     size_t* end) const {
  // Leftmost match of "(digits|words)" as RE2 finds it in s.substr(from):
  // no character before `from` for \b. Words are tried with the fractions
  // in: where a fraction is the preferred form, the fraction-free pattern
  // (no stem in the sentence) is asked again at that position.
  std::string_view in = s.substr(from);
  const size_t n = in.size();
  auto word_at = [&](size_t p) {
    CueMatcher::Hit h;
    if (!numbers_.MatchAt(in, p, kNumberOrFraction, &h)) return false;
    if (fraction_form_[static_cast<size_t>(h.form)]) {
      if (*stems < 0) {
        *stems = 0;
        for (const std::string& stem : fraction_stems_)
          if (s.find(stem) != std::string_view::npos) {
            *stems = 1;
            break;
          }
      }
      if (*stems == 0 && !numbers_.MatchAt(in, p, kNumberWord, &h)) return false;
    }
    *start = from + p;
    *end = from + h.end;
    return true;
  };
  size_t p = 0;
  while (p < n) {
    char c = in[p];
    if (c >= '0' && c <= '9') {
      *start = from + p;
      *end = NumberEnd(s, from + p);
      return true;
    }
    if (IsWordChar(c)) {
      // A word (no digit in it so far): only its start can begin a form.
      if ((p == 0 || !IsWordChar(in[p - 1])) && numbers_.MayStartAt(in, p, kNumberOrFraction) && word_at(p))
        return true;
      for (++p; p < n && IsWordChar(in[p]) && !(in[p] >= '0' && in[p] <= '9');) ++p;
      continue;
    }
    if (numbers_.MayStartAt(in, p, kNumberOrFraction) && word_at(p)) return true;
    ++p;
  }
  return false;
}

bool FigureExtractorImpl::ParseNumberAt(std::string_view s, size_t pos, double* v,
                                         size_t* end) const {
  size_t p = NumberEnd(s, pos);
  if (p == pos) return false;
  *end = p;
  // Whole numbers of up to 15 digits are exact as doubles: read them by
  // hand (strtod cost more than the rest of the number scan).
  uint64_t whole = 0;
  int ndigits = 0;
  bool plain = true;
  for (char c : s.substr(pos, p - pos)) {
    if (c == ',') continue;
    if (c < '0' || c > '9' || ++ndigits > 15) {
      plain = false;
      break;
    }
    whole = whole * 10 + static_cast<uint64_t>(c - '0');
  }
  if (plain) {
    *v = static_cast<double>(whole);
    return true;
  }
  std::string digits;
  digits.reserve(p - pos);
  for (char c : s.substr(pos, p - pos))
    if (c != ',') digits += c;
  *v = std::strtod(digits.c_str(), nullptr);
  return true;
}

bool FigureExtractorImpl::ParseAnyNumberAt(std::string_view s, size_t pos, double* v,
                                            size_t* end) const {
  if (pos >= s.size()) return false;
  if (CIsDigit(s[pos])) return ParseNumberAt(s, pos, v, end);
  CueMatcher::Hit h;
  if (!numbers_.MatchAt(s.substr(pos), 0, kNumberWord, &h)) return false;
  auto it = number_words_.find(Lower(s.substr(pos, h.end)));
  if (it == number_words_.end()) return false;
  *v = it->second;
  *end = pos + h.end;
  return true;
}

void FigureExtractorImpl::FixYearEarlier(std::string_view s, StringPiece m, StringPiece* in,
                                         std::string* unit) const {
  if (*unit != "t/y" || !RE2::PartialMatch(*in, *re_year_tail_)) return;
  size_t sp = std::string_view(m.data(), m.size()).find(' ');
  if (sp == std::string_view::npos) return;
  *unit = "t";
  size_t e = static_cast<size_t>(m.data() - s.data()) + sp;
  *in = SP(s.substr(e));
}

bool FigureExtractorImpl::ParseUnitTail(std::string_view s, size_t pos, const std::string& currency,
                                         double* mult, std::string* unit, size_t* end) const {
  *mult = 1;
  unit->clear();
  StringPiece in = SP(s.substr(pos));
  StringPiece m;
  std::string val;
  double k = 1;
  bool have_unit = false;
  if (MayFollowSep(gate_unit_, s, pos) && ConsumeForm(&in, re_unit_.get(), units_, &m) &&
      units_.Lookup(std::string_view(m.data(), m.size()), &val, &k)) {
    have_unit = true;
    FixYearEarlier(s, m, &in, &val);
  } else {
    in = SP(s.substr(pos));
    if (MayFollowSep(gate_scale_, s, pos) && ConsumeForm(&in, re_scale_.get(), scales_, &m) &&
        scales_.Lookup(std::string_view(m.data(), m.size()), &val, &k)) {
      *mult = k;
      StringPiece save = in;
      size_t after_scale = static_cast<size_t>(in.data() - s.data());
      if (MayFollowSep(gate_unit_, s, after_scale) && ConsumeForm(&in, re_unit_.get(), units_, &m) &&
          units_.Lookup(std::string_view(m.data(), m.size()), &val, &k)) {
        have_unit = true;
        FixYearEarlier(s, m, &in, &val);
      } else {
        in = save;
        if (currency.empty()) {
          *end = static_cast<size_t>(in.data() - s.data());
          return false;
        }
      }
    }
  }
  if (have_unit) {
    *mult *= k;
    unit->assign(val);
  } else if (!currency.empty()) {
    unit->assign(currency);
  } else {
    return false;
  }
  // Currency written after the number ("150 mln dlrs") or before it.
  // Per-unit suffixes: USD/t, USD/lb, t/y.
  StringPiece save = in;
  size_t per_at = SkipBlanks(s, static_cast<size_t>(in.data() - s.data()));
  bool may_per = gate_per_.MayStartAt(s, per_at) ||
                 (per_at < s.size() && s[per_at] == '-' && gate_per_.MayStartAt(s, per_at + 1));
  if (may_per && MayConsume(in, *re_per_) && RE2::Consume(&in, *re_per_, &m)) {
    std::string suffix;
    double pk;
    per_.Lookup(std::string_view(m.data(), m.size()), &suffix, &pk);
    StringPiece probe = save;
    // "20.98 mln tonnes a year earlier": a date, not a per-year rate.
    if (suffix == "t/y" && RE2::Consume(&probe, *re_year_earlier_at_)) {
      in = save;
    } else if ((*unit == "USD" || *unit == "CNY") && suffix != "t/y") {
      *unit += suffix;
    } else if (*unit == "t" && suffix == "t/y") {
      *unit = "t/y";
    } else {
      in = save;
    }
  }
  *end = static_cast<size_t>(in.data() - s.data());
  return true;
}

std::vector<Cand> FigureExtractorImpl::FindCandidates(std::string_view s,
                                                      const std::string& prev_unit) const {
  std::vector<Cand> out;
  size_t consumed_to = 0;
  int stems = -1;
  size_t from = 0;  // where the scan goes on
  size_t ns = 0, ne = 0;
  while (NextNumber(s, from, &stems, &ns, &ne)) {
    from = ne;
    const std::string_view m = s.substr(ns, ne - ns);
    if (ns < consumed_to) continue;
    char prev = ns > 0 ? s[ns - 1] : ' ';
    // Inside a word, a decimal, a fraction or a time of day ("18:03:22.77").
    if (IsWordChar(prev) || prev == '.' || prev == ',' || prev == '/' || prev == '#' || prev == ':') continue;
    bool is_word = !CIsDigit(s[ns]);
    double v = 0;
    bool fraction = false;
    if (is_word) {
      std::string w = CollapseLower(m);
      auto it = number_words_.find(w);
      if (it != number_words_.end()) {
        v = it->second;
      } else if (auto ft = fractions_.find(w); ft != fractions_.end()) {
        // "half of", "more than half", "cut by a tenth"; not "half-year",
        // "first half", "half of 2025".
        if (ne < s.size() && s[ne] == '-') continue;
        {
          // "first half", "second half": a period (cheap test first: these
          // are the common case in business news).
          size_t pe = ns;
          while (pe > 0 && s[pe - 1] == ' ') --pe;
          size_t pb = pe;
          while (pb > 0 && CIsAlnum(s[pb - 1])) --pb;
          if (pb < pe) {
            std::string phrase = Lower(s.substr(pb, pe - pb)) + " " + w;
            if (halves_.count(phrase) || quarters_.count(phrase)) continue;
          }
        }
        // A bare "half" after a determiner is a part ("the first half", "the
        // northern half"): it needs a qualifier, "by" or the sentence start.
        bool bare = w.find(' ') == std::string::npos && w.find('-') == std::string::npos;
        if (bare && s.substr(0, ns).find_first_not_of(" \t\"'(") != std::string_view::npos) {
          std::string_view win0 = s.substr(0, ns);
          win0 = win0.substr(win0.size() > 48 ? win0.size() - 48 : 0);
          if (!RE2::PartialMatch(SP(win0), *re_qual_) && !RE2::PartialMatch(SP(win0), *re_fraction_before_)) continue;
        }
        StringPiece after = SP(s.substr(ne)), tail;
        bool of = RE2::Consume(&after, *re_fraction_after_, &tail);
        if (of && !tail.empty()) continue;
        std::string_view win = s.substr(0, ns);
        win = win.substr(win.size() > 48 ? win.size() - 48 : 0);
        if (!of && !RE2::PartialMatch(SP(win), *re_qual_) && !RE2::PartialMatch(SP(win), *re_fraction_before_))
          continue;
        v = ft->second;
        fraction = true;
      } else {
        continue;
      }
    } else {
      size_t e;
      if (!ParseNumberAt(s, ns, &v, &e)) continue;
      ne = e;
    }
    // List numbering: "1. Title" at the start of a sentence, "(3)".
    if (!is_word && ne < s.size() && (s[ne] == '.' || s[ne] == ')')) {
      bool at_start = s.substr(0, ns).find_first_not_of(" \t(") == std::string_view::npos;
      if (at_start) continue;
    }
    // Sign.
    size_t start = ns;
    if (!is_word && ns >= 1 && (s[ns - 1] == '-' || s.substr(0, ns).ends_with("−"))) {
      size_t sign = s[ns - 1] == '-' ? ns - 1 : ns - 3;
      char before = sign > 0 ? s[sign - 1] : ' ';
      if (IsWordChar(before) || before == '.') continue;  // 2026-2027, COVID-19
      v = -v;
      start = sign;
    }
    // Currency before the number.
    std::string_view left = s.substr(0, start);
    std::string currency;
    size_t lead = start;
    {
      StringPiece cm;
      std::string_view win = left.substr(left.size() > 24 ? left.size() - 24 : 0);
      if (MayEndWithForm(gate_currency_, win) && RE2::PartialMatch(SP(win), *re_currency_, &cm)) {
        double k;
        if (currency_.Lookup(std::string_view(cm.data(), cm.size()), &currency, &k))
          lead = static_cast<size_t>(cm.data() - s.data());
      }
    }
    Cand c;
    c.num_start = start;
    c.value = v;
    double mult = 1;
    size_t end = ne;
    std::string unit;
    bool has_unit = fraction ? (unit = "%", true) : ParseUnitTail(s, ne, currency, &mult, &unit, &end);
    // Immediately followed by letters without a unit: 5G, 14th, CO2.
    if (!has_unit && ne < s.size() && IsWordChar(s[ne])) continue;
    // Range.
    if (!fraction) {
      StringPiece rin = SP(s.substr(end));
      StringPiece conn;
      StringPiece rs;
      std::string_view start_win = s.substr(0, lead).substr(lead > 40 ? lead - 40 : 0);
      bool has_start = MayEndWithFormAndBlank(gate_range_start_, start_win) &&
                       RE2::PartialMatch(SP(start_win), *re_range_start_, &rs);
      std::string start_word = has_start ? Lower(std::string_view(rs.data(), rs.size())) : "";
      // "22.1 mln to 22.4 mln tonnes": the scale repeats, the unit comes last.
      double scale1 = 0;
      if (!has_unit && end > ne) {  // ParseUnitTail read a scale word only
        scale1 = mult;
        mult = 1;
      }
      if (gate_range_conn_.MayStartAt(s, SkipBlanks(s, end)) && RE2::Consume(&rin, *re_range_conn_, &conn)) {
        std::string cw = Lower(std::string_view(conn.data(), conn.size()));
        size_t p2 = static_cast<size_t>(rin.data() - s.data());
        // A currency may repeat: "$3 to $5".
        if (p2 < s.size() && s[p2] == '$') ++p2;
        double v2;
        size_t e2;
        bool ok = cw != "and" || start_word == "between";
        if (start_word == "from") ok = false;
        if (ok && p2 < s.size() && CIsDigit(s[p2]) &&
            ParseNumberAt(s, p2, &v2, &e2)) {
          double mult2 = 1;
          std::string unit2;
          size_t end2 = e2;
          bool has2 = ParseUnitTail(s, e2, currency, &mult2, &unit2, &end2);
          // Only a real range ("3 to 5%") lends the second unit to the first
          // number; "in 1990 to 17.25 mln tonnes" does not.
          if (has2 && (!has_unit || unit2 == unit) && v2 > v) {
            if (!has_unit) {
              mult = mult2;
              if (scale1 > 0) {
                // The second number's own scale is replaced by the first's.
                StringPiece sin = SP(s.substr(e2)), sm;
                std::string sv;
                double k2 = 1;
                if (MayFollowSep(gate_scale_, s, e2) && ConsumeForm(&sin, re_scale_.get(), scales_, &sm) &&
                    scales_.Lookup(std::string_view(sm.data(), sm.size()), &sv, &k2))
                  mult = mult2 / k2 * scale1;
              }
              unit = unit2;
              has_unit = true;
            }
            c.value_max = v2 * mult2;
            end = end2;
          }
        }
      }
      if (has_start && start_word == "between") lead = static_cast<size_t>(rs.data() - s.data());
      if (has_start && start_word == "from") c.start_value = true;
    }
    // Count nouns (and count ranges: "1-2 mines").
    if (!has_unit) {
      // A bare year ("in 1987") is never a count nor an elliptic figure:
      // every path below drops it, so skip their pattern calls.
      if (v >= 1900 && v <= 2100 && !is_word && m.size() == 4) continue;
      size_t count_from = ne;
      {
        StringPiece rin = SP(s.substr(ne));
        StringPiece conn;
        double v2;
        size_t e2;
        if (gate_range_conn_.MayStartAt(s, SkipBlanks(s, ne)) && RE2::Consume(&rin, *re_range_conn_, &conn)) {
          size_t p2 = static_cast<size_t>(rin.data() - s.data());
          std::string cw = Lower(std::string_view(conn.data(), conn.size()));
          if (cw != "and" && p2 < s.size() && ParseAnyNumberAt(s, p2, &v2, &e2) && v2 > v && v2 < 1900) {
            c.value_max = v2;
            count_from = e2;
          }
        }
      }
      StringPiece cin = SP(s.substr(count_from));
      StringPiece other, mid, noun;
      bool year_like = v >= 1900 && v <= 2100 && !is_word && m.size() == 4;
      StringPiece ofin = SP(s.substr(ne)), ofnoun;
      if (!c.value_max && v > 1 && !year_like && s.substr(ne).starts_with(" of ") &&
          RE2::Consume(&ofin, *re_count_of_, &ofnoun)) {
        // "Eight of the province's 17 refineries": the figure is the word
        // alone, so the whole set ("17 refineries") is still read after it.
        std::string noun_l = Lower(std::string_view(ofnoun.data(), ofnoun.size()));
        c.count_class = count_nouns_.count(noun_l) ? count_nouns_.at(noun_l) : "other";
        c.count_phrase = std::string(ofnoun.data(), ofnoun.size());
        c.value = v;
        c.unit = "count";
        c.qualifier = "eq";
        c.start = lead;
        c.end = ne;
        consumed_to = ne;
        out.push_back(c);
        continue;
      }
      if (!MayFollowSep(gate_count_, s, count_from) ||
          (count_window_runs_ >= 0 && !count_window_.MayMatch(s.substr(count_from), count_window_runs_)) ||
          !MayConsume(cin, *re_count_) || !RE2::Consume(&cin, *re_count_, &other, &mid, &noun)) {
        // Elliptic: "from 7,472", "against 1.25 mln" after a figure with a unit.
        if (is_word || year_like || c.value_max) continue;
        std::string inherit = out.empty() ? prev_unit : out.back().unit;
        if (inherit.empty() || inherit == "count" || (inherit == "%" && v > 100)) continue;
        std::string_view win = s.substr(0, lead);
        win = win.substr(win.size() > 24 ? win.size() - 24 : 0);
        StringPiece sin = SP(s.substr(ne)), sm;
        double k = 1;
        std::string sv;
        bool scaled = MayFollowSep(gate_scale_, s, ne) && ConsumeForm(&sin, re_scale_.get(), scales_, &sm) &&
                      scales_.Lookup(std::string_view(sm.data(), sm.size()), &sv, &k);
        if (scaled && (inherit == "%" || inherit == "pp")) continue;  // "33.8 mln" is no share
        // A bare elliptic number needs a cue word and some size ("Phase 1 and
        // 2" is not a quantity).
        bool small = v < 10 && m.find('.') == std::string_view::npos;
        if (!scaled && (out.empty() || small || !MayEndWithFormAndBlank(gate_elliptic_, win) ||
                        !RE2::PartialMatch(SP(win), *re_elliptic_)))
          continue;
        size_t e3 = scaled ? static_cast<size_t>(sin.data() - s.data()) : ne;
        if (e3 < s.size() && IsWordChar(s[e3])) continue;
        c.elliptic = true;
        c.unit = inherit;
        c.value = v * (scaled ? k : 1);
        c.qualifier = "eq";
        c.start = lead;
        c.end = e3;
        consumed_to = e3;
        out.push_back(c);
        continue;
      }
      if (year_like) continue;
      {
        // Only modifiers may stand between the number and the noun.
        std::string mids = CollapseLower(std::string_view(mid.data(), mid.size()));
        std::string w;
        bool stop = false, first = true;
        for (size_t i = 0; i <= mids.size(); ++i) {
          char ch = i < mids.size() ? mids[i] : ' ';
          if (ch == ' ' || ch == ',') {
            if (!w.empty() && count_stops_.count(w)) stop = true;
            if (!w.empty() && first && (w == "and" || w == "or")) stop = true;
            if (!w.empty()) first = false;
            w.clear();
          } else {
            w += ch;
          }
        }
        if (stop) continue;
      }
      if (c.value_max && !other.empty()) continue;
      if (v != std::floor(v)) continue;  // "22.77 banks": a count is whole
      unit = "count";
      has_unit = true;
      c.count_class = count_nouns_.count(Lower(std::string_view(noun.data(), noun.size())))
                          ? count_nouns_.at(Lower(std::string_view(noun.data(), noun.size())))
                          : "other";
      c.count_phrase = std::string(mid.data(), mid.size()) + std::string(noun.data(), noun.size());
      if (!other.empty()) v += 1;  // "nine other ministries": the whole set
      c.value = v;
      end = static_cast<size_t>(cin.data() - s.data());
      // A count range: "1-2 mines".
    }
    if (!has_unit) continue;
    if (unit != "count") c.value = v * mult;
    // Qualifier before.
    c.qualifier = c.value_max ? "range" : "eq";
    {
      std::string_view win = s.substr(0, lead);
      size_t from = win.size() > 48 ? win.size() - 48 : 0;
      StringPiece q;
      if (!c.value_max && MayEndWithForm(gate_qual_, win.substr(from)) &&
          RE2::PartialMatch(SP(win.substr(from)), *re_qual_, &q)) {
        auto it = qualifiers_.find(Lower(std::string_view(q.data(), q.size())));
        if (it != qualifiers_.end()) {
          c.qualifier = it->second;
          lead = static_cast<size_t>(q.data() - s.data());
        }
      }
    }
    // Qualifier after: "15%+", "or more".
    {
      StringPiece qin = SP(s.substr(end));
      StringPiece q;
      if (!c.value_max && gate_qual_suffix_.MayStartAt(s, SkipBlanks(s, end)) &&
          MayConsume(qin, *re_qual_suffix_) && RE2::Consume(&qin, *re_qual_suffix_, &q)) {
        std::string ql = Lower(std::string_view(q.data(), q.size()));
        auto it = qual_suffix_.find(ql);
        bool attached = ql != "+" || (end > 0 && !CIsSpace(s[end - 1]) &&
                                      q.data() == s.data() + end);
        if (it != qual_suffix_.end() && attached) {
          c.qualifier = it->second;
          end = static_cast<size_t>(qin.data() - s.data());
        }
      }
    }
    // "20,150 yuan a tonne ..., vs 19,480 yuan": a bare amount compared with
    // a price keeps the price's per-unit.
    if ((unit == "USD" || unit == "CNY") && !out.empty() && out.back().unit.starts_with(unit + "/")) {
      std::string_view win = s.substr(0, lead);
      win = win.substr(win.size() > 24 ? win.size() - 24 : 0);
      if (MayEndWithFormAndBlank(gate_elliptic_, win) && RE2::PartialMatch(SP(win), *re_elliptic_))
        unit = out.back().unit;
    }
    c.start = lead;
    c.end = end;
    c.unit = unit;
    consumed_to = end;
    out.push_back(std::move(c));
    // Continue scanning after the figure.
    if (end > from) from = end;
  }
  return out;
}


template <typename Classify>
std::vector<CueHit> FigureExtractorImpl::Hits(const RE2& re, std::string_view s, const Classify& classify) const {
  std::vector<CueHit> out;
  StringPiece in = SP(s);
  StringPiece m;
  while (FindWhole(&in, re, &m)) {
    if (m.empty()) {
      if (in.empty()) break;
      in.remove_prefix(1);
      continue;
    }
    std::string v = classify(std::string_view(m.data(), m.size()));
    if (!v.empty()) {
      size_t st = static_cast<size_t>(m.data() - s.data());
      out.push_back({st, st + m.size(), std::move(v)});
    }
  }
  return out;
}


// The first pattern (by index < n) of `set` matching `text` and accepted by
// `keep`, or -1: one pass over the text instead of one match per pattern.
// Should the set's DFA run out of memory, asks `one(k)` of each in turn.
template <typename One, typename Keep>
int FirstMatch(const RE2::Set& set, std::string_view text, size_t n, const One& one, const Keep& keep) {
  std::vector<int> v;
  RE2::Set::ErrorInfo error;
  if (!set.Match(SP(text), &v, &error) && error.kind != RE2::Set::kNoError) {
    for (size_t k = 0; k < n; ++k)
      if (one(k)) return static_cast<int>(k);
    return -1;
  }
  int best = -1;
  for (int k : v)
    if ((best < 0 || k < best) && keep(static_cast<size_t>(k))) best = k;
  return best;
}
template <typename One>
int FirstMatch(const RE2::Set& set, std::string_view text, size_t n, const One& one) {
  return FirstMatch(set, text, n, one, [](size_t) { return true; });
}

std::string YearStr(int y) { return FormatValue(y); }

std::string Pad2(int v) {
  std::string out = std::to_string(v);
  if (v < 10) out.insert(out.begin(), '0');
  return out;
}

FigureExtractorImpl::SentenceCues FigureExtractorImpl::ScanCues(std::string_view s) const {
  SentenceCues c;
  cues_.Scan(s, kSentenceFamilies, &c.hits);
  for (const CueMatcher::Hit& h : c.hits) c.present |= uint64_t{1} << h.family;
  return c;
}

template <typename Classify>
std::vector<CueHit> FigureExtractorImpl::FamilyHits(const SentenceCues& cues, CueFamily f, std::string_view s,
                                                    const Classify& classify) const {
  std::vector<CueHit> out;
  if (!cues.Has(f)) return out;
  for (const CueMatcher::Hit& h : cues.hits) {
    if (h.family != f) continue;
    std::string v = classify(s.substr(h.start, h.end - h.start));
    if (!v.empty()) out.push_back({h.start, h.end, std::move(v)});
  }
  return out;
}

int FigureExtractorImpl::YearLikeCount(std::string_view s, int cap) {
  int n = 0;
  for (size_t i = 0; i + 3 < s.size() && n < cap; ++i)
    if (((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) &&
        CIsDigit(s[i + 2]) && CIsDigit(s[i + 3]))
      ++n;
  return n;
}

std::vector<PeriodHit> FigureExtractorImpl::FindPeriods(std::string_view s, const Date& ref,
                                                        const SentenceCues& cues) const {
  // Each pattern runs only where the words it needs are (cues); the
  // literal ones are read off the cue hits.
  const int years = YearLikeCount(s, 2);
  const bool year = years > 0;
  auto family_hits = [&](CueFamily f, auto&& fn) {
    if (!cues.Has(f)) return;
    for (const CueMatcher::Hit& h : cues.hits)
      if (h.family == f) fn(h.start, h.end);
  };
  std::vector<PeriodHit> out;
  auto covered = [&](size_t a, size_t b) {
    for (auto& h : out)
      if (a < h.end && b > h.start) return true;
    return false;
  };
  auto add = [&](size_t a, size_t b, std::string v) {
    if (covered(a, b) || v.empty()) return;
    PeriodHit h{a, b, std::move(v), PeriodHit::kPoint};
    out.push_back(std::move(h));
  };
  StringPiece in, a, b, c;
  // Five-Year Plans: the Nth plan covers 1966+5(N-3) .. +4.
  in = SP(s);
  while (cues.Has(kFiveYearPlan) && RE2::FindAndConsume(&in, *re_fyp_, &a)) {
    int n = std::atoi(std::string(a.data(), a.size()).c_str());
    if (n < 3 || n > 30) continue;
    int y0 = 1966 + 5 * (n - 3);
    size_t st = static_cast<size_t>(a.data() - s.data());
    size_t en = static_cast<size_t>(in.data() - s.data());
    std::string_view before = s.substr(st > 24 ? st - 24 : 0, st > 24 ? 24 : st);
    bool end_of = CollapseLower(before).find("end of") != std::string::npos;
    // "(2021-2025)" right after the plan's name is the same period.
    StringPiece rest = SP(s.substr(en));
    static const RE2 kParen("^\\s*\\(\\s*(?:19|20)\\d\\d\\s*(?:-|–|—)\\s*(?:19|20)\\d\\d\\s*\\)");
    if (RE2::Consume(&rest, kParen)) en = static_cast<size_t>(rest.data() - s.data());
    add(st, en, end_of ? YearStr(y0 + 4) : YearStr(y0) + "-" + YearStr(y0 + 4));
  }
  in = SP(s);
  while (year && cues.Has(kHalf) && RE2::FindAndConsume(&in, *re_half_, &a, &b)) {
    auto it = halves_.find(CollapseLower(std::string_view(a.data(), a.size())));
    if (it == halves_.end()) continue;
    size_t st = static_cast<size_t>(a.data() - s.data());
    add(st, static_cast<size_t>(in.data() - s.data()), std::string(b.data(), b.size()) + "H" + std::to_string(it->second));
  }
  in = SP(s);
  while (year && cues.Has(kQuarter) && RE2::FindAndConsume(&in, *re_quarter_, &a, &b)) {
    auto it = quarters_.find(CollapseLower(std::string_view(a.data(), a.size())));
    if (it == quarters_.end()) continue;
    size_t st = static_cast<size_t>(a.data() - s.data());
    add(st, static_cast<size_t>(in.data() - s.data()), std::string(b.data(), b.size()) + "Q" + std::to_string(it->second));
  }
  {
    // One pass for the undated forms: a half or quarter (the publication
    // year), a month after a preposition (the latest such month up to the
    // publication date), "a year earlier" (resolved per figure).
    StringPiece h, q, mo, ye;
    in = SP(s);
    const bool undated = cues.Has(kHalf) || cues.Has(kQuarter) || cues.Has(kMonth) || cues.Has(kYearEarlier);
    while (undated && RE2::FindAndConsume(&in, *re_undated_, &h, &q, &mo, &ye)) {
      if (!ye.empty()) {
        size_t st = static_cast<size_t>(ye.data() - s.data());
        if (!covered(st, st + ye.size())) out.push_back(PeriodHit{st, st + ye.size(), "prior", PeriodHit::kPrior});
        continue;
      }
      if (ref.year == 0) continue;
      if (!h.empty() || !q.empty()) {
        StringPiece w = !h.empty() ? h : q;
        const auto& table = !h.empty() ? halves_ : quarters_;
        auto it = table.find(CollapseLower(std::string_view(w.data(), w.size())));
        if (it == table.end()) continue;
        size_t st = static_cast<size_t>(w.data() - s.data());
        add(st, st + w.size(), YearStr(ref.year) + (!h.empty() ? "H" : "Q") + std::to_string(it->second));
        continue;
      }
      if (ref.month == 0 || mo.empty() || !CIsUpper(mo[0])) continue;  // "may"
      auto it = months_.find(CollapseLower(std::string_view(mo.data(), mo.size())));
      if (it == months_.end()) continue;
      size_t st = static_cast<size_t>(mo.data() - s.data());
      size_t en = st + mo.size();
      // "July 2025", "July 16": dated elsewhere.
      if (en + 1 < s.size() && (s[en] == ' ' || s[en] == '.') && CIsDigit(s[en + 1]))
        continue;
      int y = it->second <= ref.month ? ref.year : ref.year - 1;
      add(st, en, YearStr(y) + "-" + Pad2(it->second));
    }
  }
  in = SP(s);
  while (year && cues.Has(kMonth) && RE2::FindAndConsume(&in, *re_month_, &a, &b, &c)) {
    auto it = months_.find(CollapseLower(std::string_view(a.data(), a.size())));
    if (it == months_.end()) continue;
    size_t st = static_cast<size_t>(a.data() - s.data());
    std::string v = std::string(c.data(), c.size()) + "-" + Pad2(it->second);
    if (!b.empty()) v += "-" + Pad2(std::atoi(std::string(b.data(), b.size()).c_str()));
    add(st, static_cast<size_t>(in.data() - s.data()), v);
  }
  in = SP(s);
  while (years >= 2 && RE2::FindAndConsume(&in, *re_year_range_, &a, &b)) {
    size_t st = static_cast<size_t>(a.data() - s.data());
    int y0 = std::atoi(std::string(a.data(), a.size()).c_str());
    int y1 = std::atoi(std::string(b.data(), b.size()).c_str());
    if (y1 <= y0) continue;
    if (st > 0 && s[st - 1] == '(') {
      std::string_view before = s.substr(0, st);
      before = before.substr(before.size() > 160 ? before.size() - 160 : 0);
      if (RE2::PartialMatch(SP(before), *re_policy_ctx_)) {
        PeriodHit h{st, static_cast<size_t>(in.data() - s.data()), "title", PeriodHit::kIgnore};
        out.push_back(h);
        continue;
      }
    }
    add(st, static_cast<size_t>(in.data() - s.data()), YearStr(y0) + "-" + YearStr(y1));
  }
  if (ref.year > 0) {
    family_hits(kRelYear, [&](size_t st, size_t en) {
      auto it = rel_years_.find(CollapseLower(s.substr(st, en - st)));
      if (it != rel_years_.end()) add(st, en, YearStr(ref.year + it->second));
    });
    if (ref.month > 0) {
      family_hits(kRelMonth, [&](size_t st, size_t en) {
        auto it = rel_months_.find(CollapseLower(s.substr(st, en - st)));
        if (it == rel_months_.end()) return;
        int m = ref.month + it->second, y = ref.year;
        if (m < 1) { m += 12; --y; }
        add(st, en, YearStr(y) + "-" + Pad2(m));
      });
      if (ref.day > 0) {
        in = SP(s);
        while (cues.Has(kWeekday) && RE2::FindAndConsume(&in, *re_weekday_, &a, &b)) {
          auto it = weekdays_.find(CollapseLower(std::string_view(b.data(), b.size())));
          if (it == weekdays_.end()) continue;
          int pub = DaysFromCivil(ref.year, ref.month, ref.day);
          int wd = Weekday(ref);
          int back = (wd - it->second + 7) % 7;
          std::string w = CollapseLower(std::string_view(a.data(), a.size()));
          if (back == 0 && w != "this" && w != "on") back = 7;
          Date d = CivilFromDays(pub - back);
          size_t st = static_cast<size_t>(a.data() - s.data());
          add(st, static_cast<size_t>(in.data() - s.data()), d.Iso());
        }
      }
    }
  }
  family_hits(kSame, [&](size_t st, size_t en) {
    if (!covered(st, en)) out.push_back(PeriodHit{st, en, "same", PeriodHit::kSame});
  });
  in = SP(s);
  while (year && FindWhole(&in, *re_year_, &a)) {
    size_t st = static_cast<size_t>(a.data() - s.data());
    add(st, st + a.size(), std::string(a.data(), a.size()));
  }
  std::sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.start < y.start; });
  // Roles: a year right after "the same period" is a year-on-year comparison
  // (ignored); "since / from / compared to X" is a baseline.
  for (size_t i = 0; i < out.size(); ++i) {
    PeriodHit& h = out[i];
    if (h.role == PeriodHit::kSame) {
      if (i + 1 < out.size() && out[i + 1].start < h.end + 12) {
        out[i + 1].role = PeriodHit::kIgnore;
        h.role = PeriodHit::kIgnore;
      }
      continue;
    }
    if (h.role == PeriodHit::kIgnore) continue;
    std::string_view before = s.substr(0, h.start);
    before = before.substr(before.size() > 40 ? before.size() - 40 : 0);
    if (RE2::PartialMatch(SP(before), *re_baseline_before_))
      h.role = h.role == PeriodHit::kPrior ? PeriodHit::kIgnore : PeriodHit::kBaseline;
  }
  return out;
}

// Folds the spelling of each word of a slug ("aluminum-smelters" ->
// "aluminium-smelters"); whole words only.
std::string FigureExtractorImpl::FoldWords(const std::string& slug) const {
  std::string out, w;
  for (size_t i = 0; i <= slug.size(); ++i) {
    if (i == slug.size() || slug[i] == '-') {
      for (auto& [canon, variant] : folds_)
        if (w == variant) {
          w = canon;
          break;
        }
      out += (out.empty() ? "" : "-") + w;
      w.clear();
    } else {
      w += slug[i];
    }
  }
  return out;
}

// A metric id from the figure's own noun phrase, for figures the lexicon
// does not cover: "X% of <phrase>" reads the phrase on the right, else the
// words on the left of the figure in its clause. Function words, cue words
// and numbers are skipped; at most three words, spelling folded.
std::string FigureExtractorImpl::DeriveNounPhrase(std::string_view s, const Cand& c) const {
  // The clause read as tokens: words of [A-Za-z'-] (lower case) and "#" for
  // each digit; read lazily from either end, as only the words next to the
  // figure matter.
  auto word_char = [](char ch) { return CIsAlpha(ch) || ch == '-' || ch == '\''; };
  auto next_token = [&](std::string_view t, size_t* i, std::string* w) {
    while (*i < t.size() && !word_char(t[*i]) && !CIsDigit(t[*i])) ++*i;
    if (*i == t.size()) return false;
    w->clear();
    if (CIsDigit(t[*i])) {
      ++*i;
      *w = "#";
      return true;
    }
    for (; *i < t.size() && word_char(t[*i]); ++*i) *w += AsciiLower(t[*i]);
    return true;
  };
  auto prev_token = [&](std::string_view t, size_t* j, std::string* w) {
    while (*j > 0 && !word_char(t[*j - 1]) && !CIsDigit(t[*j - 1])) --*j;
    if (*j == 0) return false;
    w->clear();
    if (CIsDigit(t[*j - 1])) {
      --*j;
      *w = "#";
      return true;
    }
    size_t k = *j;
    while (k > 0 && word_char(t[k - 1])) --k;
    for (size_t i = k; i < *j; ++i) *w += AsciiLower(t[i]);
    *j = k;
    return true;
  };
  auto keep = [&](const std::string& w) {
    return w != "#" && w.size() > 1 && w.find('\'') == std::string::npos && !np_skip_.count(w);
  };
  std::vector<std::string> picked;
  std::string w;
  std::string_view right = s.substr(c.end, c.clause_end - c.end);
  size_t i = 0;
  if (next_token(right, &i, &w) && w == "of") {
    while (picked.size() < 3 && next_token(right, &i, &w)) {
      if (w == "#") break;
      if (keep(w)) picked.push_back(w);
      else if (!picked.empty()) break;
    }
  }
  if (picked.empty()) {
    std::string_view left = s.substr(c.clause_start, c.start - c.clause_start);
    // On the left, verb forms ("-ed", "-ing") end the noun phrase.
    auto verbish = [](const std::string& v) {
      return v.size() > 4 && (v.ends_with("ed") || v.ends_with("ing"));
    };
    size_t j = left.size();
    while (picked.size() < 3 && prev_token(left, &j, &w)) {
      if (w == "#") break;
      if (keep(w) && !verbish(w)) picked.insert(picked.begin(), w);
      else if (!picked.empty()) break;
    }
  }
  std::string phrase;
  for (auto& w : picked) phrase += (phrase.empty() ? "" : " ") + w;
  return FoldWords(Slug(phrase));
}

// Kind from cue hits in [lo, hi) relative to the figure at `at`: the
// nearest cue on the left, else (unless left_only) the nearest on the right.
std::string FigureExtractorImpl::KindOfHits(const std::vector<CueHit>& hits, size_t lo, size_t hi,
                                            size_t at, bool left_only) const {
  const CueHit* best = nullptr;
  for (const CueHit& h : hits)
    if (h.start >= lo && h.end <= at && h.value == "actual_strong") return "actual";
  for (const CueHit& h : hits)
    if (h.start >= lo && h.end <= std::min(at, hi)) best = &h;
  if (!best && !left_only)
    for (const CueHit& h : hits)
      if (h.start >= at && h.end <= hi) {
        if (h.value == "actual_strong") return "actual";
        best = &h;
        break;
      }
  if (!best) return "";
  if (best->value == "future" || best->value == "goal") {
    // "expected to reach": the cue right before the infinitive decides;
    // "rose 5% to reach": a reported verb earlier in the clause does.
    for (const CueHit& h : hits) {
      if (h.end > best->start || h.start < lo || h.value == "future" || h.value == "goal") continue;
      if (best->start - h.end <= 2) return h.value == "actual_strong" ? "actual" : h.value;
      if (h.value == "actual" && h.end <= at) return "actual";
    }
  }
  return best->value == "actual_strong" ? "actual" : best->value;
}

int MostMentioned(const std::vector<Entity>& entities, const std::string& type, size_t lo,
                  size_t hi, const Entity** out) {
  int best = 0;
  *out = nullptr;
  for (const Entity& e : entities) {
    if (e.type != type) continue;
    int n = 0;
    for (const Mention& m : e.mentions)
      if (m.start >= lo && m.end <= hi) ++n;
    if (n > best) {
      best = n;
      *out = &e;
    }
  }
  return best;
}

std::vector<Figure> FigureExtractorImpl::Extract(const Document& doc,
                                                 const std::vector<Sentence>& sentences,
                                                 const std::vector<Entity>& entities) const {
  std::vector<Figure> figures;
  const std::string& text = doc.text;
  // Reference date: publication date, else a publication line near the top,
  // else the year after the latest "in YYYY" (year only).
  Date ref;
  if (auto d = ParseDate(doc.published)) ref = *d;
  if (ref.year == 0) {
    for (size_t b = 0; b < doc.blocks.size() && b < 12; ++b) {
      std::string_view line(text.data() + doc.blocks[b].start, doc.blocks[b].end - doc.blocks[b].start);
      std::optional<Date> d = ParsePublicationLine(line, 0);
      if ((!d || d->year == 0) && line.size() < 40) d = ParseDate(line);
      if (d && d->year > 0) {
        ref = *d;
        break;
      }
    }
  }
  if (ref.year == 0) {
    // "(?i)\b(?:cue|...)\s+((?:19|20)\d\d)\b" without RE2: one pass
    // instead of a whole-document search per match.
    int maxy = LatestCuedYear(text, year_cues_);
    if (maxy > 0) ref.year = maxy + 1;
  }
  std::string published_period = ref.year == 0 ? "" : ref.Iso();

  // Document context: main policy, country, commodity; the policy's years.
  const Entity* main_policy = nullptr;
  const Entity* main_country = nullptr;
  MostMentioned(entities, "policy", 0, text.size(), &main_policy);
  MostMentioned(entities, "country", 0, text.size(), &main_country);
  // A document about a policy: its bare infinitives ("output to reach 16 Mt")
  // are goals.
  const bool doc_policy = main_policy != nullptr || RE2::PartialMatch(SP(doc.title), *re_policy_ctx_);
  // Mentions by start offset: places and companies (subjects), policies.
  std::vector<std::pair<size_t, size_t>> subject_mentions, policy_mentions;
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    bool subject = e.type == "company" || e.type == "region" || e.type == "country";
    for (const Mention& m : e.mentions) {
      if (subject) subject_mentions.push_back({m.start, i});
      if (e.type == "policy") policy_mentions.push_back({m.start, i});
    }
  }
  std::sort(subject_mentions.begin(), subject_mentions.end());
  std::sort(policy_mentions.begin(), policy_mentions.end());
  int policy_y0 = 0, policy_y1 = 0;
  if (main_policy) {
    static const RE2 kIdRange("((?:19|20)\\d\\d)-((?:19|20)\\d\\d)$");
    int a = 0, b = 0;
    if (RE2::PartialMatch(main_policy->id, kIdRange, &a, &b)) {
      policy_y0 = a;
      policy_y1 = b;
    }
  }
  if (policy_y0 == 0) {
    // The most frequent "(YYYY-YYYY)" after a policy word in the text.
    std::map<std::pair<int, int>, int> counts;
    StringPiece in = SP(text), a, b;
    while (RE2::FindAndConsume(&in, *re_title_range_, &a, &b)) {
      size_t st = static_cast<size_t>(a.data() - text.data());
      std::string_view before(text.data() + (st > 160 ? st - 160 : 0), st > 160 ? 160 : st);
      if (!RE2::PartialMatch(SP(before), *re_policy_ctx_)) continue;
      int y0 = std::atoi(std::string(a.data(), a.size()).c_str());
      int y1 = std::atoi(std::string(b.data(), b.size()).c_str());
      if (ref.year > 0 && y1 < ref.year) continue;  // a past plan
      counts[{y0, y1}]++;
    }
    int best = 0;
    for (auto& [k, n] : counts)
      if (n > best) {
        best = n;
        policy_y0 = k.first;
        policy_y1 = k.second;
      }
  }
  auto commodity_of = [&](std::string_view m) -> std::string {
    int i = FirstMatch(*commodity_full_, m, commodities_.size(),
                       [&](size_t k) { return RE2::FullMatch(SP(m), RE2(commodities_[k].second, FallbackOptions())); });
    return i < 0 ? "" : commodities_[static_cast<size_t>(i)].first;
  };
  auto measure_of = [&](std::string_view m) -> std::string {
    int i = FirstMatch(*measure_full_, m, measures_.size(),
                       [&](size_t k) { return RE2::FullMatch(SP(m), RE2(measures_[k].pattern, FallbackOptions())); });
    return i < 0 ? "" : std::to_string(i);
  };
  // The document's most named commodity: a whole-text scan, so only for a
  // document with a figure that needs it.
  std::optional<std::string> main_commodity_memo;
  auto main_commodity = [&]() -> const std::string& {
    if (!main_commodity_memo) {
      main_commodity_memo.emplace();
      std::map<std::string, int> counts;
      for (auto& h : Hits(*re_commodity_, text, commodity_of)) counts[h.value]++;
      int best = 0;
      for (auto& [k, n] : counts)
        if (n > best) {
          best = n;
          *main_commodity_memo = k;
        }
    }
    return *main_commodity_memo;
  };
  auto kind_of = [&](std::string_view m) -> std::string {
    auto it = kind_cues_.find(CollapseLower(m));
    return it == kind_cues_.end() ? "" : it->second;
  };

  size_t last_block = SIZE_MAX;
  std::string block_period, block_commodity, last_period;
  std::vector<std::string> prev_commodities;  // of the previous sentence with figures, in the block
  std::string prev_sentence_period;
  std::string block_unit;  // unit of the last figure in the paragraph           // last period of the previous sentence with figures
  bool stop = false;
  // Per-block facts, computed once per block (not per sentence: a long
  // block has many sentences) and only for a block with a figure candidate.
  bool block_chrome = false, block_policy = false, block_facts = false;
  for (const Sentence& sen : sentences) {
    if (stop || figures.size() >= kMaxFiguresPerDocument) break;
    const Block& blk = doc.blocks[sen.block];
    std::string_view block_text(text.data() + blk.start, blk.end - blk.start);
    if (sen.block != last_block) {
      last_block = sen.block;
      block_period.clear();
      block_commodity.clear();
      block_unit.clear();
      prev_commodities.clear();
      if (MayBeChromeEnd(gate_chrome_end_, block_text) && RE2::FullMatch(SP(block_text), *re_chrome_end_)) {
        stop = true;
        break;
      }
      block_facts = false;
    }
    std::string_view s(text.data() + sen.start, sen.end - sen.start);
    std::vector<Cand> cands = FindCandidates(s, block_unit);
    if (cands.empty()) continue;
    if (!block_facts) {
      block_facts = true;
      // Both patterns in one pass over the block (block_facts_); one by
      // one should the set's DFA run out of memory.
      std::vector<int> hit;
      RE2::Set::ErrorInfo error;
      if (block_facts_->Match(SP(block_text), &hit, &error)) {
        block_chrome = std::find(hit.begin(), hit.end(), 0) != hit.end();
        block_policy = std::find(hit.begin(), hit.end(), 1) != hit.end();
      } else if (error.kind == RE2::Set::kNoError) {
        block_chrome = block_policy = false;
      } else {
        block_chrome = RE2::PartialMatch(SP(block_text), *re_chrome_line_);
        block_policy = RE2::PartialMatch(SP(block_text), *re_policy_ctx_);
      }
    }
    if (block_chrome) continue;

    // List heading: the block before a run of list items that ends with ':'.
    std::string_view intro;
    {
      size_t b = sen.block;
      auto is_item = [&](size_t i) { return doc.blocks[i].kind == BlockKind::kListItem; };
      if (is_item(b) || b > 0) {
        size_t i = b;
        while (i > 0 && is_item(i)) --i;
        if (i < b || is_item(b)) {
          std::string_view t(text.data() + doc.blocks[i].start, doc.blocks[i].end - doc.blocks[i].start);
          while (!t.empty() && CIsSpace(t.back())) t.remove_suffix(1);
          if (!t.empty() && t.back() == ':') intro = t;
        }
      }
    }
    // Cue hits of the sentence.
    const SentenceCues cues = ScanCues(s);
    std::vector<CueHit> com, mea, gro, kin;
    // (No atom prefilter before this scan: on a sentence, finding the atoms
    // cost more than the scan itself.)
    com = Hits(*re_commodity_, s, commodity_of);
    mea = Hits(*re_measure_, s, measure_of);
    auto growth = [](std::string_view) { return std::string("g"); };
    gro = growth_listed_ ? FamilyHits(cues, kGrowth, s, growth) : Hits(*re_growth_, s, growth);
    kin = FamilyHits(cues, kKind, s, kind_of);
    // "May" inside a sentence is the month, not the modal verb.
    std::erase_if(kin, [&](const CueHit& h) {
      return h.start > 0 && CIsUpper(s[h.start]) &&
             months_.count(CollapseLower(s.substr(h.start, h.end - h.start)));
    });
    std::vector<PeriodHit> per = FindPeriods(s, ref, cues);
    size_t dateline_end = 0;
    if (sen.start == blk.start && sen.block < 4) {  // a dateline opens the article
      StringPiece din = SP(s);
      if (RE2::Consume(&din, *re_dateline_)) dateline_end = static_cast<size_t>(din.data() - s.data());
    }
    // Parenthesised spans (glosses): their words do not describe figures outside them.
    std::vector<std::pair<size_t, size_t>> parens;
    for (size_t i = 0, open = SIZE_MAX; i < s.size(); ++i) {
      if (s[i] == '(') open = i;
      else if (s[i] == ')' && open != SIZE_MAX) {
        parens.push_back({open, i + 1});
        open = SIZE_MAX;
      }
    }
    auto hidden = [&](size_t a, size_t b, const Cand& c) {
      for (auto& [o, e] : parens)
        if (a >= o && b <= e && !(c.num_start >= o && c.num_start < e)) return true;
      return false;
    };
    // Sub-sentence bounds (';') and clause bounds.
    auto is_boundary = [&](size_t i) {
      char ch = s[i];
      if (ch == ',' || ch == ';' || ch == ':') {
        // Not a thousands separator.
        return !(i > 0 && i + 1 < s.size() && CIsDigit(s[i - 1]) &&
                 CIsDigit(s[i + 1]));
      }
      return ch == '\xE2' && s.compare(i, 3, "—") == 0;
    };
    for (size_t k = 0; k < cands.size(); ++k) {
      Cand& c = cands[k];
      if (c.unit == "kWh" && RE2::PartialMatch(SP(s), *re_per_mass_)) c.unit = "kWh/t";
      size_t lo = k > 0 ? cands[k - 1].end : 0;
      size_t hi = k + 1 < cands.size() ? cands[k + 1].start : s.size();
      size_t cs = c.start;
      while (cs > lo && !is_boundary(cs - 1)) --cs;
      if (clause_words_listed_) {
        size_t last = LastClauseWordEnd(clause_words_, 0, s.substr(cs, c.start - cs));
        if (last != std::string_view::npos) cs += last;
      } else {
        size_t last = SIZE_MAX;
        StringPiece probe = SP(s.substr(cs, c.start - cs));
        while (RE2::FindAndConsume(&probe, *re_clause_word_)) last = static_cast<size_t>(probe.data() - s.data());
        if (last != SIZE_MAX && last <= c.start) cs = last;
      }
      size_t ce = c.end;
      while (ce < hi && !is_boundary(ce)) ++ce;
      {
        size_t first = std::string_view::npos;
        if (clause_words_listed_) {
          first = FirstClauseWordEnd(clause_words_, 0, s.substr(c.end, ce - c.end));
        } else {
          StringPiece probe = SP(s.substr(c.end, ce - c.end));
          if (RE2::FindAndConsume(&probe, *re_clause_word_)) first = static_cast<size_t>(probe.data() - s.data()) - c.end;
        }
        if (first != std::string_view::npos) {
          // Cut before the clause word.
          size_t cut = c.end + first;
          while (cut > c.end && !CIsSpace(s[cut - 1])) --cut;
          while (cut > c.end && CIsSpace(s[cut - 1])) --cut;
          while (cut > c.end && !CIsSpace(s[cut - 1])) --cut;
          ce = std::max(cut, c.end);
        }
      }
      c.clause_start = cs;
      c.clause_end = ce;
    }
    std::vector<size_t> semicolons;
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == ';') semicolons.push_back(i);
    // (No white space in the word, so folding case alone is enough.)
    bool respectively = ContainsFolded(s, "respectively");
    bool anaphora = RE2::PartialMatch(SP(s), *re_anaphora_);
    std::vector<std::string> commodities_here;
    // Period hits attached to a figure (right after it).
    std::vector<int> local(per.size(), -1);
    for (size_t k = 0; k < cands.size(); ++k) {
      size_t hi = k + 1 < cands.size() ? cands[k + 1].start : s.size();
      for (size_t i = 0; i < per.size(); ++i) {
        if (per[i].start >= cands[k].end && per[i].start < std::min(hi, cands[k].end + 32) &&
            local[i] < 0 && per[i].role != PeriodHit::kIgnore) {
          bool crosses = false;
          for (size_t j = cands[k].end; j < per[i].start; ++j)
            if (is_boundary(j)) crosses = true;
          if (!crosses) local[i] = static_cast<int>(k);
          break;
        }
      }
    }
    std::string sentence_point;
    for (size_t i = 0; i < per.size(); ++i)
      if (local[i] < 0 && per[i].role == PeriodHit::kPoint) {
        sentence_point = per[i].value;
        break;
      }

    for (size_t k = 0; k < cands.size(); ++k) {
      Cand& c = cands[k];
      // --- metric
      auto nearest = [&](const std::vector<CueHit>& hits, size_t lo, size_t hi, bool by_priority) -> std::string {
        const CueHit* best = nullptr;
        size_t best_d = SIZE_MAX;
        int best_p = INT32_MAX;
        for (const CueHit& h : hits) {
          if (h.start < lo || h.end > hi) continue;
          if (h.start >= c.num_start && h.end <= c.end) continue;
          if (hidden(h.start, h.end, c)) continue;
          size_t d = h.end <= c.start ? c.start - h.end : (h.start >= c.end ? (h.start - c.end) * 2 + 1 : 0);
          int p = by_priority ? std::atoi(h.value.c_str()) : 0;
          if (p < best_p || (p == best_p && d < best_d)) {
            best = &h;
            best_d = d;
            best_p = p;
          }
        }
        return best ? best->value : "";
      };
      // The sub-sentence (between semicolons) the figure stands in.
      size_t sub_lo = 0, sub_hi = s.size();
      {
        auto it = std::lower_bound(semicolons.begin(), semicolons.end(), c.end);
        if (it != semicolons.end()) sub_hi = *it;
        auto jt = std::lower_bound(semicolons.begin(), semicolons.end(), c.start);
        if (jt != semicolons.begin()) sub_lo = *(jt - 1) + 1;
      }
      std::string commodity = nearest(com, c.clause_start, c.clause_end, false);
      bool sentence_measure = false;
      bool pct = c.unit == "%" || c.unit == "pp";
      // A change, not a level: "rose 5%", "increase by 3-5%", "a 3% increase";
      // "rose to 12%" is a level.
      bool clause_growth = false;
      for (const CueHit& h : gro) {
        if (h.start < c.clause_start || h.end > c.clause_end) continue;
        if (h.end <= c.start) {
          std::string gap = CollapseLower(s.substr(h.end, c.start - h.end));
          while (!gap.empty() && gap.back() == ' ') gap.pop_back();
          bool level = gap == "to" || gap.ends_with(" to");
          if (!level && (gap.size() <= 3 || gap.ends_with(" by") || gap == "by")) clause_growth = true;
        } else if (h.start >= c.end) {
          std::string gap = CollapseLower(s.substr(c.end, h.start - c.end));
          if (gap.size() <= 2) clause_growth = true;
        }
      }
      // Measures usable for this figure: rates only for percentages; for
      // changes and absolute units a rate phrase is read for its quantity
      // ("global production" -> production).
      std::vector<CueHit> mea_f;
      for (const CueHit& h : mea) {
        const Measure& m = measures_[std::atoi(h.value.c_str())];
        if (m.quantity || (pct && !clause_growth)) {
          mea_f.push_back(h);
          continue;
        }
        std::string_view ht = s.substr(h.start, h.end - h.start);
        int i = FirstMatch(*measure_part_, ht, measures_.size(), [&](size_t k) {
          return measures_[k].quantity && RE2::PartialMatch(SP(ht), RE2(measures_[k].pattern, FallbackOptions()));
        }, [&](size_t k) { return measures_[k].quantity; });
        if (i >= 0) mea_f.push_back({h.start, h.end, std::to_string(i)});
      }
      std::string mi = nearest(mea_f, c.clause_start, c.clause_end, true);
      if (respectively && prev_commodities.size() == cands.size() && !prev_commodities[k].empty())
        commodity = prev_commodities[k];
      if (commodity.empty()) {
        // Nearest on the left in the sub-sentence, else on the right.
        std::string left = nearest(com, sub_lo, c.start, false);
        commodity = !left.empty() ? left : nearest(com, c.end, sub_hi, false);
      }
      if (commodity.empty()) commodity = block_commodity;
      if (commodity.empty()) commodity = main_commodity();
      size_t mhit_end = 0;
      if (mi.empty()) {
        // Borrow a measure from elsewhere in the sentence only when it does
        // not belong to another commodity ("bauxite reserves and the 15 Mt
        // recycled aluminium target": the target is not reserves).
        std::vector<CueHit> keep;
        for (const CueHit& h : mea_f) {
          bool other = false;
          for (const CueHit& ch : com) {
            size_t a = std::min(ch.end, h.end), b = std::max(ch.start, h.start);
            size_t lo2 = std::min(ch.start, h.start), hi2 = std::max(ch.end, h.end);
            if (b > a + 40 || ch.value == commodity || commodity.empty()) continue;
            bool cut = false;
            for (size_t i = lo2; i < hi2; ++i)
              if (is_boundary(i)) cut = true;
            if (hi2 > c.num_start && lo2 < c.end) cut = true;
            if (!cut) other = true;
          }
          if (!other) keep.push_back(h);
        }
        mea_f.swap(keep);
        std::string left = nearest(mea_f, sub_lo, c.start, false);
        mi = !left.empty() ? left : nearest(mea_f, c.end, sub_hi, false);
        sentence_measure = !mi.empty();
        for (const CueHit& h : mea_f)
          if (h.value == mi && h.start >= sub_lo && h.end <= sub_hi) mhit_end = h.end;
      }
      bool growth = clause_growth;
      for (const CueHit& h : gro) {
        if (pct && sentence_measure && mhit_end <= c.start && h.start >= mhit_end && h.start <= mhit_end + 1) growth = true;
      }
      std::string measure;
      bool quantity = true;
      if (!mi.empty()) {
        const Measure& m = measures_[std::atoi(mi.c_str())];
        measure = m.id;
        quantity = m.quantity;
      } else if (c.unit == "t" || c.unit == "t/y") {
        measure = "production";
      } else if (c.unit == "kWh/t" || c.unit == "kWh") {
        measure = "energy-consumption";
      } else if (c.unit == "USD" || c.unit == "CNY") {
        measure = "value";
      } else if (c.unit == "USD/t" || c.unit == "CNY/t" || c.unit == "USD/lb") {
        measure = "price";
      } else if (c.unit == "%" || c.unit == "pp") {
        measure = "share";
        quantity = false;
      }
      std::string metric;
      bool issuer_count = false;
      if (auto it = unit_metric_.find(c.unit); it != unit_metric_.end()) metric = it->second;
      if (metric.empty() && c.unit == "count") {
        for (const MetricRow& r : metric_rows_)
          if (r.unit == "count" && c.count_class == r.count_class && RE2::PartialMatch(SP(s), *r.re)) {
            metric = r.id;
            issuer_count = true;
          }
        if (metric.empty()) {
          metric = FoldWords(Slug(CollapseLower(c.count_phrase))) + "-count";
        }
      }
      if (metric.empty() && mi.empty() && (c.unit == "%" || c.unit == "USD" || c.unit == "CNY")) {
        // No measure word: name the metric after the figure's noun phrase.
        std::string np = DeriveNounPhrase(s, c);
        if (!np.empty()) {
          bool has_commodity = !commodity.empty() && np.find(commodity) != std::string::npos;
          measure = np;
          if (has_commodity) commodity.clear();
          quantity = c.unit != "%";
        }
      }
      if (metric.empty()) {
        std::string base = commodity.empty() ? measure : commodity + "-" + measure;
        if (c.unit == "%") {
          if (quantity) base += growth ? "-growth" : "-share";
        } else if (c.unit == "pp") {
          base += quantity ? "-share-change" : "-change";
        } else if (growth && c.unit != "count") {
          base += "-change";
        }
        metric = base;
      }
      if (auto it = aliases_.find(metric); it != aliases_.end()) metric = it->second;
      c.metric = metric;
      commodities_here.push_back(commodity);

      // --- kind
      std::string kind;
      if (c.unit == "count") {
        kind = KindOfHits(kin, c.clause_start, c.clause_end, c.num_start, false);
      } else {
        kind = KindOfHits(kin, c.clause_start, c.clause_end, c.num_start, false);
        if (kind.empty()) kind = KindOfHits(kin, sub_lo, sub_hi, c.num_start, false);
        if (kind.empty()) kind = KindOfHits(kin, 0, s.size(), c.num_start, false);
        if (kind.empty() && !intro.empty()) {
          std::vector<CueHit> ih = FamilyHits(ScanCues(intro), kKind, intro, kind_of);
          kind = KindOfHits(ih, 0, intro.size(), intro.size(), true);
        }
      }
      if (kind == "goal")
        kind = doc_policy || block_policy || (!intro.empty() && RE2::PartialMatch(SP(intro), *re_policy_ctx_))
                   ? "target"
                   : "forecast";
      if (kind == "future")
        kind = block_policy || (!intro.empty() && RE2::PartialMatch(SP(intro), *re_policy_ctx_)) ? "target"
                                                                                                 : "forecast";
      if (kind.empty()) kind = "actual";
      if (c.start_value && (kind == "forecast" || kind == "target")) kind = "actual";
      if (kind == "target" && (c.qualifier == "le" || c.qualifier == "lt")) kind = "limit";
      c.kind = kind;

      // --- period
      std::string own, baseline;
      bool same = false, prior = false;
      for (size_t i = 0; i < per.size(); ++i) {
        if (local[i] != static_cast<int>(k)) continue;
        if (per[i].role == PeriodHit::kBaseline) baseline = per[i].value;
        else if (per[i].role == PeriodHit::kSame) same = true;
        else if (per[i].role == PeriodHit::kPrior) prior = true;
        else if (own.empty()) own = per[i].value;
      }
      std::string period = own;
      if (period.empty() && same) period = last_period;
      if (period.empty()) {
        // The sentence's own period: the nearest unattached point on the left, else the first.
        std::string left;
        for (size_t i = 0; i < per.size(); ++i)
          if (per[i].role == PeriodHit::kPoint && per[i].end <= c.start && (local[i] < 0 || local[i] < static_cast<int>(k)))
            left = per[i].value;
        period = !left.empty() ? left : sentence_point;
      }
      if (period.empty() && anaphora && !prev_sentence_period.empty()) period = prev_sentence_period;
      if (period.empty() && !block_period.empty() && c.unit != "count") period = block_period;
      if (period.empty() && !intro.empty()) {
        for (const PeriodHit& h : FindPeriods(intro, ref, ScanCues(intro)))
          if (h.role == PeriodHit::kPoint) {
            period = h.value;
            break;
          }
      }
      if (period.empty() && (kind == "target" || kind == "limit") && policy_y1 > 0)
        period = kind == "target" ? YearStr(policy_y1) : YearStr(policy_y0) + "-" + YearStr(policy_y1);
      if (period.empty() && kind == "actual") period = published_period;
      // A change from a base year spans base..main year; a goal or a
      // projection keeps its own year ("cut by 10% from 2025 by 2030": 2030).
      if (!baseline.empty() && (kind == "actual" || period.empty())) {
        std::string main = period.empty() ? (ref.year ? YearStr(ref.year) : "") : period;
        std::string b0 = baseline.substr(0, 4), m1 = main.size() >= 4 ? main.substr(main.size() >= 9 && main[4] == '-' && main.size() == 9 ? 5 : 0, 4) : "";
        if (!m1.empty() && b0 < m1) period = b0 + "-" + m1;
        else period = baseline;
      }
      if (prior && own.empty() && period.size() >= 4 && period.size() != 9 &&
          CIsDigit(period[0])) {
        // "a year earlier": the sentence's period, one year back.
        period = YearStr(std::atoi(period.substr(0, 4).c_str()) - 1) + period.substr(4);
      }
      if (measure == "cagr") {
        // A compound growth rate spans the years the sentence names.
        int y0 = 0, y1 = 0;
        for (const PeriodHit& h : per) {
          if (h.role == PeriodHit::kIgnore || h.value.size() < 4 || !CIsDigit(h.value[0])) continue;
          int a = std::atoi(h.value.substr(0, 4).c_str());
          int b = h.value.size() >= 9 && h.value[4] == '-' && h.value.size() == 9 ? std::atoi(h.value.substr(5, 4).c_str()) : a;
          if (!y0 || a < y0) y0 = a;
          if (b > y1) y1 = b;
        }
        if (y0 && y1 > y0) period = YearStr(y0) + "-" + YearStr(y1);
      }
      // A figure dated to a year before publication ("285 kWh/t last year")
      // is reported, whatever the sentence plans.
      if (!own.empty() && ref.year > 0 && kind != "actual" && CIsDigit(own[0]) &&
          std::atoi(own.substr(0, 4).c_str()) < ref.year && (own.size() < 9 || own[4] != '-') &&
          (kind == "target" || kind == "limit")) {
        kind = "actual";
        c.kind = kind;
      }
      c.period = period;
      if (!period.empty()) last_period = period;

      Figure f;
      f.text = std::string(s.substr(c.start, c.end - c.start));
      if (s.size() <= kMaxSentence) {
        f.sentence = std::string(s);
      } else {
        // A run-on line (a flattened table): the figure's sub-sentence, or
        // a window around it cut at spaces.
        size_t a = sub_lo, b = sub_hi;
        if (b - a > kMaxSentence) {
          a = c.start > kMaxSentence / 2 ? c.start - kMaxSentence / 2 : 0;
          b = std::min(s.size(), c.end + kMaxSentence / 2);
          while (a > 0 && !CIsSpace(s[a - 1]) && c.start - a < kMaxSentence) --a;
          while (b < s.size() && !CIsSpace(s[b]) && b - c.end < kMaxSentence) ++b;
        }
        f.sentence = std::string(s.substr(a, b - a));
      }
      f.start = sen.start + c.start;
      f.end = sen.start + c.end;
      f.value = c.value;
      f.value_max = c.value_max;
      f.unit = c.unit;
      f.qualifier = c.qualifier;
      f.metric = c.metric;
      f.period = c.period;
      f.kind = c.kind;
      // Subject: a company / region / country named first in the sentence
      // (after a dateline: the reporter's place is not the subject), else the
      // document's main country.
      {
        const Entity* subj = nullptr;
        auto it = std::lower_bound(subject_mentions.begin(), subject_mentions.end(),
                                   std::make_pair(sen.start + dateline_end, size_t{0}));
        if (it != subject_mentions.end() && it->first < sen.start + c.start)
          subj = &entities[it->second];
        if (!subj) subj = main_country;
        if (subj) f.subject = subj->id;
      }
      if (kind == "target" || kind == "limit" || issuer_count) {
        // The policy named most in the sentence, else the document's.
        const Entity* pol = nullptr;
        std::map<size_t, int> n;
        for (auto it = std::lower_bound(policy_mentions.begin(), policy_mentions.end(),
                                        std::make_pair(sen.start, size_t{0}));
             it != policy_mentions.end() && it->first < sen.end; ++it)
          n[it->second]++;
        int best = 0;
        for (auto& [i, cnt] : n)
          if (cnt > best) {
            best = cnt;
            pol = &entities[i];
          }
        if (!pol) pol = main_policy;
        if (pol) f.policy = pol->id;
        // A count of the bodies that issued a policy is about the policy.
        if (pol && issuer_count) f.subject = pol->id;
      }
      figures.push_back(std::move(f));
    }
    // Sentence-level period carries to later sentences of the paragraph.
    if (!sentence_point.empty()) block_period = sentence_point;
    if (!commodities_here.empty()) {
      for (auto it = commodities_here.rbegin(); it != commodities_here.rend(); ++it)
        if (!it->empty()) { block_commodity = *it; break; }
    }
    prev_commodities = commodities_here;
    prev_sentence_period = last_period;
    block_unit = cands.back().unit;
  }
  return figures;
}

}  // namespace

Result<std::unique_ptr<FigureExtractor>> FigureExtractor::Create(const std::string& data_dir) {
  auto impl = std::make_unique<FigureExtractorImpl>();
  Status st = impl->Load(data_dir);
  if (!st.ok()) return st.WithContext("figures");
  return std::unique_ptr<FigureExtractor>(std::move(impl));
}

}  // namespace newsgraph
