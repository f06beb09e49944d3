/*
** The date tagger: finds temporal expressions in text and normalizes them
** like TimeML TIMEX3 (type, value, mod), with the exact calendar bounds of
** the value, resolved against an anchor (the publication date).
**
** Pieces, one file each:
**   dates_triggers.c   one pass: the words expressions hang on, and where to try rules
**   dates_rules.c      PCRE2 rules: compiled once, run anchored, overlaps resolved
**   dates_tense.c      tense markers around a span (past or future)
**   dates_normalize.c  a span and its rule -> TIMEX3 value, mod, bounds
**   dates_lexicon.c    words of the normalizer (months, numbers, units...)
**   dates_value.c      TIMEX3 values and calendar bounds of a point
**   dates_calendar.c   proleptic Gregorian arithmetic (days, ISO weeks)
**   dates_anchor.c     ISO-8601 anchor parsing
**   dates_i18n.c       French, Spanish, German, Italian, Portuguese dates
**
** Conventions (docs/news_dates.md): ISO weeks (Monday first, week 1 holds
** the first Thursday); seasons are the northern meteorological ones
** (SP Mar 1..May 31, SU Jun..Aug, FA Sep..Nov, WI Dec 1..end of Feb of the
** next year); numeric dates a/b/yyyy are month/day unless the first number
** exceeds 12 or the separator is a dot; a history (written years far from
** the anchor) resolves year-less dates from the last full date it wrote.
*/
#ifndef ND_DATES_H
#define ND_DATES_H
#include <stddef.h>

/* ---- Calendar (dates_calendar.c) ---------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (any year). */
long nd_days_from_civil(int y, int m, int d);
void nd_civil_from_days(long z, int *y, int *m, int *d);
int nd_is_leap(int y);
int nd_days_in_month(int y, int m);
/* ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int nd_weekday(long z);
/* ISO week-numbering year and week (1..53) of a day number. */
void nd_iso_week(long z, int *wy, int *wn);
/* Day number of the Monday of ISO week wn of ISO year wy. */
long nd_iso_week_monday(int wy, int wn);
/* Day number of Easter Sunday of year y (Gregorian). */
long nd_easter_day(int y);
/* Day number of the n-th (n > 0) or last (n = -1) ISO weekday wd of month m. */
long nd_nth_weekday(int y, int m, int wd, int n);

/* ---- Anchor (dates_anchor.c) -------------------------------------------- */

typedef struct nd_anchor {
  int set;          /* 0: no anchor, relative expressions stay unresolved */
  int y, m, d;      /* the local calendar date of the anchor */
  int has_time;     /* hh:mm given */
  int hh, mi, ss;
} nd_anchor;

/* Parse an ISO-8601 date or date-time: YYYY-MM-DD, YYYYMMDD,
** YYYY-MM-DDThh:mm[:ss[.fff]][Z|+hh:mm|-hh[mm]] (space for T allowed).
** The date is taken as written (local to the stated zone). Returns 0, or
** -1 when s is not such a string or names an impossible date. */
int nd_anchor_parse(const char *s, size_t n, nd_anchor *a);

/* ---- Tagger (dates_rules.c, dates_normalize.c) -------------------------- */

typedef struct nd_timex {
  size_t start, len;   /* bytes in the input */
  size_t sentence;     /* 1-based, as nd_sentence_of numbers it */
  const char *type;    /* "DATE", "TIME", "DURATION", "SET" */
  const char *mod;     /* "START", "APPROX", ... or NULL */
  char value[48];      /* TIMEX3 value */
  char earliest[32];   /* ISO-8601 first instant, "" when not on the calendar */
  char latest[32];     /* ISO-8601 last instant, "" when not on the calendar */
} nd_timex;

/* Find the temporal expressions of text[0..n) (invalid UTF-8 is matched
** around). anchor may be NULL. *out is nd_malloc'ed (nd_free it), ordered
** by start. Returns 0, or -1 on OOM or when the rules cannot be compiled. */
int nd_dates_find(const char *text, size_t n, const nd_anchor *anchor, nd_timex **out,
                  size_t *count);

/* Compile the rules (once per process); returns 1 when all compiled, else 0
** with *failed_rule the index of the first pattern that did not. */
int nd_dates_rules_check(int *failed_rule);

/* ---- Triggers (dates_triggers.c) ---------------------------------------- */

/* Classes of the words temporal expressions are built around. */
enum {
  ND_T_DIGIT = 1 << 0, ND_T_MONTH = 1 << 1, ND_T_WEEKDAY = 1 << 2, ND_T_UNIT = 1 << 3,
  ND_T_DEICTIC = 1 << 4, ND_T_PART = 1 << 5, ND_T_SEASON = 1 << 6, ND_T_HALF = 1 << 7,
  ND_T_FUZZY = 1 << 8, ND_T_SETADV = 1 << 9, ND_T_NOON = 1 << 10, ND_T_DECADE = 1 << 11,
  ND_T_QH = 1 << 12, ND_T_YEAR = 1 << 13, /* ND_T_DIGIT: 1-2 digits, ND_T_YEAR: 4 digits or '23 */
  ND_T_HOLIDAY = 1 << 14, ND_T_YEARWORD = 1 << 15, /* nineteen, twenty, two (thousand) */
  ND_T_I18N = 1 << 16, /* a word start that may be a trigger of dates_i18n.c */
  ND_T_PERIOD = 1 << 17 /* "period": "the latest period" of a financial report */
};

/* Called with a byte offset where an expression may start and the classes
** of the trigger words it may hold; a non-zero return stops the scan. */
typedef int (*nd_trigger_fn)(void *arg, size_t start, unsigned classes);

/* Report every place of text[0..n) where a rule is worth trying, in one
** linear pass. Returns 0, or -1 when fn stopped it. */
int nd_date_triggers(const char *s, size_t n, nd_trigger_fn fn, void *arg);
/* 1 when every trigger word is found, once (a unit test checks it). */
int nd_trigger_words_ok(void);

/* ---- Other languages (dates_i18n.c) ------------------------------------ */

/* Called with each expression found: bytes [start, start+len) and its
** type, value, mod and bounds; a non-zero return stops the scan. */
typedef int (*nd_i18n_fn)(void *arg, size_t start, size_t len, const nd_timex *t);
/* 1 when the word starting at s[i] may be a trigger of the other
** languages (nd_date_triggers reports such places with ND_T_I18N). */
int nd_i18n_maybe(const char *s, size_t n, size_t i);
/* Find the French, Spanish, German, Italian and Portuguese expressions
** around the places pos[0..npos) (ascending) of s[0..n), left to right,
** resolved against a (may be NULL). Returns 0, or -1 when fn stopped it. */
int nd_dates_i18n_at(const char *s, size_t n, const size_t *pos, size_t npos, const nd_anchor *a,
                     nd_i18n_fn fn, void *arg);
/* 1 when every word of its table is found again (a unit test checks it). */
int nd_i18n_words_ok(void);

/* ---- Tense markers (dates_tense.c) -------------------------------------- */

/* Called with the byte offset of a tense marker and 1 for future, 0 for
** past, ND_TENSE_MARK_INTENT for the "to" of an intention ("agreed to
** buy"), ND_TENSE_MARK_SPEECH for a past verb of speech ("said", "told"),
** ND_TENSE_MARK_MODAL for the writer's future ("will", "shall", "will be
** held"), ND_TENSE_MARK_PRESENT for a present that tells no tense of a
** date but the writer's time ("is", "says"); a non-zero return stops the
** scan. */
#define ND_TENSE_MARK_INTENT 2
#define ND_TENSE_MARK_SPEECH 3
#define ND_TENSE_MARK_MODAL 4
#define ND_TENSE_MARK_PRESENT 5
typedef int (*nd_tense_fn)(void *arg, size_t at, int future);
/* Report the tense markers of s[from..to) in order. Returns 0, or -1 when
** fn stopped it. */
int nd_tense_marks(const char *s, size_t from, size_t to, nd_tense_fn fn, void *arg);
/* 1 when the tense word table is sorted (a unit test checks it). */
int nd_tense_words_sorted(void);

/* ---- Between the rules and the normalizer -------------------------------- */

/* What a rule found; the normalizer reads the span's words again. */
typedef enum nd_date_kind {
  ND_K_ISO,        /* 2023-03-17, 2023-03-17T10:00 */
  ND_K_NUMERIC,    /* 17/03/2023, 03/17/2023, 3/17 */
  ND_K_CALENDAR,   /* month, day, year, weekday in any news order, ranges */
  ND_K_YEAR,       /* 2023, fiscal 2023, '23, 2019-2021 */
  ND_K_DECADE,     /* the 1990s, the mid-1980s */
  ND_K_CENTURY,    /* the 20th century */
  ND_K_PART_YEAR,  /* quarters, halves, seasons */
  ND_K_DEICTIC,    /* today, yesterday, tonight, this morning */
  ND_K_WEEKDAY,    /* (last) Friday (morning) */
  ND_K_RELATIVE,   /* next week, earlier this year, the past two months */
  ND_K_SHIFT,      /* two weeks ago, a year earlier, three days from now */
  ND_K_IN_FUTURE,  /* (in) three days: a date when "in" precedes */
  ND_K_DURATION,   /* four years, a five-year term, more than a decade */
  ND_K_SET,        /* every Monday, annually, twice a week */
  ND_K_FUZZY,      /* now, recently, the future */
  ND_K_CLOCK,      /* 1:00 p.m., 17:30 CET, noon */
  ND_K_HOLIDAY,    /* Christmas, Thanksgiving Day, Easter 2024 */
  ND_K_MONTH_DAY   /* (on) the 14th: a day of the month told about */
} nd_date_kind;

/* Tense of the sentence around a span, for weekdays and bare months. */
typedef enum nd_tense { ND_TENSE_NONE, ND_TENSE_PAST, ND_TENSE_FUTURE } nd_tense;


/* ---- Words of the normalizer (dates_lexicon.c) --------------------------- */

typedef enum nd_word_class {
  ND_W_OTHER, ND_W_NUMBER, /* digits: num, ndigits */
  ND_W_APOS_YEAR,          /* '23: num = 23 */
  ND_W_MONTH, ND_W_WEEKDAY, ND_W_NUMWORD, ND_W_ORDINAL, ND_W_UNIT, ND_W_SEASON,
  ND_W_PART,               /* morning MO, afternoon AF, evening EV, night NI */
  ND_W_REL,                /* this 0, next +1, last -1 ... */
  ND_W_MOD,                /* early, mid, late, about, over ... */
  ND_W_FEW                 /* several, few, many, some: an unknown quantity */
} nd_word_class;

typedef enum nd_unit {
  ND_U_NONE, ND_U_SECOND, ND_U_MINUTE, ND_U_HOUR, ND_U_DAY, ND_U_WEEK, ND_U_WEEKEND,
  ND_U_FORTNIGHT, ND_U_MONTH, ND_U_QUARTER, ND_U_YEAR, ND_U_DECADE, ND_U_CENTURY,
  ND_U_MILLENNIUM
} nd_unit;

typedef struct nd_word {
  nd_word_class cls;
  int val;        /* month 1..12, weekday 1..7, number, unit, season 0..3 (SP SU FA WI),
                     part 0..3 (MO AF EV NI), rel -1/0/1 */
  int plural;     /* units: written in the plural */
  long num;       /* ND_W_NUMBER, ND_W_APOS_YEAR */
  int ndigits;
  size_t off, len; /* bytes within the span */
  char low[16];   /* lower-cased word (truncated), "" for numbers */
} nd_word;

#define ND_MAX_WORDS 40

/* Split a span into words and look each up; returns the number of words. */
int nd_words(const char *s, size_t n, nd_word *w, int max);
/* 1 when the lexicon is sorted (a unit test checks it). */
int nd_lexicon_sorted(void);

/* ---- Values and bounds (dates_value.c) ----------------------------------- */

typedef enum nd_gran {
  ND_G_CENTURY, ND_G_DECADE, ND_G_YEAR, ND_G_HALF, ND_G_QUARTER, ND_G_SEASON, ND_G_MONTH,
  ND_G_WEEK, ND_G_WEEKEND, ND_G_DAY, ND_G_PART, ND_G_MINUTE, ND_G_SECOND
} nd_gran;

/* A calendar value; unknown fields are -1 (written X). */
typedef struct nd_point {
  nd_gran gran;
  int y;       /* year (for centuries and decades, their first year) */
  int sub;     /* half 1..2, quarter 1..4, season 0..3, month 1..12, ISO week */
  int d;       /* day of month, or ISO weekday when m is unknown (XXXX-WXX-5) */
  int part;    /* 0..3 for ND_G_PART */
  int hh, mi, ss;
  int zone;    /* minutes east of UTC, or ND_NO_ZONE */
} nd_point;
#define ND_NO_ZONE (-100000)

nd_point nd_point_make(nd_gran g, int y, int sub, int d);
/* The day of a point of day granularity or finer as a day number; 0 and
** *ok = 0 when it is not fully known. */
long nd_point_day(const nd_point *p, int *ok);
nd_point nd_point_from_day(long z);

/* A year Y before the Christian era (1..ND_BC_MAX BC) is kept as the year
** ND_BC_BASE - Y (480 BC = 999520), a band far above any year of our era
** (0..9999, also an absurd anchor plus a long shift): the calendar
** arithmetic then runs forward as it should ("the following year" of 480
** BC is 479 BC). Its value is written "BC0480"; it has no bounds. */
#define ND_BC_BASE 1000000
#define ND_BC_MAX 2999
#define ND_IS_BC(y) ((y) >= ND_BC_BASE - ND_BC_MAX && (y) < ND_BC_BASE)
/* A year the tagger can write: 0..9999 of our era, or one of the BC band. */
#define ND_YEAR_OK(y) (((y) >= 0 && (y) <= 9999) || ND_IS_BC(y))

/* Write the TIMEX3 value. */
void nd_point_value(const nd_point *p, char *out, size_t cap);
/* First and last day numbers a point of day granularity or coarser covers
** (also before the Christian era); 0 when it is not fully known. */
int nd_point_days(const nd_point *p, long *first, long *last);
/* First and last instant; 0 when the point is not fully known. The mod
** START/MID/END narrows to the first, middle or last third. */
int nd_point_bounds(const nd_point *p, const char *mod, char *earliest, char *latest);

/* Value of the coarsest unit holding both a and b, and the bounds of
** a..b; for day ranges without a year ("February 14-22"), one expression. */
void nd_range_value(const nd_point *a, const nd_point *b, nd_timex *t);

/* ---- The normalizer (dates_normalize.c) --------------------------------- */

/* Years from the anchor within which a written year still reads as news. */
#define ND_NARRATIVE_NEAR 10
/* Kinds of narrative (nd_date_ref.narrative): a history whose years lie far
** from the anchor, or a chronicle of recent years other than the anchor's. */
#define ND_NARRATIVE_FAR 1
#define ND_NARRATIVE_CHRONICLE 2

/* The date a text is telling about: the last date of day granularity or
** coarser it wrote in full. "A year earlier" and "the following month" count
** from it (TimeML's reference time). */
typedef struct nd_date_ref {
  int narrative;   /* 0 (news) or ND_NARRATIVE_*: the text tells of its own
                      time, and dates written without a year count from p
                      while p lies away from the anchor's time */
  int set;
  nd_point p;
  int quoted;      /* set by the caller: the span stands inside a quotation */
  int now;         /* set by the caller: the span is in a clause of the writer's own
                      time ("will be held next month"), which the anchor dates */
  int quarter_set; /* the last quarter named ("the third quarter"): "the quarter" is it */
  nd_point quarter;
  int day_set;     /* the last day told about, kept when a coarser date ("built in the
                      1970s") moves p, for a past clock time without its day; set to
                      ND_DAY_JUST_TOLD when a span tells it, which the caller notes
                      and clears a sentence after the day's (dates_rules.c) */
  nd_point day;
  int night;       /* p was told as a night ("Friday night"): its morning hours
                      are of the next day */
} nd_date_ref;
#define ND_DAY_JUST_TOLD 2

/* Normalize text[0..n) found by a rule of the given kind. Fills type,
** value, mod, earliest, latest of *t (not its offsets) and moves *ref (may
** be NULL) to the new date. Returns 1 when the span is a temporal
** expression, 0 when it is not (a shorter reading may be), -1 when it names
** a date that cannot exist ("February 29, 2023"), which no part of it may
** then be read as, and 2 when it is a range written as one ("1915-17",
** "6-7 January 1916", "March 3 to 5, 1918"): then *t is its first end and *t2 its
** second, as TimeML tags them, with start and len set as byte offsets
** within the span. */
int nd_dates_normalize(nd_date_kind kind, const char *s, size_t n, const nd_anchor *anchor,
                       nd_tense tense, nd_date_ref *ref, nd_timex *t, nd_timex *t2);

#endif
