/*
** Plain-text articles, as scrapers dump them: a few header lines (a
** breadcrumb, the site's name, the weather, today's date), the headline,
** sometimes the headline again and a byline, then the article with web
** furniture among the paragraphs.
**
** How it works: the first non-blank lines are read as header candidates.
** Breadcrumbs, weather and date lines, furniture labels and bylines are
** skipped; a short label (three words or fewer) is skipped as a site or
** section name when a longer headline-shaped line follows. The first
** remaining line becomes the title unless it reads as a paragraph (then
** the text has no headline). Echoes of the title (same letters and
** digits, whatever the quotes) and a byline just below it leave the body;
** a byline among the last lines is taken too. nd_clean_text does the rest.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"

#define HEAD_LINES 40 /* header candidates examined: a site menu dumped one item per line fills many */
#define LABEL_WORDS 4 /* a line this short may be a menu item or a site or section name */
#define KEY_CAP 512

typedef struct span {
  size_t off, len;
  int alone; /* followed by a blank line or the end: a block of its own */
} span;

/* Up to max non-blank lines of s, trimmed. */
static size_t head_lines(const char *s, size_t n, span *out, size_t max) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < max;) {
    size_t e = i;
    while (e < n && s[e] != '\n') e++;
    size_t b = i, t = e;
    while (b < t && (s[b] == ' ' || s[b] == '\t')) b++;
    while (t > b && (s[t - 1] == ' ' || s[t - 1] == '\t')) t--;
    if (t > b) {
      out[k].off = b;
      out[k].len = t - b;
      size_t after = e + 1;
      while (after < n && (s[after] == ' ' || s[after] == '\t')) after++;
      out[k].alone = after >= n || s[after] == '\n';
      k++;
    }
    i = e + 1;
  }
  return k;
}

static int ends_with_period(const char *s, size_t n) {
  return n > 0 && (s[n - 1] == '.' || (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0));
}

/* A line shaped like a headline: not too long, not a run of sentences. */
static int headline_shaped(const char *s, size_t n) {
  long long words = nd_count_words(s, n);
  if (words == 0 || words > 30 || n > 320) return 0;
  /* Two sentences or more: a paragraph. */
  int stops = 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && i > 1 &&
        s[i - 1] >= 'a' && s[i - 1] <= 'z')
      stops++;
  if (stops >= 1 && words > 18) return 0;
  if (ends_with_period(s, n) && words > 20) return 0;
  return 1;
}

/* A menu item or section name: a few words, no sentence punctuation. */
static int short_label(const char *s, size_t n) {
  return nd_count_words(s, n) <= LABEL_WORDS && !ends_with_period(s, n) && s[n - 1] != '?' &&
         s[n - 1] != '!';
}

/* "* News", "- Sport", "• Politics": an item of a list, here of a menu. */
static int list_item(const char *s, size_t n) {
  int bullet = n > 2 && (s[0] == '*' || s[0] == '+' || s[0] == '-' || s[0] == 'o') && s[1] == ' ';
  bullet |= n > 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0;
  return bullet && short_label(s, n);
}

/* "Breaking: Road closed...", "LIVE: ...", "Trending: a | b | c": a
** ticker of other stories above the headline. */
static int ticker_line(const char *l, size_t len) {
  static const char *const azTicker[] = {"breaking", "breaking news", "trending", "trending now",
                                         "just in", "live", "latest", "update", "developing",
                                         "watch", "en direct", "dernière heure", "última hora",
                                         "eilmeldung", "ultim ora", NULL};
  const char *colon = memchr(l, ':', len < 24 ? len : 24);
  if (!colon) return 0;
  char key[KEY_CAP];
  nd_line_key(l, (size_t)(colon - l), key, sizeof key);
  for (int i = 0; azTicker[i]; i++)
    if (strcmp(key, azTicker[i]) == 0) return 1;
  return 0;
}

static int place_dateline(nd_article *a, const char *l, size_t len);
static int byline_line(nd_article *a, const char *l, size_t len);

/* A byline or date line follows line j within two lines, none of them
** going on in lower case. */
static int above_byline(const char *s, const span *head, size_t nh, size_t j) {
  size_t no, nl;
  for (size_t k = j + 1; k < nh && k <= j + 2; k++) {
    const char *l = s + head[k].off;
    if (*l >= 'a' && *l <= 'z') return 0;
    if (nd_byline_name(l, head[k].len, &no, &nl) || nd_furniture_line(l, head[k].len) ||
        (k + 1 < nh && nd_name_over_role(l, head[k].len, s + head[k + 1].off, head[k + 1].len)))
      return 1;
  }
  return 0;
}

/* Line i is a site or section name, or one item of a menu dumped a line
** each, when a headline follows: the next line that is neither furniture
** nor another short label (a menu item, a section name; a short line over
** a byline is a headline) is shaped like a headline, not a byline, and
** either longer than line i or after line i's block. */
static int label_before_headline(const char *s, const span *head, size_t nh, size_t i) {
  size_t j = i + 1, no, nl;
  while (j < nh && (nd_furniture_line(s + head[j].off, head[j].len) ||
                    list_item(s + head[j].off, head[j].len) ||
                    (short_label(s + head[j].off, head[j].len) &&
                     !nd_byline_name(s + head[j].off, head[j].len, &no, &nl) &&
                     !(j + 1 < nh && byline_line(NULL, s + head[j + 1].off, head[j + 1].len)))))
    j++;
  if (j >= nh) return 0;
  const char *l = s + head[j].off;
  size_t len = head[j].len;
  /* A headline stands alone, or above its standfirst and byline (a
  ** hard-wrapped paragraph goes on in lower case instead). */
  if ((!head[j].alone && !above_byline(s, head, nh, j)) || !headline_shaped(l, len) ||
      ends_with_period(l, len) || byline_line(NULL, l, len) || place_dateline(NULL, l, len))
    return 0;
  return !head[i].alone || list_item(s + head[i].off, head[i].len) ||
         nd_count_words(l, len) > nd_count_words(s + head[i].off, head[i].len);
}

/* "Published March 3, 2023", "Publié le 12 avril 2024 à 10h30": a date
** line with a publication label gives `published`; with bare_ok (just below
** the headline) a date line without a label does too. */
static int published_line(nd_article *a, const char *l, size_t len, int bare_ok) {
  static const char *const azLabel[] = {
      "published",  "publié",     "posted",       "publicado", "publicada", "veröffentlicht",
      "pubblicato", "publicação", "опубликовано", "date",      "stand",     NULL};
  char key[KEY_CAP];
  nd_line_key(l, len, key, sizeof key);
  if (a->published || !nd_dateline(key)) return 0;
  if (bare_ok) return nd_iso_date(l, len, &a->published);
  for (int i = 0; azLabel[i]; i++) {
    size_t k = strlen(azLabel[i]);
    if (strncmp(key, azLabel[i], k) == 0 && (key[k] == ' ' || key[k] == 0))
      return nd_iso_date(l, len, &a->published);
  }
  return 0;
}

/* Length of what separates a byline from its date at l[i] (white space,
** commas, dashes, nd_meta_separator's marks), or 0. */
static size_t separator_len(const char *l, size_t len, size_t i) {
  if (l[i] == ' ' || l[i] == ',' || l[i] == '-' || l[i] == '\t') return 1;
  return nd_meta_separator(l, len, i);
}

/* A byline line: its name gives `byline`, a date after it `published`
** ("By Jane Doe | March 17, 2023"), and so does "Posted on October 8, 2023
** by Sam Whitaker". Returns 1 for a byline line (a NULL: only says so), 0
** if not, -1 on OOM. */
static int byline_line(nd_article *a, const char *l, size_t len) {
  size_t no, nl;
  if (nd_byline_name(l, len, &no, &nl)) {
    if (!a) return 1;
    if (!a->byline && nd_set_field(&a->byline, l + no, nl)) return -1;
    size_t r = no + nl, k;
    while (r < len && (k = separator_len(l, len, r))) r += k;
    if (r < len && published_line(a, l + r, len - r, 1)) return -1;
    return 1;
  }
  for (size_t i = 0; i + 4 < len; i++) {
    if (l[i] != ' ' || (l[i + 1] | 32) != 'b' || (l[i + 2] | 32) != 'y' || l[i + 3] != ' ')
      continue;
    char key[KEY_CAP];
    nd_line_key(l, i, key, sizeof key);
    if (!nd_dateline(key) || !nd_byline_name(l + i + 1, len - i - 1, &no, &nl)) return 0;
    if (!a) return 1;
    if (!a->byline && nd_set_field(&a->byline, l + i + 1 + no, nl)) return -1;
    if (published_line(a, l, i, 1)) return -1;
    return 1;
  }
  return 0;
}

/* "Valladolid, 21 de abril de 2023", "WASHINGTON, March 3": a place (one to
** three capitalized words) and a date, under the headline. Returns 1 when
** the line is one (then its date is `published`, unless a is NULL), -1 on
** OOM. */
static int place_dateline(nd_article *a, const char *l, size_t len) {
  const char *comma = memchr(l, ',', len < 48 ? len : 48);
  if (!comma || comma == l) return 0;
  size_t p = (size_t)(comma - l);
  long long words = nd_count_words(l, p);
  if (words < 1 || words > 3) return 0;
  for (size_t i = 0; i < p; i++) {
    unsigned char c = (unsigned char)l[i];
    if (c >= '0' && c <= '9') return 0;
    if ((i == 0 || l[i - 1] == ' ') && c >= 'a' && c <= 'z') return 0;
  }
  char key[KEY_CAP];
  nd_line_key(comma + 1, len - p - 1, key, sizeof key);
  if (!nd_dateline(key)) return 0;
  if (a && published_line(a, comma + 1, len - p - 1, 1)) return -1;
  return 1;
}

int nd_text_meta_lines(nd_article *a, const char *s, size_t n) {
  span head[4];
  size_t nh = head_lines(s, n, head, 4);
  for (size_t i = 0; i < nh && !(a->byline && a->published); i++) {
    const char *l = s + head[i].off;
    size_t len = head[i].len;
    int meta = byline_line(a, l, len);
    if (!meta) meta = place_dateline(a, l, len);
    if (!meta && nd_furniture_line(l, len)) meta = published_line(a, l, len, 1);
    if (meta < 0) return -1;
  }
  return 0;
}

int nd_text_article(nd_article *a, const char *s, size_t n, int want_title) {
  span head[HEAD_LINES];
  size_t nh = head_lines(s, n, head, HEAD_LINES);
  size_t body_from = 0; /* byte offset where the body starts */
  int title_at = -1;
  if (want_title) {
    for (size_t i = 0; i < nh; i++) {
      const char *l = s + head[i].off;
      size_t len = head[i].len;
      int by = byline_line(a, l, len);
      if (by < 0) return -1;
      if (by) continue;
      if (nd_furniture_line(l, len)) {
        if (published_line(a, l, len, 0)) return -1;
        continue;
      }
      if (ticker_line(l, len) && i + 1 < nh) continue;
      /* A paragraph, or the only line: the body starts at once. */
      if (!headline_shaped(l, len) || ends_with_period(l, len) || i + 1 == nh) break;
      if (short_label(l, len) && label_before_headline(s, head, nh, i)) continue;
      title_at = (int)i;
      break;
    }
  }
  if (title_at >= 0) {
    const span *t = &head[title_at];
    if (nd_set_field(&a->title, s + t->off, t->len)) return -1;
    body_from = t->off + t->len;
    /* Title echoes and a byline right below the title, or below its
    ** standfirst (which stays in the body; cleaning drops the byline). */
    char tkey[KEY_CAP], key[KEY_CAP];
    nd_line_key(s + t->off, t->len, tkey, sizeof tkey);
    int standfirst = 0;
    for (size_t i = (size_t)title_at + 1; i < nh && i <= (size_t)title_at + 5; i++) {
      const char *l = s + head[i].off;
      size_t len = head[i].len, no, nl;
      nd_line_key(l, len, key, sizeof key);
      if (strcmp(key, tkey) == 0) {
        if (!standfirst) body_from = head[i].off + len;
        continue;
      }
      int meta = byline_line(a, l, len);
      if (!meta && nd_role_line(l, len)) meta = 1; /* "Staff reporter" */
      if (!meta) meta = place_dateline(a, l, len);
      if (meta < 0) return -1;
      if (meta) {
        if (!standfirst) body_from = head[i].off + len;
        continue;
      }
      if (i + 1 < nh && nd_name_over_role(l, len, s + head[i + 1].off, head[i + 1].len)) {
        if (!a->byline && nd_set_field(&a->byline, l, len)) return -1;
        i++;
        if (!standfirst) body_from = head[i].off + head[i].len;
        continue;
      }
      if (!standfirst && i == (size_t)title_at + 1 && i + 1 < nh &&
          nd_count_words(l, len) <= 40 &&
          nd_byline_name(s + head[i + 1].off, head[i + 1].len, &no, &nl)) {
        standfirst = 1;
        continue;
      }
      if (nd_furniture_line(l, len)) {
        /* Just below the headline a bare date line is its date too. */
        if (published_line(a, l, len, 1)) return -1;
        continue;
      }
      break;
    }
  }
  const char *body = s + body_from;
  size_t blen = n - body_from;
  /* A byline among the last three lines. */
  size_t end = blen, seen = 0;
  while (end > 0 && seen < 3) {
    size_t e = end;
    while (e > 0 && (body[e - 1] == '\n' || body[e - 1] == ' ' || body[e - 1] == '\t')) e--;
    if (e == 0) break;
    size_t b = e;
    while (b > 0 && body[b - 1] != '\n') b--;
    int by = byline_line(a, body + b, e - b);
    if (by < 0) return -1;
    if (by) break;
    end = b;
    seen++;
  }
  size_t clen;
  char *text = nd_clean_text(body, blen, &clen);
  if (!text) return -1;
  a->text = text;
  return 0;
}

/* ---- Dumps of text browsers ------------------------------------------- */

/* A link number as lynx prints it before the link's text: "[12]News". */
static size_t link_mark(const char *s, size_t n, size_t i) {
  if (s[i] != '[') return 0;
  size_t j = i + 1;
  while (j < n && j - i <= 5 && s[j] >= '0' && s[j] <= '9') j++;
  if (j == i + 1 || j >= n || s[j] != ']' || j + 1 >= n) return 0;
  unsigned char c = (unsigned char)s[j + 1];
  return c > ' ' && c != ']' && c != '[' ? j + 1 - i : 0;
}

/* Offset of the "References" list lynx appends (a line "References" and
** then numbered URLs), or n when there is none. */
static size_t references_at(const char *s, size_t n) {
  static const char kRef[] = "References";
  for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), kRef, sizeof kRef - 1));) {
    size_t at = (size_t)(p - s), e = at + sizeof kRef - 1;
    p = s + e;
    if (at > 0 && s[at - 1] != '\n' && s[at - 1] != ' ') continue;
    while (e < n && (s[e] == ' ' || s[e] == '\n' || s[e] == '\r')) e++;
    if (e + 4 < n && s[e] == '1' && s[e + 1] == '.' && s[e + 2] == ' ' &&
        (memcmp(s + e + 3, "http", 4) == 0 || memcmp(s + e + 3, "file", 4) == 0)) {
      while (at > 0 && s[at - 1] == ' ') at--;
      return at;
    }
  }
  return n;
}

/* *out: a copy of a lynx-style dump without its link numbers and its list
** of references, each list item a block of its own (a blank line before
** it, so that items are not joined as a wrapped paragraph); NULL when the
** text is no such dump. Returns -1 on OOM. */
static int unlynx(const char *s, size_t n, char **out, size_t *out_len) {
  *out = NULL;
  *out_len = 0;
  size_t marks = 0;
  for (size_t i = 0; i < n && marks < 5; i++) marks += link_mark(s, n, i) > 0;
  size_t end = references_at(s, n);
  if (marks < 5 && end == n) return 0;
  char *o = nd_malloc(end * 2 + 1);
  if (!o) return -1;
  size_t k = 0;
  int line_start = 1;
  for (size_t i = 0; i < end;) {
    size_t m = link_mark(s, end, i);
    if (m) {
      i += m;
      continue;
    }
    if (line_start) {
      size_t j = i;
      while (j < end && s[j] == ' ') j++;
      if (j + 1 < end && (s[j] == '*' || s[j] == '+' || s[j] == 'o' || s[j] == '#') &&
          s[j + 1] == ' ' && k > 0 && o[k - 1] == '\n' && (k < 2 || o[k - 2] != '\n'))
        o[k++] = '\n'; /* a list item: a block of its own */
    }
    line_start = s[i] == '\n';
    o[k++] = s[i++];
  }
  o[k] = 0;
  *out = o;
  *out_len = k;
  return 0;
}

int nd_parse_text(nd_article *a, const char *s, size_t n) {
  size_t ln;
  char *plain;
  if (unlynx(s, n, &plain, &ln)) return -1;
  int rc = nd_text_article(a, plain ? plain : s, plain ? ln : n, 1);
  nd_free(plain);
  if (rc) return -1;
  return nd_text_paragraphs(&a->text);
}
