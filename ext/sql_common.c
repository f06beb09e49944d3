/*
** Helpers shared by the SQL layer's table-valued functions.
*/
#include <stdarg.h>
#include <string.h>

#include "nd_sql.h"
SQLITE_EXTENSION_INIT3

int newsBestIndexArgs(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo, const char *zFunc,
                      const char *zFirstArg, int iFirst, int nArg) {
  int aIdx[8];
  int i, mask = 0, n = 0, firstSeen = 0;
  if (nArg > 8) return SQLITE_ERROR;
  for (i = 0; i < nArg; i++) aIdx[i] = -1;
  for (i = 0; i < pInfo->nConstraint; i++) {
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    int iArg = p->iColumn - iFirst;
    if (iArg < 0 || iArg >= nArg) continue; /* not an argument: ignore */
    if (p->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (iArg == 0) firstSeen = 1;
    if (!p->usable) {
      /* The first argument exists but cannot be used in this plan (it
      ** comes from a table joined later): make SQLite pick another plan. */
      if (iArg == 0) return SQLITE_CONSTRAINT;
      continue;
    }
    aIdx[iArg] = i;
  }
  if (!firstSeen) {
    /* No constraint at all: no plan can ever supply the argument; say so
    ** now instead of "no query solution". */
    if (pInfo->nConstraint == 0)
      return newsVtabError(pVtab, "%s: missing argument '%s'", zFunc, zFirstArg);
    /* SQLite also asks about each branch of an OR on our columns with that
    ** branch's constraints alone ("WHERE path LIKE 'a%' OR path LIKE 'b%'"):
    ** offer a plan too costly to be chosen whenever the argument can be
    ** supplied; xFilter reports a missing argument if it ever runs. */
    pInfo->idxNum = 0;
    pInfo->estimatedCost = 1e300;
    pInfo->estimatedRows = 2147483647;
    return SQLITE_OK;
  }
  for (i = 0; i < nArg; i++) {
    if (aIdx[i] < 0) continue;
    mask |= 1 << i;
    pInfo->aConstraintUsage[aIdx[i]].argvIndex = ++n;
    pInfo->aConstraintUsage[aIdx[i]].omit = 1;
  }
  pInfo->idxNum = mask;
  pInfo->estimatedCost = 1000.0;
  pInfo->estimatedRows = 100;
  return SQLITE_OK;
}

/* The vtab of the pure-text functions remembers the size of its cursor. */
typedef struct NewsTextVtab {
  sqlite3_vtab base;
  size_t szCursor;
  void *pState;
  void (*xFreeState)(void *);
} NewsTextVtab;

int newsTextConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                    sqlite3_vtab **ppVtab, char **pzErr) {
  const NewsTextSpec *spec = pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  int rc = sqlite3_declare_vtab(db, spec->zSchema);
  if (rc != SQLITE_OK) return rc;
  NewsTextVtab *p = sqlite3_malloc(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->szCursor = spec->szCursor;
  p->xFreeState = spec->xFreeState;
  /* Text in, rows out: safe to use from triggers, views and schemas. */
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

int newsTextDisconnect(sqlite3_vtab *p) {
  NewsTextVtab *v = (NewsTextVtab *)p;
  if (v->pState && v->xFreeState) v->xFreeState(v->pState);
  sqlite3_free(p);
  return SQLITE_OK;
}

void **newsTextState(sqlite3_vtab *p) { return &((NewsTextVtab *)p)->pState; }

int newsTextOpen(sqlite3_vtab *p, sqlite3_vtab_cursor **ppCur) {
  size_t sz = ((NewsTextVtab *)p)->szCursor;
  sqlite3_vtab_cursor *c = sqlite3_malloc64(sz);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sz);
  *ppCur = c;
  return SQLITE_OK;
}

int newsVtabError(sqlite3_vtab *pVtab, const char *zFormat, ...) {
  va_list ap;
  va_start(ap, zFormat);
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
  return pVtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

char *newsValueText(sqlite3_value *v, size_t *pn) {
  const unsigned char *z = sqlite3_value_text(v);
  size_t n = z ? (size_t)sqlite3_value_bytes(v) : 0;
  /* Zero padding after the text: PCRE2's JIT SIMD searches (the date
  ** rules run on this copy) load 16 bytes at a time and may read past the
  ** subject's end; the padding keeps those loads inside our allocation. */
  char *p = sqlite3_malloc64(n + 1 + NEWS_TEXT_PADDING);
  if (!p) return NULL;
  if (n) memcpy(p, z, n);
  memset(p + n, 0, 1 + NEWS_TEXT_PADDING);
  if (pn) *pn = n;
  return p;
}
