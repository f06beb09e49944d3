/*
** news_dates(input [, anchor]): temporal expressions of input, normalized
** like TimeML TIMEX3 and resolved against anchor (an ISO-8601 date or
** date-time, usually the article's publication date).
**
**   SELECT text, type, value, mod, earliest, latest, start, length, sentence
**   FROM news_dates('The talks ended last Friday.', '2023-03-17');
**   -- last Friday|DATE|2023-03-10||2023-03-10|2023-03-10|17|11|1
**
** Columns: text (as written), type (DATE, TIME, DURATION, SET), value
** (TIMEX3), mod (START, MID, END, APPROX, MORE_THAN, ... or NULL),
** earliest/latest (ISO-8601 bounds of the calendar interval, NULL when not
** on the calendar), start/length (1-based characters, substr(input, start,
** length) = text), sentence (as news_sentences numbers them). A NULL or
** absent anchor leaves relative expressions unresolved (XXXX values, NULL
** bounds); an anchor that is not ISO-8601 is an SQL error.
**
** INNOCUOUS: pure text in, rows out; the rules run under match limits.
**
** How it works: xFilter copies the input, runs the engine once
** (nd_dates_find, ext/dates_rules.c) and the cursor walks its array,
** converting byte offsets to characters incrementally.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_dates.h"
#include "nd_sql.h"
#include "nd_utf8.h"
SQLITE_EXTENSION_INIT3

/*                     0          1          2           3         4 */
#define NEWS_DATES_SCHEMA                                                         \
  "CREATE TABLE x(text TEXT, type TEXT, value TEXT, mod TEXT, earliest TEXT, " \
  /*  5             6              7               8                9 */       \
  "latest TEXT, start INTEGER, length INTEGER, sentence INTEGER, input HIDDEN, " \
  /* 10 */                                                                       \
  "anchor HIDDEN)"
#define NEWS_DATES_TEXT 0
#define NEWS_DATES_TYPE 1
#define NEWS_DATES_VALUE 2
#define NEWS_DATES_MOD 3
#define NEWS_DATES_EARLIEST 4
#define NEWS_DATES_LATEST 5
#define NEWS_DATES_START 6
#define NEWS_DATES_LENGTH 7
#define NEWS_DATES_SENTENCE 8
#define NEWS_DATES_INPUT 9
#define NEWS_DATES_ANCHOR 10

typedef struct NewsDatesCursor {
  sqlite3_vtab_cursor base;
  char *zInput; /* our copy of the input */
  size_t nInput;
  char *zAnchor; /* our copy of the anchor, NULL when none */
  nd_timex *aTimex;
  size_t nTimex;
  size_t iRow; /* 0-based index into aTimex */
  nd_charpos pos;
} NewsDatesCursor;

/* Serves xFilter and xClose. */
static void newsDatesReset(NewsDatesCursor *c) {
  sqlite3_free(c->zInput);
  sqlite3_free(c->zAnchor);
  nd_free(c->aTimex);
  c->zInput = c->zAnchor = NULL;
  c->aTimex = NULL;
  c->nInput = c->nTimex = c->iRow = 0;
}

static int newsDatesClose(sqlite3_vtab_cursor *cur) {
  newsDatesReset((NewsDatesCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* idxNum bit 0: input given (always), bit 1: anchor given. */
static int newsDatesFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                           sqlite3_value **argv) {
  (void)idxStr;
  NewsDatesCursor *c = (NewsDatesCursor *)cur;
  newsDatesReset(c);
  if (!(idxNum & 1))
    return newsVtabError(cur->pVtab, "%s: missing argument '%s'", "news_dates", "input");
  if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  nd_anchor anchor = {0};
  if ((idxNum & 2) && argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    size_t n;
    c->zAnchor = newsValueText(argv[1], &n);
    if (!c->zAnchor) return SQLITE_NOMEM;
    if (nd_anchor_parse(c->zAnchor, n, &anchor))
      return newsVtabError(cur->pVtab, "news_dates: invalid anchor '%s' (expected ISO-8601)",
                           c->zAnchor);
  }
  c->zInput = newsValueText(argv[0], &c->nInput);
  if (!c->zInput) return SQLITE_NOMEM;
  if (nd_dates_find(c->zInput, c->nInput, &anchor, &c->aTimex, &c->nTimex)) return SQLITE_NOMEM;
  nd_charpos_init(&c->pos, c->zInput, c->nInput);
  return SQLITE_OK;
}

static int newsDatesNext(sqlite3_vtab_cursor *cur) {
  ((NewsDatesCursor *)cur)->iRow++;
  return SQLITE_OK;
}

static int newsDatesEof(sqlite3_vtab_cursor *cur) {
  NewsDatesCursor *c = (NewsDatesCursor *)cur;
  return c->iRow >= c->nTimex;
}

static void newsDatesText(sqlite3_context *ctx, const char *z) {
  if (z && z[0]) sqlite3_result_text(ctx, z, -1, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

static int newsDatesColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  NewsDatesCursor *c = (NewsDatesCursor *)cur;
  const nd_timex *t = &c->aTimex[c->iRow];
  switch (i) {
    case NEWS_DATES_TEXT:
      sqlite3_result_text64(ctx, c->zInput + t->start, t->len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_DATES_TYPE: newsDatesText(ctx, t->type); break;
    case NEWS_DATES_VALUE: newsDatesText(ctx, t->value); break;
    case NEWS_DATES_MOD: newsDatesText(ctx, t->mod); break;
    case NEWS_DATES_EARLIEST: newsDatesText(ctx, t->earliest); break;
    case NEWS_DATES_LATEST: newsDatesText(ctx, t->latest); break;
    case NEWS_DATES_START:
      sqlite3_result_int64(ctx, (sqlite3_int64)nd_charpos_at(&c->pos, t->start) + 1);
      break;
    case NEWS_DATES_LENGTH: {
      size_t a = nd_charpos_at(&c->pos, t->start);
      size_t b = nd_charpos_at(&c->pos, t->start + t->len);
      sqlite3_result_int64(ctx, (sqlite3_int64)(b - a));
      break;
    }
    case NEWS_DATES_SENTENCE: sqlite3_result_int64(ctx, (sqlite3_int64)t->sentence); break;
    case NEWS_DATES_INPUT:
      sqlite3_result_text64(ctx, c->zInput, c->nInput, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_DATES_ANCHOR: newsDatesText(ctx, c->zAnchor); break;
  }
  return SQLITE_OK;
}

static int newsDatesRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = (sqlite3_int64)((NewsDatesCursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

static int newsDatesBestIndex(sqlite3_vtab *p, sqlite3_index_info *pInfo) {
  return newsBestIndexArgs(p, pInfo, "news_dates", "input", NEWS_DATES_INPUT, 2);
}

static const NewsTextSpec newsDatesSpec = {.zSchema = NEWS_DATES_SCHEMA,
                                           .szCursor = sizeof(NewsDatesCursor)};

static const sqlite3_module newsDatesModule = {
    .iVersion = 0,
    .xConnect = newsTextConnect,
    .xBestIndex = newsDatesBestIndex,
    .xDisconnect = newsTextDisconnect,
    .xOpen = newsTextOpen,
    .xClose = newsDatesClose,
    .xFilter = newsDatesFilter,
    .xNext = newsDatesNext,
    .xEof = newsDatesEof,
    .xColumn = newsDatesColumn,
    .xRowid = newsDatesRowid,
};

int newsRegisterDates(sqlite3 *db) {
  /* Compile the rules now, so that a broken pattern fails at load time. */
  int failed;
  if (!nd_dates_rules_check(&failed)) return SQLITE_ERROR;
  return sqlite3_create_module(db, "news_dates", &newsDatesModule, (void *)&newsDatesSpec);
}
