// Date: a calendar date (proleptic Gregorian), the unit of event dating.
// A default-constructed Date is "unknown" (valid() == false). Value type,
// trivially copyable, thread-compatible.
#ifndef DYAD_DATE_H_
#define DYAD_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool valid() const;
  // Days since 1970-01-01 (negative before). Requires valid().
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  Date AddDays(int64_t days) const { return FromDays(ToDays() + days); }
  // 0 = Monday ... 6 = Sunday. Requires valid().
  int Weekday() const;
  static int DaysInMonth(int year, int month);

  // "2024-03-25". Unknown dates format as "".
  std::string ToIso() const;
  // Accepts YYYY-MM-DD, YYYYMMDD, YYMMDD (TABARI: 00-29 → 20xx, else 19xx) and an
  // ISO timestamp prefix ("2024-03-25T10:00:00Z"). Returns nullopt on anything else.
  static std::optional<Date> Parse(std::string_view text);

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace dyad

#endif  // DYAD_DATE_H_
