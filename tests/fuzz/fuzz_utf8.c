/*
** libFuzzer target: UTF-8 decoding, repair and character positions.
** Checks: repair output is valid and leaves valid input unchanged;
** decode/encode round-trip; nd_charpos agrees with an independent count of
** SQLite's rule (a byte >= 0xC0 swallows the continuation bytes after it),
** going forward and backward; nd_utf8_boundary lands on
** SQLite's next character start.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_utf8.h"

/* SQLite's character count of s[0..b) for every b, written the obvious
** way: a character that starts before b counts, even if it ends after. */
static size_t *sqlite_chars(const unsigned char *s, size_t n) {
  size_t *count = malloc((n + 1) * sizeof *count);
  if (!count) abort();
  size_t c = 0, i = 0;
  count[0] = 0;
  while (i < n) {
    size_t j = i + 1;
    if (s[i] >= 0xC0)
      while (j < n && (s[j] & 0xC0) == 0x80) j++;
    c++;
    for (size_t b = i + 1; b <= j; b++) count[b] = c;
    i = j;
  }
  return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t len = 0, fixes = 0;
  char *r = nd_utf8_repair(s, size, &len, &fixes);
  if (!r) return 0;
  if (strlen(r) != len || !nd_utf8_valid(r, len)) abort();
  if (nd_utf8_valid(s, size) != (fixes == 0)) abort();
  if (fixes == 0 && (len != size || memcmp(r, s, size) != 0)) abort();
  nd_free(r);

  for (size_t i = 0; i < size;) {
    int32_t cp;
    size_t k = nd_utf8_decode(data + i, size - i, &cp);
    if (k < 1 || k > 4 || k > size - i) abort();
    if (cp != 0xFFFD) {
      char out[4];
      if (nd_utf8_encode(cp, out) != k || memcmp(out, data + i, k) != 0) abort();
    }
    i += k;
  }

  size_t *count = sqlite_chars(data, size);
  nd_charpos pos;
  nd_charpos_init(&pos, s, size);
  if (nd_utf8_chars(s, size) != count[size]) abort();
  /* Forward on character starts, then a backward query that restarts.
  ** Queries inside a multi-byte character are not part of the contract. */
  for (size_t b = 0; b <= size; b += 1 + b % 7) {
    if (b < size && data[b] >= 0x80 && data[b] < 0xC0) continue;
    if (nd_charpos_at(&pos, b) != count[b]) abort();
  }
  if (nd_charpos_at(&pos, size / 2) != count[size / 2]) {
    if (!(data[size / 2] >= 0x80 && data[size / 2] < 0xC0)) abort();
  }
  /* nd_utf8_boundary: the next offset where SQLite starts a character, i.e.
  ** the first e >= b where the count steps (or the end). */
  for (size_t b = 0; b <= size; b++) {
    size_t e = nd_utf8_boundary(s, size, b);
    if (e < b || e > size) abort();
    int starts = e == 0 || e == size || count[e + 1] != count[e];
    if (!starts) abort();
    for (size_t k = b; k < e; k++)
      if (k == 0 || count[k + 1] != count[k]) abort();
  }
  free(count);
  return 0;
}
