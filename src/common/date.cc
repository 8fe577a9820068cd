#include "dyad/date.h"

#include <cctype>

namespace dyad {

namespace {
bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> Make(int y, int m, int d) {
  Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}
}  // namespace

int Date::DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Date::valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t Date::ToDays() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t w = (ToDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Date::ToIso() const {
  if (!valid()) return "";
  // "%04d-%02d-%02d" by hand (valid() bounds every field): snprintf was most of the JSONL
  // writer's time per date.
  std::string out(10, '-');
  const auto put = [&](size_t at, int value, int digits) {
    for (int k = digits - 1; k >= 0; --k, value /= 10)
      out[at + static_cast<size_t>(k)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

std::optional<Date> Date::Parse(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) &&
      AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8, 2)) &&
      (s.size() == 10 || s[10] == 'T' || s[10] == ' ')) {
    return Make(ToInt(s.substr(0, 4)), ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2)));
  }
  if (s.size() == 8 && AllDigits(s)) {
    return Make(ToInt(s.substr(0, 4)), ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2)));
  }
  if (s.size() == 6 && AllDigits(s)) {
    int yy = ToInt(s.substr(0, 2));
    return Make(yy < 30 ? 2000 + yy : 1900 + yy, ToInt(s.substr(2, 2)), ToInt(s.substr(4, 2)));
  }
  return std::nullopt;
}

}  // namespace dyad
