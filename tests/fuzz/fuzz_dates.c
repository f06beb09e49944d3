/*
** libFuzzer target: the date tagger (rules, normalizer, calendar) on
** arbitrary text with arbitrary anchors.
**
** Input: the first byte picks how the anchor is made: none, parsed from
** the bytes before the first NUL (nd_anchor_parse, so its error paths get
** fuzzed too), or built directly from the next 8 bytes with any year from
** -32768 to 32767 and any time of day; the rest is the text. Checks every
** expression: inside the text, on SQLite character boundaries, ordered,
** a known type, NUL-terminated value and bounds, earliest <= latest.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_dates.h"
#include "nd_utf8.h"

static const char *const kTypes[] = {"DATE", "TIME", "DURATION", "SET"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  nd_anchor anchor, *pa = NULL;
  memset(&anchor, 0, sizeof anchor);
  const char *t = (const char *)data + 1;
  size_t n = size - 1;
  switch (data[0] % 3) {
    case 1: {
      const char *z = memchr(t, 0, n);
      size_t k = z ? (size_t)(z - t) : n;
      if (nd_anchor_parse(t, k, &anchor) == 0) pa = &anchor;
      t += z ? k + 1 : n;
      n -= z ? k + 1 : n;
      break;
    }
    case 2:
      if (n < 8) return 0;
      anchor.set = 1;
      anchor.y = (int16_t)(data[1] | data[2] << 8);
      anchor.m = 1 + data[3] % 12;
      anchor.d = 1 + data[4] % nd_days_in_month(anchor.y, anchor.m);
      anchor.has_time = data[5] & 1;
      anchor.hh = data[6] % 24;
      anchor.mi = data[7] % 60;
      anchor.ss = data[8] % 60;
      pa = &anchor;
      t += 8;
      n -= 8;
      break;
  }
  nd_timex *x = NULL;
  size_t count = 0;
  if (nd_dates_find(t, n, pa, &x, &count)) return 0;
  size_t prev = 0;
  for (size_t i = 0; i < count; i++) {
    if (x[i].len == 0 || x[i].start < prev || x[i].start + x[i].len > n) abort();
    if (nd_utf8_boundary(t, n, x[i].start) != x[i].start) abort();
    if (nd_utf8_boundary(t, n, x[i].start + x[i].len) != x[i].start + x[i].len) abort();
    int known = 0;
    for (size_t k = 0; k < 4; k++) known |= x[i].type && strcmp(x[i].type, kTypes[k]) == 0;
    if (!known || x[i].sentence < 1) abort();
    if (!memchr(x[i].value, 0, sizeof x[i].value) || !memchr(x[i].earliest, 0, sizeof x[i].earliest) ||
        !memchr(x[i].latest, 0, sizeof x[i].latest))
      abort();
    /* Same-shaped ISO strings of years 0..9999 compare as text. */
    if (x[i].earliest[0] && x[i].earliest[0] != '-' &&
        strlen(x[i].earliest) == strlen(x[i].latest) && strcmp(x[i].earliest, x[i].latest) > 0)
      abort();
    prev = x[i].start; /* expressions are ordered by start */
  }
  nd_free(x);
  return 0;
}
