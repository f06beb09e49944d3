/*
** libFuzzer target: every newsdesk SQL function and table-valued function
** through an in-memory database, on the same input.
**
** Input: up to three parts separated by NUL bytes, bound as ?1 (the text),
** ?2 (a second text: pattern, format, anchor) and ?3. Statements naming a
** function that this build does not register fail to prepare and are
** skipped, so the target grows with the extension. Besides "no crash, no
** leak", it checks the offset contract: substr(input, start, length) = text
** for every row of every table-valued function.
*/
#include <stdint.h>
#include <stdio.h>

#include "fuzz_db.h"

static const char *const kStatements[] = {
    "SELECT news_normalize(?1), news_normalize(?2)",
    "SELECT news_regexp(?2, ?1)",
    "SELECT * FROM news_sentences(?1)",
    "SELECT news_clean(?1), news_clean(?1, ?2)",
    "SELECT news_clean(?1, 'text'), news_clean(?1, 'markdown')",
    "SELECT news_clean(?1, 'html'), news_clean(?1, 'json')",
    "SELECT * FROM news_dates(?1)",
    "SELECT * FROM news_dates(?1, ?2)",
    "SELECT * FROM news_dates(?1, '2023-03-17T10:00:00Z')",
    "SELECT * FROM news_entities(?1)",
    "SELECT s.sentence, d.value FROM news_sentences(?1) s, news_dates(s.text, ?3) d",
};

/* Rows whose offsets break the contract; -1 when the statement cannot run. */
static const char *const kOffsetChecks[] = {
    "SELECT count(*) FROM news_sentences(?1) WHERE substr(?1, start, length) IS NOT text",
    "SELECT count(*) FROM news_dates(?1, ?2) WHERE substr(?1, start, length) IS NOT text",
    "SELECT count(*) FROM news_entities(?1) WHERE substr(?1, start, length) IS NOT text",
};

static sqlite3_int64 fuzzCount(sqlite3 *db, const char *sql, const char *const *p,
                               const size_t *len) {
  sqlite3_stmt *st = NULL;
  sqlite3_int64 r = -1;
  fuzzProgressCalls = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  for (int i = 0; i < sqlite3_bind_parameter_count(st); i++)
    sqlite3_bind_text64(st, i + 1, p[i], len[i], SQLITE_STATIC, SQLITE_UTF8);
  if (sqlite3_step(st) == SQLITE_ROW) r = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3 *db;
  if (!db) db = fuzzOpenDb(0);
  const char *p[3];
  size_t n[3];
  const char *rest;
  size_t nrest;
  fuzzSplit2((const char *)data, size, &p[0], &n[0], &rest, &nrest);
  fuzzSplit2(rest, nrest, &p[1], &n[1], &p[2], &n[2]);
  for (size_t i = 0; i < sizeof kStatements / sizeof *kStatements; i++) {
    fuzzRun(db, kStatements[i], 3, p, n, 0);
    fuzzRun(db, kStatements[i], 3, p, n, 1);
  }
  for (size_t i = 0; i < sizeof kOffsetChecks / sizeof *kOffsetChecks; i++) {
    if (fuzzCount(db, kOffsetChecks[i], p, n) > 0) {
      fprintf(stderr, "offset contract broken: %s\n", kOffsetChecks[i]);
      abort();
    }
  }
  return 0;
}
