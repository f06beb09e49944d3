/*
** Proleptic Gregorian calendar arithmetic for the date tagger: day numbers
** (days since 1970-01-01), leap years, month lengths, ISO weekdays and ISO
** weeks, Easter and the n-th weekday of a month (for holidays). Works for
** every year the tagger produces (0..9999) and beyond.
**
** How it works: days_from_civil counts in 400-year eras that start on
** March 1, so that the leap day is the last day of its year and month
** lengths follow a linear formula (H. Hinnant's well-known derivation).
*/
#include "nd_dates.h"

static long floor_div(long a, long b) { return (a >= 0 ? a : a - b + 1) / b; }

long nd_days_from_civil(int y, int m, int d) {
  long yy = (long)y - (m <= 2);
  long era = floor_div(yy, 400);
  long yoe = yy - era * 400;                              /* 0..399 */
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* 0..365 */
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;       /* 0..146096 */
  return era * 146097 + doe - 719468;
}

void nd_civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = floor_div(z, 146097);
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int nd_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int nd_days_in_month(int y, int m) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && nd_is_leap(y) ? 29 : len[m - 1];
}

/* 1970-01-01 was a Thursday (4). */
int nd_weekday(long z) {
  long r = (z + 3) % 7;
  if (r < 0) r += 7;
  return (int)r + 1;
}

long nd_iso_week_monday(int wy, int wn) {
  long jan4 = nd_days_from_civil(wy, 1, 4);
  long week1 = jan4 - (nd_weekday(jan4) - 1);
  return week1 + 7L * (wn - 1);
}

void nd_iso_week(long z, int *wy, int *wn) {
  /* The week belongs to the year of its Thursday. */
  long thursday = z + (4 - nd_weekday(z));
  int y, m, d;
  nd_civil_from_days(thursday, &y, &m, &d);
  *wy = y;
  *wn = (int)((thursday - nd_days_from_civil(y, 1, 1)) / 7) + 1;
}

/* The "anonymous" Gregorian computus (Meeus/Jones/Butcher). */
long nd_easter_day(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return nd_days_from_civil(y, month, day);
}

long nd_nth_weekday(int y, int m, int wd, int n) {
  if (n < 0) {
    long last = nd_days_from_civil(y, m, nd_days_in_month(y, m));
    return last - (nd_weekday(last) - wd + 7) % 7;
  }
  long first = nd_days_from_civil(y, m, 1);
  return first + (wd - nd_weekday(first) + 7) % 7 + 7L * (n - 1);
}
