/*
** Markdown articles with optional YAML (---) or TOML (+++) front matter.
**
** Front matter keys read (case-insensitive): title; date, published,
** publishdate, pubdate, date_published; author, authors (a YAML list, an
** inline [a, b] list or a string), byline; url, link, canonical,
** canonicalurl, permalink; lang, language, locale.
**
** The body is reduced to plain text line by line: headings lose their
** marks and stand alone; emphasis, inline code marks and strike-through
** go; links keep their text, images go; list items become lines of their
** own; block quotes lose ">"; fenced code keeps its lines; reference
** definitions, rules and table separator rows go; inline HTML tags go and
** entities are decoded. Soft-wrapped lines of a paragraph are joined. The
** title, when the front matter lacks it, is a leading "# " heading, else
** what the plain-text rules find. nd_clean_text removes furniture.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_utf8.h"

static int ieq(const char *a, size_t n, const char *lit) {
  if (strlen(lit) != n) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != lit[i]) return 0;
  }
  return 1;
}

static void trim(const char **s, size_t *n) {
  while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) (*s)++, (*n)--;
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

static void unquote(const char **s, size_t *n) {
  trim(s, n);
  if (*n >= 2 &&
      (((*s)[0] == '"' && (*s)[*n - 1] == '"') || ((*s)[0] == '\'' && (*s)[*n - 1] == '\''))) {
    (*s)++;
    *n -= 2;
  }
}

enum { FM_NONE, FM_TITLE, FM_DATE, FM_AUTHOR, FM_URL, FM_LANG };

static int fm_key(const char *k, size_t n) {
  static const struct {
    const char *key;
    int field;
  } aKey[] = {
      {"title", FM_TITLE},
      {"headline", FM_TITLE},
      {"date", FM_DATE},
      {"published", FM_DATE},
      {"publishdate", FM_DATE},
      {"pubdate", FM_DATE},
      {"date_published", FM_DATE},
      {"published_at", FM_DATE},
      {"publish_date", FM_DATE},
      {"author", FM_AUTHOR},
      {"authors", FM_AUTHOR},
      {"byline", FM_AUTHOR},
      {"url", FM_URL},
      {"link", FM_URL},
      {"canonical", FM_URL},
      {"canonicalurl", FM_URL},
      {"canonical_url", FM_URL},
      {"permalink", FM_URL},
      {"lang", FM_LANG},
      {"language", FM_LANG},
      {"locale", FM_LANG},
  };
  for (size_t i = 0; i < sizeof(aKey) / sizeof(aKey[0]); i++)
    if (ieq(k, n, aKey[i].key)) return aKey[i].field;
  return FM_NONE;
}

/* Escaped quotes in a double-quoted YAML scalar are rare in front matter;
** the value is taken as written between the quotes. */
static int fm_set(nd_article *a, int field, const char *v, size_t n) {
  unquote(&v, &n);
  if (n == 0) return 0;
  switch (field) {
    case FM_TITLE:
      return nd_set_field(&a->title, v, n);
    case FM_AUTHOR:
      return nd_set_field(&a->byline, v, n);
    case FM_URL:
      return nd_set_field(&a->url, v, n);
    case FM_LANG:
      return nd_set_lang(a, v, n);
    case FM_DATE:
      if (a->published) return 0;
      return nd_iso_date(v, n, &a->published);
  }
  return 0;
}

/* An inline list "[a, b]" or a list gathered from "- a" lines, joined. */
static int fm_set_list(nd_article *a, int field, const char *v, size_t n) {
  nd_buf b;
  nd_buf_init(&b);
  size_t i = 0;
  while (i < n) {
    size_t e = i;
    while (e < n && v[e] != ',' && v[e] != '\n') e++;
    const char *item = v + i;
    size_t len = e - i;
    unquote(&item, &len);
    if (len) {
      if (b.len) nd_buf_append(&b, ", ", 2);
      nd_buf_append(&b, item, len);
    }
    i = e + 1;
  }
  if (b.oom) return -1;
  int rc = b.len ? fm_set(a, field, b.p, b.len) : 0;
  nd_buf_free(&b);
  return rc;
}

/* Front matter at s; returns the offset of the body (0 when none). */
static int front_matter(nd_article *a, const char *s, size_t n, size_t *body) {
  *body = 0;
  char fence;
  if (n >= 4 && memcmp(s, "---\n", 4) == 0)
    fence = '-';
  else if (n >= 4 && memcmp(s, "+++\n", 4) == 0)
    fence = '+';
  else
    return 0;
  size_t i = 4, end = 0;
  /* Find the closing fence line. */
  for (size_t l = i; l < n;) {
    size_t e = l;
    while (e < n && s[e] != '\n') e++;
    size_t len = e - l;
    while (len && (s[l + len - 1] == ' ' || s[l + len - 1] == '\t')) len--;
    if (len == 3 && s[l] == fence && s[l + 1] == fence && s[l + 2] == fence) {
      end = l;
      *body = e < n ? e + 1 : e;
      break;
    }
    if (fence == '-' && len == 3 && memcmp(s + l, "...", 3) == 0) {
      end = l;
      *body = e < n ? e + 1 : e;
      break;
    }
    l = e + 1;
  }
  if (!*body) return 0; /* no closing fence: not front matter */
  int list_field = FM_NONE;
  nd_buf list;
  nd_buf_init(&list);
  int rc = 0;
  while (i < end && rc == 0) {
    size_t e = i;
    while (e < end && s[e] != '\n') e++;
    const char *l = s + i;
    size_t len = e - i;
    i = e + 1;
    const char *t = l;
    size_t tn = len;
    trim(&t, &tn);
    /* "- item" lines under a key with an empty value; "- name: X" objects
    ** give their name. */
    if (list_field != FM_NONE && tn >= 2 && t[0] == '-' && t[1] == ' ') {
      const char *item = t + 2;
      size_t in = tn - 2;
      if (in > 5 && ieq(item, 5, "name:"))
        item += 5, in -= 5;
      else if (memchr(item, ':', in) &&
               !memchr(item, ' ', (size_t)((const char *)memchr(item, ':', in) - item)))
        continue; /* "- email: x" and other keys of an object */
      if (list.len) nd_buf_putc(&list, '\n');
      nd_buf_append(&list, item, in);
      continue;
    }
    if (list_field != FM_NONE && tn > 0 && (l[0] == ' ' || l[0] == '\t')) {
      /* "    name: X" lines of list objects: take name values. */
      if (tn > 5 && ieq(t, 5, "name:")) {
        if (list.len) nd_buf_putc(&list, '\n');
        nd_buf_append(&list, t + 5, tn - 5);
      }
      continue;
    }
    if (list_field != FM_NONE) {
      if (list.oom)
        rc = -1;
      else if (list.len)
        rc = fm_set_list(a, list_field, list.p, list.len);
      list.len = 0;
      list_field = FM_NONE;
      if (rc) break;
    }
    if (tn == 0 || t[0] == '#' || l[0] == ' ' || l[0] == '\t') continue;
    size_t c = 0;
    char sep = fence == '+' ? '=' : ':';
    while (c < len && l[c] != sep) c++;
    if (c == len) continue;
    const char *k = l;
    size_t kn = c;
    trim(&k, &kn);
    unquote(&k, &kn);
    int field = fm_key(k, kn);
    if (field == FM_NONE) continue;
    const char *v = l + c + 1;
    size_t vn = len - c - 1;
    trim(&v, &vn);
    if (vn == 0) {
      list_field = field;
      continue;
    }
    if (v[0] == '[' && v[vn - 1] == ']')
      rc = fm_set_list(a, field, v + 1, vn - 2);
    else
      rc = fm_set(a, field, v, vn);
  }
  if (rc == 0 && list_field != FM_NONE) {
    if (list.oom)
      rc = -1;
    else if (list.len)
      rc = fm_set_list(a, list_field, list.p, list.len);
  }
  nd_buf_free(&list);
  return rc;
}

/* ---- Inline reduction ---------------------------------------------------- */

static int is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Matching closers for one line: match[i] is the offset of the ']' or ')'
** closing the '[' or '(' at i, or 0. One pass with a stack (brackets and
** parentheses each), so a line of a million '[' stays linear. */
static int match_pairs(const char *s, size_t n, size_t *match) {
  size_t *open = nd_malloc((n + 1) * sizeof *open);
  if (!open) return -1;
  size_t nb = 0, np = n; /* '[' grow up from 0, '(' grow down from n */
  for (size_t i = 0; i < n; i++) {
    match[i] = 0;
    char c = s[i];
    if (c == '\\' && i + 1 < n) {
      match[++i] = 0;
      continue;
    }
    if (c == '[')
      open[nb++] = i;
    else if (c == ']' && nb)
      match[open[--nb]] = i;
    else if (c == '(' && np > nb)
      open[--np] = i;
    else if (c == ')' && np < n)
      match[open[np++]] = i;
  }
  nd_free(open);
  return 0;
}

/* Text of one line with inline Markdown removed. Links keep their text:
** at '[' of "[text](url)" the position of its ']' and the end of the url
** are remembered, and the walk jumps over "(url)" on reaching that ']'. */
static int inline_text(nd_buf *o, const char *s, size_t n) {
  size_t *match = nd_malloc((n + 1) * sizeof *match);
  if (!match) return -1;
  if (match_pairs(s, n, match)) {
    nd_free(match);
    return -1;
  }
  size_t close_at = 0, resume = 0; /* innermost open link only */
  for (size_t i = 0; i < n;) {
    char c = s[i];
    if (close_at && i == close_at) {
      i = resume;
      close_at = 0;
      continue;
    }
    if (c == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!|>~<\"'", s[i + 1])) {
      nd_buf_putc(o, s[i + 1]);
      i += 2;
      continue;
    }
    if ((c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) && !close_at) {
      size_t lb = c == '!' ? i + 1 : i, rb = match[lb];
      size_t after = rb + 1, end = 0;
      if (rb && after < n && (s[after] == '(' || s[after] == '[') && match[after])
        end = match[after] + 1;
      if (end) {
        if (c == '!') {
          i = end; /* images carry no article text */
        } else {
          close_at = rb;
          resume = end;
          i++;
        }
        continue;
      }
    }
    if (c == '<') {
      /* Autolinks keep their address; other tags go. */
      size_t k = i + 1;
      while (k < n && s[k] != '>' && s[k] != '<' && k < i + 500) k++;
      if (k < n && s[k] == '>' && k > i + 1 &&
          (s[i + 1] == '/' || s[i + 1] == '!' || (s[i + 1] | 32) >= 'a')) {
        const char *in = s + i + 1;
        size_t inn = k - i - 1;
        if ((inn > 7 && strncmp(in, "http://", 7) == 0) ||
            (inn > 8 && strncmp(in, "https://", 8) == 0))
          nd_buf_append(o, in, inn);
        i = k + 1;
        continue;
      }
    }
    if (c == '&') {
      char enc[8];
      size_t elen, used = nd_html_entity(s + i, n - i, enc, &elen);
      if (used) {
        nd_buf_append(o, enc, elen);
        i += used;
        continue;
      }
    }
    if (c == '`') {
      while (i < n && s[i] == '`') i++;
      continue;
    }
    if (c == '*' || c == '~' || c == '_') {
      size_t k = i;
      while (k < n && s[k] == c) k++;
      unsigned char before = i > 0 ? (unsigned char)s[i - 1] : ' ';
      unsigned char after = k < n ? (unsigned char)s[k] : ' ';
      int intraword = is_word_byte(before) && is_word_byte(after);
      int lone = (before == ' ' || i == 0) && (after == ' ' || k == n);
      if (c == '~' && k - i < 2) intraword = 1; /* a single tilde is text */
      if ((c != '*' && intraword) || lone) nd_buf_append(o, s + i, k - i);
      i = k;
      continue;
    }
    nd_buf_putc(o, c);
    i++;
  }
  nd_free(match);
  return 0;
}

/* ---- Blocks ---------------------------------------------------------------- */

static size_t indent_of(const char *l, size_t n) {
  size_t k = 0;
  while (k < n && (l[k] == ' ' || l[k] == '\t')) k++;
  return k;
}

static int is_rule(const char *l, size_t n) {
  char m = 0;
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    if (l[i] == ' ' || l[i] == '\t') continue;
    if (l[i] != '-' && l[i] != '*' && l[i] != '_') return 0;
    if (m && l[i] != m) return 0;
    m = l[i];
    count++;
  }
  return count >= 3;
}

static int is_setext(const char *l, size_t n, char c) {
  size_t k = 0;
  while (k < n && l[k] == c) k++;
  while (k < n && (l[k] == ' ' || l[k] == '\t')) k++;
  return n > 0 && l[0] == c && k == n;
}

/* List marker length ("- ", "12. "), 0 when none. */
static size_t list_marker(const char *l, size_t n) {
  if (n >= 2 && (l[0] == '-' || l[0] == '*' || l[0] == '+') && (l[1] == ' ' || l[1] == '\t'))
    return 2;
  size_t k = 0;
  while (k < n && k < 9 && l[k] >= '0' && l[k] <= '9') k++;
  if (k > 0 && k + 1 < n && (l[k] == '.' || l[k] == ')') && (l[k + 1] == ' ' || l[k + 1] == '\t'))
    return k + 2;
  return 0;
}

int nd_parse_markdown(nd_article *a, const char *s, size_t n) {
  size_t body;
  if (front_matter(a, s, n, &body)) return -1;
  nd_buf o;
  nd_buf_init(&o);
  int in_para = 0, fenced = 0, first_block = 1, want_h1 = a->title == NULL;
  char fence_char = 0;
  nd_buf line;
  nd_buf_init(&line);
  for (size_t i = body; i < n;) {
    size_t e = i;
    while (e < n && s[e] != '\n') e++;
    const char *l = s + i;
    size_t len = e - i;
    size_t next = e < n ? e + 1 : e;
    /* The following line, for setext headings. */
    size_t ne = next;
    while (ne < n && s[ne] != '\n') ne++;
    const char *nl = s + next;
    size_t nlen = ne - next;
    i = next;
    size_t ind = indent_of(l, len);
    const char *t = l + ind;
    size_t tn = len - ind;
    while (tn && (t[tn - 1] == ' ' || t[tn - 1] == '\t')) tn--;
    if (tn >= 3 && (t[0] == '`' || t[0] == '~') && t[1] == t[0] && t[2] == t[0] &&
        (!fenced || t[0] == fence_char)) {
      fenced = !fenced;
      fence_char = t[0];
      nd_buf_append(&o, "\n\n", 2);
      in_para = 0;
      continue;
    }
    if (fenced) {
      nd_buf_append(&o, l, len);
      nd_buf_putc(&o, '\n');
      continue;
    }
    if (tn == 0) {
      if (in_para) nd_buf_append(&o, "\n\n", 2);
      in_para = 0;
      continue;
    }
    /* Block quotes: strip every leading ">". */
    while (tn && t[0] == '>') {
      t++, tn--;
      while (tn && (t[0] == ' ' || t[0] == '\t')) t++, tn--;
    }
    if (tn == 0) continue;
    if (is_rule(t, tn)) {
      if (in_para) nd_buf_append(&o, "\n\n", 2);
      in_para = 0;
      continue;
    }
    /* Reference definitions: "[id]: http://..." */
    if (t[0] == '[') {
      const char *rb = memchr(t, ']', tn);
      if (rb && (size_t)(rb - t) + 1 < tn && rb[1] == ':' &&
          !memchr(t + 1, '[', (size_t)(rb - t) - 1))
        continue;
    }
    /* Table separator rows: "|---|:--:|". */
    if (t[0] == '|' || (tn > 2 && strspn(t, "|:- \t") == tn && memchr(t, '|', tn))) {
      if (strspn(t, "|:- \t") == tn) continue;
    }
    int level = 0;
    if (t[0] == '#') {
      while ((size_t)level < tn && t[level] == '#') level++;
      if (level > 6 || ((size_t)level < tn && t[level] != ' ' && t[level] != '\t')) level = 0;
    }
    const char *h = t;
    size_t hn = tn;
    if (level) {
      h = t + level;
      hn = tn - level;
      while (hn && h[hn - 1] == '#') hn--; /* closing hashes */
    } else if (!in_para && nlen > 0 && (is_setext(nl, nlen, '=') || is_setext(nl, nlen, '-'))) {
      level = is_setext(nl, nlen, '=') ? 1 : 2;
      i = ne < n ? ne + 1 : ne; /* consume the underline */
    }
    if (level) {
      line.len = 0;
      if (inline_text(&line, h, hn) || line.oom) {
        o.oom = 1;
        break;
      }
      const char *ht = line.p ? line.p : "";
      size_t htn = line.len;
      if (level == 1 && want_h1 && first_block) {
        if (nd_set_field(&a->title, ht, htn)) {
          nd_buf_free(&line);
          nd_buf_free(&o);
          return -1;
        }
        want_h1 = 0;
      } else {
        nd_buf_append(&o, "\n\n", 2);
        nd_buf_append(&o, ht, htn);
        nd_buf_append(&o, "\n\n", 2);
      }
      in_para = 0;
      first_block = 0;
      continue;
    }
    first_block = 0;
    size_t mk = list_marker(t, tn);
    if (mk) {
      /* A list item is a line of its own. */
      if (in_para && o.len && o.p[o.len - 1] != '\n') nd_buf_putc(&o, '\n');
      if (inline_text(&o, t + mk, tn - mk)) {
        o.oom = 1;
        break;
      }
      nd_buf_putc(&o, '\n');
      in_para = 1;
      continue;
    }
    if (t[0] == '|') {
      /* Table row: cells separated by " | ". */
      const char *r = t + 1;
      size_t rn = tn - 1;
      if (rn && r[rn - 1] == '|') rn--;
      if (in_para && o.len && o.p[o.len - 1] != '\n') nd_buf_putc(&o, '\n');
      if (inline_text(&o, r, rn)) {
        o.oom = 1;
        break;
      }
      nd_buf_putc(&o, '\n');
      in_para = 1;
      continue;
    }
    /* Paragraph text; a hard break (two spaces, backslash) keeps the line. */
    int hard = (len >= 2 && l[len - 1] == ' ' && l[len - 2] == ' ') || (tn && t[tn - 1] == '\\');
    if (tn && t[tn - 1] == '\\') tn--;
    if (in_para && o.len && o.p[o.len - 1] != '\n') nd_buf_putc(&o, ' ');
    if (inline_text(&o, t, tn)) {
      o.oom = 1;
      break;
    }
    if (hard) nd_buf_putc(&o, '\n');
    in_para = 1;
  }
  nd_buf_free(&line);
  if (o.oom) {
    nd_buf_free(&o);
    return -1;
  }
  const char *plain = nd_buf_str(&o);
  if (!plain) {
    nd_buf_free(&o);
    return -1;
  }
  /* Without a title from front matter or a heading: the text rules. */
  int rc = nd_text_article(a, plain, o.len, a->title == NULL);
  nd_buf_free(&o);
  return rc;
}
