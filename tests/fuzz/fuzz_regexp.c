/*
** libFuzzer target: news_regexp through SQL. Input: pattern, NUL, subject.
** Compile errors, match-limit errors and no-match are all fine; crashes,
** leaks and hangs are not. Runs twice with the same pattern so that the
** per-statement cache is exercised, and once through the REGEXP operator.
*/
#include <stdint.h>

#include "fuzz_db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3 *db;
  if (!db) db = fuzzOpenDb(0);
  const char *p[2];
  size_t n[2];
  fuzzSplit2((const char *)data, size, &p[0], &n[0], &p[1], &n[1]);
  fuzzRun(db, "SELECT news_regexp(?1, ?2), news_regexp(?1, ?2 || 'x')", 2, p, n, 0);
  fuzzRun(db, "SELECT ?2 REGEXP ?1", 2, p, n, 1);
  return 0;
}
