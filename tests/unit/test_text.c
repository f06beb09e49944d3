/* Engine unit tests: UTF-8 helpers, normalization, sentences. */
#include <stdlib.h>

#include "nd_alloc.h"
#include "nd_normalize.h"
#include "nd_sentences.h"
#include "nd_utf8.h"
#include "unit.h"

static void test_utf8(void) {
  size_t n, fixes;
  char *r = nd_utf8_repair("ab\xff" "c\0d", 6, &n, &fixes);
  CHECK_STR(r, "ab\xEF\xBF\xBD" "cd");
  CHECK(fixes == 2);
  nd_free(r);
  CHECK(nd_utf8_valid("Zelensk\xC3\xBD", 9));
  CHECK(!nd_utf8_valid("\xC0\xAF", 2));         /* overlong */
  CHECK(!nd_utf8_valid("\xED\xA0\x80", 3));     /* lone surrogate */
  CHECK(nd_utf8_chars("\xC3\xA9t\xC3\xA9", 5) == 3);
  /* SQLite's rule: a stray continuation byte is a character of its own. */
  CHECK(nd_utf8_chars("\x80\x80", 2) == 2);
  nd_charpos cp;
  const char *s = "K\xC3\xB6ln ist";
  nd_charpos_init(&cp, s, strlen(s));
  CHECK(nd_charpos_at(&cp, 6) == 5);
  CHECK(nd_charpos_at(&cp, 1) == 1);
}

static void test_normalize(void) {
  size_t n;
  char *k = nd_normalize("  Volodymyr \t ZELENSK\xC3\x9D\n", 24, &n);
  CHECK_STR(k, "volodymyr zelensky");
  nd_free(k);
  k = nd_normalize("\xEF\xAC\x81" "nance", 8, &n); /* the fi ligature, NFKC */
  CHECK_STR(k, "finance");
  nd_free(k);
  k = nd_normalize("", 0, &n);
  CHECK_STR(k, "");
  nd_free(k);
}

/* The ASCII shortcut of nd_normalize agrees with utf8proc's path on every
** byte below 0x80, in random strings and alone. */
static void test_normalize_ascii(void) {
  unsigned seed = 12345;
  char s[64];
  for (int round = 0; round < 2000; round++) {
    size_t len = round < 128 ? 1 : 1 + round % 40;
    for (size_t i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      s[i] = round < 128 ? (char)round : (char)((seed >> 16) % 128);
      if (round >= 128 && (seed >> 8) % 3 == 0) s[i] = " \tAz"[(seed >> 4) % 4];
    }
    size_t n1, n2;
    char *fast = nd_normalize(s, len, &n1), *slow = nd_normalize_general(s, len, &n2);
    CHECK(fast && slow && n1 == n2 && memcmp(fast, slow, n1) == 0);
    nd_free(fast);
    nd_free(slow);
  }
}

static int split_count(const char *t) {
  nd_span *s;
  size_t n;
  if (nd_sentences_split(t, strlen(t), &s, &n)) return -1;
  nd_free(s);
  return (int)n;
}

static void test_sentences(void) {
  CHECK(split_count("Mr. Putin met Dr. Smith on Jan. 5. They talked.") == 2);
  CHECK(split_count("The U.S. economy grew 2.5 percent. Prices rose.") == 2);
  CHECK(split_count("He lives in the U.S. The rest moved.") == 2);
  CHECK(split_count("J. K. Rowling wrote it at 5 p.m. on Friday.") == 1);
  CHECK(split_count("\xC2\xAB Of course, \xC2\xBB Putin said. \xE2\x80\x9CWe wait.\xE2\x80\x9D He left.") == 3);
  CHECK(split_count("Headline without stop\n\nFirst paragraph. Second one.") == 3);
  CHECK(split_count("a line that wraps\nand goes on.") == 1);
  CHECK(split_count("Wait... What happened? Nobody knows!") == 3);
  CHECK(split_count("") == 0);
  CHECK(split_count("   \n\n  ") == 0);
  nd_span *s;
  size_t n;
  const char *t = "  One.  Two.  ";
  CHECK(nd_sentences_split(t, strlen(t), &s, &n) == 0);
  CHECK(n == 2 && s[0].start == 2 && s[0].len == 4 && s[1].start == 8 && s[1].len == 4);
  CHECK(nd_sentence_of(s, n, 0) == 1);
  CHECK(nd_sentence_of(s, n, 9) == 2);
  nd_free(s);
}

int main(void) {
  test_utf8();
  test_normalize();
  test_normalize_ascii();
  test_sentences();
  UNIT_DONE();
}
