/*
** Shared by the SQL-level fuzz targets: an in-memory database with newsdesk
** registered, statically linked.
**
** The SQL layer is compiled with -DSQLITE_CORE for these programs, so the
** sqlite3ext.h macros (SQLITE_EXTENSION_INIT1/2/3) become no-ops and every
** sqlite3_* call goes straight to the libsqlite3 the program links; the
** entry point is then called directly, its pApi argument unused. Without
** SQLITE_CORE the SQL layer would call through a NULL sqlite3_api table.
**
** Bounds that keep a hostile input from looking like a hang or an
** out-of-memory crash to libFuzzer: SQLite's hard heap limit (engine
** memory goes through sqlite3_malloc64 once the extension is registered)
** and a progress handler that interrupts a statement after a step budget.
*/
#ifndef FUZZ_DB_H
#define FUZZ_DB_H
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_newsdesk_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);
int sqlite3_newsdesk_noread_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#define FUZZ_HEAP_LIMIT (256LL * 1024 * 1024)
#define FUZZ_PROGRESS_OPS 1000
#define FUZZ_PROGRESS_CALLS 20000 /* about 20 million VM steps per statement */

static int fuzzProgressCalls;
static inline int fuzzProgress(void *p) {
  (void)p;
  return ++fuzzProgressCalls > FUZZ_PROGRESS_CALLS;
}

/* Open :memory: with the noread entry point (a fuzzer must never read the
** file system) or the full one; abort when registration fails, since every
** later result would be meaningless. */
static inline sqlite3 *fuzzOpenDb(int withFileReaders) {
  sqlite3 *db = NULL;
  sqlite3_hard_heap_limit64(FUZZ_HEAP_LIMIT);
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  char *err = NULL;
  int rc = withFileReaders ? sqlite3_newsdesk_init(db, &err, NULL)
                           : sqlite3_newsdesk_noread_init(db, &err, NULL);
  if (rc != SQLITE_OK) abort();
  sqlite3_progress_handler(db, FUZZ_PROGRESS_OPS, fuzzProgress, NULL);
  return db;
}

/* Run one statement to completion with ?1..?n bound to the given byte
** strings (as text, or as blobs when asBlob), stepping every row and
** reading every column. Errors are expected outcomes; only crashes,
** sanitizer reports and leaks count. */
static inline void fuzzRun(sqlite3 *db, const char *sql, int n, const char *const *p,
                    const size_t *len, int asBlob) {
  sqlite3_stmt *st = NULL;
  fuzzProgressCalls = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return;
  for (int i = 0; i < n && i < sqlite3_bind_parameter_count(st); i++) {
    if (!p[i]) sqlite3_bind_null(st, i + 1);
    else if (asBlob) sqlite3_bind_blob64(st, i + 1, p[i], len[i], SQLITE_STATIC);
    else sqlite3_bind_text64(st, i + 1, p[i], len[i], SQLITE_STATIC, SQLITE_UTF8);
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); c++) {
      (void)sqlite3_column_text(st, c);
      (void)sqlite3_column_bytes(st, c);
    }
  }
  sqlite3_finalize(st);
}

/* Split data at the first NUL byte into two parts (the second may be empty). */
static inline void fuzzSplit2(const char *d, size_t n, const char **a, size_t *na, const char **b,
                       size_t *nb) {
  const char *z = memchr(d, 0, n);
  *a = d;
  *na = z ? (size_t)(z - d) : n;
  *b = z ? z + 1 : d + n;
  *nb = z ? n - *na - 1 : 0;
}

#endif
