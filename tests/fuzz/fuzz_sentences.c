/*
** libFuzzer target: nd_sentences_split and nd_sentence_of on arbitrary bytes.
** Checks the invariants the SQL columns rely on: spans in bounds, in order,
** not overlapping, not empty, trimmed, on SQLite character boundaries, and numbered back to themselves.
*/
#include <stdint.h>
#include <stdlib.h>

#include "nd_alloc.h"
#include "nd_sentences.h"
#include "nd_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *t = (const char *)data;
  nd_span *s = NULL;
  size_t n = 0;
  if (nd_sentences_split(t, size, &s, &n)) return 0;
  size_t prev_end = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i].len == 0 || s[i].start < prev_end || s[i].start + s[i].len > size) abort();
    if (t[s[i].start] == ' ' || t[s[i].start + s[i].len - 1] == ' ') abort();
    if (nd_sentence_of(s, n, s[i].start) != i + 1) abort();
    /* Both ends where SQLite starts a character, so that substr() agrees. */
    if (nd_utf8_boundary(t, size, s[i].start) != s[i].start) abort();
    if (nd_utf8_boundary(t, size, s[i].start + s[i].len) != s[i].start + s[i].len) abort();
    prev_end = s[i].start + s[i].len;
  }
  nd_free(s);
  return 0;
}
