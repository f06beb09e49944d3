/*
** Sentence splitting, shared by news_sentences, news_dates and
** news_entities so that their `sentence` columns agree.
*/
#ifndef ND_SENTENCES_H
#define ND_SENTENCES_H
#include <stddef.h>

typedef struct nd_span {
  size_t start, len; /* bytes */
} nd_span;

/* Split text[0..n) into sentences, trimmed of surrounding white space.
** *out is nd_malloc'ed (nd_free it); returns 0, or -1 on OOM. */
int nd_sentences_split(const char *text, size_t n, nd_span **out, size_t *count);

/* 1-based number of the sentence that contains byte offset b: the last
** sentence starting at or before b (1 when none does). */
size_t nd_sentence_of(const nd_span *s, size_t count, size_t b);

#endif
