/*
** Sentence splitting for news text (see nd_sentences.h).
**
** How it works: one pass over the bytes. A sentence ends
**   - at a blank line (paragraph break);
**   - at a single line break, unless the next line starts in lower case
**     (a hard-wrapped sentence goes on);
**   - after . ! ? ... or an ellipsis, with any closing quotes or brackets,
**     when white space and then a sentence start (an upper-case letter, a
**     digit, an opening quote or bracket) follow, except after a title or
**     month abbreviation (Mr., Jan.), an initial (J. K.), or a dotted
**     abbreviation (U.S., p.m.) unless a common sentence-opening word follows;
**   - after the ideographic full stop and its kin, with or without space.
*/
#include "nd_sentences.h"

#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_utf8.h"

/* Abbreviations after which a period never ends a sentence when a capital
** or digit follows: titles before names, months and other abbreviations
** that introduce what follows. Lower case, no period. */
static const char *const k_abbrev[] = {
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "maj",
    "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt",
    "insp", "det", "amb", "messrs", "mme", "mlle", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "fig",
    "figs", "art", "ch", "pp", "p", "para", "vs", "v", "cf", "approx", "est", "ft",
    "mt", "ave", "blvd", "rd", "hwy", "dept", "univ", "assn", "bros", "ca", "c",
    "e.g", "i.e", "viz", "al", NULL};

/* Words that open sentences often enough to end one after "U.S." etc. */
static const char *const k_openers[] = {
    "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "But", "And", "In", "On", "At", "A", "An", "Its", "His", "Her", "Their", "There",
    "Also", "However", "Meanwhile", "Officials", "Some", "Many", "If", "When", "After",
    NULL};

static int in_list(const char *const *list, const char *w, size_t n, int fold) {
  for (int i = 0; list[i]; i++) {
    if (strlen(list[i]) != n) continue;
    size_t k = 0;
    for (; k < n; k++) {
      char c = w[k];
      if (fold && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
      if (c != list[i][k]) break;
    }
    if (k == n) return 1;
  }
  return 0;
}

static int is_space_cp(int32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x80) return 0;
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

static int32_t cp_at(const char *t, size_t n, size_t i, size_t *len) {
  int32_t c;
  size_t k = nd_utf8_decode((const unsigned char *)t + i, n - i, &c);
  if (len) *len = k;
  return c;
}

static int is_closer(int32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == 0x203A || c == 0x300D || c == 0x300F;
}

static int is_lower(int32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* Could a sentence start with this character? */
static int is_starter(int32_t c) {
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' ||
           c == '(' || c == '[' || c == '-';
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT || k == UTF8PROC_CATEGORY_LO ||
         k == UTF8PROC_CATEGORY_PI || k == UTF8PROC_CATEGORY_PS || k == UTF8PROC_CATEGORY_ND ||
         c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2014 || c == 0x2013;
}

/* The token before a period at byte p: [*ws, p). */
static void word_before(const char *t, size_t p, size_t *ws) {
  size_t i = p;
  while (i > 0) {
    unsigned char c = (unsigned char)t[i - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '"' || c == '[')
      break;
    i--;
  }
  *ws = i;
}

/* Decide whether a period at byte p ends a sentence, given that the next
** sentence would start at byte q with character c. */
static int period_ends(const char *t, size_t n, size_t p, size_t q, int32_t c) {
  size_t ws;
  word_before(t, p, &ws);
  const char *w = t + ws;
  size_t wn = p - ws;
  while (wn && (w[0] == '\'' || w[0] == '(')) w++, wn--;
  if (wn == 0) return 1;
  size_t letters = 0, dots = 0, upper = 0;
  for (size_t i = 0; i < wn; i++) {
    unsigned char x = (unsigned char)w[i];
    if (x == '.') dots++;
    else if ((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || x >= 0x80) {
      letters++;
      if (x >= 'A' && x <= 'Z') upper++;
    }
  }
  /* The next word, for the opener test. */
  size_t qe = q;
  while (qe < n && ((t[qe] >= 'a' && t[qe] <= 'z') || (t[qe] >= 'A' && t[qe] <= 'Z'))) qe++;
  int opener = in_list(k_openers, t + q, qe - q, 0);
  if (dots > 0 && letters <= dots + 1 && letters >= 2) return opener; /* U.S. p.m. e.g */
  if (letters == 1 && wn == 1 && upper == 1) return 0;                  /* an initial */
  if (dots == 0 && in_list(k_abbrev, w, wn, 1)) {
    /* "in Jan. The" is rare; "Jan. 5" and "Mr. Putin" are common. */
    return opener && !(w[0] == 'M' || w[0] == 'D' || w[0] == 'S');
  }
  (void)c;
  return 1;
}

static int emit(nd_span **out, size_t *count, size_t *cap, const char *t, size_t n, size_t a,
                size_t b) {
  /* Ends on characters as SQLite counts them (invalid input), then trim. */
  a = nd_utf8_boundary(t, n, a);
  b = nd_utf8_boundary(t, n, b);
  while (a < b) {
    size_t k;
    int32_t c = cp_at(t, b, a, &k);
    if (!is_space_cp(c)) break;
    a = nd_utf8_boundary(t, n, a + k);
  }
  while (b > a) {
    size_t s = b - 1;
    while (s > a && ((unsigned char)t[s] & 0xC0) == 0x80) s--;
    int32_t c = cp_at(t, b, s, NULL);
    if (!is_space_cp(c)) break;
    b = s;
  }
  if (a >= b) return 0;
  if (*count == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    nd_span *p = nd_realloc(*out, nc * sizeof **out);
    if (!p) return -1;
    *out = p;
    *cap = nc;
  }
  (*out)[*count].start = a;
  (*out)[*count].len = b - a;
  (*count)++;
  return 0;
}

int nd_sentences_split(const char *t, size_t n, nd_span **out, size_t *count) {
  size_t cap = 0, start = 0, i = 0;
  *out = NULL;
  *count = 0;
  while (i < n) {
    size_t k;
    int32_t c = cp_at(t, n, i, &k);
    if (c == '\n') {
      /* Blank line, or a line break before something that is not lower case. */
      size_t j = i + 1, nl = 1;
      int32_t d = 0;
      while (j < n) {
        size_t dk;
        d = cp_at(t, n, j, &dk);
        if (d == '\n') nl++;
        else if (!is_space_cp(d)) break;
        j += dk;
      }
      if (nl >= 2 || j >= n || !is_lower(d)) {
        if (emit(out, count, &cap, t, n, start, i)) return -1;
        start = j;
      }
      i = j;
      continue;
    }
    int terminal = c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C;
    int cjk = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
    if (!terminal && !cjk) {
      i += k;
      continue;
    }
    size_t p = i; /* the terminal */
    size_t j = i + k;
    while (j < n) { /* more terminals, closing quotes and brackets */
      size_t dk;
      int32_t d = cp_at(t, n, j, &dk);
      if (d == '.' || d == '!' || d == '?' || d == 0x2026 || is_closer(d)) {
        j += dk;
        continue;
      }
      /* French spacing: "fait. »" closes with a spaced guillemet. */
      size_t sp = j;
      while (sp < n && (t[sp] == ' ' || (unsigned char)t[sp] == 0xC2)) {
        if ((unsigned char)t[sp] == 0xC2 && (sp + 1 >= n || (unsigned char)t[sp + 1] != 0xA0)) break;
        sp += (unsigned char)t[sp] == 0xC2 ? 2 : 1;
      }
      if (sp > j && sp < n) {
        size_t ek;
        int32_t e = cp_at(t, n, sp, &ek);
        if (e == 0xBB || e == 0x203A) {
          j = sp + ek;
          continue;
        }
      }
      break;
    }
    if (cjk) {
      if (emit(out, count, &cap, t, n, start, j)) return -1;
      start = j;
      i = j;
      continue;
    }
    /* Require white space (not a line break: handled above), then a starter. */
    size_t q = j;
    int32_t d = 0;
    int saw_space = 0;
    while (q < n) {
      size_t dk;
      d = cp_at(t, n, q, &dk);
      if (d == '\n' || !is_space_cp(d)) break;
      saw_space = 1;
      q += dk;
    }
    if (q >= n || d == '\n') { /* the line break or the end will close it */
      i = q;
      continue;
    }
    if (!saw_space || !is_starter(d)) {
      i = j;
      continue;
    }
    if (c == '.' && j == p + 1 && !period_ends(t, n, p, q, d)) {
      i = j;
      continue;
    }
    if (emit(out, count, &cap, t, n, start, j)) return -1;
    start = j;
    i = q;
  }
  if (emit(out, count, &cap, t, n, start, n)) return -1;
  return 0;
}

size_t nd_sentence_of(const nd_span *s, size_t count, size_t b) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s[mid].start <= b) lo = mid + 1;
    else hi = mid;
  }
  return lo ? lo : 1;
}
