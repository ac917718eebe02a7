// FormPattern / Alternation: the RE2 patterns the figure extractor builds
// from its cue-word lists.
#include "extract/form_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace newsgraph {
namespace {

bool Finds(const std::string& pattern, const std::string& text) {
  RE2 re(pattern, RE2::Quiet);
  EXPECT_TRUE(re.ok()) << pattern << ": " << re.error();
  return RE2::PartialMatch(text, re);
}

TEST(FormPatternTest, WordBoundariesOnlyAtWordCharacters) {
  EXPECT_EQ(FormPattern("at least"), "\\bat\\s+least\\b");
  EXPECT_TRUE(Finds(FormPattern("at least"), "rose at   least 5%"));
  EXPECT_FALSE(Finds(FormPattern("at least"), "flat leasts"));
  // "%" is no word character: no \b after it, so "5%," still matches.
  EXPECT_TRUE(Finds(FormPattern("5%"), "up 5%, then"));
  EXPECT_TRUE(Finds(FormPattern("y/y"), "(+3% y/y)"));
}

TEST(FormPatternTest, MetacharactersAreLiteral) {
  EXPECT_TRUE(Finds(FormPattern("U.S."), "the U.S. market"));
  EXPECT_FALSE(Finds(FormPattern("U.S."), "the UXSX market"));
  EXPECT_TRUE(Finds(FormPattern("(est.)"), "10 mt (est.)"));
}

// One capturing group around an alternation.
std::string Grouped(const std::string& alternation) {
  std::string out = "(";  // appended, not "(" + ...: GCC 12 warns (-Wrestrict) on that
  out += alternation;
  out += ')';
  return out;
}

TEST(FormPatternTest, AlternationPrefersTheLongerForm) {
  RE2 re(Grouped(Alternation({"year", "year-on-year", "on"}, true)));
  ASSERT_TRUE(re.ok()) << re.error();
  std::string m;
  ASSERT_TRUE(RE2::PartialMatch("up 4% Year-on-Year", re, &m));
  EXPECT_EQ(m, "Year-on-Year");
  RE2 cs(Grouped(Alternation({"Year"}, false)));
  EXPECT_FALSE(RE2::PartialMatch("year", cs));
}

TEST(FormPatternTest, NoFormsMatchNothingButCompile) {
  for (const auto& forms : {std::vector<std::string>{}, std::vector<std::string>{""}}) {
    RE2 re(Alternation(forms, true), RE2::Quiet);
    ASSERT_TRUE(re.ok()) << re.error();
    EXPECT_FALSE(RE2::PartialMatch("", re));
    EXPECT_FALSE(RE2::PartialMatch("anything at all \xe2\x80\x94 x", re));
  }
}

}  // namespace
}  // namespace newsgraph
