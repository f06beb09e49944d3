/*
** news_sentences(input): one row per sentence of input.
**
**   SELECT sentence, start, length, text
**   FROM news_sentences('Mr. Putin spoke. Xi listened.');
**   -- 1|1|16|Mr. Putin spoke.
**   -- 2|18|12|Xi listened.
**
** start and length count characters (1-based) so that
** substr(input, start, length) = text. NULL input gives no rows.
** INNOCUOUS: pure text in, rows out.
**
** How it works: xFilter copies the input, splits it once with the engine
** (ext/sentences.c) and the cursor walks the spans, converting byte offsets
** to character offsets incrementally.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_sentences.h"
#include "nd_sql.h"
#include "nd_utf8.h"
SQLITE_EXTENSION_INIT3

/*                         0         1      2       3     4 */
#define NEWS_SENTENCES_SCHEMA \
  "CREATE TABLE x(sentence INTEGER, start INTEGER, length INTEGER, text TEXT, input HIDDEN)"
#define NEWS_SENTENCES_SENTENCE 0
#define NEWS_SENTENCES_START 1
#define NEWS_SENTENCES_LENGTH 2
#define NEWS_SENTENCES_TEXT 3
#define NEWS_SENTENCES_INPUT 4

typedef struct NewsSentencesCursor {
  sqlite3_vtab_cursor base;
  char *zInput; /* our copy of the input */
  size_t nInput;
  nd_span *aSpan;
  size_t nSpan;
  size_t iRow; /* 0-based index into aSpan */
  nd_charpos pos;
} NewsSentencesCursor;

/* Serves xFilter and xClose. */
static void newsSentencesReset(NewsSentencesCursor *c) {
  sqlite3_free(c->zInput);
  nd_free(c->aSpan);
  c->zInput = NULL;
  c->aSpan = NULL;
  c->nInput = c->nSpan = c->iRow = 0;
}

static int newsSentencesClose(sqlite3_vtab_cursor *cur) {
  newsSentencesReset((NewsSentencesCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int newsSentencesFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                               int argc, sqlite3_value **argv) {
  (void)idxStr;
  NewsSentencesCursor *c = (NewsSentencesCursor *)cur;
  newsSentencesReset(c);
  if (!(idxNum & 1))
    return newsVtabError(cur->pVtab, "%s: missing argument '%s'", "news_sentences", "input");
  if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  c->zInput = newsValueText(argv[0], &c->nInput);
  if (!c->zInput) return SQLITE_NOMEM;
  if (nd_sentences_split(c->zInput, c->nInput, &c->aSpan, &c->nSpan)) return SQLITE_NOMEM;
  nd_charpos_init(&c->pos, c->zInput, c->nInput);
  return SQLITE_OK;
}

static int newsSentencesNext(sqlite3_vtab_cursor *cur) {
  ((NewsSentencesCursor *)cur)->iRow++;
  return SQLITE_OK;
}

static int newsSentencesEof(sqlite3_vtab_cursor *cur) {
  NewsSentencesCursor *c = (NewsSentencesCursor *)cur;
  return c->iRow >= c->nSpan;
}

static int newsSentencesColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  NewsSentencesCursor *c = (NewsSentencesCursor *)cur;
  const nd_span *s = &c->aSpan[c->iRow];
  switch (i) {
    case NEWS_SENTENCES_SENTENCE:
      sqlite3_result_int64(ctx, (sqlite3_int64)c->iRow + 1);
      break;
    case NEWS_SENTENCES_START:
      sqlite3_result_int64(ctx, (sqlite3_int64)nd_charpos_at(&c->pos, s->start) + 1);
      break;
    case NEWS_SENTENCES_LENGTH: {
      size_t a = nd_charpos_at(&c->pos, s->start);
      size_t b = nd_charpos_at(&c->pos, s->start + s->len);
      sqlite3_result_int64(ctx, (sqlite3_int64)(b - a));
      break;
    }
    case NEWS_SENTENCES_TEXT:
      sqlite3_result_text64(ctx, c->zInput + s->start, s->len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_SENTENCES_INPUT:
      sqlite3_result_text64(ctx, c->zInput, c->nInput, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
  }
  return SQLITE_OK;
}

static int newsSentencesRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = (sqlite3_int64)((NewsSentencesCursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

static int newsSentencesBestIndex(sqlite3_vtab *p, sqlite3_index_info *pInfo) {
  return newsBestIndexArgs(p, pInfo, "news_sentences", "input", NEWS_SENTENCES_INPUT, 1);
}

static const NewsTextSpec newsSentencesSpec = {.zSchema = NEWS_SENTENCES_SCHEMA,
                                               .szCursor = sizeof(NewsSentencesCursor)};

static const sqlite3_module newsSentencesModule = {
    .iVersion = 0,
    .xConnect = newsTextConnect,
    .xBestIndex = newsSentencesBestIndex,
    .xDisconnect = newsTextDisconnect,
    .xOpen = newsTextOpen,
    .xClose = newsSentencesClose,
    .xFilter = newsSentencesFilter,
    .xNext = newsSentencesNext,
    .xEof = newsSentencesEof,
    .xColumn = newsSentencesColumn,
    .xRowid = newsSentencesRowid,
};

int newsRegisterSentences(sqlite3 *db) {
  return sqlite3_create_module(db, "news_sentences", &newsSentencesModule, (void *)&newsSentencesSpec);
}
