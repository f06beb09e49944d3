/*
** libFuzzer target: nd_entities_find (tokenizer, tagger, canonical names,
** gazetteers) on arbitrary bytes. Checks that every entity lies inside the
** input, in text order without overlap, on SQLite character boundaries,
** with a known type, a score in [0,1], a sentence number, a canonical form
** and a key that is valid UTF-8.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_entities.h"
#include "nd_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *t = (const char *)data;
  nd_entity *e = NULL;
  size_t n = 0;
  if (nd_entities_find(t, size, &e, &n)) return 0;
  size_t prev_end = 0;
  for (size_t i = 0; i < n; i++) {
    if (e[i].len == 0 || e[i].start < prev_end || e[i].start + e[i].len > size) abort();
    if (nd_utf8_boundary(t, size, e[i].start) != e[i].start) abort();
    if (nd_utf8_boundary(t, size, e[i].start + e[i].len) != e[i].start + e[i].len) abort();
    if (!nd_entity_type_name(e[i].type) || e[i].sentence < 1) abort();
    if (!(e[i].score >= 0.0 && e[i].score <= 1.0)) abort();
    if (!e[i].canonical || !e[i].key) abort();
    /* The canonical form is text of the input, NUL bytes included; the key
    ** is normalized: valid UTF-8 without NUL. */
    if (e[i].canonical[e[i].canonical_len] != 0) abort();
    if (strlen(e[i].key) != e[i].key_len || !nd_utf8_valid(e[i].key, e[i].key_len)) abort();
    prev_end = e[i].start + e[i].len;
  }
  nd_entities_free(e, n);
  return 0;
}
