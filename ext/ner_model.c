/*
** The entity model: parsing the serialized blob (layout in nd_entities.h)
** into a read-only view, and looking up the weights of a feature id.
**
** How it works: rows are sorted by feature id; dir[] gives, for the top 16
** bits of an id, the first row with those bits, so a lookup scans the few
** rows of one slot (about six on average). Nothing is copied or allocated,
** so the linked-in model is usable at once (no load time).
*/
#include <stdint.h>
#include <string.h>

#include "nd_entities.h"

/* ext/ner_blob.S */
extern const unsigned char nd_ner_blob[];
extern const uint64_t nd_ner_blob_size;

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float rdf(const unsigned char *p) {
  uint32_t u = rd32(p);
  float f;
  memcpy(&f, &u, 4);
  return f;
}

int nd_ner_model_parse(const void *blob, size_t n, nd_ner_model *m) {
  const unsigned char *p = blob;
  /* The arrays are used in place: the host must be little-endian and the
  ** blob 4-byte aligned. */
  const uint16_t one = 1;
  if (*(const unsigned char *)&one != 1 || ((uintptr_t)blob & 3)) return -1;
  size_t head = 8 + 4 + 4 + 4 * ND_NER_PASSES + 4 +
                4 * ND_NER_PASSES * (ND_NER_TAGS + 1) * ND_NER_TAGS;
  if (n < head + 4 * ND_NER_DIR || memcmp(p, ND_NER_MAGIC, 8)) return -1;
  memset(m, 0, sizeof(*m));
  m->nrows = rd32(p + 8);
  m->info_len = rd32(p + 12);
  const unsigned char *q = p + 16;
  for (int k = 0; k < ND_NER_PASSES; k++, q += 4) m->wscale[k] = rdf(q);
  m->temperature = rdf(q);
  q += 4;
  for (int k = 0; k < ND_NER_PASSES; k++)
    for (int i = 0; i <= ND_NER_TAGS; i++)
      for (int j = 0; j < ND_NER_TAGS; j++, q += 4) m->trans[k][i][j] = rdf(q);
  size_t wbytes = (size_t)m->nrows * ND_NER_PASSES * ND_NER_TAGS * 2;
  size_t need = head + 4 * ND_NER_DIR + 4 * (size_t)m->nrows + wbytes;
  need = (need + 3) & ~(size_t)3;
  if (n < need + m->info_len) return -1;
  m->dir = (const uint32_t *)(p + head);
  m->key = m->dir + ND_NER_DIR;
  m->w = (const int16_t *)(m->key + m->nrows);
  m->info = (const char *)p + need;
  if (m->dir[ND_NER_DIR - 1] != m->nrows) return -1;
  for (size_t i = 0; i + 1 < ND_NER_DIR; i++)
    if (m->dir[i] > m->dir[i + 1]) return -1;
  return 0;
}

const int16_t *nd_ner_model_row(const nd_ner_model *m, uint32_t id) {
  uint32_t slot = id >> 16;
  for (uint32_t r = m->dir[slot], end = m->dir[slot + 1]; r < end; r++) {
    if (m->key[r] == id) return m->w + (size_t)r * ND_NER_PASSES * ND_NER_TAGS;
    if (m->key[r] > id) break;
  }
  return NULL;
}

/* Parsing checks the 256 KB directory once per call, which costs about
** 0.1 ms: cheap enough to do on every use instead of caching a global. */
const nd_ner_model *nd_ner_builtin(void) {
  static _Thread_local nd_ner_model m;
  if (nd_ner_model_parse(nd_ner_blob, (size_t)nd_ner_blob_size, &m)) return NULL;
  return &m;
}

const char *nd_ner_model_info(void) {
  static _Thread_local char info[256];
  const nd_ner_model *m = nd_ner_builtin();
  if (!m) return "none";
  size_t k = m->info_len < sizeof(info) - 1 ? m->info_len : sizeof(info) - 1;
  memcpy(info, m->info, k);
  info[k] = 0;
  return info;
}
