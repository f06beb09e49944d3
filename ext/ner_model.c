/*
** The entity model: parsing the serialized blob (layout in nd_entities.h)
** into a read-only view, and looking up the weights of a feature id.
**
** How it works: the weights sit in an open-addressing hash table keyed by
** feature id, each id beside its 8-bit weights in a 32-byte slot, so a
** lookup costs one cache line (nearly 9 in 10 ids looked up are in the
** model). Nothing is copied or allocated, so the linked-in model is usable
** at once (no load time).
*/
#include <math.h>
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
  /* The table is used in place: the host must be little-endian and the
  ** blob 4-byte aligned. */
  const uint16_t one = 1;
  if (*(const unsigned char *)&one != 1 || ((uintptr_t)blob & 3)) return -1;
  size_t head = 8 + 12 + 4 * ND_NER_PASSES + 4 + 4 * ND_NER_PASSES * (ND_NER_TAGS + 1) * ND_NER_TAGS;
  if (n < head || memcmp(p, ND_NER_MAGIC, 8)) return -1;
  memset(m, 0, sizeof(*m));
  m->nrows = rd32(p + 8);
  m->mask = rd32(p + 12);
  m->info_len = rd32(p + 16);
  const unsigned char *q = p + 20;
  for (int k = 0; k < ND_NER_PASSES; k++, q += 4) m->wscale[k] = rdf(q);
  m->temperature = rdf(q);
  q += 4;
  for (int k = 0; k < ND_NER_PASSES; k++)
    for (int i = 0; i <= ND_NER_TAGS; i++)
      for (int j = 0; j < ND_NER_TAGS; j++, q += 4) m->trans[k][i][j] = rdf(q);
  /* A power-of-two table with at least one empty slot, so probes end. */
  if ((m->mask & (m->mask + 1)) || m->nrows > m->mask) return -1;
  _Static_assert(sizeof(nd_ner_slot) == 32, "a slot is half a cache line");
  head = (head + 31) & ~(size_t)31;
  size_t slots = (size_t)m->mask + 1, table = slots * sizeof(nd_ner_slot);
  if (n < head + table + m->info_len) return -1;
  float inv = m->temperature > 0 ? 1.0f / m->temperature : 1.0f;
  for (int i = 0; i <= ND_NER_TAGS; i++)
    for (int j = 0; j < ND_NER_LANES; j++)
      m->trans_exp[i][j] =
          j < ND_NER_TAGS && nd_ner_allowed(i, j) ? expf(m->trans[1][i][j] * inv) : 0;
  for (int j = 0; j < ND_NER_TAGS; j++)
    for (int i = 0; i < ND_NER_LANES; i++)
      m->trans_exp_to[j][i] = i < ND_NER_TAGS ? m->trans_exp[i][j] : 0;
  m->slot = (const nd_ner_slot *)(p + head);
  m->info = (const char *)p + head + table;
  return 0;
}

void nd_ner_model_prefetch(const nd_ner_model *m, uint32_t id) {
#if defined(__GNUC__)
  __builtin_prefetch(m->slot + (id & m->mask));
#else
  (void)m;
  (void)id;
#endif
}

/* Parsing reads only the header: cheap enough to do on every use instead of
** caching a global. */
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
