/*
** news_entities(input): the named entities of input, one row each.
**
**   SELECT text, type, start, length, sentence FROM news_entities(
**     'Vladimir Putin met Xi Jinping in Moscow.');
**   -- Vladimir Putin|PER|1|14|1
**   -- Xi Jinping|PER|20|10|1
**   -- Moscow|LOC|34|6|1
**
** Columns: text (as written), type (PER ORG LOC MISC), canonical, key
** (news_normalize of canonical), start and length (1-based characters:
** substr(input, start, length) = text), sentence, score in [0,1].
** NULL input gives no rows. INNOCUOUS: pure text in, rows out.
**
** How it works: xFilter copies the input and runs the engine
** (ext/entities.c) once; the cursor walks the entities, converting byte
** offsets to character offsets incrementally (they come in text order).
** The connection keeps a cache of word forms (nd_ner_cache, about 5 MB) from
** call to call: over a corpus, frequent words are worked out once.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_entities.h"
#include "nd_sql.h"
#include "nd_utf8.h"
SQLITE_EXTENSION_INIT3

/*                        0          1     2          3    4      5       6         7 */
#define NEWS_ENTITIES_SCHEMA                                                              \
  "CREATE TABLE x(text TEXT, type TEXT, canonical TEXT, key TEXT, start INTEGER, length " \
  "INTEGER, sentence INTEGER, score REAL, input HIDDEN)"
#define NEWS_ENTITIES_TEXT 0
#define NEWS_ENTITIES_TYPE 1
#define NEWS_ENTITIES_CANONICAL 2
#define NEWS_ENTITIES_KEY 3
#define NEWS_ENTITIES_START 4
#define NEWS_ENTITIES_LENGTH 5
#define NEWS_ENTITIES_SENTENCE 6
#define NEWS_ENTITIES_SCORE 7
#define NEWS_ENTITIES_INPUT 8

/* idxNum bits beside newsBestIndexArgs's: which costly columns the query
** reads, so that xFilter computes only those. */
#define NEWS_ENTITIES_WANT_SCORE 0x100
#define NEWS_ENTITIES_WANT_NAMES 0x200

typedef struct NewsEntitiesCursor {
  sqlite3_vtab_cursor base;
  char *zInput; /* our copy of the input */
  size_t nInput;
  nd_entity *aEnt;
  size_t nEnt;
  size_t iRow; /* 0-based index into aEnt */
  nd_charpos pos;
} NewsEntitiesCursor;

/* Serves xFilter and xClose. */
static void newsEntitiesReset(NewsEntitiesCursor *c) {
  sqlite3_free(c->zInput);
  nd_entities_free(c->aEnt, c->nEnt);
  c->zInput = NULL;
  c->aEnt = NULL;
  c->nInput = c->nEnt = c->iRow = 0;
}

static int newsEntitiesClose(sqlite3_vtab_cursor *cur) {
  newsEntitiesReset((NewsEntitiesCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int newsEntitiesFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                              int argc, sqlite3_value **argv) {
  (void)idxStr;
  NewsEntitiesCursor *c = (NewsEntitiesCursor *)cur;
  newsEntitiesReset(c);
  if (!(idxNum & 1))
    return newsVtabError(cur->pVtab, "%s: missing argument '%s'", "news_entities", "input");
  if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  c->zInput = newsValueText(argv[0], &c->nInput);
  if (!c->zInput) return SQLITE_NOMEM;
  /* The connection's cache of word forms; without memory for it, none. */
  void **cache = newsTextState(cur->pVtab);
  if (!*cache) *cache = nd_ner_cache_new();
  unsigned want = (idxNum & NEWS_ENTITIES_WANT_SCORE ? ND_ENT_SCORES : 0) |
                  (idxNum & NEWS_ENTITIES_WANT_NAMES ? ND_ENT_NAMES : 0);
  if (nd_entities_find_opts(*cache, want, c->zInput, c->nInput, &c->aEnt, &c->nEnt))
    return SQLITE_NOMEM;
  nd_charpos_init(&c->pos, c->zInput, c->nInput);
  return SQLITE_OK;
}

static int newsEntitiesNext(sqlite3_vtab_cursor *cur) {
  ((NewsEntitiesCursor *)cur)->iRow++;
  return SQLITE_OK;
}

static int newsEntitiesEof(sqlite3_vtab_cursor *cur) {
  NewsEntitiesCursor *c = (NewsEntitiesCursor *)cur;
  return c->iRow >= c->nEnt;
}

static int newsEntitiesColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  NewsEntitiesCursor *c = (NewsEntitiesCursor *)cur;
  const nd_entity *e = &c->aEnt[c->iRow];
  switch (i) {
    case NEWS_ENTITIES_TEXT:
      sqlite3_result_text64(ctx, c->zInput + e->start, e->len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_ENTITIES_TYPE:
      sqlite3_result_text(ctx, nd_entity_type_name(e->type), -1, SQLITE_STATIC);
      break;
    case NEWS_ENTITIES_CANONICAL:
      sqlite3_result_text64(ctx, e->canonical, e->canonical_len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_ENTITIES_KEY:
      sqlite3_result_text64(ctx, e->key, e->key_len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NEWS_ENTITIES_START:
      sqlite3_result_int64(ctx, (sqlite3_int64)nd_charpos_at(&c->pos, e->start) + 1);
      break;
    case NEWS_ENTITIES_LENGTH: {
      size_t a = nd_charpos_at(&c->pos, e->start);
      size_t b = nd_charpos_at(&c->pos, e->start + e->len);
      sqlite3_result_int64(ctx, (sqlite3_int64)(b - a));
      break;
    }
    case NEWS_ENTITIES_SENTENCE:
      sqlite3_result_int64(ctx, (sqlite3_int64)e->sentence);
      break;
    case NEWS_ENTITIES_SCORE:
      sqlite3_result_double(ctx, e->score);
      break;
    case NEWS_ENTITIES_INPUT:
      sqlite3_result_text64(ctx, c->zInput, c->nInput, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
  }
  return SQLITE_OK;
}

static int newsEntitiesRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = (sqlite3_int64)((NewsEntitiesCursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

static int newsEntitiesBestIndex(sqlite3_vtab *p, sqlite3_index_info *pInfo) {
  int rc = newsBestIndexArgs(p, pInfo, "news_entities", "input", NEWS_ENTITIES_INPUT, 1);
  if (rc != SQLITE_OK) return rc;
  sqlite3_uint64 used = pInfo->colUsed;
  if (used & ((sqlite3_uint64)1 << NEWS_ENTITIES_SCORE)) pInfo->idxNum |= NEWS_ENTITIES_WANT_SCORE;
  if (used & ((sqlite3_uint64)1 << NEWS_ENTITIES_CANONICAL | (sqlite3_uint64)1 << NEWS_ENTITIES_KEY))
    pInfo->idxNum |= NEWS_ENTITIES_WANT_NAMES;
  return SQLITE_OK;
}

static void newsEntitiesFreeCache(void *p) { nd_ner_cache_free(p); }

static const NewsTextSpec newsEntitiesSpec = {.zSchema = NEWS_ENTITIES_SCHEMA,
                                              .szCursor = sizeof(NewsEntitiesCursor),
                                              .xFreeState = newsEntitiesFreeCache};

static const sqlite3_module newsEntitiesModule = {
    .iVersion = 0,
    .xConnect = newsTextConnect,
    .xBestIndex = newsEntitiesBestIndex,
    .xDisconnect = newsTextDisconnect,
    .xOpen = newsTextOpen,
    .xClose = newsEntitiesClose,
    .xFilter = newsEntitiesFilter,
    .xNext = newsEntitiesNext,
    .xEof = newsEntitiesEof,
    .xColumn = newsEntitiesColumn,
    .xRowid = newsEntitiesRowid,
};

int newsRegisterEntities(sqlite3 *db) {
  return sqlite3_create_module(db, "news_entities", &newsEntitiesModule, (void *)&newsEntitiesSpec);
}
