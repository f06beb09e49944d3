/* Canonical names within one input: short names, acronyms, possessives,
** spelling variants, ambiguity. */
#include <stdlib.h>
#include <string.h>

#include "nd_alloc.h"
#include "nd_canonical.h"
#include "nd_utf8.h"
#include "unit.h"

#define MAXM 16

/* Mentions given as "TYPE:text" in text order: each is found after the
** previous one. Runs nd_canonical and keeps the results in out[]. */
static int run(const char *text, const char *const *spec, size_t count, char **out) {
  nd_mention m[MAXM];
  size_t pos = 0, len[MAXM];
  for (size_t i = 0; i < count; i++) {
    const char *colon = strchr(spec[i], ':');
    const char *found = strstr(text + pos, colon + 1);
    if (!found) return -2;
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    for (int t = 0; t < 4; t++)
      if (!strncmp(spec[i], types[t], (size_t)(colon - spec[i])) &&
          strlen(types[t]) == (size_t)(colon - spec[i]))
        m[i].type = t;
    m[i].start = (size_t)(found - text);
    m[i].len = strlen(colon + 1);
    pos = m[i].start + m[i].len;
  }
  return nd_canonical(text, strlen(text), m, count, out, len);
}

static void free_all(char **out, size_t count) {
  for (size_t i = 0; i < count; i++) nd_free(out[i]);
}

static void test_people(void) {
  const char *text =
      "Foreign Minister Ingrid Halvorsen met Tomasz Wierzbicki in Oslo. Halvorsen said "
      "Wierzbicki's plan was sound; Ingrid later flew home.";
  const char *spec[] = {"PER:Ingrid Halvorsen", "PER:Tomasz Wierzbicki", "LOC:Oslo", "PER:Halvorsen",
                        "PER:Wierzbicki's", "PER:Ingrid"};
  char *out[MAXM];
  CHECK(run(text, spec, 6, out) == 0);
  CHECK_STR(out[0], "Ingrid Halvorsen");
  CHECK_STR(out[2], "Oslo");
  CHECK_STR(out[3], "Ingrid Halvorsen");
  CHECK_STR(out[4], "Tomasz Wierzbicki");
  CHECK_STR(out[5], "Ingrid Halvorsen");
  free_all(out, 6);
}

static void test_first_and_last(void) {
  const char *text = "Maria Elena Quintero spoke. Later Maria Quintero and Quintero again.";
  const char *spec[] = {"PER:Maria Elena Quintero", "PER:Maria Quintero", "PER:Quintero"};
  char *out[MAXM];
  CHECK(run(text, spec, 3, out) == 0);
  CHECK_STR(out[1], "Maria Elena Quintero");
  CHECK_STR(out[2], "Maria Elena Quintero");
  free_all(out, 3);
}

static void test_ambiguous(void) {
  const char *text = "Anna Lindqvist and Johan Lindqvist argued; Lindqvist won.";
  const char *spec[] = {"PER:Anna Lindqvist", "PER:Johan Lindqvist", "PER:Lindqvist"};
  char *out[MAXM];
  CHECK(run(text, spec, 3, out) == 0);
  CHECK_STR(out[0], "Anna Lindqvist");
  CHECK_STR(out[1], "Johan Lindqvist");
  CHECK_STR(out[2], "Lindqvist");
  free_all(out, 3);
}

static void test_variants(void) {
  const char *text =
      "Arkady Dvorkovich spoke. Dvorkovych said. Then Dvorkovich left. Dvorkovitch? No: Dvorak.";
  const char *spec[] = {"PER:Arkady Dvorkovich", "PER:Dvorkovych", "PER:Dvorkovich", "PER:Dvorak"};
  char *out[MAXM];
  CHECK(run(text, spec, 4, out) == 0);
  CHECK_STR(out[1], "Arkady Dvorkovich");
  CHECK_STR(out[2], "Arkady Dvorkovich");
  CHECK_STR(out[3], "Dvorak");
  free_all(out, 4);

  /* Two spellings of the full name: the more frequent one wins. */
  const char *t2 =
      "Oleksiy Danylenkiy spoke. Oleksiy Danylenky replied. Oleksiy Danylenky left. Danylenkiy stayed.";
  const char *s2[] = {"PER:Oleksiy Danylenkiy", "PER:Oleksiy Danylenky", "PER:Oleksiy Danylenky",
                      "PER:Danylenkiy"};
  CHECK(run(t2, s2, 4, out) == 0);
  CHECK_STR(out[0], "Oleksiy Danylenky");
  CHECK_STR(out[3], "Oleksiy Danylenky");
  free_all(out, 4);

  /* Transliterations of both names; short first names that differ stay apart. */
  const char *t4 = "Volodymyr Zelenskyy met aides. Volodimir Zelensky spoke; Zelenskiy left. "
                   "Maria Ferro and Mario Ferro.";
  const char *s4[] = {"PER:Volodymyr Zelenskyy", "PER:Volodimir Zelensky", "PER:Zelenskiy", "PER:Maria Ferro",
                      "PER:Mario Ferro"};
  CHECK(run(t4, s4, 5, out) == 0);
  CHECK_STR(out[0], "Volodymyr Zelenskyy"); /* a tie: the longer writing, then the first */
  CHECK_STR(out[1], out[0]);
  CHECK_STR(out[2], out[0]);
  CHECK_STR(out[3], "Maria Ferro");
  CHECK_STR(out[4], "Mario Ferro");
  free_all(out, 5);

  /* A feminine ending is another person. */
  const char *t5 = "Pavel Sorokin and Sorokina met. Sorokin left.";
  const char *s5[] = {"PER:Pavel Sorokin", "PER:Sorokina", "PER:Sorokin"};
  CHECK(run(t5, s5, 3, out) == 0);
  CHECK_STR(out[1], "Sorokina");
  CHECK_STR(out[2], "Pavel Sorokin");
  free_all(out, 3);

  /* Different consonants are different people. */
  const char *t3 = "Ed Johnson and Al Johnston. Johnson spoke.";
  const char *s3[] = {"PER:Ed Johnson", "PER:Al Johnston", "PER:Johnson"};
  CHECK(run(t3, s3, 3, out) == 0);
  CHECK_STR(out[1], "Al Johnston");
  CHECK_STR(out[2], "Ed Johnson");
  free_all(out, 3);
}

static void test_acronyms(void) {
  const char *text =
      "The International Grain Council (IGC) met the Baltic Shipping Authority. IGC data and "
      "BSA rules differ; the Authority declined. IGC's chief spoke.";
  const char *spec[] = {"ORG:International Grain Council", "ORG:IGC", "ORG:Baltic Shipping Authority",
                        "ORG:IGC", "ORG:BSA", "ORG:Authority", "ORG:IGC's"};
  char *out[MAXM];
  CHECK(run(text, spec, 7, out) == 0);
  CHECK_STR(out[1], "International Grain Council");
  CHECK_STR(out[3], "International Grain Council");
  CHECK_STR(out[4], "Baltic Shipping Authority"); /* initials, no parentheses */
  CHECK_STR(out[5], "Baltic Shipping Authority"); /* last word of a longer ORG */
  CHECK_STR(out[6], "International Grain Council");
  free_all(out, 7);

  /* Defined in the text, the initials need not match; "of" may be skipped. */
  const char *t2 = "ZX (Zentral Logistik) grew. The Department of Water Supply (DWS) and DoWS.";
  const char *s2[] = {"ORG:ZX", "ORG:Zentral Logistik", "ORG:Department of Water Supply", "ORG:DWS",
                      "ORG:DoWS"};
  CHECK(run(t2, s2, 5, out) == 0);
  CHECK_STR(out[0], "Zentral Logistik");
  CHECK_STR(out[3], "Department of Water Supply");
  CHECK_STR(out[4], "Department of Water Supply");
  free_all(out, 5);

  /* The article goes from names of several words; acronyms may skip it. */
  const char *t4 = "The Daily Harbour Gazette (DHG) and The Hague. DHG and The Hague.";
  const char *s4[] = {"ORG:The Daily Harbour Gazette", "ORG:DHG", "LOC:The Hague", "ORG:DHG",
                      "LOC:The Hague"};
  CHECK(run(t4, s4, 5, out) == 0);
  CHECK_STR(out[0], "Daily Harbour Gazette");
  CHECK_STR(out[1], "Daily Harbour Gazette");
  CHECK_STR(out[2], "The Hague");
  free_all(out, 5);
  const char *t5 = "BANK OF THE ANDES REPORTS PROFIT. Bank Of The Andes grew; BA shares rose.";
  const char *s5[] = {"ORG:Bank Of The Andes", "ORG:BA"};
  CHECK(run(t5, s5, 2, out) == 0);
  CHECK_STR(out[1], "Bank Of The Andes");
  free_all(out, 2);

  /* Places: acronyms yes, a shorter place inside a longer one no. */
  const char *t3 = "Trade between the United Arab Emirates and North Korea; UAE and Korea.";
  const char *s3[] = {"LOC:United Arab Emirates", "LOC:North Korea", "LOC:UAE", "LOC:Korea"};
  CHECK(run(t3, s3, 4, out) == 0);
  CHECK_STR(out[2], "United Arab Emirates");
  CHECK_STR(out[3], "Korea");
  free_all(out, 4);
}

static void test_cleaning(void) {
  const char *text =
      "\"Karl\n  Brenner\" and (Brenner) met \xE2\x80\x9CKarl Brenner\xE2\x80\x99s\xE2\x80\x9D aide.";
  const char *spec[] = {"PER:\"Karl\n  Brenner\"", "PER:(Brenner)",
                        "PER:\xE2\x80\x9CKarl Brenner\xE2\x80\x99s\xE2\x80\x9D"};
  char *out[MAXM];
  CHECK(run(text, spec, 3, out) == 0);
  CHECK_STR(out[0], "Karl Brenner");
  CHECK_STR(out[1], "Karl Brenner");
  CHECK_STR(out[2], "Karl Brenner");
  free_all(out, 3);

  /* Same short name, different types: each resolves within its type. */
  const char *t2 = "Jordan Pike visited Jordan. Pike left.";
  const char *s2[] = {"PER:Jordan Pike", "LOC:Jordan", "PER:Pike"};
  CHECK(run(t2, s2, 3, out) == 0);
  CHECK_STR(out[1], "Jordan");
  CHECK_STR(out[2], "Jordan Pike");
  free_all(out, 3);

  /* Spans past the end, empty spans, nothing at all. */
  nd_mention m[2] = {{5, 100, ND_CANON_ORG}, {50, 3, ND_CANON_PER}};
  size_t len[2];
  CHECK(nd_canonical("Acme Corp", 9, m, 2, out, len) == 0);
  CHECK_STR(out[0], "Corp");
  CHECK_STR(out[1], "");
  free_all(out, 2);
  CHECK(nd_canonical("", 0, NULL, 0, out, len) == 0);
}

/* Random text (invalid UTF-8, brackets, apostrophes) and random spans,
** overlapping or past the end: every mention still gets a string. */
static void test_random(void) {
  static const char alphabet[] = "AaBbKkNnOoSsTt   ..()'\xE2\x80\x99\xC3\xA9\xFF\x80&-";
  enum { N = 3000, M = 400 };
  char *text = malloc(N);
  nd_mention *m = malloc(M * sizeof(*m));
  char **out = malloc(M * sizeof(char *));
  size_t *len = malloc(M * sizeof(size_t));
  unsigned x = 12345;
  for (int round = 0; round < 20; round++) {
    for (size_t i = 0; i < N; i++) {
      x = x * 1103515245u + 12345u;
      text[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
    }
    for (size_t i = 0; i < M; i++) {
      x = x * 1103515245u + 12345u;
      m[i].start = (x >> 8) % (N + 20);
      x = x * 1103515245u + 12345u;
      m[i].len = (x >> 8) % 30;
      m[i].type = (int)((x >> 20) % 4);
    }
    int ok = nd_canonical(text, N, m, M, out, len) == 0;
    CHECK(ok);
    for (size_t i = 0; ok && i < M; i++)
      CHECK(out[i] && strlen(out[i]) == len[i] && nd_utf8_valid(out[i], len[i]));
    if (ok) free_all(out, M);
  }
  free(text);
  free(m);
  free(out);
  free(len);
}

static void test_many(void) {
  /* More distinct forms than the pairwise limit: still one answer each. */
  size_t count = 5000;
  char *text = malloc(count * 8);
  nd_mention *m = malloc(count * sizeof(*m));
  char **out = malloc(count * sizeof(char *));
  size_t *len = malloc(count * sizeof(size_t));
  size_t p = 0;
  for (size_t i = 0; i < count; i++) {
    m[i].start = p;
    p += (size_t)sprintf(text + p, "N%05zu ", i);
    m[i].len = 6;
    m[i].type = ND_CANON_ORG;
  }
  CHECK(nd_canonical(text, p, m, count, out, len) == 0);
  CHECK_STR(out[4999], "N04999");
  free_all(out, count);
  free(text);
  free(m);
  free(out);
  free(len);
}

int main(void) {
  test_people();
  test_first_and_last();
  test_ambiguous();
  test_variants();
  test_acronyms();
  test_cleaning();
  test_random();
  test_many();
  UNIT_DONE();
}
