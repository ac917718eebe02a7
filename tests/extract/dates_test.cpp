#include "extract/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

struct PubCase {
  std::string line;
  int fallback_year;
  std::string want;  // ISO date, or "" when the line must not parse
};

void PrintTo(const PubCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class PublicationLineTest : public ::testing::TestWithParam<PubCase> {};

TEST_P(PublicationLineTest, Parses) {
  const PubCase& c = GetParam();
  std::optional<Date> d = ParsePublicationLine(c.line, c.fallback_year);
  if (c.want.empty()) {
    EXPECT_FALSE(d.has_value()) << "'" << c.line << "' parsed as " << d->Iso();
  } else {
    ASSERT_TRUE(d.has_value()) << "'" << c.line << "' did not parse";
    EXPECT_EQ(d->Iso(), c.want) << c.line;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Lines, PublicationLineTest,
    ::testing::Values(
        PubCase{"Published: Mar 28, 2025 18:41", 0, "2025-03-28"},
        PubCase{"Post time: Mar-29-2025", 0, "2025-03-29"},
        PubCase{"Jan 5, 2026 13:39", 0, "2026-01-05"},
        PubCase{"iconJan 5, 2026 13:39", 0, "2026-01-05"},
        PubCase{"BEIJING, March 28 (Reuters) -", 2025, "2025-03-28"},
        PubCase{"Shanghai, Nov 3 (Metalwire) - Zinc prices slipped on Monday.", 2024, "2024-11-03"},
        PubCase{"2025-06-20T10:35:39", 0, "2025-06-20"},
        PubCase{"28 March 2025", 0, "2025-03-28"},
        PubCase{"Updated on 2024-02-29", 0, "2024-02-29"},
        PubCase{"2025-06-20T10:35:39+08:00", 0, "2025-06-20"},
        PubCase{"2025-06-20 to 2025-06-22", 0, ""},
        // A dateline without any year to use is not a date.
        PubCase{"BEIJING, March 28 (Reuters) -", 0, ""},
        // Body sentences that merely contain a date or a number.
        PubCase{"On March 28, 2025, the ministry released a plan with new targets.", 2025, ""},
        PubCase{"March 28, 2025 was the day the ministry released its plan.", 2025, ""},
        PubCase{"The smelter shipped 3000 tonnes of ingots last week.", 2025, ""},
        PubCase{"3000 tonnes", 2025, ""},
        PubCase{"Time is running out for older smelters, analysts said.", 2025, ""},
        PubCase{"Date palms and aluminium have little in common.", 2025, ""},
        PubCase{"", 2025, ""}));

struct DateCase {
  std::string text;
  std::string want;  // "" = no date
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ParseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, Parses) {
  const DateCase& c = GetParam();
  std::optional<Date> d = ParseDate(c.text);
  if (c.want.empty()) {
    EXPECT_FALSE(d.has_value()) << "'" << c.text << "' parsed as " << d->Iso();
  } else {
    ASSERT_TRUE(d.has_value()) << "'" << c.text << "' did not parse";
    EXPECT_EQ(d->Iso(), c.want) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Strings, ParseDateTest,
    ::testing::Values(DateCase{"2025-06-20T10:35:39", "2025-06-20"},
                      DateCase{"2025-06-20T02:35:39+00:00", "2025-06-20"},
                      DateCase{"Mar 28, 2025 18:41", "2025-03-28"},
                      DateCase{"March 28, 2025", "2025-03-28"},
                      DateCase{"28 March 2025", "2025-03-28"},
                      DateCase{"28th March, 2025", "2025-03-28"},
                      DateCase{"Mar-29-2025", "2025-03-29"},
                      DateCase{"2025/03/28", "2025-03-28"},
                      DateCase{"Jan. 5, 2026", "2026-01-05"},
                      DateCase{"Sept 9, 2024", "2024-09-09"},
                      DateCase{"2025年3月28日", "2025-03-28"},
                      DateCase{"in March 2025 output rose", "2025-03"},
                      DateCase{"On March 28, 2025, the ministry acted.", "2025-03-28"},
                      DateCase{"Feb 30, 2025", ""},
                      DateCase{"2025-13-01", ""},
                      DateCase{"3000 tonnes", ""},
                      DateCase{"capacity of 4500 tonnes in 12 months", ""},
                      DateCase{"", ""}));

TEST(Dates, LeftmostDateWins) {
  auto d = ParseDate("Released 2025-03-28, updated Apr 2, 2025");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->Iso(), "2025-03-28");
}

TEST(Dates, IsoOfPartialDates) {
  EXPECT_EQ((Date{2025, 0, 0}).Iso(), "2025");
  EXPECT_EQ((Date{2025, 3, 0}).Iso(), "2025-03");
  EXPECT_EQ((Date{2025, 3, 8}).Iso(), "2025-03-08");
}

TEST(Dates, CivilArithmetic) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil(2024, 2, 29)), (Date{2024, 2, 29}));
  EXPECT_EQ(DaysFromCivil(2025, 3, 1) - DaysFromCivil(2025, 2, 28), 1);
  EXPECT_EQ(Weekday(Date{2025, 3, 28}), 4);  // a Friday
  EXPECT_EQ(Weekday(Date{2026, 1, 5}), 0);   // a Monday
}

}  // namespace
}  // namespace newsgraph
