// clause_words: FirstClauseWordEnd / LastClauseWordEnd must return what
// RE2::FindAndConsume loops over "(?:^|\W)(?:ALT)\s" return, checked
// against RE2 itself on edge cases (split em dashes, stray and invalid
// UTF-8 bytes, RE2's case folding) and on generated text.
#include "extract/clause_words.h"
#include "extract/form_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

const std::vector<std::string> kForms = {"and", "but", "while", "whereas", "although", "as well as", "as"};

class ClauseWordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> forms = kForms;
    std::stable_sort(forms.begin(), forms.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
    std::string alt;
    for (auto& f : forms) {
      ASSERT_TRUE(m_.Add(2, f, true).ok()) << f;
      alt += (alt.empty() ? "(?i:" : "|(?i:") + FormPattern(f) + ")";
    }
    m_.Compile();
    re_ = std::make_unique<RE2>("(?:^|\\W)(?:" + alt + ")\\s");
    ASSERT_TRUE(re_->ok()) << re_->error();
  }
  void Check(std::string_view t) {
    re2::StringPiece probe(t.data(), t.size());
    size_t first = std::string_view::npos, last = std::string_view::npos;
    while (RE2::FindAndConsume(&probe, *re_)) {
      last = static_cast<size_t>(probe.data() - t.data());
      if (first == std::string_view::npos) first = last;
    }
    EXPECT_EQ(FirstClauseWordEnd(m_, 2, t), first) << "text '" << t << "'";
    EXPECT_EQ(LastClauseWordEnd(m_, 2, t), last) << "text '" << t << "'";
  }
  CueMatcher m_;
  std::unique_ptr<RE2> re_;
};

TEST_F(ClauseWordsTest, AgreesWithRe2OnEdgeCases) {
  for (std::string_view t : {
           "", "and", "and ", " and ", "x and y", "xand y", "and and and x", " and\tbut\nwhile\fx", "and\v",
           "as well as x", "as  well\tas x", "as well x", "as wellas x", "AND But WHILE", "a\xC5\xBF x",  // LONG S
           "\xE2\x80\x94" "and x", "\x80\x94" "and x", "\x94" "and x", "\x94 and x",  // split em dash
           "\xC3\xA9" "and x", "\xC3" "and x", "\xC0\x80" "and x", "\xE0\x80\x80" "and x",
           "\xED\xA0\x80" "and x", "\xF4\x90\x80\x80" "and x", "\xF5\x80\x80\x80" "and x", "\xFF" "and x",
           "\xE2\x80" "and x", "_and x", "5and x", "-and x", "and,x", "x and", "x and\r", "whereas\xC2\xA0x",
       })
    Check(t);
  // A clause bound can end a probe anywhere, even inside a rune.
  std::string s = "rose 5% \xE2\x80\x94 and but while \xE2\x80\x94" "and x";
  for (size_t a = 0; a <= s.size(); ++a)
    for (size_t b = a; b <= s.size(); ++b) Check(std::string_view(s).substr(a, b - a));
}

TEST_F(ClauseWordsTest, AgreesWithRe2OnGeneratedText) {
  const std::vector<std::string> pieces = {
      "and", "AND", "but", "while", "whereas", "although", "as", "well", "a", "\xC5\xBF", "x", "5", "_",
      "\xE2\x80\x94", "\x80", "\x94", "\xE2", "\xC3\xA9", "\xC2", "\xF0\x9F\x98\x80", "\xF8", ",", "(", "-"};
  const std::vector<std::string> seps = {"", " ", "  ", "\t", "\n", "\v", "\f", "\r", ",", "\xC2\xA0"};
  std::mt19937 rng(13);
  for (int i = 0; i < 20000; ++i) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()] + seps[rng() % seps.size()];
    Check(t);
  }
}

}  // namespace
}  // namespace newsgraph
