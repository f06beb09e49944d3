/*
** Word tokens of news text, with byte offsets and sentence numbers, for the
** entity tagger.
**
** Tokens follow CoNLL-2003 conventions where they matter for names:
**   - letters, digits and combining marks make words; apostrophes and
**     hyphens between letters stay inside (O'Brien, Saint-Denis), except the
**     clitics 's 're 've 'll 'd 'm and n't, which are tokens of their own
**     (Zelenskyy's -> Zelenskyy + 's);
**   - dotted abbreviations and initials keep their periods (U.S., J.), and
**     so does a short capitalized word whose period does not end the
**     sentence (Mr. Gen. Corp.);
**   - numbers keep their separators (1,000.5  10:30  1996-08-22);
**   - every other character is a token, a run of the same one is one token
**     (... --);
**   - words glued together by careless scraping are split: "saidXi" always
**     (three or more lower-case letters before a capitalized word), and
**     "Jinpingarrived" only when the document also has "Jinping" as a word
**     of its own and "arrived" is one too or is a common English word, and
**     never a token that is itself a common English word ("Newsletters",
**     "Airlines", "Bobby" stay whole).
** Invalid UTF-8 bytes become one-byte tokens; nothing is ever dropped but
** white space.
*/
#ifndef ND_TOKENIZE_H
#define ND_TOKENIZE_H
#include <stddef.h>

#define ND_TOKEN_LINE_START 1u /* first token on its line of text */

typedef struct nd_token {
  size_t start, len; /* bytes */
  size_t sentence;   /* 1-based, from nd_sentences_split */
  unsigned flags;    /* ND_TOKEN_* */
} nd_token;

/* Tokenize text[0..n). *out is nd_malloc'ed (nd_free it), *count tokens.
** Returns 0, or -1 on OOM. */
int nd_tokenize(const char *text, size_t n, nd_token **out, size_t *count);

/* The same with the sentences of text[0..n) already split by the caller
** (nd_sentences_split of exactly this text), so they are not split twice. */
typedef struct nd_span nd_span;
int nd_tokenize_split(const char *text, size_t n, const nd_span *sp, size_t nsp, nd_token **out,
                      size_t *count);

#endif
