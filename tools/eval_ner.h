/*
** CoNLL-2003 reading and conlleval-style scoring, shared by
** tools/train_ner.c and tools/eval_ner.c (header-only: both are single-file
** tools).
**
** Reading: one token per line (word first, NER tag last), blank lines
** between sentences, "-DOCSTART-" lines between documents. Each document
** becomes a text (tokens joined by spaces, sentences by line breaks) with
** nd_token offsets into it, so the tagger sees it as it sees raw text but
** with the gold tokenization. IOB1 tags are converted to IOB2.
**
** Scoring follows conlleval's definition: a chunk starts at B-X, or at I-X
** after a tag of another type or O; it ends before O, B-*, or a tag of
** another type; a predicted chunk is correct when its start, end and type
** all equal a gold chunk's. Precision, recall and F1 per type and overall.
*/
#ifndef EVAL_NER_H
#define EVAL_NER_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_entities.h"

typedef struct conll_doc {
  char *text;
  size_t text_len;
  nd_token *tok;
  unsigned char *gold;
  size_t n;
} conll_doc;

typedef struct conll_set {
  conll_doc *doc;
  size_t n;
  size_t tokens;
} conll_set;

static int conll_tag(const char *s) {
  if (!strcmp(s, "O")) return 0;
  if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-') return -1;
  for (int t = 0; t < ND_ENT_TYPES; t++)
    if (!strcmp(s + 2, nd_entity_type_name(t))) return 1 + 2 * t + (s[0] == 'I');
  return -1;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  return p;
}

/* Append the document being built (if any tokens) to the set. */
static void conll_flush(conll_set *set, conll_doc *d) {
  if (d->n) {
    set->doc = xrealloc(set->doc, (set->n + 1) * sizeof(*set->doc));
    set->doc[set->n++] = *d;
    set->tokens += d->n;
  } else {
    free(d->text);
    free(d->tok);
    free(d->gold);
  }
  memset(d, 0, sizeof(*d));
}

static int conll_read(const char *path, conll_set *set) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  memset(set, 0, sizeof(*set));
  conll_doc d = {0};
  size_t cap = 0, tcap = 0, sentence = 1;
  int new_sentence = 1;
  char line[4096];
  while (fgets(line, sizeof(line), f)) {
    size_t L = strlen(line);
    while (L && (line[L - 1] == '\n' || line[L - 1] == '\r')) line[--L] = 0;
    if (L == 0) {
      if (!new_sentence) sentence++;
      new_sentence = 1;
      continue;
    }
    if (!strncmp(line, "-DOCSTART-", 10)) {
      conll_flush(set, &d);
      cap = tcap = 0;
      sentence = 1;
      new_sentence = 1;
      continue;
    }
    char *sp = strchr(line, ' ');
    char *last = strrchr(line, ' ');
    if (!sp || !last) continue;
    *sp = 0;
    int tag = conll_tag(last + 1);
    if (tag < 0) tag = 0;
    size_t wl = strlen(line);
    if (d.n == cap) {
      cap = cap ? cap * 2 : 256;
      d.tok = xrealloc(d.tok, cap * sizeof(*d.tok));
      d.gold = xrealloc(d.gold, cap);
    }
    if (d.text_len + wl + 2 > tcap) {
      tcap = (d.text_len + wl + 2) * 2;
      d.text = xrealloc(d.text, tcap);
    }
    if (d.n) d.text[d.text_len++] = new_sentence ? '\n' : ' ';
    /* IOB1 -> IOB2: an I-X that does not continue X begins it. */
    if (tag && !(tag & 1)) {
      int prev = d.n && !new_sentence ? d.gold[d.n - 1] : 0;
      if (!prev || (prev - 1) / 2 != (tag - 1) / 2) tag--;
    }
    d.tok[d.n] = (nd_token){d.text_len, wl, sentence, new_sentence ? ND_TOKEN_LINE_START : 0};
    d.gold[d.n] = (unsigned char)tag;
    memcpy(d.text + d.text_len, line, wl);
    d.text_len += wl;
    d.text[d.text_len] = 0;
    d.n++;
    new_sentence = 0;
  }
  conll_flush(set, &d);
  fclose(f);
  return 0;
}

static void conll_free(conll_set *set) {
  for (size_t i = 0; i < set->n; i++) {
    free(set->doc[i].text);
    free(set->doc[i].tok);
    free(set->doc[i].gold);
  }
  free(set->doc);
}

/* ---- scoring ------------------------------------------------------------ */

typedef struct ner_score {
  size_t gold[ND_ENT_TYPES], pred[ND_ENT_TYPES], correct[ND_ENT_TYPES];
} ner_score;

/* Type of a non-O tag. */
static int chunk_type(int tag) { return tag > 0 ? (tag - 1) / 2 : 0; }

/* Does a chunk start at i (given the previous tag, -1 at a sentence start)? */
static int chunk_starts(int prev, int tag) {
  if (!tag) return 0;
  if (tag & 1) return 1;
  return prev <= 0 || chunk_type(prev) != chunk_type(tag);
}

/* End (exclusive) of the chunk starting at i in tags[0..n). */
static size_t chunk_end_at(const unsigned char *tags, size_t n, size_t i) {
  size_t j = i + 1;
  while (j < n && tags[j] && !(tags[j] & 1) && chunk_type(tags[j]) == chunk_type(tags[i])) j++;
  return j;
}

/* Score one sentence. */
static void score_sentence(ner_score *s, const unsigned char *gold, const unsigned char *pred,
                           size_t n) {
  for (size_t i = 0; i < n; i++) {
    int pg = i ? gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
    int gs = chunk_starts(pg, gold[i]), ps = chunk_starts(pp, pred[i]);
    if (gs) s->gold[chunk_type(gold[i])]++;
    if (ps) s->pred[chunk_type(pred[i])]++;
    if (gs && ps && chunk_type(gold[i]) == chunk_type(pred[i]) &&
        chunk_end_at(gold, n, i) == chunk_end_at(pred, n, i))
      s->correct[chunk_type(gold[i])]++;
  }
}

static void score_doc(ner_score *s, const conll_doc *d, const unsigned char *pred) {
  for (size_t a = 0; a < d->n;) {
    size_t b = a + 1;
    while (b < d->n && d->tok[b].sentence == d->tok[a].sentence) b++;
    score_sentence(s, d->gold + a, pred + a, b - a);
    a = b;
  }
}

static void prf(size_t g, size_t p, size_t c, double *P, double *R, double *F) {
  *P = p ? (double)c / (double)p : 0;
  *R = g ? (double)c / (double)g : 0;
  *F = *P + *R > 0 ? 2 * *P * *R / (*P + *R) : 0;
}

static inline double score_f1(const ner_score *s) {
  size_t g = 0, p = 0, c = 0;
  for (int t = 0; t < ND_ENT_TYPES; t++) g += s->gold[t], p += s->pred[t], c += s->correct[t];
  double P, R, F;
  prf(g, p, c, &P, &R, &F);
  return F;
}

static void score_print(const ner_score *s, FILE *out) {
  size_t g = 0, p = 0, c = 0;
  double P, R, F;
  fprintf(out, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "gold",
          "found", "correct");
  for (int t = 0; t < ND_ENT_TYPES; t++) {
    prf(s->gold[t], s->pred[t], s->correct[t], &P, &R, &F);
    fprintf(out, "%-8s %9.4f %9.4f %9.4f %7zu %7zu %7zu\n", nd_entity_type_name(t), P, R, F,
            s->gold[t], s->pred[t], s->correct[t]);
    g += s->gold[t], p += s->pred[t], c += s->correct[t];
  }
  prf(g, p, c, &P, &R, &F);
  fprintf(out, "%-8s %9.4f %9.4f %9.4f %7zu %7zu %7zu\n", "overall", P, R, F, g, p, c);
}

#endif
