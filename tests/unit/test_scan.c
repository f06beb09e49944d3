/* Unit tests of the source scanner (ext/scan.c): walk order, hidden and
** unknown files, globs, symlinks and loops, special files, limits, binary
** detection. Fixtures are built in a fresh temporary directory. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nd_alloc.h"
#include "nd_scan.h"
#include "unit.h"

static char root[64];

static void put(const char *rel, const char *content, size_t n) {
  char p[256];
  snprintf(p, sizeof p, "%s/%s", root, rel);
  FILE *f = fopen(p, "wb");
  if (!f) {
    perror(p);
    exit(2);
  }
  fwrite(content, 1, n, f);
  fclose(f);
}
#define PUT(rel, lit) put(rel, lit, sizeof(lit) - 1)

static void mkdir_rel(const char *rel) {
  char p[256];
  snprintf(p, sizeof p, "%s/%s", root, rel);
  mkdir(p, 0755);
}

static const char *rel(const char *path) {
  size_t n = strlen(root);
  return strncmp(path, root, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* Scan source (relative to root unless absolute) and join the paths read,
** relative to root, as "a|b|c"; an error row adds "!error". */
static char listing[4096];
static const char *scan(const char *source, size_t maxBytes) {
  char src[256];
  if (source[0] == '/')
    snprintf(src, sizeof src, "%s", source);
  else
    snprintf(src, sizeof src, "%s/%s", root, source);
  nd_scan *s;
  int rc = nd_scan_open(&s, src, maxBytes);
  if (rc == ND_SCAN_NOENT) return "NOENT";
  if (rc) return "FAIL";
  listing[0] = 0;
  nd_scan_file f;
  while ((rc = nd_scan_next(s, &f)) == 1) {
    size_t n = strlen(listing);
    snprintf(listing + n, sizeof listing - n, "%s%s%s%s", n ? "|" : "", rel(f.path),
             f.error ? "!" : "", f.error ? f.error : "");
  }
  nd_scan_close(s);
  return rc ? "FAIL" : listing;
}

static void test_walk(void) {
  mkdir_rel("c");
  mkdir_rel("c/sub");
  mkdir_rel("c/sub/deeper");
  mkdir_rel("c/.hidden");
  PUT("c/b.txt", "Second file.\n");
  PUT("c/a.md", "# First\n\nBody.\n");
  PUT("c/z.html", "<p>Last</p>");
  PUT("c/notes.pdf.bak", "not an article");
  PUT("c/image.png", "\x89PNG\r\n\x1a\nxxxx");
  PUT("c/.secret.txt", "hidden");
  PUT("c/.hidden/x.txt", "hidden dir");
  PUT("c/sub/m.jsonl", "{\"title\":\"x\"}\n");
  PUT("c/sub/deeper/y.TXT", "upper-case extension");
  PUT("c/sub/README", "no extension");
  /* Byte order: "a.md" < "b.txt" < "sub" < "z.html"; the PNG is skipped
  ** by its extension, not read. */
  CHECK_STR(scan("c", 0), "c/a.md|c/b.txt|c/sub/deeper/y.TXT|c/sub/m.jsonl|c/z.html");
  CHECK_STR(scan("c/", 0), "c/a.md|c/b.txt|c/sub/deeper/y.TXT|c/sub/m.jsonl|c/z.html");
  /* Named directly: read whatever the extension; binary still refused. */
  CHECK_STR(scan("c/sub/README", 0), "c/sub/README");
  CHECK_STR(scan("c/image.png", 0), "c/image.png!binary file (PNG)");
  CHECK_STR(scan("c/.secret.txt", 0), "c/.secret.txt");
  CHECK_STR(scan("nothing-here", 0), "NOENT");
}

static void test_glob(void) {
  CHECK_STR(scan("c/*.txt", 0), "c/b.txt");
  CHECK_STR(scan("c/*", 0),
            "c/a.md|c/b.txt|c/image.png!binary file (PNG)|c/notes.pdf.bak|"
            "c/sub/deeper/y.TXT|c/sub/m.jsonl|c/z.html");
  CHECK_STR(scan("c/**/*.txt", 0), "c/b.txt");
  CHECK_STR(scan("c/**/*.[tT][xX][tT]", 0), "c/b.txt|c/sub/deeper/y.TXT");
  CHECK_STR(scan("c/**", 0), "c/a.md|c/b.txt|c/sub/deeper/y.TXT|c/sub/m.jsonl|c/z.html");
  CHECK_STR(scan("c/s?b/*", 0), "c/sub/README|c/sub/deeper/y.TXT|c/sub/m.jsonl");
  CHECK_STR(scan("c/.*", 0), "c/.hidden/x.txt|c/.secret.txt");
  CHECK_STR(scan("c/*.xml", 0), "");
  CHECK_STR(scan("missing/*.txt", 0), "NOENT");
  /* A relative glob without a base directory walks "." and names files
  ** relative to it. */
  char cwd[512], sub[256];
  snprintf(sub, sizeof sub, "%s/c", root);
  if (getcwd(cwd, sizeof cwd) && chdir(sub) == 0) {
    nd_scan *s;
    nd_scan_file f;
    CHECK(nd_scan_open(&s, "*.t?t", 0) == 0);
    CHECK(nd_scan_next(s, &f) == 1);
    CHECK_STR(f.path, "b.txt");
    CHECK(nd_scan_next(s, &f) == 0);
    nd_scan_close(s);
    CHECK(nd_scan_open(&s, ".", 0) == 0);
    CHECK(nd_scan_next(s, &f) == 1);
    CHECK_STR(f.path, "./a.md");
    nd_scan_close(s);
    CHECK(chdir(cwd) == 0);
  }
  /* '**' twice must not read a file twice. */
  mkdir_rel("g");
  mkdir_rel("g/x");
  mkdir_rel("g/x/x");
  PUT("g/x/x/f.txt", "once");
  CHECK_STR(scan("g/**/x/**/*.txt", 0), "g/x/x/f.txt");
}

static void test_symlinks(void) {
  char a[256], b[256];
  mkdir_rel("l");
  mkdir_rel("l/d");
  PUT("l/d/one.txt", "one");
  PUT("outside.txt", "outside the source");
  snprintf(a, sizeof a, "%s/l/d/loop", root);
  CHECK(symlink("..", a) == 0); /* l/d/loop -> l: a loop */
  snprintf(a, sizeof a, "%s/l/out.txt", root);
  snprintf(b, sizeof b, "%s/outside.txt", root);
  CHECK(symlink(b, a) == 0); /* followed out of the source */
  snprintf(a, sizeof a, "%s/l/dangling.txt", root);
  CHECK(symlink("no-such-target", a) == 0);
  snprintf(a, sizeof a, "%s/l/self", root);
  CHECK(symlink("self", a) == 0); /* ELOOP, no known extension: skipped */
  CHECK_STR(scan("l", 0),
            "l/d/one.txt|l/dangling.txt!cannot open: no such file or directory|"
            "l/out.txt");
}

static void test_special_files(void) {
  char p[256];
  mkdir_rel("s");
  PUT("s/a.txt", "before");
  PUT("s/z.txt", "after");
  snprintf(p, sizeof p, "%s/s/pipe.txt", root);
  CHECK(mkfifo(p, 0644) == 0);
  /* Walking: skipped without opening (opening would block). */
  CHECK_STR(scan("s", 0), "s/a.txt|s/z.txt");
  CHECK_STR(scan("s/*.txt", 0), "s/a.txt|s/z.txt");
  /* Named directly: an error row, still never opened. */
  CHECK_STR(scan("s/pipe.txt", 0), "s/pipe.txt!not a regular file (FIFO)");
  CHECK_STR(scan("/dev/null", 0), "/dev/null!not a regular file (character device)");
}

static void test_limits(void) {
  char p[256];
  mkdir_rel("big");
  PUT("big/small.txt", "0123456789");
  PUT("big/eleven.txt", "0123456789A");
  CHECK_STR(scan("big", 10),
            "big/eleven.txt!file too large (11 bytes; the limit is 10)|big/small.txt");
  /* A sparse 100 MiB file is refused by its size, without being read. */
  snprintf(p, sizeof p, "%s/big/sparse.txt", root);
  int fd = open(p, O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0 && ftruncate(fd, (off_t)100 << 20) == 0);
  close(fd);
  CHECK_STR(scan("big/sparse.txt", 0),
            "big/sparse.txt!file too large (104857600 bytes; the limit is 67108864)");
}

static void test_content(void) {
  mkdir_rel("t");
  PUT("t/empty.txt", "");
  nd_scan *s;
  char src[256];
  snprintf(src, sizeof src, "%s/t/empty.txt", root);
  CHECK(nd_scan_open(&s, src, 0) == 0);
  nd_scan_file f;
  CHECK(nd_scan_next(s, &f) == 1);
  CHECK(f.error == NULL && f.data && f.len == 0 && f.data[0] == 0);
  CHECK(f.format == ND_FORMAT_TEXT);
  CHECK(strlen(f.mtime) == 20 && f.mtime[4] == '-' && f.mtime[10] == 'T' && f.mtime[19] == 'Z');
  CHECK(nd_scan_next(s, &f) == 0);
  nd_scan_close(s);

  /* Binary detection: magic numbers, then the share of control bytes. */
  CHECK_STR(nd_scan_binary("%PDF-1.7\n", 9), "binary file (PDF)");
  CHECK_STR(nd_scan_binary("\x1f\x8b\x08\x00", 4), "binary file (gzip)");
  CHECK_STR(nd_scan_binary("\x7f"
                           "ELF\x02\x01",
                           6),
            "binary file (ELF)");
  CHECK_STR(nd_scan_binary("PK\x03\x04rest", 8), "binary file (ZIP)");
  CHECK_STR(nd_scan_binary("\xff\xd8\xff\xe0", 4), "binary file (JPEG)");
  CHECK_STR(nd_scan_binary("GIF89a..", 8), "binary file (GIF)");
  CHECK_STR(nd_scan_binary("\x01\x02\x03\x04\x05 abc", 9), "binary file");
  static const char text[] = "A line of text\r\nwith CRLF\tand a tab, and a stray \0 NUL.\n";
  CHECK(nd_scan_binary(text, sizeof text - 1) == NULL);
  CHECK(nd_scan_binary("\xef\xbb\xbf"
                       "BOM text",
                       11) == NULL);
  CHECK(nd_scan_binary("", 0) == NULL);
}

/* chmod 000 does not stop root: as root, the checks run in a child that
** has dropped to the unprivileged user "nobody" (uid/gid 65534). */
static void check_permissions(void) {
  CHECK_STR(scan("p", 0),
            "p/a.txt|p/locked!cannot read directory: permission denied|"
            "p/secret.txt!cannot open: permission denied");
}

static void test_permissions(void) {
  char p[256];
  mkdir_rel("p");
  mkdir_rel("p/locked");
  PUT("p/a.txt", "readable");
  PUT("p/secret.txt", "unreadable");
  PUT("p/locked/x.txt", "inside");
  snprintf(p, sizeof p, "%s/p/secret.txt", root);
  chmod(p, 0);
  snprintf(p, sizeof p, "%s/p/locked", root);
  chmod(p, 0);
  if (geteuid() != 0) {
    check_permissions();
  } else {
    chmod(root, 0755);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
      check_permissions();
      _exit(unit_failures ? 1 : 0);
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  chmod(p, 0755);
}

int main(void) {
  snprintf(root, sizeof root, "/tmp/nd_scan_XXXXXX");
  if (!mkdtemp(root)) return 2;
  test_walk();
  test_glob();
  test_symlinks();
  test_special_files();
  test_limits();
  test_content();
  test_permissions();
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
  UNIT_DONE();
}
