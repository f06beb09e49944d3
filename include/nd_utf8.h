/*
** UTF-8 helpers shared by the engine and the SQL layer.
**
** Offsets in SQL results are 1-based character counts that must agree with
** SQLite's own substr() and length(), even on invalid UTF-8. SQLite counts a
** character as: one byte, plus all continuation bytes (10xxxxxx) that follow
** it when that byte is >= 0xC0. nd_charpos implements exactly that rule.
*/
#ifndef ND_UTF8_H
#define ND_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[0..n). Returns bytes consumed (>=1); *cp is
** 0xFFFD for an invalid or truncated sequence (overlong, surrogate, > 10FFFF). */
size_t nd_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encode cp into out (4 bytes room). Returns bytes written. */
size_t nd_utf8_encode(int32_t cp, char *out);

/* 1 when s[0..n) is valid UTF-8 with no NUL byte. */
int nd_utf8_valid(const char *s, size_t n);

/* Copy s[0..n) replacing each invalid sequence with U+FFFD and dropping NUL
** bytes; *repairs counts both. Returns an nd_malloc'ed NUL-terminated string
** (length in *out_len) or NULL on OOM. */
char *nd_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *repairs);

/* Number of characters in s[0..n), counted as SQLite counts them. */
size_t nd_utf8_chars(const char *s, size_t n);

/* The first byte offset >= b where SQLite starts a character: b itself
** unless b falls on continuation bytes that SQLite glues to an earlier lead
** byte (a lead byte followed by more continuation bytes than its sequence
** takes, as in invalid input). Spans whose ends are moved here satisfy
** substr(input, start, length) = text. */
size_t nd_utf8_boundary(const char *s, size_t n, size_t b);

/* Incremental byte-offset -> character-offset conversion for one text.
** Queries in increasing byte order cost O(total); going back restarts. */
typedef struct nd_charpos {
  const unsigned char *s;
  size_t n, byte, chr;
} nd_charpos;

void nd_charpos_init(nd_charpos *cp, const char *s, size_t n);
/* 0-based character index of byte offset b (b <= n). */
size_t nd_charpos_at(nd_charpos *cp, size_t b);

#endif
