/*
** Article parsing: one file's (or one JSON record's) bytes in, the fields of
** a news_articles row out. Plain C, no SQLite; memory via nd_alloc.h.
**
** Formats: plain text (with scraped furniture), Markdown with YAML front
** matter, HTML, JSON (one object; arrays and JSONL are split into records
** by nd_json_records first).
*/
#ifndef ND_ARTICLE_H
#define ND_ARTICLE_H
#include <stddef.h>

typedef enum nd_format {
  ND_FORMAT_UNKNOWN = 0,
  ND_FORMAT_TEXT,
  ND_FORMAT_MARKDOWN,
  ND_FORMAT_HTML,
  ND_FORMAT_JSON
} nd_format;

/* "text", "markdown", "html", "json" (the `format` column), or NULL. */
const char *nd_format_name(nd_format f);
/* Inverse of nd_format_name, also accepting "txt", "md", "htm", "jsonl",
** "ndjson"; ND_FORMAT_UNKNOWN when not recognized. */
nd_format nd_format_from_name(const char *name);
/* From a file name's extension; ND_FORMAT_UNKNOWN for other files. */
nd_format nd_format_from_path(const char *path);
/* From content alone (news_clean without a format argument). */
nd_format nd_format_sniff(const char *raw, size_t n);

/* One article. Strings are nd_malloc'ed, NUL-terminated, valid UTF-8, or
** NULL when the source does not state them. */
typedef struct nd_article {
  char *title;
  char *byline;
  char *published; /* ISO-8601 */
  char *lang;      /* as stated (primary subtag), else detected, else NULL */
  char *url;
  char *text;      /* body, boilerplate removed, paragraphs split by "\n\n" */
  long long words; /* words in text */
  size_t repairs;  /* invalid UTF-8 sequences and NUL bytes repaired */
  char *error;     /* NULL, or why the article could not be read */
} nd_article;

/* Parse raw[0..n) as format f (UNKNOWN: sniff). Returns 0 when out is
** filled (possibly with out->error set for malformed input), -1 on OOM. */
int nd_article_parse(nd_article *out, const char *raw, size_t n, nd_format f);
void nd_article_clear(nd_article *a);

/* Body cleaning of plain text: drop web furniture (See also, READ MORE,
** share/subscribe/cookie/comment prompts, breadcrumbs, bylines...), keep
** every sentence of the article. Used by the text format and by news_clean.
** Returns nd_malloc'ed text or NULL on OOM. */
char *nd_clean_text(const char *text, size_t n, size_t *out_len);

/* Split a JSON document (one object, an array of objects, or an envelope
** object such as {"status": "ok", "articles": [...]}) or JSONL / NDJSON /
** concatenated objects into records. Each record is a byte span of raw;
** `error` is a static message for a malformed record, else NULL (parsing
** the record with nd_article_parse gives the message with its byte
** offset). *out is nd_malloc'ed. Returns 0, or -1 on OOM. */
typedef struct nd_record {
  size_t off, len;
  const char *error;
} nd_record;
int nd_json_records(const char *raw, size_t n, nd_record **out, size_t *count);

/* Words as the `words` column counts them (runs of letters/digits). */
long long nd_count_words(const char *text, size_t n);

#endif
