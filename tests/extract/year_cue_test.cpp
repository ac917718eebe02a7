// LatestCuedYear must return the maximum year of an RE2::FindAndConsume
// loop over the pattern it replaces, checked against RE2 on edge cases and
// generated text.
#include "extract/year_cue.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

const std::vector<std::string> kCues = {"in", "end of", "during"};

int Re2Latest(std::string_view t) {
  static const RE2 re("(?i)\\b(?:in|end of|during)\\s+((?:19|20)\\d\\d)\\b");
  re2::StringPiece in(t.data(), t.size()), y;
  int best = 0;
  while (RE2::FindAndConsume(&in, re, &y)) best = std::max(best, std::atoi(std::string(y.data(), y.size()).c_str()));
  return best;
}

TEST(LatestCuedYear, AgreesWithRe2OnEdgeCases) {
  for (std::string_view t : {"", "in 2019", "In\t\n 1999.", "within 2019", "in2019", "in 20191", "in 2019x",
                             "in 2019_", "in 2019-20", "in 2100", "in 1899", "end of 2022", "End  of 2022",
                             "end of  2022", "during 2021, in 2020", "in in 2018", "in 2017 2023", "x.in 2016",
                             "_in 2015", "9in 2014", "\xC3\xA9in 2013", "in\v2012", "in 2011\xC3\xA9", "during"})
    EXPECT_EQ(LatestCuedYear(t, kCues), Re2Latest(t)) << "text '" << t << "'";
}

TEST(LatestCuedYear, AgreesWithRe2OnGeneratedText) {
  const std::vector<std::string> pieces = {"in", "IN", "end", "of", "during", "2019", "1987", "2100", "1899",
                                           "20", "19", "5", "x", "within", "_", ".", "\xC3\xA9", "2023x"};
  const std::vector<std::string> seps = {"", " ", "  ", "\t", "\n", "\v", "\f", ",", "-"};
  std::mt19937 rng(23);
  int nonzero = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string t;
    int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()] + seps[rng() % seps.size()];
    int want = Re2Latest(t);
    if (want) ++nonzero;
    EXPECT_EQ(LatestCuedYear(t, kCues), want) << "text '" << t << "'";
  }
  EXPECT_GT(nonzero, 500);
}

}  // namespace
}  // namespace newsgraph
