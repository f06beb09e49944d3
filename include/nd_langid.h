/*
** Language identification for article bodies that do not state their
** language: the writing system first (Cyrillic, Greek, Arabic, Hebrew,
** kana, Hangul, Han, Thai, Devanagari...), then, for Latin and Cyrillic
** text, the share of each language's most frequent function words.
*/
#ifndef ND_LANGID_H
#define ND_LANGID_H
#include <stddef.h>

/* ISO 639-1 code ("en", "fr", ...) of text[0..n), or NULL when the text is
** too short or too mixed to tell. Reads at most the first 64 KiB. */
const char *nd_langid(const char *text, size_t n);

#endif
