/*
** HTML articles: metadata from the head, the main text from the body.
**
** How it works. One left-to-right pass over the bytes (no recursion, so a
** page nested 100,000 deep costs heap, not C stack):
**   - a tokenizer that tolerates anything: comments, CDATA, doctype,
**     processing instructions, stray '<', unquoted and unterminated
**     attributes, raw-text elements (script, style, title, textarea...)
**     whose content runs to their closing tag;
**   - metadata: <title>, meta name/property/itemprop (og:title,
**     article:published_time, author, date, DC.date.issued, parsely-pub-date,
**     og:locale...), link rel=canonical, <html lang>, <time datetime>,
**     JSON-LD scripts (ext/format_json.c reads them), the first h1, the
**     first byline element (rel/itemprop/class author or byline) and the
**     first visible publication date element (class publish..., dateline);
**   - structure: only elements that shape text are kept on an explicit
**     stack (blocks and containers; inline tags just pass their text). Text
**     is collected into blocks, each owned by the innermost open element,
**     with its link text counted. Subtrees of nav, header, footer, aside,
**     form, figure, svg, iframe, hidden elements and elements whose class
**     or id says comments/share/related/sidebar... are not collected.
** Then a readability-style choice: every paragraph-like block of 25+
** characters scores 1 + commas + min(length/100, 3) for its parent and half
** of that for its grandparent; class and id words add or subtract; each
** candidate's score shrinks by its link density. The best candidate (or the
** articleBody/<article> around it) and its siblings that score well give
** the body: their blocks in document order, link-heavy ones dropped,
** separated by blank lines. A subtree is an interval of element numbers,
** so "is this block inside that element" is O(1).
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_utf8.h"

/* ---- Character references ----------------------------------------------- */

static int entity_cmp(const char *name, size_t n, const char *entry) {
  size_t m = strlen(entry);
  int c = memcmp(name, entry, n < m ? n : m);
  if (c) return c;
  return n < m ? -1 : n > m;
}

static const char *entity_lookup(const char *name, size_t n) {
  size_t lo = 0, hi = nd_html_entity_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = entity_cmp(name, n, nd_html_entities[mid].name);
    if (c == 0) return nd_html_entities[mid].utf8;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

/* Windows-1252 meanings of &#128; .. &#159; (as browsers read them). */
static const unsigned short aCp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

size_t nd_html_entity(const char *s, size_t n, char *out, size_t *out_len) {
  if (n < 3 || s[0] != '&') return 0;
  if (s[1] == '#') {
    size_t i = 2;
    int hex = 0;
    if (i < n && (s[i] == 'x' || s[i] == 'X')) hex = 1, i++;
    size_t b = i;
    unsigned long cp = 0;
    while (i < n) {
      char c = s[i];
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f')
        v = (c | 32) - 'a' + 10;
      if (v < 0) break;
      if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + (unsigned long)v;
      i++;
    }
    if (i == b) return 0;
    if (i < n && s[i] == ';') i++;
    if (cp >= 0x80 && cp <= 0x9F) cp = aCp1252[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    *out_len = nd_utf8_encode((int32_t)cp, out);
    return i;
  }
  size_t i = 1;
  while (i < n && i < 40 &&
         (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || (s[i] >= '0' && s[i] <= '9')))
    i++;
  if (i == 1) return 0;
  const char *v;
  if (i < n && s[i] == ';' && (v = entity_lookup(s + 1, i))) {
    *out_len = strlen(v);
    memcpy(out, v, *out_len);
    return i + 1;
  }
  /* Legacy references without ';' ("&amp", "&copy2024"): longest prefix. */
  for (size_t k = (i - 1 < 6 ? i - 1 : 6); k >= 2; k--) {
    if ((v = entity_lookup(s + 1, k))) {
      *out_len = strlen(v);
      memcpy(out, v, *out_len);
      return k + 1;
    }
  }
  return 0;
}

/* ---- Tags ------------------------------------------------------------------ */

enum {
  K_VOID = 1,  /* never has content */
  K_SKIP = 2,  /* subtree is not article text */
  K_PARA = 4,  /* paragraph-like block */
  K_CONT = 8,  /* container of blocks */
  K_RAW = 16,  /* raw text content up to its closing tag */
  K_BREAK = 32 /* ends a block where it stands */
};

typedef struct tag_info {
  const char *name;
  unsigned char kind;
  signed char base; /* readability's initial score by tag */
} tag_info;

/* Tag numbers: positions in aTag (kept sorted for binary search). */
enum {
  T_A,
  T_ADDRESS,
  T_AREA,
  T_ARTICLE,
  T_ASIDE,
  T_AUDIO,
  T_BASE,
  T_BLOCKQUOTE,
  T_BODY,
  T_BR,
  T_BUTTON,
  T_CANVAS,
  T_CAPTION,
  T_CENTER,
  T_COL,
  T_DD,
  T_DETAILS,
  T_DIALOG,
  T_DIV,
  T_DL,
  T_DT,
  T_EMBED,
  T_FIELDSET,
  T_FIGURE,
  T_FOOTER,
  T_FORM,
  T_H1,
  T_H2,
  T_H3,
  T_H4,
  T_H5,
  T_H6,
  T_HEADER,
  T_HGROUP,
  T_HR,
  T_HTML,
  T_IFRAME,
  T_IMG,
  T_INPUT,
  T_LI,
  T_LINK,
  T_MAIN,
  T_MAP,
  T_MATH,
  T_MENU,
  T_META,
  T_NAV,
  T_NOEMBED,
  T_NOFRAMES,
  T_NOSCRIPT,
  T_OBJECT,
  T_OL,
  T_OPTION,
  T_P,
  T_PARAM,
  T_PICTURE,
  T_PLAINTEXT,
  T_PRE,
  T_SCRIPT,
  T_SECTION,
  T_SELECT,
  T_SOURCE,
  T_STYLE,
  T_SUMMARY,
  T_SVG,
  T_TABLE,
  T_TBODY,
  T_TD,
  T_TEMPLATE,
  T_TEXTAREA,
  T_TFOOT,
  T_TH,
  T_THEAD,
  T_TIME,
  T_TITLE,
  T_TR,
  T_TRACK,
  T_UL,
  T_VIDEO,
  T_WBR,
  T_XMP,
  TAG_NONE
};

static const tag_info aTag[] = {
    {"a", 0, 0},
    {"address", K_PARA, -3},
    {"area", K_VOID, 0},
    {"article", K_CONT, 5},
    {"aside", K_SKIP, 0},
    {"audio", K_SKIP, 0},
    {"base", K_VOID, 0},
    {"blockquote", K_CONT, 3},
    {"body", K_CONT, 0},
    {"br", K_VOID, 0},
    {"button", K_SKIP, 0},
    {"canvas", K_SKIP, 0},
    {"caption", K_PARA, 0},
    {"center", K_CONT, 0},
    {"col", K_VOID, 0},
    {"dd", K_PARA, -3},
    {"details", K_CONT, 0},
    {"dialog", K_SKIP, 0},
    {"div", K_CONT, 5},
    {"dl", K_CONT, -3},
    {"dt", K_PARA, -3},
    {"embed", K_VOID, 0},
    {"fieldset", K_CONT, 0},
    {"figure", K_SKIP, 0},
    {"footer", K_SKIP, 0},
    {"form", K_SKIP, -3},
    {"h1", K_PARA, -5},
    {"h2", K_PARA, -5},
    {"h3", K_PARA, -5},
    {"h4", K_PARA, -5},
    {"h5", K_PARA, -5},
    {"h6", K_PARA, -5},
    {"header", K_SKIP, 0},
    {"hgroup", K_CONT, 0},
    {"hr", K_VOID | K_BREAK, 0},
    {"html", K_CONT, 0},
    {"iframe", K_SKIP | K_RAW, 0},
    {"img", K_VOID, 0},
    {"input", K_VOID, 0},
    {"li", K_PARA, -3},
    {"link", K_VOID, 0},
    {"main", K_CONT, 5},
    {"map", K_SKIP, 0},
    {"math", K_SKIP, 0},
    {"menu", K_SKIP, 0},
    {"meta", K_VOID, 0},
    {"nav", K_SKIP, 0},
    {"noembed", K_SKIP | K_RAW, 0},
    {"noframes", K_SKIP | K_RAW, 0},
    {"noscript", K_SKIP | K_RAW, 0},
    {"object", K_SKIP, 0},
    {"ol", K_CONT, -3},
    {"option", K_SKIP, 0},
    {"p", K_PARA, 0},
    {"param", K_VOID, 0},
    {"picture", K_SKIP, 0},
    {"plaintext", K_SKIP | K_RAW, 0},
    {"pre", K_PARA, 3},
    {"script", K_SKIP | K_RAW, 0},
    {"section", K_CONT, 0},
    {"select", K_SKIP, 0},
    {"source", K_VOID, 0},
    {"style", K_SKIP | K_RAW, 0},
    {"summary", K_PARA, 0},
    {"svg", K_SKIP, 0},
    {"table", K_CONT, -3},
    {"tbody", K_CONT, 0},
    {"td", K_PARA, 3},
    {"template", K_SKIP | K_RAW, 0},
    {"textarea", K_SKIP | K_RAW, 0},
    {"tfoot", K_CONT, 0},
    {"th", K_PARA, -5},
    {"thead", K_CONT, 0},
    {"time", 0, 0},
    {"title", K_SKIP | K_RAW, 0},
    {"tr", K_CONT, 0},
    {"track", K_VOID, 0},
    {"ul", K_CONT, -3},
    {"video", K_SKIP, 0},
    {"wbr", K_VOID, 0},
    {"xmp", K_SKIP | K_RAW, 0},
};
#define N_TAG (sizeof(aTag) / sizeof(aTag[0]))

static int tag_id(const char *name, size_t n) {
  size_t lo = 0, hi = N_TAG;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = entity_cmp(name, n, aTag[mid].name);
    if (c == 0) return (int)mid;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return TAG_NONE;
}

/* ---- Attributes -------------------------------------------------------------- */

typedef struct attr {
  const char *name, *val;
  size_t nlen, vlen;
} attr;

#define MAX_ATTR 24

typedef struct tag {
  char name[16];
  size_t nlen;
  int id, end, self_closing;
  attr at[MAX_ATTR];
  int nat;
} tag;

static int ci_eq(const char *a, size_t n, const char *lit) {
  size_t m = strlen(lit);
  if (n != m) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != lit[i]) return 0;
  }
  return 1;
}

static const attr *get_attr(const tag *t, const char *name) {
  for (int i = 0; i < t->nat; i++)
    if (ci_eq(t->at[i].name, t->at[i].nlen, name)) return &t->at[i];
  return NULL;
}

/* Case-insensitive substring search in an attribute value. */
static int val_has(const attr *a, const char *word) {
  if (!a) return 0;
  size_t m = strlen(word);
  for (size_t i = 0; i + m <= a->vlen; i++) {
    size_t k = 0;
    while (k < m) {
      char c = a->val[i + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != word[k]) break;
      k++;
    }
    if (k == m) return 1;
  }
  return 0;
}

/* Parse a tag at s[i] == '<' (s[i+1] a letter, or '/' then a letter).
** Returns the offset after '>' (or n when unterminated). */
static size_t read_tag(const char *s, size_t n, size_t i, tag *t) {
  t->end = s[i + 1] == '/';
  i += 1 + t->end;
  size_t b = i;
  while (i < n && s[i] != '>' && s[i] != '/' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
         s[i] != '\f')
    i++;
  t->nlen = 0;
  for (size_t k = b; k < i && t->nlen < sizeof t->name - 1; k++) {
    char c = s[k];
    t->name[t->nlen++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  t->name[t->nlen] = 0;
  if (i - b >= sizeof t->name) t->nlen = 0; /* no known tag is that long */
  t->id = t->nlen ? tag_id(t->name, t->nlen) : TAG_NONE;
  t->nat = 0;
  t->self_closing = 0;
  for (;;) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f')) i++;
    if (i >= n) return n;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/') {
      if (i + 1 < n && s[i + 1] == '>') {
        t->self_closing = 1;
        return i + 2;
      }
      i++;
      continue;
    }
    size_t nb = i;
    while (i < n && s[i] != '=' && s[i] != '>' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
           s[i] != '\f' && !(s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
      i++;
    if (i == nb) i++; /* a lone '=' */
    size_t ne = i;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
    const char *val = NULL;
    size_t vlen = 0;
    if (i < n && s[i] == '=') {
      i++;
      while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        const char *e = memchr(s + i, q, n - i);
        size_t ve = e ? (size_t)(e - s) : n;
        val = s + i;
        vlen = ve - i;
        i = e ? ve + 1 : n;
      } else {
        size_t vb = i;
        while (i < n && s[i] != '>' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') i++;
        val = s + vb;
        vlen = i - vb;
      }
    }
    if (t->nat < MAX_ATTR && ne > nb) {
      attr *a = &t->at[t->nat++];
      a->name = s + nb;
      a->nlen = ne - nb;
      a->val = val ? val : "";
      a->vlen = vlen;
    }
  }
}

/* Offset of "</name" (any case) at or after i, or n. */
static size_t find_close(const char *s, size_t n, size_t i, const char *name, size_t nlen) {
  for (; i + 2 + nlen <= n; i++) {
    const char *p = memchr(s + i, '<', n - i);
    if (!p) return n;
    i = (size_t)(p - s);
    if (i + 2 + nlen > n) return n;
    if (s[i + 1] != '/') continue;
    size_t k = 0;
    while (k < nlen) {
      char c = s[i + 2 + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != name[k]) break;
      k++;
    }
    if (k == nlen) {
      char c = i + 2 + nlen < n ? s[i + 2 + nlen] : '>';
      if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/') return i;
    }
  }
  return n;
}

/* ---- Document model ------------------------------------------------------------ */

typedef struct node {
  size_t parent; /* node index, NO_NODE for top level */
  size_t end;    /* one past the last node inside */
  int id;
  unsigned char skip, scored, article_body;
  unsigned char inner_block; /* some block of text lies in a node inside it */
  double score;
  size_t text_len, link_len;
} node;

#define NO_NODE ((size_t)-1)

typedef struct block {
  size_t off, len; /* in the text buffer */
  size_t owner;    /* node, or NO_NODE */
  size_t link_len, chars;
  int commas;
  int id; /* owner's tag */
} block;

/* A captured element's text (first h1, byline element). */
typedef struct capture {
  int active, done, in_skip;
  char name[16];
  int depth;
  nd_buf text;
} capture;

typedef struct meta_fields {
  char *og_title, *og_site, *doc_title, *h1, *h1_skipped;
  char *published, *meta_date, *time_date, *ld_date, *date_el;
  char *byline_meta, *byline_ld, *byline_el;
  char *canonical, *og_url, *ld_url;
  char *lang_html, *lang_og, *lang_ld, *ld_title, *ld_body;
} meta_fields;

typedef struct doc {
  const char *s;
  size_t n;
  node *nodes;
  size_t nnode, node_cap;
  size_t *stack; /* open nodes */
  size_t depth, stack_cap;
  size_t open_count[N_TAG + 1];
  block *blocks;
  size_t nblock, block_cap;
  nd_buf text;        /* all collected text */
  size_t block_start; /* start of the current block in text */
  size_t block_links; /* link bytes in the current block */
  int skip;           /* open skipped subtrees */
  int pre;            /* open <pre> elements */
  int in_link;
  size_t link_depth; /* stack depth where the open link started */
  int want_meta;
  capture h1, byline, date;
  meta_fields m;
  int oom;
} doc;

static void *grow(void *p, size_t *cap, size_t size) {
  size_t c = *cap ? 2 * *cap : 64;
  void *q = nd_realloc(p, c * size);
  if (q) *cap = c;
  return q;
}

static void take(doc *d, char **field, const char *v, size_t n) {
  if (!d->oom && nd_set_field(field, v, n)) d->oom = 1;
}

/* Decode entities in v[0..n) into b, white space collapsed when collapse. */
static void append_decoded(nd_buf *b, const char *v, size_t n, int collapse) {
  for (size_t i = 0; i < n;) {
    char c = v[i];
    if (c == '&') {
      char enc[8];
      size_t elen, used = nd_html_entity(v + i, n - i, enc, &elen);
      if (used) {
        if (elen == 2 && (unsigned char)enc[0] == 0xC2 && (unsigned char)enc[1] == 0xA0) {
          enc[0] = ' ';
          elen = 1;
        }
        if (collapse && elen == 1 && enc[0] == ' ' &&
            (b->len == 0 || b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\n')) {
          i += used;
          continue;
        }
        nd_buf_append(b, enc, elen);
        i += used;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        (c == (char)0xC2 && i + 1 < n && v[i + 1] == (char)0xA0)) {
      size_t k = c == (char)0xC2 ? 2 : 1;
      if (!collapse) {
        nd_buf_putc(b, c == (char)0xC2 ? ' ' : c);
      } else if (b->len > 0 && b->p[b->len - 1] != ' ' && b->p[b->len - 1] != '\n') {
        nd_buf_putc(b, ' ');
      }
      i += k;
      continue;
    }
    nd_buf_putc(b, c);
    i++;
  }
}

static void take_decoded(doc *d, char **field, const char *v, size_t n) {
  if (*field || d->oom) return;
  nd_buf b;
  nd_buf_init(&b);
  append_decoded(&b, v, n, 1);
  if (b.oom)
    d->oom = 1;
  else
    take(d, field, b.p ? b.p : "", b.len);
  nd_buf_free(&b);
}

static void take_date(doc *d, char **field, const char *v, size_t n) {
  if (*field || d->oom) return;
  if (nd_iso_date(v, n, field)) d->oom = 1;
}

/* Ends the current block: its text becomes a block owned by the top node. */
static void flush(doc *d) {
  nd_buf *t = &d->text;
  size_t b = d->block_start, e = t->len;
  while (b < e && (t->p[b] == ' ' || t->p[b] == '\n')) b++;
  while (e > b && (t->p[e - 1] == ' ' || t->p[e - 1] == '\n')) e--;
  if (e > b && !d->oom) {
    if (d->nblock == d->block_cap) {
      block *nb = grow(d->blocks, &d->block_cap, sizeof *nb);
      if (!nb) {
        d->oom = 1;
        return;
      }
      d->blocks = nb;
    }
    block *bl = &d->blocks[d->nblock++];
    bl->off = b;
    bl->len = e - b;
    bl->owner = d->depth ? d->stack[d->depth - 1] : NO_NODE;
    bl->id = bl->owner == NO_NODE ? TAG_NONE : d->nodes[bl->owner].id;
    bl->link_len = d->block_links > bl->len ? bl->len : d->block_links;
    bl->commas = 0;
    bl->chars = nd_utf8_chars(t->p + b, e - b);
    for (size_t k = b; k < e; k++)
      if (t->p[k] == ',' ||
          (k + 2 < e && (unsigned char)t->p[k] == 0xEF && (unsigned char)t->p[k + 1] == 0xBC &&
           (unsigned char)t->p[k + 2] == 0x8C))
        bl->commas++;
    nd_buf_putc(t, '\n'); /* keeps blocks apart in the buffer */
  }
  d->block_start = t->len;
  d->block_links = 0;
}

static void push_node(doc *d, int id, int skip, int article_body) {
  if (d->oom) return;
  if (d->nnode == d->node_cap) {
    node *nn = grow(d->nodes, &d->node_cap, sizeof *nn);
    if (!nn) {
      d->oom = 1;
      return;
    }
    d->nodes = nn;
  }
  if (d->depth == d->stack_cap) {
    size_t *ns = grow(d->stack, &d->stack_cap, sizeof *ns);
    if (!ns) {
      d->oom = 1;
      return;
    }
    d->stack = ns;
  }
  node *x = &d->nodes[d->nnode];
  memset(x, 0, sizeof *x);
  x->parent = d->depth ? d->stack[d->depth - 1] : NO_NODE;
  x->id = id;
  x->skip = (unsigned char)skip;
  x->article_body = (unsigned char)article_body;
  x->end = d->nnode + 1;
  d->stack[d->depth++] = d->nnode++;
  d->open_count[id]++;
  if (skip) d->skip++;
  if (id == T_PRE) d->pre++;
}

static void pop_node(doc *d) {
  size_t x = d->stack[--d->depth];
  node *nx = &d->nodes[x];
  nx->end = d->nnode;
  d->open_count[nx->id]--;
  if (nx->skip) d->skip--;
  if (nx->id == T_PRE) d->pre--;
  /* An unclosed link ends with the element it was opened in. */
  if (d->in_link && d->depth < d->link_depth) d->in_link = 0;
}

/* Close elements up to and including the innermost open `id`. */
static void close_tag(doc *d, int id) {
  if (d->open_count[id] == 0) return;
  flush(d);
  while (d->depth > 0) {
    int top = d->nodes[d->stack[d->depth - 1]].id;
    pop_node(d);
    if (top == id) break;
  }
}

static void add_text(doc *d, const char *v, size_t n) {
  /* Captures see text even inside skipped subtrees (a header's h1). */
  capture *caps[3] = {&d->h1, &d->byline, &d->date};
  for (int c = 0; c < 3; c++) {
    if (!caps[c]->active) continue;
    append_decoded(&caps[c]->text, v, n, 1);
    if (caps[c]->text.len > 400) {
      caps[c]->active = 0;
      caps[c]->text.len = 0;
    }
  }
  if (d->skip) return;
  size_t before = d->text.len;
  append_decoded(&d->text, v, n, !d->pre);
  if (d->in_link) d->block_links += d->text.len - before;
}

/* Class and id words (readability's lists). */
static int class_weight(const tag *t) {
  static const char *const azGood[] = {"article", "body",  "content", "entry", "hentry",
                                       "h-entry", "main",  "page",    "post",  "text",
                                       "blog",    "story", NULL};
  static const char *const azBad[] = {
      "hidden",   "banner", "combx",    "comment",  "com-",    "contact",    "foot",
      "footnote", "gdpr",   "masthead", "media",    "meta",    "outbrain",   "promo",
      "related",  "scroll", "share",    "shoutbox", "sidebar", "skyscraper", "sponsor",
      "shopping", "tags",   "tool",     "widget",   NULL};
  int w = 0;
  const attr *names[2] = {get_attr(t, "class"), get_attr(t, "id")};
  for (int k = 0; k < 2; k++) {
    if (!names[k]) continue;
    int good = 0, bad = 0;
    for (int i = 0; azGood[i]; i++) good |= val_has(names[k], azGood[i]);
    for (int i = 0; azBad[i]; i++) bad |= val_has(names[k], azBad[i]);
    w += 25 * (good - bad);
  }
  return w;
}

/* Elements that are not article text whatever their tag. */
static int unlikely(const tag *t) {
  static const char *const azUnlikely[] = {
      "-ad-",     "ad-break", "adbox",      "advert",     "agegate",   "banner",     "breadcrumb",
      "combx",    "comment",  "community",  "cookie",     "consent",   "cover-wrap", "disqus",
      "footer",   "gdpr",     "menu",       "newsletter", "pager",     "pagination", "popup",
      "promo",    "related",  "remark",     "replies",    "rss",       "share",      "sharing",
      "shoutbox", "sidebar",  "skyscraper", "social",     "sponsor",   "subscribe",  "supplemental",
      "widget",   "byline",   "author",     "caption",    "read-more", "readmore",   "recommend",
      "outbrain", "taboola",  "tags",       "modal",      NULL};
  static const char *const azMaybe[] = {"article", "body",  "column", "content",   "main",
                                        "shadow",  "story", "entry",  "post-text", NULL};
  const attr *names[2] = {get_attr(t, "class"), get_attr(t, "id")};
  int bad = 0, maybe = 0;
  for (int k = 0; k < 2; k++) {
    if (!names[k]) continue;
    for (int i = 0; azUnlikely[i] && !bad; i++) bad = val_has(names[k], azUnlikely[i]);
    for (int i = 0; azMaybe[i] && !maybe; i++) maybe = val_has(names[k], azMaybe[i]);
  }
  const attr *role = get_attr(t, "role");
  if (role && (val_has(role, "navigation") || val_has(role, "complementary") ||
               val_has(role, "banner") || val_has(role, "contentinfo") || val_has(role, "dialog")))
    return 1;
  const attr *style = get_attr(t, "style");
  if (style && (val_has(style, "display:none") || val_has(style, "display: none") ||
                val_has(style, "visibility:hidden") || val_has(style, "visibility: hidden")))
    return 1;
  if (get_attr(t, "hidden")) return 1;
  const attr *aria = get_attr(t, "aria-hidden");
  if (aria && val_has(aria, "true")) return 1;
  return bad && !maybe;
}

static int is_byline_element(const tag *t) {
  const attr *rel = get_attr(t, "rel");
  if (rel && ci_eq(rel->val, rel->vlen, "author")) return 1;
  const attr *ip = get_attr(t, "itemprop");
  if (ip && ci_eq(ip->val, ip->vlen, "author")) return 1;
  const attr *cls = get_attr(t, "class");
  if (cls && (val_has(cls, "byline") || val_has(cls, "author-name") || val_has(cls, "authorname") ||
              val_has(cls, "author__name")))
    return 1;
  if (cls) {
    /* A class word that is exactly "author". */
    for (size_t i = 0; i + 6 <= cls->vlen; i++)
      if ((i == 0 || cls->val[i - 1] == ' ') && ci_eq(cls->val + i, 6, "author") &&
          (i + 6 == cls->vlen || cls->val[i + 6] == ' '))
        return 1;
  }
  return 0;
}

/* A visible publication date: class or id "publish...", "pubdate",
** "post-date", "entry-date", "article-date", "dateline", "timestamp" or
** exactly "date" ("updated" is a modification, not a publication). */
static int is_date_element(const tag *t) {
  static const char *const azDate[] = {"publish",    "pubdate",      "post-date",     "postdate",
                                       "entry-date", "article-date", "article__date", "dateline",
                                       "timestamp",  "story-date",   "news-date",     NULL};
  const attr *names[2] = {get_attr(t, "class"), get_attr(t, "id")};
  for (int k = 0; k < 2; k++) {
    const attr *a = names[k];
    if (!a) continue;
    for (int i = 0; azDate[i]; i++)
      if (val_has(a, azDate[i])) return 1;
    for (size_t i = 0; i + 4 <= a->vlen; i++)
      if ((i == 0 || a->val[i - 1] == ' ') && ci_eq(a->val + i, 4, "date") &&
          (i + 4 == a->vlen || a->val[i + 4] == ' '))
        return 1;
  }
  return 0;
}

static void start_capture(capture *c, const tag *t, int in_skip) {
  c->active = 1;
  c->in_skip = in_skip;
  memcpy(c->name, t->name, t->nlen + 1);
  c->depth = 0;
  c->text.len = 0;
}

static void capture_tag(doc *d, capture *c, const tag *t, char **field) {
  if (!c->active || strcmp(c->name, t->name) != 0) return;
  if (!t->end) {
    c->depth++;
    return;
  }
  if (c->depth-- > 0) return;
  c->active = 0;
  if (c->text.len) {
    /* An h1 in a page header (the site's logo) only counts when the
    ** article has none of its own. */
    if (c == &d->h1 && c->in_skip) {
      take(d, &d->m.h1_skipped, c->text.p, c->text.len);
    } else if (c == &d->date) {
      take_date(d, field, c->text.p, c->text.len);
      c->done = *field != NULL;
    } else {
      take(d, field, c->text.p, c->text.len);
      c->done = 1;
    }
  }
  c->text.len = 0;
}

static void meta_tag(doc *d, const tag *t) {
  const attr *content = get_attr(t, "content");
  if (!content || content->vlen == 0) return;
  const attr *key = get_attr(t, "property");
  if (!key) key = get_attr(t, "name");
  if (!key) key = get_attr(t, "itemprop");
  if (!key) key = get_attr(t, "http-equiv");
  if (!key) return;
  const char *k = key->val, *v = content->val;
  size_t kn = key->vlen, vn = content->vlen;
  meta_fields *m = &d->m;
  if (ci_eq(k, kn, "og:title") || ci_eq(k, kn, "twitter:title"))
    take_decoded(d, &m->og_title, v, vn);
  else if (ci_eq(k, kn, "og:site_name"))
    take_decoded(d, &m->og_site, v, vn);
  else if (ci_eq(k, kn, "article:published_time") || ci_eq(k, kn, "og:published_time") ||
           ci_eq(k, kn, "datepublished"))
    take_date(d, &m->published, v, vn);
  else if (ci_eq(k, kn, "date") || ci_eq(k, kn, "pubdate") || ci_eq(k, kn, "publishdate") ||
           ci_eq(k, kn, "publish-date") || ci_eq(k, kn, "publish_date") ||
           ci_eq(k, kn, "dc.date.issued") || ci_eq(k, kn, "dc.date") ||
           ci_eq(k, kn, "dcterms.date") || ci_eq(k, kn, "dcterms.created") ||
           ci_eq(k, kn, "dcterms.issued") || ci_eq(k, kn, "parsely-pub-date") ||
           ci_eq(k, kn, "sailthru.date") || ci_eq(k, kn, "article.published") ||
           ci_eq(k, kn, "published_time") || ci_eq(k, kn, "og:pubdate") ||
           ci_eq(k, kn, "article_date_original") || ci_eq(k, kn, "originalpublicationdate") ||
           ci_eq(k, kn, "citation_publication_date") || ci_eq(k, kn, "citation_date") ||
           ci_eq(k, kn, "dc.created") || ci_eq(k, kn, "release_date"))
    take_date(d, &m->meta_date, v, vn);
  else if (ci_eq(k, kn, "author") || ci_eq(k, kn, "article:author") || ci_eq(k, kn, "dc.creator") ||
           ci_eq(k, kn, "parsely-author") || ci_eq(k, kn, "sailthru.author") ||
           ci_eq(k, kn, "byl") || ci_eq(k, kn, "citation_author")) {
    if (!(vn > 4 && (strncmp(v, "http", 4) == 0 || memchr(v, '/', vn)))) {
      const char *nv = v;
      size_t nvn = vn, no, nl;
      if (nd_byline_name(v, vn, &no, &nl)) nv = v + no, nvn = nl;
      take_decoded(d, &m->byline_meta, nv, nvn);
    }
  } else if (ci_eq(k, kn, "og:url"))
    take_decoded(d, &m->og_url, v, vn);
  else if (ci_eq(k, kn, "og:locale") || ci_eq(k, kn, "content-language") ||
           ci_eq(k, kn, "language") || ci_eq(k, kn, "dc.language"))
    take_decoded(d, &m->lang_og, v, vn);
}

/* Opening tag handling for structure and metadata. */
static void open_tag(doc *d, const tag *t) {
  int id = t->id;
  if (d->want_meta) {
    if (id == T_META)
      meta_tag(d, t);
    else if (id == T_LINK) {
      const attr *rel = get_attr(t, "rel"), *href = get_attr(t, "href");
      if (rel && href && ci_eq(rel->val, rel->vlen, "canonical"))
        take_decoded(d, &d->m.canonical, href->val, href->vlen);
    } else if (id == T_HTML) {
      const attr *lang = get_attr(t, "lang");
      if (!lang) lang = get_attr(t, "xml:lang");
      if (lang) take_decoded(d, &d->m.lang_html, lang->val, lang->vlen);
    } else if (id == T_TIME) {
      const attr *dt = get_attr(t, "datetime");
      if (dt) take_date(d, &d->m.time_date, dt->val, dt->vlen);
    }
    const attr *ip = get_attr(t, "itemprop");
    if (ip && ci_eq(ip->val, ip->vlen, "datepublished") && id != T_META) {
      const attr *v = get_attr(t, "datetime");
      if (!v) v = get_attr(t, "content");
      if (v) take_date(d, &d->m.meta_date, v->val, v->vlen);
    }
    if (id == T_H1 && !d->h1.done && !d->h1.active)
      start_capture(&d->h1, t, d->skip > 0);
    else if (!d->byline.done && !d->byline.active && is_byline_element(t))
      start_capture(&d->byline, t, d->skip > 0);
    else if (!d->date.done && !d->date.active && is_date_element(t))
      start_capture(&d->date, t, d->skip > 0);
    else {
      if (d->h1.active) capture_tag(d, &d->h1, t, &d->m.h1);
      if (d->byline.active) capture_tag(d, &d->byline, t, &d->m.byline_el);
      if (d->date.active) capture_tag(d, &d->date, t, &d->m.date_el);
    }
  }
  if (id == T_A) {
    d->in_link = get_attr(t, "href") != NULL;
    d->link_depth = d->depth;
    return;
  }
  if (id == TAG_NONE) return;
  unsigned kind = aTag[id].kind;
  if (id == T_BR) {
    if (!d->skip) nd_buf_putc(&d->text, '\n');
    return;
  }
  if (kind & K_BREAK) {
    flush(d);
    return;
  }
  if (kind & K_VOID) return;
  if (!(kind & (K_SKIP | K_PARA | K_CONT))) return;
  flush(d);
  /* Implied ends: a block closes an open p; li closes li; td closes td. */
  if (d->depth) {
    int top = d->nodes[d->stack[d->depth - 1]].id;
    if (top == T_P && (kind & (K_PARA | K_CONT)))
      pop_node(d);
    else if (top == id && (id == T_LI || id == T_DT || id == T_DD || id == T_TD || id == T_TH ||
                           id == T_TR || id == T_OPTION))
      pop_node(d);
  }
  if (t->self_closing) return;
  int skip = (kind & K_SKIP) ||
             (id != T_BODY && id != T_HTML && id != T_ARTICLE && id != T_MAIN && unlikely(t));
  /* An article's own header holds its headline, not site navigation. */
  if (id == T_HEADER && (d->open_count[T_ARTICLE] || d->open_count[T_MAIN]) && !unlikely(t))
    skip = 0;
  const attr *ip = get_attr(t, "itemprop");
  const attr *cls = get_attr(t, "class");
  int body = (ip && val_has(ip, "articlebody")) ||
             (cls && (val_has(cls, "article-body") || val_has(cls, "articlebody") ||
                      val_has(cls, "article__body") || val_has(cls, "entry-content") ||
                      val_has(cls, "post-content") || val_has(cls, "story-body") ||
                      val_has(cls, "article-content") || val_has(cls, "article-text")));
  if (body) skip = 0;
  push_node(d, id, skip, body);
  if (!d->oom && !skip) {
    node *x = &d->nodes[d->nnode - 1];
    x->score = aTag[id].base + class_weight(t);
  }
}

static void end_tag(doc *d, const tag *t) {
  if (d->want_meta) {
    if (d->h1.active) capture_tag(d, &d->h1, t, &d->m.h1);
    if (d->byline.active) capture_tag(d, &d->byline, t, &d->m.byline_el);
    if (d->date.active) capture_tag(d, &d->date, t, &d->m.date_el);
  }
  int id = t->id;
  if (id == T_A) {
    d->in_link = 0;
    return;
  }
  if (id == T_BR) {
    if (!d->skip) nd_buf_putc(&d->text, '\n');
    return;
  }
  if (id == TAG_NONE || (aTag[id].kind & K_VOID)) return;
  if (!(aTag[id].kind & (K_SKIP | K_PARA | K_CONT))) return;
  close_tag(d, id);
}

/* ---- Scan -------------------------------------------------------------------- */

static void raw_content(doc *d, const tag *t, const char *v, size_t n) {
  if (!d->want_meta) return;
  if (t->id == T_TITLE) {
    take_decoded(d, &d->m.doc_title, v, n);
  } else if (t->id == T_SCRIPT) {
    const attr *type = get_attr(t, "type");
    if (type && val_has(type, "ld+json")) {
      nd_article ld;
      memset(&ld, 0, sizeof ld);
      char *body = NULL;
      if (nd_jsonld_article(v, n, &ld, &body)) {
        nd_article_clear(&ld);
        nd_free(body);
        d->oom = 1;
        return;
      }
      meta_fields *m = &d->m;
      if (!m->ld_title) m->ld_title = ld.title, ld.title = NULL;
      if (!m->ld_date) m->ld_date = ld.published, ld.published = NULL;
      if (!m->byline_ld) m->byline_ld = ld.byline, ld.byline = NULL;
      if (!m->ld_url) m->ld_url = ld.url, ld.url = NULL;
      if (!m->lang_ld) m->lang_ld = ld.lang, ld.lang = NULL;
      if (!m->ld_body) m->ld_body = body, body = NULL;
      nd_free(body);
      nd_article_clear(&ld);
    }
  }
}

static void scan(doc *d) {
  const char *s = d->s;
  size_t n = d->n, i = 0;
  tag t;
  while (i < n && !d->oom) {
    const char *lt = memchr(s + i, '<', n - i);
    size_t e = lt ? (size_t)(lt - s) : n;
    if (e > i) add_text(d, s + i, e - i);
    if (e >= n) break;
    i = e;
    if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
      const char *c = NULL;
      for (size_t k = i + 4; k + 3 <= n; k++) {
        const char *p = memchr(s + k, '-', n - k);
        if (!p || (size_t)(p - s) + 3 > n) break;
        k = (size_t)(p - s);
        if (p[1] == '-' && p[2] == '>') {
          c = p;
          break;
        }
      }
      i = c ? (size_t)(c - s) + 3 : n;
      continue;
    }
    if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
      size_t b = i + 9, k = b;
      while (k + 3 <= n && memcmp(s + k, "]]>", 3) != 0) k++;
      if (k + 3 > n) k = n;
      add_text(d, s + b, k - b);
      i = k < n ? k + 3 : n;
      continue;
    }
    if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
      const char *g = memchr(s + i, '>', n - i);
      i = g ? (size_t)(g - s) + 1 : n;
      continue;
    }
    char c1 = i + 1 < n ? s[i + 1] : 0, c2 = i + 2 < n ? s[i + 2] : 0;
    int start = (c1 | 32) >= 'a' && (c1 | 32) <= 'z';
    int end = c1 == '/' && (c2 | 32) >= 'a' && (c2 | 32) <= 'z';
    if (!start && !end) {
      if (c1 == '/' && c2 == '>') {
        i += 3;
        continue;
      }
      add_text(d, s + i, 1); /* a stray '<' is text */
      i++;
      continue;
    }
    i = read_tag(s, n, i, &t);
    if (t.end) {
      end_tag(d, &t);
      continue;
    }
    open_tag(d, &t);
    if (t.id != TAG_NONE && (aTag[t.id].kind & K_RAW) && !t.self_closing) {
      size_t c = find_close(s, n, i, t.name, t.nlen);
      raw_content(d, &t, s + i, c - i);
      /* The raw element's node closes with it. */
      close_tag(d, t.id);
      if (c < n) {
        const char *g = memchr(s + c, '>', n - c);
        i = g ? (size_t)(g - s) + 1 : n;
      } else {
        i = n;
      }
    }
  }
  flush(d);
  while (d->depth) pop_node(d);
  if (d->text.oom || d->h1.text.oom || d->byline.text.oom || d->date.text.oom) d->oom = 1;
}

/* ---- Main text ------------------------------------------------------------------ */

static int paragraph_like(int id) {
  return id == T_P || id == T_PRE || id == T_TD || id == T_BLOCKQUOTE || id == T_DIV ||
         id == T_SECTION || id == T_ARTICLE || id == T_LI || id == T_DD || id == TAG_NONE;
}

static int inside(const doc *d, size_t x, size_t container) {
  return x != NO_NODE && x >= container && x < d->nodes[container].end;
}

/* Readability scoring; returns the chosen root nodes in roots (at most
** max), their count, or 0 when nothing scored. */
static size_t choose_roots(doc *d, size_t *roots, size_t max) {
  size_t best = NO_NODE;
  for (size_t b = 0; b < d->nblock; b++) {
    size_t o = d->blocks[b].owner;
    if (o == NO_NODE) continue;
    for (size_t x = d->nodes[o].parent; x != NO_NODE && !d->nodes[x].inner_block;
         x = d->nodes[x].parent)
      d->nodes[x].inner_block = 1;
  }
  for (size_t b = 0; b < d->nblock; b++) {
    block *bl = &d->blocks[b];
    if (bl->owner == NO_NODE || bl->chars < 25 || !paragraph_like(bl->id)) continue;
    double score = 1 + bl->commas + (bl->chars / 100 > 3 ? 3 : (double)(bl->chars / 100));
    /* Loose text scores for its own container, a paragraph for its parent;
    ** so does a container holding nothing but text (a <div> used as a
    ** paragraph), or a short article of such divs would be won by one of
    ** them alone. */
    size_t parent = (aTag[bl->id].kind & K_CONT) && d->nodes[bl->owner].inner_block
                        ? bl->owner
                        : d->nodes[bl->owner].parent;
    if (parent == NO_NODE) continue;
    size_t grand = d->nodes[parent].parent;
    node *p = &d->nodes[parent];
    p->scored = 1;
    p->score += score;
    p->text_len += bl->chars;
    p->link_len += bl->link_len;
    if (grand != NO_NODE) {
      node *g = &d->nodes[grand];
      g->scored = 1;
      g->score += score / 2;
      g->text_len += bl->chars;
      g->link_len += bl->link_len;
    }
  }
  double top = 0;
  for (size_t x = 0; x < d->nnode; x++) {
    node *nx = &d->nodes[x];
    if (!nx->scored || nx->skip) continue;
    double density = nx->text_len ? (double)nx->link_len / (double)nx->text_len : 0;
    nx->score *= 1 - density;
    if (best == NO_NODE || nx->score > top) {
      best = x;
      top = nx->score;
    }
  }
  if (best == NO_NODE) return 0;
  /* An explicit article body around the winner wins. */
  for (size_t x = d->nodes[best].parent, steps = 0; x != NO_NODE && steps < 64;
       x = d->nodes[x].parent, steps++) {
    if (d->nodes[x].article_body) {
      best = x;
      break;
    }
  }
  size_t nroot = 0;
  roots[nroot++] = best;
  /* Siblings that score well (text split by ads or teasers). */
  size_t parent = d->nodes[best].parent;
  if (parent != NO_NODE) {
    double threshold = top * 0.2 > 10 ? top * 0.2 : 10;
    for (size_t x = parent + 1; x < d->nodes[parent].end && nroot < max; x = d->nodes[x].end) {
      if (x == best || d->nodes[x].skip) continue;
      node *nx = &d->nodes[x];
      double density = nx->text_len ? (double)nx->link_len / (double)nx->text_len : 1;
      if (nx->scored && nx->score >= threshold && density < 0.25) roots[nroot++] = x;
    }
  }
  return nroot;
}

/* Join the selected blocks, link lists and title echoes left out. */
static char *body_text(doc *d, const char *title) {
  size_t roots[32];
  size_t nroot = choose_roots(d, roots, 32);
  size_t best_parent = nroot ? d->nodes[roots[0]].parent : NO_NODE;
  char tkey[512] = "", key[512];
  if (title) nd_line_key(title, strlen(title), tkey, sizeof tkey);
  nd_buf out;
  nd_buf_init(&out);
  for (size_t b = 0; b < d->nblock; b++) {
    block *bl = &d->blocks[b];
    int keep = nroot == 0;
    for (size_t r = 0; r < nroot && !keep; r++) keep = inside(d, bl->owner, roots[r]);
    /* A long paragraph that is a direct sibling of the winner. */
    if (!keep && nroot && bl->owner != NO_NODE && bl->id == T_P &&
        d->nodes[bl->owner].parent == best_parent && best_parent != NO_NODE && bl->chars > 80 &&
        bl->link_len * 4 < bl->len)
      keep = 1;
    if (!keep) continue;
    int heading = bl->id != TAG_NONE && aTag[bl->id].name[0] == 'h' &&
                  aTag[bl->id].name[1] >= '1' && aTag[bl->id].name[1] <= '6';
    if (!heading && bl->link_len * 2 > bl->len && bl->chars < 300) continue;
    if (heading && bl->link_len * 2 > bl->len) continue;
    /* The page's h1 is its headline, kept in `title` (even when worded
    ** differently from og:title). */
    if (bl->id == T_H1 && title) continue;
    const char *t = d->text.p + bl->off;
    if (tkey[0] && (heading || b < 8)) {
      nd_line_key(t, bl->len, key, sizeof key);
      if (strcmp(key, tkey) == 0) continue;
    }
    if (out.len) nd_buf_append(&out, "\n\n", 2);
    nd_buf_append(&out, t, bl->len);
  }
  return nd_buf_detach(&out);
}

static void doc_free(doc *d) {
  nd_free(d->nodes);
  nd_free(d->stack);
  nd_free(d->blocks);
  nd_buf_free(&d->text);
  nd_buf_free(&d->h1.text);
  nd_buf_free(&d->byline.text);
  nd_buf_free(&d->date.text);
  char **f = (char **)&d->m;
  for (size_t i = 0; i < sizeof d->m / sizeof(char *); i++) nd_free(f[i]);
}

static int doc_scan(doc *d, const char *s, size_t n, int want_meta) {
  memset(d, 0, sizeof *d);
  d->s = s;
  d->n = n;
  d->want_meta = want_meta;
  scan(d);
  return d->oom ? -1 : 0;
}

char *nd_html_body_text(const char *s, size_t n) {
  doc d;
  if (doc_scan(&d, s, n, 0)) {
    doc_free(&d);
    return NULL;
  }
  char *text = body_text(&d, NULL);
  doc_free(&d);
  return text;
}

char *nd_html_inline_text(const char *s, size_t n) {
  nd_buf b;
  nd_buf_init(&b);
  for (size_t i = 0; i < n;) {
    const char *lt = memchr(s + i, '<', n - i);
    size_t e = lt ? (size_t)(lt - s) : n;
    append_decoded(&b, s + i, e - i, 1);
    if (e >= n) break;
    const char *gt = memchr(s + e, '>', n - e);
    char c1 = e + 1 < n ? s[e + 1] : 0;
    if (gt && (((c1 | 32) >= 'a' && (c1 | 32) <= 'z') || c1 == '/' || c1 == '!')) {
      i = (size_t)(gt - s) + 1;
      if (b.len && b.p[b.len - 1] != ' ') nd_buf_putc(&b, ' ');
    } else {
      nd_buf_putc(&b, '<');
      i = e + 1;
    }
  }
  while (b.len && b.p[b.len - 1] == ' ') b.len--;
  if (b.p) b.p[b.len] = 0;
  size_t k = 0;
  while (k < b.len && b.p[k] == ' ') k++;
  if (k) {
    memmove(b.p, b.p + k, b.len - k + 1);
    b.len -= k;
  }
  return nd_buf_detach(&b);
}

/* "Headline | Site", "Headline - Site", "Site | Headline": the headline.
** The site is cut when it matches og:site_name, or when it is a short part
** beside a longer one: after any separator in the <title> (which nearly
** always names the site), only after "|", "::", "·", "•", "»" in og:title
** (where " - " is more often part of the headline). */
static void cut_site_name(char *t, const char *site, int is_doc_title) {
  static const char *const azSep[] = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                      " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB ",
                                      " / ",  NULL};
  size_t site_len = site ? strlen(site) : 0;
  for (int i = 0; azSep[i]; i++) {
    int dash = i == 1 || i == 2 || i == 3 || i == 8;
    int guess = is_doc_title || !dash;
    /* The last separator: "A - B | Site". */
    char *last = NULL;
    for (char *p = strstr(t, azSep[i]); p; p = strstr(p + 1, azSep[i])) last = p;
    if (!last) continue;
    size_t sl = strlen(azSep[i]);
    const char *right = last + sl;
    size_t left_words = (size_t)nd_count_words(t, (size_t)(last - t));
    size_t right_words = (size_t)nd_count_words(right, strlen(right));
    int right_is_site = site_len && strcasecmp(right, site) == 0;
    if (right_is_site ||
        (guess && left_words >= 3 && right_words <= 4 && right_words < left_words)) {
      *last = 0;
      return;
    }
    /* "Site | Headline" */
    char *first = strstr(t, azSep[i]);
    size_t lw = (size_t)nd_count_words(t, (size_t)(first - t));
    const char *after = first + sl;
    int left_is_site =
        site_len && site_len == (size_t)(first - t) && strncasecmp(t, site, site_len) == 0;
    if (left_is_site ||
        (guess && first == last && lw <= 2 && nd_count_words(after, strlen(after)) >= 4)) {
      memmove(t, after, strlen(after) + 1);
      return;
    }
  }
}

int nd_parse_html(nd_article *a, const char *s, size_t n) {
  doc d;
  if (doc_scan(&d, s, n, 1)) {
    doc_free(&d);
    return -1;
  }
  meta_fields *m = &d.m;
  int rc = 0;
  /* Title: og:title, JSON-LD headline, h1, <title>; site names cut. */
  char *title = m->og_title    ? m->og_title
                : m->ld_title  ? m->ld_title
                : m->h1        ? m->h1
                : m->doc_title ? m->doc_title
                               : m->h1_skipped;
  if (title) {
    if (title == m->og_title || title == m->doc_title)
      cut_site_name(title, m->og_site, title == m->doc_title);
    rc |= nd_set_field(&a->title, title, strlen(title));
  }
  char *pub = m->published   ? m->published
              : m->ld_date   ? m->ld_date
              : m->meta_date ? m->meta_date
              : m->time_date ? m->time_date
                             : m->date_el;
  if (pub) rc |= nd_set_field(&a->published, pub, strlen(pub));
  char *by = m->byline_ld ? m->byline_ld : m->byline_meta ? m->byline_meta : m->byline_el;
  if (by) {
    size_t no, nl;
    if (nd_byline_name(by, strlen(by), &no, &nl))
      rc |= nd_set_field(&a->byline, by + no, nl);
    else if (nd_count_words(by, strlen(by)) <= 12)
      rc |= nd_set_field(&a->byline, by, strlen(by));
  }
  char *url = m->canonical ? m->canonical : m->og_url ? m->og_url : m->ld_url;
  if (url) rc |= nd_set_field(&a->url, url, strlen(url));
  char *lang = m->lang_html ? m->lang_html : m->lang_og ? m->lang_og : m->lang_ld;
  if (lang) rc |= nd_set_lang(a, lang, strlen(lang));
  if (rc) {
    doc_free(&d);
    return -1;
  }
  char *body = body_text(&d, a->title);
  if (!body) {
    doc_free(&d);
    return -1;
  }
  /* JSON-LD articleBody when the page itself yields much less. */
  if (m->ld_body && strlen(m->ld_body) > 2 * strlen(body)) {
    nd_free(body);
    body = m->ld_body;
    m->ld_body = NULL;
  }
  /* A page without byline or date markup may still print them above
  ** the text ("By Jane Doe | 7 September 2025"). */
  size_t len = strlen(body);
  if (nd_text_meta_lines(a, body, len)) {
    nd_free(body);
    doc_free(&d);
    return -1;
  }
  a->text = nd_clean_text(body, len, &len);
  nd_free(body);
  doc_free(&d);
  return a->text ? 0 : -1;
}
