/*
** UTF-8 decoding, repair and SQLite-compatible character offsets
** (see nd_utf8.h).
*/
#include "nd_utf8.h"

#include "nd_alloc.h"

size_t nd_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  size_t len;
  int32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (len > n) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return len;
}

size_t nd_utf8_encode(int32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Length of the valid sequence at s, or 0 when it is invalid (or NUL). */
static size_t valid_seq(const unsigned char *s, size_t n) {
  if (s[0] == 0) return 0;
  if (s[0] < 0x80) return 1;
  int32_t cp;
  size_t k = nd_utf8_decode(s, n, &cp);
  return (cp == 0xFFFD && !(k == 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD)) ? 0 : k;
}

int nd_utf8_valid(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    if (s[i] > 0 && s[i] < 0x80) {
      i++;
      continue;
    }
    size_t k = valid_seq(s + i, n - i);
    if (!k) return 0;
    i += k;
  }
  return 1;
}

char *nd_utf8_repair(const char *str, size_t n, size_t *out_len, size_t *repairs) {
  const unsigned char *s = (const unsigned char *)str;
  size_t fixes = 0;
  nd_buf b;
  nd_buf_init(&b);
  /* Invalid bytes become 3-byte U+FFFD: reserve the worst case up front
  ** only for small inputs, otherwise grow as needed. */
  if (nd_buf_reserve(&b, n + 16)) return NULL;
  size_t i = 0, run = 0;
  while (i < n) {
    if (s[i] > 0 && s[i] < 0x80) {
      i++;
      continue;
    }
    size_t k = valid_seq(s + i, n - i);
    if (k) {
      i += k;
      continue;
    }
    nd_buf_append(&b, str + run, i - run);
    if (s[i] != 0) nd_buf_append(&b, "\xEF\xBF\xBD", 3);
    fixes++;
    i++;
    run = i;
  }
  nd_buf_append(&b, str + run, n - run);
  if (repairs) *repairs = fixes;
  if (out_len) *out_len = b.len;
  return nd_buf_detach(&b);
}

size_t nd_utf8_chars(const char *s, size_t n) {
  nd_charpos cp;
  nd_charpos_init(&cp, s, n);
  return nd_charpos_at(&cp, n);
}

size_t nd_utf8_boundary(const char *str, size_t n, size_t b) {
  const unsigned char *s = (const unsigned char *)str;
  if (b == 0 || b >= n || (s[b] & 0xC0) != 0x80) return b < n ? b : n;
  size_t j = b;
  while (j > 0 && (s[j - 1] & 0xC0) == 0x80) j--;
  if (j == 0 || s[j - 1] < 0xC0) return b; /* stray continuation bytes: one character each */
  while (b < n && (s[b] & 0xC0) == 0x80) b++;
  return b;
}

void nd_charpos_init(nd_charpos *cp, const char *s, size_t n) {
  cp->s = (const unsigned char *)s;
  cp->n = n;
  cp->byte = 0;
  cp->chr = 0;
}

size_t nd_charpos_at(nd_charpos *cp, size_t b) {
  if (b > cp->n) b = cp->n;
  if (b < cp->byte) {
    cp->byte = 0;
    cp->chr = 0;
  }
  const unsigned char *s = cp->s;
  size_t i = cp->byte, c = cp->chr;
  /* SQLite's SQLITE_SKIP_UTF8: a byte >= 0xC0 swallows the continuation
  ** bytes after it; any other byte is a character of its own. A span that
  ** starts inside a sequence is already misaligned with substr(), so the
  ** engines only report spans on character boundaries. */
  while (i < b) {
    unsigned char x = s[i++];
    if (x >= 0xC0)
      while (i < cp->n && (s[i] & 0xC0) == 0x80) i++;
    c++;
  }
  cp->byte = i;
  cp->chr = c;
  return c;
}
