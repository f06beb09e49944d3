/*
** train_ner: trains the entity model ext/data/ner.model (see docs/model.md).
**
**   train_ner TRAIN.txt DEV.txt OUT.model [max-epochs [seed]]
**
** Two averaged perceptrons (each the mean of three trained on different
** sentence orders) over BIO tags with first-order Viterbi, on the
** features the runtime computes (this tool links the engine archive, so
** training and tagging share one feature function):
**   1. pass 1 (local features) is trained on TRAIN for up to max-epochs
**      epochs; the epoch count with the best dev F1 is kept;
**   2. TRAIN is re-tagged by pass 1 in 5 folds (each fold by a model
**      trained on the other four), so that the second pass learns from
**      first-pass tags as noisy as they are on unseen text; dev is tagged by
**      the full pass-1 model;
**   3. pass 2 (local + document evidence) is trained the same way, its
**      epoch count again chosen on dev;
**   4. weights are quantized to int8 with one scale per pass, features
**      whose weights all round to zero are dropped, and the temperature of
**      the confidence scores is chosen on dev (least squared error between
**      span scores and span correctness);
**   5. the blob is written and re-read through the runtime (nd_ner_tag),
**      whose dev scores are printed: what the library will do.
** Deterministic: fixed shuffling seed, fixed order, no threads.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eval_ner.h"
#include "nd_entities.h"
#include "nd_gazetteer.h"

#define FOLDS 5
#define T ND_NER_TAGS

/* ---- dense feature ids --------------------------------------------------- */

typedef struct feat_map {
  uint32_t *key; /* hashed id */
  int32_t *val;  /* dense id, -1 empty */
  size_t mask, n;
  uint32_t *ids; /* dense id -> hashed id */
  size_t ids_cap;
} feat_map;

static void map_init(feat_map *m) {
  m->mask = (1u << 22) - 1;
  m->key = calloc(m->mask + 1, sizeof(uint32_t));
  m->val = malloc((m->mask + 1) * sizeof(int32_t));
  memset(m->val, 0xff, (m->mask + 1) * sizeof(int32_t));
  m->n = 0;
  m->ids = NULL;
  m->ids_cap = 0;
}

static void map_grow(feat_map *m);

static int32_t map_get(feat_map *m, uint32_t k, int insert) {
  size_t h = (k * 2654435761u) & m->mask;
  while (m->val[h] >= 0) {
    if (m->key[h] == k) return m->val[h];
    h = (h + 1) & m->mask;
  }
  if (!insert) return -1;
  if (m->n == m->ids_cap) {
    m->ids_cap = m->ids_cap ? m->ids_cap * 2 : 1 << 16;
    m->ids = xrealloc(m->ids, m->ids_cap * sizeof(uint32_t));
  }
  m->key[h] = k;
  m->val[h] = (int32_t)m->n;
  m->ids[m->n] = k;
  m->n++;
  if (m->n * 2 > m->mask) map_grow(m);
  return (int32_t)(m->n - 1);
}

static void map_grow(feat_map *m) {
  size_t old = m->mask + 1;
  uint32_t *key = m->key;
  int32_t *val = m->val;
  m->mask = old * 2 - 1;
  m->key = calloc(m->mask + 1, sizeof(uint32_t));
  m->val = malloc((m->mask + 1) * sizeof(int32_t));
  memset(m->val, 0xff, (m->mask + 1) * sizeof(int32_t));
  for (size_t i = 0; i < old; i++) {
    if (val[i] < 0) continue;
    size_t h = (key[i] * 2654435761u) & m->mask;
    while (m->val[h] >= 0) h = (h + 1) & m->mask;
    m->key[h] = key[i];
    m->val[h] = val[i];
  }
  free(key);
  free(val);
}

/* ---- per-document features ----------------------------------------------- */

typedef struct doc_feats {
  int32_t *x; /* dense ids, -1 unknown */
  size_t *off;
} doc_feats;

/* Document d of the training set is a copy of original document origin[d]
** (the file's own documents first, then the Title Case copies): its fold,
** for the gazetteer's TRAIN_* lists and for cross-validation. */
static size_t *origin;
static int fold_of(size_t d) { return (int)(origin[d] % FOLDS); }

/* Features of every document; with folds, a document reads the gazetteer's
** TRAIN_* lists built without its fold. */
static void extract(const conll_set *set, const unsigned char *const *tags1, feat_map *map,
                    int insert, int folds, doc_feats *out) {
  for (size_t d = 0; d < set->n; d++) {
    const conll_doc *doc = &set->doc[d];
    uint32_t *f;
    size_t *off;
    int fold = folds ? fold_of(d) : -1;
    if (nd_ner_features(doc->text, doc->tok, doc->n, tags1 ? tags1[d] : NULL, fold, &f, &off)) {
      fprintf(stderr, "out of memory\n");
      exit(2);
    }
    out[d].x = xrealloc(NULL, off[doc->n] * sizeof(int32_t));
    for (size_t k = 0; k < off[doc->n]; k++) out[d].x[k] = map_get(map, f[k], insert);
    out[d].off = off;
    free(f);
  }
}

static void free_feats(doc_feats *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(f[i].x);
    free(f[i].off);
  }
  free(f);
}

/* Headlines of news sites are often in Title Case, CoNLL's in capitals.
** Each training document is added once more with its first sentence (the
** headline) rewritten in Title Case, tags unchanged, so that the tagger
** learns what such a line looks like. */
static void add_title_case_copies(conll_set *set) {
  size_t n = set->n;
  set->doc = xrealloc(set->doc, 2 * n * sizeof(*set->doc));
  origin = xrealloc(NULL, 2 * n * sizeof(size_t));
  for (size_t d = 0; d < n; d++) {
    const conll_doc *src = &set->doc[d];
    conll_doc c = *src;
    c.text = xrealloc(NULL, src->text_len + 1);
    memcpy(c.text, src->text, src->text_len + 1);
    c.tok = xrealloc(NULL, src->n * sizeof(nd_token));
    memcpy(c.tok, src->tok, src->n * sizeof(nd_token));
    c.gold = xrealloc(NULL, src->n);
    memcpy(c.gold, src->gold, src->n);
    for (size_t i = 0; i < c.n && c.tok[i].sentence == c.tok[0].sentence; i++) {
      char *w = c.text + c.tok[i].start;
      for (size_t k = 0; k < c.tok[i].len; k++) {
        char ch = w[k];
        int prev_letter = k > 0 && ((w[k - 1] | 0x20) >= 'a' && (w[k - 1] | 0x20) <= 'z');
        if (ch >= 'A' && ch <= 'Z' && prev_letter) w[k] = (char)(ch + 32);
        else if (ch >= 'a' && ch <= 'z' && !prev_letter) w[k] = (char)(ch - 32);
      }
    }
    set->doc[n + d] = c;
    origin[d] = origin[n + d] = d;
  }
  set->n = 2 * n;
  set->tokens *= 2;
}

/* ---- averaged perceptron -------------------------------------------------- */

typedef struct percep {
  size_t nf;
  float *w, *u;                      /* weights, and their time-weighted updates */
  float tw[T + 1][T], tu[T + 1][T]; /* transitions */
  double c;                          /* update clock */
} percep;

static void percep_init(percep *p, size_t nf) {
  memset(p, 0, sizeof(*p));
  p->nf = nf;
  p->w = calloc(nf * T, sizeof(float));
  p->u = calloc(nf * T, sizeof(float));
  p->c = 1;
}

static void percep_free(percep *p) {
  free(p->w);
  free(p->u);
}

/* Averaged weights: w - u / c. */
typedef struct model_f {
  float *w;
  float trans[T + 1][T];
} model_f;

static void percep_average(const percep *p, model_f *m) {
  m->w = xrealloc(m->w, p->nf * T * sizeof(float));
  for (size_t i = 0; i < p->nf * T; i++) m->w[i] = p->w[i] - p->u[i] / (float)p->c;
  for (int i = 0; i <= T; i++)
    for (int j = 0; j < T; j++) m->trans[i][j] = p->tw[i][j] - p->tu[i][j] / (float)p->c;
}

static void emissions(const float *w, const doc_feats *f, size_t a, size_t b, float *emit) {
  for (size_t i = a; i < b; i++) {
    float *e = emit + (i - a) * T;
    for (int t = 0; t < T; t++) e[t] = 0;
    for (size_t k = f->off[i]; k < f->off[i + 1]; k++) {
      int32_t x = f->x[k];
      if (x < 0) continue;
      const float *r = w + (size_t)x * T;
      for (int t = 0; t < T; t++) e[t] += r[t];
    }
  }
}

/* Sentences as (doc, start, end) for shuffling. */
typedef struct sent_ref {
  uint32_t doc, a, b;
} sent_ref;

static uint64_t rng_seed = 20240601;
static uint32_t rng(uint64_t *state) {
  *state = *state * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(*state >> 33);
}

static size_t max_sentence(const conll_set *set) {
  size_t best = 1;
  for (size_t d = 0; d < set->n; d++)
    for (size_t a = 0; a < set->doc[d].n;) {
      size_t b = a + 1;
      while (b < set->doc[d].n && set->doc[d].tok[b].sentence == set->doc[d].tok[a].sentence) b++;
      if (b - a > best) best = b - a;
      a = b;
    }
  return best;
}

static sent_ref *sentences_of(const conll_set *set, const int *use, size_t *count) {
  sent_ref *s = NULL;
  size_t n = 0, cap = 0;
  for (size_t d = 0; d < set->n; d++) {
    if (use && !use[d]) continue;
    for (size_t a = 0; a < set->doc[d].n;) {
      size_t b = a + 1;
      while (b < set->doc[d].n && set->doc[d].tok[b].sentence == set->doc[d].tok[a].sentence) b++;
      if (n == cap) s = xrealloc(s, (cap = cap ? cap * 2 : 4096) * sizeof(*s));
      s[n++] = (sent_ref){(uint32_t)d, (uint32_t)a, (uint32_t)b};
      a = b;
    }
  }
  *count = n;
  return s;
}

static void train_epoch(percep *p, uint64_t *rng_state, const conll_set *set,
                        const doc_feats *feats, sent_ref *s, size_t ns, float *emit,
                        unsigned char *pred) {
  for (size_t i = ns; i > 1; i--) { /* Fisher-Yates with the fixed generator */
    size_t j = rng(rng_state) % i;
    sent_ref t = s[i - 1];
    s[i - 1] = s[j];
    s[j] = t;
  }
  for (size_t k = 0; k < ns; k++) {
    const conll_doc *d = &set->doc[s[k].doc];
    const doc_feats *f = &feats[s[k].doc];
    size_t a = s[k].a, b = s[k].b, m = b - a;
    emissions(p->w, f, a, b, emit);
    if (nd_ner_viterbi(emit, m, (const float(*)[T])p->tw, pred)) exit(2);
    const unsigned char *gold = d->gold + a;
    int differs = memcmp(pred, gold, m) != 0;
    if (differs) {
      for (size_t i = 0; i < m; i++) {
        int pg = i ? gold[i - 1] : T, pp = i ? pred[i - 1] : T;
        if (pg != pp || gold[i] != pred[i]) {
          p->tw[pg][gold[i]] += 1, p->tu[pg][gold[i]] += (float)p->c;
          p->tw[pp][pred[i]] -= 1, p->tu[pp][pred[i]] -= (float)p->c;
        }
        if (gold[i] == pred[i]) continue;
        for (size_t q = f->off[a + i]; q < f->off[a + i + 1]; q++) {
          int32_t x = f->x[q];
          if (x < 0) continue;
          size_t g = (size_t)x * T + gold[i], r = (size_t)x * T + pred[i];
          p->w[g] += 1, p->u[g] += (float)p->c;
          p->w[r] -= 1, p->u[r] -= (float)p->c;
        }
      }
    }
    p->c += 1;
  }
}

/* Tag docs (use[d] selects; NULL = all) with an averaged model. */
static void tag_set(const model_f *m, const conll_set *set, const doc_feats *feats, const int *use,
                    unsigned char **out, float *emit) {
  for (size_t d = 0; d < set->n; d++) {
    if (use && !use[d]) continue;
    const conll_doc *doc = &set->doc[d];
    for (size_t a = 0; a < doc->n;) {
      size_t b = a + 1;
      while (b < doc->n && doc->tok[b].sentence == doc->tok[a].sentence) b++;
      emissions(m->w, &feats[d], a, b, emit);
      if (nd_ner_viterbi(emit, b - a, (const float(*)[T])m->trans, out[d] + a)) exit(2);
      a = b;
    }
  }
}

static double f1_of(const conll_set *set, unsigned char *const *tags) {
  ner_score s = {0};
  for (size_t d = 0; d < set->n; d++) score_doc(&s, &set->doc[d], tags[d]);
  return score_f1(&s);
}

static unsigned char **alloc_tags(const conll_set *set) {
  unsigned char **t = xrealloc(NULL, set->n * sizeof(*t));
  for (size_t d = 0; d < set->n; d++) t[d] = calloc(set->doc[d].n ? set->doc[d].n : 1, 1);
  return t;
}

static void free_tags(unsigned char **t, size_t n) {
  for (size_t d = 0; d < n; d++) free(t[d]);
  free(t);
}

/* Train on the selected docs for `epochs` epochs (epochs == 0: choose the
** best of 1..max on dev, reported in *best_epochs). ENSEMBLE perceptrons
** that differ only in the order of the sentences are trained side by side
** and their averaged weights averaged again: this removes most of the
** run-to-run spread of a single perceptron (about +-0.002 F1 on dev). */
#define ENSEMBLE 3
static void train(const conll_set *train_set, const doc_feats *tf, const int *use, size_t nf,
                  const conll_set *dev, const doc_feats *df, int max_epochs, int epochs,
                  int *best_epochs, model_f *out, float *emit, unsigned char *pred) {
  percep p[ENSEMBLE];
  uint64_t state[ENSEMBLE];
  size_t ns;
  sent_ref *s[ENSEMBLE];
  for (int k = 0; k < ENSEMBLE; k++) {
    percep_init(&p[k], nf);
    state[k] = rng_seed + (uint64_t)k * 7919;
    s[k] = sentences_of(train_set, use, &ns);
  }
  unsigned char **dt = dev ? alloc_tags(dev) : NULL;
  double best = -1;
  model_f avg = {0}, one = {0};
  int n_epochs = epochs ? epochs : max_epochs;
  for (int e = 1; e <= n_epochs; e++) {
    for (int k = 0; k < ENSEMBLE; k++) train_epoch(&p[k], &state[k], train_set, tf, s[k], ns, emit, pred);
    if (epochs && e < epochs) continue;
    /* The mean of the members' averaged weights. */
    for (int k = 0; k < ENSEMBLE; k++) {
      percep_average(&p[k], &one);
      if (k == 0) {
        avg.w = xrealloc(avg.w, nf * T * sizeof(float));
        memset(avg.w, 0, nf * T * sizeof(float));
        memset(avg.trans, 0, sizeof(avg.trans));
      }
      for (size_t i = 0; i < nf * T; i++) avg.w[i] += one.w[i] / ENSEMBLE;
      for (int i = 0; i <= T; i++)
        for (int j = 0; j < T; j++) avg.trans[i][j] += one.trans[i][j] / ENSEMBLE;
    }
    if (epochs) {
      model_f tmp = *out;
      *out = avg;
      avg = tmp;
      break;
    }
    tag_set(&avg, dev, df, NULL, dt, emit);
    double f = f1_of(dev, dt);
    fprintf(stderr, "  epoch %2d: dev F1 %.4f\n", e, f);
    if (f > best) {
      best = f;
      *best_epochs = e;
      model_f tmp = *out;
      *out = avg;
      avg = tmp;
    }
  }
  free(avg.w);
  free(one.w);
  for (int k = 0; k < ENSEMBLE; k++) {
    free(s[k]);
    percep_free(&p[k]);
  }
  if (dt) free_tags(dt, dev->n);
}

/* ---- the blob ------------------------------------------------------------- */

typedef struct blob {
  unsigned char *p;
  size_t n, cap;
} blob;

static void put(blob *b, const void *p, size_t n) {
  if (b->n + n > b->cap) b->p = xrealloc(b->p, b->cap = (b->n + n) * 2);
  memcpy(b->p + b->n, p, n);
  b->n += n;
}
static void put32(blob *b, uint32_t v) {
  unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  put(b, x, 4);
}
static void putf(blob *b, float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  put32(b, u);
}

static float max_abs(const float *w, size_t n) {
  float m = 0;
  for (size_t i = 0; i < n; i++)
    if (fabsf(w[i]) > m) m = fabsf(w[i]);
  return m;
}

typedef struct row_ref {
  uint32_t id;
  int32_t x;
} row_ref;

static int cmp_row(const void *a, const void *b) {
  uint32_t x = ((const row_ref *)a)->id, y = ((const row_ref *)b)->id;
  return x < y ? -1 : x > y;
}

static blob build_blob(const feat_map *map, const model_f *m1, const model_f *m2, float temp,
                       const char *info) {
  size_t nf = map->n;
  const model_f *ms[2] = {m1, m2};
  float scale[2];
  for (int k = 0; k < 2; k++) {
    scale[k] = max_abs(ms[k]->w, nf * T) / 127.0f;
    if (scale[k] <= 0) scale[k] = 1;
  }
  row_ref *rows = xrealloc(NULL, nf * sizeof(*rows));
  size_t nr = 0;
  for (size_t x = 0; x < nf; x++) {
    int keep = 0;
    for (int k = 0; k < 2 && !keep; k++)
      for (int t = 0; t < T; t++)
        if (lrintf(ms[k]->w[x * T + t] / scale[k]) != 0) keep = 1;
    if (keep && map->ids[x]) rows[nr++] = (row_ref){map->ids[x], (int32_t)x};
  }
  qsort(rows, nr, sizeof(*rows), cmp_row);
  uint32_t mask = 1023;
  while ((mask + 1) * 3 < nr * 4) mask = mask * 2 + 1; /* at most 3/4 full */
  int32_t *slot_row = xrealloc(NULL, ((size_t)mask + 1) * sizeof(int32_t));
  for (size_t i = 0; i <= mask; i++) slot_row[i] = -1;
  for (size_t i = 0; i < nr; i++) {
    uint32_t h = rows[i].id & mask;
    while (slot_row[h] >= 0) h = (h + 1) & mask;
    slot_row[h] = (int32_t)i;
  }
  blob b = {0};
  put(&b, ND_NER_MAGIC, 8);
  put32(&b, (uint32_t)nr);
  put32(&b, mask);
  put32(&b, (uint32_t)strlen(info));
  putf(&b, scale[0]);
  putf(&b, scale[1]);
  putf(&b, temp);
  for (int k = 0; k < 2; k++)
    for (int i = 0; i <= T; i++)
      for (int j = 0; j < T; j++) putf(&b, ms[k]->trans[i][j]);
  while (b.n & 31) put(&b, "", 1);
  for (size_t h = 0; h <= mask; h++) {
    int32_t i = slot_row[h];
    put32(&b, i < 0 ? 0 : rows[i].id);
    signed char x[sizeof(nd_ner_slot) - 4] = {0};
    for (int k = 0; k < 2 && i >= 0; k++)
      for (int t = 0; t < T; t++) {
        long q = lrintf(ms[k]->w[(size_t)rows[i].x * T + t] / scale[k]);
        x[k * T + t] = (signed char)(q > 127 ? 127 : q < -127 ? -127 : q);
      }
    put(&b, x, sizeof(x));
  }
  free(slot_row);
  while (b.n & 3) put(&b, "", 1);
  put(&b, info, strlen(info));
  free(rows);
  return b;
}

/* Tag dev through the runtime; returns F1, and the squared error of span
** scores against span correctness in *brier. */
/* Spans and correct spans by score: < 0.5, 0.5-0.9, >= 0.9. */
static size_t bin_spans[3], bin_correct[3];

static double runtime_dev(const nd_ner_model *m, const conll_set *dev, double *brier,
                          ner_score *score_out) {
  ner_score s = {0};
  memset(bin_spans, 0, sizeof(bin_spans));
  memset(bin_correct, 0, sizeof(bin_correct));
  double err = 0;
  size_t spans = 0;
  for (size_t d = 0; d < dev->n; d++) {
    const conll_doc *doc = &dev->doc[d];
    unsigned char *tags = malloc(doc->n);
    float *conf = malloc(doc->n * sizeof(float));
    if (!tags || !conf || nd_ner_tag(m, doc->text, doc->tok, doc->n, tags, conf)) exit(2);
    score_doc(&s, doc, tags);
    for (size_t i = 0; i < doc->n;) {
      int prev = i && doc->tok[i - 1].sentence == doc->tok[i].sentence ? tags[i - 1] : -1;
      if (!chunk_starts(prev, tags[i])) {
        i++;
        continue;
      }
      size_t j = chunk_end_at(tags, doc->n, i);
      double sc = 0;
      for (size_t k = i; k < j; k++) sc += conf[k];
      sc /= (double)(j - i);
      int gprev = i && doc->tok[i - 1].sentence == doc->tok[i].sentence ? doc->gold[i - 1] : -1;
      int ok = chunk_starts(gprev, doc->gold[i]) && doc->gold[i] == tags[i] &&
               chunk_end_at(doc->gold, doc->n, i) == j;
      err += (sc - ok) * (sc - ok);
      int bin = sc < 0.5 ? 0 : sc < 0.9 ? 1 : 2;
      bin_spans[bin]++;
      bin_correct[bin] += (size_t)ok;
      spans++;
      i = j;
    }
    free(tags);
    free(conf);
  }
  *brier = spans ? err / (double)spans : 0;
  if (score_out) *score_out = s;
  return score_f1(&s);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s TRAIN.txt DEV.txt OUT.model [max-epochs [seed]]\n", argv[0]);
    return 2;
  }
  int max_epochs = argc > 4 ? atoi(argv[4]) : 20;
  if (argc > 5) rng_seed = strtoull(argv[5], NULL, 10);
  clock_t t0 = clock();
  conll_set tr, dev;
  if (conll_read(argv[1], &tr) || conll_read(argv[2], &dev)) {
    fprintf(stderr, "train_ner: cannot read %s or %s\n", argv[1], argv[2]);
    return 2;
  }
  add_title_case_copies(&tr);
  fprintf(stderr, "train: %zu documents, %zu tokens (with Title Case copies); dev: %zu documents, "
          "%zu tokens\n", tr.n, tr.tokens, dev.n, dev.tokens);
  size_t maxs = max_sentence(&tr), maxd = max_sentence(&dev);
  if (maxd > maxs) maxs = maxd;
  float *emit = xrealloc(NULL, maxs * T * sizeof(float));
  unsigned char *pred = xrealloc(NULL, maxs);

  feat_map map;
  map_init(&map);
  doc_feats *tf1 = calloc(tr.n, sizeof(*tf1)), *df1 = calloc(dev.n, sizeof(*df1));
  extract(&tr, NULL, &map, 1, 1, tf1);
  extract(&dev, NULL, &map, 0, 0, df1);
  size_t nf1 = map.n;
  fprintf(stderr, "pass 1: %zu features\n", nf1);

  /* 1. Pass 1 on all of train, epochs chosen on dev. */
  int e1 = 1;
  model_f m1 = {0};
  train(&tr, tf1, NULL, nf1, &dev, df1, max_epochs, 0, &e1, &m1, emit, pred);
  fprintf(stderr, "pass 1: %d epochs\n", e1);

  /* 2. Cross-validated first-pass tags of train; dev tagged by m1. */
  unsigned char **tr_tags1 = alloc_tags(&tr), **dev_tags1 = alloc_tags(&dev);
  int *use = xrealloc(NULL, tr.n * sizeof(int));
  for (int fold = 0; fold < FOLDS; fold++) {
    for (size_t d = 0; d < tr.n; d++) use[d] = fold_of(d) != fold;
    model_f mf = {0};
    int dummy;
    train(&tr, tf1, use, nf1, NULL, NULL, e1, e1, &dummy, &mf, emit, pred);
    for (size_t d = 0; d < tr.n; d++) use[d] = !use[d];
    tag_set(&mf, &tr, tf1, use, tr_tags1, emit);
    free(mf.w);
  }
  fprintf(stderr, "pass 1 cross-validated on train: F1 %.4f\n", f1_of(&tr, tr_tags1));
  tag_set(&m1, &dev, df1, NULL, dev_tags1, emit);
  double f_dev1 = f1_of(&dev, dev_tags1);
  fprintf(stderr, "pass 1 on dev: F1 %.4f\n", f_dev1);
  free_feats(tf1, tr.n);
  free_feats(df1, dev.n);

  /* 3. Pass 2. */
  doc_feats *tf2 = calloc(tr.n, sizeof(*tf2)), *df2 = calloc(dev.n, sizeof(*df2));
  extract(&tr, (const unsigned char *const *)tr_tags1, &map, 1, 1, tf2);
  extract(&dev, (const unsigned char *const *)dev_tags1, &map, 0, 0, df2);
  fprintf(stderr, "pass 2: %zu features\n", map.n);
  m1.w = xrealloc(m1.w, map.n * T * sizeof(float)); /* pass 1 never uses the new ids */
  memset(m1.w + nf1 * T, 0, (map.n - nf1) * T * sizeof(float));
  int e2 = 1;
  model_f m2 = {0};
  train(&tr, tf2, NULL, map.n, &dev, df2, max_epochs, 0, &e2, &m2, emit, pred);
  fprintf(stderr, "pass 2: %d epochs\n", e2);

  /* 4-5. Quantize, pick the temperature, write, check through the runtime. */
  char info[200];
  snprintf(info, sizeof(info),
           "ner 1: averaged perceptron, 2 passes (%d+%d epochs), CoNLL-2003 train", e1, e2);
  double best_brier = 1e9;
  float best_t = 1;
  for (float temp = 0.25f; temp <= 64; temp *= 1.414f) {
    blob b = build_blob(&map, &m1, &m2, temp, info);
    nd_ner_model m;
    if (nd_ner_model_parse(b.p, b.n, &m)) {
      fprintf(stderr, "train_ner: the blob does not parse\n");
      return 1;
    }
    double brier;
    runtime_dev(&m, &dev, &brier, NULL);
    if (brier < best_brier) best_brier = brier, best_t = temp;
    free(b.p);
  }
  blob b = build_blob(&map, &m1, &m2, best_t, info);
  nd_ner_model m;
  nd_ner_model_parse(b.p, b.n, &m);
  double brier;
  ner_score s;
  double f = runtime_dev(&m, &dev, &brier, &s);
  FILE *out = fopen(argv[3], "wb");
  if (!out || fwrite(b.p, 1, b.n, out) != b.n || fclose(out)) {
    fprintf(stderr, "train_ner: cannot write %s\n", argv[3]);
    return 1;
  }
  fprintf(stderr, "model: %u features, %zu bytes, temperature %.3f (span score squared error %.4f)\n",
          m.nrows, b.n, best_t, brier);
  fprintf(stderr, "dev through the runtime: F1 %.4f (pass 1 alone %.4f)\n", f, f_dev1);
  score_print(&s, stderr);
  static const char *const bins[3] = {"< 0.5", "0.5-0.9", ">= 0.9"};
  for (int k = 0; k < 3; k++)
    fprintf(stderr, "spans with score %-7s: %5zu, %.1f%% correct\n", bins[k], bin_spans[k],
            bin_spans[k] ? 100.0 * (double)bin_correct[k] / (double)bin_spans[k] : 0);
  fprintf(stderr, "%.1f s\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
  free(b.p);
  free(m1.w);
  free(m2.w);
  free_feats(tf2, tr.n);
  free_feats(df2, dev.n);
  free_tags(tr_tags1, tr.n);
  free_tags(dev_tags1, dev.n);
  free(use);
  free(emit);
  free(pred);
  conll_free(&tr);
  conll_free(&dev);
  return 0;
}
