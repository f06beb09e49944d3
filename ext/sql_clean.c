/*
** news_clean(raw [, format]) -> the article body that news_articles would
** give for this content: boilerplate removed, paragraphs separated by one
** blank line. Without a format the content is sniffed (JSON, HTML,
** Markdown, else plain text). NULL in, NULL out. A malformed document (say
** broken JSON) gives NULL, as its `text` column would be.
**
**   SELECT news_clean('<p>Hello <b>world</b></p><footer>(c) Site</footer>', 'html');
**   -- 'Hello world'
**
** Errors: an unknown format name; out of memory.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

static void newsCleanFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  nd_format f = ND_FORMAT_UNKNOWN;
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    const char *zFormat = (const char *)sqlite3_value_text(argv[1]);
    if (!zFormat) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    f = nd_format_from_name(zFormat);
    if (f == ND_FORMAT_UNKNOWN) {
      char *zErr = sqlite3_mprintf(
          "news_clean: unknown format '%s' (expected text, markdown, html or json)", zFormat);
      if (!zErr) {
        sqlite3_result_error_nomem(ctx);
        return;
      }
      sqlite3_result_error(ctx, zErr, -1);
      sqlite3_free(zErr);
      return;
    }
  }
  const char *z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  size_t n = (size_t)sqlite3_value_bytes(argv[0]);
  nd_article a;
  if (nd_article_parse(&a, z, n, f)) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (a.text) {
    /* nd_free is sqlite3_free once the extension is loaded. */
    sqlite3_result_text64(ctx, a.text, strlen(a.text), nd_free, SQLITE_UTF8);
    a.text = NULL;
  }
  nd_article_clear(&a);
}

int newsRegisterClean(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "news_clean", 1, NEWS_PURE_FLAGS, 0, newsCleanFunc, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "news_clean", 2, NEWS_PURE_FLAGS, 0, newsCleanFunc, 0, 0);
  return rc;
}
