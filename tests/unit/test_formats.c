/* Engine unit tests: article formats, cleaning, JSON records, dates. */
#include <stdlib.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_langid.h"
#include "nd_utf8.h"
#include "unit.h"

/* Parse a NUL-terminated literal as format f; the caller clears. */
static nd_article parse(const char *raw, nd_format f) {
  nd_article a;
  int rc = nd_article_parse(&a, raw, strlen(raw), f);
  CHECK(rc == 0);
  return a;
}

static void test_names(void) {
  CHECK_STR(nd_format_name(ND_FORMAT_HTML), "html");
  CHECK(nd_format_name(ND_FORMAT_UNKNOWN) == NULL);
  CHECK(nd_format_from_name("MD") == ND_FORMAT_MARKDOWN);
  CHECK(nd_format_from_name("ndjson") == ND_FORMAT_JSON);
  CHECK(nd_format_from_name("pdf") == ND_FORMAT_UNKNOWN);
  CHECK(nd_format_from_path("a/b/story.HTM") == ND_FORMAT_HTML);
  CHECK(nd_format_from_path("a.b/README") == ND_FORMAT_UNKNOWN);
  CHECK(nd_format_from_path("x.jsonl") == ND_FORMAT_JSON);
  CHECK(nd_format_sniff("  {\"title\": 1}", 14) == ND_FORMAT_JSON);
  CHECK(nd_format_sniff("<!DOCTYPE html><p>x", 19) == ND_FORMAT_HTML);
  CHECK(nd_format_sniff("---\ntitle: x\n---\n", 17) == ND_FORMAT_MARKDOWN);
  CHECK(nd_format_sniff("[a link](http://x) and text", 27) == ND_FORMAT_MARKDOWN);
  CHECK(nd_format_sniff("Just words.", 11) == ND_FORMAT_TEXT);
}

static void test_words(void) {
  CHECK(nd_count_words("", 0) == 0);
  CHECK(nd_count_words("Xi's visit, 2023!", 17) == 4);
  CHECK(nd_count_words("Zelensk\xC3\xBD  \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 20) ==
        2);
}

static void test_text(void) {
  nd_article a = parse(
      "Home \xC2\xBB World \xC2\xBB Talks\n\nCrypto News\n\nLeaders meet in Moscow for talks\n\n"
      "by admin\nLeaders meet in Moscow for talks\n\n"
      "The two leaders met on Monday.\n\n- Advertisement -\n\n"
      "See also\xC2\xA0 Another Story About Something\n\n"
      "They spoke for hours, officials said.\n\nSource link\n\nRelated Articles\n",
      ND_FORMAT_TEXT);
  CHECK_STR(a.title, "Leaders meet in Moscow for talks");
  CHECK_STR(a.byline, "admin");
  CHECK_STR(a.text, "The two leaders met on Monday.\n\nThey spoke for hours, officials said.");
  CHECK(a.words == 12);
  nd_article_clear(&a);

  a = parse(
      "3.8 C\nFriday, March 1, 2024\n\nA headline about the \xE2\x80\x99visit\xE2\x80\x99\n\n"
      "A headline about the 'visit'\n\nBody sentence one.\n\n\xC3\x89"
      "crit par Jeanne Roux\n",
      ND_FORMAT_TEXT);
  CHECK_STR(a.title, "A headline about the \xE2\x80\x99visit\xE2\x80\x99");
  CHECK_STR(a.byline, "Jeanne Roux");
  CHECK_STR(a.text, "Body sentence one.");
  nd_article_clear(&a);

  /* A bare date just below the headline is its date; above it, a header. */
  a = parse(
      "Friday, March 1, 2024\n\nMuseum opens new wing\nMarch 3, 2023\n\n"
      "The museum opened on Friday, officials said.\n",
      ND_FORMAT_TEXT);
  CHECK_STR(a.title, "Museum opens new wing");
  CHECK_STR(a.published, "2023-03-03");
  CHECK_STR(a.text, "The museum opened on Friday, officials said.");
  nd_article_clear(&a);

  /* One paragraph per line; hard-wrapped lines are joined instead. */
  a = parse(
      "Harbour bridge opens\n\nThe bridge opened on Monday, the council said.\n"
      "Traffic moved freely, officials added.\n",
      ND_FORMAT_TEXT);
  CHECK_STR(
      a.text,
      "The bridge opened on Monday, the council said.\n\nTraffic moved freely, officials added.");
  nd_article_clear(&a);
  a = parse(
      "Harbour bridge opens\n\nThe bridge across the harbour opened on Monday after\n"
      "eight months of repairs, the council said, and traffic\nmoved freely again.\n\n"
      "Officials were pleased with the work of the engineers who\nreplaced the cables.\n",
      ND_FORMAT_TEXT);
  CHECK_STR(a.text,
            "The bridge across the harbour opened on Monday after eight months of repairs, "
            "the council said, and traffic moved freely again.\n\n"
            "Officials were pleased with the work of the engineers who replaced the cables.");
  nd_article_clear(&a);

  /* CRLF, BOM, NUL and invalid UTF-8, NFD to NFC. */
  a = parse("\xEF\xBB\xBFTitle line here ok\r\n\r\nCaf\x65\xCC\x81 opens\xFF today.\r\n",
            ND_FORMAT_TEXT);
  CHECK_STR(a.title, "Title line here ok");
  CHECK_STR(a.text, "Caf\xC3\xA9 opens\xEF\xBF\xBD today.");
  CHECK(a.repairs == 1);
  nd_article_clear(&a);
}

static void test_clean(void) {
  const char *in =
      "First paragraph, with a sentence.\n\nREAD MORE: Something else entirely >>>\n\n"
      "Leave a Reply\nYour email address will not be published. Required fields are marked *\n\n"
      "We use cookies to improve your experience. By using this site you accept them.\n\n"
      "Caption of a photo (AFP)Caption of a photo (AFP)\n\n"
      "Second paragraph.\n\nMain photo source: AGENCY\n\nSource: Some Wire\n\ntag one\n";
  size_t n;
  char *c = nd_clean_text(in, strlen(in), &n);
  CHECK_STR(c, "First paragraph, with a sentence.\n\nSecond paragraph.");
  nd_free(c);
}

/* Position rules keep sentences that merely start like credits. */
static void test_clean_keeps(void) {
  static const char *const aKeep[] = {
      "Body one.\n\nVia the new bridge, trips are shorter.",
      "Body one.\n\nRelated to this, officials said more.",
      "By the end of the day, officials said the bridge was open.\n\nBody one.",
      "Body one.\n\nMore.",
  };
  for (size_t i = 0; i < sizeof(aKeep) / sizeof(aKeep[0]); i++) {
    size_t n;
    char *c = nd_clean_text(aKeep[i], strlen(aKeep[i]), &n);
    CHECK_STR(c, aKeep[i]);
    nd_free(c);
  }
}

static void test_markdown(void) {
  nd_article a = parse(
      "---\ntitle: \"Front matter title\"\ndate: 2023-03-17T10:00:00+01:00\n"
      "authors:\n  - Ann Lee\n  - Bo Chen\nurl: https://example.com/a\nlang: en-GB\n---\n"
      "# Heading\n\nSome *emphasis* and a [link](http://x.org) here,\nwrapped.\n\n"
      "![image](http://x.org/i.png)\n\n- First item\n- Second item\n\nLast **bold** line.\n",
      ND_FORMAT_MARKDOWN);
  CHECK_STR(a.title, "Front matter title");
  CHECK_STR(a.published, "2023-03-17T10:00:00+01:00");
  CHECK_STR(a.byline, "Ann Lee, Bo Chen");
  CHECK_STR(a.url, "https://example.com/a");
  CHECK_STR(a.lang, "en");
  CHECK_STR(a.text,
            "Heading\n\nSome emphasis and a link here, wrapped.\n\nFirst item\nSecond item\n\nLast "
            "bold line.");
  nd_article_clear(&a);
}

static void test_front_matter_authors(void) {
  nd_article a = parse(
      "---\ntitle: T\nauthors:\n  - name: Ann Lee\n    email: a@x\n  - Bo Chen\n"
      "  - email: c@x\n    name: Cy Dee\n---\nBody text, here.\n",
      ND_FORMAT_MARKDOWN);
  CHECK_STR(a.byline, "Ann Lee, Bo Chen, Cy Dee");
  CHECK_STR(a.text, "Body text, here.");
  nd_article_clear(&a);
}

static void test_html(void) {
  nd_article a = parse(
      "<!DOCTYPE html><html lang=\"fr-FR\"><head><title>Big news today | The Site</title>"
      "<meta property=\"article:published_time\" content=\"2023-03-17T10:00:00Z\">"
      "<meta name=\"author\" content=\"By Marie Curie\">"
      "<link rel=\"canonical\" href=\"https://ex.com/big?a=1&amp;b=2\"></head>"
      "<body><nav><a href=/>Home</a></nav><article><h1>Big news today</h1>"
      "<p>First paragraph &amp; more, with commas, here &eacute;t&#233; &#x263A;.</p>"
      "<script>var x = '<p>no</p>';</script><p>Second paragraph<br>line two.</p>"
      "<div class=\"share\">Share on Facebook</div></article><footer>(c) "
      "Site</footer></body></html>",
      ND_FORMAT_HTML);
  CHECK_STR(a.title, "Big news today");
  CHECK_STR(a.published, "2023-03-17T10:00:00Z");
  CHECK_STR(a.byline, "Marie Curie");
  CHECK_STR(a.url, "https://ex.com/big?a=1&b=2");
  CHECK_STR(a.lang, "fr");
  CHECK_STR(a.text,
            "First paragraph & more, with commas, here \xC3\xA9t\xC3\xA9 \xE2\x98\xBA.\n\n"
            "Second paragraph\nline two.");
  nd_article_clear(&a);
}

static void test_jsonld(void) {
  /* A graph without an Article: the page's date, not its name. */
  nd_article a = parse(
      "<html><head><script type=\"application/ld+json\">{\"@graph\": [{\"@type\": "
      "\"WebPage\", \"name\": \"Page - Site\", \"datePublished\": "
      "\"2021-05-06T07:08:09+00:00\"}]}</script></head><body><h1>Real headline</h1>"
      "<p>Body text that is long enough, with commas, to score.</p></body></html>",
      ND_FORMAT_HTML);
  CHECK_STR(a.title, "Real headline");
  CHECK_STR(a.published, "2021-05-06T07:08:09+00:00");
  nd_article_clear(&a);
  /* The h1 is the headline even when og:title words it differently. */
  a = parse("<meta property=og:title content=\"Short social title\"><article><h1>The longer headline "
            "of the page</h1><p>Body text that is long enough, with commas, to score well.</p></article>",
            ND_FORMAT_HTML);
  CHECK_STR(a.title, "Short social title");
  CHECK_STR(a.text, "Body text that is long enough, with commas, to score well.");
  nd_article_clear(&a);
  /* A visible date when the page has no date metadata; "updated" is not one. */
  a = parse(
      "<article><h1>Head line here</h1><span class=updated>April 1, 2024</span>"
      "<span class=\"entry-date\">Posted on March 3, 2023</span>"
      "<p>Body text that is long enough, with commas, to score well.</p></article>",
      ND_FORMAT_HTML);
  CHECK_STR(a.published, "2023-03-03");
  nd_article_clear(&a);
  /* og:title keeps a dash that is part of the headline; <title> loses the site. */
  a = parse(
      "<meta property=og:title content=\"Summit ends - and what comes next\"><p>Words, words.</p>",
      ND_FORMAT_HTML);
  CHECK_STR(a.title, "Summit ends - and what comes next");
  nd_article_clear(&a);
  a = parse("<title>Summit ends without a deal - The Daily</title><p>Words, words.</p>",
            ND_FORMAT_HTML);
  CHECK_STR(a.title, "Summit ends without a deal");
  nd_article_clear(&a);
  a = parse(
      "<meta property=og:site_name content=\"The Daily\"><title>The Daily | Summit ends</title>"
      "<p>Words, words.</p>",
      ND_FORMAT_HTML);
  CHECK_STR(a.title, "Summit ends");
  nd_article_clear(&a);
  /* Broken JSON-LD is ignored, the page still reads. */
  a = parse(
      "<script type=application/ld+json>{\"headline\": </script><title>T - S</title><p>Some words "
      "here.</p>",
      ND_FORMAT_HTML);
  CHECK(a.error == NULL);
  CHECK_STR(a.text, "Some words here.");
  nd_article_clear(&a);
}

static void test_json(void) {
  nd_article a = parse(
      "{\"headline\": \"JSON \\u00e9t\\u00e9 \\ud83d\\ude00\", \"maintext\": \"Body.\\n\\nMore.\","
      "\"date_publish\": \"2023-03-17 10:00:00\", \"authors\": [\"A B\", \"C D\"],"
      "\"language\": \"de\", \"url\": \"https://x\"}",
      ND_FORMAT_JSON);
  CHECK_STR(a.title, "JSON \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK_STR(a.text, "Body.\n\nMore.");
  CHECK_STR(a.published, "2023-03-17T10:00:00");
  CHECK_STR(a.byline, "A B, C D");
  CHECK_STR(a.lang, "de");
  nd_article_clear(&a);
  a = parse("{\"id\": 3, \"data\": {\"title\": \"Inner\", \"body\": \"Inner body.\"}}",
            ND_FORMAT_JSON);
  CHECK_STR(a.title, "Inner");
  CHECK_STR(a.text, "Inner body.");
  nd_article_clear(&a);
  a = parse("{\"title\": \"x\", \"text\": \"bad \\q escape\"}", ND_FORMAT_JSON);
  CHECK_STR(a.error, "malformed JSON: invalid escape at byte 28");
  CHECK(a.text == NULL && a.title == NULL);
  nd_article_clear(&a);

  const char *jl = "{\"a\": 1}\n{\"b\": oops}\n\n{\"c\": [1, {\"d\": null}]}\n";
  nd_record *r;
  size_t count;
  CHECK(nd_json_records(jl, strlen(jl), &r, &count) == 0);
  CHECK(count == 3);
  if (count == 3) {
    CHECK(r[0].off == 0 && r[0].len == 8 && r[0].error == NULL);
    CHECK(r[1].error != NULL);
    CHECK(r[2].off == 22 && r[2].error == NULL);
  }
  nd_free(r);
  jl = "{\"a\": 1}\n{\"b\": \n{\"c\": 2}\n";
  CHECK(nd_json_records(jl, strlen(jl), &r, &count) == 0);
  CHECK(count == 3);
  if (count == 3) CHECK(r[1].off == 9 && r[1].len == 6 && r[1].error && !r[2].error);
  nd_free(r);
  const char *env = "{\"status\": \"ok\", \"articles\": [{\"title\": \"A\"}, {\"title\": \"B\"}]}";
  CHECK(nd_json_records(env, strlen(env), &r, &count) == 0);
  CHECK(count == 2 && r[0].off == 30 && r[0].len == 14 && r[1].off == 46);
  nd_free(r);
  env = "{\"status\": \"ok\", \"articles\": []}";
  CHECK(nd_json_records(env, strlen(env), &r, &count) == 0);
  CHECK(count == 0);
  nd_free(r);
  const char *arr = " [ {\"a\": 1} , {\"b\": 2} ] ";
  CHECK(nd_json_records(arr, strlen(arr), &r, &count) == 0);
  CHECK(count == 2 && r[1].off == 14 && r[1].len == 8);
  nd_free(r);
}

static void test_dates(void) {
  static const char *const aCase[][2] = {
      {"2023-03-17", "2023-03-17"},
      {"2023-03-17T10:00:00.000Z", "2023-03-17T10:00:00Z"},
      {"2023-03-17T10:00+0530", "2023-03-17T10:00:00+05:30"},
      {"Fri, 17 Mar 2023 10:00:00 GMT", "2023-03-17T10:00:00Z"},
      {"March 17, 2023", "2023-03-17"},
      {"17 mars 2023", "2023-03-17"},
      {"17.03.2023", "2023-03-17"},
      {"1679047200", "2023-03-17T10:00:00Z"},
      {"March 17, 2023 3:05 PM", "2023-03-17T15:05:00"},
      {"2023-03-17T10:00:00.123456+00:00", "2023-03-17T10:00:00+00:00"},
      {"1679047200000", "2023-03-17T10:00:00Z"},
      {"20230317", "2023-03-17"},
      {"2023-3-7", "2023-03-07"},
      {"Mar 17th, 2023", "2023-03-17"},
      {"17 de marzo de 2023", "2023-03-17"},
      {"Publi\xC3\xA9 le 12 avril 2024 \xC3\xA0 10h30", "2024-04-12T10:30:00"},
      {"March 5, 2025 at 6:12 p.m. EST", "2025-03-05T18:12:00-05:00"},
      {"Sunday 22 November 2026 07:45 CET", "2026-11-22T07:45:00+01:00"},
      {"Publi\xC3\xA9 le 3 mars 2025 \xC3\xA0 14h05, mis \xC3\xA0 jour \xC3\xA0 16h20",
       "2025-03-03T14:05:00"},
      {"3 mars 2025, mis \xC3\xA0 jour le 4 mars 2025", "2025-03-03"},
      {"Publicado: 05/05/2025 10:30 | Actualizado: 05/05/2025 12:45", "2025-05-05T10:30:00"},
      {"2023-03", NULL},
      {"yesterday", NULL},
      {"2023-02-30", NULL},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    char *out;
    CHECK(nd_iso_date(aCase[i][0], strlen(aCase[i][0]), &out) == 0);
    CHECK_STR(out, aCase[i][1]);
    nd_free(out);
  }
}

/* The lines under a dump's headline that say who wrote it and when. */
static void test_text_meta_lines(void) {
  static const char *const aCase[][4] = {
      /* text, byline, published, first words of the body */
      {"Budget approved after late session\n\nBy Dana Ortiz | March 17, 2023\n\nThe council "
       "approved the budget on Friday.\n",
       "Dana Ortiz", "2023-03-17", "The council"},
      {"Rovers win the derby\n\nPosted on October 8, 2023 by Sam Hill\n\nRovers beat Athletic "
       "on Saturday.\n",
       "Sam Hill", "2023-10-08", "Rovers beat"},
      {"Heizkosten steigen\n\nVon Jens Roth\nStand: 09.01.2023, 16:40 Uhr\n\nDie Preise "
       "steigen im M\xC3\xA4rz.\n",
       "Jens Roth", "2023-01-09T16:40:00", "Die Preise"},
      {"La sequ\xC3\xAD" "a avanza\n\nValladolid, 21 de abril de 2023\n\nEl riego se limita "
       "desde hoy.\n",
       NULL, "2023-04-21", "El riego"},
      {"Waiting times reach a record\n\nStaff reporter\n17 March 2023\n\nPatients waited "
       "seven hours.\n",
       NULL, "2023-03-17", "Patients waited"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    nd_article a = parse(aCase[i][0], ND_FORMAT_TEXT);
    CHECK_STR(a.byline, aCase[i][1]);
    CHECK_STR(a.published, aCase[i][2]);
    CHECK(a.text && strncmp(a.text, aCase[i][3], strlen(aCase[i][3])) == 0);
    nd_article_clear(&a);
  }
}

/* Bylines keep the names: no job title, no place of filing. */
static void test_byline_names(void) {
  static const char *const aCase[][2] = {
      {"By Maria Lindqvist, Transport Correspondent", "Maria Lindqvist"},
      {"Par Julien Moreau, correspondant \xC3\xA0 Marseille", "Julien Moreau"},
      {"By Jane Doe in Kyiv", "Jane Doe"},
      {"By Ann Lee, Bo Chen", "Ann Lee, Bo Chen"},
      {"By Tom Hale and Nadia Farouk", "Tom Hale and Nadia Farouk"},
      {"By Valley Times Staff", "Valley Times Staff"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    size_t off = 0, len = 0;
    CHECK(nd_byline_name(aCase[i][0], strlen(aCase[i][0]), &off, &len));
    CHECK(len == strlen(aCase[i][1]) && memcmp(aCase[i][0] + off, aCase[i][1], len) == 0);
  }
  /* A name over a job title, without "By". */
  CHECK(nd_name_over_role("Karen Pike", 10, "Health Reporter", 15));
  CHECK(nd_name_over_role("Jean-Luc O'Neil", 15, "Senior Editor", 13));
  CHECK(!nd_name_over_role("Karen Pike", 10, "Health", 6));
  CHECK(!nd_name_over_role("Storm hits the coast", 20, "Staff writer", 12));
  CHECK(!nd_name_over_role("Route 66", 8, "Editor", 6));
  CHECK(!nd_name_over_role("Prices", 6, "Editor", 6));
}

/* Repeat a piece k times (caller frees). */
static char *repeat(const char *piece, size_t k, const char *tail) {
  size_t m = strlen(piece), t = strlen(tail);
  char *s = malloc(m * k + t + 1);
  for (size_t i = 0; i < k; i++) memcpy(s + i * m, piece, m);
  memcpy(s + m * k, tail, t + 1);
  return s;
}

/* Hostile shapes: deep nesting, long runs of one special character. Each
** must parse in linear time without recursion on the C stack. */
static void test_hostile(void) {
  static const struct {
    const char *piece, *tail;
    nd_format f;
  } aCase[] = {
      {"<div>", "deep text, with words.", ND_FORMAT_HTML},
      {"<p><b><i>", "x", ND_FORMAT_HTML},
      {"<", "", ND_FORMAT_HTML},
      {"&", "", ND_FORMAT_HTML},
      {"<!--", "", ND_FORMAT_HTML},
      {"<a href=x>", "", ND_FORMAT_HTML},
      {"<script>", "", ND_FORMAT_HTML},
      {"</div>", "", ND_FORMAT_HTML},
      {"<td>", "", ND_FORMAT_HTML},
      {"[", "", ND_FORMAT_JSON},
      {"{\"a\":", "1", ND_FORMAT_JSON},
      {"\"\\u", "", ND_FORMAT_JSON},
      {"[", "](x)", ND_FORMAT_MARKDOWN},
      {"[a](", "", ND_FORMAT_MARKDOWN},
      {">", " quote", ND_FORMAT_MARKDOWN},
      {"*_", "", ND_FORMAT_MARKDOWN},
      {"See also ", "", ND_FORMAT_TEXT},
      {"may ", "1", ND_FORMAT_TEXT},
      {"x\n", "", ND_FORMAT_TEXT},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    char *s = repeat(aCase[i].piece, 100000, aCase[i].tail);
    nd_article a;
    CHECK(nd_article_parse(&a, s, strlen(s), aCase[i].f) == 0);
    CHECK(a.text != NULL || a.error != NULL);
    nd_article_clear(&a);
    free(s);
  }
  char *deep = repeat("<div>", 100000, "deep text, with words.");
  nd_article a;
  CHECK(nd_article_parse(&a, deep, strlen(deep), ND_FORMAT_HTML) == 0);
  CHECK_STR(a.text, "deep text, with words.");
  nd_article_clear(&a);
  free(deep);
  char *arr = repeat("[", 100000, "");
  nd_record *r;
  size_t count;
  CHECK(nd_json_records(arr, strlen(arr), &r, &count) == 0);
  CHECK(count == 1 && r[0].error != NULL);
  nd_free(r);
  free(arr);
}

/* Random bytes drawn from markup-heavy alphabets: no crash, no leak, and
** the body is valid UTF-8 with no NUL. */
static void test_random(void) {
  static const char alphabet[] = "<>/!-[]{}()\"':,&;#x0a9 \n\tpdivbr=*_`\\\xC3\xA9\xFF\x00";
  unsigned seed = 12345;
  char buf[512];
  for (int round = 0; round < 4000; round++) {
    size_t n = (size_t)(round % 500);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    nd_article a;
    int rc = nd_article_parse(&a, buf, n, (nd_format)(round % 5));
    CHECK(rc == 0);
    if (rc == 0 && a.text) CHECK(nd_utf8_valid(a.text, strlen(a.text)));
    nd_article_clear(&a);
    nd_record *r;
    size_t count;
    CHECK(nd_json_records(buf, n, &r, &count) == 0);
    for (size_t k = 0; k < count; k++) CHECK(r[k].off + r[k].len <= n);
    nd_free(r);
  }
}

static void test_lang(void) {
  static const char *const aCase[][2] = {
      {"El gobierno anunci\xC3\xB3 el lunes que las obras del puerto terminar\xC3\xA1n en mayo, "
       "seg\xC3\xBAn un comunicado de la alcald\xC3\xAD"
       "a.",
       "es"},
      {"O governo anunciou na segunda-feira que as obras do porto v\xC3\xA3o terminar em maio, "
       "segundo um comunicado da prefeitura.",
       "pt"},
      {"Il governo ha annunciato luned\xC3\xAC che i lavori del porto finiranno a maggio, "
       "secondo un comunicato del comune. Il sindaco ha detto che non ci sono ritardi.",
       "it"},
      {"De regering heeft maandag aangekondigd dat de werken aan de haven in mei klaar zijn, "
       "volgens een mededeling van de gemeente.",
       "nl"},
      {"\xD0\x9F\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C\xD1\x81\xD1\x82"
       "\xD0\xB2\xD0\xBE \xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xBE, "
       "\xD1\x87\xD1\x82"
       "\xD0\xBE \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD1\x8B \xD0\xB2 "
       "\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82"
       "\xD1\x83 \xD0\xB1\xD1\x83\xD0\xB4\xD1\x83\xD1\x82 "
       "\xD0\xB7\xD0\xB0\xD0\xB2\xD0\xB5\xD1\x80\xD1\x88"
       "\xD0\xB5\xD0\xBD\xD1\x8B \xD0\xB2 \xD0\xBC\xD0\xB0\xD0\xB5, \xD0\xB8 "
       "\xD1\x8D\xD1\x82\xD0\xBE "
       "\xD0\xBD\xD0\xB5 \xD0\xB2\xD1\x81\xD0\xB5 \xD0\xBF\xD0\xBE "
       "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD\xD1\x83 "
       "\xD0\xB8 \xD0\xB2 \xD1\x81\xD1\x80\xD0\xBE\xD0\xBA.",
       "ru"},
      {"\xE6\xB8\xAF\xE5\x8F\xA3\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB0\x86\xE4\xBA\x8E\xE4\xBA\x94\xE6"
       "\x9C\x88"
       "\xE5\xAE\x8C\xE6\x88\x90\xEF\xBC\x8C\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C\xE5\x91\xA8\xE4"
       "\xB8\x80"
       "\xE5\xAE\xA3\xE5\xB8\x83\xE4\xBA\x86\xE8\xBF\x99\xE4\xB8\xAA\xE6\xB6\x88\xE6\x81\xAF\xE3"
       "\x80\x82",
       "zh"},
      {"Short text.", NULL},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++)
    CHECK_STR(nd_langid(aCase[i][0], strlen(aCase[i][0])), aCase[i][1]);
}

/* Allocation failure at every possible point: -1 and no leak, or 0. */
static long fail_at, alloc_count, live;

static void *counting_malloc(size_t n) {
  if (++alloc_count == fail_at) return NULL;
  void *p = malloc(n);
  if (p) live++;
  return p;
}
static void *counting_realloc(void *p, size_t n) {
  if (++alloc_count == fail_at) return NULL;
  void *q = realloc(p, n);
  if (q && !p) live++;
  return q;
}
static void counting_free(void *p) {
  if (p) live--;
  free(p);
}

static void test_oom(void) {
  static const struct {
    const char *raw;
    nd_format f;
  } aDoc[] = {
      {"<html lang=en><head><title>T | S</title><meta name=author content=\"By A B\">"
       "<script type=application/ld+json>{\"@type\": \"NewsArticle\", \"headline\": \"H\", "
       "\"author\": [{\"name\": \"A\"}]}</script></head><body><h1>H</h1><span class=byline>By "
       "A</span>"
       "<time datetime=2023-01-02>x</time><p>One, two, three and more words here.</p>"
       "<div class=share>Share</div></body></html>",
       ND_FORMAT_HTML},
      {"---\ntitle: T\nauthors: [A, B]\ndate: 2023-01-02\n---\n# H\n\nSome *text* [l](u).\n\n- a\n",
       ND_FORMAT_MARKDOWN},
      {"{\"source\": {\"name\": \"S\"}, \"title\": \"T - S\", \"content\": \"<p>A.</p><p>B.</p>\", "
       "\"authors\": [\"A\"], \"lang\": \"en\"}",
       ND_FORMAT_JSON},
      {"Home > News\n\nSite\n\nA headline stands here\n\nBy Jane Doe\n\nBody one, here.\n\n"
       "See also: X\n\nCaf\xC3\xA9 body two.\n",
       ND_FORMAT_TEXT},
      {"<meta property=og:title content=\"A &amp; B | S\"><meta property=og:site_name content=S>"
       "<meta property=og:locale content=fr_FR><link rel=canonical "
       "href=/x><header><h1>Logo</h1></header>"
       "<div class=\"entry-date\">March 3, 2023</div><div class=content><p>Un, deux, et trois mots "
       "ici "
       "pour le texte.</p><div><p>Encore une phrase, avec des virgules, pour le "
       "score.</p></div></div>",
       ND_FORMAT_HTML},
      {"{\"data\": {\"title\": {\"rendered\": \"T &#8211; U\"}, \"date_gmt\": \"1679047200\", "
       "\"content\": {\"rendered\": \"<p>A, b.</p>\"}, \"author\": {\"name\": \"N\"}}}",
       ND_FORMAT_JSON},
      {"+++\ntitle = \"T\"\ndate = \"2023-01-02\"\n+++\nSetext\n======\n\n> "
       "quote\n\n```\ncode\n```\n"
       "| a | b |\n|---|---|\n| 1 | 2 |\n",
       ND_FORMAT_MARKDOWN},
      {"Museum opens new wing\nPublished March 3, 2023\n\nLine one of text that is long enough to\n"
       "be hard wrapped by the writer of this\ntext, a sentence.\n",
       ND_FORMAT_TEXT},
  };
  nd_allocator counting = {counting_malloc, counting_realloc, counting_free};
  nd_allocator plain = {malloc, realloc, free};
  for (size_t d = 0; d < sizeof(aDoc) / sizeof(aDoc[0]); d++) {
    for (fail_at = 1;; fail_at++) {
      alloc_count = 0;
      live = 0;
      nd_alloc_set(&counting);
      nd_article a;
      int rc = nd_article_parse(&a, aDoc[d].raw, strlen(aDoc[d].raw), aDoc[d].f);
      if (rc == 0) nd_article_clear(&a);
      nd_alloc_set(&plain);
      CHECK(live == 0);
      if (rc == 0) break;
      CHECK(rc == -1);
    }
    CHECK(fail_at > 3);
  }
  const char *jl = "{\"a\": 1}\n{\"b\": x}\n{\"status\": 1, \"items\": [{\"t\": 1}]}\n";
  for (fail_at = 1;; fail_at++) {
    alloc_count = 0;
    live = 0;
    nd_alloc_set(&counting);
    nd_record *r;
    size_t count;
    int rc = nd_json_records(jl, strlen(jl), &r, &count);
    if (rc == 0) nd_free(r);
    nd_alloc_set(&plain);
    CHECK(live == 0);
    if (rc == 0) break;
  }
  const char *body = "Line one, a sentence.\n\nREAD MORE: X >>>\n\nLine two.\n";
  for (fail_at = 1;; fail_at++) {
    alloc_count = 0;
    live = 0;
    nd_alloc_set(&counting);
    size_t n;
    char *c = nd_clean_text(body, strlen(body), &n);
    nd_free(c);
    nd_alloc_set(&plain);
    CHECK(live == 0);
    if (c) break;
  }
}

int main(void) {
  test_names();
  test_words();
  test_text();
  test_clean();
  test_clean_keeps();
  test_markdown();
  test_front_matter_authors();
  test_html();
  test_json();
  test_jsonld();
  test_dates();
  test_byline_names();
  test_text_meta_lines();
  test_lang();
  test_oom();
  test_hostile();
  test_random();
  UNIT_DONE();
}
