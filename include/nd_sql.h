/*
** Internal header of the SQL layer (ext/sql_*.c). Not installed.
**
** Each SQL object lives in its own file and exports one registration
** function, listed in the table of ext/newsdesk.c.
*/
#ifndef ND_SQL_H
#define ND_SQL_H
#include <sqlite3ext.h>
#include <stddef.h>

/* Registration functions: return an SQLite result code. */
int newsRegisterVersion(sqlite3 *db);
int newsRegisterNormalize(sqlite3 *db);
int newsRegisterRegexp(sqlite3 *db);
int newsRegisterSentences(sqlite3 *db);
int newsRegisterClean(sqlite3 *db);
int newsRegisterArticles(sqlite3 *db);
int newsRegisterDates(sqlite3 *db);
int newsRegisterEntities(sqlite3 *db);

/* Flags of the pure text functions. */
#define NEWS_PURE_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* xBestIndex for table-valued functions whose arguments are the hidden
** columns iFirst .. iFirst+nArg-1, of which the first is required. idxNum
** gets bit k set when argument k is passed; xFilter receives the passed
** arguments in order. Returns SQLITE_CONSTRAINT when the first argument is
** there but unusable in this plan, and an error "zFunc: missing argument
** 'zFirstArg'" when the query does not give it at all. */
int newsBestIndexArgs(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo, const char *zFunc,
                      const char *zFirstArg, int iFirst, int nArg);

/* xConnect, xDisconnect and xOpen shared by the pure-text table-valued
** functions (news_sentences, news_dates, news_entities): register the
** module with a NewsTextSpec as its client data. The vtab is INNOCUOUS;
** cursors are szCursor bytes, zeroed. */
typedef struct NewsTextSpec {
  const char *zSchema;
  size_t szCursor;
  void (*xFreeState)(void *); /* frees newsTextState's value, or NULL */
} NewsTextSpec;
int newsTextConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                    sqlite3_vtab **ppVtab, char **pzErr);
int newsTextDisconnect(sqlite3_vtab *p);
int newsTextOpen(sqlite3_vtab *p, sqlite3_vtab_cursor **ppCur);
/* A slot for state a function keeps from call to call on one connection
** (NULL until set), freed with the spec's xFreeState at disconnect. */
void **newsTextState(sqlite3_vtab *p);

/* Set pVtab->zErrMsg (freeing an earlier one) and return SQLITE_ERROR. */
int newsVtabError(sqlite3_vtab *pVtab, const char *zFormat, ...);

/* sqlite3_malloc64 copy of a value's text (NUL-terminated and followed by
** NEWS_TEXT_PADDING more zero bytes), or NULL on OOM. A NULL value gives
** "". *pn gets the length in bytes. */
#define NEWS_TEXT_PADDING 32
char *newsValueText(sqlite3_value *v, size_t *pn);

#endif
