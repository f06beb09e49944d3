/*
** Article parsing front door: format names, format detection, input
** preparation and the final tidy-up shared by every format.
**
** How it works: nd_article_parse repairs the input (invalid UTF-8 becomes
** U+FFFD, NUL bytes go, both counted in `repairs`), drops a BOM and turns
** CRLF/CR into LF, then hands the bytes to the format's parser
** (ext/format_*.c). Afterwards every string field is converted to NFC
** (utf8proc), white space is trimmed, and the body's paragraphs are
** separated by exactly one blank line; `words` counts runs of letters and
** digits in the final body.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_langid.h"
#include "nd_normalize.h"
#include "nd_sentences.h"
#include "nd_utf8.h"

static const char *const azFormat[] = {NULL, "text", "markdown", "html", "json"};

const char *nd_format_name(nd_format f) {
  return (f > ND_FORMAT_UNKNOWN && f <= ND_FORMAT_JSON) ? azFormat[f] : NULL;
}

static int ascii_ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a, y = *b;
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return *a == *b;
}

nd_format nd_format_from_name(const char *name) {
  static const struct {
    const char *name;
    nd_format f;
  } aName[] = {
      {"text", ND_FORMAT_TEXT},   {"txt", ND_FORMAT_TEXT},  {"markdown", ND_FORMAT_MARKDOWN},
      {"md", ND_FORMAT_MARKDOWN}, {"html", ND_FORMAT_HTML}, {"htm", ND_FORMAT_HTML},
      {"xhtml", ND_FORMAT_HTML},  {"json", ND_FORMAT_JSON}, {"jsonl", ND_FORMAT_JSON},
      {"ndjson", ND_FORMAT_JSON},
  };
  if (!name) return ND_FORMAT_UNKNOWN;
  for (size_t i = 0; i < sizeof(aName) / sizeof(aName[0]); i++)
    if (ascii_ieq(name, aName[i].name)) return aName[i].f;
  return ND_FORMAT_UNKNOWN;
}

nd_format nd_format_from_path(const char *path) {
  if (!path) return ND_FORMAT_UNKNOWN;
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return ND_FORMAT_UNKNOWN;
  if (ascii_ieq(dot + 1, "text")) return ND_FORMAT_TEXT;
  if (ascii_ieq(dot + 1, "mdown") || ascii_ieq(dot + 1, "mkd")) return ND_FORMAT_MARKDOWN;
  return nd_format_from_name(dot + 1);
}

static int starts_ci(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  if (n < k) return 0;
  for (size_t i = 0; i < k; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != lit[i]) return 0;
  }
  return 1;
}

nd_format nd_format_sniff(const char *raw, size_t n) {
  size_t i = 0;
  if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n')) i++;
  const char *s = raw + i;
  size_t m = n - i;
  if (m == 0) return ND_FORMAT_TEXT;
  if (s[0] == '{' || s[0] == '[') {
    /* "[" also starts Markdown links: JSON needs a value next. */
    size_t j = 1;
    while (j < m && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) j++;
    if (s[0] == '{' && (j == m || s[j] == '"' || s[j] == '}')) return ND_FORMAT_JSON;
    if (s[0] == '[' && j < m && strchr("{[\"]", s[j])) return ND_FORMAT_JSON;
  }
  if (starts_ci(s, m, "<!doctype html") || starts_ci(s, m, "<html") || starts_ci(s, m, "<?xml") ||
      starts_ci(s, m, "<head") || starts_ci(s, m, "<body") || starts_ci(s, m, "<!--") ||
      starts_ci(s, m, "<meta") || starts_ci(s, m, "<article") || starts_ci(s, m, "<div") ||
      starts_ci(s, m, "<p>") || starts_ci(s, m, "<p ") || starts_ci(s, m, "<title"))
    return ND_FORMAT_HTML;
  if (m >= 4 && memcmp(s, "---\n", 4) == 0) return ND_FORMAT_MARKDOWN;
  if (m >= 5 && memcmp(s, "---\r\n", 5) == 0) return ND_FORMAT_MARKDOWN;
  /* Markdown markers near the start: an ATX heading or a link/image. */
  size_t look = m < 4096 ? m : 4096;
  int heading = s[0] == '#' && m > 1 && (s[1] == ' ' || s[1] == '#');
  for (size_t k = 0; !heading && k + 2 < look; k++)
    if (s[k] == '\n' && s[k + 1] == '#' && (s[k + 2] == ' ' || s[k + 2] == '#')) heading = 1;
  if (heading) return ND_FORMAT_MARKDOWN;
  for (size_t k = 0; k + 1 < look; k++)
    if (s[k] == ']' && s[k + 1] == '(' && memchr(s, '[', k)) return ND_FORMAT_MARKDOWN;
  /* Tags further in (a fragment) still mean HTML. */
  int tags = 0;
  for (size_t k = 0; k + 3 < look; k++)
    if (s[k] == '<' && (starts_ci(s + k, look - k, "<p>") || starts_ci(s + k, look - k, "<br") ||
                        starts_ci(s + k, look - k, "<div") || starts_ci(s + k, look - k, "</p>")))
      tags++;
  return tags >= 2 ? ND_FORMAT_HTML : ND_FORMAT_TEXT;
}

void nd_article_clear(nd_article *a) {
  if (!a) return;
  nd_free(a->title);
  nd_free(a->byline);
  nd_free(a->published);
  nd_free(a->lang);
  nd_free(a->url);
  nd_free(a->text);
  nd_free(a->error);
  memset(a, 0, sizeof *a);
}

int nd_set_field(char **field, const char *s, size_t n) {
  if (*field) return 0;
  while (n && (unsigned char)s[0] <= ' ') s++, n--;
  while (n && (unsigned char)s[n - 1] <= ' ') n--;
  if (n == 0) return 0;
  *field = nd_strndup(s, n);
  return *field ? 0 : -1;
}

long long nd_count_words(const char *text, size_t n) {
  long long words = 0;
  int in = 0;
  const unsigned char *s = (const unsigned char *)text;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t k;
    if (s[i] < 0x80) {
      cp = s[i];
      k = 1;
    } else {
      k = nd_utf8_decode(s + i, n - i, &cp);
    }
    int alnum;
    if (cp < 0x80) {
      alnum = (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    } else {
      utf8proc_category_t c = utf8proc_category(cp);
      alnum = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
              (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME && in) ||
              (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
    }
    if (alnum && !in) words++;
    in = alnum;
    i += k;
  }
  return words;
}

/* Input preparation: repair, drop BOM, LF line ends. */
static char *prepare(const char *raw, size_t n, size_t *out_len, size_t *repairs) {
  size_t len = 0;
  char *s = nd_utf8_repair(raw, n, &len, repairs);
  if (!s) return NULL;
  size_t i = 0, o = 0;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  for (; i < len; i++) {
    if (s[i] == '\r') {
      s[o++] = '\n';
      if (i + 1 < len && s[i + 1] == '\n') i++;
    } else {
      s[o++] = s[i];
    }
  }
  s[o] = 0;
  *out_len = o;
  return s;
}

/* NFC of an nd_malloc'ed string, in place when it is already NFC. */
static int to_nfc(char **field) {
  char *s = *field;
  if (!s) return 0;
  size_t n = strlen(s);
  int ascii = 1;
  for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
  if (ascii) return 0;
  /* utf8proc's buffers from nd_malloc, so that SQLite's heap limit counts them. */
  size_t m = 0;
  char *out = nd_unicode_map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &m);
  if (!out) return -1; /* input is repaired: only out of memory is possible */
  if (m == n && memcmp(out, s, n) == 0) {
    nd_free(out);
    return 0;
  }
  nd_free(s);
  *field = out;
  return 0;
}

static void trim_field(char *s) {
  if (!s) return;
  size_t n = strlen(s), b = 0;
  while (b < n && (unsigned char)s[b] <= ' ') b++;
  while (n > b && (unsigned char)s[n - 1] <= ' ') n--;
  memmove(s, s + b, n - b);
  s[n - b] = 0;
}

/* The headline repeated at the top of the body (any quotes, any case):
** blank out such lines among the first three non-blank ones. In place. */
static void drop_title_echo(char *text, const char *title) {
  char tkey[512], key[512];
  if (!nd_line_key(title, strlen(title), tkey, sizeof tkey)) return;
  char *p = text;
  for (int seen = 0; *p && seen < 3;) {
    char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (nd_line_key(p, len, key, sizeof key)) {
      if (strcmp(key, tkey) == 0) memset(p, ' ', len);
      seen++;
    }
    if (!e) break;
    p = e + 1;
  }
}

/* An article without a headline (a dump that starts with its first
** paragraph, a record with no title field) is titled by its first
** sentence, cut at a word boundary to at most LEAD_TITLE_MAX bytes with an
** ellipsis, so that listings never show an empty title. */
#define LEAD_TITLE_MAX 120
static int lead_title(nd_article *a) {
  const char *t = a->text;
  size_t n = strlen(t);
  if (n > 4096) n = 4096;
  nd_span *sent;
  size_t count;
  if (nd_sentences_split(t, n, &sent, &count)) return -1;
  if (count == 0) {
    nd_free(sent);
    return 0;
  }
  size_t off = sent[0].start, len = sent[0].len;
  nd_free(sent);
  const char *nl = memchr(t + off, '\n', len);
  if (nl) len = (size_t)(nl - (t + off));
  if (len <= LEAD_TITLE_MAX) return nd_set_field(&a->title, t + off, len);
  size_t cut = LEAD_TITLE_MAX;
  while (cut > 0 && t[off + cut] != ' ') cut--;
  while (cut > 0 && (t[off + cut - 1] == ',' || t[off + cut - 1] == ' ')) cut--;
  if (cut == 0) { /* one long word: cut on a character boundary */
    cut = LEAD_TITLE_MAX;
    while (cut > 0 && ((unsigned char)t[off + cut] & 0xC0) == 0x80) cut--;
  }
  nd_buf b;
  nd_buf_init(&b);
  nd_buf_append(&b, t + off, cut);
  nd_buf_append(&b, "\xE2\x80\xA6", 3);
  char *title = nd_buf_detach(&b);
  if (!title) return -1;
  nd_free(a->title);
  a->title = title;
  return 0;
}

static int finish(nd_article *a) {
  char **fields[] = {&a->title, &a->byline, &a->published, &a->lang, &a->url, &a->text};
  for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
    if (to_nfc(fields[i])) return -1;
    trim_field(*fields[i]);
    if (*fields[i] && !**fields[i] && fields[i] != &a->text) {
      nd_free(*fields[i]);
      *fields[i] = NULL;
    }
  }
  if (a->text) {
    if (a->title) drop_title_echo(a->text, a->title);
    else if (*a->text && lead_title(a)) return -1;
    nd_tidy_paragraphs(a->text);
    a->words = nd_count_words(a->text, strlen(a->text));
    /* Not stated: detected from the title and body (NULL when unsure). */
    if (!a->lang) {
      nd_buf b;
      nd_buf_init(&b);
      if (a->title) {
        nd_buf_append(&b, a->title, strlen(a->title));
        nd_buf_putc(&b, '\n');
      }
      size_t len = strlen(a->text); /* the guess reads the first words only */
      nd_buf_append(&b, a->text, len < 32768 ? len : 32768);
      const char *guess = b.oom ? NULL : nd_langid(b.p ? b.p : "", b.len);
      int oom = b.oom;
      nd_buf_free(&b);
      if (oom || (guess && nd_set_field(&a->lang, guess, strlen(guess)))) return -1;
    }
  }
  return 0;
}

int nd_article_parse(nd_article *out, const char *raw, size_t n, nd_format f) {
  memset(out, 0, sizeof *out);
  if (f == ND_FORMAT_UNKNOWN) f = nd_format_sniff(raw, n);
  size_t len = 0;
  char *s = prepare(raw, n, &len, &out->repairs);
  if (!s) return -1;
  int rc;
  switch (f) {
    case ND_FORMAT_MARKDOWN:
      rc = nd_parse_markdown(out, s, len);
      break;
    case ND_FORMAT_HTML:
      rc = nd_parse_html(out, s, len);
      break;
    case ND_FORMAT_JSON:
      rc = nd_parse_json(out, s, len);
      break;
    default:
      rc = nd_parse_text(out, s, len);
      break;
  }
  nd_free(s);
  if (rc == 0 && out->error) {
    /* A malformed article has no content columns. */
    size_t repairs = out->repairs;
    char *err = out->error;
    out->error = NULL;
    nd_article_clear(out);
    out->error = err;
    out->repairs = repairs;
    return 0;
  }
  if (rc == 0 && !out->text) {
    out->text = nd_strndup("", 0);
    if (!out->text) rc = -1;
  }
  if (rc == 0) rc = finish(out);
  if (rc) {
    size_t repairs = out->repairs;
    nd_article_clear(out);
    out->repairs = repairs;
    return -1;
  }
  return 0;
}

int nd_set_lang(nd_article *a, const char *v, size_t n) {
  while (n && (unsigned char)*v <= ' ') v++, n--;
  while (n && (unsigned char)v[n - 1] <= ' ') n--;
  size_t k = 0;
  while (k < n && ((v[k] | 32) >= 'a' && (v[k] | 32) <= 'z')) k++;
  if (k < 2 || k > 3 || (k < n && v[k] != '-' && v[k] != '_')) return nd_set_field(&a->lang, v, n);
  char code[4];
  for (size_t i = 0; i < k; i++) code[i] = (char)(v[i] | 32);
  return nd_set_field(&a->lang, code, k);
}

/* ---- Dates ---------------------------------------------------------------- */

static int month_number(const char *w, size_t n) {
  static const char *const azMonth[] = {
      "jan",
      "feb",
      "mar",
      "apr",
      "may",
      "jun",
      "jul",
      "aug",
      "sep",
      "oct",
      "nov",
      "dec",
      /* fr */
      "janv",
      "févr",
      "mars",
      "avr",
      "mai",
      "juin",
      "juil",
      "août",
      "sept",
      "oct",
      "nov",
      "déc",
      /* es */
      "ene",
      "feb",
      "mar",
      "abr",
      "may",
      "jun",
      "jul",
      "ago",
      "sep",
      "oct",
      "nov",
      "dic",
      /* de */
      "jan",
      "feb",
      "mär",
      "apr",
      "mai",
      "jun",
      "jul",
      "aug",
      "sep",
      "okt",
      "nov",
      "dez",
      /* it */
      "gen",
      "feb",
      "mar",
      "apr",
      "mag",
      "giu",
      "lug",
      "ago",
      "set",
      "ott",
      "nov",
      "dic",
      /* pt */
      "jan",
      "fev",
      "mar",
      "abr",
      "mai",
      "jun",
      "jul",
      "ago",
      "set",
      "out",
      "nov",
      "dez",
      /* ru (genitive stems) */
      "янв",
      "фев",
      "мар",
      "апр",
      "мая",
      "июн",
      "июл",
      "авг",
      "сен",
      "окт",
      "ноя",
      "дек",
  };
  char low[32];
  if (n >= sizeof low) return 0;
  for (size_t i = 0; i < n; i++) low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
  low[n] = 0;
  /* Cyrillic capitals: lower-case the first letter (2 bytes). */
  if (n >= 2 && (unsigned char)low[0] == 0xD0 && (unsigned char)low[1] >= 0x90 &&
      (unsigned char)low[1] <= 0x9F)
    low[1] = (char)((unsigned char)low[1] + 0x20);
  else if (n >= 2 && (unsigned char)low[0] == 0xD0 && (unsigned char)low[1] >= 0xA0 &&
           (unsigned char)low[1] <= 0xAF) {
    low[0] = (char)0xD1;
    low[1] = (char)((unsigned char)low[1] - 0x20);
  }
  for (size_t i = 0; i < sizeof(azMonth) / sizeof(azMonth[0]); i++) {
    size_t k = strlen(azMonth[i]);
    if (n >= k && memcmp(low, azMonth[i], k) == 0) {
      /* "mar" must not take "mardi", "march" must: word length limits. */
      if (n > 10) continue;
      if (strcmp(low, "mardi") == 0 || strcmp(low, "martes") == 0 || strcmp(low, "martedì") == 0)
        continue;
      return (int)(i % 12) + 1;
    }
  }
  return 0;
}

static int days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

/* Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm). */
static void civil_from_days(long long z, int *y, int *m, int *d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

typedef struct when {
  int y, mo, d, h, mi, se; /* h < 0: no time */
  char zone[8];            /* "", "Z", "+05:30" */
} when;

static int emit_when(const when *w, char **out) {
  char buf[80];
  if (w->y < 1000 || w->y > 2999 || w->mo < 1 || w->mo > 12 || w->d < 1 ||
      w->d > days_in_month(w->y, w->mo))
    return 0;
  if (w->h >= 0 && (w->h > 23 || w->mi > 59 || w->se > 60)) return 0;
  if (w->h < 0)
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", w->y, w->mo, w->d);
  else
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", w->y, w->mo, w->d, w->h, w->mi,
             w->se, w->zone);
  *out = nd_strndup(buf, strlen(buf));
  return *out ? 0 : -1;
}

static int digits_at(const char *s, size_t n, size_t i, size_t k, int *v) {
  if (i + k > n) return 0;
  int x = 0;
  for (size_t j = 0; j < k; j++) {
    if (s[i + j] < '0' || s[i + j] > '9') return 0;
    x = x * 10 + (s[i + j] - '0');
  }
  *v = x;
  return 1;
}

/* Zone at s[i]: Z, UTC, GMT, +hh, +hhmm, +hh:mm. Returns bytes used. */
static size_t parse_zone(const char *s, size_t n, size_t i, char *zone) {
  size_t b = i;
  while (i < n && s[i] == ' ') i++;
  if (i < n && (s[i] == 'Z' || s[i] == 'z') && (i + 1 == n || s[i + 1] == ' ')) {
    strcpy(zone, "Z");
    return i + 1 - b;
  }
  if (n - i >= 3 && (strncmp(s + i, "UTC", 3) == 0 || strncmp(s + i, "GMT", 3) == 0)) {
    size_t j = i + 3;
    if (j < n && (s[j] == '+' || s[j] == '-')) return (j - b) + parse_zone(s, n, j, zone);
    strcpy(zone, "Z");
    return j - b;
  }
  /* Abbreviations of fixed offset (not "ET" or "IST": each names two). */
  static const struct {
    const char *name, *offset;
  } aZone[] = {{"EST", "-05:00"},  {"EDT", "-04:00"},  {"CST", "-06:00"},  {"CDT", "-05:00"},
               {"MST", "-07:00"},  {"MDT", "-06:00"},  {"PST", "-08:00"},  {"PDT", "-07:00"},
               {"CEST", "+02:00"}, {"CET", "+01:00"},  {"EEST", "+03:00"}, {"EET", "+02:00"},
               {"WEST", "+01:00"}, {"WET", "+00:00"},  {"BST", "+01:00"},  {"MSK", "+03:00"},
               {"JST", "+09:00"},  {"KST", "+09:00"},  {"HKT", "+08:00"},  {"SGT", "+08:00"},
               {"AEST", "+10:00"}, {"AEDT", "+11:00"}};
  for (size_t z = 0; z < sizeof(aZone) / sizeof(aZone[0]); z++) {
    size_t k = strlen(aZone[z].name);
    if (n - i >= k && strncmp(s + i, aZone[z].name, k) == 0 &&
        (i + k == n || !((s[i + k] | 32) >= 'a' && (s[i + k] | 32) <= 'z'))) {
      strcpy(zone, aZone[z].offset);
      return i + k - b;
    }
  }
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    int hh, mm = 0;
    size_t j = i + 1;
    if (!digits_at(s, n, j, 2, &hh)) return 0;
    j += 2;
    if (j < n && s[j] == ':') j++;
    if (digits_at(s, n, j, 2, &mm)) j += 2;
    if (hh > 14 || mm > 59) return 0;
    if (hh == 0 && mm == 0)
      strcpy(zone, s[i] == '+' ? "+00:00" : "-00:00");
    else
      snprintf(zone, 8, "%c%02d:%02d", s[i], hh, mm);
    return j - b;
  }
  return 0;
}

/* HH:MM[:SS[.fff]] [am|pm] at s[i]. Returns bytes used or 0. */
static size_t parse_time(const char *s, size_t n, size_t i, when *w) {
  size_t b = i;
  int h, m, sec = 0;
  size_t hd = (i + 1 < n && s[i + 1] == ':') ? 1 : 2;
  if (!digits_at(s, n, i, hd, &h)) return 0;
  i += hd;
  if (i >= n || (s[i] != ':' && s[i] != 'h' && s[i] != '.')) return 0;
  i++;
  if (!digits_at(s, n, i, 2, &m)) return 0;
  i += 2;
  if (i < n && s[i] == ':' && digits_at(s, n, i + 1, 2, &sec)) {
    i += 3;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
      i++;
      while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
  }
  size_t j = i;
  while (j < n && s[j] == ' ') j++;
  if (j + 1 < n && ((s[j] | 32) == 'a' || (s[j] | 32) == 'p') &&
      ((s[j + 1] | 32) == 'm' || s[j + 1] == '.')) {
    int pm = (s[j] | 32) == 'p';
    if (h < 1 || h > 12) return 0;
    h = h % 12 + (pm ? 12 : 0);
    j += 2;
    while (j < n && (s[j] == '.' || (s[j] | 32) == 'm')) j++;
    i = j;
  }
  w->h = h;
  w->mi = m;
  w->se = sec;
  return i - b;
}

int nd_iso_date(const char *s, size_t n, char **out) {
  *out = NULL;
  while (n && (unsigned char)*s <= ' ') s++, n--;
  while (n && (unsigned char)s[n - 1] <= ' ') n--;
  if (n == 0 || n > 100) return 0;
  when w = {0, 0, 0, -1, 0, 0, ""};
  /* Unix seconds (or milliseconds): 9 to 13 digits and nothing else. */
  int all = n >= 9 && n <= 13;
  for (size_t i = 0; i < n && all; i++) all = s[i] >= '0' && s[i] <= '9';
  if (all) {
    long long t = 0;
    for (size_t i = 0; i < n; i++) t = t * 10 + (s[i] - '0');
    if (n >= 12) t /= 1000;
    long long days = t / 86400, rem = t % 86400;
    civil_from_days(days, &w.y, &w.mo, &w.d);
    w.h = (int)(rem / 3600);
    w.mi = (int)(rem / 60 % 60);
    w.se = (int)(rem % 60);
    strcpy(w.zone, "Z");
    return emit_when(&w, out);
  }
  /* ISO-8601 and its relatives: 2023-03-17, 2023/03/17, 20230317T1000. */
  if (digits_at(s, n, 0, 4, &w.y)) {
    size_t i = 4;
    int compact = 0;
    if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
      char sep = s[i];
      if (!digits_at(s, n, i + 1, 2, &w.mo)) {
        if (!digits_at(s, n, i + 1, 1, &w.mo)) return 0;
        i += 2;
      } else {
        i += 3;
      }
      /* A month alone is not a publication date. */
      if (i >= n || s[i] != sep) return 0;
      if (digits_at(s, n, i + 1, 2, &w.d))
        i += 3;
      else if (digits_at(s, n, i + 1, 1, &w.d))
        i += 2;
      else
        return 0;
    } else if (digits_at(s, n, 4, 4, &w.mo)) {
      compact = 1;
      w.d = w.mo % 100;
      w.mo /= 100;
      i = 8;
    } else {
      return 0;
    }
    if (i < n && (s[i] == 'T' || s[i] == ' ' || s[i] == 't')) {
      size_t j = i + 1;
      while (j < n && s[j] == ' ') j++;
      size_t k;
      if (compact && digits_at(s, n, j, 4, &w.h)) {
        w.mi = w.h % 100;
        w.h /= 100;
        k = 4;
        int sec;
        if (digits_at(s, n, j + 4, 2, &sec)) w.se = sec, k = 6;
      } else {
        k = parse_time(s, n, j, &w);
      }
      if (k) {
        j += k;
        j += parse_zone(s, n, j, w.zone);
      }
    }
    return emit_when(&w, out);
  }
  /* Words and numbers: "Fri, 17 Mar 2023 10:00:00 GMT", "March 17, 2023
  ** 10:00 AM", "17. März 2023", "17.03.2023", "03/17/2023". */
  int nums[3], nnum = 0, month = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') {
      size_t k;
      when t = w;
      if (w.h < 0 && (k = parse_time(s, n, i, &t)) && nnum + (month > 0) >= 2) {
        w = t;
        i += k;
        i += parse_zone(s, n, i, w.zone);
        continue;
      }
      int v = 0;
      size_t b = i;
      while (i < n && s[i] >= '0' && s[i] <= '9' && i - b < 6) v = v * 10 + (s[i++] - '0');
      if (i - b > 4) return 0;
      /* A full date read: the rest ("mis à jour à 16h20", "updated 2
      ** hours ago") is another time, not part of this one. */
      if (month && nnum >= 2) break;
      if (nnum == 3) {
        if (nums[0] >= 1000 || nums[2] >= 1000) break; /* 05/05/2025 read */
        return 0;
      }
      nums[nnum++] = v;
      /* "17th", "1st", "2nd", "3rd" */
      if (i + 1 < n &&
          ((s[i] | 32) == 's' || (s[i] | 32) == 'n' || (s[i] | 32) == 'r' || (s[i] | 32) == 't') &&
          ((s[i + 1] | 32) == 't' || (s[i + 1] | 32) == 'd' || (s[i + 1] | 32) == 'h'))
        i += 2;
      continue;
    }
    if (c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z')) {
      size_t b = i;
      while (i < n && ((unsigned char)s[i] >= 0x80 || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
        i++;
      int m = month_number(s + b, i - b);
      if (m && !month)
        month = m;
      else if ((i - b == 3) && (strncmp(s + b, "GMT", 3) == 0 || strncmp(s + b, "UTC", 3) == 0) &&
               w.h >= 0)
        i = b + parse_zone(s, n, b, w.zone);
      continue;
    }
    if ((c == '+' || c == '-') && w.h >= 0 && !w.zone[0]) {
      size_t k = parse_zone(s, n, i, w.zone);
      if (k) {
        i += k;
        continue;
      }
    }
    i++;
  }
  if (month) {
    if (nnum < 2) return 0;
    /* The year is the four-digit number (or the larger one). */
    int yi = nums[0] > 31 ? 0 : 1;
    w.y = nums[yi];
    w.d = nums[1 - yi];
    w.mo = month;
  } else {
    if (nnum != 3) return 0;
    if (nums[2] >= 1000) {
      w.y = nums[2];
      /* Day first unless that cannot be. */
      if (nums[1] > 12 && nums[0] <= 12)
        w.mo = nums[0], w.d = nums[1];
      else
        w.d = nums[0], w.mo = nums[1];
    } else if (nums[0] >= 1000) {
      w.y = nums[0], w.mo = nums[1], w.d = nums[2];
    } else {
      return 0;
    }
  }
  return emit_when(&w, out);
}
