/*
** Tokenizer for the entity tagger (see nd_tokenize.h for the conventions).
**
** How it works: one pass over the code points. A word is scanned greedily
** and each joining character (apostrophe, hyphen, period, comma, colon,
** slash, ampersand) is kept only when the characters on both sides say it
** belongs inside (a digit on each side of a comma, a letter on each side of
** a hyphen...). Sentence numbers come from the shared splitter, walked in
** step with the tokens. A second pass splits capitalized glue
** ("Jinpingarrived") using the document's own words as evidence, with a
** hash set of the token strings.
*/
#include "nd_tokenize.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_gazetteer.h"
#include "nd_sentences.h"
#include "nd_utf8.h"

enum { K_SPACE, K_LETTER, K_MARK, K_DIGIT, K_OTHER };

/* Longest token considered for glue splitting, in bytes. */
#define GLUE_MAX 64

static int kind_of_unicode(int32_t c);

/* Inline for ASCII, most of any news text. */
static inline int kind_of(int32_t c) {
  if (c < 0x80) {
    if (c <= ' ' || c == 0x7F) return K_SPACE; /* controls too */
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return K_LETTER;
    if (c >= '0' && c <= '9') return K_DIGIT;
    return K_OTHER;
  }
  return kind_of_unicode(c);
}

static int kind_of_unicode(int32_t c) {
  if (c == 0xFFFD) return K_OTHER;
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return K_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return K_MARK;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return K_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return K_SPACE;
    default:
      return K_OTHER;
  }
}

static int is_upper(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

static int is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

typedef struct scan {
  const char *t;
  size_t n;
} scan;

/* Code point at byte i (0 past the end); *len its size in bytes. */
static int32_t cp_at(const scan *s, size_t i, size_t *len) {
  if (i >= s->n) {
    if (len) *len = 0;
    return 0;
  }
  if ((unsigned char)s->t[i] < 0x80) { /* most text: no decoding */
    if (len) *len = 1;
    return (unsigned char)s->t[i];
  }
  int32_t c;
  size_t l = nd_utf8_decode((const unsigned char *)s->t + i, s->n - i, &c);
  if (len) *len = l;
  return c;
}

/* Code point ending just before byte i (0 at the start). */
static int32_t cp_before(const scan *s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && ((unsigned char)s->t[j] & 0xC0) == 0x80) j--;
  size_t l;
  int32_t c = cp_at(s, j, &l);
  return j + l == i ? c : 0xFFFD;
}

static int is_wordish(int32_t c) {
  int k = kind_of(c);
  return k == K_LETTER || k == K_MARK || k == K_DIGIT;
}

/* The run of ASCII letters at byte i: its length (0 when none or when a
** non-ASCII letter continues it). */
static size_t ascii_letters_at(const scan *s, size_t i) {
  size_t j = i;
  while (j < s->n && (((unsigned char)s->t[j] | 0x20) >= 'a' && ((unsigned char)s->t[j] | 0x20) <= 'z'))
    j++;
  size_t l;
  int32_t c = cp_at(s, j, &l);
  if (l && is_wordish(c)) return 0;
  return j - i;
}

/* Is the clitic after an apostrophe at byte a (of length al) one that
** CoNLL splits off: 's 're 've 'll 'd 'm? */
static int is_clitic(const scan *s, size_t a, size_t al) {
  size_t k = ascii_letters_at(s, a + al);
  if (k == 0 || k > 2) return 0;
  char w[3] = {0};
  for (size_t i = 0; i < k; i++) w[i] = (char)(s->t[a + al + i] | 0x20);
  return !strcmp(w, "s") || !strcmp(w, "re") || !strcmp(w, "ve") || !strcmp(w, "ll") ||
         !strcmp(w, "d") || !strcmp(w, "m");
}

/* "n't" (or n’t) at byte i, not followed by a letter: its length, else 0. */
static size_t nt_at(const scan *s, size_t i) {
  if (i >= s->n || (s->t[i] | 0x20) != 'n') return 0;
  size_t al;
  int32_t a = cp_at(s, i + 1, &al);
  if (!al || !is_apostrophe(a)) return 0;
  if (ascii_letters_at(s, i + 1 + al) != 1 || (s->t[i + 1 + al] | 0x20) != 't') return 0;
  return 2 + al;
}

/* Count of digits at byte i. */
static size_t digits_at(const scan *s, size_t i) {
  size_t j = i;
  while (j < s->n && s->t[j] >= '0' && s->t[j] <= '9') j++;
  return j - i;
}

/* Does the period at byte p close a sentence (last byte of a span, or
** followed only by closing punctuation up to the span's end)? */
static int period_ends_sentence(const nd_span *sp, size_t nsp, size_t si, size_t p) {
  for (size_t k = si; k < nsp && sp[k].start <= p; k++) {
    size_t end = sp[k].start + sp[k].len;
    if (p < end && end - p <= 3) return 1;
  }
  return 0;
}

/* Scan the word starting at byte i; returns its end. */
static size_t scan_word(const scan *s, size_t i, const nd_span *sp, size_t nsp, size_t si) {
  size_t j = i;
  size_t ncp = 0, nlower = 0, nletters = 0, dots = 0;
  int all_lower = 1, first_upper = 0;
  size_t seg_cps = 0; /* code points since the word start or the last period */
  while (j < s->n) {
    size_t l;
    int32_t c = cp_at(s, j, &l);
    int k = kind_of(c);
    if (k == K_LETTER || k == K_MARK || k == K_DIGIT) {
      if ((c | 0x20) == 'n' && j > i && ncp > 1 && nt_at(s, j)) break; /* do|n't */
      if (k == K_LETTER && is_upper(c) && all_lower && nletters >= 3 && dots == 0) {
        size_t l2;
        int32_t d = cp_at(s, j + l, &l2);
        if (is_lower(d)) break; /* saidXi */
      }
      if (k == K_LETTER) {
        nletters++;
        if (is_lower(c)) nlower++;
        else all_lower = 0;
        if (ncp == 0) first_upper = is_upper(c);
      } else if (k == K_DIGIT) {
        all_lower = 0;
      }
      ncp++;
      seg_cps++;
      j += l;
      continue;
    }
    size_t nl;
    int32_t prev = cp_before(s, j), next = cp_at(s, j + l, &nl);
    if (is_apostrophe(c) || is_hyphen(c)) {
      /* Inside a word (O'Brien, Saint-Denis), not a clitic (Putin 's). */
      int inside = is_apostrophe(c) ? kind_of(prev) == K_LETTER && kind_of(next) == K_LETTER &&
                                          !is_clitic(s, j, l)
                                    : is_wordish(prev) && is_wordish(next);
      if (!inside || !nl) break;
      j += l + nl;
      ncp += 2;
      seg_cps += 2;
      all_lower = 0;
      continue;
    }
    if (c == '.') {
      if (kind_of(prev) == K_DIGIT && digits_at(s, j + 1) > 0) { /* 3.5 */
        j += 1;
        ncp++;
        continue;
      }
      /* U.S.A: a single letter, a period, a letter and a period again. */
      if (seg_cps == 1 && kind_of(prev) == K_LETTER && nl && kind_of(next) == K_LETTER) {
        size_t l3;
        cp_at(s, j + 1 + nl, &l3);
        if (j + 1 + nl < s->n && s->t[j + 1 + nl] == '.') {
          j += 1;
          ncp++;
          dots++;
          seg_cps = 0;
          continue;
        }
      }
      break;
    }
    if (c == ',' && kind_of(prev) == K_DIGIT && digits_at(s, j + 1) == 3) { /* 1,000 */
      j += 1;
      ncp++;
      continue;
    }
    if ((c == ':' || c == '/') && kind_of(prev) == K_DIGIT && digits_at(s, j + 1) > 0) {
      j += 1;
      ncp++;
      continue;
    }
    if (c == '&' && is_upper(prev) && nl && is_upper(next)) { /* AT&T */
      j += 1;
      ncp++;
      continue;
    }
    break;
  }
  /* A trailing period that belongs to the word: U.S.  J.  Mr. (not at a
  ** sentence end) */
  if (j < s->n && s->t[j] == '.' && nletters > 0) {
    int keep = 0;
    if (dots > 0 && seg_cps == 1) keep = 1;
    else if (ncp == 1 && first_upper) keep = 1;
    else if (first_upper && ncp <= 4 && nletters == ncp && (nletters - nlower) == 1 &&
             !period_ends_sentence(sp, nsp, si, j))
      keep = 1;
    if (keep) j++;
  }
  return j;
}

typedef struct tok_list {
  nd_token *a;
  size_t n, cap;
} tok_list;

static int push(tok_list *L, size_t start, size_t len, size_t sentence, unsigned flags) {
  if (L->n == L->cap) {
    size_t cap = L->cap ? L->cap * 2 : 256;
    nd_token *a = nd_realloc(L->a, cap * sizeof(*a));
    if (!a) return -1;
    L->a = a;
    L->cap = cap;
  }
  L->a[L->n++] = (nd_token){start, len, sentence, flags};
  return 0;
}

/* ---- glue splitting ------------------------------------------------------ */

static uint32_t hash_bytes(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}

typedef struct word_set {
  const char *t;
  const nd_token *tok;
  uint32_t *slot; /* token index + 1, 0 = empty */
  size_t mask;
} word_set;

static int set_has(const word_set *S, const char *p, size_t n) {
  for (size_t h = hash_bytes(p, n) & S->mask;; h = (h + 1) & S->mask) {
    uint32_t v = S->slot[h];
    if (!v) return 0;
    const nd_token *k = &S->tok[v - 1];
    if (k->len == n && !memcmp(S->t + k->start, p, n)) return 1;
  }
}

/* Is token k a capitalized word that could hide glue: an upper-case letter
** then lower-case letters only? */
static int glue_candidate(const scan *s, const nd_token *k) {
  if (k->len < 5 || k->len > GLUE_MAX) return 0;
  size_t l;
  if (!is_upper(cp_at(s, k->start, &l))) return 0;
  for (size_t i = k->start + l; i < k->start + k->len; i += l)
    if (!is_lower(cp_at(s, i, &l))) return 0;
  return 1;
}

/* Where to split token k, or 0: the longest proper prefix of two or more
** characters that the document has as a word, whose rest (two or more
** characters) the document also has as a word, or is a common English word
** of four or more letters (the gazetteer's list); never a token that is
** itself a common English word. */
static size_t glue_cut(const scan *s, const word_set *S, const nd_token *k) {
  size_t cuts[GLUE_MAX], nc = 0, l;
  /* "Newsletters" is a word, not "News" glued to "letters" */
  if (nd_gaz_word(s->t + k->start, k->len) & ND_GAZ_COMMON) return 0;
  for (size_t i = k->start; i < k->start + k->len; i += l) {
    cp_at(s, i, &l);
    cuts[nc++] = i - k->start;
  }
  for (size_t c = nc >= 2 ? nc - 2 : 0; c >= 2; c--) {
    size_t b = cuts[c];
    if (!set_has(S, s->t + k->start, b)) continue;
    const char *rest = s->t + k->start + b;
    size_t rn = k->len - b;
    if (set_has(S, rest, rn) || (rn >= 4 && (nd_gaz_word(rest, rn) & ND_GAZ_COMMON))) return b;
  }
  return 0;
}

static int split_glue(const scan *s, tok_list *L) {
  size_t cand = 0;
  for (size_t i = 0; i < L->n; i++) cand += glue_candidate(s, &L->a[i]);
  if (!cand) return 0;
  size_t cap = 16;
  while (cap < L->n * 2) cap *= 2;
  word_set S = {s->t, L->a, nd_malloc(cap * sizeof(uint32_t)), cap - 1};
  if (!S.slot) return -1;
  memset(S.slot, 0, cap * sizeof(uint32_t));
  for (size_t i = 0; i < L->n && i < UINT32_MAX - 1; i++) {
    const nd_token *k = &L->a[i];
    if (k->len > GLUE_MAX || set_has(&S, s->t + k->start, k->len)) continue;
    size_t h = hash_bytes(s->t + k->start, k->len) & S.mask;
    while (S.slot[h]) h = (h + 1) & S.mask;
    S.slot[h] = (uint32_t)(i + 1);
  }
  size_t *cut = nd_malloc(L->n * sizeof(size_t));
  if (!cut) {
    nd_free(S.slot);
    return -1;
  }
  size_t extra = 0;
  for (size_t i = 0; i < L->n; i++) {
    cut[i] = glue_candidate(s, &L->a[i]) ? glue_cut(s, &S, &L->a[i]) : 0;
    extra += cut[i] != 0;
  }
  nd_free(S.slot);
  int rc = 0;
  if (extra) {
    nd_token *a = nd_malloc((L->n + extra) * sizeof(*a));
    if (!a) {
      rc = -1;
    } else {
      size_t m = 0;
      for (size_t i = 0; i < L->n; i++) {
        nd_token k = L->a[i];
        if (cut[i]) {
          a[m++] = (nd_token){k.start, cut[i], k.sentence, k.flags};
          a[m++] = (nd_token){k.start + cut[i], k.len - cut[i], k.sentence, 0};
        } else {
          a[m++] = k;
        }
      }
      nd_free(L->a);
      L->a = a;
      L->n = L->cap = m;
    }
  }
  nd_free(cut);
  return rc;
}

/* ---- main pass ----------------------------------------------------------- */

int nd_tokenize(const char *text, size_t n, nd_token **out, size_t *count) {
  *out = NULL;
  *count = 0;
  nd_span *sp = NULL;
  size_t nsp = 0;
  if (nd_sentences_split(text, n, &sp, &nsp)) return -1;
  int rc = nd_tokenize_split(text, n, sp, nsp, out, count);
  nd_free(sp);
  return rc;
}

int nd_tokenize_split(const char *text, size_t n, const nd_span *sp, size_t nsp, nd_token **out,
                      size_t *count) {
  *out = NULL;
  *count = 0;
  scan s = {text, n};
  tok_list L = {0};
  size_t i = 0, si = 0;
  unsigned line_flag = ND_TOKEN_LINE_START;
  int rc = 0;
  while (i < n && rc == 0) {
    size_t l;
    int32_t c = cp_at(&s, i, &l);
    int k = kind_of(c);
    if (k == K_SPACE) {
      if (c == '\n' || c == 0x2028 || c == 0x2029) line_flag = ND_TOKEN_LINE_START;
      i += l;
      continue;
    }
    while (si + 1 < nsp && sp[si + 1].start <= i) si++;
    size_t end;
    size_t nt = nt_at(&s, i);
    if (nt && kind_of(cp_before(&s, i)) == K_LETTER) {
      end = i + nt; /* the n't of don't */
    } else if (k == K_LETTER || k == K_DIGIT || k == K_MARK) {
      end = scan_word(&s, i, sp, nsp, si);
    } else if (is_apostrophe(c) && kind_of(cp_before(&s, i)) == K_LETTER && is_clitic(&s, i, l)) {
      end = i + l + ascii_letters_at(&s, i + l); /* 's */
    } else {
      end = i + l; /* punctuation: a run of the same character is one token */
      size_t l2;
      while (end < n && cp_at(&s, end, &l2) == c && c != 0xFFFD) end += l2;
    }
    rc = push(&L, i, end - i, nsp ? si + 1 : 1, line_flag);
    line_flag = 0;
    i = end;
  }
  if (rc == 0) rc = split_glue(&s, &L);
  if (rc) {
    nd_free(L.a);
    return -1;
  }
  *out = L.a;
  *count = L.n;
  return 0;
}
