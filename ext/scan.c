/*
** Source scanning for news_articles: directory walks, globs, one file.
** The policy (order, hidden entries, symlinks, special files, limits) is
** documented in include/nd_scan.h and docs/news_articles.md.
**
** How it works: a glob is split into '/'-separated parts; the leading parts
** without wildcards name the base directory. The walk is a stack of frames,
** one per directory on the current path, each holding that directory's
** sorted listing and a bit set of "states": bit k (k < nParts) means the
** entries of this directory are matched against part k, bit nParts means
** "inside a matched directory: take every file with a known extension".
** A directory source is the same walk with only that last state. '**'
** is handled like an NFA: it keeps its own state for sub-directories and
** also activates the next part (closure), so no path is visited twice.
**
** Files are opened with O_NONBLOCK and checked with fstat, so that a file
** replaced by a FIFO between listing and reading cannot block the scan.
** One read buffer is reused for every file and grows to the largest file.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nd_alloc.h"
#include "nd_scan.h"

#define MAX_PARTS 62 /* states fit a 64-bit mask with the walk state */

/* One directory on the current path. Listing entries are "<type><name>\0"
** in aNames; aEnt points at them, sorted by name. */
typedef struct frame {
  char *path; /* as reached from the source; "" for the current directory */
  dev_t dev;
  ino_t ino;
  uint64_t states;
  char *aNames;
  char **aEnt;
  size_t nEnt, iEnt;
} frame;

struct nd_scan {
  size_t maxBytes;
  char **aPart; /* glob parts (nd_malloc'ed strings) */
  int nPart;
  int single;       /* the source is one file, not read yet */
  char *singlePath; /* that file's path */
  frame *aFrame;
  size_t nFrame, nFrameAlloc;
  nd_buf path; /* path of the current file */
  char *buf;   /* read buffer, reused */
  size_t bufCap;
  char msg[160]; /* error message of the current file */
};

/* Entry kinds stored before each name in a listing. */
enum { KIND_UNKNOWN = 'u', KIND_REG = 'f', KIND_DIR = 'd', KIND_LNK = 'l', KIND_OTHER = 'o' };

static int has_wildcard(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] == '*' || s[i] == '?' || s[i] == '[') return 1;
  return 0;
}

/* strerror with a lower-case first letter, as the error column wants;
** strerror_r (GNU form, from _GNU_SOURCE) because scans may run in several
** threads at once. */
static void set_errno_msg(nd_scan *s, const char *what, int err) {
  char tmp[96], e[96];
  snprintf(e, sizeof e, "%s", strerror_r(err, tmp, sizeof tmp));
  if (e[0] >= 'A' && e[0] <= 'Z' && !(e[1] >= 'A' && e[1] <= 'Z')) e[0] = (char)(e[0] + 32);
  snprintf(s->msg, sizeof s->msg, "%s: %s", what, e);
}

static void format_mtime(char out[24], const struct stat *st) {
  struct tm tm;
  time_t t = st->st_mtime;
  out[0] = 0;
  if (gmtime_r(&t, &tm)) strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *kind_name(mode_t m) {
  if (S_ISFIFO(m)) return "FIFO";
  if (S_ISSOCK(m)) return "socket";
  if (S_ISCHR(m)) return "character device";
  if (S_ISBLK(m)) return "block device";
  if (S_ISDIR(m)) return "directory";
  return "special file";
}

const char *nd_scan_binary(const char *data, size_t n) {
  static const struct {
    const char *magic;
    size_t len;
    const char *msg;
  } aMagic[] = {
#define M(s, name) {s, sizeof(s) - 1, "binary file (" name ")"}
      M("%PDF-", "PDF"),
      M("\x89PNG\r\n\x1a\n", "PNG"),
      M("\xff\xd8\xff", "JPEG"),
      M("GIF87a", "GIF"),
      M("GIF89a", "GIF"),
      M("PK\x03\x04", "ZIP"),
      M("PK\x05\x06", "ZIP"),
      M("\x1f\x8b", "gzip"),
      M("\x7f"
        "ELF",
        "ELF"),
      M("\xfd"
        "7zXZ",
        "xz"),
      M("7z\xbc\xaf\x27\x1c", "7z"),
      M("\x28\xb5\x2f\xfd", "zstd"),
      M("Rar!\x1a\x07", "RAR"),
      M("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE"),
      M("SQLite format 3", "SQLite"),
      M("OggS", "Ogg"),
      M("\x00"
        "asm",
        "WebAssembly"),
      M("\xff\xfe", "UTF-16"),
      M("\xfe\xff", "UTF-16"),
#undef M
  };
  for (size_t i = 0; i < sizeof aMagic / sizeof aMagic[0]; i++)
    if (n >= aMagic[i].len && memcmp(data, aMagic[i].magic, aMagic[i].len) == 0)
      return aMagic[i].msg;
  if (n >= 12 && memcmp(data + 4, "ftyp", 4) == 0) return "binary file (MP4/ISO media)";
  /* Text has few control bytes; a few stray NULs are repaired, not fatal. */
  size_t window = n < 8192 ? n : 8192, bad = 0;
  for (size_t i = 0; i < window; i++) {
    unsigned char c = (unsigned char)data[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') bad++;
  }
  return bad * 10 > window ? "binary file" : NULL;
}

/* Add the states reachable without consuming a name: a '**' part may
** match zero directories. Parts are scanned in order so chains work. */
static uint64_t closure(const nd_scan *s, uint64_t m) {
  for (int k = 0; k < s->nPart; k++)
    if ((m >> k & 1) && strcmp(s->aPart[k], "**") == 0) m |= (uint64_t)1 << (k + 1);
  return m;
}

/* Whether a listing of a directory in states m keeps hidden names: only
** when a part names them explicitly ('.*', '.git'). */
static int keeps_hidden(const nd_scan *s, uint64_t m) {
  for (int k = 0; k < s->nPart; k++)
    if ((m >> k & 1) && s->aPart[k][0] == '.') return 1;
  return 0;
}

static int cmp_entry(const void *a, const void *b) {
  return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static void frame_free(frame *f) {
  nd_free(f->path);
  nd_free(f->aNames);
  nd_free(f->aEnt);
  memset(f, 0, sizeof *f);
}

/* Read and sort the listing of directory f->path. Returns 0, -1 on OOM,
** or an errno value when the directory cannot be read. */
static int frame_list(nd_scan *s, frame *f) {
  DIR *d = opendir(f->path[0] ? f->path : ".");
  if (!d) return errno ? errno : EIO;
  int hidden = keeps_hidden(s, f->states);
  nd_buf names;
  nd_buf_init(&names);
  size_t n = 0;
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    const char *nm = e->d_name;
    if (nm[0] == '.' && (!hidden || nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
    char kind;
    switch (e->d_type) {
      case DT_REG:
        kind = KIND_REG;
        break;
      case DT_DIR:
        kind = KIND_DIR;
        break;
      case DT_LNK:
        kind = KIND_LNK;
        break;
      case DT_UNKNOWN:
        kind = KIND_UNKNOWN;
        break;
      default:
        kind = KIND_OTHER;
        break;
    }
    if (kind == KIND_OTHER) continue; /* FIFOs, sockets, devices: never opened */
    nd_buf_putc(&names, kind);
    nd_buf_append(&names, nm, strlen(nm) + 1);
    n++;
  }
  int err = errno;
  closedir(d);
  if (names.oom) {
    nd_buf_free(&names);
    return -1;
  }
  if (err) {
    nd_buf_free(&names);
    return err;
  }
  char **aEnt = n ? nd_malloc(n * sizeof *aEnt) : NULL;
  if (n && !aEnt) {
    nd_buf_free(&names);
    return -1;
  }
  char *p = names.p;
  for (size_t i = 0; i < n; i++) {
    aEnt[i] = p;
    p += strlen(p + 1) + 2;
  }
  qsort(aEnt, n, sizeof *aEnt, cmp_entry);
  f->aNames = nd_buf_detach(&names);
  if (n && !f->aNames) {
    nd_free(aEnt);
    return -1;
  }
  f->aEnt = aEnt;
  f->nEnt = n;
  f->iEnt = 0;
  return 0;
}

/* Push a frame for directory `path` in `states`, unless it is already on
** the current path (a symlink loop). Returns 0, -1 on OOM, or an errno. */
static int push_dir(nd_scan *s, const char *path, size_t n, const struct stat *st,
                    uint64_t states) {
  for (size_t i = 0; i < s->nFrame; i++)
    if (s->aFrame[i].dev == st->st_dev && s->aFrame[i].ino == st->st_ino) return 0;
  if (s->nFrame == s->nFrameAlloc) {
    size_t m = s->nFrameAlloc ? 2 * s->nFrameAlloc : 16;
    frame *a = nd_realloc(s->aFrame, m * sizeof *a);
    if (!a) return -1;
    s->aFrame = a;
    s->nFrameAlloc = m;
  }
  frame *f = &s->aFrame[s->nFrame];
  memset(f, 0, sizeof *f);
  f->path = nd_strndup(path, n);
  if (!f->path) return -1;
  f->dev = st->st_dev;
  f->ino = st->st_ino;
  f->states = states;
  int rc = frame_list(s, f);
  if (rc) {
    frame_free(f);
    return rc;
  }
  s->nFrame++;
  return 0;
}

/* Build s->path = dir + "/" + name. */
static int make_path(nd_scan *s, const char *dir, const char *name) {
  s->path.len = 0;
  size_t n = strlen(dir);
  nd_buf_append(&s->path, dir, n);
  if (n && dir[n - 1] != '/') nd_buf_putc(&s->path, '/');
  nd_buf_append(&s->path, name, strlen(name));
  return nd_buf_str(&s->path) ? 0 : -1;
}

static void file_error(nd_scan_file *f, const char *path, nd_format fmt, const char *msg) {
  f->path = path;
  f->format = fmt;
  f->data = NULL;
  f->len = 0;
  f->error = msg;
}

/* Make s->buf hold at least n bytes plus a NUL. */
static int reserve(nd_scan *s, size_t n) {
  if (n < 65536) n = 65536;
  if (n <= s->bufCap) return 0;
  char *b = nd_realloc(s->buf, n + 1);
  if (!b) return -1;
  s->buf = b;
  s->bufCap = n;
  return 0;
}

/* Read path into s->buf. Returns 1 (f filled, maybe with an error), 0 when
** the file turned out not to be regular while walking (skip it), -1 OOM. */
static int read_file(nd_scan *s, const char *path, nd_format fmt, int named, nd_scan_file *f) {
  file_error(f, path, fmt, s->msg);
  f->mtime[0] = 0;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    set_errno_msg(s, "cannot open", errno);
    return 1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    set_errno_msg(s, "cannot stat", errno);
    close(fd);
    return 1;
  }
  format_mtime(f->mtime, &st);
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    if (!named) return 0;
    snprintf(s->msg, sizeof s->msg, "not a regular file (%s)", kind_name(st.st_mode));
    return 1;
  }
  size_t size = (size_t)st.st_size;
  if ((unsigned long long)st.st_size > s->maxBytes) {
    close(fd);
    f->len = size;
    snprintf(s->msg, sizeof s->msg, "file too large (%llu bytes; the limit is %zu)",
             (unsigned long long)st.st_size, s->maxBytes);
    return 1;
  }
  /* Room for the size fstat gave plus some slack, so that EOF shows without
  ** a second allocation; the file may still grow, up to the limit. */
  size_t lim = s->maxBytes + 1, len = 0;
  if (reserve(s, size + 4096 < lim ? size + 4096 : lim)) {
    close(fd);
    return -1;
  }
  for (;;) {
    size_t room = (s->bufCap < lim ? s->bufCap : lim) - len;
    if (room == 0) {
      if (len >= lim) break; /* over the limit */
      if (reserve(s, 2 * s->bufCap < lim ? 2 * s->bufCap : lim)) {
        close(fd);
        return -1;
      }
      continue;
    }
    ssize_t r = read(fd, s->buf + len, room);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      set_errno_msg(s, "cannot read", errno);
      close(fd);
      return 1;
    }
    if (r == 0) break;
    len += (size_t)r;
  }
  close(fd);
  if (len > s->maxBytes) {
    f->len = len;
    snprintf(s->msg, sizeof s->msg, "file too large (over %zu bytes, the limit)", s->maxBytes);
    return 1;
  }
  s->buf[len] = 0;
  const char *bin = nd_scan_binary(s->buf, len);
  if (bin) {
    f->error = bin;
    f->len = len;
    return 1;
  }
  f->data = s->buf;
  f->len = len;
  f->error = NULL;
  return 1;
}

int nd_scan_open(nd_scan **out, const char *source, size_t max_bytes) {
  *out = NULL;
  nd_scan *s = nd_malloc(sizeof *s);
  if (!s) return -1;
  memset(s, 0, sizeof *s);
  nd_buf_init(&s->path);
  s->maxBytes = max_bytes ? max_bytes : ND_SCAN_DEFAULT_MAX_BYTES;
  struct stat st;
  size_t n = strlen(source);
  int rc = 0;
  if (stat(source, &st) == 0) {
    /* An existing path wins over a glob reading of the same string. */
    if (S_ISDIR(st.st_mode)) {
      while (n > 1 && source[n - 1] == '/') n--;
      rc = push_dir(s, source, n, &st, (uint64_t)1 << 0);
      if (rc > 0) {
        /* The source directory itself is unreadable: one error row. */
        set_errno_msg(s, "cannot read directory", rc);
        s->single = 2;
        rc = 0;
      }
      s->singlePath = nd_strndup(source, n);
    } else {
      s->single = 1;
      s->singlePath = nd_strndup(source, n);
    }
    if (!rc && !s->singlePath) rc = -1;
  } else if (errno == ENOENT && has_wildcard(source, n)) {
    /* Base directory: the parts before the first one with a wildcard. */
    size_t base = 0, i = 0;
    while (i < n) {
      size_t j = i;
      while (j < n && source[j] != '/') j++;
      if (has_wildcard(source + i, j - i)) break;
      base = j;
      i = j + 1;
    }
    for (size_t k = base; k < n;) {
      while (k < n && source[k] == '/') k++;
      size_t j = k;
      while (j < n && source[j] != '/') j++;
      if (j > k) {
        if (s->nPart == MAX_PARTS) {
          nd_scan_close(s);
          return ND_SCAN_BADGLOB;
        }
        char **a = nd_realloc(s->aPart, (size_t)(s->nPart + 1) * sizeof *a);
        if (!a) {
          nd_scan_close(s);
          return -1;
        }
        s->aPart = a;
        if (!(a[s->nPart] = nd_strndup(source + k, j - k))) {
          nd_scan_close(s);
          return -1;
        }
        s->nPart++;
      }
      k = j;
    }
    /* A relative glob with no base walks "." but names files "a.html". */
    size_t dn = base ? base : (source[0] == '/' ? 1 : 0);
    char *dir = nd_strndup(source, dn);
    if (!dir) {
      nd_scan_close(s);
      return -1;
    }
    int ok = stat(dn ? dir : ".", &st) == 0 && S_ISDIR(st.st_mode);
    if (ok) rc = push_dir(s, dir, dn, &st, closure(s, 1));
    nd_free(dir);
    if (!ok) {
      nd_scan_close(s);
      return ND_SCAN_NOENT;
    }
    if (rc > 0) rc = 0; /* unreadable base directory: no match */
  } else {
    nd_scan_close(s);
    return ND_SCAN_NOENT;
  }
  if (rc < 0) {
    nd_scan_close(s);
    return -1;
  }
  *out = s;
  return 0;
}

/* States of entry `name` of kind `kind` in a directory in states m: the
** states of the sub-directory (when a directory) and whether a file is to
** be read (1: whatever its extension, 2: when the extension is known). */
static uint64_t step(const nd_scan *s, uint64_t m, const char *name, int isDir, int *take) {
  uint64_t walk = (uint64_t)1 << s->nPart, next = 0;
  *take = 0;
  if ((m & walk) && name[0] != '.') {
    if (isDir)
      next |= walk;
    else
      *take = 2;
  }
  for (int k = 0; k < s->nPart; k++) {
    if (!(m >> k & 1)) continue;
    if (strcmp(s->aPart[k], "**") == 0) {
      if (isDir && name[0] != '.') next |= (uint64_t)1 << k;
    } else if (fnmatch(s->aPart[k], name, FNM_PERIOD) == 0) {
      if (isDir)
        next |= (uint64_t)1 << (k + 1);
      else if (k + 1 == s->nPart)
        *take = 1;
    }
  }
  return closure(s, next);
}

int nd_scan_next(nd_scan *s, nd_scan_file *f) {
  memset(f, 0, sizeof *f);
  if (s->single == 1) {
    s->single = 0;
    struct stat st;
    if (stat(s->singlePath, &st) != 0) {
      set_errno_msg(s, "cannot open", errno);
      file_error(f, s->singlePath, nd_format_from_path(s->singlePath), s->msg);
      return 1;
    }
    if (!S_ISREG(st.st_mode)) {
      /* Named directly, so say why instead of skipping; never opened. */
      format_mtime(f->mtime, &st);
      snprintf(s->msg, sizeof s->msg, "not a regular file (%s)", kind_name(st.st_mode));
      file_error(f, s->singlePath, nd_format_from_path(s->singlePath), s->msg);
      return 1;
    }
    return read_file(s, s->singlePath, nd_format_from_path(s->singlePath), 1, f);
  }
  if (s->single == 2) {
    s->single = 0;
    file_error(f, s->singlePath, ND_FORMAT_UNKNOWN, s->msg);
    return 1;
  }
  while (s->nFrame) {
    frame *fr = &s->aFrame[s->nFrame - 1];
    if (fr->iEnt == fr->nEnt) {
      frame_free(fr);
      s->nFrame--;
      continue;
    }
    const char *ent = fr->aEnt[fr->iEnt++];
    char kind = ent[0];
    const char *name = ent + 1;
    if (make_path(s, fr->path, name)) return -1;
    const char *path = s->path.p;
    uint64_t states = fr->states;
    struct stat st;
    int statErr = 0;
    if (kind == KIND_LNK || kind == KIND_UNKNOWN || kind == KIND_DIR) {
      if (stat(path, &st) != 0) {
        statErr = errno;
        kind = KIND_REG; /* report it like a file that cannot be opened */
      } else if (S_ISDIR(st.st_mode)) {
        kind = KIND_DIR;
      } else if (S_ISREG(st.st_mode)) {
        kind = KIND_REG;
      } else {
        continue; /* a link to a FIFO, socket or device */
      }
    }
    int take;
    uint64_t sub = step(s, states, name, kind == KIND_DIR, &take);
    if (kind == KIND_DIR) {
      if (!sub) continue;
      int rc = push_dir(s, path, s->path.len, &st, sub);
      if (rc < 0) return -1;
      if (rc > 0) {
        set_errno_msg(s, "cannot read directory", rc);
        file_error(f, s->path.p, ND_FORMAT_UNKNOWN, s->msg);
        return 1;
      }
      continue;
    }
    nd_format fmt = nd_format_from_path(name);
    if (!take || (take == 2 && fmt == ND_FORMAT_UNKNOWN)) continue;
    if (statErr) {
      set_errno_msg(s, "cannot open", statErr);
      file_error(f, path, fmt, s->msg);
      return 1;
    }
    int rc = read_file(s, path, fmt, 0, f);
    if (rc) return rc;
  }
  return 0;
}

void nd_scan_close(nd_scan *s) {
  if (!s) return;
  for (size_t i = 0; i < s->nFrame; i++) frame_free(&s->aFrame[i]);
  nd_free(s->aFrame);
  for (int k = 0; k < s->nPart; k++) nd_free(s->aPart[k]);
  nd_free(s->aPart);
  nd_free(s->singlePath);
  nd_buf_free(&s->path);
  nd_free(s->buf);
  nd_free(s);
}
