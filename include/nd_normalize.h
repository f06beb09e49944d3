/*
** The grouping key of news_normalize() and news_entities.key:
** NFKC, case-folded, combining marks stripped, white space collapsed to one
** space and trimmed. Invalid UTF-8 is repaired first.
*/
#ifndef ND_NORMALIZE_H
#define ND_NORMALIZE_H
#include <stddef.h>

/* Returns an nd_malloc'ed NUL-terminated key (length in *out_len), or NULL
** on OOM. */
char *nd_normalize(const char *s, size_t n, size_t *out_len);

/* The same through utf8proc whatever the input (nd_normalize takes a
** shortcut for ASCII; tests check that both agree). */
char *nd_normalize_general(const char *s, size_t n, size_t *out_len);

/* utf8proc_map(s, n, options) with its buffers from nd_malloc, so that
** SQLite's heap limit covers them (utf8proc_map itself calls malloc, and
** its UTF-32 buffer can be 4 x 18 times the input: NFKC expands U+FDFA to
** 18 characters). s must be valid UTF-8 (repair it first). Returns an
** nd_malloc'ed NUL-terminated string (length in *out_len), or NULL on OOM
** or when utf8proc refuses the input. */
char *nd_unicode_map(const char *s, size_t n, int options, size_t *out_len);

#endif
