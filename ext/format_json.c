/*
** JSON articles: a small validating JSON parser, the record splitter
** (nd_json_records) and the mapping of common news-export field names onto
** the article (nd_parse_json).
**
** The parser is a state machine with an explicit stack, so nesting depth
** costs heap (proportional to the input), never C stack. It produces a flat
** array of tokens in document order; each token knows its parent and the
** index just past its subtree, which makes "children of the root" a walk.
** Strings are validated while parsing (control characters and unknown
** escapes are errors) and decoded on demand; \u escapes combine surrogate
** pairs, a lone surrogate decodes to U+FFFD.
**
** Field names (case-insensitive), best first:
**   title   title, headline, title_rss, title_page
**   text    maintext, text, body, articleBody, content, article, full_text,
**           ... then description, summary, abstract, excerpt as fallbacks
**   date    date_publish, published, publishedAt, pubDate, datePublished,
**           date, created_at, timestamp, ...
**   url     url, link, canonical_url, permalink, ...
**   byline  author, authors (string, array, objects with a name), byline
**   lang    language, lang, inLanguage, locale
** A value may be a string, a number (Unix time), an array of strings or an
** object with name/rendered/text (WordPress' {"rendered": "..."}). A body
** containing HTML is read as HTML.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_utf8.h"

/* ---- Parser ------------------------------------------------------------ */

enum { J_OBJ, J_ARR, J_STR, J_NUM, J_LIT };

typedef struct jtok {
  unsigned char type;
  size_t start, end; /* strings: inside the quotes; containers: brackets included */
  size_t parent;     /* token index, or (size_t)-1 for the root */
  size_t next;       /* index just past this token's subtree */
} jtok;

typedef struct jdoc {
  jtok *tok;
  size_t ntok, cap;
  size_t *stack; /* open containers (token indices) */
  size_t depth, stack_cap;
  const char *msg; /* static error message */
  size_t err_at;   /* byte offset of the error */
} jdoc;

#define NO_PARENT ((size_t)-1)

static int push_tok(jdoc *d, unsigned char type, size_t start, size_t end) {
  if (d->ntok == d->cap) {
    size_t cap = d->cap ? 2 * d->cap : 64;
    jtok *t = nd_realloc(d->tok, cap * sizeof *t);
    if (!t) return -1;
    d->tok = t;
    d->cap = cap;
  }
  jtok *t = &d->tok[d->ntok];
  t->type = type;
  t->start = start;
  t->end = end;
  t->parent = d->depth ? d->stack[d->depth - 1] : NO_PARENT;
  t->next = d->ntok + 1;
  d->ntok++;
  return 0;
}

static int is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* String starting at s[i] == '"'; returns the offset of the closing quote
** or sets d->msg. */
static size_t scan_string(jdoc *d, const char *s, size_t n, size_t i) {
  for (i++; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"') return i;
    if (c < 0x20) {
      d->msg = "control character in string";
      d->err_at = i;
      return 0;
    }
    if (c == '\\') {
      if (i + 1 >= n) break;
      char e = s[i + 1];
      if (e == 'u') {
        for (int k = 2; k < 6; k++)
          if (i + k >= n || hexval(s[i + k]) < 0) {
            d->msg = "invalid \\u escape";
            d->err_at = i;
            return 0;
          }
        i += 5;
      } else if (strchr("\"\\/bfnrt", e) && e) {
        i++;
      } else {
        d->msg = "invalid escape";
        d->err_at = i;
        return 0;
      }
    }
  }
  d->msg = "unterminated string";
  d->err_at = n;
  return 0;
}

static size_t scan_number(jdoc *d, const char *s, size_t n, size_t i) {
  size_t b = i;
  if (i < n && s[i] == '-') i++;
  if (i < n && s[i] == '0')
    i++;
  else if (i < n && s[i] >= '1' && s[i] <= '9')
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  else
    goto bad;
  if (i < n && s[i] == '.') {
    i++;
    size_t f = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == f) goto bad;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t f = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == f) goto bad;
  }
  return i;
bad:
  d->msg = "invalid number";
  d->err_at = b;
  return 0;
}

/* Parse one value starting at or after s[i] (white space skipped). On
** success returns 0 and *end is just past the value; 1 when malformed
** (d->msg, d->err_at); -1 on OOM. Tokens are appended to d. */
static int parse_value(jdoc *d, const char *s, size_t n, size_t i, size_t *end) {
  enum { VALUE, VALUE_OR_END, KEY, KEY_OR_END, COLON, COMMA_OR_END } st = VALUE;
  d->depth = 0;
  for (;;) {
    while (i < n && is_ws(s[i])) i++;
    if (i >= n) {
      d->msg = "unexpected end of input";
      d->err_at = n;
      return 1;
    }
    char c = s[i];
    int closed = 0; /* a value just ended */
    switch (st) {
      case VALUE_OR_END:
        if (c == ']') goto close;
        /* fall through */
      case VALUE:
        if (c == '{' || c == '[') {
          if (push_tok(d, c == '{' ? J_OBJ : J_ARR, i, i + 1)) return -1;
          if (d->depth == d->stack_cap) {
            size_t cap = d->stack_cap ? 2 * d->stack_cap : 32;
            size_t *st2 = nd_realloc(d->stack, cap * sizeof *st2);
            if (!st2) return -1;
            d->stack = st2;
            d->stack_cap = cap;
          }
          d->stack[d->depth++] = d->ntok - 1;
          st = c == '{' ? KEY_OR_END : VALUE_OR_END;
          i++;
          continue;
        }
        if (c == '"') {
          size_t q = scan_string(d, s, n, i);
          if (d->msg) return 1;
          if (push_tok(d, J_STR, i + 1, q)) return -1;
          i = q + 1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          size_t e = scan_number(d, s, n, i);
          if (d->msg) return 1;
          if (push_tok(d, J_NUM, i, e)) return -1;
          i = e;
        } else {
          static const char *const azLit[] = {"true", "false", "null"};
          size_t k = 0;
          for (int l = 0; l < 3 && !k; l++) {
            size_t m = strlen(azLit[l]);
            if (n - i >= m && memcmp(s + i, azLit[l], m) == 0) k = m;
          }
          if (!k) {
            d->msg = "unexpected character";
            d->err_at = i;
            return 1;
          }
          if (push_tok(d, J_LIT, i, i + k)) return -1;
          i += k;
        }
        closed = 1;
        break;
      case KEY_OR_END:
        if (c == '}') goto close;
        /* fall through */
      case KEY:
        if (c != '"') {
          d->msg = "expected a string key";
          d->err_at = i;
          return 1;
        } else {
          size_t q = scan_string(d, s, n, i);
          if (d->msg) return 1;
          if (push_tok(d, J_STR, i + 1, q)) return -1;
          i = q + 1;
          st = COLON;
        }
        continue;
      case COLON:
        if (c != ':') {
          d->msg = "expected ':'";
          d->err_at = i;
          return 1;
        }
        i++;
        st = VALUE;
        continue;
      case COMMA_OR_END:
        if (c == ',') {
          i++;
          st = d->tok[d->stack[d->depth - 1]].type == J_OBJ ? KEY : VALUE;
          continue;
        }
        if (c == '}' || c == ']') goto close;
        d->msg = "expected ',' or a closing bracket";
        d->err_at = i;
        return 1;
    }
    if (0) {
    close:;
      jtok *t = &d->tok[d->stack[d->depth - 1]];
      if ((c == '}') != (t->type == J_OBJ)) {
        d->msg = "mismatched bracket";
        d->err_at = i;
        return 1;
      }
      t->end = i + 1;
      t->next = d->ntok;
      d->depth--;
      i++;
      closed = 1;
    }
    if (closed) {
      if (d->depth == 0) {
        *end = i;
        return 0;
      }
      st = COMMA_OR_END;
    }
  }
}

static void jdoc_free(jdoc *d) {
  nd_free(d->tok);
  nd_free(d->stack);
  memset(d, 0, sizeof *d);
}

/* Decoded copy of a string token. NULL on OOM. */
static char *jstr(const char *s, const jtok *t) {
  nd_buf b;
  nd_buf_init(&b);
  nd_buf_reserve(&b, t->end - t->start);
  for (size_t i = t->start; i < t->end; i++) {
    char c = s[i];
    if (c != '\\') {
      nd_buf_putc(&b, c);
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'b':
        nd_buf_putc(&b, '\b');
        break;
      case 'f':
        nd_buf_putc(&b, '\f');
        break;
      case 'n':
        nd_buf_putc(&b, '\n');
        break;
      case 'r': /* "\r\n" is one line end */
        if (!(i + 2 < t->end && s[i + 1] == '\\' && s[i + 2] == 'n')) nd_buf_putc(&b, '\n');
        break;
      case 't':
        nd_buf_putc(&b, '\t');
        break;
      case 'u': {
        int32_t cp = 0;
        for (int k = 1; k <= 4; k++) cp = cp * 16 + hexval(s[i + k]);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < t->end && s[i + 1] == '\\' && s[i + 2] == 'u') {
          int32_t lo = 0;
          for (int k = 3; k <= 6; k++) lo = lo * 16 + hexval(s[i + k]);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = cp ? 0xFFFD : ' ';
        char enc[4];
        nd_buf_append(&b, enc, nd_utf8_encode(cp, enc));
        break;
      }
      default:
        nd_buf_putc(&b, e);
        break;
    }
  }
  return nd_buf_detach(&b);
}

/* ---- Records ------------------------------------------------------------ */

static int add_record(nd_record **out, size_t *count, size_t *cap, size_t off, size_t len,
                      const char *err) {
  if (*count == *cap) {
    size_t c = *cap ? 2 * *cap : 16;
    nd_record *r = nd_realloc(*out, c * sizeof *r);
    if (!r) return -1;
    *out = r;
    *cap = c;
  }
  (*out)[*count].off = off;
  (*out)[*count].len = len;
  (*out)[*count].error = err;
  (*count)++;
  return 0;
}

/* Static messages for records (nd_article_parse reports the byte). */
static const char *record_error(const char *msg) {
  static const struct {
    const char *msg, *full;
  } aMsg[] = {
      {"control character in string", "malformed JSON: control character in string"},
      {"invalid \\u escape", "malformed JSON: invalid \\u escape"},
      {"invalid escape", "malformed JSON: invalid escape"},
      {"unterminated string", "malformed JSON: unterminated string"},
      {"invalid number", "malformed JSON: invalid number"},
      {"unexpected end of input", "malformed JSON: unexpected end of input"},
      {"unexpected character", "malformed JSON: unexpected character"},
      {"expected a string key", "malformed JSON: expected a string key"},
      {"expected ':'", "malformed JSON: expected ':'"},
      {"expected ',' or a closing bracket", "malformed JSON: expected ',' or a closing bracket"},
      {"mismatched bracket", "malformed JSON: mismatched bracket"},
  };
  for (size_t i = 0; i < sizeof(aMsg) / sizeof(aMsg[0]); i++)
    if (strcmp(aMsg[i].msg, msg) == 0) return aMsg[i].full;
  return "malformed JSON";
}

static int envelope_records(const char *raw, const jdoc *d, nd_record **out, size_t *count,
                            size_t *cap);

int nd_json_records(const char *raw, size_t n, nd_record **out, size_t *count) {
  size_t cap = 0;
  *out = NULL;
  *count = 0;
  jdoc d;
  memset(&d, 0, sizeof d);
  size_t i = 0;
  if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n && is_ws(raw[i])) i++;
  int rc = 0;
  if (i < n && raw[i] == '[') {
    /* An array: each element is a record; a malformed one ends the walk. */
    i++;
    for (;;) {
      while (i < n && is_ws(raw[i])) i++;
      if (i < n && raw[i] == ']') break;
      size_t start = i, end;
      d.ntok = 0;
      d.msg = NULL;
      rc = parse_value(&d, raw, n, i, &end);
      if (rc < 0) goto oom;
      if (rc) {
        rc = add_record(out, count, &cap, start, n - start, record_error(d.msg));
        if (rc) goto oom;
        break;
      }
      if (add_record(out, count, &cap, start, end - start, NULL)) goto oom;
      i = end;
      while (i < n && is_ws(raw[i])) i++;
      if (i < n && raw[i] == ',') {
        i++;
        continue;
      }
      if (i < n && raw[i] == ']') break;
      /* A missing comma or bracket: the rest is one malformed record. */
      while (i < n && is_ws(raw[i])) i++;
      if (i < n || *count == 0) {
        if (add_record(out, count, &cap, i, n - i,
                       i < n ? "malformed JSON: expected ',' or a closing bracket"
                             : "malformed JSON: unexpected end of input"))
          goto oom;
      } else if (add_record(out, count, &cap, n, 0, "malformed JSON: unexpected end of input")) {
        goto oom;
      }
      break;
    }
    jdoc_free(&d);
    return 0;
  }
  /* One object, or several (JSONL, NDJSON, concatenated): values separated
  ** by white space. */
  int jsonl = 0;
  while (i < n) {
    size_t start = i, end;
    d.ntok = 0;
    d.msg = NULL;
    rc = parse_value(&d, raw, n, i, &end);
    if (rc < 0) goto oom;
    if (rc == 0 && d.tok[0].type != J_OBJ && d.tok[0].type != J_ARR) {
      rc = 1;
      d.msg = "unexpected character";
      d.err_at = start;
    }
    if (rc) {
      /* In JSON Lines (every record so far on one line) a broken record
      ** ends with its line; otherwise with the line of the error. */
      size_t e = jsonl ? start : (d.err_at < n ? d.err_at : n);
      while (e < n && raw[e] != '\n') e++;
      if (e == start) e = n;
      if (add_record(out, count, &cap, start, e - start, record_error(d.msg))) goto oom;
      i = e;
    } else {
      if (add_record(out, count, &cap, start, end - start, NULL)) goto oom;
      jsonl = (*count == 1 || jsonl) && !memchr(raw + start, '\n', end - start);
      i = end;
    }
    while (i < n && is_ws(raw[i])) i++;
  }
  /* One object that is an envelope ({"status": "ok", "articles": [...]}):
  ** its array's elements are the records. d holds that object's tokens. */
  if (*count == 1 && !(*out)[0].error && d.ntok && d.tok[0].type == J_OBJ) {
    if (envelope_records(raw, &d, out, count, &cap)) goto oom;
  }
  jdoc_free(&d);
  return 0;
oom:
  jdoc_free(&d);
  nd_free(*out);
  *out = NULL;
  *count = 0;
  return -1;
}

/* ---- Article fields ------------------------------------------------------ */

enum { F_TITLE, F_TEXT, F_DATE, F_URL, F_BYLINE, F_LANG, F_COUNT };

static const struct field_name {
  const char *key;
  int field;
} aFieldName[] = {
    /* in order of preference within each field */
    {"title", F_TITLE},
    {"headline", F_TITLE},
    {"title_rss", F_TITLE},
    {"title_page", F_TITLE},
    {"maintext", F_TEXT},
    {"text", F_TEXT},
    {"body", F_TEXT},
    {"articlebody", F_TEXT},
    {"article_body", F_TEXT},
    {"content", F_TEXT},
    {"article", F_TEXT},
    {"full_text", F_TEXT},
    {"fulltext", F_TEXT},
    {"article_text", F_TEXT},
    {"body_text", F_TEXT},
    {"bodytext", F_TEXT},
    {"story", F_TEXT},
    {"content_html", F_TEXT},
    {"html", F_TEXT},
    {"description", F_TEXT},
    {"summary", F_TEXT},
    {"abstract", F_TEXT},
    {"excerpt", F_TEXT},
    {"lead", F_TEXT},
    {"date_publish", F_DATE},
    {"date_gmt", F_DATE},
    {"published", F_DATE},
    {"publishedat", F_DATE},
    {"published_at", F_DATE},
    {"pubdate", F_DATE},
    {"pub_date", F_DATE},
    {"datepublished", F_DATE},
    {"date_published", F_DATE},
    {"publish_date", F_DATE},
    {"publishdate", F_DATE},
    {"publication_date", F_DATE},
    {"publicationdate", F_DATE},
    {"first_published_at", F_DATE},
    {"firstpublished", F_DATE},
    {"first_published", F_DATE},
    {"publisheddate", F_DATE},
    {"published_date", F_DATE},
    {"publishedon", F_DATE},
    {"published_on", F_DATE},
    {"date", F_DATE},
    {"datetime", F_DATE},
    {"created_at", F_DATE},
    {"createdat", F_DATE},
    {"date_created", F_DATE},
    {"datecreated", F_DATE},
    {"created", F_DATE},
    {"time", F_DATE},
    {"timestamp", F_DATE},
    {"url", F_URL},
    {"link", F_URL},
    {"canonical_url", F_URL},
    {"canonicalurl", F_URL},
    {"canonical", F_URL},
    {"permalink", F_URL},
    {"web_url", F_URL},
    {"weburl", F_URL},
    {"href", F_URL},
    {"uri", F_URL},
    {"source_url", F_URL},
    {"sourceurl", F_URL},
    {"article_url", F_URL},
    {"source", F_URL}, /* trafilatura's; only a value that is a URL is taken */
    {"author", F_BYLINE},
    {"authors", F_BYLINE},
    {"byline", F_BYLINE},
    {"author_name", F_BYLINE},
    {"authorname", F_BYLINE},
    {"creator", F_BYLINE},
    {"writer", F_BYLINE},
    {"by", F_BYLINE},
    {"language", F_LANG},
    {"lang", F_LANG},
    {"inlanguage", F_LANG},
    {"language_code", F_LANG},
    {"locale", F_LANG},
};

/* Rank of a key among aFieldName (lower is better), or -1. */
static int field_rank(const char *s, const jtok *k) {
  size_t len = k->end - k->start;
  if (len == 0 || len > 24) return -1;
  char key[32];
  for (size_t i = 0; i < len; i++) {
    char c = s[k->start + i];
    key[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  key[len] = 0;
  for (size_t i = 0; i < sizeof(aFieldName) / sizeof(aFieldName[0]); i++)
    if (strcmp(key, aFieldName[i].key) == 0) return (int)i;
  return -1;
}

/* The child of object token o whose key is name, or 0. */
static size_t member(const char *s, const jdoc *d, size_t o, const char *name) {
  size_t len = strlen(name);
  for (size_t k = o + 1; k < d->tok[o].next; k = d->tok[k + 1].next) {
    const jtok *key = &d->tok[k];
    if (key->end - key->start == len && strncmp(s + key->start, name, len) == 0) return k + 1;
  }
  return 0;
}

/* A value as text: strings decoded, numbers as written, arrays joined with
** sep, objects through their name/rendered/text member. *out NULL when the
** value has no text. -1 on OOM. */
static int value_text(const char *s, const jdoc *d, size_t v, const char *sep, char **out) {
  *out = NULL;
  const jtok *t = &d->tok[v];
  if (t->type == J_STR) {
    *out = jstr(s, t);
    return *out ? 0 : -1;
  }
  if (t->type == J_NUM) {
    *out = nd_strndup(s + t->start, t->end - t->start);
    return *out ? 0 : -1;
  }
  if (t->type == J_OBJ) {
    static const char *const azInner[] = {"name",  "rendered", "text", "#text",
                                          "value", "@value",   "en",   NULL};
    for (int i = 0; azInner[i]; i++) {
      size_t m = member(s, d, v, azInner[i]);
      if (m && (d->tok[m].type == J_STR || d->tok[m].type == J_NUM))
        return value_text(s, d, m, sep, out);
    }
    return 0;
  }
  if (t->type == J_ARR) {
    nd_buf b;
    nd_buf_init(&b);
    for (size_t k = v + 1; k < t->next; k = d->tok[k].next) {
      if (d->tok[k].type == J_ARR) continue;
      char *item;
      if (value_text(s, d, k, sep, &item)) {
        nd_buf_free(&b);
        return -1;
      }
      if (item && item[0]) {
        if (b.len) nd_buf_append(&b, sep, strlen(sep));
        nd_buf_append(&b, item, strlen(item));
      }
      nd_free(item);
    }
    if (b.oom) {
      nd_buf_free(&b);
      return -1;
    }
    if (b.len)
      *out = nd_buf_detach(&b);
    else
      nd_buf_free(&b);
    return 0;
  }
  return 0;
}

/* Records of an envelope object: the elements of its first member that is
** an array holding objects, when the object itself has no title or text.
** Token offsets are absolute in raw. Returns -1 on OOM. */
static int envelope_records(const char *raw, const jdoc *d, nd_record **out, size_t *count,
                            size_t *cap) {
  static const char *const azWrapper[] = {"articles", "items",    "results", "data",    "posts",
                                          "entries",  "docs",     "hits",    "records", "stories",
                                          "news",     "response", NULL};
  size_t found = 0;
  for (size_t k = 1; k < d->tok[0].next; k = d->tok[k + 1].next) {
    int r = field_rank(raw, &d->tok[k]);
    if (r >= 0 && (aFieldName[r].field == F_TITLE || aFieldName[r].field == F_TEXT)) return 0;
    const jtok *v = &d->tok[k + 1];
    if (found || v->type != J_ARR) continue;
    int named = 0;
    for (int w = 0; azWrapper[w]; w++)
      named |= d->tok[k].end - d->tok[k].start == strlen(azWrapper[w]) &&
               memcmp(raw + d->tok[k].start, azWrapper[w], strlen(azWrapper[w])) == 0;
    int objects = 0;
    for (size_t e = k + 2; e < v->next && !objects; e = d->tok[e].next)
      objects = d->tok[e].type == J_OBJ;
    if (objects || (named && v->next == k + 2)) found = k + 1;
  }
  if (!found) return 0;
  *count = 0;
  for (size_t e = found + 1; e < d->tok[found].next; e = d->tok[e].next) {
    const jtok *el = &d->tok[e];
    size_t off = el->type == J_STR ? el->start - 1 : el->start;
    size_t end = el->type == J_STR ? el->end + 1 : el->end;
    if (add_record(out, count, cap, off, end - off, NULL)) return -1;
  }
  return 0;
}

static int looks_like_html(const char *s) {
  for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
    char c = p[1];
    if (c == '/' || c == '!' || ((c | 32) >= 'a' && (c | 32) <= 'z')) {
      const char *q = strchr(p, '>');
      if (q && q - p < 2000) return 1;
    }
  }
  return 0;
}

/* NewsAPI truncates content with "… [+1234 chars]". */
static void cut_truncation_mark(char *s) {
  char *p = strrchr(s, '[');
  if (!p || p[1] != '+') return;
  char *q = p + 2;
  while (*q >= '0' && *q <= '9') q++;
  if (q == p + 2 || strncmp(q, " chars]", 7) != 0) return;
  *p = 0;
}

static int body_from(nd_article *a, char *raw) {
  char *plain = raw;
  if (looks_like_html(raw)) {
    plain = nd_html_body_text(raw, strlen(raw));
    if (!plain) return -1;
  } else {
    cut_truncation_mark(raw);
  }
  size_t len;
  a->text = nd_clean_text(plain, strlen(plain), &len);
  int html = plain != raw;
  if (html) nd_free(plain);
  if (!a->text) return -1;
  /* Exports often end paragraphs with a single line break. */
  return html ? 0 : nd_text_paragraphs(&a->text);
}

/* Object token o has a title-like member. */
static int has_title(const char *s, const jdoc *d, size_t o) {
  for (size_t k = o + 1; k < d->tok[o].next; k = d->tok[k + 1].next) {
    int r = field_rank(s, &d->tok[k]);
    if (r >= 0 && aFieldName[r].field == F_TITLE) return 1;
  }
  return 0;
}

/* "Headline - Publisher", "Headline | Publisher": cut the publisher. */
static void cut_publisher(char *title, const char *site) {
  size_t t = strlen(title), k = strlen(site);
  if (k == 0 || t <= k + 3 || strncasecmp(title + t - k, site, k) != 0) return;
  char *p = title + t - k;
  while (p > title && p[-1] == ' ') p--;
  if (p > title && (p[-1] == '-' || p[-1] == '|' || p[-1] == ':'))
    p--;
  else if (p - title >= 3 && (unsigned char)p[-3] == 0xE2 && (unsigned char)p[-2] == 0x80 &&
           ((unsigned char)p[-1] == 0x93 || (unsigned char)p[-1] == 0x94))
    p -= 3; /* – — */
  else
    return;
  while (p > title && p[-1] == ' ') p--;
  if (p > title) *p = 0;
}

int nd_parse_json(nd_article *a, const char *s, size_t n) {
  char *site = NULL;
  jdoc d;
  memset(&d, 0, sizeof d);
  size_t end;
  int rc = parse_value(&d, s, n, 0, &end);
  if (rc < 0) goto oom;
  if (rc == 0) {
    while (end < n && is_ws(s[end])) end++;
    if (end < n) {
      rc = 1;
      d.msg = "text after the value";
      d.err_at = end;
    }
  }
  if (rc) {
    nd_buf b;
    nd_buf_init(&b);
    char num[32];
    snprintf(num, sizeof num, "%zu", d.err_at);
    nd_buf_append(&b, "malformed JSON: ", 16);
    nd_buf_append(&b, d.msg, strlen(d.msg));
    nd_buf_append(&b, " at byte ", 9);
    nd_buf_append(&b, num, strlen(num));
    a->error = nd_buf_detach(&b);
    jdoc_free(&d);
    return a->error ? 0 : -1;
  }
  /* The article object: the root, or the first object of a root array. */
  size_t root = 0;
  if (d.tok[0].type == J_ARR) {
    root = 1;
    while (root < d.ntok && d.tok[root].type != J_OBJ) root = d.tok[root].next;
  }
  if (root >= d.ntok || d.tok[root].type != J_OBJ) {
    jdoc_free(&d);
    a->error = nd_strndup("JSON record is not an object", 28);
    return a->error ? 0 : -1;
  }
  /* A wrapper ({"data": {"title": ...}}): the first member object that
  ** has a title when the record has none (one level down). */
  if (!has_title(s, &d, root))
    for (size_t k = root + 1; k < d.tok[root].next; k = d.tok[k + 1].next)
      if (d.tok[k + 1].type == J_OBJ && has_title(s, &d, k + 1)) {
        root = k + 1;
        break;
      }
  int best[F_COUNT];
  size_t val[F_COUNT];
  for (int f = 0; f < F_COUNT; f++) best[f] = -1;
  for (size_t k = root + 1; k < d.tok[root].next; k = d.tok[k + 1].next) {
    int r = field_rank(s, &d.tok[k]);
    if (r < 0) continue;
    int f = aFieldName[r].field;
    const jtok *v = &d.tok[k + 1];
    if (v->type == J_LIT) continue;
    if (v->type == J_STR && v->end == v->start) continue;
    if (best[f] < 0 || r < best[f]) {
      best[f] = r;
      val[f] = k + 1;
    }
  }
  /* The publisher's name, to cut "Headline - Publisher" titles. */
  static const char *const azSite[] = {"source",    "site_name",     "source_name",
                                       "publisher", "source_domain", NULL};
  for (int i = 0; azSite[i] && !site; i++) {
    size_t m = member(s, &d, root, azSite[i]);
    if (m && value_text(s, &d, m, ", ", &site)) goto oom;
  }
  for (int f = 0; f < F_COUNT; f++) {
    if (best[f] < 0) continue;
    char *v;
    if (value_text(s, &d, val[f], f == F_TEXT ? "\n\n" : ", ", &v)) goto oom;
    if (!v) continue;
    int frc = 0;
    switch (f) {
      case F_TITLE:
        if (looks_like_html(v) || strchr(v, '&')) {
          char *t = nd_html_inline_text(v, strlen(v));
          if (!t)
            frc = -1;
          else {
            frc = nd_set_field(&a->title, t, strlen(t));
            nd_free(t);
          }
        } else {
          frc = nd_set_field(&a->title, v, strlen(v));
        }
        if (site && a->title) cut_publisher(a->title, site);
        break;
      case F_TEXT:
        frc = body_from(a, v);
        break;
      case F_DATE:
        frc = nd_iso_date(v, strlen(v), &a->published);
        break;
      case F_URL: /* "source" may also name a publisher */
        if (strncmp(v, "http://", 7) == 0 || strncmp(v, "https://", 8) == 0 ||
            strncmp(v, "//", 2) == 0 || strcmp(aFieldName[best[f]].key, "source") != 0)
          frc = nd_set_field(&a->url, v, strlen(v));
        break;
      case F_BYLINE: { /* an author id (WordPress' "author": 3) is no name */
        size_t no, nl, vn = strlen(v);
        if (nd_byline_name(v, vn, &no, &nl)) /* "By Tom Oak" */
          frc = nd_set_field(&a->byline, v + no, nl);
        else if (strspn(v, "0123456789") != vn)
          frc = nd_set_field(&a->byline, v, vn);
        break;
      }
      case F_LANG:
        frc = nd_set_lang(a, v, strlen(v));
        break;
    }
    nd_free(v);
    if (frc) goto oom;
  }
  nd_free(site);
  jdoc_free(&d);
  return 0;
oom:
  nd_free(site);
  jdoc_free(&d);
  return -1;
}

/* ---- JSON-LD ---------------------------------------------------------------- */

static int article_type(const char *s, const jtok *t) {
  size_t n = t->end - t->start;
  const char *v = s + t->start;
  static const char *const azType[] = {"Article", "BlogPosting",        "LiveBlogPosting",
                                       "Report",  "SocialMediaPosting", "NewsArticle",
                                       NULL};
  for (int i = 0; azType[i]; i++) {
    size_t k = strlen(azType[i]);
    if (n >= k && memcmp(v + n - k, azType[i], k) == 0) return 1;
  }
  return 0;
}

static int is_article_object(const char *s, const jdoc *d, size_t o) {
  size_t ty = member(s, d, o, "@type");
  if (!ty) return 0;
  if (d->tok[ty].type == J_STR) return article_type(s, &d->tok[ty]);
  if (d->tok[ty].type == J_ARR)
    for (size_t k = ty + 1; k < d->tok[ty].next; k = d->tok[k].next)
      if (d->tok[k].type == J_STR && article_type(s, &d->tok[k])) return 1;
  return 0;
}

int nd_jsonld_article(const char *s, size_t n, nd_article *ld, char **body) {
  *body = NULL;
  jdoc d;
  memset(&d, 0, sizeof d);
  size_t end;
  int rc = parse_value(&d, s, n, 0, &end);
  if (rc) {
    jdoc_free(&d);
    return rc < 0 ? -1 : 0;
  }
  /* An Article-typed object; else (Yoast-style graphs) the first object
  ** that has a headline or a publication date. */
  size_t pick = NO_PARENT;
  for (size_t o = 0; o < d.ntok && pick == NO_PARENT; o++)
    if (d.tok[o].type == J_OBJ && is_article_object(s, &d, o)) pick = o;
  int typed = pick != NO_PARENT; /* a page's "name" is no headline */
  for (size_t o = 0; o < d.ntok && pick == NO_PARENT; o++)
    if (d.tok[o].type == J_OBJ &&
        (member(s, &d, o, "headline") || member(s, &d, o, "datePublished")))
      pick = o;
  if (pick != NO_PARENT) {
    size_t o = pick;
    static const struct {
      const char *key;
      int field;
    } aLd[] = {{"headline", F_TITLE},   {"name", F_TITLE},           {"datePublished", F_DATE},
               {"dateCreated", F_DATE}, {"author", F_BYLINE},        {"creator", F_BYLINE},
               {"url", F_URL},          {"mainEntityOfPage", F_URL}, {"inLanguage", F_LANG},
               {"articleBody", F_TEXT}};
    for (size_t i = 0; i < sizeof(aLd) / sizeof(aLd[0]) && rc == 0; i++) {
      size_t v = member(s, &d, o, aLd[i].key);
      if (!v || (!typed && strcmp(aLd[i].key, "name") == 0)) continue;
      char *text = NULL;
      if (d.tok[v].type == J_OBJ && aLd[i].field == F_URL) {
        size_t id = member(s, &d, v, "@id");
        if (id && d.tok[id].type == J_STR && !(text = jstr(s, &d.tok[id]))) rc = -1;
      } else if (value_text(s, &d, v, ", ", &text)) {
        rc = -1;
      }
      if (!text) continue;
      switch (aLd[i].field) {
        case F_TITLE:
          rc = nd_set_field(&ld->title, text, strlen(text));
          break;
        case F_DATE:
          if (!ld->published) rc = nd_iso_date(text, strlen(text), &ld->published);
          break;
        case F_BYLINE:
          rc = nd_set_field(&ld->byline, text, strlen(text));
          break;
        case F_URL:
          rc = nd_set_field(&ld->url, text, strlen(text));
          break;
        case F_LANG:
          rc = nd_set_lang(ld, text, strlen(text));
          break;
        case F_TEXT:
          if (!*body) {
            *body = text;
            text = NULL;
          }
          break;
      }
      nd_free(text);
    }
  }
  jdoc_free(&d);
  return rc ? -1 : 0;
}
