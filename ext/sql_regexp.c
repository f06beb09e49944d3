/*
** news_regexp(pattern, text) -> 1 or 0; also registered as regexp(), so
** that `text REGEXP pattern` works in every binding.
**
**   SELECT news_regexp('\bXi\s+Jinping\b', 'Chinese President Xi Jinping');  -- 1
**   SELECT count(*) FROM t WHERE body REGEXP '(?i)zelensk[iy]y?';
**
** PCRE2 with Unicode (UTF + UCP); invalid UTF-8 in the subject is matched
** around, never an error. The compiled pattern (JIT where available) is
** cached per statement with sqlite3_set_auxdata, right after compiling, so
** rows that do not match reuse it too. Match, depth and heap limits turn a
** runaway pattern into an SQL error, never a silent "no match". PCRE2's
** memory comes from sqlite3_malloc64, so SQLite's heap limit applies.
**
** Flags: INNOCUOUS and DETERMINISTIC; the limits are what make a
** backtracking engine safe to run from a schema.
*/
#include <pcre2.h>
#include <string.h>

#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

#define NEWS_RE_MATCH_LIMIT 10000000u
#define NEWS_RE_DEPTH_LIMIT 100000u
#define NEWS_RE_HEAP_LIMIT_KIB 65536u
#define NEWS_RE_JIT_STACK_MAX (1024 * 1024)

typedef struct NewsRegex {
  pcre2_general_context *pGen;
  pcre2_code *pCode;
  pcre2_match_data *pMatch;
  pcre2_match_context *pMctx;
  pcre2_jit_stack *pJitStack;
  size_t nPattern;
  char zPattern[1]; /* the source, to check the cache against */
} NewsRegex;

static void *newsReMalloc(PCRE2_SIZE n, void *p) {
  (void)p;
  return sqlite3_malloc64(n);
}
static void newsReFree(void *x, void *p) {
  (void)p;
  sqlite3_free(x);
}

static void newsRegexFree(void *p) {
  NewsRegex *r = p;
  if (!r) return;
  pcre2_jit_stack_free(r->pJitStack);
  pcre2_match_context_free(r->pMctx);
  pcre2_match_data_free(r->pMatch);
  pcre2_code_free(r->pCode);
  pcre2_general_context_free(r->pGen);
  sqlite3_free(r);
}

/* Compile zPat; on failure set an SQL error on ctx and return NULL. */
static NewsRegex *newsRegexCompile(sqlite3_context *ctx, const char *zName, const char *zPat,
                                   size_t nPat) {
  NewsRegex *r = sqlite3_malloc64(sizeof(*r) + nPat);
  if (!r) goto nomem;
  memset(r, 0, sizeof(*r));
  memcpy(r->zPattern, zPat, nPat);
  r->zPattern[nPat] = 0;
  r->nPattern = nPat;
  r->pGen = pcre2_general_context_create(newsReMalloc, newsReFree, 0);
  if (!r->pGen) goto nomem;
  pcre2_compile_context *cctx = pcre2_compile_context_create(r->pGen);
  if (!cctx) goto nomem;
  int err = 0;
  PCRE2_SIZE off = 0;
  r->pCode = pcre2_compile((PCRE2_SPTR)zPat, nPat,
                           PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &err, &off, cctx);
  pcre2_compile_context_free(cctx);
  if (!r->pCode) {
    if (err == PCRE2_ERROR_NOMEMORY) goto nomem;
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    char *z = sqlite3_mprintf("%s: %s at offset %d of the pattern", zName, (char *)msg,
                              (int)off);
    if (!z) goto nomem;
    sqlite3_result_error(ctx, z, -1);
    sqlite3_free(z);
    newsRegexFree(r);
    return NULL;
  }
  /* JIT is an optimization: a pattern it cannot take still runs. */
  if (pcre2_jit_compile(r->pCode, PCRE2_JIT_COMPLETE) == 0) {
    r->pJitStack = pcre2_jit_stack_create(32 * 1024, NEWS_RE_JIT_STACK_MAX, r->pGen);
  }
  r->pMatch = pcre2_match_data_create_from_pattern(r->pCode, r->pGen);
  r->pMctx = pcre2_match_context_create(r->pGen);
  if (!r->pMatch || !r->pMctx) goto nomem;
  pcre2_set_match_limit(r->pMctx, NEWS_RE_MATCH_LIMIT);
  pcre2_set_depth_limit(r->pMctx, NEWS_RE_DEPTH_LIMIT);
  pcre2_set_heap_limit(r->pMctx, NEWS_RE_HEAP_LIMIT_KIB);
  if (r->pJitStack) pcre2_jit_stack_assign(r->pMctx, NULL, r->pJitStack);
  return r;
nomem:
  newsRegexFree(r);
  sqlite3_result_error_nomem(ctx);
  return NULL;
}

static void newsRegexpFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *zName = sqlite3_user_data(ctx);
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL)
    return;
  const char *zPat = (const char *)sqlite3_value_text(argv[0]);
  size_t nPat = (size_t)sqlite3_value_bytes(argv[0]);
  if (!zPat) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  NewsRegex *r = sqlite3_get_auxdata(ctx, 0);
  if (!r || r->nPattern != nPat || memcmp(r->zPattern, zPat, nPat) != 0) {
    r = newsRegexCompile(ctx, zName, zPat, nPat);
    if (!r) return;
    /* Cache now, before matching, so a row that does not match keeps it. */
    sqlite3_set_auxdata(ctx, 0, r, newsRegexFree);
    r = sqlite3_get_auxdata(ctx, 0);
    if (!r) { /* SQLite freed it: out of memory */
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  const char *zText = (const char *)sqlite3_value_text(argv[1]);
  size_t nText = (size_t)sqlite3_value_bytes(argv[1]);
  if (!zText) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int rc = pcre2_match(r->pCode, (PCRE2_SPTR)zText, nText, 0, 0, r->pMatch, r->pMctx);
  if (rc >= 0) {
    sqlite3_result_int(ctx, 1);
  } else if (rc == PCRE2_ERROR_NOMATCH) {
    sqlite3_result_int(ctx, 0);
  } else if (rc == PCRE2_ERROR_NOMEMORY) {
    sqlite3_result_error_nomem(ctx);
  } else {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    char *z = sqlite3_mprintf("%s: %s", zName, (char *)msg);
    if (!z) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    sqlite3_result_error(ctx, z, -1);
    sqlite3_free(z);
  }
}

int newsRegisterRegexp(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "news_regexp", 2, NEWS_PURE_FLAGS, (void *)"news_regexp",
                                   newsRegexpFunc, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "regexp", 2, NEWS_PURE_FLAGS, (void *)"regexp",
                                 newsRegexpFunc, 0, 0);
  return rc;
}
