/*
** news_articles(source [, max_bytes]): one row per article found at source,
** a directory (walked recursively), a glob or one file.
**
**   SELECT format, title, published, words
**   FROM news_articles('tests/corpus') WHERE error IS NULL;
**
** Columns: see docs/news_articles.md and the schema below; `repairs` (the
** invalid UTF-8 sequences and NUL bytes repaired) is added after the
** columns of the design. max_bytes is the per-file size limit (default
** 64 MiB); a larger file gives an error row without being read.
**
** Errors: a NULL or missing source, or one that does not exist, is an SQL
** error. Anything wrong with one file (unreadable, vanished, binary, too
** large, malformed record) is an error row and the scan goes on.
**
** DIRECTONLY: this function reads any file the process can read. A hostile
** database could otherwise put news_articles('/home/me/.ssh') in a view or
** trigger and have an innocent query leak files; only SQL typed by the
** application itself may call it. Never deterministic: files change.
**
** How it works: the scan (ext/scan.c) yields one file at a time; a JSON
** file is split into records (nd_json_records; JSON Lines by lines) and
** each record is a row.
** An article is parsed lazily, on the first column that needs it, so that
** count(*) or path-only queries do not pay for parsing; at most one file
** and one parsed article are in memory. SQLite checks sqlite3_interrupt()
** and the progress handler between rows.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_scan.h"
#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

/* Column numbers: path 0, item 1, format 2, url 3, title 4, byline 5,
** published 6, lang 7, text 8, raw 9, bytes 10, words 11, mtime 12,
** error 13, repairs 14; hidden arguments source 15, max_bytes 16. */
#define NEWS_ARTICLES_SCHEMA                                                                \
  "CREATE TABLE x(path TEXT, item INTEGER, format TEXT, url TEXT, title TEXT, byline TEXT," \
  " published TEXT, lang TEXT, text TEXT, raw TEXT, bytes INTEGER, words INTEGER,"          \
  " mtime TEXT, error TEXT, repairs INTEGER, source HIDDEN, max_bytes HIDDEN)"
#define NEWS_ARTICLES_PATH 0
#define NEWS_ARTICLES_ITEM 1
#define NEWS_ARTICLES_FORMAT 2
#define NEWS_ARTICLES_URL 3
#define NEWS_ARTICLES_TITLE 4
#define NEWS_ARTICLES_BYLINE 5
#define NEWS_ARTICLES_PUBLISHED 6
#define NEWS_ARTICLES_LANG 7
#define NEWS_ARTICLES_TEXT 8
#define NEWS_ARTICLES_RAW 9
#define NEWS_ARTICLES_BYTES 10
#define NEWS_ARTICLES_WORDS 11
#define NEWS_ARTICLES_MTIME 12
#define NEWS_ARTICLES_ERROR 13
#define NEWS_ARTICLES_REPAIRS 14
#define NEWS_ARTICLES_SOURCE 15
#define NEWS_ARTICLES_MAX_BYTES 16

typedef struct NewsArticlesVtab {
  sqlite3_vtab base;
  sqlite3 *db; /* for SQLITE_LIMIT_LENGTH */
} NewsArticlesVtab;

typedef struct NewsArticlesCursor {
  sqlite3_vtab_cursor base;
  char *zSource; /* our copy of the arguments, for the hidden columns */
  sqlite3_int64 nMaxBytes;
  nd_scan *pScan;
  nd_scan_file file; /* current file (memory owned by pScan) */
  nd_format eFormat; /* file format, sniffed when the extension says nothing */
  nd_record *aRec;   /* JSON records of the current file */
  size_t nRec, iRec; /* iRec: 0-based index of the current record */
  const char *zRaw;  /* the current row's raw bytes, or NULL */
  size_t nRaw;
  const char *zError; /* the row's error (scan, record or parse), or NULL */
  int bParsed;        /* art is filled for the current row */
  nd_article art;
  sqlite3_int64 iRowid;
  int bEof;
} NewsArticlesCursor;

static int newsArticlesConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                               sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  int rc = sqlite3_declare_vtab(db, NEWS_ARTICLES_SCHEMA);
  if (rc != SQLITE_OK) return rc;
  NewsArticlesVtab *p = sqlite3_malloc64(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  /* Reads files: callable from top-level SQL only, never from a schema
  ** (view, trigger, CHECK...) that a hostile database file could carry. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int newsArticlesDisconnect(sqlite3_vtab *p) {
  sqlite3_free(p);
  return SQLITE_OK;
}

static int newsArticlesOpen(sqlite3_vtab *p, sqlite3_vtab_cursor **ppCur) {
  (void)p;
  NewsArticlesCursor *c = sqlite3_malloc64(sizeof(*c));
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

/* Forget the current row's parsed article. */
static void newsArticlesClearRow(NewsArticlesCursor *c) {
  if (c->bParsed) nd_article_clear(&c->art);
  c->bParsed = 0;
  c->zRaw = NULL;
  c->nRaw = 0;
  c->zError = NULL;
}

/* Serves xFilter and xClose. */
static void newsArticlesReset(NewsArticlesCursor *c) {
  newsArticlesClearRow(c);
  nd_scan_close(c->pScan);
  nd_free(c->aRec);
  sqlite3_free(c->zSource);
  c->pScan = NULL;
  c->aRec = NULL;
  c->zSource = NULL;
  c->nRec = c->iRec = 0;
  c->iRowid = 0;
  c->bEof = 1;
}

static int newsArticlesClose(sqlite3_vtab_cursor *cur) {
  newsArticlesReset((NewsArticlesCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int newsArticlesTooLong(NewsArticlesCursor *c, size_t n) {
  sqlite3 *db = ((NewsArticlesVtab *)c->base.pVtab)->db;
  return n > (size_t)sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
}

/* JSON Lines (.jsonl, .ndjson): one record per non-blank line, split here
** rather than by a JSON parser so that a malformed line cannot swallow the
** lines after it; parsing the record reports it. */
static int newsArticlesIsJsonLines(const char *zPath) {
  const char *zDot = strrchr(zPath, '.');
  return zDot && (sqlite3_stricmp(zDot, ".jsonl") == 0 || sqlite3_stricmp(zDot, ".ndjson") == 0);
}

static int newsArticlesSplitLines(NewsArticlesCursor *c) {
  const char *z = c->file.data;
  size_t n = c->file.len, nAlloc = 0, i = 0;
  if (n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n) {
    const char *zEol = memchr(z + i, '\n', n - i);
    size_t e = zEol ? (size_t)(zEol - z) : n, b = i, k = e;
    while (b < k && (z[b] == ' ' || z[b] == '\t' || z[b] == '\r')) b++;
    while (k > b && (z[k - 1] == ' ' || z[k - 1] == '\t' || z[k - 1] == '\r')) k--;
    i = e + 1;
    if (b == k) continue;
    if (c->nRec == nAlloc) {
      nAlloc = nAlloc ? 2 * nAlloc : 64;
      nd_record *a = nd_realloc(c->aRec, nAlloc * sizeof(*a));
      if (!a) return SQLITE_NOMEM;
      c->aRec = a;
    }
    c->aRec[c->nRec++] = (nd_record){.off = b, .len = k - b, .error = NULL};
  }
  return SQLITE_OK;
}

/* Make record iRec of the current JSON file the current row. */
static void newsArticlesSetRecord(NewsArticlesCursor *c) {
  const nd_record *r = &c->aRec[c->iRec];
  c->zRaw = c->file.data + r->off;
  c->nRaw = r->len;
  c->zError = r->error;
}

static int newsArticlesNext(sqlite3_vtab_cursor *cur) {
  NewsArticlesCursor *c = (NewsArticlesCursor *)cur;
  newsArticlesClearRow(c);
  c->iRowid++;
  if (c->iRec + 1 < c->nRec) {
    c->iRec++;
    newsArticlesSetRecord(c);
    return SQLITE_OK;
  }
  nd_free(c->aRec);
  c->aRec = NULL;
  c->nRec = c->iRec = 0;
  for (;;) {
    int rc = nd_scan_next(c->pScan, &c->file);
    if (rc < 0) return SQLITE_NOMEM;
    if (rc == 0) {
      c->bEof = 1;
      return SQLITE_OK;
    }
    c->eFormat = c->file.format;
    if (c->file.error) {
      c->zError = c->file.error;
      return SQLITE_OK;
    }
    if (c->eFormat == ND_FORMAT_UNKNOWN) c->eFormat = nd_format_sniff(c->file.data, c->file.len);
    if (c->eFormat == ND_FORMAT_JSON && c->file.len > 0) {
      if (newsArticlesIsJsonLines(c->file.path)) {
        if (newsArticlesSplitLines(c)) return SQLITE_NOMEM;
      } else if (nd_json_records(c->file.data, c->file.len, &c->aRec, &c->nRec)) {
        return SQLITE_NOMEM;
      }
      if (c->nRec == 0) continue; /* "[]": an export with no records */
      newsArticlesSetRecord(c);
      return SQLITE_OK;
    }
    c->zRaw = c->file.data;
    c->nRaw = c->file.len;
    return SQLITE_OK;
  }
}

/* Parse the current row on first use. The error of a row that cannot be
** parsed (or is too long for SQLite) ends in c->zError. */
static int newsArticlesParse(NewsArticlesCursor *c) {
  if (c->bParsed || c->zError) return SQLITE_OK;
  if (newsArticlesTooLong(c, c->nRaw)) {
    c->zError = "too large for SQLite (SQLITE_LIMIT_LENGTH)";
    return SQLITE_OK;
  }
  /* An empty file is an article with an empty text in every format. */
  nd_format eParse = c->nRaw ? c->eFormat : ND_FORMAT_TEXT;
  if (nd_article_parse(&c->art, c->zRaw, c->nRaw, eParse)) return SQLITE_NOMEM;
  c->bParsed = 1;
  if (c->art.error) {
    c->zError = c->art.error;
  } else if (c->art.text && newsArticlesTooLong(c, strlen(c->art.text))) {
    /* Repairs can make the text longer than the raw bytes. */
    c->zError = "too large for SQLite (SQLITE_LIMIT_LENGTH)";
  }
  return SQLITE_OK;
}

static int newsArticlesFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                              sqlite3_value **argv) {
  (void)idxStr;
  NewsArticlesCursor *c = (NewsArticlesCursor *)cur;
  sqlite3_vtab *pVtab = cur->pVtab;
  newsArticlesReset(c);
  if (argc < 1 || !(idxNum & 1))
    return newsVtabError(pVtab, "news_articles: missing argument 'source'");
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
    return newsVtabError(pVtab, "news_articles: source is NULL");
  c->nMaxBytes = (sqlite3_int64)ND_SCAN_DEFAULT_MAX_BYTES;
  if (argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    if (sqlite3_value_numeric_type(argv[1]) != SQLITE_INTEGER || sqlite3_value_int64(argv[1]) <= 0)
      return newsVtabError(pVtab, "news_articles: max_bytes must be a positive integer");
    c->nMaxBytes = sqlite3_value_int64(argv[1]);
  }
  c->zSource = newsValueText(argv[0], NULL);
  if (!c->zSource) return SQLITE_NOMEM;
  /* Files SQLite could not hold are refused before they are read. */
  sqlite3_int64 nLimit = sqlite3_limit(((NewsArticlesVtab *)pVtab)->db, SQLITE_LIMIT_LENGTH, -1);
  size_t nMax = (size_t)(c->nMaxBytes < nLimit ? c->nMaxBytes : nLimit);
  int rc = nd_scan_open(&c->pScan, c->zSource, nMax);
  if (rc < 0) return SQLITE_NOMEM;
  if (rc == ND_SCAN_NOENT)
    return newsVtabError(pVtab, "news_articles: no such file or directory: '%s'", c->zSource);
  if (rc == ND_SCAN_BADGLOB)
    return newsVtabError(pVtab, "news_articles: glob has too many parts: '%s'", c->zSource);
  c->bEof = 0;
  c->iRowid = 0;
  return newsArticlesNext(cur);
}

static int newsArticlesEof(sqlite3_vtab_cursor *cur) {
  return ((NewsArticlesCursor *)cur)->bEof;
}

static void newsResultText(sqlite3_context *ctx, const char *z) {
  if (z) sqlite3_result_text64(ctx, z, strlen(z), SQLITE_TRANSIENT, SQLITE_UTF8);
}

static int newsArticlesColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  NewsArticlesCursor *c = (NewsArticlesCursor *)cur;
  switch (i) {
    case NEWS_ARTICLES_PATH:
      newsResultText(ctx, c->file.path);
      return SQLITE_OK;
    case NEWS_ARTICLES_ITEM:
      sqlite3_result_int64(ctx, (sqlite3_int64)c->iRec + 1);
      return SQLITE_OK;
    case NEWS_ARTICLES_FORMAT:
      newsResultText(ctx, nd_format_name(c->eFormat));
      return SQLITE_OK;
    case NEWS_ARTICLES_MTIME:
      if (c->file.mtime[0]) newsResultText(ctx, c->file.mtime);
      return SQLITE_OK;
    case NEWS_ARTICLES_SOURCE:
      newsResultText(ctx, c->zSource);
      return SQLITE_OK;
    case NEWS_ARTICLES_MAX_BYTES:
      sqlite3_result_int64(ctx, c->nMaxBytes);
      return SQLITE_OK;
    case NEWS_ARTICLES_RAW:
      /* The bytes as read: kept even for a malformed record, for debugging. */
      if (c->zRaw && !newsArticlesTooLong(c, c->nRaw))
        sqlite3_result_text64(ctx, c->zRaw, c->nRaw, SQLITE_TRANSIENT, SQLITE_UTF8);
      return SQLITE_OK;
    case NEWS_ARTICLES_BYTES:
      /* Size of raw; for a file too large or binary, its size on disk. */
      if (c->zRaw)
        sqlite3_result_int64(ctx, (sqlite3_int64)c->nRaw);
      else if (c->file.len)
        sqlite3_result_int64(ctx, (sqlite3_int64)c->file.len);
      return SQLITE_OK;
  }
  int rc = newsArticlesParse(c);
  if (rc != SQLITE_OK) return rc;
  if (i == NEWS_ARTICLES_ERROR) {
    newsResultText(ctx, c->zError);
    return SQLITE_OK;
  }
  if (i == NEWS_ARTICLES_REPAIRS) {
    if (c->bParsed) sqlite3_result_int64(ctx, (sqlite3_int64)c->art.repairs);
    return SQLITE_OK;
  }
  if (c->zError) return SQLITE_OK; /* content columns of an error row are NULL */
  switch (i) {
    case NEWS_ARTICLES_URL:
      newsResultText(ctx, c->art.url);
      break;
    case NEWS_ARTICLES_TITLE:
      newsResultText(ctx, c->art.title);
      break;
    case NEWS_ARTICLES_BYLINE:
      newsResultText(ctx, c->art.byline);
      break;
    case NEWS_ARTICLES_PUBLISHED:
      newsResultText(ctx, c->art.published);
      break;
    case NEWS_ARTICLES_LANG:
      newsResultText(ctx, c->art.lang);
      break;
    case NEWS_ARTICLES_TEXT:
      newsResultText(ctx, c->art.text);
      break;
    case NEWS_ARTICLES_WORDS:
      sqlite3_result_int64(ctx, c->art.words);
      break;
  }
  return SQLITE_OK;
}

static int newsArticlesRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = ((NewsArticlesCursor *)cur)->iRowid;
  return SQLITE_OK;
}

static int newsArticlesBestIndex(sqlite3_vtab *p, sqlite3_index_info *pInfo) {
  return newsBestIndexArgs(p, pInfo, "news_articles", "source", NEWS_ARTICLES_SOURCE, 2);
}

static const sqlite3_module newsArticlesModule = {
    .iVersion = 0,
    .xConnect = newsArticlesConnect,
    .xBestIndex = newsArticlesBestIndex,
    .xDisconnect = newsArticlesDisconnect,
    .xOpen = newsArticlesOpen,
    .xClose = newsArticlesClose,
    .xFilter = newsArticlesFilter,
    .xNext = newsArticlesNext,
    .xEof = newsArticlesEof,
    .xColumn = newsArticlesColumn,
    .xRowid = newsArticlesRowid,
};

int newsRegisterArticles(sqlite3 *db) {
  return sqlite3_create_module(db, "news_articles", &newsArticlesModule, 0);
}
