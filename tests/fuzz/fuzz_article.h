/*
** Shared by the per-format article targets (fuzz_article_<format>.c): parse
** arbitrary bytes as one format and check what nd_article.h promises.
** Every string field is NULL or valid UTF-8 without NUL; an article with
** an error has no text; words agrees with nd_count_words of the text.
*/
#ifndef FUZZ_ARTICLE_H
#define FUZZ_ARTICLE_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd_article.h"
#include "nd_utf8.h"

static inline void fuzzCheckField(const char *s) {
  if (s && !nd_utf8_valid(s, strlen(s))) abort();
}

static inline void fuzzArticle(const uint8_t *data, size_t size, nd_format f) {
  nd_article a;
  memset(&a, 0, sizeof a);
  if (nd_article_parse(&a, (const char *)data, size, f)) return;
  fuzzCheckField(a.title);
  fuzzCheckField(a.byline);
  fuzzCheckField(a.published);
  fuzzCheckField(a.lang);
  fuzzCheckField(a.url);
  fuzzCheckField(a.text);
  if (a.error && a.text) abort();
  if (a.text && a.words != nd_count_words(a.text, strlen(a.text))) abort();
  nd_article_clear(&a);
}

#endif
