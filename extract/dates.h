// Dates: parsing the forms articles use, and finding a publication date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

struct Date {
  int year = 0;
  int month = 0;  // 1-12, 0 when unknown
  int day = 0;    // 1-31, 0 when unknown
  std::string Iso() const;  // "YYYY-MM-DD" ("YYYY-MM" / "YYYY" when partial)
  bool operator==(const Date&) const = default;
};

// One date in `s`, anywhere: ISO "2025-06-20T10:35:39", "Mar 28, 2025 18:41",
// "March 28, 2025", "28 March 2025", "Mar-29-2025", "2025/03/28",
// "Jan 5, 2026 13:39". Returns nullopt when there is none.
std::optional<Date> ParseDate(std::string_view s);

// A publication date stated in a line of article text: "Published: Mar 28,
// 2025 18:41", "Post time: Mar-29-2025", a lone "Jan 5, 2026 13:39" line,
// or a dateline "BEIJING, March 28 (Reuters) -" (year from `fallback_year`).
std::optional<Date> ParsePublicationLine(std::string_view line, int fallback_year);

// Days between two full dates (b - a), and weekday (0 = Monday).
int DaysFromCivil(int y, int m, int d);
Date CivilFromDays(int days);
int Weekday(const Date& d);

}  // namespace newsgraph
