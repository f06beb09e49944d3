/*
** Parsing of the anchor of news_dates: an ISO-8601 date or date-time, as
** the `published` column of news_articles gives it.
**
**   2023-03-17   20230317   2023-03-17T10:00   2023-03-17 10:00:05.123Z
**   2023-03-17T10:00:00+01:00   2023-03-17T10:00-0500
**
** The calendar date is the one written: an article published at 23:30
** local time says "today" of that local date, whatever the offset.
*/
#include <string.h>

#include "nd_dates.h"

/* Read exactly k digits at s[*i]; -1 when they are not there. */
static int digits(const char *s, size_t n, size_t *i, int k) {
  int v = 0;
  for (int j = 0; j < k; j++) {
    if (*i >= n || s[*i] < '0' || s[*i] > '9') return -1;
    v = v * 10 + (s[(*i)++] - '0');
  }
  return v;
}

static int parse_zone(const char *s, size_t n, size_t i) {
  if (i == n) return 0;
  if (s[i] == 'Z' || s[i] == 'z') return i + 1 == n ? 0 : -1;
  if (s[i] != '+' && s[i] != '-') return -1;
  i++;
  int hh = digits(s, n, &i, 2);
  if (hh < 0 || hh > 14) return -1;
  if (i == n) return 0;
  if (s[i] == ':') i++;
  int mm = digits(s, n, &i, 2);
  return mm < 0 || mm > 59 || i != n ? -1 : 0;
}

int nd_anchor_parse(const char *s, size_t n, nd_anchor *a) {
  memset(a, 0, sizeof(*a));
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
  size_t i = 0;
  int y = digits(s, n, &i, 4);
  if (y < 0) return -1;
  int dashed = i < n && s[i] == '-';
  if (dashed) i++;
  int m = digits(s, n, &i, 2);
  if (m < 0) return -1;
  if (dashed && (i >= n || s[i++] != '-')) return -1;
  int d = digits(s, n, &i, 2);
  if (d < 0 || m < 1 || m > 12 || d < 1 || d > nd_days_in_month(y, m)) return -1;
  a->y = y, a->m = m, a->d = d;
  if (i < n) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return -1;
    i++;
    int hh = digits(s, n, &i, 2);
    if (hh < 0 || hh > 24 || i >= n || s[i++] != ':') return -1;
    int mi = digits(s, n, &i, 2);
    if (mi < 0 || mi > 59) return -1;
    int ss = 0;
    if (i < n && s[i] == ':') {
      i++;
      ss = digits(s, n, &i, 2);
      if (ss < 0 || ss > 60) return -1;
      if (i < n && (s[i] == '.' || s[i] == ',')) {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return -1;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
      }
    }
    if (hh == 24 && (mi || ss)) return -1;
    if (parse_zone(s, n, i)) return -1;
    a->has_time = 1, a->hh = hh, a->mi = mi, a->ss = ss;
  }
  a->set = 1;
  return 0;
}
