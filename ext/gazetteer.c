/*
** Gazetteer lookups (include/nd_gazetteer.h) over the linked-in table.
**
** The table, ext/data/gazetteer.bin, is written by tools/build-gazetteers.py
** and read in place (all integers little-endian):
**
**   0   "NDGAZ\1\0\0"   magic
**   8   u32 nslots      a power of two
**   12  u32 nentries
**   16  u32 pool_bytes
**   20  u32 reserved
**   24  nslots x { u32 key_offset (0xFFFFFFFF = empty), u32 flags }
**   ..  pool: per key, u8 length then the folded key bytes
**
** Open addressing with linear probing on the 32-bit FNV-1a hash of the
** folded key. A key is the case-folded text of one entry, its tokens joined
** by one space. Besides the list bits, ND_GAZ_PREFIX_BIT marks a key that is
** the first tokens of a longer entry, so phrase matching stops as soon as no
** longer entry can match. ext/data/gazetteer.folds has the same layout (magic
** "NDGZF\1\0\0") for the cross-validated TRAIN_* lists.
*/
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_gazetteer.h"
#include "nd_utf8.h"

#define ND_GAZ_EMPTY 0xFFFFFFFFu
#define ND_GAZ_HEADER 24
#define ND_GAZ_KEY_MAX 255

extern const unsigned char nd_gazetteer_blob[], nd_gazetteer_blob_end[];
extern const unsigned char nd_gazetteer_folds[], nd_gazetteer_folds_end[];

/* The two tables: the lists, and the TRAIN_* lists of each cross-validation
** fold (ext/data/gazetteer.folds: bit fold * 4 + type, types in the order
** PER ORG LOC MISC, and ND_GAZ_PREFIX_BIT). */
typedef struct gaz_table {
  const unsigned char *start, *end;
  const char *magic;
} gaz_table;

static const gaz_table lists_table = {nd_gazetteer_blob, nd_gazetteer_blob_end, "NDGAZ\1\0\0"};
static const gaz_table folds_table = {nd_gazetteer_folds, nd_gazetteer_folds_end, "NDGZF\1\0\0"};

static const char *const flag_names[ND_GAZ_NFLAGS] = {
    "COUNTRY",  "CITY",   "REGION",   "NATIONALITY", "FIRST_NAME", "LAST_NAME",
    "PERSON",   "ORG",    "ORG_SUFFIX", "ORG_CUE",   "PERSON_CUE", "LOC_CUE",
    "MISC",     "COMMON", "PROPER",   "TIME",        "LOCATION",   "CURRENCY",
    "TRAIN_PER", "TRAIN_ORG", "TRAIN_LOC", "TRAIN_MISC",
};

const char *nd_gaz_flag_name(unsigned bit) { return bit < ND_GAZ_NFLAGS ? flag_names[bit] : NULL; }

static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A table is valid when its magic and sizes agree with the linked blob;
** a malformed blob makes every lookup miss rather than read out of bounds. */
static int table(const gaz_table *t, uint32_t *nslots, const unsigned char **slots,
                 const unsigned char **pool, uint32_t *pool_bytes) {
  size_t size = (size_t)(t->end - t->start);
  if (size < ND_GAZ_HEADER || memcmp(t->start, t->magic, 8) != 0) return 0;
  uint32_t ns = get_u32(t->start + 8), pb = get_u32(t->start + 16);
  if (ns == 0 || (ns & (ns - 1)) != 0 || (size - ND_GAZ_HEADER) / 8 < ns ||
      size - ND_GAZ_HEADER - (size_t)ns * 8 < pb)
    return 0;
  *nslots = ns;
  *slots = t->start + ND_GAZ_HEADER;
  *pool = *slots + (size_t)ns * 8;
  *pool_bytes = pb;
  return 1;
}

static uint32_t fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* Value stored in table t for the folded key k[0..n), 0 when absent. */
static unsigned lookup_in(const gaz_table *t, const char *k, size_t n) {
  uint32_t nslots, pool_bytes;
  const unsigned char *slots, *pool;
  if (n == 0 || n > ND_GAZ_KEY_MAX || !table(t, &nslots, &slots, &pool, &pool_bytes)) return 0;
  uint32_t mask = nslots - 1;
  for (uint32_t i = fnv1a(k, n) & mask, probes = 0; probes < nslots; i = (i + 1) & mask, probes++) {
    uint32_t off = get_u32(slots + (size_t)i * 8);
    if (off == ND_GAZ_EMPTY) return 0;
    if (off < pool_bytes && pool[off] == n && (size_t)off + 1 + n <= pool_bytes &&
        memcmp(pool + off + 1, k, n) == 0)
      return get_u32(slots + (size_t)i * 8 + 4);
  }
  return 0;
}

/* Flags of the folded key k[0..n), including ND_GAZ_PREFIX_BIT; with
** fold >= 0 the TRAIN_* bits come from that fold's lists. */
static unsigned lookup(const char *k, size_t n, int fold) {
  unsigned f = lookup_in(&lists_table, k, n);
  if (fold < 0 || fold >= ND_GAZ_FOLDS) return f;
  unsigned v = lookup_in(&folds_table, k, n);
  unsigned train = ((v >> (4 * fold)) & 0xFu) * ND_GAZ_TRAIN_PER;
  return (f & ~ND_GAZ_TRAIN_ALL) | train | (v & ND_GAZ_PREFIX_BIT);
}

/* Append the case-folded w[0..n) to out[*len..ND_GAZ_KEY_MAX); returns 0
** when it does not fit. Folding is utf8proc's simple lower case, with the
** typographic apostrophes and hyphens read as ASCII (the builder folds the
** same way). Sets *capital when a letter changed. */
static int fold_append(const char *w, size_t n, char *out, size_t *len, int *capital) {
  const unsigned char *s = (const unsigned char *)w;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    if (s[i] < 0x80) {
      cp = s[i];
      if (cp >= 'A' && cp <= 'Z') {
        cp += 32;
        *capital = 1;
      }
      i++;
    } else {
      i += nd_utf8_decode(s + i, n - i, &cp);
      if (cp == 0x2019 || cp == 0x02BC) {
        cp = '\'';
      } else if (cp == 0x2010 || cp == 0x2011) {
        cp = '-';
      } else {
        int32_t low = utf8proc_tolower(cp);
        if (low != cp) *capital = 1;
        cp = low;
      }
    }
    char enc[4];
    size_t m = nd_utf8_encode(cp, enc);
    if (*len + m > ND_GAZ_KEY_MAX) return 0;
    memcpy(out + *len, enc, m);
    *len += m;
  }
  return 1;
}

/* Names need a capital somewhere: "who" is not the WHO. */
static unsigned visible(unsigned flags, int capital) {
  return flags & (capital ? ND_GAZ_ALL : ND_GAZ_CASELESS);
}

unsigned nd_gaz_visible(unsigned raw, int capital) { return visible(raw, capital); }

unsigned nd_gaz_word_raw(const char *w, size_t n, int fold, int *capital) {
  char key[ND_GAZ_KEY_MAX];
  size_t len = 0;
  *capital = 0;
  if (!w || !fold_append(w, n, key, &len, capital)) return 0;
  return lookup(key, len, fold);
}

unsigned nd_gaz_word_fold(const char *w, size_t n, int fold) {
  int capital;
  unsigned raw = nd_gaz_word_raw(w, n, fold, &capital);
  return visible(raw, capital);
}

unsigned nd_gaz_word(const char *w, size_t n) { return nd_gaz_word_fold(w, n, -1); }

/* lookup() of a key of two or more tokens through the memo, if any. */
static unsigned lookup_memo(const char *k, size_t n, int fold, nd_gaz_memo *memo) {
  if (!memo || fold >= 0) return lookup(k, n, fold);
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
  size_t at = (size_t)(h ^ (h >> 29)) & (ND_GAZ_MEMO_SLOTS - 1);
  uint64_t bit = 1ull << (at % 64);
  if ((memo->used[at / 64] & bit) && memo->slot[at].hash == h) return memo->slot[at].flags;
  unsigned f = lookup(k, n, fold);
  memo->used[at / 64] |= bit;
  memo->slot[at].hash = h;
  memo->slot[at].flags = f;
  return f;
}

void nd_gaz_memo_clear(nd_gaz_memo *memo) { memset(memo->used, 0, sizeof(memo->used)); }

static size_t phrase(const nd_gaz_tok *tok, size_t ntok, size_t i, int fold, nd_gaz_memo *memo,
                     unsigned *flags) {
  char key[ND_GAZ_KEY_MAX];
  size_t len = 0, best = 0;
  int capital = 0;
  *flags = 0;
  if (i < ntok && tok[i].known && !(tok[i].raw & ND_GAZ_PREFIX_BIT)) {
    *flags = visible(tok[i].raw, tok[i].capital);
    return *flags ? 1 : 0;
  }
  for (size_t j = i; j < ntok && j - i < ND_GAZ_MAX_TOKENS; j++) {
    if (tok[j].n == 0 || !tok[j].s) break;
    if (j > i) {
      if (len + 1 > ND_GAZ_KEY_MAX) break;
      key[len++] = ' ';
    }
    if (!fold_append(tok[j].s, tok[j].n, key, &len, &capital)) break;
    unsigned f = j > i          ? lookup_memo(key, len, fold, memo)
                 : tok[i].known ? tok[i].raw
                                : lookup(key, len, fold);
    if (visible(f, capital)) {
      best = j - i + 1;
      *flags = visible(f, capital);
    }
    if (!(f & ND_GAZ_PREFIX_BIT)) break;
  }
  return best;
}

size_t nd_gaz_phrase_fold(const nd_gaz_tok *tok, size_t ntok, size_t i, int fold, unsigned *flags) {
  return phrase(tok, ntok, i, fold, NULL, flags);
}

size_t nd_gaz_phrase(const nd_gaz_tok *tok, size_t ntok, size_t i, unsigned *flags) {
  return nd_gaz_phrase_fold(tok, ntok, i, -1, flags);
}

static void sentence(const nd_gaz_tok *tok, size_t ntok, int fold, nd_gaz_memo *memo,
                     unsigned *begin, unsigned *inside) {
  for (size_t i = 0; i < ntok; i++) begin[i] = inside[i] = 0;
  for (size_t i = 0; i < ntok; i++) {
    unsigned f;
    size_t len = phrase(tok, ntok, i, fold, memo, &f);
    begin[i] |= f;
    for (size_t j = i + 1; j < i + len; j++) inside[j] |= f;
  }
}

void nd_gaz_sentence_fold(const nd_gaz_tok *tok, size_t ntok, int fold, unsigned *begin, unsigned *inside) {
  sentence(tok, ntok, fold, NULL, begin, inside);
}

void nd_gaz_sentence_memo(const nd_gaz_tok *tok, size_t ntok, nd_gaz_memo *memo, unsigned *begin,
                          unsigned *inside) {
  sentence(tok, ntok, -1, memo, begin, inside);
}

void nd_gaz_sentence(const nd_gaz_tok *tok, size_t ntok, unsigned *begin, unsigned *inside) {
  nd_gaz_sentence_fold(tok, ntok, -1, begin, inside);
}
