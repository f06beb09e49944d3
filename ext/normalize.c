/*
** The grouping key (see nd_normalize.h): repair, NFKC + case fold + strip
** marks with utf8proc, then collapse white space. utf8proc's buffers are
** ours (nd_unicode_map) so that SQLite's heap limit bounds them.
*/
#include "nd_normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_utf8.h"

char *nd_unicode_map(const char *s, size_t n, int options, size_t *out_len) {
  const utf8proc_uint8_t *str = (const utf8proc_uint8_t *)s;
  utf8proc_option_t opt = (utf8proc_option_t)options;
  utf8proc_ssize_t need = utf8proc_decompose(str, (utf8proc_ssize_t)n, NULL, 0, opt);
  if (need < 0 || (size_t)need > ((size_t)-1) / sizeof(utf8proc_int32_t) - 1) return NULL;
  utf8proc_int32_t *buf = nd_malloc((size_t)need * sizeof *buf + 1);
  if (!buf) return NULL;
  utf8proc_ssize_t got = utf8proc_decompose(str, (utf8proc_ssize_t)n, buf, need, opt);
  /* Recomposition and UTF-8 encoding happen in place, into fewer bytes. */
  utf8proc_ssize_t len = got < 0 || got > need ? -1 : utf8proc_reencode(buf, got, opt);
  if (len < 0) {
    nd_free(buf);
    return NULL;
  }
  if (out_len) *out_len = (size_t)len;
  return (char *)buf;
}

/* ASCII needs none of utf8proc: case folding is lower-casing, and NFKC and
** mark stripping change nothing. Same result as nd_normalize_general. */
static char *normalize_ascii(const char *s, size_t n, size_t *out_len) {
  char *out = nd_malloc(n + 1);
  if (!out) return NULL;
  size_t len = 0;
  int pending_space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = len > 0;
    } else if (c >= 0x20 && c != 0x7F) { /* other controls are dropped */
      if (pending_space) out[len++] = ' ';
      pending_space = 0;
      out[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  out[len] = 0;
  if (out_len) *out_len = len;
  return out;
}

char *nd_normalize(const char *s, size_t n, size_t *out_len) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  return i == n ? normalize_ascii(s, n, out_len) : nd_normalize_general(s, n, out_len);
}

char *nd_normalize_general(const char *s, size_t n, size_t *out_len) {
  size_t clean_len = 0;
  char *clean = nd_utf8_repair(s, n, &clean_len, NULL);
  if (!clean) return NULL;
  size_t m = 0;
  char *mapped = nd_unicode_map(clean, clean_len,
                                UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
                                &m);
  nd_free(clean);
  if (!mapped) return NULL; /* only out of memory is possible on repaired input */
  nd_buf b;
  nd_buf_init(&b);
  if (nd_buf_reserve(&b, m)) {
    nd_free(mapped);
    return NULL;
  }
  int pending_space = 0;
  size_t i = 0;
  while (i < m) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)mapped + i, (utf8proc_ssize_t)(m - i), &cp);
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
      nd_buf_append(&b, mapped + i, (size_t)k);
    }
    i += (size_t)k;
  }
  nd_free(mapped);
  if (out_len) *out_len = b.len;
  return nd_buf_detach(&b);
}
