/*
** Engine allocation hooks and a growable buffer (see nd_alloc.h).
*/
#include "nd_alloc.h"

#include <stdlib.h>
#include <string.h>

static nd_allocator g_alloc = {malloc, realloc, free};

void nd_alloc_set(const nd_allocator *a) {
  if (a && a->xMalloc && a->xRealloc && a->xFree) g_alloc = *a;
}

void *nd_malloc(size_t n) { return g_alloc.xMalloc(n ? n : 1); }
void *nd_realloc(void *p, size_t n) { return g_alloc.xRealloc(p, n ? n : 1); }
void nd_free(void *p) {
  if (p) g_alloc.xFree(p);
}

char *nd_strndup(const char *s, size_t n) {
  char *r = nd_malloc(n + 1);
  if (!r) return NULL;
  if (n) memcpy(r, s, n);
  r[n] = 0;
  return r;
}

void nd_buf_init(nd_buf *b) { memset(b, 0, sizeof *b); }

int nd_buf_reserve(nd_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (extra > ((size_t)-1) / 2 - b->len) {
    b->oom = 1;
    return -1;
  }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  char *p = nd_realloc(b->p, cap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->p = p;
  b->cap = cap;
  return 0;
}

int nd_buf_append(nd_buf *b, const char *s, size_t n) {
  if (nd_buf_reserve(b, n)) return -1;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
  return 0;
}

int nd_buf_putc(nd_buf *b, char c) { return nd_buf_append(b, &c, 1); }

const char *nd_buf_str(nd_buf *b) {
  if (b->oom) return NULL;
  if (!b->p && nd_buf_reserve(b, 0)) return NULL;
  b->p[b->len] = 0;
  return b->p;
}

char *nd_buf_detach(nd_buf *b) {
  if (!nd_buf_str(b)) {
    nd_buf_free(b);
    return NULL;
  }
  char *p = b->p;
  nd_buf_init(b);
  return p;
}

void nd_buf_free(nd_buf *b) {
  nd_free(b->p);
  nd_buf_init(b);
}
