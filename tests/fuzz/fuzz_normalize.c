/*
** libFuzzer target: nd_normalize on arbitrary bytes. The key must be valid
** UTF-8 without NUL, without leading, trailing or doubled spaces.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_normalize.h"
#include "nd_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n = 0;
  char *key = nd_normalize((const char *)data, size, &n);
  if (!key) return 0;
  if (strlen(key) != n || !nd_utf8_valid(key, n)) abort();
  if (n && (key[0] == ' ' || key[n - 1] == ' ' || strstr(key, "  "))) abort();
  nd_free(key);
  return 0;
}
