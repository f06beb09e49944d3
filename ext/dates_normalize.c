/*
** The normalizer of the date tagger: a span found by a rule, and the rule's
** kind, become a TIMEX3 type, value and mod, plus calendar bounds.
**
**   "March 17, 2023"   DATE 2023-03-17        "two weeks ago"   DATE 2023-W09
**   "last Friday"      DATE 2023-03-10        "four years"      DURATION P4Y
**   "every Monday"     SET  XXXX-WXX-1        "now"             DATE PRESENT_REF
**
** How it works: the span is split into words (dates_lexicon.c); each kind
** has a handler that reads the words it needs (month, day, quantity, unit,
** relative word, modifier) and computes the value with the calendar
** arithmetic of dates_calendar.c against the anchor. Without an anchor
** relative expressions keep X for what the anchor would have told
** ("XXXX-WXX", "XXXX-03-17") and have no bounds.
**
** Year of a date written without one ("March 17", "in May"): of the
** anchor's year and its neighbours, the nearest to the anchor, with the
** tense of the sentence as tie-breaker (see choose_year).
**
** Narrative mode (ref->narrative, decided by dates_rules.c from the whole
** text): while the date told about is far from the anchor, it stands in for
** the anchor for every kind but "today", "now", "ago" and full dates.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_dates.h"

typedef struct ctx {
  const char *s;
  size_t n;
  nd_word w[ND_MAX_WORDS];
  int nw;
  const nd_anchor *a; /* NULL when unanchored */
  long A;             /* anchor day number */
  long R0, R1;        /* the days a year-less date is placed nearest to: the
                         anchor's day, or in narrative mode the reference's */
  nd_tense tense;
  nd_date_ref *ref;   /* the last date written in full before this span */
  int telling;        /* narrative mode, and ref stands in for the anchor */
  nd_point out;       /* what was emitted, when out_set */
  int out_set;
  nd_timex *t;
  nd_timex *t2;       /* the second end of a range written as one */
} ctx;

/* ---- Word helpers ------------------------------------------------------ */

static int has_word(const ctx *c, const char *w) {
  for (int i = 0; i < c->nw; i++)
    if (!strcmp(c->w[i].low, w)) return 1;
  return 0;
}

static int find_cls(const ctx *c, nd_word_class cls) {
  for (int i = 0; i < c->nw; i++)
    if (c->w[i].cls == cls) return i;
  return -1;
}

static int is_suffix(const nd_word *w) {
  return !strcmp(w->low, "st") || !strcmp(w->low, "nd") || !strcmp(w->low, "rd") ||
         !strcmp(w->low, "th") || !strcmp(w->low, "s");
}

/* early/mid/late, start/end of: the part of an interval meant. */
static const char *edge_mod(const ctx *c) {
  for (int i = 0; i < c->nw; i++) {
    const char *w = c->w[i].low;
    if (!strcmp(w, "early") || !strcmp(w, "start") || !strcmp(w, "beginning")) return "START";
    if (!strcmp(w, "late") || !strcmp(w, "end")) return "END";
    if (!strcmp(w, "mid") || !strcmp(w, "middle")) return "MID";
  }
  return NULL;
}

/* about, more than, at least...: how a quantity is hedged. */
static const char *qty_mod(const ctx *c) {
  for (int i = 0; i < c->nw; i++) {
    const char *w = c->w[i].low;
    const char *next = i + 1 < c->nw ? c->w[i + 1].low : "";
    if (!strcmp(w, "about") || !strcmp(w, "around") || !strcmp(w, "approximately") ||
        !strcmp(w, "roughly") || (!strcmp(w, "some") && i + 1 < c->nw && c->w[i + 1].cls != ND_W_UNIT))
      return "APPROX";
    if (!strcmp(w, "more") && !strcmp(next, "than")) return i > 0 && !strcmp(c->w[i - 1].low, "no") ? "EQUAL_OR_LESS" : "MORE_THAN";
    if (!strcmp(w, "over")) return "MORE_THAN";
    if ((!strcmp(w, "less") || !strcmp(w, "fewer")) && !strcmp(next, "than")) return "LESS_THAN";
    if (!strcmp(w, "under") || !strcmp(w, "nearly") || !strcmp(w, "almost")) return "LESS_THAN";
    if (!strcmp(w, "at") && !strcmp(next, "least")) return "EQUAL_OR_MORE";
    if ((!strcmp(w, "at") && !strcmp(next, "most")) || (!strcmp(w, "up") && !strcmp(next, "to")))
      return "EQUAL_OR_LESS";
  }
  return NULL;
}

/* The quantity written before the unit: 1 for "a", 2.5 for "two and a
** half", -1 for "several"/"a few", 0 when there is none. */
static double quantity(const ctx *c, int upto) {
  double q = 0, group = 0;
  int seen = 0, unknown = 0;
  for (int i = 0; i < upto; i++) {
    const nd_word *w = &c->w[i];
    /* "two to three weeks", "12 to 18 months": the first number */
    if (seen && (!strcmp(w->low, "to") || !strcmp(w->low, "or"))) break;
    if (seen && w->cls == ND_W_NUMBER && i > 0 && c->s[w->off - 1] == '-' &&
        c->w[i - 1].cls == ND_W_NUMBER)
      break;
    if (w->cls == ND_W_NUMBER && i + 1 < upto && c->w[i + 1].cls == ND_W_NUMBER &&
        w->off + w->len < c->n && c->s[w->off + w->len] == '/' && c->w[i + 1].num > 0) {
      /* "2 1/2 years": a fraction after the whole number */
      group += (double)w->num / (double)c->w[i + 1].num;
      seen = 1;
      i++;
      continue;
    }
    if (w->cls == ND_W_NUMBER) {
      double v = (double)w->num;
      /* 1,000 and 2.5 come as two numbers. */
      if (i + 1 < upto && c->w[i + 1].cls == ND_W_NUMBER && w->off + w->len < c->n) {
        char sep = c->s[w->off + w->len];
        if (sep == ',' && c->w[i + 1].ndigits == 3) {
          v = v * 1000 + (double)c->w[i + 1].num;
          i++;
        } else if (sep == '.') {
          double f = (double)c->w[i + 1].num;
          for (int k = 0; k < c->w[i + 1].ndigits; k++) f /= 10;
          v += f;
          i++;
        }
      }
      group += v;
      seen = 1;
    } else if (w->cls == ND_W_NUMWORD && (!strcmp(w->low, "a") || !strcmp(w->low, "an"))) {
      const nd_word *next = i + 1 < upto ? &c->w[i + 1] : NULL;
      if (next && !strcmp(next->low, "half")) group += 0.5, i++, seen = 1;
      else if (next && (next->cls == ND_W_FEW || next->cls == ND_W_NUMWORD)) continue;
      else if (!seen) group += 1, seen = 1;
    } else if (w->cls == ND_W_NUMWORD) {
      if (w->val == 100 || w->val == 1000) {
        q += (group ? group : 1) * w->val;
        group = 0;
      } else if (w->val == 1 && !strcmp(w->low, "a") && i + 2 < upto && !strcmp(c->w[i + 1].low, "half")) {
        group += 0.5;
        i++;
      } else {
        group += w->val;
      }
      seen = 1;
    } else if (w->cls == ND_W_FEW) {
      unknown = 1;
    } else if (!strcmp(w->low, "a") || !strcmp(w->low, "an")) {
      const nd_word *next = i + 1 < upto ? &c->w[i + 1] : NULL;
      if (next && !strcmp(next->low, "half")) group += 0.5, i++, seen = 1;
      else if (next && (next->cls == ND_W_FEW || next->cls == ND_W_NUMWORD)) continue;
      else if (!seen) group += 1, seen = 1;
    }
  }
  if (unknown && !seen) return -1;
  return q + group;
}

static int find_unit(const ctx *c) { return find_cls(c, ND_W_UNIT); }

static int rel_of(const ctx *c, int *found) {
  for (int i = 0; i < c->nw; i++)
    if (c->w[i].cls == ND_W_REL) {
      *found = 1;
      return c->w[i].val;
    }
  *found = 0;
  return 0;
}

/* ---- Output helpers ---------------------------------------------------- */

static int emit_point(ctx *c, const char *type, nd_point p, const char *mod) {
  c->t->type = type;
  c->t->mod = mod;
  nd_point_value(&p, c->t->value, sizeof c->t->value);
  c->out = p;
  c->out_set = !strcmp(type, "DATE") && !strchr(c->t->value, 'X');
  nd_point_bounds(&p, mod, c->t->earliest, c->t->latest);
  return 1;
}

/* A range written as one ("1915-17", "6-7 January 1916", "March 3 to 5,
** 1918"): two expressions, as TimeML tags them; the second starts at word
** second, the first ends at the last word before it that is no connector. */
static int emit_range(ctx *c, nd_point p, nd_point q, int second) {
  int last = second - 1;
  while (last >= 0 && (!strcmp(c->w[last].low, "to") || !strcmp(c->w[last].low, "through") ||
                       !strcmp(c->w[last].low, "and")))
    last--;
  if (last < 0) return 0;
  nd_timex *first = c->t;
  c->t = c->t2;
  emit_point(c, "DATE", q, NULL);
  c->t2->start = c->w[second].off;
  c->t2->len = c->n - c->w[second].off;
  c->t = first;
  emit_point(c, "DATE", p, NULL);
  first->start = 0;
  first->len = c->w[last].off + c->w[last].len;
  return 2;
}

static int emit_text(ctx *c, const char *type, const char *value, const char *mod) {
  c->t->type = type;
  c->t->mod = mod;
  snprintf(c->t->value, sizeof c->t->value, "%s", value);
  c->t->earliest[0] = c->t->latest[0] = 0;
  return 1;
}

static int emit_ref(ctx *c, const char *ref) {
  emit_text(c, "DATE", ref, NULL);
  if (!c->a) return 1;
  nd_point day = nd_point_from_day(c->A);
  char e[32], l[32];
  nd_point_bounds(&day, NULL, e, l);
  if (strcmp(ref, "FUTURE_REF")) memcpy(c->t->latest, l, sizeof l);
  if (strcmp(ref, "PAST_REF")) memcpy(c->t->earliest, e, sizeof e);
  return 1;
}

static void fmt_num(char *o, size_t cap, double q) {
  char b[32];
  if (q < 0) snprintf(b, sizeof b, "X");
  else if (q == (double)(long)q) snprintf(b, sizeof b, "%ld", (long)q);
  else snprintf(b, sizeof b, "%g", q);
  size_t k = strlen(b); /* cut to cap like snprintf, without its warning */
  if (k >= cap) k = cap - 1;
  memcpy(o, b, k);
  o[k] = 0;
}

static int emit_duration(ctx *c, double q, nd_unit u, const char *mod) {
  static const char *const letter[] = {"", "S", "M", "H", "D", "W", "D", "W", "M", "M", "Y", "Y", "Y", "Y"};
  static const int factor[] = {1, 1, 1, 1, 1, 1, 2, 2, 1, 3, 1, 10, 100, 1000};
  /* A fraction goes to the next smaller unit: 1.5 years = P1Y6M, 1.5 minutes = PT1M30S. */
  static const nd_unit smaller[] = {ND_U_NONE, ND_U_NONE, ND_U_SECOND, ND_U_MINUTE, ND_U_HOUR,
                                    ND_U_DAY, ND_U_HOUR, ND_U_DAY, ND_U_DAY, ND_U_MONTH,
                                    ND_U_MONTH, ND_U_YEAR, ND_U_YEAR, ND_U_YEAR};
  static const int per[] = {1, 1, 60, 60, 24, 7, 48, 14, 30, 3, 12, 10, 100, 1000};
  char num[32], v[48];
  int timeunit = u == ND_U_SECOND || u == ND_U_MINUTE || u == ND_U_HOUR;
  if (q < 0) {
    snprintf(v, sizeof v, "P%sX%s", timeunit ? "T" : "", letter[u]);
    return emit_text(c, "DURATION", v, mod);
  }
  double whole = (double)(long)q, frac = q - whole;
  if (frac > 0 && (u == ND_U_WEEK || u == ND_U_FORTNIGHT)) {
    /* ISO 8601 weeks mix with nothing: 2.5 weeks = P17.5D */
    fmt_num(num, sizeof num, q * 7 * factor[u]);
    snprintf(v, sizeof v, "P%sD", num);
    return emit_text(c, "DURATION", v, mod);
  }
  nd_unit s2 = smaller[u];
  double scaled = q * factor[u];
  if (whole == 0 && frac > 0 && scaled != (double)(long)scaled && s2 != ND_U_NONE) {
    /* half a year = P6M, a quarter hour = PT15M */
    fmt_num(num, sizeof num, frac * per[u] * factor[s2]);
    int t2 = s2 == ND_U_SECOND || s2 == ND_U_MINUTE || s2 == ND_U_HOUR;
    snprintf(v, sizeof v, "P%s%s%s", t2 ? "T" : "", num, letter[s2]);
    return emit_text(c, "DURATION", v, mod);
  }
  if (frac > 0 && s2 != ND_U_NONE && whole > 0) {
    char num2[12];
    fmt_num(num, 12, whole * factor[u]);
    fmt_num(num2, sizeof num2, frac * per[u] * factor[s2]);
    int t2 = s2 == ND_U_SECOND || s2 == ND_U_MINUTE || s2 == ND_U_HOUR;
    snprintf(v, sizeof v, "P%s%s%s%s%s%s", timeunit ? "T" : "", num, letter[u],
             t2 && !timeunit ? "T" : "", num2, letter[s2]);
    return emit_text(c, "DURATION", v, mod);
  }
  fmt_num(num, sizeof num, q * factor[u]);
  snprintf(v, sizeof v, "P%s%s%s", timeunit ? "T" : "", num, letter[u]);
  return emit_text(c, "DURATION", v, mod);
}

/* ---- Calendar helpers -------------------------------------------------- */

static nd_point shift_point(const ctx *c, nd_gran g, long k) {
  const nd_anchor *a = c->a;
  switch (g) {
    case ND_G_CENTURY: return nd_point_make(g, (int)(a->y / 100 * 100 + 100 * k), -1, -1);
    case ND_G_DECADE: return nd_point_make(g, (int)(a->y / 10 * 10 + 10 * k), -1, -1);
    case ND_G_YEAR: return nd_point_make(g, (int)(a->y + k), -1, -1);
    case ND_G_HALF: {
      long h = a->y * 2L + (a->m > 6) + k;
      return nd_point_make(g, (int)(h / 2), (int)(h % 2) + 1, -1);
    }
    case ND_G_QUARTER: {
      long q = a->y * 4L + (a->m - 1) / 3 + k;
      return nd_point_make(g, (int)(q / 4), (int)(q % 4) + 1, -1);
    }
    case ND_G_MONTH: {
      long m = a->y * 12L + (a->m - 1) + k;
      return nd_point_make(g, (int)(m / 12), (int)(m % 12) + 1, -1);
    }
    case ND_G_WEEK:
    case ND_G_WEEKEND: {
      int wy, wn;
      nd_iso_week(c->A + 7 * k, &wy, &wn);
      return nd_point_make(g, wy, wn, -1);
    }
    default: return nd_point_from_day(c->A + k);
  }
}

static nd_point unknown_point(nd_gran g) { return nd_point_make(g, -1, -1, -1); }

/* The point of granularity g (day or coarser) that holds day z. */
static nd_point point_at(long z, nd_gran g) {
  nd_point p = nd_point_from_day(z);
  int y = p.y, m = p.sub;
  switch (g) {
    case ND_G_CENTURY: return nd_point_make(g, y / 100 * 100, -1, -1);
    case ND_G_DECADE: return nd_point_make(g, y / 10 * 10, -1, -1);
    case ND_G_YEAR: return nd_point_make(g, y, -1, -1);
    case ND_G_HALF: return nd_point_make(g, y, m > 6 ? 2 : 1, -1);
    case ND_G_QUARTER: return nd_point_make(g, y, (m - 1) / 3 + 1, -1);
    case ND_G_SEASON: {
      int idx = m <= 2 ? (y - 1) * 4 + 3 : y * 4 + (m - 3) / 3;
      return nd_point_make(g, idx / 4, idx % 4, -1);
    }
    case ND_G_MONTH: return nd_point_make(g, y, m, -1);
    case ND_G_WEEK:
    case ND_G_WEEKEND: {
      int wy, wn;
      nd_iso_week(z, &wy, &wn);
      return nd_point_make(g, wy, wn, -1);
    }
    default: return p;
  }
}

/* Day z moved by k units (months and years keep the day of month when it exists). */
static long add_units(long z, nd_unit u, long k) {
  int y, m, d;
  switch (u) {
    case ND_U_DAY: return z + k;
    case ND_U_WEEK: case ND_U_WEEKEND: return z + 7 * k;
    case ND_U_FORTNIGHT: return z + 14 * k;
    case ND_U_MONTH: case ND_U_QUARTER: case ND_U_YEAR: case ND_U_DECADE: case ND_U_CENTURY:
    case ND_U_MILLENNIUM: {
      static const long months[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 12, 120, 1200, 12000};
      nd_civil_from_days(z, &y, &m, &d);
      long mm = (long)y * 12 + (m - 1) + months[u] * k;
      if (mm < 0) return z;
      y = (int)(mm / 12), m = (int)(mm % 12) + 1;
      if (d > nd_days_in_month(y, m)) d = nd_days_in_month(y, m);
      return nd_days_from_civil(y, m, d);
    }
    default: return z;
  }
}

/* The first day of a point of day granularity or coarser; 0 when unknown. */
static int first_day(const nd_point *p, long *z) {
  long last;
  return nd_point_days(p, z, &last);
}

/* Days in a unit, roughly (for comparing spans, not for arithmetic). */
static long unit_days(nd_unit u) {
  static const long days[] = {0, 0, 0, 0, 1, 7, 7, 14, 30, 91, 365, 3652, 36524, 365242};
  return days[u];
}

static int ref_days(const nd_point *p, long *lo, long *hi);

/* The reference point (last full date, else the anchor's day) moved by k
** units, at the finer of its granularity and the unit's ("a year earlier"
** than March 3 is a day), or at the unit's when whole is set ("the
** following year", "that month" name the unit itself). */
static int emit_from_ref(ctx *c, nd_unit u, long k, nd_gran unit_g, int whole, const char *mod) {
  nd_point base = c->ref && c->ref->set ? c->ref->p : nd_point_from_day(c->A);
  long z, lo, hi;
  if (base.gran < unit_g && (c->telling || (k == 0 && c->ref && c->ref->set)) &&
      ref_days(&base, &lo, &hi) && (k < 0 ? -k : k) * unit_days(u) < hi - lo) {
    /* "Four days later" than 1915 in a history, "that same day" after
    ** "last October": a day of 1915 or of that October, which the text
    ** does not say. */
    int sub = base.gran == ND_G_MONTH && unit_g == ND_G_DAY ? base.sub : -1;
    return emit_point(c, "DATE", nd_point_make(unit_g, base.y, sub, -1), mod);
  }
  if (base.gran < unit_g) base = nd_point_from_day(c->A); /* "a day earlier" than a month */
  if (base.gran > ND_G_DAY) base.gran = ND_G_DAY;
  if (!first_day(&base, &z)) return 0;
  /* a history counts months and years in its own units: "two years earlier" is a year */
  nd_gran g =
      whole || base.gran < unit_g || (c->telling && unit_g <= ND_G_MONTH) ? unit_g : base.gran;
  return emit_point(c, "DATE", point_at(add_units(z, u, k), g), mod);
}

/* The year of a month (and day) written without one: of the reference
** year and its neighbours, the nearest to the reference days R0..R1 (the
** anchor's day in news), where a neighbour pays 120 days (news mostly speaks
** of its own year) and the wrong side of the tense of the sentence a year; a
** weekday written with it ("Friday, March 17") must fit. A day in a clause
** of no tense in news ("The sides meet again on April 20", said in
** November) is simply the nearest one: a schedule told in the present. */
static int choose_year(const ctx *c, int m, int d, int weekday) {
  int best = c->a->y;
  long best_score = -1;
  for (int y = c->a->y - 1; y <= c->a->y + 1; y++) {
    long lo, hi;
    if (d > 0) {
      if (d > nd_days_in_month(y, m)) continue;
      lo = hi = nd_days_from_civil(y, m, d);
    } else {
      lo = nd_days_from_civil(y, m, 1);
      hi = nd_days_from_civil(y, m, nd_days_in_month(y, m));
    }
    int after = lo > c->R1, before = hi < c->R0;
    long score = after ? lo - c->R1 : before ? c->R0 - hi : 0;
    if (y != c->a->y && (c->tense != ND_TENSE_NONE || d <= 0 || c->telling)) score += 120;
    if ((after && c->tense == ND_TENSE_PAST) || (before && c->tense == ND_TENSE_FUTURE)) score += 365;
    if (weekday > 0 && d > 0 && nd_weekday(lo) != weekday) score += 10000;
    if (best_score < 0 || score < best_score) best_score = score, best = y;
  }
  return best;
}

/* A weekday relative to the anchor: rel -1 last, +1 next, 0 this; else by tense. */
static long resolve_weekday(const ctx *c, int wd, int rel, int has_rel) {
  int wa = nd_weekday(c->A);
  if (has_rel && rel < 0) return c->A - ((wa - wd + 6) % 7 + 1);
  if (has_rel && rel > 0) return c->A + ((wd - wa + 6) % 7 + 1);
  if (has_rel) return c->A + (wd - wa);
  int ahead = (wd - wa + 7) % 7, back = (wa - wd + 7) % 7;
  if (c->tense == ND_TENSE_FUTURE || (c->tense == ND_TENSE_NONE && ahead < back)) return c->A + ahead;
  return c->A - back;
}

static int two_digit_year(const ctx *c, int yy) {
  if (!c->a) return yy <= 30 ? 2000 + yy : 1900 + yy;
  int y = c->a->y / 100 * 100 + yy;
  return y > c->a->y + 10 ? y - 100 : y;
}

/* A 4-digit year or 'yy among the words, or -1. */
/* The year a number at word i writes when "BC", "BCE" or "B.C." follows it
** (kept in the band of ND_BC_BASE), else -1. */
static int bc_year_at(const ctx *c, int i) {
  if (i + 1 >= c->nw || c->w[i].cls != ND_W_NUMBER || c->w[i].num < 1 || c->w[i].num > ND_BC_MAX)
    return -1;
  const char *e = c->w[i + 1].low;
  return !strcmp(e, "bc") || !strcmp(e, "bce") || !strcmp(e, "b") ? ND_BC_BASE - (int)c->w[i].num
                                                                    : -1;
}

static int written_year(const ctx *c, int from) {
  for (int i = from; i < c->nw; i++) {
    if (bc_year_at(c, i) >= 0) return bc_year_at(c, i);
    if (c->w[i].cls == ND_W_NUMBER && c->w[i].ndigits == 4) return (int)c->w[i].num;
    if (c->w[i].cls == ND_W_APOS_YEAR) return two_digit_year(c, (int)c->w[i].num);
  }
  return -1;
}

/* "this/last/next year", "year-earlier", "year-ago" as an offset from the anchor year. */
static int year_offset(const ctx *c, int *found) {
  *found = 0;
  for (int i = 0; i + 1 < c->nw; i++) {
    if (c->w[i + 1].cls == ND_W_UNIT && c->w[i + 1].val == ND_U_YEAR && c->w[i].cls == ND_W_REL) {
      *found = 1;
      return c->w[i].val;
    }
    if (c->w[i].cls == ND_W_UNIT && c->w[i].val == ND_U_YEAR &&
        (!strcmp(c->w[i + 1].low, "earlier") || !strcmp(c->w[i + 1].low, "ago"))) {
      *found = 1;
      return -1;
    }
  }
  return 0;
}

/* ---- Handlers, one per kind ---------------------------------------------- */

static int num_at(const char *s, size_t n, size_t *i, int maxd) {
  int v = 0, k = 0;
  while (*i < n && k < maxd && s[*i] >= '0' && s[*i] <= '9') v = v * 10 + (s[(*i)++] - '0'), k++;
  return k ? v : -1;
}

static int valid_date(int y, int m, int d) {
  return ND_YEAR_OK(y) && m >= 1 && m <= 12 && d >= 1 && d <= nd_days_in_month(y, m);
}

static int norm_iso(ctx *c) {
  size_t i = 0;
  int y = num_at(c->s, c->n, &i, 4);
  i++;
  int m = num_at(c->s, c->n, &i, 2);
  i++;
  int d = num_at(c->s, c->n, &i, 2);
  if (!valid_date(y, m, d)) return -1; /* an impossible date: no part of it either */
  nd_point p = nd_point_make(ND_G_DAY, y, m, d);
  if (i < c->n && (c->s[i] == 'T' || c->s[i] == ' ')) {
    i++;
    p.hh = num_at(c->s, c->n, &i, 2);
    i++;
    p.mi = num_at(c->s, c->n, &i, 2);
    p.gran = ND_G_MINUTE;
    if (i < c->n && c->s[i] == ':') {
      i++;
      p.ss = num_at(c->s, c->n, &i, 2);
      p.gran = ND_G_SECOND;
      if (i < c->n && (c->s[i] == '.' || c->s[i] == ',')) {
        i++;
        while (i < c->n && c->s[i] >= '0' && c->s[i] <= '9') i++;
      }
    }
    if (i < c->n && c->s[i] == 'Z') p.zone = 0;
    else if (i < c->n && (c->s[i] == '+' || c->s[i] == '-')) {
      int sign = c->s[i++] == '-' ? -1 : 1, zh = num_at(c->s, c->n, &i, 2);
      if (i < c->n && c->s[i] == ':') i++;
      int zm = num_at(c->s, c->n, &i, 2);
      if (zh >= 0 && zm >= 0) p.zone = sign * (zh * 60 + zm);
    }
    if (p.hh > 23) return -1;
    return emit_point(c, "TIME", p, NULL);
  }
  return emit_point(c, "DATE", p, NULL);
}

/* a/b/y: month/day unless a > 12, or the separator is a dot (day.month.year). */
static int norm_numeric(ctx *c) {
  size_t i = 0;
  int a = num_at(c->s, c->n, &i, 2);
  char sep = c->s[i++];
  int b = num_at(c->s, c->n, &i, 2);
  i++;
  size_t y0 = i;
  int y = num_at(c->s, c->n, &i, 4);
  if (i - y0 == 2) y = two_digit_year(c, y);
  int m = a, d = b;
  if (a > 12 || (sep == '.' && b <= 12)) m = b, d = a;
  if (!valid_date(y, m, d)) return -1; /* an impossible date: no part of it either */
  return emit_point(c, "DATE", nd_point_make(ND_G_DAY, y, m, d), NULL);
}

/* "nineteen ninety-six" = 1996, "nineteen oh five" = 1905, "nineteen
** hundred" = 1900, "two thousand and one" = 2001, read from word i on (or
** the first number word after it); -1 when not a year. */
static int year_in_words(const ctx *c, int i) {
  if (i < c->nw && !strcmp(c->w[i].low, "the")) i += 2; /* "the year" */
  while (i < c->nw && c->w[i].cls != ND_W_NUMWORD) i++;   /* "March of nineteen ninety" */
  if (i + 1 < c->nw && !strcmp(c->w[i].low, "two") && !strcmp(c->w[i + 1].low, "thousand")) {
    int rest = 0;
    for (int k = i + 2; k < c->nw; k++)
      if (c->w[k].cls == ND_W_NUMWORD) rest += c->w[k].val;
    return 2000 + rest;
  }
  if (i + 1 >= c->nw || c->w[i].cls != ND_W_NUMWORD) return -1;
  int century = c->w[i].val, rest = 0;
  if (century != 19 && century != 20) return -1;
  for (int k = i + 1; k < c->nw; k++) {
    if (!strcmp(c->w[k].low, "hundred")) return century * 100;
    if (c->w[k].cls == ND_W_NUMWORD) rest += c->w[k].val;
  }
  return rest > 0 && rest < 100 ? century * 100 + rest : -1;
}

static int norm_calendar(ctx *c) {
  int m = 0, m2 = 0, d = 0, d2 = 0, y = -1, wd = 0, i_m2 = -1, i_d2 = -1;
  for (int i = 0; i < c->nw; i++) {
    const nd_word *w = &c->w[i];
    if (bc_year_at(c, i) >= 0) {
      y = bc_year_at(c, i++); /* "April 480 BC" */
      continue;
    }
    if (w->cls == ND_W_MONTH) {
      if (!m) m = w->val;
      else m2 = w->val, i_m2 = i;
    } else if (w->cls == ND_W_WEEKDAY) wd = w->val;
    else if (w->cls == ND_W_NUMBER && w->ndigits == 4) y = (int)w->num;
    else if (w->cls == ND_W_NUMBER && w->ndigits <= 2 && w->num >= 1 && w->num <= 31) {
      if (!d) d = (int)w->num;
      else d2 = (int)w->num, i_d2 = i;
    }
  }
  if (!m) return 0;
  const char *mod = edge_mod(c);
  if (!d && y < 0) y = year_in_words(c, 0); /* "January nineteen ninety-seven" */
  if (!d) {
    if (y < 0) {
      int has_rel, rel = rel_of(c, &has_rel);
      if (!c->a) y = -1;
      /* "March last year" is of the year before, "last March" the last one */
      else if (has_rel && has_word(c, "year")) y = c->a->y + (rel > 0) - (rel < 0);
      else if (has_rel && rel < 0) y = c->a->m > m ? c->a->y : c->a->y - 1;
      else if (has_rel && rel > 0) y = c->a->m < m ? c->a->y : c->a->y + 1;
      else if (has_rel) y = c->a->y;
      else y = choose_year(c, m, 0, 0);
    }
    return emit_point(c, "DATE", nd_point_make(ND_G_MONTH, y, m, -1), mod);
  }
  int has_year = y >= 0;
  if (y < 0 && c->a) {
    /* "last Oct. 23" is the one before the anchor, "next March 5" the one after */
    int has_rel, rel = rel_of(c, &has_rel), later = m * 32 + d > c->a->m * 32 + c->a->d;
    if (has_rel && has_word(c, "year")) y = c->a->y + (rel > 0) - (rel < 0);
    else if (has_rel && rel < 0) y = later ? c->a->y - 1 : c->a->y;
    else if (has_rel && rel > 0) y = later ? c->a->y : c->a->y + 1;
    else if (has_rel) y = c->a->y;
    else y = choose_year(c, m, d, wd);
  }
  if (y >= 0 && !valid_date(y, m, d)) return -1; /* an impossible date: no part of it either */
  if (y < 0 && d > nd_days_in_month(2000, m)) return 0;
  nd_point p = nd_point_make(ND_G_DAY, y, m, d);
  if (has_word(c, "week") && !d2) {
    /* "the week of March 6": the week that holds the day */
    if (y < 0) return emit_point(c, "DATE", unknown_point(ND_G_WEEK), NULL);
    return emit_point(c, "DATE", point_at(nd_days_from_civil(y, m, d), ND_G_WEEK), NULL);
  }
  if (d2) {
    int em = m2 ? m2 : m, ey = y;
    if (y >= 0 && em < m) ey = y + 1;
    if ((ey >= 0 && !valid_date(ey, em, d2)) || (!m2 && d2 <= d)) return 0;
    nd_point q = nd_point_make(ND_G_DAY, ey, em, d2);
    /* "April 24 and 25" names two days, not the days between: two expressions */
    int two_days = has_word(c, "and");
    if (!has_year && !two_days) {
      /* the year is guessed: one expression, its value the unit holding both days */
      c->t->type = "DATE";
      c->t->mod = NULL;
      nd_range_value(&p, &q, c->t);
      return 1;
    }
    /* the second end starts at its month when written ("May 30-June 2"), else at its day */
    return emit_range(c, p, q, i_m2 >= 0 && i_m2 < i_d2 ? i_m2 : i_d2);
  }
  int part = find_cls(c, ND_W_PART);
  if (part >= 0) {
    /* "the night of April 18, 1775": that part of the day, and the story is at the day */
    nd_point q = p;
    q.gran = ND_G_PART;
    q.part = c->w[part].val;
    emit_point(c, "TIME", q, mod);
    c->out = p;
    c->out_set = y >= 0;
    return 1;
  }
  return emit_point(c, "DATE", p, mod);
}


/* A year before the Christian era ("241 BC"): its value is TIMEX's
** "BC0241"; it has no bounds. Within ND_BC_MAX it is a point of the BC band,
** which a history's year-less dates then count from. */
static int era_year(ctx *c) {
  if (c->w[0].num < 1 || c->w[0].num > 9999) return 0;
  if (bc_year_at(c, 0) >= 0)
    return emit_point(c, "DATE", nd_point_make(ND_G_YEAR, bc_year_at(c, 0), -1, -1), edge_mod(c));
  char v[16];
  snprintf(v, sizeof v, "BC%04ld", c->w[0].num);
  return emit_text(c, "DATE", v, NULL);
}

static int norm_year(ctx *c) {
  if (c->nw >= 2 && c->w[0].cls == ND_W_NUMBER &&
      (!strcmp(c->w[1].low, "bc") || !strcmp(c->w[1].low, "bce") || !strcmp(c->w[1].low, "b")))
    return era_year(c);
  int y = -1, y2 = -1, i_y2 = -1;
  for (int i = 0; i < c->nw; i++) {
    const nd_word *w = &c->w[i];
    int v = -1;
    if (w->cls == ND_W_NUMBER && (w->ndigits == 4 || (w->ndigits == 2 && y >= 0))) v = (int)w->num;
    else if (w->cls == ND_W_APOS_YEAR || (w->cls == ND_W_NUMBER && w->ndigits == 2 && i > 0 &&
                                          !strcmp(c->w[i - 1].low, "fy"))) /* FY26 */
      v = two_digit_year(c, (int)w->num);
    if (v < 0) continue;
    if (y < 0) y = v;
    else if (y2 < 0) /* "1999-00" ends in the next century */
      y2 = w->ndigits == 2 ? y / 100 * 100 + v + (y % 100 == 99 && v == 0 ? 100 : 0) : v, i_y2 = i;
  }
  if (y < 0) y = year_in_words(c, 0);
  if (!ND_YEAR_OK(y)) return 0;
  const char *mod = edge_mod(c);
  nd_point p = nd_point_make(ND_G_YEAR, y, -1, -1);
  if (y2 >= 0) {
    if (y2 <= y) return 0;
    /* "FY2024-25", "fiscal 2024-25": one fiscal year, named by the year it ends in */
    if (y2 == y + 1 && (has_word(c, "fy") || has_word(c, "fiscal") || has_word(c, "financial")))
      return emit_point(c, "DATE", nd_point_make(ND_G_YEAR, y2, -1, -1), mod);
    return emit_range(c, p, nd_point_make(ND_G_YEAR, y2, -1, -1), i_y2);
  }
  return emit_point(c, "DATE", p, mod);
}

static int norm_decade(ctx *c) {
  static const char *const words[] = {"twenties", "thirties", "forties", "fifties",
                                      "sixties",  "seventies", "eighties", "nineties"};
  int y = -1;
  for (int i = 0; i < c->nw && y < 0; i++) {
    const nd_word *w = &c->w[i];
    if (w->cls == ND_W_NUMBER && w->ndigits == 4) y = (int)w->num;
    else if (w->cls == ND_W_APOS_YEAR) y = two_digit_year(c, (int)w->num);
    else
      for (int k = 0; k < 8; k++)
        if (!strcmp(w->low, words[k])) {
          y = 1920 + 10 * k;
          if (c->a && y + 100 <= c->a->y) y += 100;
        }
  }
  if (y < 0 || y % 10) return 0;
  return emit_point(c, "DATE", nd_point_make(ND_G_DECADE, y, -1, -1), edge_mod(c));
}

static int norm_century(ctx *c) {
  int n = 0;
  for (int i = 0; i < c->nw; i++) {
    const nd_word *w = &c->w[i];
    if (w->cls == ND_W_NUMBER) n = (int)w->num;
    else if (w->cls == ND_W_ORDINAL) n += w->val;
    else if (w->cls == ND_W_NUMWORD && w->val == 20) n += 20;
  }
  if (n < 1 || n > 100) return 0;
  if (has_word(c, "bc") || has_word(c, "bce") || has_word(c, "b")) {
    /* "the 4th century BC": 400..301 BC, whose first year is ND_BC_BASE - 400 */
    if (n > ND_BC_MAX / 100) return 0;
    return emit_point(c, "DATE", nd_point_make(ND_G_CENTURY, ND_BC_BASE - n * 100, -1, -1),
                      edge_mod(c));
  }
  return emit_point(c, "DATE", nd_point_make(ND_G_CENTURY, (n - 1) * 100, -1, -1), edge_mod(c));
}

static int season_index(int y, int m) {
  if (m <= 2) return (y - 1) * 4 + 3;
  return y * 4 + (m - 3) / 3;
}

/* "the second week of March", "the last weekend of the year": the ISO week
** of the n-th run of seven days of the month (or the year's n-th ISO week),
** the weekend of the n-th Saturday; the month or year alone when no anchor
** fixes the year. */
static int norm_week_of(ctx *c, int month) {
  int weekend = has_word(c, "weekend"), oi = find_cls(c, ND_W_ORDINAL);
  int n = has_word(c, "last") || has_word(c, "final") ? -1 : oi >= 0 ? c->w[oi].val : 0;
  if (n == 0 || n > 5) return 0;
  int yfound, yoff = year_offset(c, &yfound), y = written_year(c, 0);
  if (y < 0 && has_word(c, "new")) y = c->a ? c->a->y + (c->a->m >= 7) : -1;
  else if (y < 0 && c->a) y = month > 0 && !yfound && !has_word(c, "year") ? choose_year(c, month, 0, 0)
                                                                           : c->a->y + yoff;
  if (y < 0) return emit_point(c, "DATE", nd_point_make(month > 0 ? ND_G_MONTH : ND_G_YEAR, -1, month, -1), NULL);
  long z;
  if (weekend) {
    if (month > 0 && (z = nd_nth_weekday(y, month, 6, n)) > nd_days_from_civil(y, month, nd_days_in_month(y, month)))
      return 0;
    else if (n < 0) z = nd_nth_weekday(y, 12, 6, -1);
    else z = nd_nth_weekday(y, 1, 6, 1) + 7 * (n - 1);
  } else if (month > 0) {
    int last = nd_days_in_month(y, month), mid = n < 0 ? last - 3 : 7 * n - 3;
    if (mid > last) return 0;
    z = nd_days_from_civil(y, month, mid);
  } else {
    z = n < 0 ? nd_days_from_civil(y, 12, 28) : nd_iso_week_monday(y, n);
  }
  return emit_point(c, "DATE", point_at(z, weekend ? ND_G_WEEKEND : ND_G_WEEK), NULL);
}

static int norm_part_year(ctx *c) {
  if (has_word(c, "of") && (has_word(c, "week") || has_word(c, "weekend"))) {
    int mi = find_cls(c, ND_W_MONTH);
    return norm_week_of(c, mi >= 0 ? c->w[mi].val : -1);
  }
  int quarter = has_word(c, "quarter"), half = has_word(c, "half");
  int ord = 0, season = -1;
  int has_rel, rel = rel_of(c, &has_rel);
  for (int i = 0; i < c->nw; i++) {
    const nd_word *w = &c->w[i];
    if (w->cls == ND_W_ORDINAL && !ord) ord = w->val;
    else if (w->cls == ND_W_SEASON) season = w->val;
    else if (w->cls == ND_W_NUMBER && w->ndigits == 1 && i > 0 &&
             (!strcmp(c->w[i - 1].low, "q") || !strcmp(c->w[i - 1].low, "h"))) {
      ord = (int)w->num;
      if (c->w[i - 1].low[0] == 'q') quarter = 1;
      else half = 1;
    } else if (w->cls == ND_W_NUMBER && w->ndigits == 1 && i + 1 < c->nw && is_suffix(&c->w[i + 1]))
      ord = (int)w->num;
  }
  if (has_word(c, "latter") || (half && has_word(c, "last") && !ord)) ord = 2;
  int yfound, yoff = year_offset(c, &yfound);
  int y = written_year(c, 0);
  if (y < 0 && season >= 0) y = year_in_words(c, 0); /* "the winter of nineteen ninety-four" */
  if (y < 0 && quarter && !ord && c->w[c->nw - 1].cls == ND_W_NUMBER && c->w[c->nw - 1].ndigits == 2)
    y = two_digit_year(c, (int)c->w[c->nw - 1].num);
  const char *mod = edge_mod(c);
  int named_quarter = c->ref && c->ref->quarter_set;
  if (has_word(c, "period") || (quarter && !ord && y >= 0 && named_quarter)) {
    /* "the latest period" is the quarter the report named last, "the 1988
    ** period", "the 1988 quarter" that quarter of 1988; with no quarter
    ** named, a year or nothing */
    if (named_quarter) {
      nd_point p = c->ref->quarter;
      if (y >= 0) p.y = y;
      return emit_point(c, "DATE", p, mod);
    }
    return y >= 0 ? emit_point(c, "DATE", nd_point_make(ND_G_YEAR, y, -1, -1), mod) : 0;
  }
  if (quarter || half) {
    nd_gran g = quarter ? ND_G_QUARTER : ND_G_HALF;
    if (ord > (quarter ? 4 : 2)) return 0;
    if (y >= 0) return emit_point(c, "DATE", nd_point_make(g, y, ord ? ord : -1, -1), mod);
    if (!c->a) return emit_point(c, "DATE", nd_point_make(g, -1, ord ? ord : -1, -1), mod);
    if (ord) {
      /* "sales rose in the third quarter" said in March: last year's */
      int y0 = c->a->y + yoff, first_month = quarter ? 3 * ord - 2 : 6 * ord - 5;
      if (!yfound && c->tense == ND_TENSE_PAST && first_month > c->a->m) y0--;
      nd_point p = nd_point_make(g, y0, ord, -1);
      if (quarter && c->ref && !yfound) c->ref->quarter_set = 1, c->ref->quarter = p;
      return emit_point(c, "DATE", p, mod);
    }
    /* "the quarter" after "the second quarter": the one the text is about */
    if (quarter && c->nw <= 2 && !has_rel && c->ref && c->ref->quarter_set)
      return emit_point(c, "DATE", c->ref->quarter, mod);
    /* "the quarter", "last quarter": the latest complete one; "this quarter": the current. */
    long k = has_rel && (rel > 0 || (rel == 0 && !has_word(c, "same"))) ? rel : -1;
    nd_point p = shift_point(c, g, k);
    if (yfound && yoff < 0) p.y -= 1;
    return emit_point(c, "DATE", p, mod);
  }
  if (season < 0) return 0;
  if (y >= 0) return emit_point(c, "DATE", nd_point_make(ND_G_SEASON, y, season, -1), mod);
  if (!c->a) return emit_point(c, "DATE", nd_point_make(ND_G_SEASON, -1, season, -1), mod);
  if (yfound) return emit_point(c, "DATE", nd_point_make(ND_G_SEASON, c->a->y + yoff, season, -1), mod);
  int now = season_index(c->a->y, c->a->m), idx;
  int same = (now / 4) * 4 + season; /* this season in the anchor's season-year */
  if (has_rel && rel < 0) idx = same < now ? same : same - 4;
  else if (has_rel && rel > 0) idx = same > now ? same : same + 4;
  else if (has_rel) idx = season == 3 ? same : c->a->y * 4 + season;
  else if (c->tense == ND_TENSE_PAST) idx = same <= now ? same : same - 4;
  else if (c->tense == ND_TENSE_FUTURE) idx = same >= now ? same : same + 4;
  /* no tense in news: the present speaks of a season to come, not of one over */
  else if (!c->telling && c->a->y * 4 + season < now) idx = c->a->y * 4 + season + 4;
  else idx = season == 3 ? same : c->a->y * 4 + season;
  return emit_point(c, "DATE", nd_point_make(ND_G_SEASON, idx / 4, idx % 4, -1), mod);
}

static int part_of(const ctx *c) {
  int i = find_cls(c, ND_W_PART);
  if (i >= 0) return c->w[i].val;
  return has_word(c, "tonight") ? 3 : -1;
}

static int norm_deictic(ctx *c) {
  int k = 0, told = has_word(c, "that") || has_word(c, "the");
  if (has_word(c, "yesterday") || has_word(c, "previous")) k = -1;
  else if (has_word(c, "tomorrow") || has_word(c, "next") || has_word(c, "following")) k = 1;
  else if (has_word(c, "last") && has_word(c, "night")) k = -1;
  int part = part_of(c);
  const char *mod = edge_mod(c);
  nd_point p = c->a ? nd_point_from_day(c->A + k) : unknown_point(ND_G_DAY);
  /* "It is us today", quoted in a history: the speaker's day, not the writer's */
  if (!told && c->ref && c->ref->quoted && c->ref->set && c->a &&
      abs(c->ref->p.y - c->a->y) > ND_NARRATIVE_NEAR)
    p = unknown_point(ND_G_DAY);
  if (told && c->ref && c->ref->set && c->ref->p.gran == ND_G_DAY) {
    /* "that night", "the next morning": of the day the text is telling about */
    int ok;
    long z = nd_point_day(&c->ref->p, &ok);
    if (ok) p = nd_point_from_day(z + k);
  }
  if (part < 0) return emit_point(c, "DATE", p, mod);
  p.gran = ND_G_PART;
  p.part = part;
  return emit_point(c, "TIME", p, mod);
}

static int norm_weekday(ctx *c) {
  int i = find_cls(c, ND_W_WEEKDAY);
  if (i < 0) return 0;
  int wd = c->w[i].val, part = part_of(c);
  int plural = c->w[i].plural || (part >= 0 && c->w[find_cls(c, ND_W_PART)].plural);
  if (plural) {
    nd_point p = unknown_point(part >= 0 ? ND_G_PART : ND_G_DAY);
    p.d = wd;
    p.part = part;
    return emit_point(c, "SET", p, NULL);
  }
  int has_rel, rel = rel_of(c, &has_rel);
  nd_point p = unknown_point(ND_G_DAY);
  p.d = wd;
  /* "a Tuesday", "one Friday": no day in particular, resolved by no anchor */
  int some = has_word(c, "a") || has_word(c, "one");
  if (c->a && !some) p = nd_point_from_day(resolve_weekday(c, wd, rel, has_rel));
  if (c->a && has_rel && rel && (has_word(c, "previous") || has_word(c, "following")) && c->ref &&
      c->ref->set && c->ref->p.gran == ND_G_DAY) {
    /* "the previous Friday", "the following Monday": from the day told about */
    int ok;
    long z = nd_point_day(&c->ref->p, &ok), wz = nd_weekday(z);
    if (ok) p = nd_point_from_day(rel < 0 ? z - ((wz - wd + 6) % 7 + 1) : z + ((wd - wz + 6) % 7 + 1));
  }
  if (part < 0) return emit_point(c, "DATE", p, edge_mod(c));
  p.gran = ND_G_PART;
  p.part = part;
  return emit_point(c, "TIME", p, edge_mod(c));
}

static nd_gran unit_gran(nd_unit u) {
  switch (u) {
    case ND_U_WEEK: case ND_U_FORTNIGHT: return ND_G_WEEK;
    case ND_U_WEEKEND: return ND_G_WEEKEND;
    case ND_U_MONTH: return ND_G_MONTH;
    case ND_U_QUARTER: return ND_G_QUARTER;
    case ND_U_YEAR: return ND_G_YEAR;
    case ND_U_DECADE: return ND_G_DECADE;
    case ND_U_CENTURY: case ND_U_MILLENNIUM: return ND_G_CENTURY;
    default: return ND_G_DAY;
  }
}

static int norm_relative(ctx *c) {
  int ui = find_unit(c);
  if (ui < 0 && c->nw == 1 && (!strcmp(c->w[0].low, "midyear") || !strcmp(c->w[0].low, "midmonth"))) {
    /* "midyear", "midmonth" written as one word: the middle of the anchor's */
    nd_gran g = c->w[0].low[3] == 'y' ? ND_G_YEAR : ND_G_MONTH;
    return emit_point(c, "DATE", c->a ? shift_point(c, g, 0) : unknown_point(g), "MID");
  }
  if (ui < 0) return 0;
  nd_unit u = (nd_unit)c->w[ui].val;
  double q = quantity(c, ui);
  if (c->w[ui].plural || q != 0) return emit_duration(c, q ? q : -1, u, qty_mod(c));
  int has_rel, rel = rel_of(c, &has_rel);
  /* "the past fortnight": no unit of the calendar, two weeks long */
  if (u == ND_U_FORTNIGHT && has_rel && rel) return emit_duration(c, 1, u, NULL);
  if (has_word(c, "same")) has_rel = 1, rel = 0; /* "the same day", "that same week" */
  /* "in the new year": the next one, or the anchor's in its first half */
  if (has_word(c, "new") && u == ND_U_YEAR) has_rel = 1, rel = c->a && c->a->m >= 7;
  int around = !has_rel && (has_word(c, "before") || has_word(c, "after")); /* "the day before," */
  if (around) has_rel = 1, rel = has_word(c, "before") ? -1 : 1;
  const char *mod = edge_mod(c);
  nd_gran g = unit_gran(u);
  /* "the following month", "the previous day", "that year": from the date
  ** being told about; so is "the next day", and "the next month" told in
  ** the past ("released the next month"), unlike "next month". */
  int the_next = has_rel && rel > 0 && has_word(c, "the") && has_word(c, "next") &&
                 (u == ND_U_DAY || c->tense == ND_TENSE_PAST);
  if (c->a && c->ref && c->ref->set &&
      ((has_rel && (has_word(c, "following") || has_word(c, "previous") || has_word(c, "prior") ||
                    has_word(c, "same") || the_next || around)) ||
       has_word(c, "that")))
    return emit_from_ref(c, u, has_word(c, "that") ? 0 : rel, g, 1, mod);
  /* "the year", "year-end", "the end of the month": the anchor's. */
  if (!has_rel && u != ND_U_WEEKEND) has_rel = 1, rel = 0;
  if (!has_rel && u == ND_U_WEEKEND) {
    /* "the weekend": the one just past in a past sentence, else the coming one. */
    if (!c->a) return emit_point(c, "DATE", unknown_point(g), mod);
    int wa = nd_weekday(c->A);
    rel = c->tense == ND_TENSE_PAST && wa < 6 ? -1 : 0;
  }
  if (!c->a) return emit_point(c, "DATE", unknown_point(g), mod);
  if (u == ND_U_FORTNIGHT) rel *= 2;
  if (u == ND_U_MILLENNIUM) rel *= 10;
  return emit_point(c, "DATE", shift_point(c, g, rel), mod);
}

/* The anchor's clock time moved by q units of u (hours, minutes or
** seconds) in direction dir: a TIME to the minute, on the day it falls. */
static int emit_clock_shift(ctx *c, nd_unit u, double q, int dir, const char *mod) {
  double per = u == ND_U_HOUR ? 60 : u == ND_U_MINUTE ? 1 : 1.0 / 60;
  long at = c->A * 1440 + c->a->hh * 60 + c->a->mi + dir * (long)(q * per + 0.5);
  long day = at >= 0 ? at / 1440 : -((-at + 1439) / 1440);
  nd_point p = nd_point_from_day(day);
  p.gran = ND_G_MINUTE;
  p.hh = (int)((at - day * 1440) / 60), p.mi = (int)((at - day * 1440) % 60);
  return emit_point(c, "TIME", p, mod);
}

static int norm_shift(ctx *c) {
  int ui = find_unit(c);
  if (ui < 0) return 0;
  /* "the quarter a year ago", "the period last year": the quarter the
  ** report named last, a year before; the shift is the year's */
  int period = has_word(c, "period");
  for (int i = ui + 1; i < c->nw && c->w[ui].val == ND_U_QUARTER; i++)
    if (c->w[i].cls == ND_W_UNIT && c->w[i].val == ND_U_YEAR) ui = i, period = 1;
  if (period && c->w[ui].val == ND_U_YEAR && c->a && !has_word(c, "later") &&
      ((c->ref && c->ref->quarter_set) || has_word(c, "quarter"))) {
    /* with no quarter named, the latest complete one */
    nd_point p = c->ref && c->ref->quarter_set ? c->ref->quarter : shift_point(c, ND_G_QUARTER, -1);
    p.y -= 1;
    return emit_point(c, "DATE", p, qty_mod(c));
  }
  nd_unit u = (nd_unit)c->w[ui].val;
  double q = quantity(c, ui);
  if (q == 0) q = c->w[ui].plural ? -1 : 1; /* "years ago": vague; "the year earlier", "year-ago" */
  int dir = has_word(c, "later") || has_word(c, "now") || has_word(c, "hence") ? 1 : -1;
  const char *mod = qty_mod(c);
  /* "3 hours ago", "a few hours ago" with an anchor that has its time: the
  ** clock time that much before it ("a few" taken as about three) */
  if (u <= ND_U_HOUR && q < 1e5 && c->a && c->a->has_time && !has_word(c, "earlier") &&
      !has_word(c, "later"))
    return emit_clock_shift(c, u, q < 0 ? 3 : q, dir, q < 0 ? "APPROX" : mod);
  if (q < 0) return emit_ref(c, dir < 0 ? "PAST_REF" : "FUTURE_REF");
  nd_gran g = unit_gran(u);
  long k = (long)q;
  /* "a year earlier", "three days later" tell from the date being told about;
  ** "ago" from the anchor, unless that date is the period just reported on. */
  int told = has_word(c, "earlier") || has_word(c, "later");
  if (c->a && c->ref && c->ref->set && q == (double)k && u >= ND_U_DAY) {
    nd_gran rg = c->ref->p.gran;
    if (told || (dir < 0 && (rg == ND_G_QUARTER || rg == ND_G_HALF) && c->ref->p.y == c->a->y))
      return emit_from_ref(c, u, dir * k, g == ND_G_DECADE ? ND_G_YEAR : g, 0, mod);
  }
  if (u == ND_U_YEAR && q != (double)k) g = ND_G_MONTH, k = (long)(q * 12);
  else if (u == ND_U_FORTNIGHT) k *= 2;
  else if (u == ND_U_DECADE) g = ND_G_YEAR, k *= 10;
  else if (u == ND_U_CENTURY) g = ND_G_YEAR, k *= 100;
  else if (u == ND_U_MILLENNIUM) g = ND_G_YEAR, k *= 1000;
  else if (u <= ND_U_HOUR) k = 0;
  if (!c->a) return emit_point(c, "DATE", unknown_point(g), mod);
  return emit_point(c, "DATE", shift_point(c, g, dir * k), mod);
}

/* "a quarter century", "half an hour": a fraction of the last unit, or 0
** when the span writes none. */
static double fraction_of_unit(const ctx *c, int *ui) {
  for (int i = 0; i + 1 < c->nw; i++) {
    int quarter = !strcmp(c->w[i].low, "quarter");
    if (!quarter && strcmp(c->w[i].low, "half")) continue;
    int u = c->nw - 1;
    if (u <= i || c->w[u].cls != ND_W_UNIT || c->w[u].plural) return 0;
    *ui = u;
    return quarter ? 0.25 : 0.5;
  }
  return 0;
}

static int norm_duration(ctx *c) {
  int ui = find_unit(c);
  if (ui < 0) return 0;
  double part = fraction_of_unit(c, &ui);
  if (part > 0) return emit_duration(c, part, (nd_unit)c->w[ui].val, qty_mod(c));
  double q = quantity(c, ui);
  if (q > 0 && has_word(c, "half") && !strcmp(c->w[c->nw - 1].low, "half")) q += 0.5;
  /* "within the next year" in a history is the year after the one told about */
  if (q == 0 && (has_word(c, "next") || has_word(c, "coming")) && c->ref && c->ref->narrative)
    return 0;
  if (q == 0 && has_word(c, "the") && !c->w[ui].plural) q = 1; /* "the year ended June 30" */
  if (q == 0 && !c->w[ui].plural) return 0;
  return emit_duration(c, q ? q : -1, (nd_unit)c->w[ui].val, qty_mod(c));
}

static int norm_in_future(ctx *c) {
  if (c->tense == ND_TENSE_FUTURE) {
    int ui = find_unit(c);
    if (ui < 0) return 0;
    double q = quantity(c, ui);
    if (q > 0 && c->w[ui].val >= ND_U_DAY) {
      nd_unit u = (nd_unit)c->w[ui].val;
      nd_gran g = unit_gran(u);
      long k = (long)q * (u == ND_U_FORTNIGHT ? 2 : u == ND_U_DECADE ? 10 : 1);
      if (u == ND_U_DECADE) g = ND_G_YEAR;
      if (!c->a) return emit_point(c, "DATE", unknown_point(g), qty_mod(c));
      return emit_point(c, "DATE", shift_point(c, g, k), qty_mod(c));
    }
  }
  return norm_duration(c);
}

static int norm_set(ctx *c) {
  static const struct {
    const char *w, *value;
  } adverbs[] = {{"annually", "P1Y"}, {"yearly", "P1Y"},   {"daily", "P1D"},
                 {"weekly", "P1W"},   {"monthly", "P1M"},  {"quarterly", "P3M"},
                 {"hourly", "PT1H"},  {"nightly", "XXXX-XX-XXTNI"},
                 {"biannually", "P6M"}, {"biennially", "P2Y"}};
  for (size_t k = 0; k < sizeof(adverbs) / sizeof(adverbs[0]); k++)
    if (has_word(c, adverbs[k].w)) return emit_text(c, "SET", adverbs[k].value, NULL);
  int i;
  if ((i = find_cls(c, ND_W_WEEKDAY)) >= 0) {
    /* "every Thursday afternoon": XXXX-WXX-4TAF */
    int part = find_cls(c, ND_W_PART);
    nd_point p = unknown_point(part >= 0 ? ND_G_PART : ND_G_DAY);
    p.d = c->w[i].val;
    if (part >= 0) p.part = c->w[part].val;
    return emit_point(c, "SET", p, NULL);
  }
  if ((i = find_cls(c, ND_W_SEASON)) >= 0)
    return emit_point(c, "SET", nd_point_make(ND_G_SEASON, -1, c->w[i].val, -1), NULL);
  if ((i = find_cls(c, ND_W_MONTH)) >= 0) /* "each July" */
    return emit_point(c, "SET", nd_point_make(ND_G_MONTH, -1, c->w[i].val, -1), NULL);
  if ((i = find_cls(c, ND_W_PART)) >= 0) {
    nd_point p = unknown_point(ND_G_PART);
    p.part = c->w[i].val;
    return emit_point(c, "SET", p, NULL);
  }
  int ui = find_unit(c);
  if (ui < 0) return 0;
  double q = 1;
  int every = has_word(c, "every") || has_word(c, "each");
  if (every) {
    q = quantity(c, ui);
    if (q <= 0) q = 1;
    if (has_word(c, "other")) q *= 2;
  }
  emit_duration(c, q, (nd_unit)c->w[ui].val, NULL);
  c->t->type = "SET";
  return 1;
}

static int norm_fuzzy(ctx *c) {
  /* "Paris was soon taken": in a history, "soon" is shortly after the date
  ** told about, not the writer's future */
  if (has_word(c, "soon") && c->ref && c->ref->narrative) return 0;
  if (has_word(c, "future") || has_word(c, "soon") || has_word(c, "term") || has_word(c, "later"))
    return emit_ref(c, "FUTURE_REF");
  if (has_word(c, "past") || has_word(c, "recently") || has_word(c, "recent") || has_word(c, "then") ||
      has_word(c, "lately") || has_word(c, "formerly") || has_word(c, "previously"))
    return emit_ref(c, "PAST_REF");
  return emit_ref(c, "PRESENT_REF");
}

static int zone_minutes(const char *z) {
  static const struct {
    const char *name;
    int minutes;
  } zones[] = {{"gmt", 0},    {"utc", 0},    {"z", 0},      {"wet", 0},    {"cet", 60},
               {"west", 60},  {"bst", 60},   {"cest", 120}, {"eet", 120},  {"eest", 180},
               {"ist", 330},  {"sgt", 480},  {"hkt", 480},  {"jst", 540},  {"kst", 540},
               {"aest", 600}, {"aedt", 660}, {"est", -300}, {"edt", -240}, {"cst", -360},
               {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}};
  for (size_t k = 0; k < sizeof(zones) / sizeof(zones[0]); k++)
    if (!strcmp(z, zones[k].name)) return zones[k].minutes;
  return ND_NO_ZONE;
}

static int norm_clock(ctx *c) {
  int hh = -1, mi = 0, ss = -1, zone = ND_NO_ZONE, wd = 0, m = 0, d = 0, y = -1, k = 0, i;
  for (i = 0; i < c->nw; i++) {
    const nd_word *w = &c->w[i];
    if (w->cls == ND_W_NUMBER && hh < 0) {
      if (w->ndigits == 4) hh = (int)w->num / 100, mi = (int)w->num % 100;
      else hh = (int)w->num;
      if (i + 1 < c->nw && c->w[i + 1].cls == ND_W_NUMBER && c->w[i + 1].ndigits == 2 &&
          (c->s[w->off + w->len] == ':' || c->s[w->off + w->len] == '.')) {
        mi = (int)c->w[++i].num;
        if (i + 1 < c->nw && c->w[i + 1].cls == ND_W_NUMBER && c->s[c->w[i].off + 2] == ':')
          ss = (int)c->w[++i].num;
      }
    } else if (w->cls == ND_W_NUMBER && w->ndigits == 4) y = (int)w->num; /* its day's year */
    else if (w->cls == ND_W_NUMBER && !d) d = (int)w->num; /* "Nov. 6", "24 November" */
    else if ((!strcmp(w->low, "p") || !strcmp(w->low, "pm")) && hh >= 0 && hh < 12) hh += 12;
    else if ((!strcmp(w->low, "a") || !strcmp(w->low, "am")) && hh == 12) hh = 0;
    else if (!strcmp(w->low, "noon") || !strcmp(w->low, "midday")) hh = 12, mi = 0;
    else if (!strcmp(w->low, "midnight")) hh = 0, mi = 0;
    else if (w->cls == ND_W_WEEKDAY) wd = w->val;
    else if (w->cls == ND_W_MONTH) m = w->val;
    else if (!strcmp(w->low, "yesterday")) k = -1;
    else if (!strcmp(w->low, "tomorrow")) k = 1;
    else if (zone == ND_NO_ZONE && w->len <= 4) zone = zone_minutes(w->low);
  }
  if (hh < 0 || hh > 23 || mi > 59) return 0;
  nd_point p = unknown_point(ND_G_MINUTE);
  if (c->a) {
    long day = c->A + k;
    if (m && d) {
      if (y < 0) y = choose_year(c, m, d, wd);
      if (!valid_date(y, m, d)) return 0;
      day = nd_days_from_civil(y, m, d);
    } else if (wd) {
      day = resolve_weekday(c, wd, 0, 0);
    } else if (!k && c->tense == ND_TENSE_PAST && c->ref &&
               ((c->ref->set && c->ref->p.gran == ND_G_DAY) || c->ref->day_set)) {
      /* "a bus crashed Friday ... it happened at 10:35 a.m.": a time told
      ** in the past is of the day the text tells about, or of the day told
      ** just before a coarser date ("collapsed on Saturday. The block, built
      ** in the 1970s, gave way at 3:40 a.m.": day_set), when that day is of
      ** the week before the anchor */
      int ok = 0;
      long told = nd_point_day(c->ref->set && c->ref->p.gran == ND_G_DAY ? &c->ref->p : &c->ref->day, &ok);
      if (ok && told < c->A && told >= c->A - 7) day = told + (c->ref->night && hh < 12);
    }
    p = nd_point_from_day(day);
    p.gran = ND_G_MINUTE;
  } else if (m && d) {
    if (y >= 0 && !valid_date(y, m, d)) return 0;
    p.y = y, p.sub = m, p.d = d;
  }
  p.hh = hh, p.mi = mi, p.zone = zone;
  if (ss >= 0) p.ss = ss, p.gran = ND_G_SECOND;
  return emit_point(c, "TIME", p, qty_mod(c));
}

typedef struct holiday {
  const char *first, *second; /* words that name it ("christmas", "eve") */
  int m, d;                   /* a fixed date, or m = 0 */
  int rule;                   /* 1 Easter+d, 2 n-th weekday: d = n, m2/wd below */
  int m2, wd, n;
} holiday;

/* Most specific first: "Christmas Eve" before "Christmas". */
static const holiday holidays[] = {
    {"christmas", "eve", 12, 24, 0, 0, 0, 0},   {"christmas", NULL, 12, 25, 0, 0, 0, 0},
    {"new", "eve", 12, 31, 0, 0, 0, 0},         {"new", NULL, 1, 1, 0, 0, 0, 0},
    {"halloween", NULL, 10, 31, 0, 0, 0, 0},    {"valentine", NULL, 2, 14, 0, 0, 0, 0},
    {"independence", NULL, 7, 4, 0, 0, 0, 0},   {"boxing", NULL, 12, 26, 0, 0, 0, 0},
    {"bastille", NULL, 7, 14, 0, 0, 0, 0},      {"good", NULL, 0, -2, 1, 0, 0, 0},
    {"easter", "monday", 0, 1, 1, 0, 0, 0},     {"easter", NULL, 0, 0, 1, 0, 0, 0},
    {"thanksgiving", NULL, 0, 0, 2, 11, 4, 4},  {"labor", NULL, 0, 0, 2, 9, 1, 1},
    {"black", "friday", 0, 1, 2, 11, 4, 4},     {"cyber", "monday", 0, 4, 2, 11, 4, 4},
    {"memorial", NULL, 0, 0, 2, 5, 1, -1},      {"election", NULL, 0, 1, 2, 11, 1, 1},
};

static long holiday_day(const holiday *h, int y) {
  if (h->rule == 1) return nd_easter_day(y) + h->d;
  if (h->rule == 2) return nd_nth_weekday(y, h->m2, h->wd, h->n) + h->d;
  return nd_days_from_civil(y, h->m, h->d);
}

static int norm_holiday(ctx *c) {
  const holiday *h = NULL;
  for (size_t k = 0; k < sizeof(holidays) / sizeof(holidays[0]) && !h; k++)
    if (has_word(c, holidays[k].first) && (!holidays[k].second || has_word(c, holidays[k].second)))
      h = &holidays[k];
  if (!h) return 0;
  int week = has_word(c, "week");
  nd_gran g = week ? ND_G_WEEK : ND_G_DAY;
  int y = written_year(c, 0);
  if (y < 0 && !c->a) {
    if (h->m) return emit_point(c, "DATE", nd_point_make(ND_G_DAY, -1, h->m, h->d), NULL);
    return emit_point(c, "DATE", unknown_point(g), NULL);
  }
  if (y < 0) {
    int has_rel, rel = rel_of(c, &has_rel);
    long best_score = -1;
    for (int yy = c->a->y - 1; yy <= c->a->y + 1; yy++) {
      long z = holiday_day(h, yy), score;
      if (has_rel && rel < 0) score = z < c->A ? c->A - z : -1;
      else if (has_rel && rel > 0) score = z > c->A ? z - c->A : -1;
      else if (has_rel) score = yy == c->a->y ? 0 : -1;
      else {
        int after = z > c->A, before = z < c->A;
        score = (after ? z - c->A : c->A - z) + (yy != c->a->y ? 120 : 0);
        if ((after && c->tense == ND_TENSE_PAST) || (before && c->tense == ND_TENSE_FUTURE)) score += 365;
      }
      if (score >= 0 && (best_score < 0 || score < best_score)) best_score = score, y = yy;
    }
    if (y < 0) return 0;
  }
  if (!ND_YEAR_OK(y)) return 0;
  long z = holiday_day(h, y);
  return emit_point(c, "DATE", g == ND_G_WEEK ? point_at(z, g) : nd_point_from_day(z), NULL);
}

/* "on the 14th": that day of the month of the date told about (a month or
** a day written before); nothing when the text has told of none, and
** unresolved without an anchor ("XXXX-XX-14"), as other dates counted from
** the one told about are. */
static int norm_month_day(ctx *c) {
  int i = find_cls(c, ND_W_NUMBER);
  if (i < 0 || !c->ref || !c->ref->set) return 0;
  if (!c->a) {
    char v[16];
    snprintf(v, sizeof v, "XXXX-XX-%02d", (int)c->w[i].num);
    return emit_text(c, "DATE", v, NULL);
  }
  const nd_point *r = &c->ref->p;
  if ((r->gran != ND_G_MONTH && r->gran != ND_G_DAY) || !valid_date(r->y, r->sub, (int)c->w[i].num))
    return 0;
  return emit_point(c, "DATE", nd_point_make(ND_G_DAY, r->y, r->sub, (int)c->w[i].num), NULL);
}

static int normalize_kind(ctx *c, nd_date_kind kind);

/* Years between a bare year and the month or day a narrative is telling
** about beyond which the year is a digression. */
#define DIGRESSION_YEARS 10

/* The kinds that narrative mode resolves from the reference date: not
** "today", "now" or "ago", which speak of the writer's time in a history too,
** nor "a year earlier", which counts from the reference already. */
static int tell_from_ref(nd_date_kind kind) {
  return kind != ND_K_DEICTIC && kind != ND_K_FUZZY && kind != ND_K_SHIFT && kind != ND_K_ISO;
}

/* First and last day of a reference point (a year, a month, a day). */
static int ref_days(const nd_point *p, long *lo, long *hi) { return nd_point_days(p, lo, hi); }

/* 1 when the days of point b lie within those of point a. */
static int holds(const nd_point *a, const nd_point *b) {
  long alo, ahi, blo, bhi;
  return ref_days(a, &alo, &ahi) && ref_days(b, &blo, &bhi) && alo <= blo && bhi <= ahi;
}

int nd_dates_normalize(nd_date_kind kind, const char *s, size_t n, const nd_anchor *anchor,
                       nd_tense tense, nd_date_ref *ref, nd_timex *t, nd_timex *t2) {
  /* Handlers return 1 (a date), 0 (not one: shorter readings may apply) or
  ** -1 (a date that cannot exist, "February 29, 2023": nothing of it counts). */
  ctx c;
  c.ref = ref;
  c.out_set = 0;
  c.s = s;
  c.n = n;
  c.nw = nd_words(s, n, c.w, ND_MAX_WORDS);
  c.a = anchor && anchor->set ? anchor : NULL;
  c.A = c.a ? nd_days_from_civil(c.a->y, c.a->m, c.a->d) : 0;
  c.R0 = c.R1 = c.A;
  c.tense = tense;
  c.t = t;
  c.t2 = t2;
  if (c.nw == 0) return 0;
  nd_anchor told;
  /* a history tells from dates far from the anchor, a chronicle from any other year */
  /* ...but not in a clause of the writer's own time ("will be held next month") */
  c.telling = c.a && ref && ref->narrative && ref->set && !ref->now &&
              abs(ref->p.y - c.a->y) > (ref->narrative == ND_NARRATIVE_FAR ? ND_NARRATIVE_NEAR : 0);
  if (c.telling && tell_from_ref(kind)) {
    /* Narrative mode, telling of a date far from the anchor: that date
    ** stands in for the anchor, and the verbs of a history are all past. */
    if (!ref_days(&ref->p, &c.R0, &c.R1)) return 0;
    nd_civil_from_days(c.R0, &told.y, &told.m, &told.d);
    told.set = 1, told.has_time = 0, told.hh = told.mi = told.ss = 0;
    c.a = &told;
    c.A = c.R0;
    c.tense = ND_TENSE_NONE;
  }
  int ok = normalize_kind(&c, kind);
  if (ok < 0) return -1;
  /* Shifts, vague references and looks back ("the previous year", "last
  ** month": a flashback, the story stays) do not move the date being told about;
  ** in a narrative neither does a date spoken of in the future ("planned
  ** for 1976"), a plan rather than the story's time, nor a year written
  ** alone far from the month or day being told ("as Napoleon in 1812"), a
  ** digression, nor a coarser date that holds it ("On December 7, ...
  ** 1941"), which news uses to name the period reported on. */
  int has_rel, looks_back = kind == ND_K_RELATIVE && rel_of(&c, &has_rel) < 0;
  if (ok && ref && c.out_set && kind != ND_K_SHIFT && kind != ND_K_FUZZY && !looks_back &&
      !ref->now &&
      c.out.gran <= ND_G_DAY &&
      !(ref->narrative && tense == ND_TENSE_FUTURE) &&
      !(ref->narrative && ref->set && kind == ND_K_YEAR && ref->p.gran >= ND_G_MONTH &&
        abs(c.out.y - ref->p.y) > DIGRESSION_YEARS) &&
      !(ref->narrative && ref->set && c.out.gran < ref->p.gran && holds(&c.out, &ref->p))) {
    ref->set = 1;
    ref->p = c.out;
    ref->night = 0;
    if (c.out.gran == ND_G_DAY) ref->day_set = ND_DAY_JUST_TOLD, ref->day = c.out;
  } else if (ok == 1 && ref && kind == ND_K_WEEKDAY && !ref->now && !ref->narrative &&
             !strcmp(t->type, "TIME") && c.out.gran == ND_G_PART && c.out.y >= 0) {
    /* "The shooting happened on Friday night": the story is of that day,
    ** as of the weekday alone */
    ref->set = 1;
    ref->p = c.out;
    ref->p.gran = ND_G_DAY;
    ref->night = c.out.part == 3;
    ref->day_set = ND_DAY_JUST_TOLD, ref->day = ref->p;
  }
  return ok;
}

static int normalize_kind(ctx *c, nd_date_kind kind) {
  switch (kind) {
    case ND_K_ISO: return norm_iso(c);
    case ND_K_NUMERIC: return norm_numeric(c);
    case ND_K_CALENDAR: return norm_calendar(c);
    case ND_K_YEAR: return norm_year(c);
    case ND_K_DECADE: return norm_decade(c);
    case ND_K_CENTURY: return norm_century(c);
    case ND_K_PART_YEAR: return norm_part_year(c);
    case ND_K_DEICTIC: return norm_deictic(c);
    case ND_K_WEEKDAY: return norm_weekday(c);
    case ND_K_RELATIVE: return norm_relative(c);
    case ND_K_SHIFT: return norm_shift(c);
    case ND_K_IN_FUTURE: return norm_in_future(c);
    case ND_K_DURATION: return norm_duration(c);
    case ND_K_SET: return norm_set(c);
    case ND_K_FUZZY: return norm_fuzzy(c);
    case ND_K_CLOCK: return norm_clock(c);
    case ND_K_HOLIDAY: return norm_holiday(c);
    case ND_K_MONTH_DAY: return norm_month_day(c);
  }
  return 0;
}
