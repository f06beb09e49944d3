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

#endif
