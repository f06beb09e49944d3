/*
** Canonical names of the mentions of one input (include/nd_canonical.h).
**
** How it works:
**   1. Each mention is cleaned (white space collapsed, edge quotes and
**      brackets and the possessive removed) and keyed with nd_normalize.
**      Mentions with the same type and key are one "form", counted.
**   2. PER forms that differ only by a slightly different last name
**      (Zelensky / Zelenskyy) are joined into one variant group, written as
**      its most frequent member.
**   3. Acronyms defined in the text ("Long Name (LN)", "LN (Long Name)")
**      are collected.
**   4. Each form looks for longer forms of the same type that contain it
**      (by the type's rules); the longest wins unless another candidate is
**      not part of it (then the mention is ambiguous and keeps its form).
**   5. A mention's canonical form follows those links (each one to a form
**      with more words) to the end.
** Steps 2 and 4 compare forms pairwise; past ND_CANON_MAX_FORMS distinct
** forms (a book rather than an article) only steps 1 and 3 run.
*/
#include <stdint.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_canonical.h"
#include "nd_normalize.h"
#include "nd_utf8.h"

#define ND_CANON_MAX_FORMS 4000
#define ND_CANON_MAX_TOKENS 16
#define ND_CANON_ACRONYM_MAX 12

typedef struct canon_form {
  char *clean; /* display text */
  size_t clean_len;
  char *key; /* nd_normalize(clean) */
  size_t key_len;
  int type;
  size_t count;
  size_t first;                         /* byte offset of its first mention */
  size_t ntok;                          /* tokens of key (0 when too many to compare) */
  size_t tok_off[ND_CANON_MAX_TOKENS];  /* tokens of key */
  size_t tok_len[ND_CANON_MAX_TOKENS];
  size_t group;                         /* variant group (union-find parent) */
  size_t target;                        /* longer form it stands for, or itself */
} canon_form;

typedef struct canon_def {
  char *key; /* normalized acronym */
  size_t key_len;
  size_t form; /* the long form */
} canon_def;

/* ---- cleaning -------------------------------------------------------------- */

static int is_space_cp(int32_t c) {
  return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

static int is_edge_punct(int32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' ||
         c == ':' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB;
}

static int is_apostrophe_cp(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

/* The code point ending at byte e of s (e > 0); *len its size. */
static int32_t cp_before(const char *s, size_t e, size_t *len) {
  size_t b = e - 1;
  while (b > 0 && e - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
  int32_t c;
  size_t l = nd_utf8_decode((const unsigned char *)s + b, e - b, &c);
  if (b + l != e) {
    *len = 1;
    return 0xFFFD;
  }
  *len = l;
  return c;
}

/* Collapse white space into single spaces and repair invalid UTF-8, then
** trim edge punctuation and a final possessive until nothing changes.
** Returns an nd_malloc'ed string. */
static char *clean_mention(const char *s, size_t n, size_t *out_len) {
  nd_buf b;
  nd_buf_init(&b);
  int pending_space = 0;
  for (size_t i = 0; i < n;) {
    int32_t c;
    size_t l = nd_utf8_decode((const unsigned char *)s + i, n - i, &c);
    if (is_space_cp(c)) {
      pending_space = b.len > 0;
    } else {
      if (pending_space) nd_buf_putc(&b, ' ');
      pending_space = 0;
      if (c == 0xFFFD) nd_buf_append(&b, "\xEF\xBF\xBD", 3); /* invalid UTF-8 is repaired */
      else nd_buf_append(&b, s + i, l);
    }
    i += l;
  }
  if (!nd_buf_str(&b)) return NULL;
  char *p = b.p ? b.p : (char *)"";
  size_t a = 0, e = b.len;
  for (int changed = 1; changed && e > a;) {
    changed = 0;
    int32_t c;
    size_t l = nd_utf8_decode((const unsigned char *)p + a, e - a, &c);
    if (is_edge_punct(c) || c == ' ') {
      a += l;
      changed = 1;
      continue;
    }
    size_t l1, l2;
    int32_t last = cp_before(p, e, &l1);
    if (e - a > l1 && (last == 's' || last == 'S')) {
      int32_t ap = cp_before(p, e - l1, &l2);
      if (is_apostrophe_cp(ap) && e - a > l1 + l2) { /* Putin's */
        e -= l1 + l2;
        changed = 1;
        continue;
      }
    }
    if (is_edge_punct(last) || last == ' ') {
      e -= l1;
      changed = 1;
    }
  }
  if (e <= a) { /* nothing but punctuation: keep the collapsed text */
    a = 0;
    e = b.len;
  }
  char *r = nd_strndup(p + a, e - a);
  nd_buf_free(&b);
  if (r) *out_len = e - a;
  return r;
}

/* "The Wall Street Journal" is written without its article, so that it
** groups with "Wall Street Journal"; a name of one word after the article
** keeps it ("The Hague"). */
static void drop_article(char *s, size_t *n) {
  if (*n > 4 && (s[0] == 'T' || s[0] == 't') && !memcmp(s + 1, "he ", 3) && memchr(s + 4, ' ', *n - 4)) {
    memmove(s, s + 4, *n - 4);
    *n -= 4;
    s[*n] = 0;
  }
}

/* ---- comparisons ----------------------------------------------------------- */

static int tok_eq(const canon_form *a, size_t i, const canon_form *b, size_t j) {
  return a->tok_len[i] == b->tok_len[j] &&
         !memcmp(a->key + a->tok_off[i], b->key + b->tok_off[j], a->tok_len[i]);
}

/* The letters of a name that transliterations agree on: y, i, j and h go
** (Zelensky, Zelenskyy, Zelenskiy; Volodymyr, Volodimir), e reads as a
** (Mohammed, Mohammad). Writes at most cap bytes; returns the length, or
** cap + 1 when it did not fit. */
static size_t skeleton(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == 'y' || c == 'i' || c == 'j' || c == 'h') continue;
    if (k == cap) return cap + 1;
    out[k++] = c == 'e' ? 'a' : c;
  }
  return k;
}

/* Two spellings of one name: the same first letter and the same skeleton
** after it, lengths within three bytes. A final "a" on one side only marks
** another name (Maria and Mario; Navalny and his wife Navalnaya). */
static int name_variant(const char *a, size_t na, const char *b, size_t nb) {
  if (na == nb && !memcmp(a, b, na)) return 1;
  if (na < 5 || nb < 5 || na > 40 || nb > 40 || a[0] != b[0] || (na > nb ? na - nb : nb - na) > 3) return 0;
  if ((a[na - 1] == 'a') != (b[nb - 1] == 'a')) return 0;
  char sa[40], sb[40];
  size_t ka = skeleton(a + 1, na - 1, sa, sizeof sa), kb = skeleton(b + 1, nb - 1, sb, sizeof sb);
  return ka >= 3 && ka == kb && ka <= sizeof sa && !memcmp(sa, sb, ka);
}

static int last_eq(const canon_form *a, size_t i, const canon_form *b, size_t j) {
  return tok_eq(a, i, b, j) ||
         name_variant(a->key + a->tok_off[i], a->tok_len[i], b->key + b->tok_off[j], b->tok_len[j]);
}

/* "V." or "V" against "volodymyr": an initial matching a first name. */
static int initial_of(const canon_form *a, size_t i, const canon_form *b, size_t j) {
  const char *t = a->key + a->tok_off[i];
  size_t n = a->tok_len[i];
  if (!(n == 1 || (n == 2 && t[1] == '.'))) return 0;
  return b->tok_len[j] > 0 && b->key[b->tok_off[j]] == t[0];
}

/* Two spellings of a first name: long ones only, since short ones that
** differ by a vowel are often two names (Maria, Mario). */
static int first_variant(const canon_form *a, size_t i, const canon_form *b, size_t j) {
  return a->tok_len[i] >= 6 && b->tok_len[j] >= 6 &&
         name_variant(a->key + a->tok_off[i], a->tok_len[i], b->key + b->tok_off[j], b->tok_len[j]);
}

/* PER forms of the same length that are spellings of one name. */
static int per_variants(const canon_form *a, const canon_form *b) {
  if (a->ntok != b->ntok || a->ntok == 0) return 0;
  size_t last = a->ntok - 1;
  for (size_t i = 0; i < last; i++)
    if (!tok_eq(a, i, b, i) && !initial_of(a, i, b, i) && !initial_of(b, i, a, i) &&
        !first_variant(a, i, b, i))
      return 0;
  return last_eq(a, last, b, last);
}

/* Short PER form s names the person of the longer form l: its last name(s),
** its first name alone, or its first and last names. */
static int per_part(const canon_form *s, const canon_form *l) {
  size_t k = s->ntok, n = l->ntok;
  if (k == 0 || k >= n) return 0;
  int suffix = last_eq(s, k - 1, l, n - 1);
  for (size_t i = 0; suffix && i + 1 < k; i++) suffix = tok_eq(s, i, l, n - k + i);
  if (suffix) return 1;
  if (k == 1) return tok_eq(s, 0, l, 0) && s->tok_len[0] > 1;
  return k == 2 && tok_eq(s, 0, l, 0) && last_eq(s, 1, l, n - 1);
}

/* Short ORG form s is the first or the last words of l. */
static int org_part(const canon_form *s, const canon_form *l) {
  size_t k = s->ntok, n = l->ntok;
  if (k == 0 || k >= n) return 0;
  int prefix = 1, suffix = 1;
  for (size_t i = 0; i < k; i++) {
    prefix = prefix && tok_eq(s, i, l, i);
    suffix = suffix && tok_eq(s, i, l, n - k + i);
  }
  return prefix || suffix;
}

/* Letters of an acronym-like word ("NATO", "U.S.", "DoD", "AT&T"): at
** least two capitals, the first character one, only letters, digits, '.',
** '&' and '-'. Returns the number of upper-cased letters written to out. */
static size_t acronym_letters(const char *s, size_t n, char *out) {
  size_t k = 0, upper = 0;
  if (n < 2 || n > 2 * ND_CANON_ACRONYM_MAX || !(s[0] >= 'A' && s[0] <= 'Z')) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      upper++;
    } else if (c >= 'a' && c <= 'z') {
      c = (char)(c - 32);
    } else if (c == '.' || c == '&' || c == '-' || (c >= '0' && c <= '9')) {
      continue;
    } else {
      return 0;
    }
    if (k == ND_CANON_ACRONYM_MAX) return 0;
    out[k++] = c;
  }
  return upper >= 2 && k >= 2 ? k : 0;
}

/* Articles, prepositions and conjunctions, which acronyms may skip even
** when capitalized ("The Wall Street Journal" is WSJ). */
static int function_word(const char *w, size_t n) {
  static const char *const words[] = {"the", "of", "and", "for", "on", "in",  "at",  "to",  "a",   "an", "de",
                                      "del", "la", "le",  "les", "du", "des", "der", "die", "das", "und"};
  if (n > 3) return 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t m = strlen(words[i]), j = 0;
    while (j < n && j < m && (w[j] | 0x20) == words[i][j]) j++;
    if (j == n && j == m) return 1;
  }
  return 0;
}

/* Do the letters acr[0..k) spell the initials of the words of clean text
** t[0..n)? Capitalized words must give their initial; lower-case words
** and function words ("of", "The", "and") may; other tokens ("&", ",") are
** skipped. */
static int spells_initials(const char *acr, size_t k, const char *t, size_t n) {
  while (n > 0 && *t == ' ') t++, n--;
  if (n == 0) return k == 0;
  const char *sp = memchr(t, ' ', n);
  size_t wl = sp ? (size_t)(sp - t) : n;
  char c = t[0];
  const char *rest = t + wl;
  size_t rn = n - wl;
  if (function_word(t, wl))
    return spells_initials(acr, k, rest, rn) ||
           (k > 0 && (acr[0] | 0x20) == (c | 0x20) && spells_initials(acr + 1, k - 1, rest, rn));
  if (c >= 'A' && c <= 'Z') return k > 0 && acr[0] == c && spells_initials(acr + 1, k - 1, rest, rn);
  if (c >= 'a' && c <= 'z')
    return spells_initials(acr, k, rest, rn) ||
           (k > 0 && acr[0] == c - 32 && spells_initials(acr + 1, k - 1, rest, rn));
  if ((unsigned char)c >= 0x80) return 0; /* a non-ASCII initial: do not guess */
  return spells_initials(acr, k, rest, rn);
}

/* Short form s is an acronym of l. */
static int acronym_of(const canon_form *s, const canon_form *l) {
  char acr[ND_CANON_ACRONYM_MAX];
  if (s->ntok != 1 || l->ntok < 2 || memchr(s->clean, ' ', s->clean_len)) return 0;
  size_t k = acronym_letters(s->clean, s->clean_len, acr);
  return k >= 2 && spells_initials(acr, k, l->clean, l->clean_len);
}

/* Short form s stands for l, by the rules of its type. */
static int part_of(const canon_form *s, const canon_form *l) {
  if (s->type != l->type) return 0;
  switch (s->type) {
  case ND_CANON_PER: return per_part(s, l);
  case ND_CANON_ORG: return org_part(s, l) || acronym_of(s, l);
  default: return acronym_of(s, l);
  }
}

/* ---- forms ----------------------------------------------------------------- */

static size_t group_of(canon_form *f, size_t i) {
  while (f[i].group != i) i = f[i].group = f[f[i].group].group;
  return i;
}

/* Is form a a better writing of an entity than form b? */
static int better(const canon_form *a, const canon_form *b) {
  if (a->count != b->count) return a->count > b->count;
  if (a->clean_len != b->clean_len) return a->clean_len > b->clean_len;
  return a->first < b->first;
}

static void tokenize_key(canon_form *f) {
  f->ntok = 0;
  for (size_t i = 0; i < f->key_len;) {
    while (i < f->key_len && f->key[i] == ' ') i++;
    if (i == f->key_len) break;
    size_t j = i;
    while (j < f->key_len && f->key[j] != ' ') j++;
    if (f->ntok == ND_CANON_MAX_TOKENS) {
      f->ntok = 0; /* too long to compare */
      return;
    }
    f->tok_off[f->ntok] = i;
    f->tok_len[f->ntok++] = j - i;
    i = j;
  }
}

static uint32_t form_hash(int type, const char *key, size_t n) {
  uint32_t h = 2166136261u ^ (uint32_t)type;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * 16777619u;
  return h;
}

typedef struct form_set {
  canon_form *f;
  size_t n, cap;
  long *slot; /* form index or -1; more slots than mentions */
  size_t mask;
} form_set;

/* Find or add the form of (type, key); takes ownership of clean and key. */
static long add_form(form_set *fs, int type, char *clean, size_t clean_len, char *key, size_t key_len,
                     size_t start) {
  size_t h = form_hash(type, key, key_len) & fs->mask;
  for (; fs->slot[h] >= 0; h = (h + 1) & fs->mask) {
    canon_form *f = &fs->f[fs->slot[h]];
    if (f->type == type && f->key_len == key_len && !memcmp(f->key, key, key_len)) {
      f->count++;
      if (start < f->first) { /* display the first writing in the text */
        nd_free(f->clean);
        f->clean = clean;
        f->clean_len = clean_len;
        f->first = start;
      } else {
        nd_free(clean);
      }
      nd_free(key);
      return fs->slot[h];
    }
  }
  if (fs->n == fs->cap) {
    size_t nc = fs->cap ? fs->cap * 2 : 16;
    canon_form *g = nd_realloc(fs->f, nc * sizeof(*g));
    if (!g) return -1;
    fs->f = g;
    fs->cap = nc;
  }
  canon_form *f = &fs->f[fs->n];
  memset(f, 0, sizeof(*f));
  f->clean = clean;
  f->clean_len = clean_len;
  f->key = key;
  f->key_len = key_len;
  f->type = type;
  f->count = 1;
  f->first = start;
  f->group = f->target = fs->n;
  tokenize_key(f);
  fs->slot[h] = (long)fs->n;
  return (long)fs->n++;
}

/* ---- acronym definitions in the text --------------------------------------- */

static int is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Record acr[0..n) as defined by form f when it looks like an acronym of it. */
static int add_def(canon_def **defs, size_t *ndefs, size_t *cap, const char *acr, size_t n,
                   const canon_form *forms, size_t f) {
  char letters[ND_CANON_ACRONYM_MAX];
  const canon_form *l = &forms[f];
  if (l->type == ND_CANON_PER || l->ntok < 2 || !acronym_letters(acr, n, letters)) return 0;
  if (letters[0] != l->clean[0]) return 0; /* "(Reuters)" after a name is not its acronym */
  if (*ndefs == *cap) {
    size_t nc = *cap ? *cap * 2 : 8;
    canon_def *g = nd_realloc(*defs, nc * sizeof(*g));
    if (!g) return -1;
    *defs = g;
    *cap = nc;
  }
  size_t kl;
  char *k = nd_normalize(acr, n, &kl);
  if (!k) return -1;
  (*defs)[*ndefs].key = k;
  (*defs)[*ndefs].key_len = kl;
  (*defs)[(*ndefs)++].form = f;
  return 0;
}

/* "Long Name (LN)" right after mention i, or "LN (Long Name)" around it. */
static int find_defs(const char *text, size_t n, const nd_mention *m, size_t count, const long *form_of,
                     const canon_form *forms, canon_def **defs, size_t *ndefs, size_t *cap) {
  for (size_t i = 0; i < count; i++) {
    size_t s = m[i].start, e = m[i].start + m[i].len;
    if (s > n || e > n || e < s) continue;
    size_t j = e;
    while (j < n && is_ascii_space(text[j])) j++;
    if (j < n && text[j] == '(') {
      size_t a = j + 1, b = a;
      while (b < n && b - a <= 2 * ND_CANON_ACRONYM_MAX && text[b] != ')' && !is_ascii_space(text[b])) b++;
      if (b < n && text[b] == ')' &&
          add_def(defs, ndefs, cap, text + a, b - a, forms, (size_t)form_of[i]) < 0)
        return -1;
    }
    j = s;
    while (j > 0 && is_ascii_space(text[j - 1])) j--;
    if (j > 0 && text[j - 1] == '(' && e < n && text[e] == ')') {
      size_t b = j - 1;
      while (b > 0 && is_ascii_space(text[b - 1])) b--;
      size_t a = b;
      while (a > 0 && b - a <= 2 * ND_CANON_ACRONYM_MAX && !is_ascii_space(text[a - 1]) && text[a - 1] != '(')
        a--;
      if (a < b && add_def(defs, ndefs, cap, text + a, b - a, forms, (size_t)form_of[i]) < 0) return -1;
    }
  }
  return 0;
}

/* ---- resolution ------------------------------------------------------------ */

/* Longer form that form s stands for, or s itself when none or ambiguous. */
static size_t resolve(canon_form *f, size_t nf, size_t s, const canon_def *defs, size_t ndefs) {
  if (f[s].type != ND_CANON_PER)
    for (size_t d = 0; d < ndefs; d++)
      if (defs[d].key_len == f[s].key_len && !memcmp(defs[d].key, f[s].key, f[s].key_len) &&
          defs[d].form != s)
        return defs[d].form;
  if (f[s].ntok == 0 || nf > ND_CANON_MAX_FORMS) return s;
  size_t best = s, gs = group_of(f, s);
  for (size_t l = 0; l < nf; l++) {
    if (f[l].ntok <= f[s].ntok || group_of(f, l) == gs || !part_of(&f[s], &f[l])) continue;
    if (best == s || f[l].ntok > f[best].ntok || (f[l].ntok == f[best].ntok && better(&f[l], &f[best])))
      best = l;
  }
  if (best == s) return s;
  size_t gb = group_of(f, best);
  for (size_t l = 0; l < nf; l++) {
    if (f[l].ntok <= f[s].ntok || group_of(f, l) == gs || group_of(f, l) == gb) continue;
    if (part_of(&f[s], &f[l]) && !part_of(&f[l], &f[best]) && !per_variants(&f[l], &f[best]))
      return s; /* fits two different entities */
  }
  return best;
}

static void free_forms(canon_form *f, size_t nf, canon_def *defs, size_t ndefs) {
  for (size_t i = 0; i < nf; i++) {
    nd_free(f[i].clean);
    nd_free(f[i].key);
  }
  nd_free(f);
  for (size_t d = 0; d < ndefs; d++) nd_free(defs[d].key);
  nd_free(defs);
}

/* The form that form s stands for in one step: its own target, else its
** variant group's; s itself at the end. Every step gains words. */
static size_t next_form(canon_form *f, const size_t *rep, size_t s) {
  if (f[s].target != s) return f[s].target;
  size_t r = rep[group_of(f, s)];
  return f[r].target != r ? f[r].target : s;
}

int nd_canonical(const char *text, size_t n, const nd_mention *m, size_t count, char **canonical,
                 size_t *canonical_len) {
  form_set fs = {0};
  canon_def *defs = NULL;
  size_t ndefs = 0, dcap = 0, *rep = NULL;
  long *form_of = nd_malloc((count + 1) * sizeof(long));
  size_t nslots = 16;
  while (nslots < 2 * count) nslots *= 2;
  fs.slot = nd_malloc(nslots * sizeof(long));
  fs.mask = nslots - 1;
  for (size_t i = 0; i < count; i++) canonical[i] = NULL;
  if (!form_of || !fs.slot) goto oom;
  for (size_t i = 0; i < nslots; i++) fs.slot[i] = -1;

  for (size_t i = 0; i < count; i++) {
    size_t s = m[i].start <= n ? m[i].start : n;
    size_t len = m[i].len <= n - s ? m[i].len : n - s;
    size_t cl, kl;
    char *clean = clean_mention(text + s, len, &cl);
    if (clean && m[i].type != ND_CANON_PER) drop_article(clean, &cl);
    char *key = clean ? nd_normalize(clean, cl, &kl) : NULL;
    long fi = key ? add_form(&fs, m[i].type, clean, cl, key, kl, s) : -1;
    if (fi < 0) {
      nd_free(clean);
      nd_free(key);
      goto oom;
    }
    form_of[i] = fi;
  }
  canon_form *f = fs.f;
  size_t nf = fs.n;

  if (nf <= ND_CANON_MAX_FORMS) /* spelling variants of one person */
    for (size_t a = 0; a < nf; a++)
      for (size_t b = a + 1; b < nf; b++)
        if (f[a].type == ND_CANON_PER && f[b].type == ND_CANON_PER && per_variants(&f[a], &f[b])) {
          size_t ga = group_of(f, a), gb = group_of(f, b);
          if (ga != gb) f[ga > gb ? ga : gb].group = ga < gb ? ga : gb;
        }

  if (find_defs(text, n, m, count, form_of, f, &defs, &ndefs, &dcap) < 0) goto oom;
  for (size_t s = 0; s < nf; s++) f[s].target = resolve(f, nf, s, defs, ndefs);

  /* The writing of each variant group: its most frequent member. */
  rep = nd_malloc((nf + 1) * sizeof(size_t));
  if (!rep) goto oom;
  for (size_t s = 0; s < nf; s++) rep[s] = s;
  for (size_t s = 0; s < nf; s++) {
    size_t g = group_of(f, s);
    if (better(&f[s], &f[rep[g]])) rep[g] = s;
  }

  for (size_t i = 0; i < count; i++) {
    size_t s = (size_t)form_of[i];
    for (size_t t = next_form(f, rep, s), hop = 0; t != s && hop < ND_CANON_MAX_TOKENS; hop++) {
      s = t;
      t = next_form(f, rep, s);
    }
    const canon_form *w = &f[rep[group_of(f, s)]];
    canonical[i] = nd_strndup(w->clean, w->clean_len);
    if (!canonical[i]) goto oom;
    canonical_len[i] = w->clean_len;
  }
  nd_free(rep);
  nd_free(form_of);
  nd_free(fs.slot);
  free_forms(fs.f, fs.n, defs, ndefs);
  return 0;

oom:
  for (size_t i = 0; i < count; i++) {
    nd_free(canonical[i]);
    canonical[i] = NULL;
  }
  nd_free(rep);
  nd_free(form_of);
  nd_free(fs.slot);
  free_forms(fs.f, fs.n, defs, ndefs);
  return -1;
}
