/* Unit tests of the entity tagger (ext/ner_*.c, ext/entities.c): the
** linked-in model, spans on simple text, and robustness on hostile input
** (a 1 MB word, all-caps and lower-case text, invalid UTF-8, no letters, a
** large input in linear time). */
#include <stdlib.h>
#include <time.h>

#include "nd_alloc.h"
#include "nd_entities.h"
#include "unit.h"

#if defined(__SANITIZE_ADDRESS__)
#define BIG_INPUT (1u << 20) /* the suite stays fast under ASan */
#else
#define BIG_INPUT (8u << 20) /* 50 MB runs in make bench-entities */
#endif

/* Entities of s checked for sanity: in bounds, in order, not overlapping,
** known types, scores in [0,1]. Returns the count, or -1. */
static long check_entities(const char *s, size_t n) {
  nd_entity *e;
  size_t count;
  if (nd_entities_find(s, n, &e, &count)) return -1;
  size_t end = 0;
  int ok = 1;
  for (size_t i = 0; i < count; i++) {
    ok &= e[i].start >= end && e[i].len > 0 && e[i].start + e[i].len <= n;
    ok &= nd_entity_type_name(e[i].type) != NULL;
    ok &= e[i].score >= 0 && e[i].score <= 1 && e[i].sentence >= 1;
    ok &= e[i].canonical != NULL && e[i].key != NULL;
    end = e[i].start + e[i].len;
  }
  nd_entities_free(e, count);
  CHECK(ok);
  return (long)count;
}

static const char *find_type(const char *s, const char *mention) {
  static char type[8];
  nd_entity *e;
  size_t count;
  type[0] = 0;
  if (nd_entities_find(s, strlen(s), &e, &count)) return "(oom)";
  for (size_t i = 0; i < count; i++)
    if (e[i].len == strlen(mention) && !memcmp(s + e[i].start, mention, e[i].len))
      snprintf(type, sizeof(type), "%s", nd_entity_type_name(e[i].type));
  nd_entities_free(e, count);
  return type;
}

/* Seconds to tag n bytes of repeated text. */
static double time_text(const char *unit, size_t n, long *count) {
  size_t k = strlen(unit);
  char *s = malloc(n + 1);
  if (!s) return -1;
  for (size_t i = 0; i < n; i++) s[i] = unit[i % k];
  s[n] = 0;
  clock_t t0 = clock();
  *count = check_entities(s, n);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  free(s);
  return secs;
}

/* Do two results agree in every field? */
static int same_entities(const nd_entity *a, size_t na, const nd_entity *b, size_t nb) {
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++)
    if (a[i].start != b[i].start || a[i].len != b[i].len || a[i].type != b[i].type ||
        a[i].sentence != b[i].sentence || a[i].score != b[i].score ||
        strcmp(a[i].canonical, b[i].canonical) || strcmp(a[i].key, b[i].key))
      return 0;
  return 1;
}

/* The cache of word forms changes nothing: texts that share words, each
** tagged with a cold cache, a warm one, and none. */
static void test_cache(void) {
  static const char *texts[] = {
      "Angela Merkel met officials of the European Union in Brussels on Monday.",
      "In Brussels, officials said Merkel would return to Berlin. The Union agreed.",
      "BRUSSELS (Reuters) - The European Commission said on Monday that Merkel spoke.",
      "officials in berlin and brussels met on monday; merkel was not there.",
  };
  nd_ner_cache *cache = nd_ner_cache_new();
  CHECK(cache != NULL);
  size_t total = 0;
  for (int round = 0; round < 2; round++)
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
      nd_entity *a, *b;
      size_t na, nb;
      size_t n = strlen(texts[k]);
      CHECK(nd_entities_find(texts[k], n, &a, &na) == 0);
      CHECK(nd_entities_find_cached(cache, texts[k], n, &b, &nb) == 0);
      CHECK(same_entities(a, na, b, nb));
      total += na;
      nd_entities_free(a, na);
      nd_entities_free(b, nb);
    }
  CHECK(total >= 10);
  nd_ner_cache_free(cache);
}

int main(void) {
  const nd_ner_model *m = nd_ner_builtin();
  CHECK(m != NULL);
  CHECK(strncmp(nd_ner_model_info(), "ner ", 4) == 0);
  CHECK_STR(nd_entity_type_name(ND_ENT_LOC), "LOC");
  CHECK(nd_entity_type_name(7) == NULL);

  const char *plain = "Angela Merkel met officials of the European Union in Brussels on Monday.";
  CHECK_STR(find_type(plain, "Angela Merkel"), "PER");
  CHECK_STR(find_type(plain, "European Union"), "ORG");
  CHECK_STR(find_type(plain, "Brussels"), "LOC");

  test_cache();

  CHECK(check_entities("", 0) == 0);
  CHECK(check_entities("12 34 -- ... !!! 56,7 %%% \n\n ***", 33) == 0);
  const char *caps = "ANGELA MERKEL MET OFFICIALS OF THE EUROPEAN UNION IN BRUSSELS ON MONDAY.";
  CHECK(check_entities(caps, strlen(caps)) >= 0);
  const char *lower = "angela merkel met officials of the european union in brussels on monday.";
  CHECK(check_entities(lower, strlen(lower)) >= 0);
  const char *bad = "Paris \xff\xfe Berlin \xc3 Rome \xed\xa0\x80 Madrid\x80";
  CHECK(check_entities(bad, strlen(bad)) >= 1);

  /* A single 1 MB word; words with no sentence end (tagged in bounded
  ** pieces). */
  long count;
  CHECK(time_text("Xa", 1u << 20, &count) >= 0 && count >= 0);
  CHECK(time_text("a Word ", 1u << 18, &count) >= 0 && count >= 0);

  /* A large input of news-like text, and linear time: four times the text
  ** must not take much more than four times as long. */
  const char *news = "President Emmanuel Macron of France spoke with Chancellor Olaf Scholz "
                     "in Berlin, the Elysee said on Tuesday. ";
  long c1, c4;
  double t1 = time_text(news, BIG_INPUT / 4, &c1);
  double t4 = time_text(news, BIG_INPUT, &c4);
  CHECK(c1 > 0 && c4 > 3 * c1);
  CHECK(t4 < 8 * t1 + 0.05);
  printf("%.1f MB: %.2f s, %ld entities\n", BIG_INPUT / 1048576.0, t4, c4);
  UNIT_DONE();
}
