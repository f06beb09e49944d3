/*
** Allocation hooks for the engine.
**
** The engine is plain C with no SQLite include, but when it runs inside
** SQLite its memory should count against sqlite3_hard_heap_limit64() and
** fail with SQLITE_NOMEM rather than exhaust the process. The SQL layer
** points these hooks at sqlite3_malloc64/realloc64/free once, at load time;
** the unit tests and tools keep the libc defaults.
**
** Every engine allocation goes through nd_malloc/nd_realloc/nd_free, and
** every caller checks for NULL.
*/
#ifndef ND_ALLOC_H
#define ND_ALLOC_H
#include <stddef.h>

typedef struct nd_allocator {
  void *(*xMalloc)(size_t);
  void *(*xRealloc)(void *, size_t);
  void (*xFree)(void *);
} nd_allocator;

void nd_alloc_set(const nd_allocator *a);
void *nd_malloc(size_t n);
void *nd_realloc(void *p, size_t n);
void nd_free(void *p);
char *nd_strndup(const char *s, size_t n);

/* A growable byte buffer, NUL-terminated whenever len > 0 or after nd_buf_str. */
typedef struct nd_buf {
  char *p;
  size_t len, cap;
  int oom; /* set once an allocation failed; later appends are no-ops */
} nd_buf;

void nd_buf_init(nd_buf *b);
int nd_buf_reserve(nd_buf *b, size_t extra);
int nd_buf_append(nd_buf *b, const char *s, size_t n);
int nd_buf_putc(nd_buf *b, char c);
const char *nd_buf_str(nd_buf *b); /* "" when empty; NULL only after OOM */
char *nd_buf_detach(nd_buf *b);    /* caller owns the string (nd_free) */
void nd_buf_free(nd_buf *b);

#endif
