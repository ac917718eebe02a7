// Date parsing: the handful of forms news pages print, each one RE2 pattern
// compiled once. ParseDate takes the leftmost date in a string; the
// publication-line parser only accepts lines whose whole point is the date
// (a label, a lone date, or a dateline), so a date inside a body sentence is
// never mistaken for the publication date.
#include "extract/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "common/ascii.h"

namespace newsgraph {

namespace {

// Month alternation shared by the patterns; "Sept" before "Sep" so the longer
// spelling wins. Case-insensitive via (?i) in each pattern.
#define NG_MONTH                                                                      \
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
  "Sept(?:ember)?|Sep|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?"

int MonthFromName(std::string_view name) {
  static constexpr std::array<const char*, 12> kPrefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  char p[4] = {0};
  for (int i = 0; i < 3; ++i) p[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  for (size_t i = 0; i < kPrefixes.size(); ++i)
    if (std::string_view(p) == kPrefixes[i]) return static_cast<int>(i) + 1;
  return 0;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// Years outside this window are not publication dates of news articles
// (and keep "3000 tonnes" style numbers from parsing as years).
bool Plausible(const Date& d) {
  if (d.year < 1900 || d.year > 2100) return false;
  if (d.month < 1 || d.month > 12) return d.month == 0 && d.day == 0;
  if (d.day == 0) return true;
  return d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// Which capture holds what in a date pattern.
enum class Order { kYmd, kMdy, kDmy, kMy };

struct DatePattern {
  const RE2* re;
  Order order;
  bool numeric_month;
};

const std::vector<DatePattern>& Patterns() {
  // Word boundaries are spelled out as (?:^|[^0-9A-Za-z]) so "12025-03-28"
  // does not match and we can still report the match position.
  static const auto* patterns = new std::vector<DatePattern>{
      // 2025-06-20, 2025-06-20T10:35:39, 2025/03/28, 2025.03.28
      {new RE2("(?:^|[^0-9])((\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2}))(?:[^0-9]|$)"), Order::kYmd,
       true},
      // 2025年3月28日
      {new RE2("((\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)"), Order::kYmd, true},
      // Mar 28, 2025 / March 28 2025 / Mar-29-2025 / Jan. 5, 2026
      {new RE2("(?i)(?:^|[^A-Za-z])(" NG_MONTH "[\\s-]*(\\d{1,2})(?:st|nd|rd|th)?,?[\\s-]*(\\d{4}))"
               "(?:[^0-9]|$)"),
       Order::kMdy, false},
      // 28 March 2025 / 28-Mar-2025 / 28th March, 2025
      {new RE2("(?i)(?:^|[^0-9])((\\d{1,2})(?:st|nd|rd|th)?[\\s-]+" NG_MONTH ",?[\\s-]*(\\d{4}))"
               "(?:[^0-9]|$)"),
       Order::kDmy, false},
      // March 2025 (month precision only)
      {new RE2("(?i)(?:^|[^A-Za-z])(" NG_MONTH ",?\\s+(\\d{4}))(?:[^0-9]|$)"), Order::kMy, false},
  };
  return *patterns;
}

// Every date pattern holds a four-digit year (\\d is ASCII in RE2): a string
// without four digits in a row has no date, and most lines of text have none,
// so this check saves the five regex searches.
bool HasFourDigitRun(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// All date patterns as one alternation: one scan tells whether `s` holds any
// date at all, where most lines with four digits in a row ("in 1987") hold
// none, and then five searches would be wasted.
const RE2& AnyDatePattern() {
  static const RE2* any = [] {
    std::string all;
    for (const DatePattern& p : Patterns()) {
      if (!all.empty()) all += '|';
      all += "(?:" + p.re->pattern() + ")";
    }
    return new RE2(all);
  }();
  return *any;
}

// Leftmost date in `s`; `whole` receives the matched date text.
std::optional<Date> FindDate(std::string_view s, std::string_view* whole) {
  if (!HasFourDigitRun(s)) return std::nullopt;
  if (const RE2& any = AnyDatePattern();
      any.ok() && !RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), any))
    return std::nullopt;
  std::optional<Date> best;
  size_t best_pos = std::string_view::npos;
  for (const DatePattern& p : Patterns()) {
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece all, a, b, c;
    bool ok = p.order == Order::kMy ? RE2::PartialMatch(input, *p.re, &all, &a, &b)
                                    : RE2::PartialMatch(input, *p.re, &all, &a, &b, &c);
    if (!ok) continue;
    size_t pos = static_cast<size_t>(all.data() - s.data());
    if (pos >= best_pos) continue;  // an earlier pattern at the same place wins
    Date d;
    auto num = [](re2::StringPiece x) { return std::atoi(std::string(x).c_str()); };
    switch (p.order) {
      case Order::kYmd: d = {num(a), num(b), num(c)}; break;
      case Order::kMdy: d = {num(c), MonthFromName(a), num(b)}; break;
      case Order::kDmy: d = {num(c), MonthFromName(b), num(a)}; break;
      case Order::kMy: d = {num(b), MonthFromName(a), 0}; break;
    }
    if (!Plausible(d)) continue;
    best = d;
    best_pos = pos;
    if (whole) *whole = std::string_view(all.data(), all.size());
  }
  return best;
}

bool OnlyPunctuationOrTime(std::string_view rest) {
  // What may surround a lone date: a time ("13:39", "18:41:05", "10:35 AM",
  // ISO "T10:35:39Z" / "T10:35:39+08:00"),
  // a time zone, separators, or an "icon" left over from an icon font.
  static const RE2 kRest(
      "(?i)\\s*(?:icon)?\\s*[|,.·\\-]?\\s*"
      "(?:t?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:am|pm|z|[+-]\\d{2}:?\\d{2})?)?\\s*"
      "(?:\\(?(?:utc|gmt|cst|bjt|est|edt|pst|cet)(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?\\)?)?"
      "\\s*[|,.]?\\s*");
  return RE2::FullMatch(re2::StringPiece(rest.data(), rest.size()), kRest);
}

bool IsRe2Space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool StartsWithNoCase(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

// Whether kLabel (below) can match at the start of `s`: after white space and
// an optional "icon", every label begins with one of these words. A cheap
// test that spares most lines the regex. Under (?i) RE2 also lets 's' match
// the long s (U+017F), so text that is not ASCII there goes to the regex.
bool MayOpenWithLabel(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsRe2Space(s[i])) ++i;
  if (StartsWithNoCase(s.substr(i), "icon")) i += 4;
  while (i < s.size() && IsRe2Space(s[i])) ++i;
  std::string_view rest = s.substr(i);
  if (!ascii::IsAscii(rest.substr(0, 16))) return true;
  for (std::string_view label : {"publish", "post", "release", "date", "updated", "last", "time"})
    if (StartsWithNoCase(rest, label)) return true;
  return false;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether kDateline (below) can match `s`: a place name of 2-41 letters
// without a comma opens it, so the first comma comes early, and "(" follows.
// Under (?i) RE2 lets [A-Za-z] match the Kelvin sign and the long s, up to
// three bytes each: hence the bound in bytes.
bool MayBeDateline(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsRe2Space(s[i])) ++i;
  size_t comma = s.find(',', i);
  if (comma == std::string_view::npos || comma > i + 41 * 3 ||
      s.find('(', comma) == std::string_view::npos)
    return false;
  // An ASCII place name is checked exactly: [A-Z][A-Za-z.' ]{1,40}, either case.
  std::string_view place = s.substr(i, comma - i);
  if (!ascii::IsAscii(place)) return true;
  return place.size() >= 2 && place.size() <= 41 && IsAsciiLetter(place[0]) &&
         std::all_of(place.begin() + 1, place.end(), [](char c) {
           return IsAsciiLetter(c) || c == '.' || c == '\'' || c == ' ';
         });
}

}  // namespace

std::string Date::Iso() const {
  char buf[16];
  if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> ParseDate(std::string_view s) { return FindDate(s, nullptr); }

std::optional<Date> ParsePublicationLine(std::string_view line, int fallback_year) {
  // Icon fonts leave their ligature name glued to the date ("iconJan 5, 2026").
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.size() > 4 && (line.substr(0, 4) == "icon" || line.substr(0, 4) == "Icon"))
    line.remove_prefix(4);
  re2::StringPiece in(line.data(), line.size());
  // A long line can only be a paragraph opening with a dateline (step 3).
  const bool short_line = line.size() <= 200;
  // 1. A label, then a date: "Published: Mar 28, 2025 18:41", "Post time:
  //    Mar-29-2025", "Updated on 2025-03-28". The label must open the line;
  //    only the label is matched, the rest is searched for a date.
  static const RE2 kLabel(
      "(?i)\\s*(?:icon)?\\s*(?:published(?:\\s+(?:on|at|date))?|publish(?:ed)?\\s+(?:time|date)|"
      "post(?:ed)?(?:\\s+(?:time|on|date))?|release(?:d)?(?:\\s+(?:time|date|on))?|date|"
      "updated(?:\\s+on)?|last\\s+updated|time)\\s*[:：]?\\s*");
  re2::StringPiece rest = in;
  if (short_line && MayOpenWithLabel(line) && RE2::Consume(&rest, kLabel)) {
    std::string_view r(rest.data(), rest.size());
    std::string_view found;
    if (auto d = FindDate(r, &found); d && d->day != 0 &&
                                      found.data() - r.data() <= 2)
      return d;
  }
  // 2. A lone date (with an optional time): "Jan 5, 2026 13:39",
  //    "iconJan 5, 2026 13:39", "2025-03-28".
  if (line.size() <= 60) {
    std::string_view found;
    if (auto d = FindDate(line, &found); d && d->day != 0) {
      size_t a = static_cast<size_t>(found.data() - line.data());
      if (OnlyPunctuationOrTime(line.substr(0, a)) &&
          OnlyPunctuationOrTime(line.substr(a + found.size())))
        return d;
    }
  }
  // 3. A dateline: "BEIJING, March 28 (Reuters) -", "Shanghai, March 28 (SMM) –".
  static const RE2 kDateline("(?i)^\\s*[A-Z][A-Za-z.' ]{1,40},\\s*" NG_MONTH
                             "\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*\\([^()]{1,40}\\)\\s*"
                             "(?:-|–|—|:)");
  re2::StringPiece month, day, year;
  if (MayBeDateline(line) && RE2::PartialMatch(in, kDateline, &month, &day, &year)) {
    int y = year.empty() ? fallback_year : std::atoi(std::string(year).c_str());
    Date d{y, MonthFromName(std::string_view(month.data(), month.size())),
           std::atoi(std::string(day).c_str())};
    if (Plausible(d)) return d;
  }
  return std::nullopt;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Date CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int Weekday(const Date& d) {
  int days = DaysFromCivil(d.year, d.month, d.day);  // 1970-01-01 was a Thursday
  return ((days % 7) + 7 + 3) % 7;
}

}  // namespace newsgraph
