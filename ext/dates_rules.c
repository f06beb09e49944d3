/*
** The rules of the date tagger: where temporal expressions are.
**
** Each rule is one PCRE2 pattern and the kind of expression it finds (see
** nd_date_kind). Patterns are built from named pieces (MONTH, DAY, QTY,
** UNIT...) and compiled once per process, JIT-compiled, with pthread_once;
** the compiled code is read-only and shared by all threads. Match data and
** match limits belong to each call.
**
** How it works: one pass (dates_triggers.c) finds the words expressions
** are built around and the places where one could start; there the rules
** whose kind can hold such a word run anchored (compiled PCRE2_ANCHORED, so
** the JIT applies). All matches are candidates; they are sorted by start,
** longest first, and kept greedily when they do not overlap a kept one
** (leftmost-longest). Each kept span goes to the normalizer
** (dates_normalize.c) with the tense of the words around it, which may still
** reject it. Before that, the candidates tell whether the text is news or a
** narrative (narrative_text), which decides what year-less dates count from.
**
** Linear time: each place is tried once per class of trigger, the patterns
** have no nested unbounded repetition (every repeat is bounded or anchored
** on literal words), and the tense markers are read once, left to right,
** so the work is linear in the input (tested on adversarial input in
** tests/python/test_dates_robust.py).
*/
#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
/* Weekdays shortened without a dot, as datelines write them before a date
** ("Sun 22 Nov 2026", "Tue, Nov 24"): capitalized, and only there */
#define WEEKDAY_ABBR "(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\b"
#define DAY "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\w,.]\\d|:\\d|\\w)"
#define YEAR4 "(?:[12][0-9]{3})(?![\\w%]|[.,]\\d)"
/* A year before the Christian era: 241 BC, 44 B.C., 490 BCE. */
#define BCYEAR "[1-9][0-9]{0,3}\\s?(?-i:B\\.C\\.(?:E\\.)?|BCE?\\b)"
#define NUMWORD                                                                          \
  "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|" \
  "four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|" \
  "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"        \
  "a\\s+hundred|one\\s+hundred|a\\s+dozen|a\\s+couple\\s+of|a\\s+few|couple\\s+of|"    \
  "several|few|many|some|dozens\\s+of|hundreds\\s+of|thousands\\s+of)"
#define ONES "(?:one|two|three|four|five|six|seven|eight|nine)"
#define TEENS "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
#define TENS "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
/* A year in words, as transcripts write it: "nineteen ninety-six", "two thousand one". */
#define YEAR_WORDS                                                                          \
  "(?:(?:nineteen|twenty)[-\\s]+(?:hundred|oh[-\\s]+" ONES "|" TEENS "|" TENS "(?:[-\\s]+" ONES \
  ")?)|two\\s+thousand(?:\\s+and)?(?:[-\\s]+(?:" TEENS "|" ONES "))?)\\b"
#define QTY                                                                                \
  "(?:(?:\\d{1,3}(?:,\\d{3})+|\\d{1,6}(?:\\.\\d+)?(?:\\s+[13]/[24])?)|"                  \
  NUMWORD "(?:\\s+(?:hundred|thousand))?"                                                \
  "|an?)(?:\\s+and\\s+a\\s+half)?"
/* "two to three", "12 to 18", "one or two" */
#define QTYS "(?:" QTY "(?:\\s*(?:to|or|-|–)\\s*" QTY ")?)"
/* "a quarter point", "a quarter-percentage-point cut", "a quarter mile": a
** fraction of a measure, no three months */
#define NOT_FRACTION                                                                    \
  "(?![-\\s]+(?:of\\b|(?:percentage[-\\s]+)?points?\\b|percent|per[-\\s]?cent|basis\\b|"  \
  "miles?\\b|pounds?\\b|inch|inches\\b|ounces?\\b|acres?\\b|gallons?\\b|tons?\\b|"        \
  "tonnes?\\b|kilo|liters?\\b|litres?\\b|cups?\\b|shares?\\b|stakes?\\b))"
/* "rose by a quarter", "cut by three quarters": a share, no three months */
#define BY_FRACTION                                                                     \
  "(?<!\\bby a |\\bby one |\\bby three |\\bby about a |\\bby nearly a |\\bby almost a |" \
  "\\bby roughly a |\\bby over a |\\bby more than a )"
#define UNIT                                                                           \
  "(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|" BY_FRACTION "quarters?" NOT_FRACTION "|years?|" \
  "decades?|century|centuries|millenni(?:um|a))\\b"
#define UNIT1                                                                       \
  "(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|" \
  "millennium)\\b"
#define APPROX                                                                    \
  "(?:(?:about|around|approximately|roughly|nearly|almost|some|over(?!\\s+the\\b)|under|" \
  "more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|up\\s+to|"     \
  "no\\s+more\\s+than|the\\s+better\\s+part\\s+of|fully)\\s+)"
/* "end-2027", "early-2027", "end-November": the hyphened edges of financial news */
#define EDGE "(?:(?:early-?|late-?|mid-?|(?:end|start)-|middle|(?:the\\s+)?(?:start|beginning|end|middle)\\s+of)\\s*)"
#define REL "(?:this|next|last|past|previous|coming|following|current|prior|same)"
#define PART "(?:morning|afternoon|evening|night)"
/* "the morning of", "early in the morning of", "the early morning hours of": a
** part of the day a calendar date then names. Not "the night of Oct. 23",
** which TimeML's gold reads as the day (a night runs into the next one). */
#define PART_OF                                                                   \
  "(?:early\\s+in\\s+)?(?:the\\s+)?(?:(?:early|late)\\s+)?(?:morning|afternoon|evening)" \
  "(?:\\s+hours)?\\s+of\\s+"
#define ORD                                                                        \
  "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|" \
  "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"     \
  "nineteenth|twentieth|twenty-first|1st|2nd|3rd|[4-9]th|1[0-9]th|20th|21st)"
#define YEARREF "(?:" YEAR4 "|(?:this|last|next|the\\s+(?:current|previous|next|same))\\s+year)"
#define ZONE                                                                               \
  "(?-i:GMT|UTC|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|KST|HKT|SGT|AEST|AEDT|EST|EDT|" \
  "CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MT|Z)\\b"
/* US zones in words after a clock time: "3 p.m. Eastern", "11 a.m. Pacific
** time" (not "Central Asia", a place; a weekday may follow) */
#define ZONE_WORDS                                                                         \
  "(?-i:Eastern|Central|Mountain|Pacific)(?:\\s+(?:(?-i:Standard|Daylight)\\s+)?(?-i:[Tt]ime))?\\b"  \
  "(?!\\s+(?-i:[A-Z][a-z]++)(?<!Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
#define AMPM "(?:a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|a\\.\\s?m\\.|p\\.\\s?m\\.)"
/* The day after a clock time: "Tuesday", "today", "Nov. 6", "on Tuesday,
** 24 November 2026". TimeML tags the time and its day as one expression
** ("5 p.m. EST, Nov. 6"); a full date without a weekday ("11 a.m. on 11
** November 1918") stays a date of its own, as TIMEX2's gold has it, but a
** dateline's "11:52 AM PT Nov. 27, 2026" is one time. */
#define CLOCK_DAY                                                                         \
  "(?:,?\\s+" MONTH_WORD "\\s*" DAY ",?\\s+" YEAR4 "|,?\\s+(?:on\\s+)?(?:" WEEKDAY "(?:,?\\s+(?:" MONTH_WORD "\\s*" DAY "|(?:the\\s+)?" DAY \
  "\\s+(?:of\\s+)?" MONTH_WORD ")(?:,?\\s+" YEAR4 ")?|\\s+" PART ")?|today|yesterday|tomorrow|" MONTH_WORD \
  "\\s*" DAY "(?!,?\\s+" YEAR4 ")))?"
/* "last" of "the last two days", not the verb of "expected to last two days",
** "will last three weeks", "they last hours" (the duration alone is tagged) */
#define LAST_ADJ                                                                           \
  "(?<!\\bto |\\bwill |\\bwould |\\bcould |\\bcan |\\bmay |\\bmight |\\bshould |\\bmust |" \
  "\\bshall |['’]ll |\\bit |\\bthey |\\bwe |\\bhe |\\bshe |\\byou |\\bwhich )last"
/* Not an age ("a 44-year-old"), nor the start of "a year-earlier loss",
** which is the year before, no duration. */
#define NOT_AGE "(?![- ]+old\\b|-(?:earlier|ago)\\b)"

typedef struct date_rule {
  nd_date_kind kind;
  const char *pattern;
} date_rule;

static const date_rule rules[] = {
    /* ISO 8601 and its slashed or dotted cousins: 2023-03-17, 2023/03/17,
    ** 2023-03-17T10:00:00.5+01:00 */
    {ND_K_ISO, "(?<![\\w/.-])[0-9]{4}([-/.])[01][0-9]\\1[0-3][0-9]"
               "(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?(?:Z|[+-][01][0-9]:?[0-5][0-9])?)?"
               "(?![\\w-]|[/.]\\d)"},
    {ND_K_NUMERIC, "(?<![\\w/.:-])(?:[0-3]?[0-9])[/.](?:[0-3]?[0-9])[/.](?:[12][0-9]{3}|[0-9]{2})(?![\\w/]|[.,]\\d)"},
    /* Month day, year; weekday first; "last Oct. 23"; "the week of March 6"; "the
    ** morning of April 19"; ranges "February 14-22", "March 3 to 5". */
    {ND_K_CALENDAR, "(?:(?:" WEEKDAY "|" WEEKDAY_ABBR "),?\\s+|the\\s+week\\s+of\\s+|" PART_OF ")?(?:(?:last|next|this)\\s+)?" EDGE
                    "?" MONTH_WORD "\\s*" DAY
                    "(?:\\s*(?:-|–)\\s*(?:" MONTH_WORD "\\s*)?" DAY "|\\s+(?:to|through|and)\\s+" DAY ")?"
                    "(?:,?\\s+(?:" YEAR4 "|" BCYEAR ")|,?\\s+(?:last|this|next)\\s+year\\b)?"},
    /* Day month year: "17 March 2023", "Friday 17 March", "the 17th of March". */
    {ND_K_CALENDAR, "(?:(?:" WEEKDAY "|" WEEKDAY_ABBR "),?\\s+|" PART_OF ")?(?:the\\s+)?\\b" DAY "(?:\\s*(?:-|–)\\s*" DAY ")?\\s+(?:of\\s+)?"
                    MONTH_WORD "(?:,?\\s+(?:" YEAR4 "|" BCYEAR "))?"},
    /* Month year: "March 2023", "March of 2023", "early March 2023", "March nineteen ninety". */
    {ND_K_CALENDAR, EDGE "?" MONTH_WORD ",?\\s+(?:of\\s+)?(?:" YEAR4 "|" BCYEAR "|" YEAR_WORDS
                    "|(?:last|this|next)\\s+year\\b)"},
    /* Month alone: "in March", "early May", "last April". */
    {ND_K_CALENDAR, EDGE "?(?:(?:last|next|this|coming|past)\\s+)?" MONTH_ALONE
                    /* "the March to the Sea", "a March on Rome", "the annual March
                    ** for Life": a march, not a month */
                    "(?!(?<=March)\\s+(?:to|on|of)\\s+(?:the\\s+)?(?!" MONTH_WORD "|" WEEKDAY
                    ")(?-i:[A-Z]))(?!(?<=the March|annual March)\\s+for\\s+(?-i:[A-Z]))"},
    /* Years and year ranges: 2023, fiscal 2023, 2019-2021, 1990-95, '23. */
    {ND_K_YEAR, "(?:(?:fiscal(?:\\s+year)?|FY|the\\s+year|calendar(?:\\s+year)?|" EDGE ")\\s*)?"
                "(?:(?<=mid-|end-|early-|late-|start-)|(?<![\\w$€£¥.,/:#-]))(?:1[0-9]|20)[0-9]{2}(?:\\s*(?:-|–)\\s*(?:(?:1[0-9]|20)[0-9]{2}|[0-9]{2}))?"
                "(?![\\w%$-]|[.,:]\\d|\\s*(?:percent|per\\s*cent))"},
    {ND_K_YEAR, "(?:(?:fiscal|the\\s+class\\s+of|summer\\s+of|spring\\s+of|fall\\s+of|winter\\s+of)\\s+)?"
                "(?<![\\w'’])['’][0-9]{2}\\b(?!['’]|\\s*(?:-|–)\\s*\\d)"},
    /* Fiscal years as companies write them: FY2025, FY 2025, FY26, FY'26,
    ** FY2024-25, FY24/25; "the 2024-25 fiscal year" (one year: dates_normalize.c). */
    {ND_K_YEAR, "(?-i:FY)\\s?['’]?(?:(?:1[0-9]|20)[0-9]{2}|[0-9]{2})"
                "(?:\\s?[-–/]\\s?(?:(?:1[0-9]|20)[0-9]{2}|[0-9]{2}))?(?![\\w%$-]|[.,:/]\\d)"},
    {ND_K_YEAR, "(?<![\\w$€£¥.,/:#-])(?:1[0-9]|20)[0-9]{2}[-–/](?:(?:1[0-9]|20)[0-9]{2}|[0-9]{2})"
                "\\s+(?:fiscal|financial)\\s+year\\b"},
    /* Years before the Christian era. */
    {ND_K_YEAR, "(?<![\\w$€£¥.,/:#-])" BCYEAR},
    /* Years in words, as transcripts write them: "nineteen ninety-six", "two thousand one". */
    {ND_K_YEAR, "(?:the\\s+year\\s+)?" YEAR_WORDS},
    /* Decades: the 1990s, the mid-1980s, the '90s, the nineties. */
    {ND_K_DECADE, "(?:the\\s+)?" EDGE "?(?:(?:1[0-9]|20)[0-9]0|['’][0-9]0)['’]?s\\b"},
    {ND_K_DECADE, "\\bthe\\s+" EDGE "?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b"},
    /* Centuries: the 20th century, the early nineteenth century. */
    {ND_K_CENTURY, "(?:the\\s+)?" EDGE "?" ORD "[-\\s]+century\\b(?:\\s+(?-i:B\\.C\\.(?:E\\.)?|BCE?\\b))?"},
    /* Quarters, halves, seasons. */
    {ND_K_PART_YEAR, "(?:the\\s+(?!(?:fiscal[-\\s]+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-quarter))?(?:(?:" YEAR4 "|(?:this|last|next)\\s+year)['’]s\\s+|" YEAR4 "\\s+(?=(?:fiscal\\s+)?(?:first|second|third|fourth)))?"
                     "(?:(?:fiscal|calendar|latest|current|past|previous|last|this|next|"
                     "year-earlier|year-ago|same|comparable|final)[-\\s]+){0,2}"
                     "(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]+(?:fiscal[-\\s]+)?quarter\\b(?!-)"
                     "(?:,?\\s+(?:of\\s+)?" YEARREF ")?"},
    {ND_K_PART_YEAR, "\\b(?:the|this|last|next)\\s+(?:(?:fiscal|calendar|latest|current|past|previous|"
                     "year-earlier|year-ago|same|comparable|final)[-\\s]+){0,2}quarter\\b(?!-)(?!\\s+of\\s+(?:a|an|the|all|its|their)\\b)"},
    {ND_K_PART_YEAR, "\\b(?-i:Q[1-4]|H[12])(?:\\s*(?:of\\s+)?(?:" YEAR4 "|['’]?[0-9]{2}\\b))?(?!\\w)"},
    /* "the last week of August", "the first weekend of the new year": a week
    ** counted inside a month or a year */
    {ND_K_PART_YEAR, "the\\s+(?:first|second|third|fourth|fifth|last|final)\\s+"
                     "week(?:end)?\\s+of\\s+(?:" MONTH_WORD "(?:,?\\s+" YEAR4 ")?|" YEARREF
                     "|the\\s+(?:new\\s+)?year\\b)"},
    {ND_K_PART_YEAR, "(?:the\\s+)?(?:first|second|1st|2nd|latter|last)\\s+half\\s+(?:of\\s+)?(?:" YEARREF "|the\\s+year)"},
    {ND_K_PART_YEAR, "(?:the\\s+)?(?:first|second|1st|2nd|latter|last)\\s+half(?=\\s*(?:,|\\.|of\\s+(?:this|next|last|the)\\s+year))"},
    {ND_K_PART_YEAR, EDGE "?(?:(?:last|next|this|the|coming|past)\\s+)?(?:spring|summer|autumn|winter)\\b"
                     "(?:\\s+(?:of\\s+)?(?:" YEARREF "|" BCYEAR "|" YEAR_WORDS "|['’][0-9]{2}\\b))?"},
    /* "the fall of 1998", not "the fall of Rome" */
    {ND_K_PART_YEAR, "(?:" EDGE "|(?:last|next|this|the|coming|past)\\s+)+fall\\b"
                     "(?!\\s+of\\s+(?!" YEARREF "|['’][0-9]{2}\\b|that\\s+year\\b))"
                     "(?:\\s+(?:of\\s+)?(?:" YEARREF "|['’][0-9]{2}\\b))?"},
    {ND_K_PART_YEAR, "\\bfall\\s+(?:of\\s+)?" YEAR4},
    /* "the latest period", "the 1988 period": the quarter a financial report is about */
    {ND_K_PART_YEAR, "(?:the\\s+)?(?:(?:latest|most\\s+recent)\\s+period|" YEAR4 "\\s+(?:period|quarter))\\b"},
    /* "The day before, the army ...": the day before the one told about (with
    ** an event after it, "the day before the vote", it is no date of ours) */
    {ND_K_RELATIVE, "\\bthe\\s+day\\s+(?:before|after|following)\\b(?=\\s*[,.;:!?)])"},
    /* "since mid-year", "at midyear": the middle of the anchor's year (not
    ** "mid-year exams", an adjective before its noun) */
    {ND_K_RELATIVE, "\\bmid-?(?:year|month)\\b(?![-'’])"
                    "(?!\\s+(?!(?:and|or|but|in|on|at|to|for|from|through|until|since|by|with|as|than|"
                    "the|a|an|when|while|because|if|after|before|is|was|were|are|will|would|has|had|"
                    "have)\\b)[a-z])"},
    /* "talks resume in the new year": the coming year, lower case (not the
    ** holiday, "New Year's Day", "eight days before the new year", nor "the
    ** new year's budget") */
    {ND_K_RELATIVE, "(?<=\\bin |\\buntil |\\bby |\\binto )"
                    "the\\s+(?-i:new\\s+year)\\b(?![-'’])"},
    /* "year-end", "the 1988 year-end", "at month's end" */
    {ND_K_RELATIVE, "(?:(?:the\\s+)?" YEAR4 "\\s+(?=year))?\\b(?:year|month)(?:['’]s)?[-\\s]end\\b"},
    {ND_K_RELATIVE, "(?:" EDGE "|(?:earlier|later)\\s+in\\s+)?\\bthe\\s+(?:full\\s+|fiscal\\s+|calendar\\s+)?(?:year|month|week)\\b"
                    "(?!\\s+(?:of|before|after|in\\s+which|when|that|to|ago|earlier|later|or|and|ended|ending)\\b|['’-])"},
    /* today, yesterday morning, tonight, this afternoon, last night. */
    {ND_K_DEICTIC, "(?:(?:early|late)\\s+)?(?:today|tonight|yesterday|tomorrow)\\b(?:\\s+" PART ")?"},
    /* "mid-afternoon yesterday", "late morning today" */
    {ND_K_DEICTIC, "(?:(?:early|late|mid-?)\\s*)?(?:morning|afternoon|evening)\\s+(?:today|yesterday|tomorrow)\\b"},
    /* "by mid-afternoon", "in the late evening": a part of the day told about
    ** ("the early morning hours of 30 April" is left to the date) */
    {ND_K_DEICTIC, "(?:the\\s+)?(?:early|late|mid-?)\\s*(?:morning|afternoon|evening)\\b"
                   "(?!\\s+(?:hours\\s+)?of\\b)"},
    {ND_K_DEICTIC, "(?:(?:early|late|later|earlier)\\s+)?(?:this\\s+" PART "|last\\s+night)\\b"},
    /* "that night", "the next morning": a part of the day told about */
    {ND_K_DEICTIC, "(?:(?:early|late|later|earlier)\\s+)?"
                   "(?:that|the\\s+(?:same|next|following|previous))\\s+" PART "\\b"},
    /* Weekdays: Friday, last Friday, Tuesday morning, Mondays. */
    /* "a Tuesday in October", "one Friday": some such day, none in particular */
    {ND_K_WEEKDAY, "(?-i:a|[Oo]ne)\\s+" WEEKDAY "(?:\\s+" PART "\\b)?"},
    {ND_K_WEEKDAY, "(?:(?:early|late)\\s+)?(?:(?:last|next|this|coming|following|previous|past)\\s+)?" WEEKDAY
                   "(?:\\s+" PART "s?\\b)?"},
    {ND_K_WEEKDAY, "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\\b"},
    /* "within the next month": a limit on the time things take, a duration
    ** (in a history, the unit after the date told about: dates_normalize.c) */
    {ND_K_DURATION, "(?<=\\bwithin )the\\s+(?:next|coming)\\s+(?:day|week|month|year|decade)\\b(?!-|\\s+or\\s+so\\b)"},
    /* next week, earlier this year, the following day, the past two months. */
    {ND_K_RELATIVE, "(?:(?:early|late|earlier|later|" EDGE ")\\s*)?(?:the\\s+)?" REL
                    "\\s+(?:fiscal\\s+)?(?:week(?:end)?|fortnight|month|year|decade|century|quarter|day)\\b(?!-)(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "(?:the\\s+)?(?:past|" LAST_ADJ "|next|coming|previous|first|final|remaining|following|recent)\\s+"
                    "(?:" QTY "\\s+)?(?:days|weeks|months|years|decades|quarters|hours|minutes)\\b(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "(?:the\\s+)?(?:past|" LAST_ADJ "|next|coming|previous|first|final|remaining|following)\\s+"
                    QTY "\\s+" UNIT "(?:\\s+or\\s+so\\b)?"},
    {ND_K_RELATIVE, "\\b(?:the|this|last)\\s+weekend\\b"},
    /* two weeks ago, a year earlier, three days from now. */
    {ND_K_SHIFT, APPROX "?(?:" QTYS "|the)\\s+" UNIT "(?:\\s+or\\s+so)?\\s+(?:ago|earlier|later|from\\s+now|hence)\\b"},
    {ND_K_SHIFT, "(?:the\\s+(?:comparable\\s+|same\\s+)?(?=\\S+\\s+period\\b))?\\b(?:year|month|week|day)[-\\s](?:earlier|ago)\\b(?:\\s+period\\b)?"},
    {ND_K_SHIFT, "\\b(?:years|months|weeks|days|decades)\\s+ago\\b"},
    /* "the quarter a year ago", "the corresponding period last year" */
    {ND_K_SHIFT, "(?:the\\s+)?(?:(?:comparable|corresponding|same)\\s+)?(?:quarter|period)\\s+"
                 "(?:a\\s+year\\s+(?:ago|earlier)|(?:of\\s+|in\\s+)?last\\s+year)\\b(?!['’])"},
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
    /* "a quarter century", "a quarter of a century", "half an hour", "a half-decade" */
    {ND_K_DURATION, APPROX "?(?:(?:an?|one)[-\\s]+(?:quarter|half)(?:\\s+of\\s+an?)?|(?:quarter|half)(?:\\s+of)?\\s+an?)"
                    "[-\\s]+(?:century|decade|year|month|week|day|hour|minute)\\b" NOT_AGE},
    {ND_K_DURATION, "\\b(?:years|decades|centuries|months|weeks)(?=\\s+(?:of|ago|later|earlier|before|after)\\b)"},
    /* "the year ended March 31", "the year to October": the accounting
    ** period, a year long. */
    {ND_K_DURATION, "\\bthe\\s+(?:fiscal\\s+|financial\\s+)?year(?=\\s+(?:ended|ending)\\b|"
                    "\\s+to\\s+(?:the\\s+end\\s+of\\s+)?(?:" MONTH_WORD "|\\d))"},
    /* "for years", "within weeks", "the first time in years" (not "in years
    ** past"), "could last weeks" (the verb: "the last weeks" starts before) */
    {ND_K_DURATION, "(?<=\\bfor |\\bwithin |\\bin |\\blast )(?:years|decades|centuries|months|weeks|days|hours)\\b"
                    "(?!\\s+(?:of|to|when|past|ago|later|before|after|since)\\b|[-'’])"},
    /* Sets: every Monday, each year, annually, twice a week. */
    {ND_K_SET, "\\b(?:every|each)\\s+(?:other\\s+)?(?:" QTY "\\s+)?(?:" WEEKDAY "(?:\\s+" PART ")?|" UNIT "|" PART
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
                 "\\bthe\\s+(?:near\\s+|distant\\s+|immediate\\s+)?(?:future|past)\\b|"
                 "\\bthe\\s+(?:near|short)\\s+term\\b(?!-)|\\ba\\s+later\\s+date\\b|"
                 "\\bthen[-\\s]current\\b|\\bcurrent\\b"},
    /* Clock times: 1:00 p.m., 17:30 CET, 1400 GMT, noon (Thursday). */
    {ND_K_CLOCK, "(?:(?:about|around|approximately|just\\s+(?:before|after))\\s+)?"
                 "\\b(?:[01]?[0-9]|2[0-3])(?:[:.][0-5][0-9](?::[0-5][0-9])?)?\\s*" AMPM "(?:\\s*(?:" ZONE "|" ZONE_WORDS "))?"
                 CLOCK_DAY},
    {ND_K_CLOCK, "(?<![\\w:.])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\\s*(?:h\\b|hrs\\b|" ZONE "))?(?![\\w:]|\\.\\d)"},
    /* "07.45 GMT", "09.00 CET", "19.30h": British and European sites dot
    ** the 24-hour clock; a bare "07.45" is a number, and so is "3.25 MT"
    ** (million tonnes): zones of two letters do not count here */
    {ND_K_CLOCK, "(?<![\\w:.,])(?:[01]?[0-9]|2[0-3])\\.[0-5][0-9]\\s*(?:h\\b|hrs\\b|(?=[A-Z]{3})" ZONE ")"},
    {ND_K_CLOCK, "(?<![\\w:.,])(?:[01][0-9]|2[0-3])[0-5][0-9]\\s*(?:GMT|UTC|hrs|hours\\s+(?:GMT|local))\\b"},
    {ND_K_CLOCK, "(?<![\\w:.,])(?:[01]?[0-9]|2[0-3])\\s*(?-i:GMT|UTC)\\b"},
    /* "high noon" is a showdown, no time of day */
    {ND_K_CLOCK, "\\b(?<!high\\s)(?:mid-?)?(?:noon|midnight|midday)\\b" CLOCK_DAY},
    /* "until Monday midnight", "Friday noon": the weekday first */
    {ND_K_CLOCK, "(?:" WEEKDAY ")\\s+(?:noon|midnight|midday)\\b"},
    /* Holidays of fixed or computable date (dates_normalize.c has the list). */
    {ND_K_HOLIDAY, "(?:(?:last|next|this)\\s+)?(?:christmas(?:\\s+(?:day|eve))?|new\\s+year['’]?s\\s+(?:day|eve)|"
                   "thanksgiving(?:\\s+day)?|easter(?:\\s+(?:sunday|monday|week))?|good\\s+friday|"
                   "halloween|valentine['’]?s\\s+day|(?-i:Black\\s+Friday|Cyber\\s+Monday)|(?-i:Independence\\s+Day|Labor\\s+Day|Memorial\\s+Day|"
                   "Election\\s+Day|Boxing\\s+Day|Bastille\\s+Day))\\b(?:,?\\s+(?:of\\s+)?" YEAR4 ")?"},
    /* "on the 14th", "by the 3rd.": a day of the month the text is telling
    ** about, after a preposition of time and before a pause or a word that
    ** opens a clause (not "the 14th century", "the 14th floor"); "from the
    ** 13th to the 19th of October" is of the month written after it */
    {ND_K_MONTH_DAY, "(?<=\\bon |\\bby |\\buntil |\\btill |\\bsince |\\bfrom |\\bto |\\bthrough |"
                     "\\bbefore |\\bafter )the\\s+(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\\b"
                     "(?!\\s*(?:to|and|or|through|-|–)\\s*(?:the\\s+)?" DAY "\\s+(?:of\\s+)?" MONTH_WORD ")"
                     "(?=\\s*(?:[,.;:!?)]|$)|\\s+(?:he|she|it|they|we|i|you|the|a|an|his|her|their|"
                     "its|our|and|or|but|when|as|at|in|with|while|after|before|to|there|this|that)\\b)"},
    /* "that day", "later that year": the date being told about. */
    {ND_K_RELATIVE, "(?:(?:earlier|later)\\s+)?that\\s+(?:same\\s+|very\\s+)?(?:day|week|month|year)\\b"},
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

#define TENSE_WINDOW 160 /* bytes on each side of a span */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

static pcre2_code *rule_code[N_RULES];
static uint8_t rule_first[N_RULES][32]; /* bytes a match can start with */
static int rules_ready; /* 1 when every pattern compiled */
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* Rules are anchored: they run at the word starts the triggers give.
** PCRE2_NO_START_OPTIMIZE: the "required character" search PCRE2 makes
** before a match reads ahead in the subject, which at every trigger would
** make the whole scan quadratic; anchored rules gain nothing from it.
** PCRE2_MATCH_INVALID_UTF: no UTF check of the whole subject per call
** (quadratic too), and invalid bytes simply never match. */
static pcre2_code *compile_one(const char *pattern, uint32_t extra) {
  int err;
  PCRE2_SIZE off;
  pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF | extra,
                                &err, &off, NULL);
  if (c) pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
  return c;
}

/* The bytes a match of c can start with, from PCRE2's own analysis (both
** cases of a letter); all bytes when PCRE2 knows none. */
static void first_bytes(pcre2_code *c, uint8_t *set) {
  uint32_t type = 0, unit = 0;
  const uint8_t *bitmap = NULL;
  pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODETYPE, &type);
  pcre2_pattern_info(c, PCRE2_INFO_FIRSTBITMAP, &bitmap);
  if (type == 1 && pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 128) {
    memset(set, 0, 32);
    set[unit >> 3] |= (uint8_t)(1u << (unit & 7));
    if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
      set[(unit ^ 0x20) >> 3] |= (uint8_t)(1u << ((unit ^ 0x20) & 7));
    }
  } else if (type == 0 && bitmap) {
    memcpy(set, bitmap, 32);
  } else {
    memset(set, 0xFF, 32);
  }
}

/* Compiled with PCRE2's default allocator: the code lives as long as the
** process and is shared, read-only, by every connection and thread. */
static void compile_rules(void) {
  for (size_t i = 0; i < N_RULES; i++) {
    /* PCRE2's analysis of the first bytes, from a compile with start
    ** optimizations, then the code that runs, without them. */
    pcre2_code *probe = compile_one(rules[i].pattern, PCRE2_ANCHORED);
    if (!probe) return;
    first_bytes(probe, rule_first[i]);
    pcre2_code_free(probe);
    if (!(rule_code[i] = compile_one(rules[i].pattern, PCRE2_ANCHORED | PCRE2_NO_START_OPTIMIZE)))
      return;
  }
  rules_ready = 1;
}

/* Free the rules when the library is unloaded (dlclose at the end of an
** sqlite3 session), so that LeakSanitizer and valgrind see no lost memory:
** once the library's data is unmapped, nothing points at them any more. */
__attribute__((destructor)) static void free_rules(void) {
  for (size_t i = 0; i < N_RULES; i++) pcre2_code_free(rule_code[i]);
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

/* The trigger classes a rule of each kind can hold (see dates_triggers.c). */
static unsigned kind_triggers(nd_date_kind k) {
  switch (k) {
    case ND_K_ISO: return ND_T_YEAR;
    case ND_K_YEAR: return ND_T_YEAR | ND_T_YEARWORD;
    case ND_K_NUMERIC: return ND_T_DIGIT;
    case ND_K_CALENDAR: return ND_T_MONTH;
    case ND_K_DECADE: return ND_T_YEAR | ND_T_DECADE;
    case ND_K_CENTURY: return ND_T_UNIT;
    case ND_K_PART_YEAR: return ND_T_UNIT | ND_T_HALF | ND_T_SEASON | ND_T_QH | ND_T_PERIOD;
    case ND_K_DEICTIC: return ND_T_DEICTIC | ND_T_PART;
    case ND_K_WEEKDAY: return ND_T_WEEKDAY;
    case ND_K_RELATIVE: case ND_K_SHIFT: case ND_K_IN_FUTURE: case ND_K_DURATION: return ND_T_UNIT;
    case ND_K_SET:
      return ND_T_UNIT | ND_T_WEEKDAY | ND_T_PART | ND_T_SEASON | ND_T_MONTH | ND_T_SETADV;
    case ND_K_FUZZY: return ND_T_FUZZY;
    case ND_K_CLOCK: return ND_T_DIGIT | ND_T_YEAR | ND_T_NOON;
    case ND_K_HOLIDAY: return ND_T_HOLIDAY;
    case ND_K_MONTH_DAY: return ND_T_DIGIT;
  }
  return 0;
}

/* Per-call PCRE2 memory comes from nd_malloc, so SQLite's heap limit applies. */
static void *pcre_alloc(PCRE2_SIZE n, void *unused) {
  (void)unused;
  return nd_malloc(n);
}
static void pcre_free(void *p, void *unused) {
  (void)unused;
  nd_free(p);
}

typedef struct scan {
  const char *text;
  size_t n;
  pcre2_general_context *gc;
  pcre2_match_data *md;
  pcre2_match_context *mc;
  candidate *cand;
  size_t nc, cap;
  /* tense markers read so far (dates are asked for left to right) */
  size_t *mark_pos;
  unsigned char *mark_future;
  size_t nmark, mark_cap, marks_to;
  /* word starts for dates_i18n.c */
  size_t *i18n_pos;
  size_t ni18n, i18n_cap;
} scan;

/* Try, anchored at start, every rule that can hold one of the classes. */
static int try_rules(void *arg, size_t start, unsigned classes) {
  scan *sc = arg;
  if (classes == ND_T_I18N) { /* for dates_i18n.c, after this pass */
    if (sc->ni18n == sc->i18n_cap) {
      size_t ncap = sc->i18n_cap ? sc->i18n_cap * 2 : 32;
      size_t *p = nd_realloc(sc->i18n_pos, ncap * sizeof(*p));
      if (!p) return -1;
      sc->i18n_pos = p, sc->i18n_cap = ncap;
    }
    sc->i18n_pos[sc->ni18n++] = start;
    return 0;
  }
  unsigned char b = (unsigned char)sc->text[start];
  for (size_t r = 0; r < N_RULES; r++) {
    if (!(kind_triggers(rules[r].kind) & classes)) continue;
    if (!(rule_first[r][b >> 3] & (1u << (b & 7)))) continue;
    int rc = pcre2_match(rule_code[r], (PCRE2_SPTR)sc->text, sc->n, start, 0, sc->md, sc->mc);
    if (rc < 0) continue; /* no match, or a limit: nothing here */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
    if (ov[1] <= ov[0]) continue;
    if (sc->nc == sc->cap) {
      size_t ncap = sc->cap ? sc->cap * 2 : 64;
      candidate *c2 = nd_realloc(sc->cand, ncap * sizeof(*c2));
      if (!c2) return -1;
      sc->cand = c2, sc->cap = ncap;
    }
    sc->cand[sc->nc++] = (candidate){ov[0], ov[1], (int)r};
  }
  return 0;
}

static int add_mark(void *arg, size_t at, int future) {
  scan *sc = arg;
  if (sc->nmark == sc->mark_cap) {
    size_t ncap = sc->mark_cap ? sc->mark_cap * 2 : 64;
    size_t *p = nd_realloc(sc->mark_pos, ncap * sizeof(*p));
    if (!p) return -1;
    sc->mark_pos = p;
    unsigned char *f = nd_realloc(sc->mark_future, ncap);
    if (!f) return -1;
    sc->mark_future = f;
    sc->mark_cap = ncap;
  }
  sc->mark_pos[sc->nmark] = at;
  sc->mark_future[sc->nmark++] = (unsigned char)future;
  return 0;
}

/* Read the tense markers of text[marks_to .. upto) (dates_tense.c). */
static int read_marks(scan *sc, size_t upto) {
  /* A word cut by the window would be read as a fragment, and its rest skipped. */
  while (upto < sc->n && (unsigned char)((sc->text[upto] | 0x20) - 'a') < 26) upto++;
  if (upto <= sc->marks_to) return 0;
  if (nd_tense_marks(sc->text, sc->marks_to, upto, add_mark, sc)) return -1;
  sc->marks_to = upto;
  return 0;
}

/* Does a verb of speech at p, after a date that ends at end, only say who
** spoke ("will leave Thursday, Castro said", "arrives Monday,'' he told
** reporters")? A comma, a quote or a parenthesis between them sets the
** attribution apart from the clause of the date, whose tense is the verb's
** own, not the telling's. */
static int attribution(const char *s, size_t end, size_t p) {
  for (size_t i = end; i < p; i++)
    if (s[i] == ',' || s[i] == '\'' || s[i] == '"' || s[i] == ')' || s[i] == '`') return 1;
  return 0;
}

/* Does " and " or " but " join another clause between a date and a verb
** after it ("premiered in September and opens on Friday")? */
static int coordinated(const char *s, size_t n) {
  return memmem(s, n, " and ", 5) || memmem(s, n, " but ", 5);
}

/* Tense of the marker nearest to [start, end) within its sentence and
** TENSE_WINDOW bytes; words inside the expression itself ("last", "next")
** are the rule's own business. The "to" of an intention counts only when
** intents is set: "extended their offers to acquire it Friday" dates the
** extending, a weekday being told with the verb of the clause. A verb of
** speech set apart after the span counts only when attributions is set;
** with clauses, markers across a comma count after the others. Sets
** *tense, and *now to ND_TENSE_MARK_MODAL when the marker is the writer's
** future ("will"), else to ND_TENSE_MARK_PRESENT when a present ("is"),
** which does not decide the tense, is nearer than any marker; returns -1 on
** OOM. */
static int tense_near(scan *sc, const nd_span *sent, size_t start, size_t end, int intents,
                      int attributions, int clauses, nd_tense *tense, int *now) {
  size_t lo = sent ? sent->start : 0, hi = sent ? sent->start + sent->len : sc->n;
  if (start > lo + TENSE_WINDOW) lo = start - TENSE_WINDOW;
  if (hi > end + TENSE_WINDOW) hi = end + TENSE_WINDOW;
  if (sc->marks_to < lo) sc->marks_to = lo;
  if (read_marks(sc, hi)) return -1;
  *tense = ND_TENSE_NONE;
  *now = 0;
  size_t best_dist = (size_t)-1, present_dist = (size_t)-1;
  /* Markers are sorted; walk back from the last one before hi. */
  size_t k = sc->nmark;
  while (k > 0 && sc->mark_pos[k - 1] >= hi) k--;
  for (; k > 0 && sc->mark_pos[k - 1] >= lo; k--) {
    size_t p = sc->mark_pos[k - 1];
    if (p >= start && p < end) continue;
    if (!intents && sc->mark_future[k - 1] == ND_TENSE_MARK_INTENT) continue;
    if (!attributions && sc->mark_future[k - 1] == ND_TENSE_MARK_SPEECH && p >= end &&
        attribution(sc->text, end, p))
      continue;
    size_t dist = p >= end ? p - end : start - p;
    /* for a day, a date, a season or a time (clauses), a verb across a
    ** comma is of another clause ("the strike, which began on Thursday, is
    ** expected to last"): it counts after those of the date's own */
    if (clauses && (memchr(p >= end ? sc->text + end : sc->text + p, ',', dist) ||
                    (p >= end && coordinated(sc->text + end, dist))))
      dist += 4 * TENSE_WINDOW;
    int m = sc->mark_future[k - 1];
    if (m == ND_TENSE_MARK_PRESENT) {
      if (dist < present_dist) present_dist = dist;
    } else if (dist < best_dist) {
      best_dist = dist;
      *tense = m == 1 || m == ND_TENSE_MARK_INTENT || m == ND_TENSE_MARK_MODAL ? ND_TENSE_FUTURE
                                                                                : ND_TENSE_PAST;
      *now = m == ND_TENSE_MARK_MODAL ? m : 0;
    }
    if (p < start && start - p > best_dist && start - p > present_dist) break;
  }
  if (!*now && present_dist < best_dist) *now = ND_TENSE_MARK_PRESENT;
  /* "held it at 3.6%, and traders now see a cut in February": a present in
  ** the date's own clause outweighs the verbs of another */
  if (clauses && present_dist < TENSE_WINDOW && best_dist != (size_t)-1 &&
      best_dist >= 4 * TENSE_WINDOW)
    *tense = ND_TENSE_NONE;
  return 0;
}

/* "Friday's close", "Wednesday's ruling": news names by its weekday what has
** happened, whatever the verbs around say ("they will appeal Wednesday's
** ruling"); "next Friday's vote" keeps its "next". */
static int possessive(const char *s, size_t n, size_t end) {
  if (end + 2 <= n && s[end] == '\'' && (s[end + 1] | 0x20) == 's') return 1;
  return end + 4 <= n && !memcmp(s + end, "\xe2\x80\x99", 3) && (s[end + 3] | 0x20) == 's';
}

/* Is w one of the NULL-terminated words? */
static int word_in_list(const char *w, const char *const *words) {
  for (; *words; words++)
    if (!strcmp(w, *words)) return 1;
  return 0;
}

/* Is the noun after a possessive weekday at end an event that is put on
** the calendar ahead ("will miss Saturday's game", "ahead of Sunday's
** vote")? With a future verb it is the coming one; "Wednesday's ruling"
** stays past whatever the verbs. */
static int coming_event(const char *s, size_t n, size_t end) {
  static const char *const events[] = {"game",   "match",   "final",  "race",    "vote",
                                       "election", "meeting", "summit", "deadline", "hearing",
                                       "debate", "fixture", "derby",  "showdown", "opener",
                                       "clash",  "launch",  "concert", "premiere", NULL};
  size_t i = end + (s[end] == '\'' ? 2 : 4);
  while (i < n && s[i] == ' ') i++;
  char w[16];
  size_t b = i;
  while (i < n && i - b < 15 && (unsigned char)((s[i] | 0x20) - 'a') < 26) w[i - b] = (char)(s[i] | 0x20), i++;
  w[i - b] = 0;
  return word_in_list(w, events);
}

/* The word that ends, past spaces, before s[end], lower-cased into w (at
** most 15 letters); returns its start, or (size_t)-1 when there is none. */
static size_t word_back(const char *s, size_t end, char w[16]) {
  size_t i = end, b;
  while (i > 0 && s[i - 1] == ' ') i--;
  b = i;
  while (i > 0 && b - i < 15 && (unsigned char)((s[i - 1] | 0x20) - 'a') < 26) i--;
  if (i == b || (i > 0 && (unsigned char)((s[i - 1] | 0x20) - 'a') < 26)) return (size_t)-1;
  for (size_t k = 0; k < b - i; k++) w[k] = (char)(s[i + k] | 0x20);
  w[b - i] = 0;
  return i;
}

/* The tense a calendar date takes from the word just before it, whatever
** the verbs around say. "by February" names a deadline, which is to come
** ("agreed to repay it by February"; in TimeBank six of seven such months
** lie after the anchor). "until", "through", "effective", "as of" end or
** start a term that the verb of the clause does not date ("has extended the
** loans through January", "the pact, effective June 1"): the nearest such
** date to the anchor, a weekday or a time too ("has given them until 9 a.m.
** Tuesday"). "starting", "beginning" (also before "in", "on") open a term to
** come, even after a past verb ("declared three days of mourning starting
** Monday", "announced rules starting in January"): the next such date
** (PREP_STARTS). "from Monday" is the nearest Monday (PREP_FROM; a month or
** a date after "from" is left to the verbs). After "by", weekdays are left
** to the verbs: "had filed by Wednesday" reports the week just past. Returns
** the tense, or -1 for no such word. */
#define PREP_STARTS 10
#define PREP_FROM 11
static int tense_of_preposition(const char *s, size_t start) {
  static const char *const open_terms[] = {"until", "till", "through", "effective", NULL};
  static const char *const start_terms[] = {"starting", "beginning", NULL};
  char w[16], w2[16];
  size_t i = word_back(s, start, w);
  if (i == (size_t)-1) return -1;
  if (!strcmp(w, "by")) return ND_TENSE_FUTURE;
  if (!strcmp(w, "from")) return PREP_FROM;
  if (word_in_list(w, open_terms)) return ND_TENSE_NONE;
  int on = !strcmp(w, "in") || !strcmp(w, "on");
  if (on && word_back(s, i, w2) != (size_t)-1) strcpy(w, w2);
  if (word_in_list(w, start_terms)) return PREP_STARTS;
  if (!on && !strcmp(w, "of") && word_back(s, i, w2) != (size_t)-1 && !strcmp(w2, "as"))
    return ND_TENSE_NONE;
  return -1;
}

/* Is the date at start the time a thing was put for ("a hearing has been
** set for February 14", "slated for Tuesday", "due on March 1", "adjourned
** until Thursday", "postponed to March", "pushed back to Friday")? Such a
** time lies ahead of the report whatever the tense of the clause; a plan
** that has been overtaken ("had been scheduled for", "originally set for")
** is left to the verbs. "set on" names when a thing was set ("a record set
** on Aug. 6"), so "set" counts before "for" only. "No earlier than" and
** "no later than" a date are limits to come. */
static int scheduled_for(const char *s, size_t start) {
  static const char *const put_for[] = {"scheduled", "rescheduled", "slated", "set",
                                        "due",       "fixed",       "pencilled", "penciled",
                                        "booked",    NULL};
  static const char *const put_off[] = {"postponed", "adjourned", "deferred", "delayed",
                                        "rescheduled", "moved",   "pushed",   "put",
                                        "brought",   "shifted",   NULL};
  static const char *const overtaken[] = {"had", "originally", "initially", "previously",
                                          "once", "first", NULL};
  char w[16], v[16], x[16];
  size_t i = word_back(s, start, w);
  if (i == (size_t)-1) return 0;
  if (!strcmp(w, "than")) {
    /* "no earlier than Saturday", "no later than March 1": a limit to come */
    size_t h = word_back(s, i, v);
    return h != (size_t)-1 &&
           (!strcmp(v, "earlier") || !strcmp(v, "later") || !strcmp(v, "sooner")) &&
           word_back(s, h, x) != (size_t)-1 && (!strcmp(x, "no") || !strcmp(x, "not"));
  }
  int at = !strcmp(w, "for") || !strcmp(w, "on") || !strcmp(w, "in") || !strcmp(w, "at") ||
           !strcmp(w, "by");
  int to = !strcmp(w, "to") || !strcmp(w, "until") || !strcmp(w, "till");
  if (!at && !to) return 0;
  size_t j = word_back(s, i, v);
  if (j == (size_t)-1) return 0;
  /* "pushed back to", "put off until", "brought forward to" */
  if (to && (!strcmp(v, "back") || !strcmp(v, "off") || !strcmp(v, "forward"))) {
    j = word_back(s, j, v);
    if (j == (size_t)-1 || !(!strcmp(v, "pushed") || !strcmp(v, "put") || !strcmp(v, "moved") ||
                             !strcmp(v, "brought")))
      return 0;
  } else if (to) {
    if (!word_in_list(v, put_off) || !strcmp(v, "pushed") || !strcmp(v, "put") ||
        !strcmp(v, "brought"))
      return 0;
  } else if (!word_in_list(v, put_for) || (!strcmp(v, "set") && strcmp(w, "for"))) {
    return 0;
  }
  /* "had been scheduled for", "originally set for": a plan overtaken */
  size_t k = word_back(s, j, x);
  if (k != (size_t)-1 && !strcmp(x, "been")) k = word_back(s, k, x);
  return !(k != (size_t)-1 && word_in_list(x, overtaken));
}

/* Is the date at start the base of a comparison ("down from 7.3 million in
** September", "up from 24% in March", "compared with 5,000 on Friday",
** "higher than in June")? A figure a change is measured from was reached
** before the report: the past, whatever the verbs around it. Read back
** over the date's preposition and the figure (numbers, amounts, units) to
** "from", "than", or "with"/"to" after "compared". */
static int comparison_base(const char *s, size_t start) {
  static const char *const figure_words[] = {
      "million", "billion", "trillion", "thousand", "percent", "per", "cent", "pct",
      "points", "point",   "a",        "an",       "the",     "about", "around", "nearly",
      "some",    "almost", "just",     "over",     "under",   "roughly", "dollars", "pounds",
      "euros",   "level",  "its",      "their",    "barrel",  "share", NULL};
  char w[16];
  size_t i = word_back(s, start, w);
  if (i == (size_t)-1 || !(!strcmp(w, "in") || !strcmp(w, "on") || !strcmp(w, "at") ||
                           !strcmp(w, "during")))
    return 0;
  int figures = 0;
  for (int k = 0; k < 8; k++) {
    /* spaces and figures ("7.3", "$29.75", "24%", "5,000") before i */
    size_t j = i;
    while (j > 0 && s[j - 1] == ' ') j--;
    size_t f = j;
    while (f > 0 && (strchr("0123456789.,%$", s[f - 1]) ||
                     (unsigned char)s[f - 1] >= 0x80))
      f--;
    if (f < j && f < i) {
      figures++;
      i = f;
      continue;
    }
    size_t b = word_back(s, i, w);
    if (b == (size_t)-1) return 0;
    if (!strcmp(w, "from") || !strcmp(w, "than")) return figures > 0 || !strcmp(w, "than");
    if (!strcmp(w, "with") || !strcmp(w, "to")) {
      char v[16];
      return word_back(s, b, v) != (size_t)-1 && !strcmp(v, "compared");
    }
    if (!word_in_list(w, figure_words)) return 0;
    i = b;
  }
  return 0;
}

/* A date alone in parentheses ("the Civil Constitution (1790)", "founded
** (1984)") is an aside: it does not move the date the text is telling about. */
static int aside(const char *s, size_t n, size_t start, size_t end) {
  return start > 0 && s[start - 1] == '(' && end < n && s[end] == ')';
}

/* Does the span at start stand inside a quotation of its paragraph? An odd
** number of straight double quotes before it, or a curly opening quote not
** yet closed (read back 600 bytes at most). */
static int in_quotation(const char *s, size_t start) {
  size_t straight = 0, lim = start > 600 ? start - 600 : 0;
  for (size_t i = start; i > lim; i--) {
    const unsigned char *c = (const unsigned char *)s + i - 1;
    if (*c == '\n') break;
    if (*c == '"') straight++;
    if (i >= 3 && c[-2] == 0xe2 && c[-1] == 0x80 && (*c == 0x9c || *c == 0x9d)) {
      if (!straight) return *c == 0x9c;
      break;
    }
  }
  return straight % 2 == 1;
}

/* A title in quotes: "This Week" (a television programme), ``Spring of
** Life'' (a campaign) open a quotation whose words are all capitalized but
** for short function words, at least two of them, where prose would write
** "this week" or "in the spring". The quotation is read up to its closing
** quote (or 60 bytes); months and weekdays, capitalized anyway, are not
** asked. */
static int quoted_title(const char *s, size_t n, size_t start) {
  static const char *const small[] = {"of", "the", "and", "for", "in", "on", "to", "a", NULL};
  int quoted = (start >= 1 && (s[start - 1] == '"' || s[start - 1] == '`')) ||
               (start >= 3 && !memcmp(s + start - 3, "\xe2\x80\x9c", 3));
  if (!quoted) return 0;
  int caps = 0;
  size_t i = start, lim = start + 60 < n ? start + 60 : n;
  while (i < lim) {
    if (s[i] == '"' || s[i] == '\'' || (unsigned char)s[i] == 0xe2) return caps >= 2;
    if (s[i] == ' ') {
      i++;
      continue;
    }
    size_t b = i;
    while (i < lim && s[i] != ' ' && s[i] != '"' && s[i] != '\'' && (unsigned char)s[i] != 0xe2)
      i++;
    if (s[b] >= 'A' && s[b] <= 'Z') {
      caps++;
      continue;
    }
    char w[8];
    size_t len = i - b;
    if (len >= sizeof w) return 0;
    memcpy(w, s + b, len);
    w[len] = 0;
    if (!word_in_list(w, small)) return 0;
  }
  return 0;
}

/* Capitalized words that tell nothing of a name: function words, which
** titles and sentence starts capitalize too ("In Spring", "Late Summer"). */
static int name_word(const char *w, size_t len) {
  static const char *const plain[] = {"a",     "after", "an",   "and",   "at",    "before",
                                      "by",    "during", "each", "early", "every", "for",
                                      "from",  "i",     "in",   "its",   "last",  "late",
                                      "mid",   "next",  "of",   "on",    "or",    "since",
                                      "the",   "their", "this", "through", "to",  "until",
                                      NULL};
  char low[16];
  if (len == 0 || len >= sizeof low) return len > 0;
  for (size_t k = 0; k < len; k++) low[k] = (char)(w[k] | 0x20);
  low[len] = 0;
  if (word_in_list(low, plain)) return 0;
  nd_word one;
  return !(nd_words(w, len, &one, 1) == 1 && (one.cls == ND_W_MONTH || one.cls == ND_W_WEEKDAY));
}

static int upper_at(const char *s, size_t i) { return s[i] >= 'A' && s[i] <= 'Z'; }
static int alpha_at(const char *s, size_t i) { return ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'); }

/* Does the word at s[b] open its sentence (or a line, a heading, a quote)? */
static int opens_sentence(const char *s, size_t b) {
  while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
  if (b == 0) return 1;
  unsigned char c = (unsigned char)s[b - 1];
  return !(alpha_at(s, b - 1) || (c >= '0' && c <= '9') || c == ',' || c == '-');
}

/* A season that is part of a name: "the Winter Olympics", "the Summer
** Games", "Spring Street", "the Arab Spring". The season is capitalized and
** a capitalized word that is no month, weekday or function word follows
** it, or precedes it inside its sentence ("In Spring," at a sentence's start
** tells nothing). "Winter 2023", "the Autumn of 2007" stay dates. A history
** keeps them: it names campaigns by the season it tells ("the Spring
** Offensive" of 1918), and TIMEX2's gold dates them. */
static int season_in_name(const char *s, size_t n, size_t start, size_t end) {
  nd_word w[ND_MAX_WORDS];
  int nw = nd_words(s + start, end - start, w, ND_MAX_WORDS), k = 0;
  while (k < nw && w[k].cls != ND_W_SEASON) k++;
  if (k == nw) return 0;
  size_t a = start + w[k].off, b = a + w[k].len;
  if (!upper_at(s, a)) return 0;
  if (b + 1 < n && s[b] == ' ' && upper_at(s, b + 1)) {
    size_t e = b + 1;
    while (e < n && alpha_at(s, e)) e++;
    if (name_word(s + b + 1, e - b - 1)) return 1;
  }
  if (a == start && a >= 2 && s[a - 1] == ' ' && alpha_at(s, a - 2)) {
    size_t e = a - 1, f = e;
    while (f > 0 && alpha_at(s, f - 1)) f--;
    if (upper_at(s, f) && name_word(s + f, e - f) && !opens_sentence(s, f)) return 1;
  }
  return 0;
}

/* The kinds a schedule puts ahead ("set for Friday", "postponed to March"). */
static int scheduled_kind(nd_date_kind k) {
  return k == ND_K_CALENDAR || k == ND_K_WEEKDAY || k == ND_K_CLOCK || k == ND_K_PART_YEAR ||
         k == ND_K_HOLIDAY || k == ND_K_MONTH_DAY;
}

/* A half of a game ("scored twice in the first half", "a goal early in
** the second half"): a half written without its year, in a sentence that
** speaks of play. Such a half is no half of a year. */
static int game_half(const char *s, size_t start, size_t end, const nd_span *sent) {
  static const char *const play[] = {"scored", "goal",   "goals",  "minute", "match",
                                     "game",   "interval", "whistle", "penalty", "kick",
                                     "striker", "innings", "touchdown", "try",  "tries",
                                     "half-time", "halftime", "equaliser", "equalizer", NULL};
  if (!sent || !memmem(s + start, end - start, "half", 4)) return 0;
  for (size_t i = start; i < end; i++)
    if (s[i] >= '0' && s[i] <= '9') return 0;
  size_t i = sent->start, to = sent->start + sent->len;
  while (i < to) {
    while (i < to && !alpha_at(s, i)) i++;
    size_t b = i;
    while (i < to && (alpha_at(s, i) || (s[i] == '-' && i + 1 < to && alpha_at(s, i + 1)))) i++;
    char w[16];
    if (i - b == 0 || i - b >= sizeof w) continue;
    for (size_t k = 0; k < i - b; k++) w[k] = (char)(s[b + k] | 0x20);
    w[i - b] = 0;
    if (word_in_list(w, play)) return 1;
  }
  return 0;
}

static int kind_needs_tense(nd_date_kind k) {
  return k == ND_K_CALENDAR || k == ND_K_WEEKDAY || k == ND_K_IN_FUTURE || k == ND_K_PART_YEAR ||
         k == ND_K_RELATIVE || k == ND_K_CLOCK || k == ND_K_HOLIDAY;
}

/* Does a relative expression count from the speaker's day ("this year",
** "next week", "the coming months"), not from another date ("the following
** year", "that week")? */
static int speaks_from_now(const char *s, size_t n) {
  static const char *const now_words[] = {"this", "next", "coming", "current", NULL};
  nd_word w[ND_MAX_WORDS];
  int nw = nd_words(s, n, w, ND_MAX_WORDS);
  for (int i = 0; i < nw; i++)
    if (word_in_list(w[i].low, now_words)) return 1;
  return 0;
}

/* The expressions of the other languages (dates_i18n.c). */
typedef struct others {
  nd_timex *t;
  size_t n, cap;
} others;

static int add_other(void *arg, size_t start, size_t len, const nd_timex *t) {
  others *o = arg;
  if (o->n == o->cap) {
    size_t ncap = o->cap ? o->cap * 2 : 16;
    nd_timex *t2 = nd_realloc(o->t, ncap * sizeof(*t2));
    if (!t2) return -1;
    o->t = t2, o->cap = ncap;
  }
  o->t[o->n] = *t;
  o->t[o->n].start = start;
  o->t[o->n].len = len;
  o->n++;
  return 0;
}

/* Merge both lists (each sorted, without overlaps): where they overlap, the
** longer expression wins, the English one on a tie. Returns -1 on OOM. */
static int merge_other(nd_timex **res, size_t *kept, const others *o) {
  size_t ne = *kept;
  unsigned char *drop = nd_malloc(ne + o->n + 1);
  if (!drop) return -1;
  memset(drop, 0, ne + o->n + 1);
  size_t p = 0;
  for (size_t j = 0; j < o->n; j++) {
    const nd_timex *x = &o->t[j];
    while (p < ne && (*res)[p].start + (*res)[p].len <= x->start) p++;
    int wins = 1;
    for (size_t q = p; q < ne && (*res)[q].start < x->start + x->len; q++)
      if ((*res)[q].len >= x->len) wins = 0;
    if (!wins) {
      drop[ne + j] = 1;
      continue;
    }
    for (size_t q = p; q < ne && (*res)[q].start < x->start + x->len; q++) drop[q] = 1;
  }
  nd_timex *all = nd_malloc((ne + o->n) * sizeof(*all));
  if (!all) {
    nd_free(drop);
    return -1;
  }
  size_t k = 0, a = 0, b = 0;
  while (a < ne || b < o->n) {
    if (a < ne && drop[a]) { a++; continue; }
    if (b < o->n && drop[ne + b]) { b++; continue; }
    if (b >= o->n || (a < ne && (*res)[a].start <= o->t[b].start)) all[k++] = (*res)[a++];
    else all[k++] = o->t[b++];
  }
  nd_free(drop);
  nd_free(*res);
  *res = all;
  *kept = k;
  return 0;
}

/* "that night", "the next morning" speak of the day told about, not of the
** writer's: no cue of news. */
static int told_part(const char *s, size_t n) {
  return (n > 5 && !strncasecmp(s, "that ", 5)) || (n > 4 && !strncasecmp(s, "the ", 4));
}

/* Narrative mode: a text whose written years mostly lie far from the anchor
** (a history, a biography, a page crawled long after its events) tells of
** its own time, so dates written without a year count from the last date it
** wrote in full (as HeidelTime's narrative documents do), not from the
** anchor. So does a chronicle of recent years: many written years, hardly
** any of them the anchor's. News that recalls history still speaks from its
** own day: its "today", "yesterday" and bare weekdays say so, and a text
** with more than one such cue per four written years stays news. The years
** counted are the 4-digit ones inside candidate spans of the kinds that
** write years, each place once. Returns ND_NARRATIVE_FAR, ND_NARRATIVE_CHRONICLE
** or 0 (news). */
#define NARRATIVE_MIN_YEARS 3  /* fewer written years: too little to tell */
#define NARRATIVE_FAR_PCT 75   /* share of them far from the anchor */
#define HISTORY_MIN_FAR 10     /* or this many far years, half of all at least (a
                                  history page whose citations carry recent dates) */
#define CHRONICLE_MIN_YEARS 10 /* a chronicle writes many years... */
#define CHRONICLE_OTHER_PCT 75 /* ...and this share of them not the anchor's */
#define NARRATIVE_CUE_YEARS 4  /* written years needed per speech-time cue */

/* 1 when s[0..n) writes an era: "BC", "B.C." */
static int era_in(const char *s, size_t n) {
  for (size_t i = 0; i + 2 <= n; i++)
    if (s[i] == 'B' && (s[i + 1] == 'C' || (s[i + 1] == '.' && i + 2 < n && s[i + 2] == 'C')))
      return 1;
  return 0;
}

static int narrative_text(const scan *sc, const nd_anchor *a) {
  if (!a || !a->set) return 0;
  size_t counted_to = 0, far = 0, other = 0, all = 0, cues = 0;
  for (size_t i = 0; i < sc->nc; i++) {
    const candidate *c = &sc->cand[i];
    nd_date_kind k = rules[c->rule].kind;
    cues += (k == ND_K_DEICTIC || k == ND_K_WEEKDAY) &&
            !told_part(sc->text + c->start, c->end - c->start);
    if (k != ND_K_YEAR && k != ND_K_CALENDAR && k != ND_K_ISO && k != ND_K_NUMERIC) continue;
    size_t p = c->start > counted_to ? c->start : counted_to;
    /* a year before the Christian era ("480 BC") is far from any anchor */
    if (k == ND_K_YEAR && era_in(sc->text + c->start, c->end - c->start) && c->start >= counted_to) {
      all++, far++, other++;
      counted_to = c->end;
      continue;
    }
    for (; p + 4 <= c->end; p++) {
      const char *t = sc->text + p;
      if (p > 0 && (unsigned)(t[-1] - '0') < 10) continue;
      if ((t[0] != '1' && t[0] != '2') || (unsigned)(t[1] - '0') >= 10 ||
          (unsigned)(t[2] - '0') >= 10 || (unsigned)(t[3] - '0') >= 10)
        continue;
      if (p + 4 < sc->n && (unsigned)(t[4] - '0') < 10) continue;
      int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
      all++;
      far += y < a->y - ND_NARRATIVE_NEAR || y > a->y + ND_NARRATIVE_NEAR;
      other += y != a->y;
      p += 3;
    }
    if (p > counted_to) counted_to = p;
  }
  if (cues * NARRATIVE_CUE_YEARS > all) return 0;
  if ((all >= NARRATIVE_MIN_YEARS && far * 100 >= all * NARRATIVE_FAR_PCT) ||
      (far >= HISTORY_MIN_FAR && far * 2 >= all))
    return ND_NARRATIVE_FAR;
  if (all >= CHRONICLE_MIN_YEARS && other * 100 >= all * CHRONICLE_OTHER_PCT)
    return ND_NARRATIVE_CHRONICLE;
  return 0;
}

/* ---- Clock times and their day ------------------------------------------- */

#define NO_INDEX ((size_t)-1)

/* Does the clock span s[0..n) write its day ("Tuesday", "Nov. 6", "today")? */
static int clock_has_day(const char *s, size_t n) {
  nd_word w[ND_MAX_WORDS];
  int nw = nd_words(s, n, w, ND_MAX_WORDS);
  for (int i = 0; i < nw; i++)
    if (w[i].cls == ND_W_MONTH || w[i].cls == ND_W_WEEKDAY || !strcmp(w[i].low, "today") ||
        !strcmp(w[i].low, "yesterday") || !strcmp(w[i].low, "tomorrow"))
      return 1;
  return 0;
}

/* A resolved expression of one day: a DATE "YYYY-MM-DD", or with times
** a TIME "YYYY-MM-DDThh:mm". */
static int on_one_day(const nd_timex *t, int times) {
  const char *v = t->value;
  size_t len = strlen(v);
  if (!t->earliest[0] || len < 10 || v[4] != '-' || v[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9')) return 0;
  if (!strcmp(t->type, "DATE")) return len == 10;
  return times && !strcmp(t->type, "TIME") && len > 10 && v[10] == 'T' && v[11] >= '0' && v[11] <= '9';
}

/* A resolved part of one day: "the next morning" TIME "YYYY-MM-DDTMO". */
static int day_part(const nd_timex *t) {
  const char *v = t->value;
  if (!t->earliest[0] || strcmp(t->type, "TIME") || strlen(v) != 13 || v[10] != 'T') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9')) return 0;
  return v[11] >= 'A' && v[11] <= 'Z';
}

/* Only spaces, the bytes of punct and the words of words (lower case)
** between s[from] and s[to]? */
static int gap_of(const char *s, size_t from, size_t to, const char *punct,
                  const char *const *words) {
  for (size_t i = from; i < to;) {
    if (s[i] == ' ' || (s[i] && strchr(punct, s[i]))) {
      i++;
      continue;
    }
    size_t e = i;
    while (e < to && alpha_at(s, e)) e++;
    int known = 0;
    for (const char *const *w = words; *w && !known && e > i; w++)
      known = strlen(*w) == e - i && !strncasecmp(s + i, *w, e - i);
    if (!known) return 0;
    i = e;
  }
  return 1;
}

/* Put a resolved clock time on the day of t (both written "YYYY-MM-DD...",
** see on_one_day): value and bounds take its first ten bytes. */
static void clock_on_day(nd_timex *clock, const nd_timex *t) {
  if (!on_one_day(clock, 1)) return;
  memcpy(clock->value, t->value, 10);
  memcpy(clock->earliest, t->value, 10);
  memcpy(clock->latest, t->value, 10);
}

/* A clock time without its day (kept at bare) takes the day of what comes
** right after it: a date ("at 9 a.m. on 3 December", "9 a.m., Dec. 3") or
** the other end of its range ("from 9 a.m. to 5 p.m. on Friday"). */
static void clock_before(const char *s, nd_timex *bare, const nd_timex *next) {
  static const char *const on[] = {"on", NULL};
  static const char *const range[] = {"to", "and", "until", "till", "through", NULL};
  size_t from = bare->start + bare->len;
  if ((on_one_day(next, 0) || day_part(next)) ? gap_of(s, from, next->start, ",", on)
                          : on_one_day(next, 1) && gap_of(s, from, next->start, "-\xe2\x80\x93", range))
    clock_on_day(bare, next);
}

/* A clock time without its day right after a day ("on Saturday at 11am",
** "Yesterday 22:00", "tomorrow, from 9 a.m."): of that day. */
static void clock_after(const char *s, nd_timex *bare, const nd_timex *prev) {
  static const char *const at[] = {"at", "from", "around", "about", "by", "until", NULL};
  if (on_one_day(prev, 0) && gap_of(s, prev->start + prev->len, bare->start, ",", at))
    clock_on_day(bare, prev);
}

int nd_dates_find(const char *text, size_t n, const nd_anchor *anchor, nd_timex **out,
                  size_t *count) {
  *out = NULL;
  *count = 0;
  pthread_once(&rules_once, compile_rules);
  if (!rules_ready) return -1;
  if (n == 0) return 0;
  int rc = -1;
  nd_span *sent = NULL;
  size_t nsent = 0;
  nd_timex *res = NULL;
  others oth = {0};
  scan sc;
  memset(&sc, 0, sizeof sc);
  sc.text = text;
  sc.n = n;
  sc.gc = pcre2_general_context_create(pcre_alloc, pcre_free, NULL);
  if (!sc.gc) goto done;
  sc.md = pcre2_match_data_create(4, sc.gc);
  sc.mc = pcre2_match_context_create(sc.gc);
  if (!sc.md || !sc.mc) goto done;
  pcre2_set_match_limit(sc.mc, MATCH_LIMIT);
  pcre2_set_depth_limit(sc.mc, DEPTH_LIMIT);
  if (nd_date_triggers(text, n, try_rules, &sc)) goto done;
  if (nd_dates_i18n_at(text, n, sc.i18n_pos, sc.ni18n, anchor, add_other, &oth)) goto done;
  if (sc.nc == 0 && oth.n == 0) {
    rc = 0;
    goto done;
  }
  if (sc.nc) qsort(sc.cand, sc.nc, sizeof(*sc.cand), candidate_cmp);
  if (nd_sentences_split(text, n, &sent, &nsent)) goto done;
  size_t kept = 0, cap = 0, last_end = 0, bare_clock = NO_INDEX, day_date = NO_INDEX;
  size_t day_sentence = 0;
  nd_date_ref ref = {0};
  ref.narrative = narrative_text(&sc, anchor);
  for (size_t i = 0; i < sc.nc; i++) {
    const candidate *c = &sc.cand[i];
    if (c->start < last_end) continue;
    nd_date_kind kind = rules[c->rule].kind;
    if ((kind == ND_K_RELATIVE || kind == ND_K_PART_YEAR) && quoted_title(text, n, c->start))
      continue;
    if (kind == ND_K_PART_YEAR && !ref.narrative && season_in_name(text, n, c->start, c->end))
      continue;
    size_t si = nd_sentence_of(sent, nsent, c->start);
    if (kind == ND_K_PART_YEAR && game_half(text, c->start, c->end, nsent ? &sent[si - 1] : NULL))
      continue;
    nd_tense tense = ND_TENSE_NONE;
    int now = 0;
    char w[16];
    /* a narrative asks the tense of every date that may move its story: plans do not */
    if ((kind_needs_tense(kind) || (ref.narrative && kind != ND_K_DURATION && kind != ND_K_SET &&
                                    kind != ND_K_SHIFT && kind != ND_K_FUZZY)) &&
        tense_near(&sc, nsent ? &sent[si - 1] : NULL, c->start, c->end, kind != ND_K_WEEKDAY,
                   !(kind == ND_K_WEEKDAY || kind == ND_K_CLOCK || kind == ND_K_CALENDAR),
                   kind == ND_K_WEEKDAY || kind == ND_K_CLOCK || kind == ND_K_CALENDAR ||
                       kind == ND_K_PART_YEAR,
                   &tense, &now))
      goto done;
    if (!ref.narrative && (kind == ND_K_CALENDAR || kind == ND_K_WEEKDAY || kind == ND_K_CLOCK)) {
      int pt = tense_of_preposition(text, c->start);
      if (pt == PREP_STARTS) tense = ND_TENSE_FUTURE;
      else if (pt == PREP_FROM) tense = kind == ND_K_WEEKDAY ? ND_TENSE_NONE : tense;
      else if (pt == ND_TENSE_NONE || (pt >= 0 && kind == ND_K_CALENDAR)) tense = (nd_tense)pt;
    }
    if (!ref.narrative && scheduled_kind(kind) && scheduled_for(text, c->start))
      tense = ND_TENSE_FUTURE;
    else if (!ref.narrative && scheduled_kind(kind) && comparison_base(text, c->start))
      tense = ND_TENSE_PAST;
    else if (!ref.narrative && (scheduled_kind(kind) || kind == ND_K_RELATIVE) &&
             word_back(text, c->start, w) != (size_t)-1 && !strcmp(w, "since"))
      tense = ND_TENSE_PAST; /* "closed since the weekend and will stay shut": since is past */
    else if (!ref.narrative && kind == ND_K_RELATIVE && tense == ND_TENSE_NONE &&
             word_back(text, c->start, w) != (size_t)-1 && !strcmp(w, "by"))
      tense = ND_TENSE_FUTURE; /* "to reach 30C by the weekend": a deadline ("had doubled by
                                  the weekend" keeps its past) */
    if (kind == ND_K_WEEKDAY && possessive(text, n, c->end) &&
        !(tense == ND_TENSE_FUTURE && coming_event(text, n, c->end)))
      tense = ND_TENSE_PAST;
    nd_timex t[2];
    memset(t, 0, sizeof t);
    ref.quoted = kind == ND_K_DEICTIC && ref.narrative && in_quotation(text, c->start);
    /* "A memorial will be held next month", closing an obituary, "the
    ** school is busier this year": the writer's own time, told from the
    ** anchor (a quoted "will" is the speaker's, of the time told about); a
    ** present ("is") tells so of "this", "next" and "coming" only */
    ref.now = ref.narrative && now && !in_quotation(text, c->start) &&
              (now == ND_TENSE_MARK_MODAL ||
               (kind == ND_K_RELATIVE && speaks_from_now(text + c->start, c->end - c->start)));
    /* "to this day", "until this day" closing a clause: the writer's present
    ** ("referred to this day as" names a day told about) */
    int to_this_day = kind == ND_K_RELATIVE && c->end - c->start == 8 &&
                      (c->end == n || strchr(".,;:)\n", text[c->end])) &&
                      !strncasecmp(text + c->start, "this day", 8) &&
                      word_back(text, c->start, w) != (size_t)-1 &&
                      (!strcmp(w, "to") || !strcmp(w, "until") || !strcmp(w, "till"));
    if (to_this_day) ref.now = ref.narrative;
    /* the day told about counts for clock times of its sentence and the next only */
    if (ref.day_set && si > day_sentence + 1) ref.day_set = 0;
    nd_date_ref before = ref;
    int ok = nd_dates_normalize(kind, text + c->start, c->end - c->start, anchor, tense, &ref,
                                &t[0], &t[1]);
    if (aside(text, n, c->start, c->end)) ref = before;
    if (ok == 1 && to_this_day) strcpy(t[0].value, "PRESENT_REF");
    if (ref.day_set == ND_DAY_JUST_TOLD) ref.day_set = 1, day_sentence = si;
    if (ok < 0) last_end = c->end;
    if (ok <= 0) continue;
    if (ok == 1) t[0].start = 0, t[0].len = c->end - c->start;
    if (kept + 2 > cap) {
      size_t ncap = cap ? cap * 2 : 16;
      nd_timex *r2 = nd_realloc(res, ncap * sizeof(*r2));
      if (!r2) goto done;
      res = r2, cap = ncap;
    }
    for (int k = 0; k < ok; k++) {
      t[k].start += c->start;
      t[k].sentence = nd_sentence_of(sent, nsent, t[k].start);
      res[kept++] = t[k];
    }
    last_end = c->end;
    /* a clock time without its day takes the day of what comes right after
    ** it (clock_before), or of a calendar date before it in its sentence
    ** ("opens Friday, Dec. 4, at 9 a.m."); not of a weekday or "yesterday",
    ** which news uses for the day a thing was said ("said Monday that
    ** trading would resume at 9 a.m.") */
    nd_timex *last = &res[kept - 1];
    int bare = ok == 1 && kind == ND_K_CLOCK && !clock_has_day(text + c->start, c->end - c->start);
    if (bare && day_date != NO_INDEX && res[day_date].sentence == last->sentence)
      clock_on_day(last, &res[day_date]);
    else if (bare && kept >= 2)
      clock_after(text, last, &res[kept - 2]);
    if (!bare && ok == 1 && bare_clock != NO_INDEX && bare_clock + 2 == kept)
      clock_before(text, &res[bare_clock], last);
    if (ok == 1 && on_one_day(last, 0) && (kind == ND_K_CALENDAR || kind == ND_K_ISO ||
                                           kind == ND_K_NUMERIC || kind == ND_K_MONTH_DAY))
      day_date = kept - 1;
    bare_clock = bare ? kept - 1 : NO_INDEX;
  }
  if (oth.n) {
    for (size_t j = 0; j < oth.n; j++)
      oth.t[j].sentence = nd_sentence_of(sent, nsent, oth.t[j].start);
    if (merge_other(&res, &kept, &oth)) goto done;
  }
  *out = res;
  *count = kept;
  res = NULL;
  rc = 0;
done:
  nd_free(res);
  nd_free(oth.t);
  nd_free(sent);
  nd_free(sc.cand);
  nd_free(sc.mark_pos);
  nd_free(sc.mark_future);
  nd_free(sc.i18n_pos);
  pcre2_match_context_free(sc.mc);
  pcre2_match_data_free(sc.md);
  pcre2_general_context_free(sc.gc);
  return rc;
}
