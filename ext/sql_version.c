/*
** news_version() -> '0.1.0'
** news_debug()   -> build and library details, one "key: value" per line.
*/
#include <pcre2.h>
#include <stdio.h>
#include <utf8proc.h>

#include "newsdesk_version.h"
#include "nd_entities.h"
#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

#ifndef ND_COMMIT
#define ND_COMMIT "unknown"
#endif
#ifndef ND_BUILD_FLAGS
#define ND_BUILD_FLAGS "unknown"
#endif

static void newsVersionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, NEWSDESK_VERSION, -1, SQLITE_STATIC);
}

static void newsDebugFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  char pcre[64] = "";
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_VERSION, pcre);
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  char *z = sqlite3_mprintf(
      "version: %s\n"
      "commit: %s\n"
      "build: %s\n"
      "sqlite: compiled %s, running %s\n"
      "utf8proc: %s (Unicode %s)\n"
      "pcre2: %s, jit %s\n"
      "entity model: %s",
      NEWSDESK_VERSION, ND_COMMIT, ND_BUILD_FLAGS, SQLITE_VERSION, sqlite3_libversion(),
      utf8proc_version(), utf8proc_unicode_version(), pcre, jit ? "on" : "off",
      nd_ner_model_info());
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

int newsRegisterVersion(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "news_version", 0, NEWS_PURE_FLAGS, 0, newsVersionFunc,
                                   0, 0);
  /* news_debug describes the running process, so it is not deterministic. */
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "news_debug", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, 0,
                                 newsDebugFunc, 0, 0);
  return rc;
}
