/*
** The grouping key (see nd_normalize.h): repair, NFKC + case fold + strip
** marks with utf8proc, then collapse white space.
*/
#include "nd_normalize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_utf8.h"

char *nd_normalize(const char *s, size_t n, size_t *out_len) {
  size_t clean_len = 0;
  char *clean = nd_utf8_repair(s, n, &clean_len, NULL);
  if (!clean) return NULL;
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t m = utf8proc_map(
      (const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)clean_len, &mapped,
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
          UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  nd_free(clean);
  if (m < 0) {
    /* Only UTF8PROC_ERROR_NOMEM is possible on repaired input. */
    free(mapped);
    return NULL;
  }
  nd_buf b;
  nd_buf_init(&b);
  if (nd_buf_reserve(&b, (size_t)m)) {
    free(mapped);
    return NULL;
  }
  int pending_space = 0;
  utf8proc_ssize_t i = 0;
  while (i < m) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(mapped + i, m - i, &cp);
    if (k <= 0) break;
    utf8proc_category_t cat = utf8proc_category(cp);
    int space = cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
                cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                cat == UTF8PROC_CATEGORY_ZP;
    if (space) {
      pending_space = b.len > 0;
    } else if (cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF) {
      if (pending_space) nd_buf_putc(&b, ' ');
      pending_space = 0;
      nd_buf_append(&b, (const char *)mapped + i, (size_t)k);
    }
    i += k;
  }
  free(mapped);
  if (out_len) *out_len = b.len;
  return nd_buf_detach(&b);
}
