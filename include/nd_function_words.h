/*
** Function words of the languages besides English that news articles come
** in (German, French, Spanish, Italian, Portuguese, Dutch): the articles,
** pronouns, prepositions and conjunctions that open sentences, and so come
** capitalized, where a tagger trained on English reads a capital as a name.
*/
#ifndef ND_FUNCTION_WORDS_H
#define ND_FUNCTION_WORDS_H
#include <stddef.h>

/* The bit of a language among those with lists ("de", "fr", "es", "it",
** "pt", "nl"), or 0 for any other code (English included) or NULL. */
unsigned nd_function_lang_bit(const char *lang);

/* The languages (bits) in which w[0..n), compared in lower case, is a
** function word; with articles_only, only the articles and the
** preposition-article contractions that may open a name ("die", "la",
** "im", "del"). 0 when none. */
unsigned nd_function_word_langs(const char *w, size_t n, int articles_only);

#endif
