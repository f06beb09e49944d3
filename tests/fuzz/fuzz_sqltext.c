/*
** libFuzzer target: the input is an SQL script, run against an in-memory
** database with newsdesk's noread entry point. It reaches what bound
** parameters cannot: xBestIndex with odd constraints (IN, joins, columns
** as arguments, missing arguments), nested and correlated table-valued
** functions, functions in indexes, views and triggers.
**
** The script must stay inside memory: ATTACH and VACUUM (INTO a file) are
** denied by the authorizer, load_extension() is off (the default of the C
** API), and lengths are capped.
*/
#include <stdint.h>

#include "fuzz_db.h"

static int fuzzAuth(void *p, int op, const char *a, const char *b, const char *c,
                    const char *d) {
  (void)p, (void)a, (void)b, (void)c, (void)d;
  return (op == SQLITE_ATTACH || op == SQLITE_DETACH) ? SQLITE_DENY : SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* VACUUM INTO writes a file; refuse any script that mentions VACUUM. */
  for (size_t i = 0; i + 6 <= size; i++)
    if (sqlite3_strnicmp((const char *)data + i, "vacuum", 6) == 0) return 0;
  char *sql = malloc(size + 1);
  if (!sql) return 0;
  memcpy(sql, data, size);
  sql[size] = 0;
  sqlite3 *db = fuzzOpenDb(0);
  sqlite3_set_authorizer(db, fuzzAuth, NULL);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  fuzzProgressCalls = 0;
  sqlite3_exec(db, sql, NULL, NULL, NULL);
  sqlite3_close(db);
  free(sql);
  return 0;
}
