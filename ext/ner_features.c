/*
** Features of the entity tagger (see nd_entities.h), shared by the runtime
** and the trainer so that both compute exactly the same ids.
**
** Each feature is a template number and one or two 64-bit hashes of
** strings, mixed into a 32-bit id. Per token:
**   bias; word; lower case; prefixes and suffixes of 1-4 characters; long
**   shape (Xxxx-dd) and short shape (Xx-d); capitalization class crossed
**   with position (sentence start) and line style (all-caps line, Title Case
**   line such as a headline); lower-case words and short shapes at -2..+2;
**   word bigrams with each neighbour; the shape trigram; how the same word
**   is written elsewhere in the document (seen in lower case, seen
**   capitalized inside a sentence).
** Second pass only: the labels the first pass gave the capitalized
** occurrences of the same word elsewhere in the document (any, majority,
** unanimous), alone and crossed with the line style.
**
** How it works: nd_ner_doc_new walks the document once for per-token hashes
** and a hash map of word forms; sentence features then need only a window
** of per-token details computed for that sentence. What a word form decides
** alone (its shape, lists, class, and the tagger's sums of the features it
** brings to its own tag and to its neighbours') is kept once per distinct
** form in a memo, and across documents in an nd_ner_cache.
*/
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_clusters.h"
#include "nd_entities.h"
#include "nd_gazetteer.h"
#include "nd_utf8.h"

/* Capitalization classes. */
enum { CAP_NONE, CAP_LOWER, CAP_TITLE, CAP_UPPER, CAP_INITIAL, CAP_MIXED };

/* Line styles (bits). */
#define LINE_CAPS 1
#define LINE_TITLE 2

enum {
  T_BIAS = 1, T_WORD, T_LOWER, T_PREFIX, T_SUFFIX, T_SHAPE, T_SHORT, T_CAPCTX, T_WORDLINE,
  T_LOWER_AT, T_SHORT_AT, T_BIGRAM_L, T_BIGRAM_R, T_SHAPE3, T_SEEN, T_DOC_ANY, T_DOC_MAJOR,
  T_DOC_UNAN, T_DOC_MAJOR_LINE, T_DOC_NONE, T_GAZ_WORD, T_GAZ_WORD_CAP, T_GAZ_BEGIN,
  T_GAZ_INSIDE, T_GAZ_PREV, T_GAZ_NEXT, T_CAPRUN, T_DOC_NEIGH, T_CLUSTER, T_CLUSTER_AT, T_DOC_LONG
};

/* Gazetteer lists used as features. */
#define GAZ_USED ND_GAZ_ALL

typedef struct form_stat {
  uint64_t key; /* lower-case hash; 0 = empty slot */
  uint32_t lower, cap_inside;
  uint32_t label[ND_ENT_TYPES + 1]; /* O, then the types */
  uint32_t in_long[ND_ENT_TYPES];   /* occurrences inside a multi-word entity */
} form_stat;

/* Shapes and affixes of a word form. */
typedef struct form_shape {
  uint64_t shape, shortshape;
  uint64_t prefix[4], suffix[4]; /* 0: the word is too short */
} form_shape;

/* What depends on a word form alone, computed once per distinct form of
** the document: short shape, list flags, word classes, and (filled by the
** tagger) the summed weights of the features the form decides. */
typedef struct word_memo {
  uint64_t key; /* hash of the exact form; 0 = empty slot */
  uint64_t shortshape;
  unsigned gaz_raw; /* nd_gaz_word_raw */
  int gaz_capital;
  unsigned gaz_word; /* what of it the features use */
  int has_class;
  nd_word_class cls; /* nd_clusters.h */
  nd_ner_form_sums sums;
} word_memo;

/* Per token of the current sentence. */
typedef struct tok_detail {
  uint64_t word;                /* hash of the exact form */
  size_t form;                  /* its word_memo (memo_at) */
  form_shape shape;             /* when its own features are listed */
  unsigned gaz_begin, gaz_inside; /* nd_gazetteer.h flags */
  unsigned char caprun;           /* see cap_runs */
  unsigned char nword;            /* features that depend on the form alone */
} tok_detail;

typedef struct memo_index {
  uint64_t key; /* 0 = empty slot */
  size_t entry; /* memo_at(entry) */
} memo_index;

struct nd_ner_doc {
  const char *text;
  const nd_token *tok;
  size_t n;
  uint64_t *lower;        /* per token */
  unsigned char *cap;     /* per token */
  unsigned char *line;    /* per token: LINE_* of its line */
  unsigned char *first;   /* per token: first of its sentence */
  form_stat *form;        /* hash map by lower-case form */
  size_t form_mask, form_count;
  tok_detail *detail;     /* scratch for one sentence */
  nd_gaz_tok *gaz_tok;
  unsigned *gaz_begin, *gaz_inside;
  size_t detail_cap;
  const unsigned char *tags1; /* first-pass tags, once known */
  nd_ner_cache *cache;        /* or NULL */
  int gaz_fold;               /* nd_gaz_*_fold: -1 except in training */
  /* Memos by word form: a hash index (at most half full) of small slots
  ** into fixed blocks of memos, so that growing copies and clears little. */
  memo_index *memo_idx;
  size_t memo_mask;
  word_memo **memo_block; /* MEMO_BLOCK memos each: growing copies none */
  size_t memo_count, memo_blocks;
};

#define MEMO_BLOCK 128
#define MEMO_SPARE 16 /* blocks kept for reuse: 16 x 37 KB */

/* Only the small parts before the slots are cleared: a slot is read only
** once its bit in present is set, so the tables' pages are touched (and
** cost) only as they fill, and a new connection starts at once. */
struct nd_ner_cache {
  const void *model; /* the model the sums were read from */
  /* Memo blocks of finished documents, for the next to reuse: an article
  ** then allocates (and the heap grows and shrinks) little. */
  word_memo *spare[MEMO_SPARE];
  size_t nspare;
  uint64_t present[ND_NER_CACHE_SLOTS / 64];
  nd_gaz_memo phrases;
  word_memo slot[ND_NER_CACHE_SLOTS];
};

/* nd_ner_form_sums.filled of a memo copied from the cache: filled, and no
** need to store it back. */
#define FROM_CACHE 2

nd_ner_cache *nd_ner_cache_new(void) {
  nd_ner_cache *c = nd_malloc(sizeof(*c));
  if (!c) return NULL;
  memset(c, 0, offsetof(nd_ner_cache, phrases));
  nd_gaz_memo_clear(&c->phrases);
  return c;
}

void nd_ner_cache_free(nd_ner_cache *c) {
  if (!c) return;
  for (size_t k = 0; k < c->nspare; k++) nd_free(c->spare[k]);
  nd_free(c);
}

static size_t cache_index(uint64_t key) {
  return (size_t)(key ^ (key >> 32)) & (ND_NER_CACHE_SLOTS - 1);
}

/* The cached memo of key, or NULL. */
static const word_memo *cache_get(const nd_ner_cache *c, uint64_t key) {
  size_t at = cache_index(key);
  if (!(c->present[at / 64] >> (at % 64) & 1) || c->slot[at].key != key) return NULL;
  return &c->slot[at];
}

static void cache_put(nd_ner_cache *c, const word_memo *w) {
  size_t at = cache_index(w->key);
  c->present[at / 64] |= 1ull << (at % 64);
  c->slot[at] = *w;
}

void nd_ner_doc_use_cache(nd_ner_doc *d, nd_ner_cache *cache, const nd_ner_model *m) {
  if (!cache || d->gaz_fold >= 0) return;
  if (cache->model != m->slot) {
    memset(cache->present, 0, sizeof(cache->present)); /* the phrases depend on no model */
    cache->model = m->slot;
  }
  d->cache = cache;
}

static word_memo *memo_at(const nd_ner_doc *d, size_t k) {
  return &d->memo_block[k / MEMO_BLOCK][k % MEMO_BLOCK];
}

static uint64_t hash_bytes(const void *p, size_t n, uint64_t h) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ull;
  return h;
}
#define HASH0 14695981039346656037ull

static uint32_t feature_id(uint32_t tmpl, uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)tmpl << 56) ^ tmpl;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return (uint32_t)x;
}

static int32_t next_cp(const char *s, size_t n, size_t *i) {
  int32_t c;
  *i += nd_utf8_decode((const unsigned char *)s + *i, n - *i, &c);
  return c;
}

static int cp_is_upper(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int cp_is_letter(int32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c == 0xFFFD) return 0;
  utf8proc_category_t k = utf8proc_category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int cp_is_digit(int32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

/* Hash of the lower-case form and the capitalization class of s[0..n). */
static uint64_t lower_hash(const char *s, size_t n, unsigned char *cap) {
  uint64_t h = HASH0;
  size_t i = 0, letters = 0, upper = 0;
  int first_upper = -1;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) { /* the same as below without decoding */
      i++;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        int u = b <= 'Z';
        if (first_upper < 0) first_upper = u;
        letters++;
        upper += (size_t)u;
        b |= 0x20;
      }
      h = (h ^ b) * 1099511628211ull;
      continue;
    }
    int32_t c = next_cp(s, n, &i);
    if (cp_is_letter(c)) {
      int u = cp_is_upper(c);
      if (first_upper < 0) first_upper = u;
      letters++;
      upper += (size_t)u;
      c = utf8proc_tolower(c);
    }
    char buf[4];
    size_t k = nd_utf8_encode(c, buf);
    h = hash_bytes(buf, k, h);
  }
  if (!letters) *cap = CAP_NONE;
  else if (!first_upper) *cap = upper ? CAP_MIXED : CAP_LOWER;
  else if (upper == letters) *cap = letters == 1 ? CAP_INITIAL : CAP_UPPER;
  else *cap = CAP_TITLE;
  return h;
}

/* Shapes and affixes of the form s[0..n). */
static void form_detail(const char *s, size_t n, form_shape *d) {
  uint64_t shape = HASH0, shortshape = HASH0;
  char last = 0;
  size_t i = 0, ncp = 0, bounds[5] = {0};
  while (i < n) {
    int32_t c = next_cp(s, n, &i);
    char k;
    if (cp_is_letter(c)) k = cp_is_upper(c) ? 'X' : 'x';
    else if (cp_is_digit(c)) k = 'd';
    else if (c < 0x80) k = (char)c;
    else k = '*';
    if (ncp < 16) shape = hash_bytes(&k, 1, shape);
    if (k != last) shortshape = hash_bytes(&k, 1, shortshape);
    last = k;
    ncp++;
    if (ncp <= 4) bounds[ncp] = i;
  }
  d->shape = ncp > 16 ? hash_bytes("~", 1, shape) : shape;
  d->shortshape = shortshape;
  for (size_t k = 0; k < 4; k++) {
    d->prefix[k] = k < ncp ? hash_bytes(s, bounds[k + 1], HASH0) : 0;
    d->suffix[k] = 0;
  }
  /* Suffixes: walk back over code points. */
  size_t j = n;
  for (size_t k = 0; k < 4 && k + 1 < ncp; k++) {
    do j--;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
    d->suffix[k] = hash_bytes(s + j, n - j, HASH0);
  }
}

static form_stat *form_slot(form_stat *tab, size_t mask, uint64_t key) {
  for (size_t h = (size_t)(key ^ (key >> 29)) & mask;; h = (h + 1) & mask)
    if (tab[h].key == key || tab[h].key == 0) return &tab[h];
}

/* The entry of a word form already in the table (every word with a letter
** is added by nd_ner_doc_new), or NULL. */
static form_stat *form_get(const nd_ner_doc *d, uint64_t key) {
  if (key == 0) key = 1;
  form_stat *f = form_slot(d->form, d->form_mask, key);
  return f->key ? f : NULL;
}

/* The entry of a word form, added when new; NULL on OOM. The table is kept
** at most half full. */
static form_stat *form_find(nd_ner_doc *d, uint64_t key) {
  if (key == 0) key = 1;
  form_stat *f = form_slot(d->form, d->form_mask, key);
  if (f->key) return f;
  if ((d->form_count + 1) * 2 > d->form_mask + 1) {
    size_t cap = (d->form_mask + 1) * 2;
    form_stat *tab = nd_malloc(cap * sizeof(form_stat));
    if (!tab) return NULL;
    memset(tab, 0, cap * sizeof(form_stat));
    for (size_t i = 0; i <= d->form_mask; i++)
      if (d->form[i].key) *form_slot(tab, cap - 1, d->form[i].key) = d->form[i];
    nd_free(d->form);
    d->form = tab;
    d->form_mask = cap - 1;
    f = form_slot(tab, cap - 1, key);
  }
  f->key = key;
  d->form_count++;
  return f;
}

static int has_letters_len2(unsigned char cap) { return cap != CAP_NONE && cap != CAP_INITIAL; }

/* Line styles: a line is the run of tokens of one sentence between line
** breaks. All-caps: 80% of its words (2+ letters) in capitals. Title Case:
** 3+ such words, 70% capitalized. */
static void mark_lines(nd_ner_doc *d) {
  size_t a = 0;
  while (a < d->n) {
    size_t b = a + 1;
    while (b < d->n && d->tok[b].sentence == d->tok[a].sentence &&
           !(d->tok[b].flags & ND_TOKEN_LINE_START))
      b++;
    size_t words = 0, upper = 0, capital = 0;
    for (size_t i = a; i < b; i++) {
      if (!has_letters_len2(d->cap[i])) continue;
      words++;
      upper += d->cap[i] == CAP_UPPER;
      capital += d->cap[i] == CAP_UPPER || d->cap[i] == CAP_TITLE;
    }
    unsigned char style = 0;
    if (words && upper * 5 >= words * 4) style = LINE_CAPS;
    else if (words >= 3 && capital * 10 >= words * 7) style = LINE_TITLE;
    for (size_t i = a; i < b; i++) d->line[i] = style;
    a = b;
  }
}

static memo_index *memo_slot(memo_index *tab, size_t mask, uint64_t key) {
  for (size_t h = (size_t)(key ^ (key >> 31)) & mask;; h = (h + 1) & mask)
    if (tab[h].key == key || tab[h].key == 0) return &tab[h];
}

/* The index of a word form's memo, added (with *fresh = 1) when new;
** (size_t)-1 on OOM. */
static size_t memo_find(nd_ner_doc *d, uint64_t key, int *fresh) {
  if (key == 0) key = 1;
  *fresh = 0;
  if (!d->memo_idx || (d->memo_count + 1) * 2 > d->memo_mask + 1) {
    size_t cap = d->memo_idx ? (d->memo_mask + 1) * 2 : 256;
    memo_index *tab = nd_malloc(cap * sizeof(memo_index));
    if (!tab) return (size_t)-1;
    memset(tab, 0, cap * sizeof(memo_index));
    if (d->memo_idx)
      for (size_t i = 0; i <= d->memo_mask; i++)
        if (d->memo_idx[i].key) *memo_slot(tab, cap - 1, d->memo_idx[i].key) = d->memo_idx[i];
    nd_free(d->memo_idx);
    d->memo_idx = tab;
    d->memo_mask = cap - 1;
  }
  memo_index *x = memo_slot(d->memo_idx, d->memo_mask, key);
  if (!x->key) {
    if (d->memo_count == d->memo_blocks * MEMO_BLOCK) {
      word_memo **p = nd_realloc(d->memo_block, (d->memo_blocks + 1) * sizeof(*p));
      if (!p) return (size_t)-1;
      d->memo_block = p;
      nd_ner_cache *c = d->cache;
      p[d->memo_blocks] =
          c && c->nspare ? c->spare[--c->nspare] : nd_malloc(MEMO_BLOCK * sizeof(word_memo));
      if (!p[d->memo_blocks]) return (size_t)-1;
      d->memo_blocks++;
    }
    x->key = key;
    x->entry = d->memo_count++;
    *memo_at(d, x->entry) = (word_memo){.key = key};
    *fresh = 1;
  }
  return x->entry;
}

nd_ner_form_sums *nd_ner_token_sums(nd_ner_doc *d, size_t a, size_t i, size_t *nword) {
  const tok_detail *t = &d->detail[i - a];
  *nword = t->nword;
  return &memo_at(d, t->form)->sums;
}

nd_ner_doc *nd_ner_doc_new(const char *text, const nd_token *tok, size_t n) {
  nd_ner_doc *d = nd_malloc(sizeof(*d));
  if (!d) return NULL;
  memset(d, 0, sizeof(*d));
  d->text = text;
  d->tok = tok;
  d->n = n;
  d->gaz_fold = -1;
  /* At most one form per token, the table at most half full: sized for
  ** the document, it rarely grows and a short one clears little. */
  size_t cap = 64;
  while (cap < n && cap < ((size_t)1 << 20)) cap *= 2;
  d->form_mask = cap - 1;
  d->lower = nd_malloc((n ? n : 1) * sizeof(uint64_t));
  d->cap = nd_malloc(n ? n : 1);
  d->line = nd_malloc(n ? n : 1);
  d->first = nd_malloc(n ? n : 1);
  d->form = nd_malloc(cap * sizeof(form_stat));
  if (!d->lower || !d->cap || !d->line || !d->first || !d->form) {
    nd_ner_doc_free(d);
    return NULL;
  }
  memset(d->form, 0, cap * sizeof(form_stat));
  for (size_t i = 0; i < n; i++) {
    d->lower[i] = lower_hash(text + tok[i].start, tok[i].len, &d->cap[i]);
    d->first[i] = i == 0 || tok[i - 1].sentence != tok[i].sentence;
  }
  mark_lines(d);
  for (size_t i = 0; i < n; i++) {
    if (d->cap[i] == CAP_NONE) continue;
    form_stat *f = form_find(d, d->lower[i]);
    if (!f) {
      nd_ner_doc_free(d);
      return NULL;
    }
    if (d->cap[i] == CAP_LOWER) f->lower++;
    else if (!d->first[i] && !d->line[i]) f->cap_inside++;
  }
  return d;
}

/* Is token i part of an entity of two or more tokens? */
static int in_long_entity(const unsigned char *tags, size_t n, size_t i) {
  unsigned t = tags[i];
  if (!t) return 0;
  if (!(t & 1)) return 1;                     /* I-X */
  return i + 1 < n && tags[i + 1] == t + 1;   /* B-X followed by I-X */
}

void nd_ner_doc_set_fold(nd_ner_doc *d, int fold) { d->gaz_fold = fold; }

void nd_ner_doc_add_tags(nd_ner_doc *d, const unsigned char *tags1) {
  d->tags1 = tags1;
  for (size_t i = 0; i < d->n; i++) {
    if (d->cap[i] == CAP_NONE || d->cap[i] == CAP_LOWER) continue;
    unsigned t = tags1[i];
    form_stat *f = form_get(d, d->lower[i]);
    if (!f) continue;
    f->label[t ? (t - 1) / 2 + 1 : 0]++;
    if (in_long_entity(tags1, d->n, i)) f->in_long[(t - 1) / 2]++;
  }
}

void nd_ner_doc_keep(nd_ner_doc *d) {
  if (!d->cache) return;
  for (size_t k = 0; k < d->memo_count; k++) {
    const word_memo *w = memo_at(d, k);
    if (w->sums.filled && w->sums.filled != FROM_CACHE) cache_put(d->cache, w);
  }
}

void nd_ner_doc_free(nd_ner_doc *d) {
  if (!d) return;
  nd_free(d->lower);
  nd_free(d->cap);
  nd_free(d->line);
  nd_free(d->first);
  nd_free(d->form);
  nd_free(d->detail);
  nd_free(d->gaz_tok);
  nd_free(d->gaz_begin);
  nd_free(d->gaz_inside);
  nd_free(d->memo_idx);
  for (size_t k = 0; k < d->memo_blocks; k++) {
    nd_ner_cache *c = d->cache;
    if (c && c->nspare < MEMO_SPARE) c->spare[c->nspare++] = d->memo_block[k];
    else nd_free(d->memo_block[k]);
  }
  nd_free(d->memo_block);
  nd_free(d);
}

/* Document evidence for token i: labels of the other capitalized
** occurrences of its word (its own label left out: the second pass must
** learn from the rest of the document, not copy the first pass). */
size_t nd_ner_doc_features(nd_ner_doc *d, size_t i, uint32_t *f) {
  if (!d->tags1) return 0;
  size_t k = 0;
  uint64_t l = i > 0 && !d->first[i] ? d->tags1[i - 1] : 99;
  uint64_t r = i + 1 < d->n && !d->first[i + 1] ? d->tags1[i + 1] : 99;
  f[k++] = feature_id(T_DOC_NEIGH, l, r);
  if (d->cap[i] == CAP_NONE || d->cap[i] == CAP_LOWER) return k;
  form_stat *s = form_get(d, d->lower[i]);
  if (!s) return 0;
  uint32_t count[ND_ENT_TYPES + 1], total = 0;
  memcpy(count, s->label, sizeof(count));
  unsigned own = d->tags1[i];
  count[own ? (own - 1) / 2 + 1 : 0]--;
  for (int t = 0; t <= ND_ENT_TYPES; t++) total += count[t];
  if (total == 0) {
    f[k++] = feature_id(T_DOC_NONE, 0, 0);
    return k;
  }
  int major = 0;
  for (int t = 1; t <= ND_ENT_TYPES; t++)
    if (count[t] > count[major]) major = t;
  for (int t = 1; t <= ND_ENT_TYPES; t++)
    if (count[t]) f[k++] = feature_id(T_DOC_ANY, (uint64_t)t, 0);
  f[k++] = feature_id(T_DOC_MAJOR, (uint64_t)major, 0);
  f[k++] = feature_id(T_DOC_MAJOR_LINE, (uint64_t)major, (uint64_t)(d->line[i] * 2 + d->first[i]));
  for (int t = 0; t <= ND_ENT_TYPES; t++)
    if (count[t] == total) f[k++] = feature_id(T_DOC_UNAN, (uint64_t)t, 0);
  /* Part of a longer name elsewhere: "Xi" after "Xi Jinping". */
  for (int t = 0; t < ND_ENT_TYPES; t++) {
    uint32_t c = s->in_long[t];
    if (own && (int)(own - 1) / 2 == t && in_long_entity(d->tags1, d->n, i)) c--;
    if (c) f[k++] = feature_id(T_DOC_LONG, (uint64_t)t, 0);
  }
  return k;
}

/* Hash of the lower-case word at i + dx inside [a, b), or of a boundary. */
static uint64_t lower_at(const nd_ner_doc *d, size_t a, size_t b, size_t i, int dx) {
  long j = (long)i + dx;
  if (j < (long)a) return 11;
  if (j >= (long)b) return 13;
  return d->lower[j];
}

static const word_memo *form_at(const nd_ner_doc *d, size_t a, size_t i) {
  return memo_at(d, d->detail[i - a].form);
}

static uint64_t short_at(const nd_ner_doc *d, size_t a, size_t b, size_t i, int dx) {
  long j = (long)i + dx;
  if (j < (long)a) return 11;
  if (j >= (long)b) return 13;
  return form_at(d, a, (size_t)j)->shortshape;
}

static int capitalized(unsigned char cap) {
  return cap == CAP_TITLE || cap == CAP_UPPER || cap == CAP_INITIAL || cap == CAP_MIXED;
}

/* Where each token of [a, b) sits in its run of capitalized words: its
** position (0 first, 1 inside, 2 last, 3 alone, 4 not capitalized) and the
** run's length up to 4, into detail[].caprun; linear time. */
static void cap_runs(nd_ner_doc *d, size_t a, size_t b) {
  for (size_t s = a; s < b;) {
    if (!capitalized(d->cap[s])) {
      d->detail[s - a].caprun = 4;
      s++;
      continue;
    }
    size_t e = s + 1;
    while (e < b && capitalized(d->cap[e])) e++;
    size_t len = e - s;
    for (size_t i = s; i < e; i++) {
      unsigned pos = len == 1 ? 3 : i == s ? 0 : i + 1 == e ? 2 : 1;
      d->detail[i - a].caprun = (unsigned char)(pos * 8 + (len < 4 ? len : 4));
    }
    s = e;
  }
}

/* Word classes of a form at three granularities. */
static size_t class_features(const word_memo *t, uint32_t *f) {
  size_t k = 0;
  if (t->has_class) {
    f[k++] = feature_id(T_CLUSTER, t->cls.coarse, 1);
    f[k++] = feature_id(T_CLUSTER, t->cls.middle, 2);
    f[k++] = feature_id(T_CLUSTER, t->cls.fine, 3);
  } else {
    f[k++] = feature_id(T_CLUSTER, 0, 0);
  }
  return k;
}

/* One feature per flag of each list, at most ND_GAZ_NFLAGS each. */
static size_t flag_features(uint32_t tmpl, unsigned flags, uint64_t ctx, uint32_t *f) {
  size_t k = 0;
  for (unsigned bit = 0; flags; bit++, flags >>= 1)
    if (flags & 1) f[k++] = feature_id(tmpl, bit, ctx);
  return k;
}

/* Gazetteer evidence of token i in context: its lists crossed with its
** capitalization, and the entries it begins or continues. (The lists of
** its neighbours, a title before a name or a company suffix after one, are
** neighbour features.) */
static size_t gaz_features(const nd_ner_doc *d, size_t a, size_t i, uint32_t *f) {
  const tok_detail *t = &d->detail[i - a];
  size_t k = 0;
  k += flag_features(T_GAZ_WORD_CAP, form_at(d, a, i)->gaz_word, d->cap[i] * 2 + d->first[i],
                     f + k);
  k += flag_features(T_GAZ_BEGIN, t->gaz_begin, 0, f + k);
  k += flag_features(T_GAZ_INSIDE, t->gaz_inside, 0, f + k);
  return k;
}

/* What the word at j (or, outside [a, b), the sentence's edge) tells the
** token at j - dx, dx in -2..2 but 0: its lower-case form and short shape
** at that offset; next to it also its word class and lists. These depend on
** the form and dx alone, so the tagger sums them once per form. */
static size_t neighbour_features(const nd_ner_doc *d, size_t a, size_t b, long j, int dx,
                                 uint32_t *f) {
  size_t k = 0;
  if (j < (long)a || j >= (long)b) {
    uint64_t edge = j < (long)a ? 11 : 13;
    f[k++] = feature_id(T_LOWER_AT, edge, (uint64_t)(dx + 2));
    f[k++] = feature_id(T_SHORT_AT, edge, (uint64_t)(dx + 2));
    return k;
  }
  const word_memo *w = form_at(d, a, (size_t)j);
  f[k++] = feature_id(T_LOWER_AT, d->lower[j], (uint64_t)(dx + 2));
  f[k++] = feature_id(T_SHORT_AT, w->shortshape, (uint64_t)(dx + 2));
  if (dx == -1 || dx == 1) {
    if (w->has_class) f[k++] = feature_id(T_CLUSTER_AT, w->cls.middle, dx == 1);
    k += flag_features(dx == -1 ? T_GAZ_PREV : T_GAZ_NEXT, w->gaz_word, 0, f + k);
  }
  return k;
}

size_t nd_ner_near_features(nd_ner_doc *d, size_t a, size_t b, size_t i, int which,
                            uint32_t *f) {
  int dx = nd_ner_near_dx(which);
  return neighbour_features(d, a, b, (long)i, dx, f);
}

size_t nd_ner_edge_features(nd_ner_doc *d, int which, uint32_t *f) {
  int dx = nd_ner_near_dx(which);
  /* An empty sentence at 1: left of it is 0, right of it 1. */
  return neighbour_features(d, 1, 1, dx < 0 ? 0 : 1, dx, f);
}

/* Room for one more token's features in out; -1 on OOM. */
static int feats_reserve(nd_ner_feats *out) {
  if (out->cap - out->n >= ND_NER_MAXF) return 0;
  size_t cap = out->cap * 2 + ND_NER_MAXF * 8;
  uint32_t *p = nd_realloc(out->id, cap * sizeof(uint32_t));
  if (!p) return -1;
  out->id = p;
  out->cap = cap;
  return 0;
}

int nd_ner_sentence_features(nd_ner_doc *d, size_t a, size_t b, int pass, int what,
                             nd_ner_feats *out, size_t *off) {
  size_t m = b - a;
  if (m > d->detail_cap) {
    tok_detail *p = nd_realloc(d->detail, m * sizeof(*p));
    if (p) d->detail = p;
    nd_gaz_tok *g = nd_realloc(d->gaz_tok, m * sizeof(*g));
    if (g) d->gaz_tok = g;
    unsigned *gb = nd_realloc(d->gaz_begin, m * sizeof(unsigned));
    if (gb) d->gaz_begin = gb;
    unsigned *gi = nd_realloc(d->gaz_inside, m * sizeof(unsigned));
    if (gi) d->gaz_inside = gi;
    if (!p || !g || !gb || !gi) return -1;
    d->detail_cap = m;
  }
  for (size_t i = a; i < b; i++) {
    tok_detail *t = &d->detail[i - a];
    const char *s = d->text + d->tok[i].start;
    size_t n = d->tok[i].len;
    t->word = hash_bytes(s, n, HASH0);
    int fresh;
    t->form = memo_find(d, t->word, &fresh);
    if (t->form == (size_t)-1) return -1;
    word_memo *w = memo_at(d, t->form);
    if (fresh && d->cache) {
      const word_memo *c = cache_get(d->cache, w->key);
      if (c) {
        *w = *c;
        w->sums.filled = FROM_CACHE;
        fresh = 0; /* all known, sums included */
      }
    }
    if (what == ND_NER_ALL || !w->sums.filled) form_detail(s, n, &t->shape);
    if (fresh) {
      w->shortshape = t->shape.shortshape;
      w->gaz_raw = nd_gaz_word_raw(s, n, d->gaz_fold, &w->gaz_capital);
      w->gaz_word = nd_gaz_visible(w->gaz_raw, w->gaz_capital) & GAZ_USED;
      w->has_class = nd_word_cluster(s, n, &w->cls);
    }
    /* The word's own lookup is known: phrases need only those that begin one. */
    d->gaz_tok[i - a] = (nd_gaz_tok){s, n, 1, w->gaz_capital, w->gaz_raw};
  }
  if (d->cache)
    nd_gaz_sentence_memo(d->gaz_tok, m, &d->cache->phrases, d->gaz_begin, d->gaz_inside);
  else
    nd_gaz_sentence_fold(d->gaz_tok, m, d->gaz_fold, d->gaz_begin, d->gaz_inside);
  cap_runs(d, a, b);
  for (size_t i = a; i < b; i++) {
    tok_detail *t = &d->detail[i - a];
    t->gaz_begin = d->gaz_begin[i - a] & GAZ_USED;
    t->gaz_inside = d->gaz_inside[i - a] & GAZ_USED;
  }
  off[0] = out->n;
  for (size_t i = a; i < b; i++) {
    tok_detail *t = &d->detail[i - a];
    const word_memo *fw = memo_at(d, t->form);
    if (feats_reserve(out)) return -1;
    uint32_t *f = out->id + out->n;
    size_t c = 0;
    uint64_t ctx = (uint64_t)d->cap[i] * 8 + d->line[i] * 2 + d->first[i];
    if (what == ND_NER_ALL || !fw->sums.filled) {
      const form_shape *sh = &t->shape;
      f[c++] = feature_id(T_BIAS, 0, 0);
      f[c++] = feature_id(T_WORD, t->word, 0);
      f[c++] = feature_id(T_LOWER, d->lower[i], 0);
      for (int x = 0; x < 4; x++) {
        if (sh->prefix[x]) f[c++] = feature_id(T_PREFIX, sh->prefix[x], (uint64_t)x);
        if (sh->suffix[x]) f[c++] = feature_id(T_SUFFIX, sh->suffix[x], (uint64_t)x);
      }
      f[c++] = feature_id(T_SHAPE, sh->shape, 0);
      f[c++] = feature_id(T_SHORT, fw->shortshape, 0);
      c += class_features(fw, f + c);
      c += flag_features(T_GAZ_WORD, fw->gaz_word, 0, f + c);
    }
    t->nword = (unsigned char)c; /* the form's own features end here */
    f[c++] = feature_id(T_CAPCTX, ctx, 0);
    if (d->line[i]) f[c++] = feature_id(T_WORDLINE, d->lower[i], d->line[i]);
    f[c++] = feature_id(T_CAPRUN, t->caprun, d->line[i]);
    if (what == ND_NER_ALL)
      for (int x = 0; x < ND_NER_NEAR; x++)
        c += neighbour_features(d, a, b, (long)i + nd_ner_near_dx(x), nd_ner_near_dx(x), f + c);
    f[c++] = feature_id(T_BIGRAM_L, lower_at(d, a, b, i, -1), d->lower[i]);
    f[c++] = feature_id(T_BIGRAM_R, d->lower[i], lower_at(d, a, b, i, 1));
    f[c++] = feature_id(T_SHAPE3, short_at(d, a, b, i, -1) * 31 + fw->shortshape,
                        short_at(d, a, b, i, 1));
    if (d->cap[i] != CAP_NONE && d->cap[i] != CAP_LOWER) {
      form_stat *s = form_get(d, d->lower[i]);
      uint64_t seen = !s ? 0 : (s->lower ? 1 : 0) + (s->cap_inside > (!d->first[i] && !d->line[i]) ? 2 : 0);
      f[c++] = feature_id(T_SEEN, seen, ctx);
    }
    c += gaz_features(d, a, i, f + c);
    if (pass == 2) c += nd_ner_doc_features(d, i, f + c);
    out->n += c;
    off[i - a + 1] = out->n;
  }
  return 0;
}
