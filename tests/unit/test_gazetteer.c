/* Gazetteer lookups: single words, case folding, phrases, sentence features;
** word classes. */
#include <string.h>

#include "nd_clusters.h"
#include "nd_gazetteer.h"
#include "unit.h"

static unsigned word(const char *w) { return nd_gaz_word(w, strlen(w)); }

/* Tokens of a space-separated string, pointing into it. */
static size_t split(const char *s, nd_gaz_tok *tok, size_t max) {
  size_t n = 0;
  while (*s && n < max) {
    while (*s == ' ') s++;
    if (!*s) break;
    const char *e = strchr(s, ' ');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    tok[n++] = (nd_gaz_tok){.s = s, .n = len};
    s += len;
  }
  return n;
}

static void test_words(void) {
  CHECK(word("France") & ND_GAZ_COUNTRY);
  CHECK(word("FRANCE") & ND_GAZ_COUNTRY);
  /* Names need a capital; cue words and common words do not. */
  CHECK(word("france") == 0);
  CHECK(word("WHO") & ND_GAZ_ORG);
  CHECK(!(word("who") & ND_GAZ_ORG) && (word("who") & ND_GAZ_COMMON));
  CHECK((word("Will") & ND_GAZ_FIRST_NAME) && !(word("will") & ND_GAZ_FIRST_NAME));
  CHECK(word("ministry") & ND_GAZ_ORG_CUE);
  CHECK(word("Germany") & ND_GAZ_COUNTRY);
  CHECK(word("Chicago") & ND_GAZ_CITY);
  CHECK(word("Osaka") & ND_GAZ_CITY);
  CHECK(word("Texas") & ND_GAZ_REGION);
  CHECK(word("Bavaria") & ND_GAZ_REGION);
  CHECK(word("Chinese") & ND_GAZ_NATIONALITY);
  CHECK(word("Brazilian") & ND_GAZ_NATIONALITY);
  CHECK(word("Margaret") & ND_GAZ_FIRST_NAME);
  CHECK(word("Einstein") & ND_GAZ_LAST_NAME);
  CHECK(word("Ltd") & ND_GAZ_ORG_SUFFIX);
  CHECK(word("GmbH") & ND_GAZ_ORG_SUFFIX);
  CHECK(word("Ministry") & ND_GAZ_ORG_CUE);
  CHECK(word("spokeswoman") & ND_GAZ_PERSON_CUE);
  CHECK(word("Mrs.") & ND_GAZ_PERSON_CUE);
  CHECK(word("River") & ND_GAZ_LOC_CUE);
  CHECK(word("Portuguese") & ND_GAZ_MISC);
  CHECK(word("table") & ND_GAZ_COMMON);
  CHECK(word("However") & ND_GAZ_COMMON);
  CHECK(!(word("Tuesday") & ND_GAZ_COMMON));
  CHECK(word("Tuesday") & ND_GAZ_TIME);
  CHECK(word("septembre") & ND_GAZ_TIME);
  CHECK(word("yen") & ND_GAZ_CURRENCY);
  CHECK(word("Himalayas") & ND_GAZ_LOCATION);
  /* Non-ASCII case folding and accent-free variants of place names. */
  CHECK(word("Z\xC3\xBCrich") & ND_GAZ_CITY);
  CHECK(word("Z\xC3\x9CRICH") & ND_GAZ_CITY);
  CHECK(word("Zurich") & ND_GAZ_CITY);
  CHECK(word("O\xE2\x80\x99Neill") & ND_GAZ_LAST_NAME); /* typographic apostrophe */
  CHECK(word("Guinea\xE2\x80\x90" "Bissau") & ND_GAZ_COUNTRY); /* Unicode hyphen */
  CHECK(word("xqzvw") == 0);
  CHECK(word("") == 0);
  CHECK(nd_gaz_word(NULL, 0) == 0);
  /* Too long for any key: a miss, not an overflow. */
  char big[600];
  memset(big, 'a', sizeof big);
  CHECK(nd_gaz_word(big, sizeof big) == 0);
  CHECK(strcmp(nd_gaz_flag_name(1), "CITY") == 0);
  CHECK(strcmp(nd_gaz_flag_name(ND_GAZ_NFLAGS - 1), "TRAIN_MISC") == 0);
  CHECK(nd_gaz_flag_name(ND_GAZ_NFLAGS) == NULL);
}

static void test_phrases(void) {
  nd_gaz_tok tok[32];
  unsigned f;
  size_t n = split("He flew to New York City on the United States plane .", tok, 32);
  CHECK(nd_gaz_phrase(tok, n, 3, &f) >= 2 && (f & ND_GAZ_CITY));
  CHECK(nd_gaz_phrase(tok, n, 8, &f) == 2 && (f & ND_GAZ_COUNTRY));
  CHECK(nd_gaz_phrase(tok, n, 0, &f) <= 1);
  CHECK(nd_gaz_phrase(tok, n, n, &f) == 0 && f == 0);

  n = split("in the united states", tok, 32);
  CHECK(nd_gaz_phrase(tok, n, 2, &f) <= 1 && !(f & ND_GAZ_COUNTRY));
  n = split("in the united States", tok, 32);
  CHECK(nd_gaz_phrase(tok, n, 2, &f) == 2 && (f & ND_GAZ_COUNTRY));

  n = split("the UNITED NATIONS said", tok, 32);
  CHECK(nd_gaz_phrase(tok, n, 1, &f) == 2 && (f & ND_GAZ_ORG));

  n = split("Albert Einstein and Abraham Lincoln", tok, 32);
  CHECK(nd_gaz_phrase(tok, n, 0, &f) == 2 && (f & ND_GAZ_PERSON));
  CHECK(nd_gaz_phrase(tok, n, 3, &f) == 2 && (f & ND_GAZ_PERSON));

  unsigned begin[32], inside[32];
  n = split("visit Buenos Aires now", tok, 32);
  nd_gaz_sentence(tok, n, begin, inside);
  CHECK(begin[1] & ND_GAZ_CITY);
  CHECK(inside[2] & ND_GAZ_CITY);
  CHECK(!(inside[1] & ND_GAZ_CITY));
  CHECK(!(begin[3] & ND_GAZ_CITY) && !(inside[3] & ND_GAZ_CITY));
  nd_gaz_sentence(tok, 0, begin, inside);

  /* Tokens whose own lookup is passed in match the same phrases. */
  unsigned begin2[32], inside2[32];
  n = split("the Bank of England and New York City Ballet met in Buenos Aires and Berlin", tok, 32);
  nd_gaz_sentence(tok, n, begin, inside);
  for (size_t i = 0; i < n; i++) {
    tok[i].raw = nd_gaz_word_raw(tok[i].s, tok[i].n, -1, &tok[i].capital);
    tok[i].known = 1;
    CHECK(nd_gaz_visible(tok[i].raw, tok[i].capital) == nd_gaz_word(tok[i].s, tok[i].n));
  }
  nd_gaz_sentence(tok, n, begin2, inside2);
  CHECK(memcmp(begin, begin2, n * sizeof *begin) == 0 &&
        memcmp(inside, inside2, n * sizeof *inside) == 0);
  CHECK((begin2[11] & ND_GAZ_CITY) && (inside2[12] & ND_GAZ_CITY));

  /* A memo of phrase lookups, cold then warm, changes nothing. */
  static nd_gaz_memo memo;
  for (int round = 0; round < 2; round++) {
    nd_gaz_sentence_memo(tok, n, &memo, begin2, inside2);
    CHECK(memcmp(begin, begin2, n * sizeof *begin) == 0 &&
          memcmp(inside, inside2, n * sizeof *inside) == 0);
  }
}

static void test_folds(void) {
  const char *words[] = {"Germany", "U.S.", "Chicago", "said", "Reuters"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    unsigned all = nd_gaz_word(words[i], n);
    CHECK(nd_gaz_word_fold(words[i], n, -1) == all);
    for (int k = 0; k < ND_GAZ_FOLDS; k++) { /* only the TRAIN_* bits may differ */
      unsigned f = nd_gaz_word_fold(words[i], n, k);
      CHECK((f & ~ND_GAZ_TRAIN_ALL) == (all & ~ND_GAZ_TRAIN_ALL));
    }
  }
  /* A string frequent all over the training data is in every fold's list. */
  for (int k = 0; k < ND_GAZ_FOLDS; k++) CHECK(nd_gaz_word_fold("U.S.", 4, k) & ND_GAZ_TRAIN_LOC);
  CHECK(nd_gaz_word_fold("U.S.", 4, ND_GAZ_FOLDS) == nd_gaz_word("U.S.", 4));
  nd_gaz_tok tok[8];
  unsigned f, g, begin[8], inside[8];
  size_t n = split("in the United States today", tok, 8);
  CHECK(nd_gaz_phrase_fold(tok, n, 2, 0, &f) == nd_gaz_phrase(tok, n, 2, &g) &&
        (f & ~ND_GAZ_TRAIN_ALL) == (g & ~ND_GAZ_TRAIN_ALL));
  nd_gaz_sentence_fold(tok, n, 1, begin, inside);
  CHECK((begin[2] & ND_GAZ_COUNTRY) && (inside[3] & ND_GAZ_COUNTRY));
}

static int cls(const char *w, nd_word_class *c) { return nd_word_cluster(w, strlen(w), c); }

static void test_clusters(void) {
  nd_word_class a, b, c;
  CHECK(cls("Moscow", &a) && cls("London", &b));
  CHECK(a.fine == b.fine); /* cities share a class */
  CHECK(a.middle == b.middle && a.coarse == b.coarse); /* the levels nest */
  CHECK(cls("Russia", &b) && b.middle == a.middle); /* countries are near */
  CHECK(cls("the", &c) && c.middle != a.middle);
  CHECK(a.fine < ND_CLUSTERS_FINE && a.middle < ND_CLUSTERS_MIDDLE && a.coarse < ND_CLUSTERS_COARSE);
  /* Case fallbacks: lower case, then a capital first letter. */
  CHECK(cls("RUSSIA", &c) && c.fine == cls("Russia", &b) * b.fine);
  CHECK(cls("THE", &c));
  c.fine = 7;
  CHECK(!cls("xqzvwj", &c) && c.fine == 7);
  CHECK(!nd_word_cluster(NULL, 0, &c) && !nd_word_cluster("a", 0, &c));
}

int main(void) {
  test_words();
  test_phrases();
  test_folds();
  test_clusters();
  UNIT_DONE();
}
