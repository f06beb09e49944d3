/*
** Canonical names of the entity mentions of one input (news_entities.canonical).
**
** Within one text, a person is "Vladimir Putin" once and "Putin" or
** "Putin's" afterwards; an organization is "the North Atlantic Treaty
** Organization (NATO)" and then "NATO". nd_canonical gives every mention the
** fullest form of its entity found in the same text:
**   - the possessive goes ("Putin's" -> "Putin"), white space is collapsed,
**     and names other than people lose a leading article when more than one
**     word follows ("The Wall Street Journal" -> "Wall Street Journal");
**   - PER: a mention that is the last name(s), the first name, or the first
**     and last names of a longer PER mention takes that longer form
**     ("Kuleba" -> "Dmytro Kuleba");
**   - ORG: a mention that is the first or last words of a longer ORG
**     mention, or its acronym, takes that form ("Pfizer" -> "Pfizer Inc.",
**     "WHO" -> "World Health Organization");
**   - LOC, MISC: acronyms only ("UAE" -> "United Arab Emirates"): a shorter
**     place inside a longer one is usually another place ("Korea" / "South
**     Korea");
**   - an acronym defined in the text, "Long Name (LN)" or "LN (Long Name)",
**     takes the long name whatever the initials;
**   - transliterations of one person's name (Zelensky, Zelenskyy, Zelenskiy;
**     Volodymyr, Volodimir: the same but for y, i, j, h and e/a) with the
**     same first names, initials or none, are one entity, written in its
**     most frequent form (ties: the longest, then the first); a feminine
**     final "a" makes another person (Navalny, Navalnaya);
**   - when a short mention fits two different longer entities ("Smith" with
**     both "Anna Smith" and "John Smith"), it keeps its own form.
** news_entities.key is then nd_normalize(canonical).
*/
#ifndef ND_CANONICAL_H
#define ND_CANONICAL_H
#include <stddef.h>

/* Mention types: the same numbers as ND_ENT_PER..ND_ENT_MISC (nd_entities.h). */
enum { ND_CANON_PER = 0, ND_CANON_ORG = 1, ND_CANON_LOC = 2, ND_CANON_MISC = 3 };

typedef struct nd_mention {
  size_t start, len; /* bytes of the text */
  int type;          /* ND_CANON_* */
} nd_mention;

/* Canonical forms of the count mentions m[] of text[0..n): canonical[i] gets
** an nd_malloc'ed NUL-terminated string (length in canonical_len[i]) for
** mention i. Returns 0, or -1 on OOM (then every canonical[i] is NULL).
** Mentions may come in any order; a span outside the text is read as empty. */
int nd_canonical(const char *text, size_t n, const nd_mention *m, size_t count, char **canonical,
                 size_t *canonical_len);

#endif
