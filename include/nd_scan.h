/*
** Source scanning: turn the `source` argument of news_articles into a
** stream of files, one at a time, each read into memory with its metadata.
** Plain C, no SQLite; memory via nd_alloc.h.
**
** A source is, in this order:
**   - an existing path: a directory is walked recursively, a file is read
**     whatever its extension;
**   - otherwise, when it contains * ? or [, a glob: each '/'-separated part
**     is matched with fnmatch (a leading '.' must be matched explicitly),
**     '**' as a whole part matches zero or more directories, a matched
**     directory is walked like a directory source, a matched file is read
**     whatever its extension;
**   - otherwise it does not exist (ND_SCAN_NOENT).
**
** Directory walks visit entries in byte order of their names (strcmp), skip
** hidden entries (a name starting with '.'), read files whose extension is
** one of nd_format_from_path's and skip the rest. Symbolic links are
** followed, also out of the source directory; a directory already on the
** current path (same st_dev/st_ino) is not entered again, which stops
** symlink loops. FIFOs, sockets and devices are skipped when walking and
** never opened; named directly they give an error.
**
** Streaming: memory is bounded by the current file plus the sorted listing
** of each directory on the current path; never by the size of the corpus.
*/
#ifndef ND_SCAN_H
#define ND_SCAN_H
#include <stddef.h>

#include "nd_article.h"

/* Default size limit for one file: larger files give an error row. */
#define ND_SCAN_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/* nd_scan_open results besides 0 and -1 (OOM). */
#define ND_SCAN_NOENT 1   /* the source does not exist */
#define ND_SCAN_BADGLOB 2 /* a glob with too many parts */

typedef struct nd_scan nd_scan;

/* One file of the stream. Pointers stay valid until the next nd_scan_next
** or nd_scan_close. */
typedef struct nd_scan_file {
  const char *path;  /* as reached from the source ("corpus/a/b.txt") */
  nd_format format;  /* from the extension; UNKNOWN when it says nothing */
  const char *data;  /* the content, NUL-terminated; NULL with error */
  size_t len;        /* bytes in data (or the size, for "too large") */
  char mtime[24];    /* modification time, ISO-8601 UTC; "" when unknown */
  const char *error; /* NULL, or why the file could not be read */
} nd_scan_file;

/* Start a scan of source with a per-file size limit (0: the default).
** Returns 0 (*out set), -1 on OOM, ND_SCAN_NOENT or ND_SCAN_BADGLOB. */
int nd_scan_open(nd_scan **out, const char *source, size_t max_bytes);

/* Next file: 1 when *f is filled, 0 at the end, -1 on OOM. A file that
** cannot be read is still returned, with f->error set. */
int nd_scan_next(nd_scan *s, nd_scan_file *f);

void nd_scan_close(nd_scan *s);

/* Why content is not text ("binary file (PDF)", "binary file"), or NULL.
** Looks at magic numbers and at the share of NUL and control bytes in the
** first 8 KiB. */
const char *nd_scan_binary(const char *data, size_t n);

#endif
