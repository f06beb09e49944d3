/*
** Named entities: a learned sequence tagger over nd_tokenize tokens.
**
** The tagger is an averaged perceptron over BIO tags of the CoNLL-2003
** classes (PER, ORG, LOC, MISC) with first-order Viterbi decoding, run
** twice over a document: the second pass sees, for each word, the labels the
** first pass gave the same word elsewhere in the document. Features are
** hashed to 32 bits; the model (ext/data/ner.model, built by
** tools/train_ner.c, described in docs/model.md) is linked into the library.
**
**   nd_entities_find   raw text -> entity spans (what news_entities uses)
**   nd_ner_tag         tokens -> tags (evaluation on pre-tokenized text)
**   nd_ner_features    tokens -> feature ids (training)
*/
#ifndef ND_ENTITIES_H
#define ND_ENTITIES_H
#include <stddef.h>
#include <stdint.h>

#include "nd_tokenize.h"

enum { ND_ENT_PER, ND_ENT_ORG, ND_ENT_LOC, ND_ENT_MISC, ND_ENT_TYPES };

/* Tags: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type. */
#define ND_NER_TAGS 9
#define ND_NER_PASSES 2
/* Tags padded to a multiple of the vector width (forward-backward). */
#define ND_NER_LANES 12

/* "PER", "ORG", "LOC", "MISC"; NULL for anything else. */
const char *nd_entity_type_name(int type);

/* ---- model ---------------------------------------------------------------- */

/* A model is a read-only view into its serialized blob (no copy). Layout,
** little-endian, 4-byte aligned:
**   "NDNER\4\0\0", u32 nrows, u32 mask, u32 info_len, f32 wscale[2],
**   f32 temperature, f32 trans[2][10][9] (row 9: start of a sentence),
**   then an open-addressing hash table of mask + 1 slots probed linearly
**   from id & mask, each slot 32 bytes: u32 feature id (0: empty),
**   i8 w[2][9], 10 bytes of zeros; then the info text. An id and its
**   weights share one cache line: a lookup costs at most one trip to
**   memory, and the table (4 MB) is a third smaller than with i16. */
typedef struct nd_ner_slot {
  uint32_t key;
  int8_t w[ND_NER_PASSES * ND_NER_TAGS];
  uint8_t pad[10];
} nd_ner_slot;

typedef struct nd_ner_model {
  uint32_t nrows, mask, info_len;
  const nd_ner_slot *slot; /* 32-byte aligned */
  float wscale[ND_NER_PASSES];
  float temperature; /* divides scores before the forward-backward pass */
  float trans[ND_NER_PASSES][ND_NER_TAGS + 1][ND_NER_TAGS];
  /* exp(trans[1] / temperature), 0 for forbidden transitions and padding:
  ** the forward-backward pass's transition factors, computed at parse. */
  float trans_exp[ND_NER_TAGS + 1][ND_NER_LANES];
  float trans_exp_to[ND_NER_TAGS][ND_NER_LANES]; /* the same by target: [t][p] */
  const char *info;
} nd_ner_model;

#define ND_NER_MAGIC "NDNER\4\0\0"
#define ND_NER_ROW (ND_NER_PASSES * ND_NER_TAGS) /* weights per slot */

/* Parse a blob; returns 0, or -1 when it is not a valid model. */
int nd_ner_model_parse(const void *blob, size_t n, nd_ner_model *m);

/* The linked-in model, or NULL when the library was built without one. */
const nd_ner_model *nd_ner_builtin(void);

/* One line describing the linked-in model ("none" without one). */
const char *nd_ner_model_info(void);

/* ---- tagging -------------------------------------------------------------- */

/* What word forms decide (gazetteer flags, word class, shape, the summed
** weights of their features), kept from one call to the next so that a
** corpus's frequent words are worked out once, not once per article: a
** fixed table of ND_NER_CACHE_SLOTS forms, direct-mapped by the form's
** hash, and a memo of gazetteer phrases, about 5 MB in all. Results are
** the same with or without it. Not safe to share between threads: one per
** connection. NULL on OOM. */
#define ND_NER_CACHE_SLOTS 16384
typedef struct nd_ner_cache nd_ner_cache;
nd_ner_cache *nd_ner_cache_new(void);
void nd_ner_cache_free(nd_ner_cache *c);

/* Tag a document of n tokens of text (tokens carry sentence numbers and
** line starts). tags[n] gets the final tags; conf[n], when not NULL, the
** probability of each token's tag from a forward-backward pass over the
** scores divided by the model's temperature (computed only in sentences
** that have an entity, from the first entity token to the last; 1 elsewhere).
** Returns 0, -1 on OOM. */
int nd_ner_tag(const nd_ner_model *m, const char *text, const nd_token *tok, size_t n,
               unsigned char *tags, float *conf);
/* The same with a cache of word forms (NULL: none); a cache filled with
** another model is emptied first. */
int nd_ner_tag_cached(const nd_ner_model *m, nd_ner_cache *cache, const char *text,
                      const nd_token *tok, size_t n, unsigned char *tags, float *conf);

/* One entity found in raw text. */
typedef struct nd_entity {
  size_t start, len; /* bytes */
  int type;          /* ND_ENT_* */
  size_t sentence;   /* 1-based */
  double score;      /* mean tag probability of the span's tokens, in [0,1] */
  char *canonical;   /* nd_malloc'ed, NUL-terminated */
  char *key;         /* nd_normalize(canonical), nd_malloc'ed */
  size_t canonical_len, key_len;
} nd_entity;

/* Entities of text[0..n) with the built-in model, in text order.
** Returns 0, -1 on OOM. Free with nd_entities_free. */
int nd_entities_find(const char *text, size_t n, nd_entity **out, size_t *count);

/* nd_entities_find with a cache (NULL: none). */
int nd_entities_find_cached(nd_ner_cache *cache, const char *text, size_t n, nd_entity **out,
                            size_t *count);

/* The same computing only what want asks for besides spans, types and
** sentences (a query that reads no score needs no forward-backward pass):
** without ND_ENT_SCORES every score is 0, without ND_ENT_NAMES canonical
** and key are NULL. */
enum { ND_ENT_SCORES = 1, ND_ENT_NAMES = 2, ND_ENT_ALL = 3 };
int nd_entities_find_opts(nd_ner_cache *cache, unsigned want, const char *text, size_t n,
                          nd_entity **out, size_t *count);
void nd_entities_free(nd_entity *e, size_t count);

/* ---- training ------------------------------------------------------------- */

/* Feature ids of each token: token i has feats[off[i] .. off[i+1]).
** tags1 == NULL gives the first-pass features; with the first pass's tags
** of the same tokens it gives the second pass's (first-pass features plus
** document evidence). gaz_fold >= 0 reads the gazetteer's TRAIN_* lists
** built without that fold of train.txt (nd_gaz_*_fold), -1 the full lists.
** *feats (NULL without features) and *off are nd_malloc'ed. Returns 0, -1 OOM. */
int nd_ner_features(const char *text, const nd_token *tok, size_t n, const unsigned char *tags1,
                    int gaz_fold, uint32_t **feats, size_t **off);

/* May tag j follow tag i (i == ND_NER_TAGS: sentence start)? O and B-X
** follow anything, I-X only B-X or I-X. */
static inline int nd_ner_allowed(int i, int j) {
  if (j == 0 || (j & 1)) return 1;
  return i != ND_NER_TAGS && i != 0 && (i - 1) / 2 == (j - 1) / 2;
}

/* Viterbi over per-token scores emit[n][9] with transitions trans[10][9]
** (row 9: sentence start); allowed BIO transitions only. Returns 0, -1 on
** OOM. */
int nd_ner_viterbi(const float *emit, size_t n, const float trans[ND_NER_TAGS + 1][ND_NER_TAGS],
                    unsigned char *tags);

/* Weights of feature id in both passes (2 x 9 quantized values, then the
** slot's zero padding), or NULL. Inline: the tagger calls it ~35 times a
** token. */
static inline const int8_t *nd_ner_model_row(const nd_ner_model *m, uint32_t id) {
  for (uint32_t h = id & m->mask;; h = (h + 1) & m->mask) {
    uint32_t k = m->slot[h].key;
    if (k == id && id) return m->slot[h].w;
    if (k == 0) return NULL;
  }
}
/* Start loading the slot of feature id into the cache. */
void nd_ner_model_prefetch(const nd_ner_model *m, uint32_t id);

/* ---- inside the engine (ext/ner_*.c) --------------------------------------- */

/* Most features of one token. */
#define ND_NER_MAXF 192

/* Document statistics the features need: per token its lower-case form
** hash, capitalization class and line style; per distinct word form how it
** is written across the document and, after nd_ner_doc_add_tags, the
** first pass's labels of its capitalized occurrences. */
typedef struct nd_ner_doc nd_ner_doc;
nd_ner_doc *nd_ner_doc_new(const char *text, const nd_token *tok, size_t n);
/* Read and fill cache (for model m) as forms are met; runtime only (the
** built-in gazetteer lists, not a training fold). */
void nd_ner_doc_use_cache(nd_ner_doc *d, nd_ner_cache *cache, const nd_ner_model *m);
/* Store the forms whose sums were filled into the cache. */
void nd_ner_doc_keep(nd_ner_doc *d);
void nd_ner_doc_add_tags(nd_ner_doc *d, const unsigned char *tags1); /* kept, not copied */
void nd_ner_doc_free(nd_ner_doc *d);
/* Training only: which fold's TRAIN_* gazetteer lists to read (see
** nd_ner_features). */
void nd_ner_doc_set_fold(nd_ner_doc *d, int fold);

/* Summed weights (both passes) of what a word form decides, kept per
** distinct form of a document and filled by the tagger at its first
** occurrence: the form's own features, and the features it gives the token
** it is the neighbour of, at offsets -2, -1, +1, +2 (ND_NER_NEAR). The sums
** of at most ND_NER_MAXF values within +-127 fit in 16 bits. */
#define ND_NER_NEAR 4
static inline int nd_ner_near_dx(int which) { return which < 2 ? which - 2 : which - 1; }
#define ND_NER_ROW_PAD 24 /* ND_NER_ROW rounded up to the vector width: loops vectorize */
typedef struct nd_ner_form_sums {
  int filled;
  int16_t self[ND_NER_ROW_PAD];
  int16_t near[ND_NER_NEAR][ND_NER_ROW_PAD];
} nd_ner_form_sums;

/* Which features nd_ner_sentence_features lists. */
enum {
  ND_NER_ALL,     /* every feature (training) */
  ND_NER_UNSHARED /* none of those in filled form sums: a form's own features
                  ** only while its sums are not filled, no neighbour ones */
};

/* A growing list of feature ids (nd_malloc'ed id). */
typedef struct nd_ner_feats {
  uint32_t *id;
  size_t n, cap;
} nd_ner_feats;

/* Appends the features of the sentence tok[a..b) to out: token i's are
** out->id[off[i-a] .. off[i-a+1]) (off[0] = out->n on entry). pass 2 adds
** the document evidence recorded by nd_ner_doc_add_tags; what is
** ND_NER_ALL or ND_NER_UNSHARED. Returns 0, -1 on OOM. */
int nd_ner_sentence_features(nd_ner_doc *d, size_t a, size_t b, int pass, int what,
                             nd_ner_feats *out, size_t *off);

/* After nd_ner_sentence_features(d, a, b, ...): the sums of token i's
** form; its first *nword features listed are the form's own. */
nd_ner_form_sums *nd_ner_token_sums(nd_ner_doc *d, size_t a, size_t i, size_t *nword);

/* The features token i of the sentence [a, b) gives the token it is the
** neighbour of at offset nd_ner_near_dx(which), and those the sentence's
** edge gives there; return their count. */
size_t nd_ner_near_features(nd_ner_doc *d, size_t a, size_t b, size_t i, int which,
                            uint32_t *f);
size_t nd_ner_edge_features(nd_ner_doc *d, int which, uint32_t *f);

/* The document-evidence features of token i alone (the second pass's
** features are the first pass's plus these); returns their count. */
size_t nd_ner_doc_features(nd_ner_doc *d, size_t i, uint32_t *f);

#endif
