/* Unit tests of the date tagger's engine: calendar arithmetic, anchor
** parsing, the lexicon, the rules and a few normalizations. */
#include <stdlib.h>

#include "nd_alloc.h"
#include "nd_dates.h"
#include "unit.h"

static void test_calendar(void) {
  CHECK(nd_days_from_civil(1970, 1, 1) == 0);
  CHECK(nd_days_from_civil(2000, 3, 1) == 11017);
  /* Every day of years 0..9999 round-trips and follows the one before. */
  long prev = nd_days_from_civil(0, 1, 1) - 1;
  int bad = 0;
  for (int y = 0; y <= 9999; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= nd_days_in_month(y, m); d++) {
        long z = nd_days_from_civil(y, m, d);
        int yy, mm, dd;
        nd_civil_from_days(z, &yy, &mm, &dd);
        if (z != prev + 1 || yy != y || mm != m || dd != d) bad++;
        prev = z;
      }
  CHECK(bad == 0);
  CHECK(nd_is_leap(2000) && nd_is_leap(2024) && !nd_is_leap(1900) && !nd_is_leap(2023));
  CHECK(nd_is_leap(0) && nd_days_in_month(0, 2) == 29 && nd_days_in_month(9999, 2) == 28);
  CHECK(nd_weekday(nd_days_from_civil(2023, 3, 17)) == 5); /* a Friday */
  CHECK(nd_weekday(nd_days_from_civil(0, 1, 1)) == 6);     /* proleptic: a Saturday */
  int wy, wn;
  nd_iso_week(nd_days_from_civil(2021, 1, 3), &wy, &wn);
  CHECK(wy == 2020 && wn == 53);
  nd_iso_week(nd_days_from_civil(2024, 12, 30), &wy, &wn);
  CHECK(wy == 2025 && wn == 1);
  nd_iso_week(nd_days_from_civil(2023, 3, 17), &wy, &wn);
  CHECK(wy == 2023 && wn == 11);
  CHECK(nd_iso_week_monday(2023, 11) == nd_days_from_civil(2023, 3, 13));
  CHECK(nd_easter_day(2024) == nd_days_from_civil(2024, 3, 31));
  CHECK(nd_easter_day(2000) == nd_days_from_civil(2000, 4, 23));
  CHECK(nd_easter_day(2038) == nd_days_from_civil(2038, 4, 25));
  CHECK(nd_nth_weekday(2023, 11, 4, 4) == nd_days_from_civil(2023, 11, 23)); /* Thanksgiving */
  CHECK(nd_nth_weekday(2023, 5, 1, -1) == nd_days_from_civil(2023, 5, 29));  /* Memorial Day */
}

static void test_anchor(void) {
  nd_anchor a;
  CHECK(nd_anchor_parse("2023-03-17", 10, &a) == 0 && a.y == 2023 && a.m == 3 && a.d == 17);
  CHECK(nd_anchor_parse("20240229", 8, &a) == 0 && a.d == 29);
  CHECK(nd_anchor_parse("2023-03-17T10:00:05.5+01:00", 27, &a) == 0 && a.has_time && a.ss == 5);
  CHECK(nd_anchor_parse("2023-02-29", 10, &a) == -1);
  CHECK(nd_anchor_parse("yesterday", 9, &a) == -1);
  CHECK(nd_anchor_parse("2023-03-17T25:00", 16, &a) == -1);
  CHECK(nd_anchor_parse("2023-03-17Tx", 12, &a) == -1);
  CHECK(nd_anchor_parse("", 0, &a) == -1);
}

/* The value (or, with span, the text) of the k-th expression (0-based) of
** text, "(none)" when there are fewer. */
static const char *nth(const char *text, const char *anchor, size_t k, int span) {
  static char out[64];
  nd_anchor a = {0};
  if (anchor) nd_anchor_parse(anchor, strlen(anchor), &a);
  nd_timex *t;
  size_t n;
  if (nd_dates_find(text, strlen(text), &a, &t, &n)) return "(error)";
  if (k >= n) snprintf(out, sizeof out, "(none)");
  else if (span) snprintf(out, sizeof out, "%.*s", (int)t[k].len, text + t[k].start);
  else snprintf(out, sizeof out, "%s", t[k].value);
  nd_free(t);
  return out;
}

static const char *value_of(const char *text, const char *anchor) { return nth(text, anchor, 0, 0); }

/* The value of the k-th expression (0-based) of text. */
static const char *value_at(const char *text, const char *anchor, size_t k) {
  return nth(text, anchor, k, 0);
}

/* The text of the first expression of text. */
static const char *span_of(const char *text, const char *anchor) { return nth(text, anchor, 0, 1); }

static void test_tagger(void) {
  int failed;
  CHECK(nd_lexicon_sorted());
  CHECK(nd_trigger_words_ok());
  CHECK(nd_i18n_words_ok());
  CHECK(nd_tense_words_sorted());
  CHECK(nd_dates_rules_check(&failed) && failed == -1);
  CHECK_STR(value_of("They met on Thursday.", "2023-03-17"), "2023-03-16");
  CHECK_STR(value_of("He will arrive on Monday.", "2023-03-17"), "2023-03-20");
  CHECK_STR(value_of("She left last fall.", "1999-06-07"), "1998-FA");
  CHECK_STR(value_of("in the third quarter", "1989-10-26"), "1989-Q3");
  CHECK_STR(value_of("the quarter", "1989-10-26"), "1989-Q3");
  CHECK_STR(value_of("a year earlier", "1989-10-26"), "1988");
  CHECK_STR(value_of("the past two months", "1989-10-26"), "P2M");
  /* Quantities of four to six digits without a thousands comma. */
  CHECK_STR(value_of("It began 3650 days ago.", "2023-03-17"), "2013-03-19");
  CHECK_STR(value_of("It began 3,650 days ago.", "2023-03-17"), "2013-03-19");
  CHECK_STR(value_of("It began months ago.", "2023-03-17"), "PAST_REF");
  /* a fraction after the whole number; weeks mix with no other unit */
  CHECK_STR(value_of("He served 2 1/2 years there.", "2023-03-17"), "P2Y6M");
  CHECK_STR(value_of("It took 1 1/2 hours.", "2023-03-17"), "PT1H30M");
  CHECK_STR(value_of("It lasted 2 1/2 weeks.", "2023-03-17"), "P17.5D");
  CHECK_STR(value_of("It lasted a week and a half.", "2023-03-17"), "P10.5D");
  /* a bare plural after "for", "within", "in": a vague duration */
  CHECK_STR(value_of("Troops will arrive within weeks.", "2023-03-17"), "PXW");
  CHECK_STR(value_of("Sales grew for the first time in years.", "2023-03-17"), "PXY");
  CHECK_STR(span_of("Prices were higher in years past.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("on Nov. 9", "1989-11-02"), "1989-11-09");
  CHECK_STR(value_of("in December", "2024-01-05"), "2023-12");
  CHECK_STR(value_of("the winter of 2023", NULL), "2023-WI");
  CHECK_STR(value_of("The fair opens each July.", "2023-03-17"), "XXXX-07");
  /* "at month's end", "month-end": the end of the month */
  CHECK_STR(value_of("At month's end the fund closed.", "2021-06-09"), "2021-06");
  CHECK_STR(value_of("Stocks rose into month-end.", "2021-06-09"), "2021-06");
  /* centuries with ordinals in words, up to the twentieth */
  CHECK_STR(value_of("The mill dates from the nineteenth century.", "2023-03-17"), "18");
  CHECK_STR(value_of("It is an eighteenth-century mill.", "2023-03-17"), "17");
  CHECK_STR(value_of("It ends with the twentieth century.", NULL), "19");
  CHECK_STR(value_of("Shares fell mid-afternoon yesterday.", "2023-03-17"), "2023-03-16TAF");
  CHECK_STR(value_of("By mid afternoon, the police said the road was open.", "2023-03-17"),
            "2023-03-17TAF");
  CHECK_STR(value_at("The ferry left on May 3 and sank in the late evening.", "2023-06-09", 1),
            "2023-05-03TEV");
  CHECK_STR(span_of("Troops moved in the early morning hours of 30 April.", "2023-06-09"),
            "the early morning hours of 30 April");
  CHECK_STR(value_of("Troops moved in the early morning hours of 30 April.", "2023-06-09"),
            "2023-04-30TMO");
  /* vague references to what is to come */
  CHECK_STR(span_of("Rates may fall in the near future.", "2023-03-17"), "the near future");
  CHECK_STR(value_of("Rates may fall in the near future.", "2023-03-17"), "FUTURE_REF");
  CHECK_STR(value_of("The plan helps in the short term.", "2023-03-17"), "FUTURE_REF");
  CHECK_STR(value_of("A vote will be held at a later date.", "2023-03-17"), "FUTURE_REF");
  CHECK_STR(value_of("They paid the then-current price.", "2023-03-17"), "PAST_REF");
  CHECK_STR(span_of("It sold short-term notes and a date palm.", "2023-03-17"), "(none)");
  /* years in words after a month or a season, as transcripts write them */
  CHECK_STR(value_of("Sales peaked in June nineteen ninety-six.", "2023-03-17"), "1996-06");
  CHECK_STR(value_of("It snowed in the winter of two thousand and one.", "2023-03-17"), "2001-WI");
  CHECK_STR(value_of("1400 GMT", "2001-05-05"), "2001-05-05T14:00");
  CHECK_STR(value_of("12:30 a.m.", "2001-05-05"), "2001-05-05T00:30");
  CHECK_STR(value_of("It cost $2019 and 12,000 people.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("a 44-year-old man", "2023-03-17"), "(none)");
  /* a programme's title in quotes is no date; a quoted sentence keeps its dates */
  CHECK_STR(span_of("He spoke on ABC's \"This Week\" on Sunday.", "2023-03-17"), "Sunday");
  CHECK_STR(value_of("\"This week we vote,\" he said.", "2023-03-17"), "2023-W11");
  /* titles and idioms: a campaign in quotes, a march, a showdown */
  CHECK_STR(value_of("They held \"Summer of Hope\" rallies.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("Crowds joined the annual March for Peace.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("It opens in March for Easter.", "2023-01-17"), "2023-03");
  CHECK_STR(value_of("For the party, high noon comes now.", "2023-03-17"), "PRESENT_REF");
  CHECK_STR(value_of("They met at noon.", "2023-03-17"), "2023-03-17T12:00");
  CHECK_STR(span_of("It lost less than a year-earlier loss.", "2023-03-17"), "year-earlier");
  CHECK_STR(value_of("It lost less than a year-earlier loss.", "2023-03-17"), "2022");
  CHECK_STR(value_of("", "2023-03-17"), "(none)");
  /* a fall and a march that are no season and no month */
  CHECK_STR(span_of("After the fall of Rome it rained.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("It rained in the fall of 1998.", "2023-03-17"), "1998-FA");
  CHECK_STR(span_of("The March to the Sea ended.", "2023-03-17"), "(none)");
  CHECK_STR(value_of("Prices rose from March to the end of June.", "2023-03-17"), "2023-03");
  CHECK_STR(value_of("Prices rose from March to May.", "2023-03-17"), "2023-03");
    /* years before the Christian era: TIMEX's BC prefix, no bounds */
  CHECK_STR(value_of("The temple burned in 356 BC.", "2023-03-17"), "BC0356");
  CHECK_STR(value_of("He ruled until 27 B.C. in peace.", "2023-03-17"), "BC0027");
  CHECK_STR(value_of("a list of 356 BCD codes", "2023-03-17"), "(none)");
  CHECK_STR(value_of("\xff\xfe March 2023 \xc3", NULL), "2023-03");
}

/* Tense markers: irregular pasts, "-ed" words that are no past, "will be" + participle. */
static void test_tense(void) {
  CHECK_STR(value_of("The firm sold the plant to Thursday's buyer.", "2021-06-09"), "2021-06-03");
  CHECK_STR(value_of("Two hundred guests arrive on Friday.", "2021-06-09"), "2021-06-11");
  CHECK_STR(value_of("She will succeed him on Monday.", "2021-06-09"), "2021-06-14");
  CHECK_STR(value_of("The results will be published Friday.", "2021-06-09"), "2021-06-11");
  CHECK_STR(value_of("The results were published Friday.", "2021-06-09"), "2021-06-04");
  CHECK_STR(value_of("The notes would be repaid in five years.", "2021-06-09"), "2026");
  CHECK_STR(value_of("Fans were planning a parade on Saturday.", "2021-06-09"), "2021-06-12");
  CHECK_STR(value_of("Prices stand higher since Oct. 23 in most towns.", "2021-05-06"), "2020-10-23");
  CHECK_STR(value_of("The board unveiled the plan Aug. 21.", "2021-10-27"), "2021-08-21");
  CHECK_STR(value_of("They will appeal Monday's verdict.", "2021-06-09"), "2021-06-07");
  CHECK_STR(value_of("They will watch next Monday's game.", "2021-06-09"), "2021-06-14");
  CHECK_STR(value_of("Dividends are payable Jan. 2.", "2021-11-02"), "2022-01-02");
  CHECK_STR(value_of("The team said it could return as early as Tuesday.", "2021-06-09"), "2021-06-15");
  /* "by" names a deadline, to come whatever the verbs say */
  CHECK_STR(value_of("The lenders agreed to be repaid by February.", "2021-10-27"), "2022-02");
  CHECK_STR(value_of("The lenders were repaid in February.", "2021-10-27"), "2021-02");
  CHECK_STR(value_of("Ten states had filed reports by Wednesday.", "2021-06-11"), "2021-06-09");
  /* "..., the mayor said": the attribution does not date the clause before it */
  CHECK_STR(value_of("The ferry will sail at dawn (11 a.m. EDT Friday), the mayor said.",
                     "2021-06-09"),
            "2021-06-11T11:00");
  CHECK_STR(value_of("The mayor said the ferry sailed Friday.", "2021-06-09"), "2021-06-04");
  CHECK_STR(value_of("The vote will still be held on Feb. 20.", "1999-07-01"), "2000-02-20");
  /* "last Oct. 23": the one before the anchor, whatever the verbs; "next March 5" after */
  CHECK_STR(value_of("He was shot last Oct. 23 at home.", "1999-04-19"), "1998-10-23");
  CHECK_STR(value_of("It opens next March 5.", "1999-04-19"), "2000-03-05");
  CHECK_STR(value_of("It opened last April 3.", "1999-04-19"), "1999-04-03");
  /* "the week of March 6": the ISO week holding that day */
  CHECK_STR(value_of("Talks resume the week of March 6.", "2000-02-24"), "2000-W10");
  CHECK_STR(span_of("Talks resume the week of March 6.", "2000-02-24"), "the week of March 6");
  /* "the morning of May 2": that part of the day; "the night of" stays the day (TimeML) */
  CHECK_STR(value_of("The ferry left early in the morning of 2 May 1921.", "2021-06-09"),
            "1921-05-02TMO");
  CHECK_STR(span_of("The ferry left on the evening of May 2.", "2021-06-09"), "the evening of May 2");
  CHECK_STR(value_of("The ferry left on the evening of May 2.", "2021-06-09"), "2021-05-02TEV");
  CHECK_STR(value_of("The ferry left on the night of May 2.", "2021-06-09"), "2021-05-02");
  /* a holiday without its year: the nearest, the verbs breaking ties, as months */
  CHECK_STR(value_of("He was found off the coast on Thanksgiving Day.", "2000-04-03"),
            "1999-11-25");
  CHECK_STR(value_of("Shops will close on Thanksgiving Day.", "2000-04-03"), "2000-11-23");
  /* a time told in the past is of the day told about, when it is of the week before */
  CHECK_STR(value_at("A bus crashed on Friday. It happened at 10:35 a.m.", "2021-06-12", 1),
            "2021-06-11T10:35");
  CHECK_STR(value_at("A bus crashed on May 3. It happened at 10:35 a.m.", "2021-06-12", 1),
            "2021-06-12T10:35");
  CHECK_STR(value_at("A bus crashed on Friday. Service resumes at 10:35 a.m.", "2021-06-12", 1),
            "2021-06-12T10:35");
  /* the present perfect tells of the past */
  CHECK_STR(value_of("Prices have come down from the middle of October.", "1998-02-23"), "1997-10");
  CHECK_STR(value_of("The board has set a vote for March.", "2024-01-10"), "2024-03");
  /* "until", "through", "effective" open or close a term the verb does not date */
  CHECK_STR(value_of("The bank extended the credit line through March.", "2021-11-20"), "2022-03");
  CHECK_STR(value_of("The union signed a contract effective Jan. 1.", "2021-11-20"), "2022-01-01");
  CHECK_STR(value_of("The court gave them until 9 a.m. Tuesday to sign.", "2021-06-07"),
            "2021-06-08T09:00");
  CHECK_STR(value_at("Output was flat this year through August.", "2021-10-20", 1), "2021-08");
  /* the "to" of an intention dates a month to come, not a weekday */
  CHECK_STR(value_of("The chain agreed to sell its stores in January.", "2021-11-20"), "2022-01");
  CHECK_STR(value_of("They announced a deal, an agreement to merge the two in February.",
                     "2021-11-20"),
            "2022-02");
  CHECK_STR(value_of("The rivals extended their offers to buy the mill Friday.", "2021-06-09"),
            "2021-06-04");
  /* a participle after a determiner is an adjective, no past */
  CHECK_STR(value_of("The fee will be paid on a still unspecified day in January.", "2021-11-20"),
            "2022-01");
  /* "set to", "is to": an arrangement to come */
  CHECK_STR(value_of("The stalled talks are set to resume Monday.", "2021-06-09"), "2021-06-14");
  CHECK_STR(value_at("The shares, halted last week, are to trade again Tuesday.", "2021-06-09", 1),
            "2021-06-15");
}

/* Financial periods: "the year ended ..." is a year-long period, not the anchor's year. */
static void test_fiscal(void) {
  CHECK_STR(value_of("Net profit for the year ended June 30 doubled.", "2021-08-02"), "P1Y");
  CHECK_STR(value_of("in the fiscal year ending next March", "2021-08-02"), "P1Y");
  CHECK_STR(value_of("Sales rose for the year.", "2021-08-02"), "2021");
  CHECK_STR(value_of("Inflation in the year to October was 3%.", "2021-11-02"), "P1Y");
  CHECK_STR(span_of("Sales in the financial year to April 2021 fell.", "2021-11-02"),
            "the financial year");
  CHECK_STR(value_of("She looked forward to the year to come.", "2021-11-02"), "(none)");
  /* "the quarter" is the quarter the text named last, else the latest complete one */
  CHECK_STR(value_at("Profit fell in the first quarter. The quarter was weak.", "2021-08-02", 1),
            "2021-Q1");
  CHECK_STR(value_of("The quarter was weak.", "2021-08-02"), "2021-Q2");
  /* "the latest period", "the 2020 period": that quarter; with none named, a year or nothing */
  CHECK_STR(value_at("Profit fell in the first quarter. Sales in the latest period rose.",
                     "2021-08-02", 1),
            "2021-Q1");
  CHECK_STR(value_at("Profit fell in the first quarter, from a gain in the 2020 period.",
                     "2021-08-02", 1),
            "2020-Q1");
  CHECK_STR(value_of("Sales in the 2020 period rose.", "2021-08-02"), "2020");
  CHECK_STR(value_at("Profit fell in the first quarter, from a gain in the 2020 quarter.",
                     "2021-08-02", 1),
            "2020-Q1");
  CHECK_STR(value_of("Sales in the latest period rose.", "2021-08-02"), "(none)");
  /* "the quarter a year ago", "the corresponding period last year": that quarter, a year before */
  CHECK_STR(value_at("Profit fell in the second quarter ended June 30, from the corresponding "
                     "period last year.",
                     "2021-08-02", 2),
            "2020-Q2");
  CHECK_STR(span_of("Sales fell from the quarter a year ago.", "2021-08-02"), "the quarter a year ago");
  CHECK_STR(value_of("Sales fell from the quarter a year ago.", "2021-08-02"), "2020-Q2");
  CHECK_STR(value_of("Sales fell from the quarter a year ago.", NULL), "XXXX");
  /* "the following year", "later that year" name a year, not the day told about */
  CHECK_STR(value_at("The mill opened on May 3, 2004, and closed the following year.", "2021-08-02", 1),
            "2005");
  CHECK_STR(value_at("He moved there in June 2010 and married later that year.", "2021-08-02", 1),
            "2010");
  /* "the next day", and "the next month" told in the past, from the date told about */
  CHECK_STR(value_at("He was held on March 3 and freed the next day.", "2021-06-09", 1), "2021-03-04");
  CHECK_STR(value_at("He was held on March 3 and freed the next month.", "2021-06-09", 1), "2021-04");
  /* "the same day", "that same day": the day told about, or an unknown day of its month */
  CHECK_STR(value_at("He was shot on Oct. 23 and died the same day.", "1999-02-06", 1),
            "1998-10-23");
  CHECK_STR(value_at("He was shot last October and died that same day.", "1999-02-06", 1),
            "1998-10-XX");
  /* "the previous Friday", "the following Monday": from the day told about */
  CHECK_STR(value_at("Stocks fell on Wednesday, down from the previous Friday.", "2021-06-11", 1),
            "2021-06-04");
  CHECK_STR(value_at("He came on June 3 and left the following Monday.", "2021-06-11", 1),
            "2021-06-07");
  CHECK_STR(value_of("Stocks were down from the previous Friday.", "2021-06-11"), "2021-06-04");
  CHECK_STR(value_at("He came on June 3, 2021 and left the following Monday.", NULL, 1),
            "XXXX-WXX-1");
  CHECK_STR(value_at("He was held on March 3; he will be tried next month.", "2021-06-09", 1),
            "2021-07");
  /* fiscal years as companies write them: FY2025, FY 2025, FY26, FY'26 */
  CHECK_STR(span_of("Revenue for FY2025 rose.", "2026-11-23"), "FY2025");
  CHECK_STR(value_of("Revenue for FY2025 rose.", "2026-11-23"), "2025");
  CHECK_STR(value_of("Revenue for FY 2025 rose.", NULL), "2025");
  CHECK_STR(value_of("The FY26 guidance held.", "2026-11-23"), "2026");
  CHECK_STR(value_of("The FY'26 guidance held.", "2026-11-23"), "2026");
  CHECK_STR(value_of("The FY2025X chip.", "2026-11-23"), "(none)");
  /* a fiscal year across two calendar years is one year, named by the year it ends in */
  CHECK_STR(span_of("Profit for FY2024-25 fell.", "2026-11-23"), "FY2024-25");
  CHECK_STR(value_of("Profit for FY2024-25 fell.", "2026-11-23"), "2025");
  CHECK_STR(value_of("Profit for FY24-25 fell.", NULL), "2025");
  CHECK_STR(value_of("Profit for FY24/25 fell.", "2026-11-23"), "2025");
  CHECK_STR(span_of("Profit for fiscal 2024-25 fell.", "2026-11-23"), "fiscal 2024-25");
  CHECK_STR(value_of("Profit for fiscal 2024-25 fell.", "2026-11-23"), "2025");
  CHECK_STR(value_of("Profit in the 2024-25 financial year fell.", "2026-11-23"), "2025");
  CHECK_STR(value_of("Profit for FY1999-00 fell.", "2026-11-23"), "2000");
  /* a season or a span of years stays a range of two rows */
  CHECK_STR(value_at("The 2024-25 season was poor.", "2026-11-23", 1), "2025");
  CHECK_STR(value_at("Sales in fiscal 2019-2021 fell.", "2026-11-23", 1), "2021");
}

/* Narrative mode: a history whose written years lie far from the anchor
** places dates without a year after the last date it wrote in full. */
static void test_narrative(void) {
  /* BC years live in a band of their own: an anchor in 3001..5999, absurd
  ** but ISO-8601, is still a year of our era */
  CHECK_STR(value_at("Today the fort opened; next year it closes.", "4000-06-01", 0), "4000-06-01");
  CHECK_STR(value_at("Today the fort opened; next year it closes.", "4000-06-01", 1), "4001");
  CHECK_STR(value_at("In April 480 BC it fell; the following year it was rebuilt.", "2020-05-01", 1),
            "BC0479");
  const char *history =
      "The canal was begun in 1821 and the locks were finished in 1824. Work stopped in March. "
      "On 4 July 1825 the first barge passed; two days later a second followed. On 20 November "
      "ice closed it. In January it froze, and it reopened the following spring. By 1830 it "
      "paid its way.";
  CHECK_STR(value_at(history, "2020-05-01", 2), "1824-03");
  CHECK_STR(value_at(history, "2020-05-01", 3), "1825-07-04");
  CHECK_STR(value_at(history, "2020-05-01", 4), "1825-07-06");
  CHECK_STR(value_at(history, "2020-05-01", 5), "1825-11-20");
  CHECK_STR(value_at(history, "2020-05-01", 6), "1826-01");
  CHECK_STR(value_at(history, "2020-05-01", 7), "1826-SP");
  CHECK_STR(value_at(history, "2020-05-01", 8), "1830");
  /* a coarser date that holds the one told about does not replace it */
  CHECK_STR(value_at("In 1901, 1902 and 1903 it grew. On 5 December it burned, and 1903 ended "
                     "badly. In January it was rebuilt.", "2020-05-01", 5),
            "1904-01");
  /* a year spoken of in the future is a plan: the story stays in its year */
  CHECK_STR(value_at("The dam was begun in 1931 and 1932. The board planned to open it in 1936. "
                     "The walls rose in May.", "2020-05-01", 3),
            "1932-05");
  /* "that night", "the next morning": of the day told about, in news too */
  CHECK_STR(value_at("On June 3, 2019 they met. That night it rained; the next morning it cleared.",
                     "2020-05-01", 1),
            "2019-06-03TNI");
  CHECK_STR(value_at("On June 3, 2019 they met. That night it rained; the next morning it cleared.",
                     "2020-05-01", 2),
            "2019-06-04TMO");
  /* "The day before," is the day before the one told about; before an event it is none */
  CHECK_STR(value_at("The town fell on 23 February 1918. The day before, the army left.",
                     "2020-05-01", 1),
            "1918-02-22");
  CHECK_STR(value_at("The town fell on 23 February 1918. The day before the vote it rained.",
                     "2020-05-01", 1),
            "(none)");
  /* a look back ("the previous year") does not move the story */
  CHECK_STR(value_at("In 1918 and 1919 it grew. On 6 September 1920 it fell, as in the previous "
                     "year. On 18 September the army left.", "2020-05-01", 4),
            "1920-09-18");
  /* a bare year far from the month told about is a digression */
  CHECK_STR(value_at("In 1931 and 1932 it grew. On 3 May 1933 the siege began, as the one of 1870 "
                     "had. On 9 June it ended.", "2020-05-01", 4),
            "1933-06-09");
  /* a date alone in parentheses is an aside */
  CHECK_STR(value_at("Its rules were set in 1931 and 1932. The old code (1790) went. In May it "
                     "lapsed.", "2020-05-01", 3),
            "1932-05");
  /* "four days later" than a year is a day of that year */
  CHECK_STR(value_at("The siege lasted from 1870 to 1871. In 1871 the town fell; four days later "
                     "the army left.", "2020-05-01", 3),
            "1871-XX-XX");
  /* months and years counted from a day of a history are a month, a year */
  CHECK_STR(value_at("It grew in 1861, 1862 and 1863. On 4 July 1863 the town fell; fifteen months "
                     "later the army left, two years earlier than planned.", "2020-05-01", 4),
            "1864-10");
  /* a history before the Christian era counts forward from its BC years */
  const char *ancient =
      "The revolt began in 499 BC and spread in 498 BC. In April 497 BC the fleet sailed; "
      "the following year it was lost. In the spring of 490 BC the army landed, and in "
      "September it won. The city declined in the 4th century BC.";
  CHECK_STR(value_at(ancient, "2009-12-19", 2), "BC0497-04");
  CHECK_STR(value_at(ancient, "2009-12-19", 3), "BC0496");
  CHECK_STR(value_at(ancient, "2009-12-19", 4), "BC0490-SP");
  CHECK_STR(value_at(ancient, "2009-12-19", 5), "BC0490-09");
  CHECK_STR(value_at(ancient, "2009-12-19", 6), "BC03");
  CHECK_STR(nth(ancient, "2009-12-19", 6, 1), "the 4th century BC");
  /* news that recalls history, with its own "yesterday", stays news */
  CHECK_STR(value_at("The firm, founded in 1901, merged in 1950 and 1968. It said yesterday that "
                     "sales fell in March.", "2020-05-01", 4),
            "2020-03");
  /* a history page whose citations carry recent dates is still a history */
  const char *cited =
      "Locks were built in 1821, 1822, 1823, 1824, 1825, 1826, 1827, 1828, 1829 and 1830. "
      "In June the first barge passed. Retrieved 3 May 2020. Retrieved 4 May 2020. "
      "Retrieved 5 May 2020. Retrieved 6 May 2020. Retrieved 7 May 2020. Retrieved 8 May 2020. "
      "Retrieved 9 May 2020. Retrieved 10 May 2020.";
  CHECK_STR(value_at(cited, "2020-05-01", 10), "1830-06");
  /* a chronicle of recent years: many written years, few of them the anchor's */
  const char *chronicle =
      "The line was planned in 2009 and 2010, funded in 2011, and built in 2012 and 2013. "
      "Trials ran in 2014; fares rose in 2015, 2016 and 2017. It was extended in 2018. "
      "In March the new depot opened.";
  CHECK_STR(value_at(chronicle, "2020-05-01", 10), "2018-03");
  /* without an anchor nothing is resolved, whatever dates the text wrote
    ** (DESIGN: a NULL anchor leaves relative expressions unresolved) */
  CHECK_STR(value_at("In June it closed. On 3 May 2010 it opened. In June it closed. Next week it "
                     "reopens.", NULL, 2),
            "XXXX-06");
  CHECK_STR(value_at("In June it closed. On 3 May 2010 it opened. In June it closed. Next week it "
                     "reopens.", NULL, 3),
            "XXXX-WXX");
  /* "soon" in a history is shortly after the story's date: no FUTURE_REF */
  CHECK_STR(value_at("In 1701, 1702 and 1703 the fort grew, and it was soon taken.", "2020-05-01", 3),
            "(none)");
  /* quoted in a history, "today" is the speaker's day, which the text does not give */
  const char *quoted =
      "Wars of 1701, 1711, 1721, 1733, 1740 and 1741 shaped it. In 1742 and 1743 the king said: "
      "\"We march today.\" He wrote: \xe2\x80\x9cTonight we sleep in the fort.\xe2\x80\x9d";
  CHECK_STR(value_at(quoted, "2020-05-01", 8), "XXXX-XX-XX");
  CHECK_STR(value_at(quoted, "2020-05-01", 9), "XXXX-XX-XXTNI");
  /* "today" is the writer's day in a history too */
  CHECK_STR(value_at("Wars of 1701, 1733 and 1740 shaped it. Today the fort is a museum.",
                     "2020-05-01", 3),
            "2020-05-01");
}

/* Ranges are two expressions, one per end, as TimeML tags them, unless the year is guessed. */
static void test_ranges(void) {
  const char *text = "The war of 1915-17 began on 6-7 March 1915 and ended on June 3-5, 1917.";
  CHECK_STR(nth(text, NULL, 0, 1), "1915");
  CHECK_STR(value_at(text, NULL, 1), "1917");
  CHECK_STR(nth(text, NULL, 1, 1), "17");
  CHECK_STR(nth(text, NULL, 2, 1), "6");
  CHECK_STR(value_at(text, NULL, 2), "1915-03-06");
  CHECK_STR(nth(text, NULL, 3, 1), "7 March 1915");
  CHECK_STR(nth(text, NULL, 4, 1), "June 3");
  CHECK_STR(nth(text, NULL, 5, 1), "5, 1917");
  CHECK_STR(value_at(text, NULL, 5), "1917-06-05");
  CHECK_STR(value_of("It ran from 2001-2004.", "2021-06-09"), "2001");
  CHECK_STR(value_at("It ran from 2001-2004.", "2021-06-09", 1), "2004");
  CHECK_STR(span_of("The fair runs July 3-9 this summer.", "2021-06-09"), "July 3-9");
  CHECK_STR(value_of("The fair runs July 3-9 this summer.", "2021-06-09"), "2021-07");
  /* "April 24 and 25" names two days: two rows, even with the year guessed */
  CHECK_STR(nth("The summit will be held on April 24 and 25.", "2021-02-10", 0, 1), "April 24");
  CHECK_STR(value_at("The summit will be held on April 24 and 25.", "2021-02-10", 1), "2021-04-25");
}

/* TimeML leaves prepositions out of the span: "over the past", "just"; "over a decade" is a mod. */
static void test_spans(void) {
  CHECK_STR(span_of("Prices doubled over the past three years.", "2021-06-09"), "the past three years");
  CHECK_STR(span_of("It took just two weeks.", "2021-06-09"), "two weeks");
  CHECK_STR(span_of("It took over a decade.", "2021-06-09"), "over a decade");
}

/* Modern news phrasing. */
static void test_modern(void) {
  /* "March last year" is of the year before; "last March" the last March */
  CHECK_STR(value_of("He was arrested in March last year.", "2026-11-20"), "2025-03");
  CHECK_STR(value_of("He was arrested last March.", "2026-11-20"), "2026-03");
  CHECK_STR(value_of("It closed on Oct. 23 last year.", "2026-11-20"), "2025-10-23");
  CHECK_STR(value_of("It reopens on Feb. 2 next year.", "2026-11-20"), "2027-02-02");
  /* a capitalized season inside a name is no date; a season alone, or with a year, is */
  CHECK_STR(value_of("The Winter Olympics drew crowds.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Crowds came to the Summer Games.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Spring Street was closed.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Protests of the Arab Spring spread.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Winter 2023 was mild.", "2026-11-23"), "2023-WI");
  CHECK_STR(span_of("In Spring, prices rise.", "2026-11-23"), "Spring");
  CHECK_STR(value_of("The spring of next year is busy.", "2026-11-23"), "2027-SP");
  CHECK_STR(value_of("It will open in Summer.", "2026-11-23"), "2027-SU");
  /* a clock time, its weekday and its full date are one TIME on that date */
  CHECK_STR(span_of("Trading closed at 4:30pm on Tuesday, 24 November 2026.", "2026-11-23"),
            "4:30pm on Tuesday, 24 November 2026");
  CHECK_STR(value_of("Trading closed at 4:30pm on Tuesday, 24 November 2026.", "2026-11-23"),
            "2026-11-24T16:30");
  CHECK_STR(value_of("The meeting is set for 3 p.m. ET on Tuesday, Nov. 24.", "2026-11-23"),
            "2026-11-24T15:00");
  CHECK_STR(value_of("Bids are due by midnight on Friday, Nov. 27, 2026.", NULL), "2026-11-27T00:00");
  CHECK_STR(value_of("The offer expires at 5 p.m. EST, Nov. 6.", NULL), "XXXX-11-06T17:00");
  CHECK_STR(span_of("The truce holds until Monday midnight.", "2026-11-22"), "Monday midnight");
  CHECK_STR(value_of("The call is at 3 p.m. Eastern on Tuesday.", "2026-11-22"), "2026-11-24T15:00");
  CHECK_STR(span_of("The call is at 11 a.m. Pacific time.", "2026-11-22"), "11 a.m. Pacific time");
  CHECK_STR(span_of("He flew at 9 p.m. Central Asia time.", "2026-11-22"), "9 p.m.");
  CHECK_STR(value_of("The truce holds until Monday midnight.", "2026-11-22"), "2026-11-23T00:00");
  /* a clock time without its day: the day of the date right after it, or
  ** of its sentence's date before it; unresolved without an anchor */
  CHECK_STR(value_of("It starts at 9 a.m. on 3 December.", "2026-11-23"), "2026-12-03T09:00");
  CHECK_STR(value_at("It opens Friday, Dec. 4, at 9 a.m.", "2026-11-23", 1), "2026-12-04T09:00");
  CHECK_STR(value_at("It opens Friday, Dec. 4. Doors open at 9 a.m.", "2026-11-23", 1),
            "2026-11-23T09:00");
  CHECK_STR(value_at("It opens Friday, Dec. 4, 2026, at 9 a.m.", NULL, 1), "XXXX-XX-XXT09:00");
  CHECK_STR(value_of("It is open from 9 a.m. to 5 p.m. on Friday, Nov. 27.", "2026-11-23"),
            "2026-11-27T09:00");
  CHECK_STR(value_at("On Dec. 3 the talks ended; at 9 a.m. on the 4th they resumed.", "2026-11-23", 1),
            "2026-12-04T09:00");
  /* a weekday shortened without a dot opens a dateline's date */
  CHECK_STR(span_of("Sun 22 Nov 2026 10:31 GMT", "2026-11-23"), "Sun 22 Nov 2026");
  CHECK_STR(span_of("Posted Tue, Nov 24", "2026-11-23"), "Tue, Nov 24");
  CHECK_STR(value_of("Posted Tue, Nov 24", "2026-11-23"), "2026-11-24");
  /* dotted 24-hour clock times with a zone or "h"; a bare "07.45" is a number */
  CHECK_STR(value_at("Sunday 22 November 2026 07.45 GMT", "2026-11-23", 1), "2026-11-22T07:45");
  CHECK_STR(span_of("Doors open at 09.00 CET.", "2026-11-23"), "09.00 CET");
  CHECK_STR(value_of("The match starts at 19.30h.", "2026-11-23"), "2026-11-23T19:30");
  CHECK_STR(value_of("Shares rose 07.45 percent.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Output reached 3.25 MT.", "2026-11-23"), "(none)");
  /* "on the 14th": that day of the month told about; not a century, floor or amendment */
  CHECK_STR(value_at("On 12 October the minister met her counterpart, and on the 14th she left.",
                     "2026-11-23", 1),
            "2026-10-14");
  CHECK_STR(value_at("Talks began on Nov. 2 and ended on the 5th.", "2026-11-23", 1), "2026-11-05");
  CHECK_STR(value_at("Talks began on Nov. 2, 2026 and ended on the 5th.", NULL, 1), "XXXX-XX-05");
  CHECK_STR(value_of("On the 14th she left.", "2026-11-23"), "(none)");
  CHECK_STR(value_at("In March 2025 it met on the 14th floor.", "2026-11-23", 1), "(none)");
  CHECK_STR(value_at("In March 2025 he spoke on the 14th amendment.", "2026-11-23", 1), "(none)");
  CHECK_STR(span_of("In March 2025 they wrote on the 14th century.", "2026-11-23"), "March 2025");
  CHECK_STR(value_at("In March 2025 they wrote on the 14th century.", "2026-11-23", 1), "13");
  /* a quarter of a measure is no three months; two quarters still are */
  CHECK_STR(value_of("The lender lifted its base rate by a quarter point.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Yields rose a quarter-percentage-point.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("She walked a quarter mile home.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Output grew for two quarters.", "2026-11-23"), "P6M");
  CHECK_STR(value_of("Spending fell by nearly a quarter.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Output shrank by three quarters.", "2026-11-23"), "(none)");
  /* a fraction of a longer unit: a quarter century, half an hour */
  CHECK_STR(value_of("It was the worst slump in a quarter century.", "2026-11-23"), "P25Y");
  CHECK_STR(span_of("It was the worst slump in a quarter of a century.", NULL),
            "a quarter of a century");
  CHECK_STR(value_of("It was the worst slump in a quarter of a century.", NULL), "P25Y");
  CHECK_STR(value_of("The meeting ran for half an hour.", NULL), "PT30M");
  CHECK_STR(value_of("The dam stood for half a century.", NULL), "P50Y");
  CHECK_STR(value_of("The loan runs for half a year.", NULL), "P6M");
  /* "last" as a verb is no part of the duration; "the last two days" keeps it */
  CHECK_STR(span_of("The walkout is expected to last four days.", "2026-11-23"), "four days");
  CHECK_STR(span_of("The fair will last three weeks.", "2026-11-23"), "three weeks");
  CHECK_STR(span_of("Repairs could last months.", "2026-11-23"), "months");
  CHECK_STR(span_of("Sales fell over the last two days.", "2026-11-23"), "the last two days");
  CHECK_STR(value_of("They last week agreed a truce.", "2026-11-23"), "2026-W47");
  /* "within the next month" bounds the time taken: a duration; "over the next month" a date */
  CHECK_STR(value_of("Regulators want checks done within the next month.", "2026-11-23"), "P1M");
  CHECK_STR(value_of("A decision is due within the coming week.", NULL), "P1W");
  CHECK_STR(value_of("Rents will climb over the next month.", "2026-11-23"), "2026-12");
  /* "starting", "beginning" open a term to come, even after a past verb;
  ** "from", "as of" a weekday: the nearest one (anchor: a Sunday) */
  CHECK_STR(value_at("The city announced a curfew starting Monday.", "2026-11-22", 1), "(none)");
  CHECK_STR(value_of("The city announced a curfew starting Monday.", "2026-11-22"), "2026-11-23");
  CHECK_STR(value_of("Schools closed beginning Friday, the ministry said.", "2026-11-22"),
            "2026-11-27");
  CHECK_STR(value_of("It said new fees applied from Monday.", "2026-11-22"), "2026-11-23");
  CHECK_STR(value_of("Prices were cut as of Tuesday.", "2026-11-22"), "2026-11-24");
  CHECK_STR(value_of("The city announced a curfew starting Monday.", NULL), "XXXX-WXX-1");
  CHECK_STR(value_of("The board approved new fees starting in January.", "2026-11-22"), "2027-01");
  CHECK_STR(value_of("Work began in March.", "2026-11-22"), "2026-03");
  /* "since mid-year", "at midyear": the anchor's year, mod MID; not "mid-year exams" */
  CHECK_STR(value_of("The index has slipped since mid-year.", "2026-11-23"), "2026");
  CHECK_STR(value_of("Hiring slowed at midyear, then picked up.", "2026-11-23"), "2026");
  CHECK_STR(value_of("Hiring slowed at midyear, then picked up.", NULL), "XXXX");
  CHECK_STR(value_of("Pupils sat mid-year exams.", "2026-11-23"), "(none)");
  /* a past clock time without its day is of the day told about last, also
  ** after a coarser date; a time to come is of the anchor's day */
  const char *tower = "A tower fell early on Saturday. It was built in the 1980s and gave way "
                      "at 4:10 a.m., police said. Crews will return at 9 a.m.";
  CHECK_STR(value_at(tower, "2026-11-22", 2), "2026-11-21T04:10");
  CHECK_STR(value_at(tower, "2026-11-22", 3), "2026-11-22T09:00");
  CHECK_STR(value_at(tower, NULL, 2), "XXXX-XX-XXT04:10");
  /* ...the day told about a sentence before, not further back */
  const char *far = "Data out last Thursday showed prices up in October. Traders were calm. "
                    "Stocks were quiet. The euro rose by 4 p.m., dealers said.";
  CHECK_STR(value_at(far, "2026-11-25", 2), "2026-11-25T16:00");
  /* a day or a season in a clause of no tense: the nearest day, the season to come */
  CHECK_STR(value_of("The two clubs meet again on April 20.", "2026-11-21"), "2027-04-20");
  CHECK_STR(value_of("The two clubs met again on April 20.", "2026-11-21"), "2026-04-20");
  CHECK_STR(value_of("The two clubs meet again on Dec. 5.", "2026-11-21"), "2026-12-05");
  /* the present of a verb of schedules speaks of what is to come */
  CHECK_STR(value_of("The fair returns on July 4.", "2026-11-21"), "2027-07-04");
  CHECK_STR(value_of("The show opens in March.", "2026-11-21"), "2027-03");
  CHECK_STR(value_of("The show opened in March.", "2026-11-21"), "2026-03");
  /* the verb of a day's own clause comes before one across a comma */
  CHECK_STR(value_of("The walkout, which began on Thursday, is expected to end soon.", "2026-11-22"),
            "2026-11-19");
  CHECK_STR(value_of("On Monday, the minister will present the budget.", "2026-11-22"), "2026-11-23");
  CHECK_STR(value_of("The pact, which was signed in the summer, will be reviewed.", "2026-11-21"),
            "2026-SU");
  CHECK_STR(value_of("A deal looks unlikely before the summer.", "2026-11-21"), "2027-SU");
  CHECK_STR(value_of("The deal was signed in the summer.", "2026-11-21"), "2026-SU");
  CHECK_STR(value_of("The two clubs meet again on April 20.", NULL), "XXXX-04-20");
  /* "in the new year": the next year late in the year, the anchor's early in it */
  /* the shopping days after Thanksgiving */
  CHECK_STR(value_of("Retailers expect a record Black Friday.", "2026-11-22"), "2026-11-27");
  CHECK_STR(value_of("Retailers expect a record Cyber Monday.", "2026-11-22"), "2026-11-30");
  CHECK_STR(value_of("Black Friday 2024 was weak.", NULL), "2024-11-29");
  /* hyphened edges: end-2027, early-2027, late-March; "the past fortnight" is two weeks long */
  CHECK_STR(span_of("The plan runs to end-2027.", "2026-11-22"), "end-2027");
  CHECK_STR(value_of("The plan runs to end-2027.", "2026-11-22"), "2027");
  CHECK_STR(span_of("A vote is due in early-2027.", "2026-11-22"), "early-2027");
  CHECK_STR(span_of("Prices peaked in late-March.", "2026-11-22"), "late-March");
  CHECK_STR(value_of("The index rose over the past fortnight.", "2026-11-22"), "P2W");
  CHECK_STR(value_of("Talks resume in the new year.", "2026-11-22"), "2027");
  CHECK_STR(value_of("Talks resume in the new year.", "2026-01-05"), "2026");
  CHECK_STR(value_of("Talks resume in the new year.", NULL), "XXXX");
  CHECK_STR(value_of("The new year's budget is tight.", "2026-11-22"), "(none)");
}

/* Modern news of other genres: court reports, obituaries, forecasts, live blogs. */
static void test_genres(void) {
  /* a time set, slated, due, adjourned or postponed lies ahead whatever the tense */
  CHECK_STR(value_of("Her appeal has been set for March 2.", "2026-11-20"), "2027-03-02");
  CHECK_STR(value_of("The ballot was slated for January 9.", "2026-11-20"), "2027-01-09");
  CHECK_STR(value_of("The inquest was adjourned until Thursday.", "2026-11-20"), "2026-11-26");
  CHECK_STR(value_of("The opening was pushed back to March.", "2026-11-20"), "2027-03");
  CHECK_STR(value_of("The match was rescheduled for Tuesday.", "2026-11-20"), "2026-11-24");
  CHECK_STR(value_of("The vote had been scheduled for Tuesday.", "2026-11-20"), "2026-11-17");
  CHECK_STR(value_of("A new record was set on Tuesday.", "2026-11-20"), "2026-11-17");
  CHECK_STR(value_of("Her appeal has been set for March 2.", NULL), "XXXX-03-02");
  /* "would last", "to last": the verb, no past; "would" after "said" is to come */
  CHECK_STR(value_of("Officials said the frost would last into the weekend.", "2026-11-25"),
            "2026-W48-WE");
  CHECK_STR(value_of("The outage is expected to last until the weekend.", "2026-11-25"),
            "2026-W48-WE");
  CHECK_STR(value_of("Rain fell over the last weekend.", "2026-11-25"), "2026-W47-WE");
  CHECK_STR(value_of("The club said it would name a new coach on Friday.", "2026-11-25"),
            "2026-11-27");
  /* a history's "will" and present speak from the writer's day: the anchor's */
  const char *life = "He was born in 1920, fought in 1944 and wrote novels from 1950 until "
                     "1978. In 1961 he wrote: \"We will sail next month.\" He moved the "
                     "following year. A reading will be held next week. His town is "
                     "quieter this year. His family will gather on Sunday.";
  CHECK_STR(value_at(life, "2026-11-18", 5), "1961-02"); /* quoted: the time told about */
  CHECK_STR(value_at(life, "2026-11-18", 6), "1962");
  CHECK_STR(value_at(life, "2026-11-18", 7), "2026-W48");
  CHECK_STR(value_at(life, "2026-11-18", 8), "2026");
  CHECK_STR(value_at(life, "2026-11-18", 9), "2026-11-22");
  CHECK_STR(value_at(life, NULL, 7), "XXXX-WXX");
  /* a clock time right after its day ("on Saturday at 11am") is of that day */
  CHECK_STR(value_at("The service will be on Saturday at 11am.", "2026-11-18", 1),
            "2026-11-21T11:00");
  CHECK_STR(value_at("Yesterday 22:00 Polls closed.", "2026-11-27T02:00", 1), "2026-11-26T22:00");
  CHECK_STR(value_at("She said Monday the talks would resume at 9 a.m.", "2026-11-18", 1),
            "2026-11-18T09:00");
  CHECK_STR(value_at("The service will be on Saturday at 11am.", NULL, 1), "XXXX-XX-XXT11:00");
  CHECK_STR(value_at("The ferry left at 9pm and docked at 7am the next morning.", "2026-11-22", 1),
            "2026-11-23T07:00");
  /* the base of a comparison was reached before the report */
  CHECK_STR(value_at("Queues are set to be cleared by spring, down from 4.1 million in "
                     "September.", "2026-11-24", 1), "2026-09");
  CHECK_STR(value_of("Rates will rise, compared with 3.1% in January.", "2026-11-24"), "2026-01");
  CHECK_STR(value_of("He will move from London in March.", "2026-11-24"), "2027-03");
  /* a present in the date's own clause outweighs a past across a comma */
  CHECK_STR(value_at("The bank held rates last week, and markets now see a cut in February.",
                     "2026-11-27", 2), "2027-02");
  CHECK_STR(value_at("The bank held rates last week, and cut them in February.", "2026-11-27", 1),
            "2026-02");
  /* a half of a game is no half of a year */
  CHECK_STR(value_of("She scored twice in the first half.", "2026-11-23"), "(none)");
  CHECK_STR(value_of("Profit rose 8% in the first half.", "2026-11-23"), "2026-H1");
  /* a dateline's clock, zone and full date are one time; "on" a full date stays apart */
  CHECK_STR(span_of("UPDATED 11:52 AM PT Nov. 27, 2026", "2026-11-27"),
            "11:52 AM PT Nov. 27, 2026");
  CHECK_STR(value_of("It ended at 11 a.m. on Nov. 11, 1918.", "2026-11-27"), "1918-11-11T11:00");
  CHECK_STR(value_at("It ended at 11 a.m. on Nov. 11, 1918.", "2026-11-27", 1), "1918-11-11");
  /* "no earlier than", "no later than": a limit to come */
  CHECK_STR(value_of("The launch was moved to no earlier than Saturday.", "2026-11-26"),
            "2026-11-28");
  /* "to this day" closing a clause is the present; "referred to this day as" is no idiom */
  CHECK_STR(value_of("The feud goes on to this day.", "2026-11-26"), "PRESENT_REF");
  CHECK_STR(value_of("The feud goes on to this day.", NULL), "PRESENT_REF");
  CHECK_STR(value_of("He referred to this day as a disaster.", "2026-11-26"), "2026-11-26");
  /* a weekday's part repeated */
  CHECK_STR(value_of("The choir rehearses every Thursday afternoon.", "2026-11-28"), "XXXX-WXX-4TAF");
  CHECK_STR(span_of("The choir rehearses every Thursday afternoon.", "2026-11-28"),
            "every Thursday afternoon");
  /* "by the weekend" with no tense around is a deadline to come */
  CHECK_STR(value_of("Highs are forecast to hit 30C by the weekend.", "2026-11-30"), "2026-W49-WE");
  CHECK_STR(value_of("Sales had doubled by the weekend.", "2026-11-30"), "2026-W48-WE");
  /* a verb after "and" or "but" is of another clause than the date before it */
  CHECK_STR(value_of("The play opened in Leeds in September and tours from Friday.", "2026-11-30"),
            "2026-09");
  CHECK_STR(value_at("They met in October but will meet again in January.", "2026-11-30", 1),
            "2027-01");
  /* a participle inside a compound adjective is no tense */
  CHECK_STR(value_at("It posted better-than-expected sales for the months to September and "
                     "raised its outlook.", "2026-11-20", 0), "2026-09");
  /* a possessive weekday naming an event to come, with a future verb */
  CHECK_STR(value_of("The captain will miss Saturday's match.", "2026-11-25"), "2026-11-28");
  CHECK_STR(value_of("The captain scored in Saturday's match.", "2026-11-25"), "2026-11-21");
  CHECK_STR(value_of("They will appeal Monday's ruling.", "2026-11-25"), "2026-11-23");
  /* "since" a date looks back, whatever follows */
  CHECK_STR(value_of("The pier has been shut since the weekend and will stay shut.", "2026-11-27"),
            "2026-W47-WE");
}

/* Breaking news of the live kind: hours and minutes before a timed anchor. */
static void test_live(void) {
  const char *t = "Smoke rose 4 hours ago; crews left 45 minutes ago.";
  CHECK_STR(value_at(t, "2026-11-27T02:00", 0), "2026-11-26T22:00");
  CHECK_STR(value_at(t, "2026-11-27T02:00", 1), "2026-11-27T01:15");
  CHECK_STR(value_of("Sirens sounded a few hours ago.", "2026-11-27T14:10"), "2026-11-27T11:10");
  CHECK_STR(value_at(t, "2026-11-27", 0), "2026-11-27");
  CHECK_STR(value_at(t, NULL, 0), "XXXX-XX-XX");
  /* a part of the day after the clock time's weekday belongs to the time */
  CHECK_STR(span_of("The ferry docked at 8pm on Monday evening.", "2026-11-27"),
            "8pm on Monday evening");
  CHECK_STR(value_of("The ferry docked at 8pm on Monday evening.", "2026-11-27"), "2026-11-23T20:00");
  /* "a Thursday in June" names no particular Thursday; the month stays its own */
  CHECK_STR(value_at("The vote fell on a Thursday in June.", "2026-11-27", 0), "XXXX-WXX-4");
  CHECK_STR(value_at("The vote fell on a Thursday in June.", "2026-11-27", 1), "2026-06");
  /* a week counted inside a month or a year */
  CHECK_STR(span_of("Roads reopen in the third week of May 2027.", "2026-11-27"),
            "the third week of May 2027");
  CHECK_STR(value_of("Roads reopen in the third week of May 2027.", "2026-11-27"), "2027-W20");
  CHECK_STR(value_of("Fares rise on the last weekend of the year.", "2026-11-27"), "2026-W52-WE");
  CHECK_STR(value_of("Fares rise on the last weekend of the year.", NULL), "XXXX");
  /* a past clock time sentences after "Thursday night" is of that night's story:
  ** its morning hours fall on the next day, its evening on the Thursday */
  const char *night = "The blaze began on Thursday night. Neighbours fled. Crews arrived at 4 a.m.";
  CHECK_STR(value_at(night, "2026-11-29", 1), "2026-11-27T04:00");
  CHECK_STR(value_at("The blaze began on Thursday evening. Crews arrived at 8 p.m.", "2026-11-29", 1),
            "2026-11-26T20:00");
  CHECK_STR(value_at(night, NULL, 1), "XXXX-XX-XXT04:00");
}

int main(void) {
  test_calendar();
  test_anchor();
  test_tagger();
  test_tense();
  test_fiscal();
  test_narrative();
  test_ranges();
  test_spans();
  test_modern();
  test_genres();
  test_live();
  UNIT_DONE();
}
