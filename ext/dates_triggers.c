/*
** Where the date rules are worth trying: one pass over the text finds the
** words every temporal expression is built around (a month, a weekday, a
** unit such as "week", a digit, "today", "now"...) and, for each, the places
** an expression holding it could start: the word itself and the modifier
** words just before it ("at least the past two weeks" starts four words
** before "weeks"). The rules (dates_rules.c) then run anchored at those
** places only, so most of the text is read once, here, and never by PCRE2.
**
** Word starts that may open a word of the other languages (dates_i18n.c:
** nd_i18n_maybe) are reported too, with the class ND_T_I18N.
**
** Words are ASCII letters, lower-cased; digits form number tokens (with a
** leading apostrophe: '23). Each start place is reported once per class of
** trigger, so runs of triggers ("Monday Monday ...") stay linear.
*/
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_dates.h"
#include "nd_utf8.h"

typedef struct trigger_word {
  const char *w;
  unsigned classes; /* 0: a modifier that may start an expression, no trigger;
                       INNER: a word inside expressions that never starts one */
} trigger_word;

#define INNER 0x80000000u

#define MON ND_T_MONTH
#define WDAY ND_T_WEEKDAY
#define UNIT ND_T_UNIT

/* Kept in alphabetical order for the reader; looked up by hash. */
static const trigger_word words[] = {
    {"a", 0}, {"about", 0}, {"after", INNER}, {"afternoon", ND_T_PART}, {"afternoons", ND_T_PART},
    {"almost", 0}, {"an", 0}, {"and", INNER}, {"annually", ND_T_SETADV}, {"approximately", 0},
    {"apr", MON}, {"april", MON}, {"around", 0}, {"at", 0}, {"aug", MON}, {"august", MON},
    {"autumn", ND_T_SEASON}, {"bastille", ND_T_HOLIDAY}, {"before", INNER}, {"beginning", 0}, {"better", INNER},
    {"black", ND_T_HOLIDAY}, {"boxing", ND_T_HOLIDAY},
    {"biannually", ND_T_SETADV}, {"biennially", ND_T_SETADV}, {"calendar", 0},
    {"centuries", UNIT}, {"century", UNIT}, {"christmas", ND_T_HOLIDAY}, {"class", INNER}, {"coming", 0}, {"comparable", 0},
    {"corresponding", 0}, {"couple", 0}, {"current", ND_T_FUZZY}, {"currently", ND_T_FUZZY}, {"cyber", ND_T_HOLIDAY}, {"daily", ND_T_SETADV}, {"date", ND_T_FUZZY},
    {"day", UNIT}, {"days", UNIT}, {"dec", MON}, {"decade", UNIT}, {"decades", UNIT}, {"distant", 0},
    {"december", MON}, {"dozen", 0}, {"dozens", 0}, {"each", 0}, {"early", 0}, {"earlier", 0}, {"easter", ND_T_HOLIDAY},
    {"eighteen", 0}, {"eighteenth", 0}, {"eight", 0}, {"eighth", 0}, {"election", ND_T_HOLIDAY}, {"eighties", ND_T_DECADE}, {"eighty", 0},
    {"eleven", 0}, {"eleventh", 0}, {"end", 0}, {"entire", 0}, {"evening", ND_T_PART},
    {"evenings", ND_T_PART}, {"every", 0}, {"fall", ND_T_SEASON}, {"feb", MON},
    {"february", MON}, {"few", 0}, {"fewer", 0}, {"fifteen", 0}, {"fifteenth", 0},
    {"fifth", 0}, {"fifties", ND_T_DECADE}, {"fifty", 0}, {"final", 0}, {"financial", 0}, {"first", 0},
    {"fiscal", 0}, {"five", 0}, {"following", 0}, {"fortnight", UNIT}, {"fortnights", UNIT},
    {"forties", ND_T_DECADE}, {"forty", 0}, {"four", 0}, {"fourteen", 0}, {"fourteenth", 0},
    {"fourth", 0}, {"fri", WDAY}, {"friday", WDAY}, {"fridays", WDAY}, {"full", 0},
    {"fully", 0}, {"future", ND_T_FUZZY}, {"fy", 0}, {"good", ND_T_HOLIDAY}, {"half", ND_T_HALF}, {"halloween", ND_T_HOLIDAY},
    {"hour", UNIT}, {"hourly", ND_T_SETADV}, {"hours", UNIT}, {"hundred", 0}, {"hundreds", 0},
    {"immediate", 0}, {"in", INNER}, {"independence", ND_T_HOLIDAY}, {"its", 0}, {"jan", MON}, {"january", MON}, {"jul", MON}, {"july", MON},
    {"jun", MON}, {"june", MON}, {"just", 0}, {"labor", ND_T_HOLIDAY}, {"last", 0}, {"late", 0}, {"lately", ND_T_FUZZY},
    {"later", 0}, {"latest", 0}, {"latter", 0}, {"least", INNER}, {"less", 0}, {"many", 0},
    {"mar", MON}, {"march", MON}, {"may", MON}, {"memorial", ND_T_HOLIDAY}, {"mid", 0}, {"midday", ND_T_NOON},
    {"middle", 0}, {"midmonth", UNIT}, {"midnight", ND_T_NOON}, {"midyear", UNIT}, {"millennia", UNIT}, {"millennium", UNIT},
    {"minute", UNIT}, {"near", 0}, {"minutes", UNIT}, {"mon", WDAY}, {"monday", WDAY}, {"mondays", WDAY},
    {"month", UNIT}, {"monthly", ND_T_SETADV}, {"months", UNIT}, {"more", 0},
    {"morning", ND_T_PART}, {"mornings", ND_T_PART}, {"most", INNER}, {"nd", INNER}, {"nearly", 0}, {"new", ND_T_HOLIDAY},
    {"next", 0}, {"night", ND_T_PART}, {"nightly", ND_T_SETADV}, {"nights", ND_T_PART},
    {"nine", 0}, {"nineteen", ND_T_YEARWORD}, {"nineteenth", 0}, {"nineties", ND_T_DECADE}, {"ninety", 0},
    {"ninth", 0}, {"no", 0}, {"noon", ND_T_NOON}, {"nov", MON}, {"november", MON},
    {"now", ND_T_FUZZY}, {"nowadays", ND_T_FUZZY}, {"oct", MON}, {"october", MON}, {"of", INNER},
    {"once", 0}, {"one", 0}, {"or", INNER}, {"other", INNER}, {"over", 0}, {"part", INNER},
    {"past", ND_T_FUZZY}, {"per", 0}, {"period", ND_T_PERIOD}, {"present", ND_T_FUZZY}, {"presently", ND_T_FUZZY},
    {"previous", 0}, {"prior", 0}, {"quarter", UNIT}, {"quarterly", ND_T_SETADV},
    {"quarters", UNIT}, {"rd", INNER}, {"recent", 0}, {"recently", ND_T_FUZZY}, {"remaining", 0},
    {"right", 0}, {"roughly", 0}, {"s", INNER}, {"same", 0}, {"sat", WDAY}, {"saturday", WDAY},
    {"saturdays", WDAY}, {"second", UNIT}, {"seconds", UNIT}, {"sep", MON}, {"sept", MON},
    {"september", MON}, {"seven", 0}, {"seventeen", 0}, {"seventeenth", 0}, {"seventh", 0},
    {"seventies", ND_T_DECADE}, {"seventy", 0}, {"several", 0}, {"short", 0}, {"six", 0}, {"sixteen", 0},
    {"sixteenth", 0}, {"sixth", 0}, {"sixties", ND_T_DECADE}, {"sixty", 0}, {"so", INNER},
    {"some", 0}, {"soon", ND_T_FUZZY}, {"spring", ND_T_SEASON}, {"st", INNER}, {"start", 0},
    {"summer", ND_T_SEASON}, {"sun", WDAY}, {"sunday", WDAY}, {"sundays", WDAY}, {"ten", 0},
    {"tenth", 0}, {"term", ND_T_FUZZY}, {"th", INNER}, {"than", INNER}, {"thanksgiving", ND_T_HOLIDAY}, {"that", 0}, {"the", 0}, {"then", 0}, {"these", ND_T_FUZZY}, {"third", 0},
    {"thirteen", 0}, {"thirteenth", 0}, {"thirties", ND_T_DECADE}, {"thirty", 0}, {"this", 0},
    {"thousand", ND_T_YEARWORD}, {"thousands", 0}, {"three", 0}, {"thrice", 0}, {"thu", WDAY},
    {"thur", WDAY}, {"thurs", WDAY}, {"thursday", WDAY}, {"thursdays", WDAY}, {"times", INNER},
    {"to", INNER}, {"today", ND_T_DEICTIC}, {"tomorrow", ND_T_DEICTIC}, {"tonight", ND_T_DEICTIC},
    {"tue", WDAY}, {"tues", WDAY}, {"tuesday", WDAY}, {"tuesdays", WDAY}, {"twelfth", 0},
    {"twelve", 0}, {"twentieth", 0}, {"twenties", ND_T_DECADE}, {"twenty", ND_T_YEARWORD}, {"twice", 0},
    {"two", 0}, {"under", 0}, {"up", 0}, {"valentine", ND_T_HOLIDAY}, {"wed", WDAY}, {"wednesday", WDAY},
    {"wednesdays", WDAY}, {"week", UNIT}, {"weekend", UNIT}, {"weekends", UNIT},
    {"weekly", ND_T_SETADV}, {"weeks", UNIT}, {"winter", ND_T_SEASON}, {"within", INNER},
    {"year", UNIT}, {"yearly", ND_T_SETADV}, {"years", UNIT}, {"yesterday", ND_T_DEICTIC},
};

/* Words are looked up in an open-addressing hash table, built once. */
#define N_WORDS (sizeof(words) / sizeof(words[0]))
#define HASH_SLOTS 1024 /* a power of two, well above N_WORDS */
static uint16_t slot_word[HASH_SLOTS]; /* index + 1 into words, 0 when empty */
static uint8_t first_two[26 * 27 / 8 + 1]; /* first two letters of the table's words */
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static uint32_t hash_word(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

/* Index of a word's first two letters (a single letter has its own). */
static unsigned two_index(const char *low, size_t n) {
  return (unsigned)(low[0] - 'a') * 27 + (n > 1 ? (unsigned)(low[1] - 'a') + 1 : 0);
}

static void build_table(void) {
  for (size_t i = 0; i < N_WORDS; i++) {
    unsigned k = two_index(words[i].w, strlen(words[i].w));
    first_two[k >> 3] |= (uint8_t)(1u << (k & 7));
    uint32_t h = hash_word(words[i].w, strlen(words[i].w)) & (HASH_SLOTS - 1);
    while (slot_word[h]) h = (h + 1) & (HASH_SLOTS - 1);
    slot_word[h] = (uint16_t)(i + 1);
  }
}

static const trigger_word *lookup(const char *low, size_t n) {
  unsigned k = two_index(low, n);
  if (!(first_two[k >> 3] & (1u << (k & 7)))) return NULL; /* most words end here */
  uint32_t h = hash_word(low, n) & (HASH_SLOTS - 1);
  for (; slot_word[h]; h = (h + 1) & (HASH_SLOTS - 1)) {
    const trigger_word *e = &words[slot_word[h] - 1];
    if (!strncmp(e->w, low, n) && e->w[n] == 0) return e;
  }
  return NULL;
}

#define BACK_WORDS 8   /* modifiers an expression may have before its trigger */
#define MAX_GAP 4      /* bytes between two words of one expression */
#define TRIED_RING 16  /* recent start places and the classes tried there */

int nd_trigger_words_ok(void) {
  pthread_once(&table_once, build_table);
  for (size_t i = 0; i < N_WORDS; i++) {
    size_t n = strlen(words[i].w);
    if (n >= 16 || lookup(words[i].w, n) != &words[i]) return 0;
  }
  return 1;
}

typedef struct token {
  size_t start, end;
  int starts_ok; /* a modifier, a trigger or a number: may begin an expression */
} token;

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Bytes that may separate two words of one expression: white space,
** hyphens, commas, periods, apostrophes (straight, or the bytes of U+2019
** and of the dashes U+2013/U+2014). */
static int gap_ok(const char *s, size_t a, size_t b) {
  if (b - a > MAX_GAP) return 0;
  for (size_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == ',' || c == '.' ||
          c == '/' || c == '\'' || c == 0xE2 || c == 0x80 || c == 0x93 || c == 0x94 || c == 0x99))
      return 0;
  }
  return 1;
}

/* 1 when the character ending at s[b) is a letter, digit or mark: an
** expression cannot start in the middle of a word ("owed." is not "wed.",
** "Zürich" holds no "rich", "A380" no year). Letters may follow digits
** ("20th", "1990s", "5pm"). */
static int word_before(const char *s, size_t b, int letters) {
  if (b == 0) return 0;
  unsigned char c = (unsigned char)s[b - 1];
  if (c < 0x80) return is_alpha(c) || (!letters && is_digit(c)) || c == '_';
  size_t a = b - 1;
  while (a > 0 && b - a < 4 && ((unsigned char)s[a] & 0xC0) == 0x80) a--;
  int32_t cp;
  if (nd_utf8_decode((const unsigned char *)s + a, b - a, &cp) != b - a) return 0;
  utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* "BC" or "B.C" at s[i] (after one optional space): the era of a year. */
static int era_after(const char *s, size_t n, size_t i) {
  if (i < n && s[i] == ' ') i++;
  if (i + 2 <= n && s[i] == 'B' && s[i + 1] == 'C') return 1;
  return i + 3 <= n && s[i] == 'B' && s[i + 1] == '.' && s[i + 2] == 'C';
}

/* Digits right after "FY" at s[j], past one space or apostrophe. */
static int fiscal_digits(const char *s, size_t n, size_t j) {
  if (j < n && (s[j] == ' ' || s[j] == '\'')) j++;
  else if (j + 3 < n && !memcmp(s + j, "\xe2\x80\x99", 3)) j += 3;
  return j < n && is_digit((unsigned char)s[j]);
}

/* A number token s[a..b): years ('23, 1998, 241 BC) and numbers of one or
** two digits (days, hours, quantities) lead to different rules; other
** numbers only count as quantities before a unit. */
static unsigned digit_classes(const char *s, size_t n, size_t a, size_t b) {
  size_t d = b - a;
  if (s[a] == '\'') return ND_T_YEAR;
  if (d == 4) return ND_T_YEAR;
  unsigned era = era_after(s, n, b) ? ND_T_YEAR : 0;
  if (d <= 2) return ND_T_DIGIT | era;
  return era;
}

typedef struct tried {
  size_t pos;
  unsigned classes;
} tried;

int nd_date_triggers(const char *s, size_t n, nd_trigger_fn fn, void *arg) {
  token ring[BACK_WORDS + 1];
  size_t ntok = 0; /* tokens seen, ring holds the last BACK_WORDS + 1 */
  tried done[TRIED_RING];
  size_t ndone = 0;
  pthread_once(&table_once, build_table);
  memset(done, 0, sizeof done);
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    token t = {i, i, 0};
    unsigned classes = 0;
    if (is_digit(c) || ((c == '\'') && i + 1 < n && is_digit((unsigned char)s[i + 1]))) {
      size_t j = c == '\'' ? i + 1 : i;
      while (j < n && is_digit((unsigned char)s[j])) j++;
      t.end = j;
      t.starts_ok = 1;
      classes = digit_classes(s, n, i, j);
    } else if (c == 0xE2 && i + 3 < n && (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0x99 && is_digit((unsigned char)s[i + 3])) {
      size_t j = i + 3;
      while (j < n && is_digit((unsigned char)s[j])) j++;
      t.end = j;
      t.starts_ok = 1;
      classes = ND_T_YEAR;
    } else if (is_alpha(c)) {
      char low[16];
      low[0] = low[1] = 0;
      size_t j = i;
      while (j < n && is_alpha((unsigned char)s[j])) {
        if (j - i < sizeof low - 1) low[j - i] = (char)(s[j] | 0x20);
        j++;
      }
      t.end = j;
      if (j - i < sizeof low) {
        const trigger_word *e = lookup(low, j - i);
        if (e) t.starts_ok = e->classes & INNER ? 2 : 1, classes = e->classes & ~INNER;
        /* Q3, H1: a letter glued to a digit */
        if (!e && j - i <= 2 && j < n && is_digit((unsigned char)s[j]) &&
            (low[0] == 'q' || low[0] == 'h'))
          t.starts_ok = 1, classes = ND_T_QH;
        /* FY2025, FY26, FY'26, FY 26: a fiscal year, whose digits the
        ** letters hide from the year trigger */
        if (j - i == 2 && low[0] == 'f' && low[1] == 'y' && fiscal_digits(s, n, j))
          t.starts_ok = 1, classes = ND_T_YEAR;
      }
    } else {
      /* a word opening with a Latin-1 letter: été, übermorgen */
      if (c == 0xC3 && (i == 0 || !is_alpha((unsigned char)s[i - 1])) && !word_before(s, i, 1) &&
          nd_i18n_maybe(s, n, i) && fn(arg, i, ND_T_I18N))
        return -1;
      i++;
      continue;
    }
    if (word_before(s, t.start, is_alpha(c))) t.starts_ok = 0, classes = 0;
    else if (is_alpha(c) && nd_i18n_maybe(s, n, i) && fn(arg, i, ND_T_I18N)) return -1;
    ring[ntok % (BACK_WORDS + 1)] = t;
    ntok++;
    i = t.end;
    if (!classes) continue;
    /* The trigger, then the modifiers before it, nearest first. */
    size_t k = ntok - 1;
    for (size_t back = 0; back <= BACK_WORDS && back < ntok; back++, k--) {
      const token *w = &ring[k % (BACK_WORDS + 1)];
      if (back > 0) {
        const token *next = &ring[(k + 1) % (BACK_WORDS + 1)];
        if (!w->starts_ok || !gap_ok(s, w->end, next->start)) break;
        if (w->starts_ok == 2) continue; /* inner word: look further back */
      }
      tried *slot = NULL;
      for (size_t d = 0; d < TRIED_RING && d < ndone; d++)
        if (done[d].pos == w->start) slot = &done[d];
      unsigned todo = classes & ~(slot ? slot->classes : 0u);
      if (!todo) continue;
      if (!slot) {
        slot = &done[ndone++ % TRIED_RING];
        slot->pos = w->start;
        slot->classes = 0;
      }
      slot->classes |= todo;
      if (fn(arg, w->start, todo)) return -1;
    }
  }
  return 0;
}
