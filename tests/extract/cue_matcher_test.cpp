// CueMatcher: its matches must be exactly those of the RE2 alternation it
// replaces (word boundaries, white-space runs, RE2's case folding, longest
// form first, non-overlapping scans), checked against RE2 itself on
// hand-written edge cases and on generated text.
#include "extract/cue_matcher.h"
#include "extract/form_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

struct Family {
  std::vector<std::string> forms;
  bool ci;
};

// The RE2 side, as figures.cpp builds it, in one capturing group.
std::string Re2Alternation(std::vector<std::string> forms, bool ci) {
  std::string out = "(";  // appended, not "(" + ...: GCC 12 warns (-Wrestrict) on that
  out += Alternation(std::move(forms), ci);
  out += ')';
  return out;
}

using Span = std::vector<std::pair<size_t, size_t>>;

Span Re2Scan(const RE2& re, std::string_view s) {
  Span out;
  re2::StringPiece in(s.data(), s.size()), m;
  while (re.Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) {
    size_t st = static_cast<size_t>(m.data() - s.data());
    out.push_back({st, st + m.size()});
    in.remove_prefix(static_cast<size_t>(m.data() + m.size() - in.data()));
  }
  return out;
}

class CueMatcherTest : public ::testing::Test {
 protected:
  void Build(const std::vector<Family>& fams) {
    fams_ = fams;
    for (size_t f = 0; f < fams.size(); ++f) {
      for (auto& form : fams[f].forms) {
        ASSERT_TRUE(m_.Add(static_cast<int>(f), form, fams[f].ci).ok()) << form;
      }
      res_.push_back(std::make_unique<RE2>(Re2Alternation(fams[f].forms, fams[f].ci)));
      ASSERT_TRUE(res_.back()->ok()) << res_.back()->error();
    }
    m_.Compile();
  }
  // Scan must agree with RE2 for every family.
  void Check(std::string_view text) {
    std::vector<CueMatcher::Hit> hits;
    m_.Scan(text, ~uint64_t{0}, &hits);
    for (size_t f = 0; f < fams_.size(); ++f) {
      Span mine;
      for (auto& h : hits)
        if (h.family == static_cast<int>(f)) mine.push_back({h.start, h.end});
      EXPECT_EQ(mine, Re2Scan(*res_[f], text)) << "family " << f << " text '" << text << "'";
    }
    // Anchored: MatchAt at every position agrees with RE2 on the suffix.
    for (size_t f = 0; f < fams_.size(); ++f) {
      RE2 anchored("^" + res_[f]->pattern());
      for (size_t p = 0; p <= text.size(); ++p) {
        re2::StringPiece in(text.data() + p, text.size() - p), m;
        bool want = anchored.Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1);
        CueMatcher::Hit h;
        bool got = m_.MatchAt(text.substr(p), 0, static_cast<int>(f), &h);
        ASSERT_EQ(got, want) << "family " << f << " at " << p << " text '" << text << "'";
        if (got) {
          EXPECT_EQ(h.end, m.size()) << "family " << f << " at " << p << " text '" << text << "'";
        }
      }
    }
  }
  CueMatcher m_;
  std::vector<Family> fams_;
  std::vector<std::unique_ptr<RE2>> res_;
};

const std::vector<Family> kFamilies = {
    {{"one", "a single", "two", "a couple of", "ten", "a dozen", "half", "a half", "one-third"}, true},
    {{"more than", "no more than", "over", "up to", "approx.", "approx", "~", ">", ">=", "≥", "+", "-plus"}, true},
    {{"Mt", "MMT", "kt", "t", "KT"}, false},
    {{"mt", "tonnes", "tons", "ton", "metric tons", "%", "per cent", "kWh/t", "kWh", "US$", "$", "¥", "U.S. cents",
      "cents", "s", "k"},
     true},
    {{"expected", "expects", "could", "may", "is set to", "will", "to reach", "so far", "stood at"}, true},
};

TEST_F(CueMatcherTest, AgreesWithRe2OnEdgeCases) {
  Build(kFamilies);
  for (const char* t : {
           "", "one", "One two", "ONE\ttwo", "someone", "one1", "_one", "a  couple\n of", "a couple\vof",
           "a couple\f\r\nof eggs", "no more than 5", "more than no more than", "approx. 5 approx 6 approx",
           "5Mt 5 Mt 5mt 5 MT 5 MMT 5Mtpa", "3kt, 4 KT, 5 kT", "\xE2\x84\xAAt 3 \xE2\x84\xAA",  // KELVIN SIGN
           "ton\xC5\xBF tonne\xC5\xBF", "\xC5\xBFo far", "5% 5 per  cent 5 per\tcent", "kWh/t kWh/tonne kwh",
           "US$5 $5 ¥5 U.S.  cents US cents", "≥5 >= 5 > 5 ~5 5+ 5-plus", "expected to reach, will reach",
           "is  set to", "Is Set To", "stood at,stood at", "halfway half-year a half", "one-third two-thirds",
           "x>y", "$$$", "t.t t-t _t t_", "é one é", "ï»¿one",
       })
    Check(t);
}

// The first-two-byte pre-test must let through every match: second bytes
// that are a white-space run, a folded multi-byte letter (KELVIN SIGN, LONG
// S) or any byte after a one-character form, and first bytes in either case.
TEST_F(CueMatcherTest, PairPreTestKeepsEveryMatch) {
  Build({{{"ok", "ask", "as", "a b", "x", "Ab"}, true}, {{"Qz", "q"}, false}});
  for (const char* t : {"ok OK oK o\xE2\x84\xAA", "as AS a\xC5\xBF A\xC5\xBF", "ask a\xC5\xBF\xE2\x84\xAA",
                        "a b A\tb a\n\nB a\r\nb ab", "x xy X9 x-", "Qz qz QZ q Q qq", "ab AB aB"})
    Check(t);
  // And reject the rest without a walk: "oz" starts no form.
  CueMatcher::Hit h;
  EXPECT_FALSE(m_.MatchAt("oz", 0, 0, &h));
  EXPECT_TRUE(m_.MatchAt("OK", 0, 0, &h));
  EXPECT_EQ(h.end, 2u);
}

TEST_F(CueMatcherTest, AgreesWithRe2OnGeneratedText) {
  Build(kFamilies);
  // Texts assembled from pieces of the forms, separators and look-alikes.
  const std::vector<std::string> pieces = {
      "one", "One", "a", "A", "couple", "of", "two", "ten", "dozen", "half", "-", "third", "more", "than",
      "no", "over", "up", "to", "approx", ".", "~", ">", "=", "≥", "+", "plus", "Mt", "MT", "mt", "kt", "KT",
      "t", "T", "tonnes", "tons", "ton", "metric", "%", "per", "cent", "kWh", "/", "US", "$", "¥", "U.S.",
      "cents", "s", "k", "\xE2\x84\xAA", "\xC5\xBF", "expected", "could", "may", "is", "set", "will", "reach",
      "so", "far", "stood", "at", "5", "1,2", "_", "é", "x"};
  const std::vector<std::string> seps = {"", " ", "  ", "\t", "\n", "\v", ",", "(", "\r\n"};
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()] + seps[rng() % seps.size()];
    Check(t);
  }
}

// metrics.tsv style: "(?i:\b(?:p1|p2|...)\b)", first listed wins, a
// space is one space.
TEST(CueMatcher, ListedFormsAgreeWithRe2) {
  const std::vector<std::string> forms = {"slip", "slips", "up", "year on year", "year-on-year", "y/y",
                                          "compared to", "from a year earlier", "year", "on"};
  CueMatcher m;
  for (size_t i = 0; i < forms.size(); ++i) ASSERT_TRUE(m.AddListed(3, forms[i], true, static_cast<int>(i)).ok());
  ASSERT_TRUE(m.Add(4, "year on", true).ok());  // a run-space form sharing the trie
  m.Compile();
  std::string pats;
  for (auto& f : forms) pats += (pats.empty() ? "" : "|") + f;
  RE2 re("((?i:\\b(?:" + pats + ")\\b))");
  ASSERT_TRUE(re.ok());
  std::mt19937 rng(11);
  const std::vector<std::string> pieces = {"slip", "Slips", "up", "UP", "year", "on", "-", "y/y", "Y/Y",
                                           "compared", "to", "from", "a", "earlier", "x", "5"};
  const std::vector<std::string> seps = {" ", "  ", "\t", "", "-", ",", "\n"};
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 7);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()] + seps[rng() % seps.size()];
    std::vector<CueMatcher::Hit> hits;
    m.Scan(t, uint64_t{1} << 3, &hits);
    Span mine;
    for (auto& h : hits) mine.push_back({h.start, h.end});
    EXPECT_EQ(mine, Re2Scan(re, t)) << "text '" << t << "'";
  }
  EXPECT_FALSE(m.AddListed(3, "-up", true, 20).ok());
  EXPECT_FALSE(m.AddListed(3, "up ", true, 20).ok());
}

TEST(CueMatcher, AllAtListsEveryMatchLongestFirst) {
  CueMatcher m;
  for (const char* f : {"the", "the milestone of", "a", "an"}) ASSERT_TRUE(m.Add(0, f, true).ok());
  m.Compile();
  std::vector<CueMatcher::Hit> hits;
  m.AllAt("The  milestone of 5", 0, 0, &hits);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].end, 17u);
  EXPECT_EQ(m.Form(hits[0].form), "the milestone of");
  EXPECT_EQ(hits[1].end, 3u);
  m.AllAt("theme", 0, 0, &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(CueMatcher, RejectsFormsItCannotMatchLikeRe2) {
  CueMatcher m;
  EXPECT_FALSE(m.Add(0, "", true).ok());
  EXPECT_FALSE(m.Add(0, "   ", true).ok());
  EXPECT_FALSE(m.Add(0, "caf\xC3\xA9", true).ok());  // é: RE2 (?i) would match É
  EXPECT_TRUE(m.Add(0, "caf\xC3\xA9", false).ok());
  EXPECT_TRUE(m.Add(0, "\xE2\x89\xA5", true).ok());  // ≥ has no case
  EXPECT_FALSE(m.Add(CueMatcher::kMaxFamilies, "x", true).ok());
  EXPECT_FALSE(m.Add(0, "a\tb", true).ok());
}

}  // namespace
}  // namespace newsgraph
