/*
** The rules of the date tagger: where temporal expressions are.
**
** Each rule is one PCRE2 pattern and the kind of expression it finds (see
** nd_date_kind). Patterns are built from named pieces (MONTH, DAY, QTY,
** UNIT...) and compiled once per process, JIT-compiled, with pthread_once;
** the compiled code is read-only and shared by all threads. Match data and
** match limits belong to each call.
**
** How it works: every rule scans the whole text; all matches are
** candidates. Candidates are sorted by start, longest first, and kept
** greedily when they do not overlap a kept one (leftmost-longest). Each
** kept span goes to the normalizer (dates_normalize.c) with the tense of
** the words around it, which may still reject it.
**
** Linear time: the patterns have no nested unbounded repetition, every
** repeat is bounded or anchored on literal words, and the tense window is
** bounded, so scanning is linear in the input (tested on adversarial
** input in tests/python/test_dates_robust.py).
*/
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_dates.h"
#include "nd_sentences.h"

/* ---- Pieces ------------------------------------------------------------ */

#define MONTH_WORD                                                                       \
  "(?:(?:january|february|march|april|june|july|august|september|october|november|" \
  "december|(?-i:May))\\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\\.|\\b))"
/* Months standing alone must look like names: capitalized, "May" only after
** a preposition or modifier (it is mostly the verb). */
#define MONTH_ALONE                                                                   \
  "(?:(?-i:January|February|March|April|June|July|August|September|October|November|" \
  "December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|" \
  "DECEMBER|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)(?!\\w)"                \
  "|(?<=\\bin |\\bof |\\bby |\\bto |\\bor |\\band |\\blast |\\bnext |\\bthis |\\bearly |" \
  "\\blate |\\bmid-|\\bsince |\\buntil |\\bfrom |\\bthrough |\\bsince |\\bbefore |"      \
  "\\bafter |\\bduring )(?-i:May)\\b)"
#define WEEKDAY                                                                         \
  "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|"                \
  "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.)"
#define DAY "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\w,.]\\d|:\\d|\\w)"
#define YEAR4 "(?:[12][0-9]{3})(?![\\w%]|[.,]\\d)"
#define NUMWORD                                                                          \
  "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|" \
  "four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|" \
  "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"        \
  "a\\s+hundred|one\\s+hundred|a\\s+dozen|a\\s+couple\\s+of|a\\s+few|couple\\s+of|"    \
  "several|few|many|some|dozens\\s+of|hundreds\\s+of|thousands\\s+of)"
#define QTY                                                                                \
  "(?:(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:\\.\\d+)?)|" NUMWORD "(?:\\s+(?:hundred|thousand))?" \
  "|an?)(?:\\s+and\\s+a\\s+half)?"
/* "two to three", "12 to 18", "one or two" */
#define QTYS "(?:" QTY "(?:\\s*(?:to|or|-|–)\\s*" QTY ")?)"
#define UNIT                                                                           \
  "(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?(?!\\s+of\\b)|years?|" \
  "decades?|century|centuries|millenni(?:um|a))\\b"
#define UNIT1                                                                       \
  "(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|" \
  "millennium)\\b"
#define APPROX                                                                    \
  "(?:(?:about|around|approximately|roughly|nearly|almost|some|over|under|just|" \
  "more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|up\\s+to|"     \
  "no\\s+more\\s+than|the\\s+better\\s+part\\s+of|fully)\\s+)"
#define EDGE "(?:(?:early|late|mid-?|middle|(?:the\\s+)?(?:start|beginning|end|middle)\\s+of)\\s*)"
#define REL "(?:this|next|last|past|previous|coming|following|current|prior|same)"
#define PART "(?:morning|afternoon|evening|night)"
#define ORD                                                                        \
  "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|" \
  "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"     \
  "nineteenth|twentieth|twenty-first|1st|2nd|3rd|[4-9]th|1[0-9]th|20th|21st)"
#define YEARREF "(?:" YEAR4 "|(?:this|last|next|the\\s+(?:current|previous|next|same))\\s+year)"
#define ZONE                                                                               \
  "(?-i:GMT|UTC|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|KST|HKT|SGT|AEST|AEDT|EST|EDT|" \
  "CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MT|Z)\\b"
#define AMPM "(?:a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|a\\.\\s?m\\.|p\\.\\s?m\\.)"
#define NOT_AGE "(?![- ]+old\\b)"

typedef struct date_rule {
  nd_date_kind kind;
  const char *pattern;
} date_rule;

static const date_rule rules[] = {
    {ND_K_ISO, "(?<![\\w/.-])[0-9]{4}-[01][0-9]-[0-3][0-9](?:T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9])?)?(?![\\w-]|/\\d)"},
    {ND_K_NUMERIC, "(?<![\\w/.:-])(?:[0-3]?[0-9])[/.](?:[0-3]?[0-9])[/.](?:[12][0-9]{3}|[0-9]{2})(?![\\w/]|[.,]\\d)"},
    /* Month day, year; weekday first; ranges "February 14-22", "March 3 to 5". */
    {ND_K_CALENDAR, "(?:" WEEKDAY ",?\\s+)?" EDGE "?" MONTH_WORD "\\s*" DAY
                    "(?:\\s*(?:-|–)\\s*(?:" MONTH_WORD "\\s*)?" DAY "|\\s+(?:to|through|and)\\s+" DAY ")?"
                    "(?:,?\\s+" YEAR4 "|,?\\s+(?:last|this|next)\\s+year\\b)?"},
    /* Day month year: "17 March 2023", "Friday 17 March", "the 17th of March". */
    {ND_K_CALENDAR, "(?:" WEEKDAY ",?\\s+)?(?:the\\s+)?\\b" DAY "(?:\\s*(?:-|–)\\s*" DAY ")?\\s+(?:of\\s+)?"
                    MONTH_WORD "(?:,?\\s+" YEAR4 ")?"},
    /* Month year: "March 2023", "March of 2023", "early March 2023". */
    {ND_K_CALENDAR, EDGE "?" MONTH_WORD ",?\\s+(?:of\\s+)?(?:" YEAR4 "|(?:last|this|next)\\s+year\\b)"},
    /* Month alone: "in March", "early May", "last April". */
    {ND_K_CALENDAR, EDGE "?(?:(?:last|next|this|coming|past)\\s+)?" MONTH_ALONE},
    /* Years and year ranges: 2023, fiscal 2023, 2019-2021, 1990-95, '23. */
    {ND_K_YEAR, "(?:(?:fiscal(?:\\s+year)?|FY|the\\s+year|calendar(?:\\s+year)?|" EDGE ")\\s*)?"
                "(?:(?<=mid-)|(?<![\\w$€£¥.,/:#-]))(?:1[0-9]|20)[0-9]{2}(?:\\s*(?:-|–)\\s*(?:(?:1[0-9]|20)[0-9]{2}|[0-9]{2}))?"
                "(?![\\w%$-]|[.,:]\\d|\\s*(?:percent|per\\s*cent))"},
    {ND_K_YEAR, "(?:(?:fiscal|the\\s+class\\s+of|summer\\s+of|spring\\s+of|fall\\s+of|winter\\s+of)\\s+)?"
                "(?<![\\w'’])['’][0-9]{2}\\b(?!['’]|\\s*(?:-|–)\\s*\\d)"},
    /* Decades: the 1990s, the mid-1980s, the '90s, the nineties. */
    {ND_K_DECADE, "(?:the\\s+)?" EDGE "?(?:(?:1[0-9]|20)[0-9]0|['’][0-9]0)['’]?s\\b"},
    {ND_K_DECADE, "\\bthe\\s+" EDGE "?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b"},
    /* Centuries: the 20th century, the early nineteenth century. */
    {ND_K_CENTURY, "(?:the\\s+)?" EDGE "?" ORD "[-\\s]+century\\b"},
    /* Quarters, halves, seasons. */
    {ND_K_PART_YEAR, "(?:the\\s+(?!(?:fiscal[-\\s]+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-quarter))?(?:(?:" YEAR4 "|(?:this|last|next)\\s+year)['’]s\\s+|" YEAR4 "\\s+(?=(?:fiscal\\s+)?(?:first|second|third|fourth)))?"
                     "(?:(?:fiscal|calendar|latest|current|past|previous|last|this|next|"
                     "year-earlier|year-ago|same|comparable|final)[-\\s]+){0,2}"
                     "(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]+(?:fiscal[-\\s]+)?quarter\\b(?!-)"
                     "(?:,?\\s+(?:of\\s+)?" YEARREF ")?"},
    {ND_K_PART_YEAR, "\\b(?:the|this|last|next)\\s+(?:(?:fiscal|calendar|latest|current|past|previous|"
                     "year-earlier|year-ago|same|comparable|final)[-\\s]+){0,2}quarter\\b(?!-)(?!\\s+of\\s+(?:a|an|the|all|its|their)\\b)"},
    {ND_K_PART_YEAR, "\\b(?-i:Q[1-4]|H[12])(?:\\s*(?:of\\s+)?(?:" YEAR4 "|['’]?[0-9]{2}\\b))?(?!\\w)"},
    {ND_K_PART_YEAR, "(?:the\\s+)?(?:first|second|1st|2nd|latter|last)\\s+half\\s+(?:of\\s+)?(?:" YEARREF "|the\\s+year)"},
    {ND_K_PART_YEAR, "(?:the\\s+)?(?:first|second|1st|2nd|latter|last)\\s+half(?=\\s*(?:,|\\.|of\\s+(?:this|next|last|the)\\s+year))"},
    {ND_K_PART_YEAR, EDGE "?(?:(?:last|next|this|the|coming|past)\\s+)?(?:spring|summer|autumn|winter)\\b"
                     "(?:\\s+(?:of\\s+)?(?:" YEARREF "|['’][0-9]{2}\\b))?"},
    {ND_K_PART_YEAR, "(?:" EDGE "|(?:last|next|this|the|coming|past)\\s+)+fall\\b(?:\\s+(?:of\\s+)?(?:" YEARREF "|['’][0-9]{2}\\b))?"},
    {ND_K_PART_YEAR, "\\bfall\\s+(?:of\\s+)?" YEAR4},
    {ND_K_RELATIVE, "(?:(?:the\\s+)?" YEAR4 "\\s+)?\\byear(?:['’]s)?[-\\s]end\\b"},
    {ND_K_RELATIVE, "(?:" EDGE "|(?:earlier|later)\\s+in\\s+)?\\bthe\\s+(?:full\\s+|fiscal\\s+|calendar\\s+)?(?:year|month|week)\\b"
                    "(?!\\s+(?:of|before|after|in\\s+which|when|that|to|ago|earlier|later|or|and)\\b|['’-])"},
    /* today, yesterday morning, tonight, this afternoon, last night. */
    {ND_K_DEICTIC, "(?:(?:early|late)\\s+)?(?:today|tonight|yesterday|tomorrow)\\b(?:\\s+" PART ")?"},
    {ND_K_DEICTIC, "(?:(?:early|late|later|earlier)\\s+)?(?:this\\s+" PART "|last\\s+night)\\b"},
    /* Weekdays: Friday, last Friday, Tuesday morning, Mondays. */
    {ND_K_WEEKDAY, "(?:(?:early|late)\\s+)?(?:(?:last|next|this|coming|following|previous|past)\\s+)?" WEEKDAY
                   "(?:\\s+" PART "s?\\b)?"},
    {ND_K_WEEKDAY, "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\\b"},
    /* next week, earlier this year, the following day, the past two months. */
    {ND_K_RELATIVE, "(?:(?:early|late|earlier|later|" EDGE ")\\s*)?(?:the\\s+)?" REL
                    "\\s+(?:fiscal\\s+)?(?:week(?:end)?|month|year|decade|century|quarter|day)\\b(?!-)(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "(?:the\\s+)?(?:past|last|next|coming|previous|first|final|remaining|following|recent)\\s+"
                    "(?:" QTY "\\s+)?(?:days|weeks|months|years|decades|quarters|hours|minutes)\\b(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "(?:the\\s+)?(?:past|last|next|coming|previous|first|final|remaining|following)\\s+"
                    QTY "\\s+" UNIT "(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "\\b(?:the|this|last)\\s+weekend\\b"},
    /* two weeks ago, a year earlier, three days from now. */
    {ND_K_SHIFT, APPROX "?(?:" QTYS "|the)\\s+" UNIT "(?:\\s+or\\s+so)?\\s+(?:ago|earlier|later|from\\s+now|hence)\\b"},
    {ND_K_SHIFT, "(?:the\\s+(?:comparable\\s+|same\\s+)?(?=\\S+\\s+period\\b))?\\b(?:year|month|week|day)[-\\s](?:earlier|ago)\\b(?:\\s+period\\b)?"},
    {ND_K_SHIFT, "\\b(?:years|months|weeks|days|decades)\\s+ago\\b"},
    /* in three days: a date in a future sentence, else a duration. */
    {ND_K_IN_FUTURE, "(?<=\\bin |\\bwithin )" APPROX "?" QTY "\\s+(?:more\\s+)?" UNIT NOT_AGE},
    /* Rates after an amount: "$5 a year", "300 flights a week". */
    {ND_K_SET, "(?<=\\d |\\d% |\\bcents |\\bdollars |\\bshares |\\bseats |\\bflights |\\bpeople |\\bunits |\\btimes )"
               "an?\\s+(?:year|month|week|day)\\b"},
    /* Durations: four years, a five-year term, more than a decade. */
    {ND_K_DURATION, APPROX "?(?:the\\s+(?:(?:latest|first|last|past|next|previous|coming|final|remaining|same|full|entire)\\s+)?"
                    "(?!" QTY "-))?" QTYS "[-\\s]+(?:more\\s+|full\\s+|long\\s+|straight\\s+|consecutive\\s+)?" UNIT
                    "(?:\\s+and\\s+a\\s+half\\b)?" NOT_AGE},
    {ND_K_DURATION, APPROX "?(?:" QTY "|\\d{1,3})-" UNIT1 NOT_AGE},
    {ND_K_DURATION, "\\b(?:years|decades|centuries|months|weeks)(?=\\s+(?:of|ago|later|earlier|before|after)\\b)"},
    {ND_K_DURATION, "(?<=\\bfor )(?:years|decades|centuries|months|weeks|days|hours)\\b"},
    /* Sets: every Monday, each year, annually, twice a week. */
    {ND_K_SET, "\\b(?:every|each)\\s+(?:other\\s+)?(?:" QTY "\\s+)?(?:" WEEKDAY "|" UNIT "|" PART
               "|" MONTH_WORD "|spring|summer|fall|autumn|winter)\\b"},
    {ND_K_SET, "\\b(?:annually|yearly|daily|weekly|monthly|quarterly|hourly|nightly|biannually|biennially)\\b"
               /* "quarterly dividend": an adjective before its noun is not a set */
               "(?!\\s+(?!(?:and|or|but|in|on|at|to|for|from|through|until|since|by|with|as|than|the|a|an|"
               "basis|while|because|if)\\b)[a-z])"},
    {ND_K_SET, "\\b(?:once|twice|thrice|" QTY "\\s+times)\\s+(?:a|an|per|each|every)\\s+" UNIT1},
    {ND_K_SET, "\\bper\\s+" UNIT1},
    /* now, recently, the future. */
    {ND_K_FUZZY, "\\bnow\\b(?!\\s+that\\b)|\\bcurrently\\b|\\brecently\\b|\\blately\\b|\\bnowadays\\b|"
                 "\\bpresently\\b|\\bat\\s+present\\b|\\bthese\\s+days\\b|(?<!\\bas )\\bsoon\\b(?!\\s+(?:as|after|afterwards?)\\b)|"
                 "\\bthe\\s+(?:near\\s+|distant\\s+|foreseeable\\s+|immediate\\s+)?(?:future|past)\\b|"
                 "\\bcurrent\\b"},
    /* Clock times: 1:00 p.m., 17:30 CET, 1400 GMT, noon (Thursday). */
    {ND_K_CLOCK, "(?:(?:about|around|approximately|just\\s+(?:before|after))\\s+)?"
                 "\\b(?:[01]?[0-9]|2[0-3])(?:[:.][0-5][0-9](?::[0-5][0-9])?)?\\s*" AMPM "(?:\\s*" ZONE ")?"
                 "(?:,?\\s+(?:on\\s+)?(?:" WEEKDAY "|today|yesterday|tomorrow|" MONTH_WORD "\\s*" DAY "))?"},
    {ND_K_CLOCK, "(?<![\\w:.])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\\s*(?:h\\b|hrs\\b|" ZONE "))?(?![\\w:]|\\.\\d)"},
    {ND_K_CLOCK, "(?<![\\w:.,])(?:[01][0-9]|2[0-3])[0-5][0-9]\\s*(?:GMT|UTC|hrs|hours\\s+(?:GMT|local))\\b"},
    {ND_K_CLOCK, "(?<![\\w:.,])(?:[01]?[0-9]|2[0-3])\\s*(?-i:GMT|UTC)\\b"},
    {ND_K_CLOCK, "\\b(?:mid-?)?(?:noon|midnight|midday)\\b(?:,?\\s+(?:on\\s+)?(?:" WEEKDAY "|today|yesterday|tomorrow))?"},
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

/* Words that put the verb of a clause in the future or the past. The
** first alternative that matches at a place wins ("scheduled" is future). */
static const char tense_pattern[] =
    "\\b(?:(?:had\\s+(?:been\\s+)?(?:due|scheduled|expected|set|supposed))(*MARK:P)|"
    "(?:will|won't|shall|'ll|going\\s+to|plans?\\s+to|scheduled|expected|"
    "expects?\\s+to|due\\s+to|to\\s+be|would|next|tomorrow|upcoming|coming|later\\s+this|"
    "intends?\\s+to|aims?\\s+to|hopes?\\s+to|set\\s+to|is\\s+to|are\\s+to)(*MARK:F)|"
    "(?:said|was|were|had|did|told|ago|last|yesterday|earlier|[a-z]{2,}ed)(*MARK:P))\\b";

#define TENSE_WINDOW 160 /* bytes on each side of a span */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

static pcre2_code *rule_code[N_RULES];
static pcre2_code *tense_code;
static int rules_ready; /* 1 when every pattern compiled */
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* word_start: the match may not begin inside a word ("owed." is not "wed."). */
static pcre2_code *compile_one(const char *pattern, int word_start) {
  char buf[8192];
  int err;
  PCRE2_SIZE off;
  if (snprintf(buf, sizeof buf, "%s(?:%s)", word_start ? "(?<!\\w)" : "", pattern) >= (int)sizeof buf)
    return NULL;
  pcre2_code *c = pcre2_compile((PCRE2_SPTR)buf, PCRE2_ZERO_TERMINATED,
                                PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
                                &err, &off, NULL);
  if (c) pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
  return c;
}

/* Compiled with PCRE2's default allocator: the code lives as long as the
** process and is shared by every connection and thread. */
static void compile_rules(void) {
  for (size_t i = 0; i < N_RULES; i++)
    if (!(rule_code[i] = compile_one(rules[i].pattern, 1))) return;
  if (!(tense_code = compile_one(tense_pattern, 0))) return;
  rules_ready = 1;
}

/* Free the rules when the library is unloaded (dlclose at the end of an
** sqlite3 session), so that LeakSanitizer and valgrind see no lost memory:
** once the library's data is unmapped, nothing points at them any more. */
__attribute__((destructor)) static void free_rules(void) {
  for (size_t i = 0; i < N_RULES; i++) pcre2_code_free(rule_code[i]);
  pcre2_code_free(tense_code);
}

int nd_dates_rules_check(int *failed_rule) {
  pthread_once(&rules_once, compile_rules);
  *failed_rule = -1;
  for (size_t i = 0; i < N_RULES && !rules_ready; i++)
    if (!rule_code[i]) {
      *failed_rule = (int)i;
      break;
    }
  return rules_ready;
}

typedef struct candidate {
  size_t start, end;
  int rule;
} candidate;

static int candidate_cmp(const void *a, const void *b) {
  const candidate *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return x->rule - y->rule;
}

typedef struct scan {
  const char *text;
  size_t n;
  pcre2_match_data *md;
  pcre2_match_context *mc;
} scan;

static size_t next_char(const char *s, size_t n, size_t i) {
  i++;
  while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
  return i;
}

/* All matches of one rule; returns -1 on OOM. */
static int scan_rule(scan *sc, int r, candidate **cand, size_t *nc, size_t *cap) {
  size_t at = 0;
  while (at < sc->n) {
    int rc = pcre2_match(rule_code[r], (PCRE2_SPTR)sc->text, sc->n, at, 0, sc->md, sc->mc);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      /* A match or depth limit: give up on this place, not on the text. */
      at = next_char(sc->text, sc->n, at);
      continue;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
    if (ov[1] <= ov[0]) {
      at = next_char(sc->text, sc->n, ov[0] > at ? ov[0] : at);
      continue;
    }
    if (*nc == *cap) {
      size_t ncap = *cap ? *cap * 2 : 64;
      candidate *c2 = nd_realloc(*cand, ncap * sizeof(**cand));
      if (!c2) return -1;
      *cand = c2, *cap = ncap;
    }
    (*cand)[(*nc)++] = (candidate){ov[0], ov[1], r};
    at = ov[1];
  }
  return 0;
}

/* Tense of the words nearest to [start, end) within its sentence. */
static nd_tense tense_near(scan *sc, const nd_span *sent, size_t start, size_t end) {
  size_t lo = sent ? sent->start : 0, hi = sent ? sent->start + sent->len : sc->n;
  if (start > lo + TENSE_WINDOW) lo = start - TENSE_WINDOW;
  if (hi > end + TENSE_WINDOW) hi = end + TENSE_WINDOW;
  nd_tense best = ND_TENSE_NONE;
  size_t best_dist = (size_t)-1, at = lo;
  while (at < hi) {
    int rc = pcre2_match(tense_code, (PCRE2_SPTR)sc->text, hi, at, 0, sc->md, sc->mc);
    if (rc < 0) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
    if (ov[1] <= at) break;
    /* Words inside the expression itself ("last", "next") are the rule's own business. */
    if (ov[1] <= start || ov[0] >= end) {
      size_t dist = ov[0] >= end ? ov[0] - end : start - ov[1];
      if (dist < best_dist) {
        const char *mark = (const char *)pcre2_get_mark(sc->md);
        best_dist = dist;
        best = mark && mark[0] == 'F' ? ND_TENSE_FUTURE : ND_TENSE_PAST;
      }
    }
    at = ov[1];
  }
  return best;
}

static int kind_needs_tense(nd_date_kind k) {
  return k == ND_K_CALENDAR || k == ND_K_WEEKDAY || k == ND_K_IN_FUTURE || k == ND_K_PART_YEAR ||
         k == ND_K_RELATIVE || k == ND_K_CLOCK;
}

int nd_dates_find(const char *text, size_t n, const nd_anchor *anchor, nd_timex **out,
                  size_t *count) {
  *out = NULL;
  *count = 0;
  pthread_once(&rules_once, compile_rules);
  if (!rules_ready) return -1;
  if (n == 0) return 0;
  int rc = -1;
  candidate *cand = NULL;
  size_t nc = 0, cap = 0;
  nd_span *sent = NULL;
  size_t nsent = 0;
  nd_timex *res = NULL;
  scan sc = {text, n, NULL, NULL};
  sc.md = pcre2_match_data_create(4, NULL);
  sc.mc = pcre2_match_context_create(NULL);
  if (!sc.md || !sc.mc) goto done;
  pcre2_set_match_limit(sc.mc, MATCH_LIMIT);
  pcre2_set_depth_limit(sc.mc, DEPTH_LIMIT);
  for (size_t r = 0; r < N_RULES; r++)
    if (scan_rule(&sc, (int)r, &cand, &nc, &cap)) goto done;
  if (nc == 0) {
    rc = 0;
    goto done;
  }
  qsort(cand, nc, sizeof(*cand), candidate_cmp);
  if (nd_sentences_split(text, n, &sent, &nsent)) goto done;
  res = nd_malloc(nc * sizeof(*res));
  if (!res) goto done;
  size_t kept = 0, last_end = 0;
  nd_date_ref ref = {0};
  for (size_t i = 0; i < nc; i++) {
    const candidate *c = &cand[i];
    if (c->start < last_end) continue;
    nd_date_kind kind = rules[c->rule].kind;
    size_t si = nd_sentence_of(sent, nsent, c->start);
    nd_tense tense = kind_needs_tense(kind)
                         ? tense_near(&sc, nsent ? &sent[si - 1] : NULL, c->start, c->end)
                         : ND_TENSE_NONE;
    nd_timex *t = &res[kept];
    memset(t, 0, sizeof(*t));
    if (!nd_dates_normalize(kind, text + c->start, c->end - c->start, anchor, tense, &ref, t)) continue;
    t->start = c->start;
    t->len = c->end - c->start;
    t->sentence = si;
    last_end = c->end;
    kept++;
  }
  *out = res;
  *count = kept;
  res = NULL;
  rc = 0;
done:
  nd_free(res);
  nd_free(sent);
  nd_free(cand);
  pcre2_match_context_free(sc.mc);
  pcre2_match_data_free(sc.md);
  return rc;
}
