/*
** The entity tagger's decoding: two passes of Viterbi over a document, and
** a forward-backward pass that turns the final scores into per-token
** confidences.
**
** How it works: for each sentence, each token's score for each tag is the
** sum of the weights of its features (ext/ner_model.c); Viterbi finds the
** best BIO sequence under the learned transition scores, with I-X allowed
** only after B-X or I-X. The first pass's tags become document evidence for
** the second pass (ext/ner_features.c). Confidence: the scores divided by
** the model's temperature are read as a linear-chain CRF's potentials, and
** the marginal probability of each chosen tag is computed with
** forward-backward.
*/
#include <math.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_entities.h"

#define NEG_INF (-1e30f)

/* Sentences of at most this many tokens (most of them) keep their Viterbi
** and forward-backward tables on the stack, not the heap. */
#define SHORT_SENTENCE 64

int nd_ner_viterbi(const float *emit, size_t n, const float trans[ND_NER_TAGS + 1][ND_NER_TAGS],
                   unsigned char *tags) {
  if (n == 0) return 0;
  enum { T = ND_NER_TAGS };
  float score[T], next[T];
  /* best previous tag; most sentences fit on the stack */
  unsigned char stack_back[SHORT_SENTENCE][T];
  unsigned char(*back)[T] = n <= SHORT_SENTENCE ? stack_back : nd_malloc(n * T);
  if (!back) return -1;
  /* By target tag (tr[t][p]), so each maximum reads one row. */
  float tr[T][T];
  for (int p = 0; p < T; p++)
    for (int t = 0; t < T; t++) tr[t][p] = trans[p][t];
  for (int t = 0; t < T; t++)
    score[t] = (nd_ner_allowed(T, t) ? trans[T][t] : NEG_INF) + emit[t];
  for (size_t i = 1; i < n; i++) {
    const float *e = emit + i * T;
    /* O and B-X may follow any tag: the best of nine (first best wins). */
    for (int t = 0; t < T; t += t ? 2 : 1) {
      float best = score[0] + tr[t][0];
      int arg = 0;
      for (int p = 1; p < T; p++) {
        float v = score[p] + tr[t][p];
        if (v > best) best = v, arg = p;
      }
      next[t] = best + e[t];
      back[i][t] = (unsigned char)arg;
    }
    /* I-X only B-X (t - 1) or I-X (t). */
    for (int t = 2; t < T; t += 2) {
      float from_b = score[t - 1] + tr[t][t - 1], from_i = score[t] + tr[t][t];
      int stay = from_i > from_b;
      next[t] = (stay ? from_i : from_b) + e[t];
      back[i][t] = (unsigned char)(stay ? t : t - 1);
    }
    memcpy(score, next, sizeof(score));
  }
  int best = 0;
  for (int t = 1; t < T; t++)
    if (score[t] > score[best]) best = t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = (unsigned char)best;
    if (i) best = back[i][best];
  }
  if (back != stack_back) nd_free(back);
  return 0;
}

/* conf[i] = marginal probability of tags[i]: forward-backward in
** probability space, each position's vector rescaled to sum 1 (the scales
** cancel in the marginals, and nothing can overflow). Forbidden
** transitions have factor 0, so full products over ND_NER_LANES lanes (the
** tags, then zeros) give the sums over allowed transitions, in loops of a
** length the compiler vectorizes. */
static int confidences(const nd_ner_model *m, const float *emit, size_t n,
                       const unsigned char *tags, float *conf) {
  enum { T = ND_NER_TAGS, L = ND_NER_LANES };
  float stack_alpha[3 * SHORT_SENTENCE * L];
  float *alpha = n <= SHORT_SENTENCE ? stack_alpha : nd_malloc(3 * n * L * sizeof(float));
  if (!alpha) return -1;
  float *beta = alpha + n * L, *pe = beta + n * L;
  float inv = m->temperature > 0 ? 1.0f / m->temperature : 1.0f;
  /* Local copies: the compiler then knows they alias nothing it writes. */
  float pt[T + 1][L], to[T][L];
  memcpy(pt, m->trans_exp, sizeof(pt));
  memcpy(to, m->trans_exp_to, sizeof(to));
  /* Only the tokens of entities are read: forward up to the last of them,
  ** backward down to the first (the marginals there are exact). */
  size_t first = 0, last = n - 1;
  while (first < last && !tags[first]) first++;
  while (last > first && !tags[last]) last--;
  for (size_t i = 0; i < n; i++) {
    const float *e = emit + i * T;
    float top = e[0];
    for (int t = 1; t < T; t++)
      if (e[t] > top) top = e[t];
    for (int t = 0; t < L; t++) pe[i * L + t] = t < T ? expf((e[t] - top) * inv) : 0;
  }
  for (size_t i = 0; i <= last; i++) {
    float *a = alpha + i * L, s[L] = {0}, sum = 0;
    for (int p = 0; p < T; p++) {
      float from = i == 0 ? p == 0 : a[p - L]; /* row T: the sentence start */
      const float *row = pt[i == 0 ? T : p];
      for (int t = 0; t < L; t++) s[t] += from * row[t];
      if (i == 0) break;
    }
    for (int t = 0; t < L; t++) {
      a[t] = s[t] * pe[i * L + t];
      sum += a[t];
    }
    float scale = sum > 0 ? 1 / sum : 0;
    for (int t = 0; t < L; t++) a[t] *= scale;
  }
  for (int t = 0; t < L; t++) beta[(n - 1) * L + t] = 1;
  for (size_t i = n - 1; i-- > first;) {
    float *b = beta + i * L, v[L], sum = 0;
    const float *nb = b + L, *ne = pe + (i + 1) * L;
    for (int t = 0; t < L; t++) v[t] = ne[t] * nb[t];
    for (int p = 0; p < L; p++) b[p] = 0;
    for (int t = 0; t < T; t++)
      for (int p = 0; p < L; p++) b[p] += to[t][p] * v[t];
    for (int p = 0; p < L; p++) sum += b[p];
    float scale = sum > 0 ? 1 / sum : 0;
    for (int p = 0; p < L; p++) b[p] *= scale;
  }
  for (size_t i = first; i <= last; i++) {
    const float *a = alpha + i * L, *b = beta + i * L;
    float z = 0;
    for (int t = 0; t < L; t++) z += a[t] * b[t];
    float p = z > 0 ? a[tags[i]] * b[tags[i]] / z : 0;
    conf[i] = p > 1 ? 1 : p < 0 ? 0 : p;
  }
  if (alpha != stack_alpha) nd_free(alpha);
  return 0;
}

/* Does the sentence have an entity tag? Confidences are read only for
** entity spans, so sentences without one skip forward-backward. */
static int has_entity(const unsigned char *tags, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tags[i]) return 1;
  return 0;
}

typedef struct scratch {
  nd_ner_feats feat; /* of one sentence */
  size_t *off;
  float *emit;
  size_t cap; /* tokens */
} scratch;

static int scratch_reserve(scratch *s, size_t m) {
  s->feat.n = 0;
  if (m <= s->cap) return 0;
  size_t *o = nd_realloc(s->off, (m + 1) * sizeof(size_t));
  if (!o) return -1;
  s->off = o;
  float *e = nd_realloc(s->emit, m * ND_NER_TAGS * sizeof(float));
  if (!e) return -1;
  s->emit = e;
  s->cap = m;
  return 0;
}

/* A row's weights are followed by the zero padding of its slot; summing
** ROW_SPAN values, a multiple of the vector width, lets the compiler add
** whole rows at once. The 16-bit partial sums cannot overflow: at most
** ND_NER_MAXF rows of values within +-127. */
#define ROW_SPAN ND_NER_ROW_PAD
_Static_assert(ROW_SPAN <= sizeof(((nd_ner_slot *)0)->w) + sizeof(((nd_ner_slot *)0)->pad),
               "the span stays inside the slot");
_Static_assert(ND_NER_MAXF * 127 <= 32767, "partial sums fit in 16 bits");

/* acc[ROW_SPAN] += the weights of the n features f (both passes; the
** lanes past ND_NER_ROW get zeros). A token's score sums at most
** ND_NER_MAXF rows, so any part of it fits in 16 bits. */
static void add_rows(const nd_ner_model *m, const uint32_t *f, size_t n, int16_t *acc) {
  int16_t sum[ROW_SPAN] = {0}; /* local: the int8 rows could alias acc */
  for (size_t k = 0; k < n; k++) {
    const int8_t *w = nd_ner_model_row(m, f[k]);
    if (!w) continue;
    for (int t = 0; t < ROW_SPAN; t++) sum[t] = (int16_t)(sum[t] + w[t]);
  }
  for (int t = 0; t < ROW_SPAN; t++) acc[t] = (int16_t)(acc[t] + sum[t]);
}

/* Sums of a form's features into its 16-bit memo row. */
static void sum_into(const nd_ner_model *m, const uint32_t *f, size_t n, int16_t *row) {
  memset(row, 0, ROW_SPAN * sizeof(*row));
  add_rows(m, f, n, row);
}

/* First-pass scores of the sentence tok[a..b) into emit, and the second
** pass's scores of the same (local) features into local2. What a word form
** decides (its own features, and what it tells its neighbours) is summed
** once per document and reused (nd_ner_form_sums); edge[] holds what the
** sentence's edges tell. */
static int local_scores(const nd_ner_model *m, nd_ner_doc *d, size_t a, size_t b,
                        const scratch *s, const int16_t edge[ND_NER_NEAR][ROW_SPAN],
                        float *local2) {
  size_t count = b - a;
  /* The table does not fit in cache: ask for all of the sentence's slots
  ** first, so that the memory loads overlap instead of queueing. */
  const uint32_t *feats = s->feat.id;
  for (size_t k = 0; k < s->off[count]; k++) nd_ner_model_prefetch(m, feats[k]);
  for (size_t i = 0; i < count; i++) {
    size_t nword;
    nd_ner_form_sums *fs = nd_ner_token_sums(d, a, a + i, &nword);
    if (fs->filled) continue;
    uint32_t f[ND_NER_MAXF];
    sum_into(m, feats + s->off[i], nword, fs->self);
    for (int w = 0; w < ND_NER_NEAR; w++)
      sum_into(m, f, nd_ner_near_features(d, a, b, a + i, w, f), fs->near[w]);
    fs->filled = 1;
  }
  for (size_t i = 0; i < count; i++) {
    int16_t acc[ROW_SPAN];
    size_t nword;
    const nd_ner_form_sums *fs = nd_ner_token_sums(d, a, a + i, &nword);
    memcpy(acc, fs->self, sizeof(acc));
    for (int w = 0; w < ND_NER_NEAR; w++) {
      long j = (long)i + nd_ner_near_dx(w);
      size_t unused;
      const int16_t *near = j < 0 || j >= (long)count
                                ? edge[w]
                                : nd_ner_token_sums(d, a, a + (size_t)j, &unused)->near[w];
      for (int t = 0; t < ROW_SPAN; t++) acc[t] = (int16_t)(acc[t] + near[t]);
    }
    size_t k = s->off[i] + nword;
    add_rows(m, feats + k, s->off[i + 1] - k, acc);
    for (int t = 0; t < ND_NER_TAGS; t++) {
      s->emit[i * ND_NER_TAGS + t] = (float)acc[t] * m->wscale[0];
      local2[i * ND_NER_TAGS + t] = (float)acc[ND_NER_TAGS + t] * m->wscale[1];
    }
  }
  return 0;
}

/* Second-pass scores of tok[a..b): local2 plus the document evidence. */
static void doc_scores(const nd_ner_model *m, nd_ner_doc *d, size_t a, size_t b,
                       const float *local2, float *emit) {
  uint32_t f[ND_NER_MAXF];
  for (size_t i = a; i < b; i++) {
    int16_t acc[ROW_SPAN] = {0};
    add_rows(m, f, nd_ner_doc_features(d, i, f), acc);
    for (int t = 0; t < ND_NER_TAGS; t++)
      emit[(i - a) * ND_NER_TAGS + t] =
          local2[i * ND_NER_TAGS + t] + (float)acc[ND_NER_TAGS + t] * m->wscale[1];
  }
}

/* Longest stretch of tokens tagged as one sequence: text with no sentence
** end (a list, a table, a scraped page without punctuation) is cut into
** pieces of this size, so memory per sentence stays bounded. CoNLL's
** longest sentence is far shorter, so training never cuts. */
#define MAX_SEQUENCE 512

/* End of the sentence that starts at token a. */
static size_t sentence_end(const nd_token *tok, size_t n, size_t a) {
  size_t b = a + 1;
  while (b < n && b - a < MAX_SEQUENCE && tok[b].sentence == tok[a].sentence) b++;
  return b;
}

int nd_ner_tag(const nd_ner_model *m, const char *text, const nd_token *tok, size_t n,
               unsigned char *tags, float *conf) {
  return nd_ner_tag_cached(m, NULL, text, tok, n, tags, conf);
}

int nd_ner_tag_cached(const nd_ner_model *m, nd_ner_cache *cache, const char *text,
                      const nd_token *tok, size_t n, unsigned char *tags, float *conf) {
  memset(tags, 0, n);
  if (conf)
    for (size_t i = 0; i < n; i++) conf[i] = 1;
  if (!m || n == 0) return 0;
  nd_ner_doc *d = nd_ner_doc_new(text, tok, n);
  unsigned char *tags1 = nd_malloc(n);
  float *local2 = nd_malloc(n * ND_NER_TAGS * sizeof(float));
  scratch s = {0};
  int rc = (!d || !tags1 || !local2) ? -1 : 0;
  if (rc == 0) nd_ner_doc_use_cache(d, cache, m);
  int16_t edge[ND_NER_NEAR][ROW_SPAN] = {{0}};
  for (int w = 0; w < ND_NER_NEAR && rc == 0; w++) {
    uint32_t f[ND_NER_MAXF];
    add_rows(m, f, nd_ner_edge_features(d, w, f), edge[w]);
  }
  /* Pass 1; the local features' second-pass weights are read at the same
  ** time, so each feature is looked up once. */
  for (size_t a = 0; a < n && rc == 0;) {
    size_t b = sentence_end(tok, n, a);
    if (scratch_reserve(&s, b - a) ||
        nd_ner_sentence_features(d, a, b, 1, ND_NER_UNSHARED, &s.feat, s.off) ||
        local_scores(m, d, a, b, &s, (const int16_t(*)[ROW_SPAN])edge, local2 + a * ND_NER_TAGS) ||
        nd_ner_viterbi(s.emit, b - a, m->trans[0], tags1 + a))
      rc = -1;
    a = b;
  }
  if (rc == 0) nd_ner_doc_add_tags(d, tags1);
  for (size_t a = 0; a < n && rc == 0;) {
    size_t b = sentence_end(tok, n, a);
    doc_scores(m, d, a, b, local2, s.emit);
    if (nd_ner_viterbi(s.emit, b - a, m->trans[1], tags + a) ||
        (conf && has_entity(tags + a, b - a) &&
         confidences(m, s.emit, b - a, tags + a, conf + a)))
      rc = -1;
    a = b;
  }
  if (rc == 0) nd_ner_doc_keep(d);
  nd_free(s.feat.id);
  nd_free(s.off);
  nd_free(s.emit);
  nd_free(local2);
  nd_free(tags1);
  nd_ner_doc_free(d);
  return rc;
}

int nd_ner_features(const char *text, const nd_token *tok, size_t n, const unsigned char *tags1,
                    int gaz_fold, uint32_t **feats, size_t **off) {
  nd_ner_feats out = {0};
  *feats = NULL;
  *off = nd_malloc((n + 1) * sizeof(size_t));
  nd_ner_doc *d = nd_ner_doc_new(text, tok, n);
  int rc = (!*off || !d) ? -1 : 0;
  if (rc == 0) nd_ner_doc_set_fold(d, gaz_fold);
  if (rc == 0 && tags1) nd_ner_doc_add_tags(d, tags1);
  if (rc == 0) (*off)[0] = 0;
  for (size_t a = 0; a < n && rc == 0;) {
    size_t b = sentence_end(tok, n, a);
    rc = nd_ner_sentence_features(d, a, b, tags1 ? 2 : 1, ND_NER_ALL, &out, *off + a);
    a = b;
  }
  nd_ner_doc_free(d);
  if (rc) {
    nd_free(out.id);
    nd_free(*off);
    *off = NULL;
    return -1;
  }
  *feats = out.id;
  return 0;
}
