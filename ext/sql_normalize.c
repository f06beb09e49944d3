/*
** news_normalize(text) -> the grouping key: NFKC, case-folded, marks
** stripped, white space collapsed. NULL in, NULL out.
**
**   SELECT news_normalize('  Volodymyr  ZELENSKÝ ');  -- 'volodymyr zelensky'
*/
#include "nd_alloc.h"
#include "nd_normalize.h"
#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

static void newsNormalizeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  const char *z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  size_t n = (size_t)sqlite3_value_bytes(argv[0]), outLen = 0;
  char *key = nd_normalize(z, n, &outLen);
  if (!key) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* nd_free is sqlite3_free once the extension is loaded. */
  sqlite3_result_text64(ctx, key, outLen, nd_free, SQLITE_UTF8);
}

int newsRegisterNormalize(sqlite3 *db) {
  return sqlite3_create_function(db, "news_normalize", 1, NEWS_PURE_FLAGS, 0, newsNormalizeFunc,
                                 0, 0);
}
