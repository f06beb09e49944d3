/*
** The words of the date normalizer: a span found by a rule is split into
** words and numbers, and each word is looked up in one sorted table
** (months, weekdays, number words, ordinals, units, seasons, parts of the
** day, relative and modifying words). The rules decide WHERE an expression
** is; these words decide WHAT it means.
**
** Hyphens and punctuation separate words ("five-year" -> five, year), so
** "mid-March" and "mid March" read alike. Non-ASCII letters end a word.
*/
#include <stdlib.h>
#include <string.h>

#include "nd_dates.h"

typedef struct lex_entry {
  const char *w;
  nd_word_class cls;
  int val;
  int plural;
} lex_entry;

/* Sorted by word (strcmp order): checked by the unit tests. */
static const lex_entry lexicon[] = {
    {"about", ND_W_MOD, 0, 0},        {"afternoon", ND_W_PART, 1, 0},
    {"afternoons", ND_W_PART, 1, 1},  {"almost", ND_W_MOD, 0, 0},
    {"an", ND_W_NUMWORD, 1, 0},       {"approximately", ND_W_MOD, 0, 0},
    {"apr", ND_W_MONTH, 4, 0},        {"april", ND_W_MONTH, 4, 0},
    {"around", ND_W_MOD, 0, 0},       {"aug", ND_W_MONTH, 8, 0},
    {"august", ND_W_MONTH, 8, 0},     {"autumn", ND_W_SEASON, 2, 0},
    {"centuries", ND_W_UNIT, ND_U_CENTURY, 1}, {"century", ND_W_UNIT, ND_U_CENTURY, 0},
    {"coming", ND_W_REL, 1, 0},       {"couple", ND_W_NUMWORD, 2, 0},
    {"current", ND_W_REL, 0, 0},      {"day", ND_W_UNIT, ND_U_DAY, 0},
    {"days", ND_W_UNIT, ND_U_DAY, 1}, {"dec", ND_W_MONTH, 12, 0},
    {"decade", ND_W_UNIT, ND_U_DECADE, 0}, {"decades", ND_W_UNIT, ND_U_DECADE, 1},
    {"december", ND_W_MONTH, 12, 0},  {"dozen", ND_W_NUMWORD, 12, 0},
    {"early", ND_W_MOD, 0, 0},        {"eight", ND_W_NUMWORD, 8, 0},
    {"eighteen", ND_W_NUMWORD, 18, 0}, {"eighteenth", ND_W_ORDINAL, 18, 0},
    {"eighth", ND_W_ORDINAL, 8, 0},   {"eighty", ND_W_NUMWORD, 80, 0},
    {"eleven", ND_W_NUMWORD, 11, 0},  {"eleventh", ND_W_ORDINAL, 11, 0},
    {"evening", ND_W_PART, 2, 0},     {"evenings", ND_W_PART, 2, 1},
    {"fall", ND_W_SEASON, 2, 0},      {"feb", ND_W_MONTH, 2, 0},
    {"february", ND_W_MONTH, 2, 0},   {"few", ND_W_FEW, 0, 0},
    {"fifteen", ND_W_NUMWORD, 15, 0}, {"fifteenth", ND_W_ORDINAL, 15, 0},
    {"fifth", ND_W_ORDINAL, 5, 0},    {"fifty", ND_W_NUMWORD, 50, 0},
    {"first", ND_W_ORDINAL, 1, 0},    {"five", ND_W_NUMWORD, 5, 0},
    {"following", ND_W_REL, 1, 0},    {"fortnight", ND_W_UNIT, ND_U_FORTNIGHT, 0},
    {"fortnights", ND_W_UNIT, ND_U_FORTNIGHT, 1}, {"forty", ND_W_NUMWORD, 40, 0},
    {"four", ND_W_NUMWORD, 4, 0},     {"fourteen", ND_W_NUMWORD, 14, 0},
    {"fourteenth", ND_W_ORDINAL, 14, 0}, {"fourth", ND_W_ORDINAL, 4, 0},
    {"fri", ND_W_WEEKDAY, 5, 0},      {"friday", ND_W_WEEKDAY, 5, 0},
    {"fridays", ND_W_WEEKDAY, 5, 1},  {"hour", ND_W_UNIT, ND_U_HOUR, 0},
    {"hours", ND_W_UNIT, ND_U_HOUR, 1}, {"hundred", ND_W_NUMWORD, 100, 0},
    {"hundreds", ND_W_FEW, 0, 0},     {"jan", ND_W_MONTH, 1, 0},
    {"january", ND_W_MONTH, 1, 0},    {"jul", ND_W_MONTH, 7, 0},
    {"july", ND_W_MONTH, 7, 0},       {"jun", ND_W_MONTH, 6, 0},
    {"june", ND_W_MONTH, 6, 0},       {"last", ND_W_REL, -1, 0},
    {"late", ND_W_MOD, 0, 0},         {"less", ND_W_MOD, 0, 0},
    {"many", ND_W_FEW, 0, 0},         {"mar", ND_W_MONTH, 3, 0},
    {"march", ND_W_MONTH, 3, 0},      {"may", ND_W_MONTH, 5, 0},
    {"mid", ND_W_MOD, 0, 0},          {"middle", ND_W_MOD, 0, 0},
    {"millennia", ND_W_UNIT, ND_U_MILLENNIUM, 1}, {"millennium", ND_W_UNIT, ND_U_MILLENNIUM, 0},
    {"minute", ND_W_UNIT, ND_U_MINUTE, 0}, {"minutes", ND_W_UNIT, ND_U_MINUTE, 1},
    {"mon", ND_W_WEEKDAY, 1, 0},      {"monday", ND_W_WEEKDAY, 1, 0},
    {"mondays", ND_W_WEEKDAY, 1, 1},  {"month", ND_W_UNIT, ND_U_MONTH, 0},
    {"months", ND_W_UNIT, ND_U_MONTH, 1}, {"more", ND_W_MOD, 0, 0},
    {"morning", ND_W_PART, 0, 0},     {"mornings", ND_W_PART, 0, 1},
    {"nearly", ND_W_MOD, 0, 0},       {"next", ND_W_REL, 1, 0},
    {"night", ND_W_PART, 3, 0},       {"nights", ND_W_PART, 3, 1},
    {"nine", ND_W_NUMWORD, 9, 0},     {"nineteen", ND_W_NUMWORD, 19, 0},
    {"nineteenth", ND_W_ORDINAL, 19, 0}, {"ninety", ND_W_NUMWORD, 90, 0},
    {"ninth", ND_W_ORDINAL, 9, 0},    {"nov", ND_W_MONTH, 11, 0},
    {"november", ND_W_MONTH, 11, 0},  {"oct", ND_W_MONTH, 10, 0},
    {"october", ND_W_MONTH, 10, 0},   {"one", ND_W_NUMWORD, 1, 0},
    {"over", ND_W_MOD, 0, 0},         {"past", ND_W_REL, -1, 0},
    {"present", ND_W_REL, 0, 0},      {"previous", ND_W_REL, -1, 0},
    {"prior", ND_W_REL, -1, 0},       {"quarter", ND_W_UNIT, ND_U_QUARTER, 0},
    {"quarters", ND_W_UNIT, ND_U_QUARTER, 1}, {"roughly", ND_W_MOD, 0, 0},
    {"sat", ND_W_WEEKDAY, 6, 0},      {"saturday", ND_W_WEEKDAY, 6, 0},
    {"saturdays", ND_W_WEEKDAY, 6, 1}, {"second", ND_W_ORDINAL, 2, 0},
    {"seconds", ND_W_UNIT, ND_U_SECOND, 1}, {"sep", ND_W_MONTH, 9, 0},
    {"sept", ND_W_MONTH, 9, 0},       {"september", ND_W_MONTH, 9, 0},
    {"seven", ND_W_NUMWORD, 7, 0},    {"seventeen", ND_W_NUMWORD, 17, 0},
    {"seventeenth", ND_W_ORDINAL, 17, 0}, {"seventh", ND_W_ORDINAL, 7, 0},
    {"seventy", ND_W_NUMWORD, 70, 0}, {"several", ND_W_FEW, 0, 0},
    {"six", ND_W_NUMWORD, 6, 0},      {"sixteen", ND_W_NUMWORD, 16, 0},
    {"sixteenth", ND_W_ORDINAL, 16, 0}, {"sixth", ND_W_ORDINAL, 6, 0},
    {"sixty", ND_W_NUMWORD, 60, 0},   {"some", ND_W_FEW, 0, 0},
    {"spring", ND_W_SEASON, 0, 0},    {"summer", ND_W_SEASON, 1, 0},
    {"sun", ND_W_WEEKDAY, 7, 0},      {"sunday", ND_W_WEEKDAY, 7, 0},
    {"sundays", ND_W_WEEKDAY, 7, 1},  {"ten", ND_W_NUMWORD, 10, 0},
    {"tenth", ND_W_ORDINAL, 10, 0},   {"third", ND_W_ORDINAL, 3, 0},
    {"thirteen", ND_W_NUMWORD, 13, 0}, {"thirteenth", ND_W_ORDINAL, 13, 0},
    {"thirty", ND_W_NUMWORD, 30, 0},  {"this", ND_W_REL, 0, 0},
    {"thousand", ND_W_NUMWORD, 1000, 0}, {"thousands", ND_W_FEW, 0, 0},
    {"three", ND_W_NUMWORD, 3, 0},    {"thu", ND_W_WEEKDAY, 4, 0},
    {"thur", ND_W_WEEKDAY, 4, 0},     {"thurs", ND_W_WEEKDAY, 4, 0},
    {"thursday", ND_W_WEEKDAY, 4, 0}, {"thursdays", ND_W_WEEKDAY, 4, 1},
    {"tue", ND_W_WEEKDAY, 2, 0},      {"tues", ND_W_WEEKDAY, 2, 0},
    {"tuesday", ND_W_WEEKDAY, 2, 0},  {"tuesdays", ND_W_WEEKDAY, 2, 1},
    {"twelfth", ND_W_ORDINAL, 12, 0}, {"twelve", ND_W_NUMWORD, 12, 0},
    {"twentieth", ND_W_ORDINAL, 20, 0}, {"twenty", ND_W_NUMWORD, 20, 0},
    {"two", ND_W_NUMWORD, 2, 0},      {"under", ND_W_MOD, 0, 0},
    {"wed", ND_W_WEEKDAY, 3, 0},      {"wednesday", ND_W_WEEKDAY, 3, 0},
    {"wednesdays", ND_W_WEEKDAY, 3, 1}, {"week", ND_W_UNIT, ND_U_WEEK, 0},
    {"weekend", ND_W_UNIT, ND_U_WEEKEND, 0}, {"weekends", ND_W_UNIT, ND_U_WEEKEND, 1},
    {"weeks", ND_W_UNIT, ND_U_WEEK, 1}, {"winter", ND_W_SEASON, 3, 0},
    {"year", ND_W_UNIT, ND_U_YEAR, 0}, {"years", ND_W_UNIT, ND_U_YEAR, 1},
};

static int lex_cmp(const void *key, const void *elem) {
  return strcmp((const char *)key, ((const lex_entry *)elem)->w);
}

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

int nd_words(const char *s, size_t n, nd_word *w, int max) {
  int k = 0;
  size_t i = 0;
  while (i < n && k < max) {
    unsigned char c = (unsigned char)s[i];
    nd_word *t = &w[k];
    memset(t, 0, sizeof(*t));
    t->off = i;
    if (is_digit(c) || ((c == '\'' || c == 0xE2) && i + 2 < n)) {
      size_t j = i;
      int apos = 0;
      if (c == '\'') apos = 1, j++;
      else if (c == 0xE2) {
        /* U+2019 RIGHT SINGLE QUOTATION MARK used for '23 */
        if (i + 4 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99)
          apos = 1, j += 3;
        else {
          i++;
          continue;
        }
      }
      size_t d0 = j;
      long v = 0;
      while (j < n && is_digit((unsigned char)s[j]) && j - d0 < 9) v = v * 10 + (s[j++] - '0');
      if (j == d0) {
        i = j > i ? j : i + 1;
        continue;
      }
      t->cls = apos && j - d0 == 2 ? ND_W_APOS_YEAR : ND_W_NUMBER;
      t->num = v;
      t->ndigits = (int)(j - d0);
      t->len = j - i;
      i = j;
      k++;
      continue;
    }
    if (!is_alpha(c)) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && is_alpha((unsigned char)s[j])) {
      if (j - i < sizeof(t->low) - 1) t->low[j - i] = (char)(s[j] | 0x20);
      j++;
    }
    t->len = j - i;
    if (t->len >= sizeof(t->low)) t->low[0] = 0; /* too long to be one of ours */
    const lex_entry *e =
        bsearch(t->low, lexicon, sizeof(lexicon) / sizeof(lexicon[0]), sizeof(lexicon[0]), lex_cmp);
    if (e) t->cls = e->cls, t->val = e->val, t->plural = e->plural;
    i = j;
    k++;
  }
  return k;
}

int nd_lexicon_sorted(void) {
  for (size_t i = 1; i < sizeof(lexicon) / sizeof(lexicon[0]); i++)
    if (strcmp(lexicon[i - 1].w, lexicon[i].w) >= 0) return 0;
  return 1;
}
