/*
** libFuzzer target: format sniffing on arbitrary bytes, and nd_clean_text
** (boilerplate removal) on the repaired bytes, as its callers (the format
** parsers) give it. The cleaned text must be valid UTF-8 without NUL and
** not longer than its input.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  nd_format f = nd_format_sniff(s, size);
  if (f != ND_FORMAT_UNKNOWN && !nd_format_name(f)) abort();
  size_t len = 0, n = 0;
  char *r = nd_utf8_repair(s, size, &len, NULL);
  if (!r) return 0;
  char *t = nd_clean_text(r, len, &n);
  if (t && (strlen(t) != n || !nd_utf8_valid(t, n) || n > len)) abort();
  nd_free(t);
  nd_free(r);
  return 0;
}
