/*
** libFuzzer target: nd_json_records (JSON arrays, JSON Lines, NDJSON) on
** arbitrary bytes, then each well-formed record through the JSON article
** parser, as news_articles reads a .jsonl file. Records must lie inside the
** input, in order, without overlap.
*/
#include "fuzz_article.h"

#include "nd_alloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nd_record *r = NULL;
  size_t n = 0;
  if (nd_json_records((const char *)data, size, &r, &n)) return 0;
  size_t prev_end = 0;
  for (size_t i = 0; i < n; i++) {
    if (r[i].off < prev_end || r[i].off > size || r[i].len > size - r[i].off) abort();
    prev_end = r[i].off + r[i].len;
    if (!r[i].error) fuzzArticle(data + r[i].off, r[i].len, ND_FORMAT_JSON);
  }
  nd_free(r);
  return 0;
}
