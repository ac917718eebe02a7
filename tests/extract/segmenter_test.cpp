#include "extract/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (auto [s, e] : SplitText(text)) out.push_back(text.substr(s, e - s));
  return out;
}

TEST(Segmenter, SplitsPlainSentences) {
  EXPECT_EQ(Sentences("Output rose. Prices fell."),
            (std::vector<std::string>{"Output rose.", "Prices fell."}));
}

TEST(Segmenter, KeepsAbbreviationsDecimalsAndInitials) {
  EXPECT_EQ(Sentences("The U.S. government imposed a 25% tariff. It took effect.").size(), 2u);
  EXPECT_EQ(Sentences("Capacity reached 110.32 million tpy in No. 3 plant. Then it fell.").size(), 2u);
  EXPECT_EQ(Sentences("Output was approx. 5 Mt. last year. Then it fell.").size(), 2u);
  EXPECT_EQ(Sentences("J. Smith of Hydro Co. Ltd. spoke. He left.").size(), 2u);
}

// One-sentence ASCII blocks skip ICU; the spans must be those ICU gives.
TEST(Segmenter, OneSentenceBlocksMatchIcu) {
  using Spans = std::vector<std::pair<size_t, size_t>>;
  EXPECT_EQ(SplitText("Net profit rose 42.75 dlrs a share."), (Spans{{0, 35}}));
  EXPECT_EQ(SplitText("He said \"Yes.\""), (Spans{{0, 14}}));
  EXPECT_EQ(SplitText("Prices fell (sharply)?!)"), (Spans{{0, 24}}));
  EXPECT_EQ(SplitText("Trailing space. "), (Spans{{0, 15}}));
  EXPECT_EQ(SplitText("No terminator at all"), (Spans{{0, 20}}));
  EXPECT_EQ(SplitText("   "), (Spans{}));
  // Not one sentence: these go to ICU.
  EXPECT_EQ(SplitText("It rose. Then it fell."), (Spans{{0, 8}, {9, 22}}));
  EXPECT_EQ(SplitText("It rose. (Then it fell.)"), (Spans{{0, 8}, {9, 24}}));
  EXPECT_EQ(SplitText("Output rose\nPrices fell"), (Spans{{0, 11}, {12, 23}}));
  EXPECT_EQ(SplitText("Caf\xC3\xA9 opened. It closed."), (Spans{{0, 13}, {14, 24}}));
}

TEST(Segmenter, NeverCrossesBlocks) {
  Document doc;
  doc.text = "Key targets by 2027:\nExceed 15 Mt\nOver 30% share";
  doc.blocks = {{BlockKind::kHeading, 0, 20}, {BlockKind::kListItem, 21, 33},
                {BlockKind::kListItem, 34, doc.text.size()}};
  auto s = SplitSentences(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(doc.text.substr(s[1].start, s[1].end - s[1].start), "Exceed 15 Mt");
  EXPECT_EQ(s[2].block, 2u);
}

}  // namespace
}  // namespace newsgraph
