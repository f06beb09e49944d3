/*
** newsdesk: SQLite extension entry points.
**
**   .load dist/newsdesk                        -- everything
**   SELECT load_extension('dist/newsdesk', 'sqlite3_newsdesk_noread_init');
**                                              -- everything but file readers
**
** Registration is table-driven: each SQL object has its own file and one
** registration function. A failure names the object that failed.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_sql.h"
SQLITE_EXTENSION_INIT1

static const struct NewsPart {
  const char *zName;
  int (*xRegister)(sqlite3 *);
  int readsFiles; /* left out by the noread entry point */
} aNewsPart[] = {
    {"news_version", newsRegisterVersion, 0},
    {"news_normalize", newsRegisterNormalize, 0},
    {"news_regexp", newsRegisterRegexp, 0},
    {"news_sentences", newsRegisterSentences, 0},
    {"news_clean", newsRegisterClean, 0},
    {"news_articles", newsRegisterArticles, 1},
    {"news_dates", newsRegisterDates, 0},
    {"news_entities", newsRegisterEntities, 0},
};

static void *newsMalloc(size_t n) { return sqlite3_malloc64(n); }
static void *newsRealloc(void *p, size_t n) { return sqlite3_realloc64(p, n); }
static void newsFree(void *p) { sqlite3_free(p); }

static int newsInit(sqlite3 *db, char **pzErrMsg, int withFileReaders) {
  /* Engine memory counts against SQLite's heap limits. */
  static const nd_allocator alloc = {newsMalloc, newsRealloc, newsFree};
  nd_alloc_set(&alloc);
  for (size_t i = 0; i < sizeof(aNewsPart) / sizeof(aNewsPart[0]); i++) {
    if (aNewsPart[i].readsFiles && !withFileReaders) continue;
    int rc = aNewsPart[i].xRegister(db);
    if (rc != SQLITE_OK) {
      if (pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("newsdesk: cannot register %s: %s", aNewsPart[i].zName,
                                    sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_newsdesk_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  return newsInit(db, pzErrMsg, 1);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_newsdesk_noread_init(sqlite3 *db, char **pzErrMsg,
                                 const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  return newsInit(db, pzErrMsg, 0);
}
