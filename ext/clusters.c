/*
** Word-class lookups (include/nd_clusters.h) over the linked-in table.
**
** ext/data/clusters.bin has the layout of the gazetteer table (see
** ext/gazetteer.c) with the magic "NDCLU\1\0\0": open addressing on the
** FNV-1a hash of the word's bytes (case kept), and per word the value
** fine | middle << 10 | coarse << 18.
*/
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_clusters.h"
#include "nd_utf8.h"

#define ND_CLU_HEADER 24
#define ND_CLU_EMPTY 0xFFFFFFFFu
#define ND_CLU_KEY_MAX 255

extern const unsigned char nd_clusters_blob[];
extern const unsigned char nd_clusters_blob_end[];

static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Value of key k[0..n) in *value; 0 when absent or the blob is malformed. */
static int lookup(const char *k, size_t n, uint32_t *value) {
  size_t size = (size_t)(nd_clusters_blob_end - nd_clusters_blob);
  if (n == 0 || n > ND_CLU_KEY_MAX || size < ND_CLU_HEADER || memcmp(nd_clusters_blob, "NDCLU\1\0\0", 8) != 0)
    return 0;
  uint32_t nslots = get_u32(nd_clusters_blob + 8), pool_bytes = get_u32(nd_clusters_blob + 16);
  if (nslots == 0 || (nslots & (nslots - 1)) != 0 || (size - ND_CLU_HEADER) / 8 < nslots ||
      size - ND_CLU_HEADER - (size_t)nslots * 8 < pool_bytes)
    return 0;
  const unsigned char *slots = nd_clusters_blob + ND_CLU_HEADER, *pool = slots + (size_t)nslots * 8;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 16777619u;
  for (uint32_t i = h & (nslots - 1), probes = 0; probes < nslots; i = (i + 1) & (nslots - 1), probes++) {
    uint32_t off = get_u32(slots + (size_t)i * 8);
    if (off == ND_CLU_EMPTY) return 0;
    if (off < pool_bytes && pool[off] == n && (size_t)off + 1 + n <= pool_bytes &&
        !memcmp(pool + off + 1, k, n)) {
      *value = get_u32(slots + (size_t)i * 8 + 4);
      return 1;
    }
  }
  return 0;
}

/* w with every letter lower case (first_upper: but the first upper case)
** into out; returns the length, or 0 when it does not fit. */
static size_t recase(const char *w, size_t n, int first_upper, char *out) {
  size_t len = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += nd_utf8_decode((const unsigned char *)w + i, n - i, &cp);
    cp = len == 0 && first_upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
    char enc[4];
    size_t m = nd_utf8_encode(cp, enc);
    if (len + m > ND_CLU_KEY_MAX) return 0;
    memcpy(out + len, enc, m);
    len += m;
  }
  return len;
}

int nd_word_cluster(const char *w, size_t n, nd_word_class *out) {
  char buf[ND_CLU_KEY_MAX];
  uint32_t v;
  size_t len;
  if (!w || n == 0) return 0;
  int found = lookup(w, n, &v);
  if (!found && (len = recase(w, n, 0, buf)) != 0) found = lookup(buf, len, &v);
  if (!found && (len = recase(w, n, 1, buf)) != 0) found = lookup(buf, len, &v);
  if (!found) return 0;
  out->fine = v & 0x3FF;
  out->middle = (v >> 10) & 0xFF;
  out->coarse = (v >> 18) & 0x3F;
  return 1;
}
