/*
** build-clusters: learn word classes from unlabeled text, for the entity
** tagger's features (include/nd_clusters.h).
**
**   build-clusters CORPUS.txt > clusters.tsv      (word TAB c64 TAB c256 TAB c1024)
**
** CORPUS.txt is one paragraph per line (tools/build-clusters.py writes it).
** How it works:
**   1. Tokenize every line with nd_tokenize (the tagger's own tokens) and
**      count word forms, case kept.
**   2. The VOCAB most frequent forms (seen MIN_COUNT times or more) get a
**      vector: their positive PMI with the CTX_WORDS most frequent forms at
**      offsets -2, -1, +1, +2 within the line (context counts smoothed with
**      the 0.75 power).
**   3. A randomized SVD (two power iterations) projects the vectors onto
**      their DIM main directions; each is scaled to unit length.
**   4. Spherical k-means puts the words into K1 classes; k-means over the
**      K1 centres (weighted by size) gives K2 classes, and over those K3:
**      a three-level hierarchy, so that the coarse classes nest.
** Deterministic: fixed seeds, one thread, a stable order everywhere.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_tokenize.h"

#define MIN_COUNT 3
#define VOCAB 60000
#define CTX_WORDS 1500
#define OFFSETS 4
#define DIM 100
#define POWER_ITERATIONS 2
#define K1 1024
#define K2 256
#define K3 64
#define KMEANS_ITERATIONS 15

static void die(const char *msg) {
  fprintf(stderr, "build-clusters: %s\n", msg);
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = calloc(1, n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

/* ---- word forms ------------------------------------------------------------ */

typedef struct form {
  char *s;
  uint32_t len;
  uint64_t count;
} form;

static form *forms;
static size_t nforms, forms_cap;
static uint32_t *slots; /* form index + 1, 0 = empty */
static size_t slots_mask;

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void grow_slots(void) {
  size_t n = slots ? (slots_mask + 1) * 2 : 1 << 16;
  uint32_t *s = xmalloc(n * sizeof(uint32_t));
  for (size_t i = 0; i < nforms; i++) {
    size_t h = hash(forms[i].s, forms[i].len) & (n - 1);
    while (s[h]) h = (h + 1) & (n - 1);
    s[h] = (uint32_t)i + 1;
  }
  free(slots);
  slots = s;
  slots_mask = n - 1;
}

static uint32_t intern(const char *s, size_t n) {
  if (!slots || nforms * 2 >= slots_mask) grow_slots();
  size_t h = hash(s, n) & slots_mask;
  for (; slots[h]; h = (h + 1) & slots_mask) {
    form *f = &forms[slots[h] - 1];
    if (f->len == n && !memcmp(f->s, s, n)) return slots[h] - 1;
  }
  if (nforms == forms_cap) {
    forms_cap = forms_cap ? forms_cap * 2 : 1 << 16;
    forms = realloc(forms, forms_cap * sizeof(form));
    if (!forms) die("out of memory");
  }
  forms[nforms].s = xmalloc(n + 1);
  memcpy(forms[nforms].s, s, n);
  forms[nforms].len = (uint32_t)n;
  forms[nforms].count = 0;
  slots[h] = (uint32_t)nforms + 1;
  return (uint32_t)nforms++;
}

/* ---- corpus ---------------------------------------------------------------- */

#define LINE_END UINT32_MAX

static uint32_t *corpus;
static size_t ncorpus, corpus_cap;

static void push(uint32_t id) {
  if (ncorpus == corpus_cap) {
    corpus_cap = corpus_cap ? corpus_cap * 2 : 1 << 20;
    corpus = realloc(corpus, corpus_cap * sizeof(uint32_t));
    if (!corpus) die("out of memory");
  }
  corpus[ncorpus++] = id;
}

static void read_corpus(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open the corpus");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, f)) > 0) {
    nd_token *tok;
    size_t n;
    if (nd_tokenize(line, (size_t)len, &tok, &n)) die("out of memory");
    for (size_t i = 0; i < n; i++) {
      uint32_t id = intern(line + tok[i].start, tok[i].len);
      forms[id].count++;
      push(id);
    }
    nd_free(tok);
    push(LINE_END);
  }
  free(line);
  fclose(f);
}

/* ---- ranks ----------------------------------------------------------------- */

static int by_count(const void *a, const void *b) {
  const form *x = &forms[*(const uint32_t *)a], *y = &forms[*(const uint32_t *)b];
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->s, y->s, n);
  return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* ---- the PPMI matrix (CSR) ------------------------------------------------- */

typedef struct csr {
  size_t rows, cols;
  size_t *ptr;
  uint32_t *col;
  float *val;
} csr;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

static csr ppmi(const uint32_t *rank, size_t vocab) {
  static const int offs[OFFSETS] = {-2, -1, 1, 2};
  size_t cap = 1 << 22, n = 0;
  uint64_t *pairs = xmalloc(cap * sizeof(uint64_t));
  for (size_t i = 0; i < ncorpus; i++) {
    if (corpus[i] == LINE_END || rank[corpus[i]] >= vocab) continue;
    for (int o = 0; o < OFFSETS; o++) {
      size_t j = i + (size_t)(ptrdiff_t)offs[o];
      if ((offs[o] < 0 && i < (size_t)-offs[o]) || j >= ncorpus) continue;
      int crosses = 0;
      for (size_t k = offs[o] < 0 ? j : i + 1; k <= (offs[o] < 0 ? i - 1 : j); k++)
        if (corpus[k] == LINE_END) crosses = 1;
      if (crosses || rank[corpus[j]] >= CTX_WORDS) continue;
      if (n == cap) {
        cap *= 2;
        pairs = realloc(pairs, cap * sizeof(uint64_t));
        if (!pairs) die("out of memory");
      }
      pairs[n++] = (uint64_t)rank[corpus[i]] << 32 | (uint64_t)(o * CTX_WORDS + rank[corpus[j]]);
    }
  }
  qsort(pairs, n, sizeof(uint64_t), cmp_u64);
  csr A = {vocab, (size_t)OFFSETS * CTX_WORDS, NULL, NULL, NULL};
  double *row_sum = xmalloc(vocab * sizeof(double)), *col_sum = xmalloc(A.cols * sizeof(double));
  for (size_t i = 0; i < n; i++) {
    row_sum[pairs[i] >> 32] += 1;
    col_sum[pairs[i] & 0xFFFFFFFFu] += 1;
  }
  double total = (double)n, smoothed = 0;
  for (size_t c = 0; c < A.cols; c++) smoothed += pow(col_sum[c], 0.75);
  A.ptr = xmalloc((vocab + 1) * sizeof(size_t));
  A.col = xmalloc(n * sizeof(uint32_t));
  A.val = xmalloc(n * sizeof(float));
  size_t nz = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && pairs[j] == pairs[i]) j++;
    size_t w = pairs[i] >> 32, c = pairs[i] & 0xFFFFFFFFu;
    double pmi = log(((double)(j - i) / total) / ((row_sum[w] / total) * (pow(col_sum[c], 0.75) / smoothed)));
    if (pmi > 0) {
      A.ptr[w + 1]++;
      A.col[nz] = (uint32_t)c;
      A.val[nz++] = (float)pmi;
    }
    i = j;
  }
  for (size_t w = 0; w < vocab; w++) A.ptr[w + 1] += A.ptr[w];
  free(pairs);
  free(row_sum);
  free(col_sum);
  fprintf(stderr, "build-clusters: %zu co-occurrences, %zu positive PMI cells\n", n, nz);
  return A;
}

/* ---- randomized SVD -------------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double rng_uniform(void) { /* xorshift64*, in [-1, 1) */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (double)((rng_state * 2685821657736338717u) >> 11) / 4503599627370496.0 - 1.0;
}

/* out (rows x DIM) = A * m (cols x DIM) */
static void mul(const csr *A, const double *m, double *out) {
  memset(out, 0, A->rows * DIM * sizeof(double));
  for (size_t r = 0; r < A->rows; r++)
    for (size_t k = A->ptr[r]; k < A->ptr[r + 1]; k++) {
      const double *src = m + (size_t)A->col[k] * DIM;
      double v = A->val[k], *dst = out + r * DIM;
      for (int d = 0; d < DIM; d++) dst[d] += v * src[d];
    }
}

/* out (cols x DIM) = A^T * m (rows x DIM) */
static void mul_t(const csr *A, const double *m, double *out) {
  memset(out, 0, A->cols * DIM * sizeof(double));
  for (size_t r = 0; r < A->rows; r++)
    for (size_t k = A->ptr[r]; k < A->ptr[r + 1]; k++) {
      const double *src = m + r * DIM;
      double v = A->val[k], *dst = out + (size_t)A->col[k] * DIM;
      for (int d = 0; d < DIM; d++) dst[d] += v * src[d];
    }
}

/* Orthonormalize the DIM columns of q (n x DIM), modified Gram-Schmidt. */
static void orthonormalize(double *q, size_t n) {
  for (int j = 0; j < DIM; j++) {
    for (int i = 0; i < j; i++) {
      double dot = 0;
      for (size_t r = 0; r < n; r++) dot += q[r * DIM + i] * q[r * DIM + j];
      for (size_t r = 0; r < n; r++) q[r * DIM + j] -= dot * q[r * DIM + i];
    }
    double norm = 0;
    for (size_t r = 0; r < n; r++) norm += q[r * DIM + j] * q[r * DIM + j];
    norm = sqrt(norm);
    for (size_t r = 0; r < n; r++) q[r * DIM + j] = norm > 0 ? q[r * DIM + j] / norm : 0;
  }
}

/* Word vectors: the rows of A projected on its DIM main right singular
** directions, scaled to unit length (zero rows stay zero). */
static float *embed(const csr *A) {
  double *q = xmalloc(A->cols * DIM * sizeof(double)), *y = xmalloc(A->rows * DIM * sizeof(double));
  for (size_t i = 0; i < A->cols * DIM; i++) q[i] = rng_uniform();
  for (int it = 0; it <= POWER_ITERATIONS; it++) {
    mul(A, q, y);
    mul_t(A, y, q);
    orthonormalize(q, A->cols);
  }
  mul(A, q, y);
  float *e = xmalloc(A->rows * DIM * sizeof(float));
  for (size_t r = 0; r < A->rows; r++) {
    double norm = 0;
    for (int d = 0; d < DIM; d++) norm += y[r * DIM + d] * y[r * DIM + d];
    norm = sqrt(norm);
    for (int d = 0; d < DIM; d++) e[r * DIM + d] = norm > 0 ? (float)(y[r * DIM + d] / norm) : 0.0f;
  }
  free(q);
  free(y);
  return e;
}

/* ---- spherical k-means ----------------------------------------------------- */

/* Cluster the n unit rows x (weights w) into k classes; assign[n] gets them.
** Centres start at rows spread evenly over the input order (frequency). */
static float *kmeans(const float *x, const double *w, size_t n, size_t k, uint32_t *assign) {
  float *c = xmalloc(k * DIM * sizeof(float));
  double *sum = xmalloc(k * DIM * sizeof(double));
  for (size_t j = 0; j < k; j++) memcpy(c + j * DIM, x + (j * n / k) * DIM, DIM * sizeof(float));
  for (int it = 0; it < KMEANS_ITERATIONS; it++) {
    size_t moved = 0;
    for (size_t i = 0; i < n; i++) {
      const float *v = x + i * DIM;
      size_t best = 0;
      float best_dot = -2;
      for (size_t j = 0; j < k; j++) {
        const float *cj = c + j * DIM;
        float dot = 0;
        for (int d = 0; d < DIM; d++) dot += v[d] * cj[d];
        if (dot > best_dot) best_dot = dot, best = j;
      }
      if (it == 0 || assign[i] != best) moved++;
      assign[i] = (uint32_t)best;
    }
    memset(sum, 0, k * DIM * sizeof(double));
    for (size_t i = 0; i < n; i++)
      for (int d = 0; d < DIM; d++) sum[assign[i] * DIM + d] += w[i] * x[i * DIM + d];
    for (size_t j = 0; j < k; j++) {
      double norm = 0;
      for (int d = 0; d < DIM; d++) norm += sum[j * DIM + d] * sum[j * DIM + d];
      if (norm == 0) continue; /* empty: keep the old centre */
      norm = sqrt(norm);
      for (int d = 0; d < DIM; d++) c[j * DIM + d] = (float)(sum[j * DIM + d] / norm);
    }
    fprintf(stderr, "build-clusters: k=%zu iteration %d: %zu moved\n", k, it + 1, moved);
    if (it > 0 && moved == 0) break;
  }
  free(sum);
  return c;
}

int main(int argc, char **argv) {
  if (argc != 2) die("usage: build-clusters CORPUS.txt > clusters.tsv");
  read_corpus(argv[1]);
  uint32_t *order = xmalloc(nforms * sizeof(uint32_t)), *rank = xmalloc(nforms * sizeof(uint32_t));
  for (size_t i = 0; i < nforms; i++) order[i] = (uint32_t)i;
  qsort(order, nforms, sizeof(uint32_t), by_count);
  for (size_t r = 0; r < nforms; r++) rank[order[r]] = (uint32_t)r;
  size_t vocab = 0;
  while (vocab < nforms && vocab < VOCAB && forms[order[vocab]].count >= MIN_COUNT) vocab++;
  fprintf(stderr, "build-clusters: %zu tokens, %zu forms, %zu in the vocabulary\n", ncorpus, nforms, vocab);

  csr A = ppmi(rank, vocab);
  float *e = embed(&A);
  double *ones = xmalloc(vocab * sizeof(double));
  for (size_t i = 0; i < vocab; i++) ones[i] = 1;
  uint32_t *a1 = xmalloc(vocab * sizeof(uint32_t)), *a2 = xmalloc(K1 * sizeof(uint32_t)),
           *a3 = xmalloc(K2 * sizeof(uint32_t));
  float *c1 = kmeans(e, ones, vocab, K1, a1);
  double *size1 = xmalloc(K1 * sizeof(double));
  for (size_t i = 0; i < vocab; i++) size1[a1[i]] += 1;
  float *c2 = kmeans(c1, size1, K1, K2, a2);
  double *size2 = xmalloc(K2 * sizeof(double));
  for (size_t j = 0; j < K1; j++) size2[a2[j]] += size1[j];
  free(kmeans(c2, size2, K2, K3, a3));

  for (size_t i = 0; i < vocab; i++) {
    if (A.ptr[i + 1] == A.ptr[i]) continue; /* no context evidence */
    const form *f = &forms[order[i]];
    if (memchr(f->s, '\t', f->len) || memchr(f->s, '\n', f->len)) continue;
    printf("%.*s\t%u\t%u\t%u\n", (int)f->len, f->s, a3[a2[a1[i]]], a2[a1[i]], a1[i]);
  }
  return 0;
}
