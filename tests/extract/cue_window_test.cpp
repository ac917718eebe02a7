// CueWindow: never says "no" where the anchored RE2 pattern it guards
// matches (checked against RE2 on generated text, with the count-noun
// pattern and window set-up figures.cpp uses, count_noun.h), and says "no"
// where no form is in reach.
#include "extract/cue_window.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "extract/count_noun.h"

namespace newsgraph {
namespace {

class CueWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& f : nouns_) ASSERT_TRUE(m_.Add(0, f, true).ok());
    m_.Compile();
    runs_ = ConfigureCountNounWindow(other_, &w_);
    re_ = std::make_unique<RE2>(CountNounPattern(other_, nouns_));
    ASSERT_TRUE(re_->ok()) << re_->error();
  }
  bool Re2(std::string_view t) {
    re2::StringPiece in(t.data(), t.size());
    return RE2::Consume(&in, *re_);
  }
  const std::vector<std::string> nouns_ = {"countries and regions", "countries", "regions", "mines", "lines",
                                           "production lines", "banks"};
  const std::vector<std::string> other_ = {"other", "more", "other big"};
  int runs_ = 0;
  CueMatcher m_;
  CueWindow w_{&m_, 0};
  std::unique_ptr<RE2> re_;
};

TEST_F(CueWindowTest, SaysNoWhereNoFormIsInReach) {
  // "-", the "other" word and its inner space, four modifier words.
  EXPECT_EQ(runs_, 2 + 1 + 1 + 4 * 2);
  EXPECT_TRUE(w_.MayMatch(" mines", runs_));
  EXPECT_TRUE(w_.MayMatch("mines", runs_));
  EXPECT_TRUE(w_.MayMatch(" other big new copper mines", runs_));
  EXPECT_FALSE(w_.MayMatch(" tonnes of ore.", runs_));
  EXPECT_FALSE(w_.MayMatch(" tonnes. Three mines", runs_));  // '.' ends the reach
  EXPECT_FALSE(w_.MayMatch(" a b c d e f g h i j k l m mines", runs_));
  EXPECT_TRUE(w_.MayMatch(" a b c d e f g h i j k mines", runs_));  // 11 runs: still in reach
  EXPECT_FALSE(w_.MayMatch("", runs_));
  EXPECT_FALSE(w_.MayMatch(", 2019, the mines", runs_));  // a word cannot begin with ','
  EXPECT_FALSE(w_.MayMatch(" big 2019 mines", runs_));     // nor with a digit
  EXPECT_TRUE(w_.MayMatch(" -big mines", runs_));          // the first word may lead with '-'
  EXPECT_TRUE(w_.MayMatch(" - big mines", runs_));
  EXPECT_FALSE(w_.MayMatch(" big -new mines", runs_));
}

TEST_F(CueWindowTest, NeverRejectsWhatRe2Matches) {
  const std::vector<std::string> pieces = {"mines", "Mines", "lines", "production", "countries", "and", "or",
                                           "regions", "other", "OTHER", "more", "big", "new", "copper", "state-run",
                                           "firm's", "x", "5", "1,2", "-", ",", ".", "(", "\xC5\xBF", "\xE2\x80\x94",
                                           "banks", "_"};
  const std::vector<std::string> seps = {"", " ", "  ", "\t", "\n", "\v", ", ", "-"};
  std::mt19937 rng(17);
  int matched = 0, rejected = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string t = seps[rng() % seps.size()];
    int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()] + seps[rng() % seps.size()];
    bool may = w_.MayMatch(t, runs_);
    if (Re2(t)) {
      ++matched;
      EXPECT_TRUE(may) << "text '" << t << "'";
    }
    if (!may) ++rejected;
  }
  EXPECT_GT(matched, 1000);
  EXPECT_GT(rejected, 1000);
}

}  // namespace
}  // namespace newsgraph
