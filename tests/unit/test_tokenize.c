/* Unit tests of the tokenizer (ext/tokenize.c). */
#include <stdlib.h>

#include "nd_alloc.h"
#include "nd_tokenize.h"
#include "unit.h"

/* The tokens of s joined by '|'. */
static char joined[4096];
static const char *toks(const char *s) {
  nd_token *t;
  size_t n;
  if (nd_tokenize(s, strlen(s), &t, &n)) return "(oom)";
  size_t k = 0;
  for (size_t i = 0; i < n && k + t[i].len + 2 < sizeof(joined); i++) {
    if (i) joined[k++] = '|';
    memcpy(joined + k, s + t[i].start, t[i].len);
    k += t[i].len;
  }
  joined[k] = 0;
  nd_free(t);
  return joined;
}

static size_t sentence_of_token(const char *s, size_t which) {
  nd_token *t;
  size_t n, r = 0;
  if (nd_tokenize(s, strlen(s), &t, &n)) return 0;
  if (which < n) r = t[which].sentence;
  nd_free(t);
  return r;
}

int main(void) {
  CHECK_STR(toks("Mr. O'Brien visited Saint-Denis."), "Mr.|O'Brien|visited|Saint-Denis|.");
  CHECK_STR(toks("Zelenskyy's aides didn't say"), "Zelenskyy|'s|aides|did|n't|say");
  CHECK_STR(toks("Zelenskyy\xe2\x80\x99s office"), "Zelenskyy|\xe2\x80\x99s|office");
  CHECK_STR(toks("the U.S. and U.K. economies"), "the|U.S.|and|U.K.|economies");
  CHECK_STR(toks("J. K. Rowling wrote"), "J.|K.|Rowling|wrote");
  CHECK_STR(toks("It cost $1,000.50 on 1996-08-22 at 10:30."),
            "It|cost|$|1,000.50|on|1996-08-22|at|10:30|.");
  CHECK_STR(toks("Wait... (really?) -- yes!"), "Wait|...|(|really|?|)|--|yes|!");
  CHECK_STR(toks("AT&T and Procter & Gamble"), "AT&T|and|Procter|&|Gamble");
  CHECK_STR(toks("\xc2\xab Of course \xc2\xbb"), "\xc2\xab|Of|course|\xc2\xbb");
  /* Glue: lower-case then capitalized always splits; capitalized then
  ** lower-case only with evidence from the same document. */
  CHECK_STR(toks("officials saidXi was there"), "officials|said|Xi|was|there");
  CHECK_STR(toks("iPhone and McDonald"), "iPhone|and|McDonald");
  CHECK_STR(toks("Xi Jinping arrived. Jinpingarrived late."),
            "Xi|Jinping|arrived|.|Jinping|arrived|late|.");
  CHECK_STR(toks("Jinping spoke. Jinpingarrived late."), "Jinping|spoke|.|Jinping|arrived|late|.");
  CHECK_STR(toks("Jordanians live in Jordan."), "Jordanians|live|in|Jordan|.");
  /* A common English word is no glue, even with its parts in the document. */
  CHECK_STR(toks("News\nNewsletters\nWestern letters"), "News|Newsletters|Western|letters");
  CHECK_STR(toks("Eastern Airlines flew. Eastern Air said."),
            "Eastern|Airlines|flew|.|Eastern|Air|said|.");
  /* Invalid UTF-8 bytes become tokens; nothing crashes. */
  CHECK_STR(toks("Mos\xff" "cow"), "Mos|\xff|cow");
  CHECK_STR(toks(""), "");
  CHECK_STR(toks("   \n\t "), "");
  /* Sentence numbers follow the shared splitter. */
  CHECK(sentence_of_token("Putin spoke. Xi listened.", 0) == 1);
  CHECK(sentence_of_token("Putin spoke. Xi listened.", 3) == 2);
  /* One huge word is one token, in linear time. */
  size_t big = 1 << 20;
  char *w = malloc(big + 1);
  CHECK(w != NULL);
  if (w) {
    memset(w, 'a', big);
    w[big] = 0;
    nd_token *t;
    size_t n;
    CHECK(nd_tokenize(w, big, &t, &n) == 0);
    CHECK(n == 1 && t[0].len == big);
    nd_free(t);
    for (size_t i = 0; i < big; i++) w[i] = "a'-."[i % 4];
    CHECK(nd_tokenize(w, big, &t, &n) == 0);
    nd_free(t);
    free(w);
  }
  UNIT_DONE();
}
