/*
** TIMEX3 values and calendar bounds of the date tagger.
**
** An nd_point is a value at some granularity (century .. second) with
** unknown fields written as X: "2023-03", "XXXX-03-17", "2023-W12-WE",
** "2023-SP", "2023-03-20TMO", "2023-03-20T13:00". Its bounds are the first
** and last instant it covers, as ISO-8601 dates for day granularity and
** coarser, date-times for parts of the day and clock times:
**
**   centuries/decades  19 = 1900-01-01..1999-12-31, 199 = 1990..1999
**   halves, quarters   H1 = Jan 1..Jun 30, Q3 = Jul 1..Sep 30
**   seasons            northern meteorological: SP Mar 1..May 31, SU Jun 1..Aug 31,
**                      FA Sep 1..Nov 30, WI Dec 1..the last day of February after
**   weeks              ISO 8601: Monday..Sunday; WE = Saturday..Sunday
**   parts of the day   MO 05:00..11:59:59, AF 12:00..17:59:59,
**                      EV 18:00..21:59:59, NI 21:00..05:59:59 the next day
**   clock times        the minute (or second) written, with its zone offset
**
** The mods START, MID and END narrow the bounds to the first, middle or
** last third of the interval ("early May" = May 1..May 10).
*/
#include <stdio.h>
#include <string.h>

#include "nd_dates.h"

static const char *const season_code[4] = {"SP", "SU", "FA", "WI"};
static const char *const part_code[4] = {"MO", "AF", "EV", "NI"};

nd_point nd_point_make(nd_gran g, int y, int sub, int d) {
  nd_point p = {g, y, sub, d, -1, -1, -1, -1, ND_NO_ZONE};
  return p;
}

nd_point nd_point_from_day(long z) {
  int y, m, d;
  nd_civil_from_days(z, &y, &m, &d);
  return nd_point_make(ND_G_DAY, y, m, d);
}

long nd_point_day(const nd_point *p, int *ok) {
  *ok = p->gran >= ND_G_DAY && p->y >= 0 && p->sub >= 1 && p->d >= 1;
  return *ok ? nd_days_from_civil(p->y, p->sub, p->d) : 0;
}

static void put_year(char *o, size_t cap, int y) {
  if (ND_IS_BC(y)) snprintf(o, cap, "BC%04d", ND_BC_BASE - y);
  else if (y >= 0 && y <= 9999) snprintf(o, cap, "%04d", y);
  else snprintf(o, cap, "XXXX");
}

void nd_point_value(const nd_point *p, char *out, size_t cap) {
  char y[8];
  put_year(y, sizeof y, p->y);
  switch (p->gran) {
    case ND_G_CENTURY:
      /* the 4th century BC (400..301 BC) is BC03 */
      if (ND_IS_BC(p->y)) snprintf(out, cap, "BC%02d", (ND_BC_BASE - p->y - 1) / 100);
      else if (p->y >= 0) snprintf(out, cap, "%02d", p->y / 100);
      else snprintf(out, cap, "XX");
      return;
    case ND_G_DECADE:
      if (ND_IS_BC(p->y)) snprintf(out, cap, "BC%03d", (ND_BC_BASE - p->y - 1) / 10);
      else if (p->y >= 0) snprintf(out, cap, "%03d", p->y / 10);
      else snprintf(out, cap, "XXX");
      return;
    case ND_G_YEAR: snprintf(out, cap, "%s", y); return;
    case ND_G_HALF:
      if (p->sub > 0) snprintf(out, cap, "%s-H%d", y, p->sub);
      else snprintf(out, cap, "%s-HX", y);
      return;
    case ND_G_QUARTER:
      if (p->sub > 0) snprintf(out, cap, "%s-Q%d", y, p->sub);
      else snprintf(out, cap, "%s-QX", y);
      return;
    case ND_G_SEASON: snprintf(out, cap, "%s-%s", y, season_code[p->sub & 3]); return;
    case ND_G_MONTH:
      if (p->sub > 0) snprintf(out, cap, "%s-%02d", y, p->sub);
      else snprintf(out, cap, "%s-XX", y);
      return;
    case ND_G_WEEK:
    case ND_G_WEEKEND: {
      const char *we = p->gran == ND_G_WEEKEND ? "-WE" : "";
      if (p->sub > 0) snprintf(out, cap, "%s-W%02d%s", y, p->sub, we);
      else snprintf(out, cap, "%s-WXX%s", y, we);
      return;
    }
    default: break;
  }
  /* Day and finer. */
  char day[40];
  if (p->sub > 0 && p->d > 0) snprintf(day, sizeof day, "%s-%02d-%02d", y, p->sub, p->d);
  else if (p->sub > 0) snprintf(day, sizeof day, "%s-%02d-XX", y, p->sub);
  else if (p->d > 0) snprintf(day, sizeof day, "%s-WXX-%d", y, p->d);
  else snprintf(day, sizeof day, "%s-XX-XX", y);
  if (p->gran == ND_G_DAY) snprintf(out, cap, "%s", day);
  else if (p->gran == ND_G_PART) snprintf(out, cap, "%sT%s", day, part_code[p->part & 3]);
  else if (p->gran == ND_G_MINUTE) snprintf(out, cap, "%sT%02d:%02d", day, p->hh, p->mi);
  else snprintf(out, cap, "%sT%02d:%02d:%02d", day, p->hh, p->mi, p->ss);
}

static void put_day(char *o, long z) {
  int y, m, d;
  nd_civil_from_days(z, &y, &m, &d);
  snprintf(o, 32, "%04d-%02d-%02d", y, m, d);
}

static void put_instant(char *o, long z, int hh, int mi, int ss, int zone) {
  int y, m, d;
  nd_civil_from_days(z, &y, &m, &d);
  int n = snprintf(o, 32, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mi, ss);
  if (zone == 0) snprintf(o + n, 32 - (size_t)n, "Z");
  else if (zone != ND_NO_ZONE)
    snprintf(o + n, 32 - (size_t)n, "%c%02d:%02d", zone < 0 ? '-' : '+', (zone < 0 ? -zone : zone) / 60,
             (zone < 0 ? -zone : zone) % 60);
}

/* Day span [*a, *b] of a point of day granularity or coarser. */
static int day_span(const nd_point *p, long *a, long *b) {
  int y = p->y;
  if (!ND_YEAR_OK(y)) return 0;
  switch (p->gran) {
    case ND_G_CENTURY: *a = nd_days_from_civil(y, 1, 1); *b = nd_days_from_civil(y + 99, 12, 31); return 1;
    case ND_G_DECADE: *a = nd_days_from_civil(y, 1, 1); *b = nd_days_from_civil(y + 9, 12, 31); return 1;
    case ND_G_YEAR: *a = nd_days_from_civil(y, 1, 1); *b = nd_days_from_civil(y, 12, 31); return 1;
    case ND_G_HALF:
      if (p->sub < 1 || p->sub > 2) return 0;
      *a = nd_days_from_civil(y, p->sub == 1 ? 1 : 7, 1);
      *b = p->sub == 1 ? nd_days_from_civil(y, 6, 30) : nd_days_from_civil(y, 12, 31);
      return 1;
    case ND_G_QUARTER:
      if (p->sub < 1 || p->sub > 4) return 0;
      *a = nd_days_from_civil(y, 3 * p->sub - 2, 1);
      *b = nd_days_from_civil(y, 3 * p->sub, nd_days_in_month(y, 3 * p->sub));
      return 1;
    case ND_G_SEASON: {
      int m0 = 3 + 3 * (p->sub & 3);
      *a = nd_days_from_civil(y, m0, 1);
      *b = m0 == 12 ? nd_days_from_civil(y + 1, 3, 1) - 1 : nd_days_from_civil(y, m0 + 2, nd_days_in_month(y, m0 + 2));
      return 1;
    }
    case ND_G_MONTH:
      if (p->sub < 1 || p->sub > 12) return 0;
      *a = nd_days_from_civil(y, p->sub, 1);
      *b = nd_days_from_civil(y, p->sub, nd_days_in_month(y, p->sub));
      return 1;
    case ND_G_WEEK:
    case ND_G_WEEKEND:
      if (p->sub < 1 || p->sub > 53) return 0;
      *a = nd_iso_week_monday(y, p->sub);
      *b = *a + 6;
      if (p->gran == ND_G_WEEKEND) *a += 5;
      return 1;
    default: {
      int ok;
      *a = *b = nd_point_day(p, &ok);
      return ok;
    }
  }
}

int nd_point_days(const nd_point *p, long *first, long *last) {
  return p->gran <= ND_G_DAY && day_span(p, first, last);
}

/* Bounds are written for years 0..9999 of our era only (not the BC band). */
static int in_range(long a, long b) {
  return a >= nd_days_from_civil(0, 1, 1) && b <= nd_days_from_civil(9999, 12, 31);
}

int nd_point_bounds(const nd_point *p, const char *mod, char *earliest, char *latest) {
  earliest[0] = latest[0] = 0;
  long a, b;
  if (!day_span(p, &a, &b) || !in_range(a, p->gran == ND_G_PART && p->part == 3 ? b + 1 : b)) return 0;
  if (p->gran <= ND_G_DAY) {
    if (mod && b > a) {
      long third = (b - a + 1) / 3;
      if (!strcmp(mod, "START")) b = a + third - 1;
      else if (!strcmp(mod, "END")) a = b - third + 1;
      else if (!strcmp(mod, "MID")) a = a + third, b = b - third;
    }
    put_day(earliest, a);
    put_day(latest, b);
    return 1;
  }
  if (p->gran == ND_G_PART) {
    static const int from[4] = {5, 12, 18, 21}, to[4] = {11, 17, 21, 5};
    int k = p->part & 3;
    put_instant(earliest, a, from[k], 0, 0, ND_NO_ZONE);
    put_instant(latest, k == 3 ? a + 1 : a, to[k], 59, 59, ND_NO_ZONE);
    return 1;
  }
  int ss0 = p->gran == ND_G_SECOND ? p->ss : 0, ss1 = p->gran == ND_G_SECOND ? p->ss : 59;
  put_instant(earliest, a, p->hh, p->mi, ss0, p->zone);
  put_instant(latest, a, p->hh, p->mi, ss1, p->zone);
  return 1;
}

void nd_range_value(const nd_point *a, const nd_point *b, nd_timex *t) {
  char e1[32], l1[32], e2[32], l2[32];
  int ka = nd_point_bounds(a, NULL, e1, l1), kb = nd_point_bounds(b, NULL, e2, l2);
  nd_point common = *a;
  if (a->y >= 0 && b->y >= 0 && a->y != b->y) {
    common.gran = a->y / 10 == b->y / 10 ? ND_G_DECADE : a->y / 100 == b->y / 100 ? ND_G_CENTURY : ND_G_YEAR;
    if (common.gran == ND_G_DECADE) common.y = a->y / 10 * 10;
    if (common.gran == ND_G_CENTURY) common.y = a->y / 100 * 100;
  } else if (a->gran >= ND_G_DAY && b->gran >= ND_G_DAY) {
    common.gran = a->sub == b->sub ? ND_G_MONTH : ND_G_YEAR;
  } else if (a->gran > ND_G_YEAR && (a->gran != b->gran || a->sub != b->sub)) {
    common.gran = ND_G_YEAR;
  }
  nd_point_value(&common, t->value, sizeof t->value);
  if (ka && kb && strcmp(e1, l2) <= 0) {
    memcpy(t->earliest, e1, sizeof e1);
    memcpy(t->latest, l2, sizeof l2);
  } else {
    t->earliest[0] = t->latest[0] = 0;
  }
}
