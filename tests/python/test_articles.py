"""news_articles on bad and unusual input, each case its own test.

Fixtures are built at test time in a temporary directory. Every case checks
that the scan goes on: a bad file is an error row, never a failed statement.
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import unicodedata

from newsdesk_test import EXT, ROOT, connect

ARTICLE = ("Harbor Lights\n\nThe ferry from Port Aldmere resumed service on Friday after "
           "a week of storms, the operator said. Captain Ines Duarte said crews had "
           "checked every vessel.\n")


class Articles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="nd_articles_")
        self.db = connect()

    def tearDown(self):
        self.db.close()
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.dir)

    def put(self, rel, data):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        return path

    def rows(self, source, *extra, cols="path, item, error"):
        args = (source,) + extra
        marks = ", ".join("?" * len(args))
        return self.db.execute(f"SELECT {cols} FROM news_articles({marks})", args).fetchall()

    def one(self, source, cols):
        rows = self.rows(source, cols=cols)
        self.assertEqual(len(rows), 1, rows)
        return rows[0]

    def rel(self, rows):
        return [(os.path.relpath(r[0], self.dir),) + tuple(r[1:]) for r in rows]

    # --- titles ----------------------------------------------------------

    def test_a_text_without_headline_is_titled_by_its_first_sentence(self):
        short = self.put("short.txt", "The ferry resumed service on Friday. Crews checked every vessel.\n")
        self.assertEqual(self.one(short, "title")[0], "The ferry resumed service on Friday.")
        long_lead = ("The regional council voted on Tuesday evening to extend the night train "
                     "trial to three more lines, after a year in which ridership doubled and the "
                     "operator reported its first profit.")
        path = self.put("long.txt", long_lead + " Others doubted it.\n")
        title = self.one(path, "title")[0]
        self.assertTrue(title.endswith("\u2026"), title)
        self.assertLessEqual(len(title.encode()), 123)
        self.assertTrue(long_lead.startswith(title[:-1]), title)
        self.assertFalse(title[:-1].endswith(" "))

    # --- sources ---------------------------------------------------------

    def test_nonexistent_source_is_an_sql_error_naming_it(self):
        missing = os.path.join(self.dir, "nope")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            self.rows(missing)
        self.assertEqual(str(cm.exception),
                         f"news_articles: no such file or directory: '{missing}'")

    def test_null_source_is_an_sql_error(self):
        with self.assertRaisesRegex(sqlite3.OperationalError, "^news_articles: source is NULL"):
            self.rows(None)

    def test_walk_order_hidden_and_unknown_extensions(self):
        self.put("b.txt", ARTICLE)
        self.put("a/z.md", "# Title\n\nBody text here.\n")
        self.put("c.HTML", "<h1>T</h1><p>Body</p>")
        self.put(".hidden.txt", ARTICLE)
        self.put(".git/x.txt", ARTICLE)
        self.put("notes.docx", ARTICLE)
        got = self.rel(self.rows(self.dir, cols="path, format"))
        self.assertEqual(got, [("a/z.md", "markdown"), ("b.txt", "text"), ("c.HTML", "html")])

    def test_file_named_directly_is_read_whatever_its_extension(self):
        path = self.put("article.body", ARTICLE)
        path_, fmt, err, words = self.one(path, "path, format, error, words")
        self.assertEqual((path_, fmt, err), (path, "text", None))
        self.assertGreater(words, 20)

    def test_glob_and_double_star(self):
        self.put("2023/03/a.txt", ARTICLE)
        self.put("2023/04/b.txt", ARTICLE)
        self.put("2023/04/c.md", ARTICLE)
        self.assertEqual(self.rel(self.rows(os.path.join(self.dir, "2023/*/*.txt"), cols="path")),
                         [("2023/03/a.txt",), ("2023/04/b.txt",)])
        self.assertEqual(len(self.rows(os.path.join(self.dir, "**/*.md"))), 1)

    # --- reading ---------------------------------------------------------

    def test_permission_denied_is_an_error_row(self):
        self.put("a.txt", ARTICLE)
        secret = self.put("secret.txt", ARTICLE)
        os.chmod(secret, 0)
        os.chmod(self.dir, 0o755)
        query = ("import sqlite3, sys; db = sqlite3.connect(':memory:'); "
                 "db.enable_load_extension(True); db.load_extension(sys.argv[1]); "
                 "print(db.execute('SELECT group_concat(coalesce(error, \"ok\"), \"|\") "
                 "FROM news_articles(?)', (sys.argv[2],)).fetchone()[0])")
        ext = EXT if os.path.isabs(EXT) else os.path.join(ROOT, EXT)
        cmd = [sys.executable, "-c", query, ext, self.dir]
        if os.geteuid() == 0:
            # chmod 000 does not stop root: read as the unprivileged "nobody".
            try:
                out = subprocess.run(cmd, user=65534, group=65534, capture_output=True,
                                     text=True, timeout=60)
            except (PermissionError, OSError) as e:
                self.skipTest(f"running as root and cannot switch to uid 65534: {e}")
            if out.returncode != 0 and "Permission denied" in out.stderr and "secret" not in out.stderr:
                self.skipTest(f"uid 65534 cannot load the extension: {out.stderr.strip()[-200:]}")
        else:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), "ok|cannot open: permission denied")

    def test_binary_file_is_an_error_row(self):
        self.put("a.txt", ARTICLE)
        self.put("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        self.put("dump.txt", bytes(range(32)) * 50)
        self.put("z.txt", ARTICLE)
        got = self.rel(self.rows(self.dir, cols="path, error, text, raw"))
        self.assertEqual(got, [("a.txt", None, got[0][2], ARTICLE),
                               ("dump.txt", "binary file", None, None),
                               ("photo.txt", "binary file (PNG)", None, None),
                               ("z.txt", None, got[3][2], ARTICLE)])

    def test_empty_file_is_an_article_with_empty_text(self):
        path = self.put("empty.txt", b"")
        self.assertEqual(self.one(path, "error, text, words, bytes, raw, title"),
                         (None, "", 0, 0, "", None))

    def test_empty_json_files_are_articles_with_empty_text(self):
        self.put("a.json", b"")
        self.put("b.jsonl", b"")
        self.put("c.json", b"[]")
        got = self.rel(self.rows(self.dir, cols="path, format, error, text"))
        self.assertEqual(got, [("a.json", "json", None, ""), ("b.jsonl", "json", None, "")])

    def test_file_over_the_default_limit(self):
        path = os.path.join(self.dir, "huge.txt")
        with open(path, "wb") as f:
            f.truncate(65 << 20)  # sparse: never read
        t0 = time.monotonic()
        err, size, text = self.one(path, "error, bytes, text")
        self.assertLess(time.monotonic() - t0, 2)
        self.assertEqual(err, f"file too large ({65 << 20} bytes; the limit is {64 << 20})")
        self.assertEqual((size, text), (65 << 20, None))

    def test_file_over_a_lowered_limit(self):
        self.put("a.txt", "short\n")
        self.put("b.txt", ARTICLE)
        got = self.rel(self.rows(self.dir, 100))
        self.assertEqual(got, [("a.txt", 1, None),
                               ("b.txt", 1, f"file too large ({len(ARTICLE)} bytes; the limit is 100)")])

    def test_invalid_utf8_is_repaired_and_counted(self):
        path = self.put("bad.txt", ARTICLE.encode() + b"Caf\xe9 and \xff\xfe bytes.\n")
        err, text, repairs = self.one(path, "error, text, repairs")
        self.assertIsNone(err)
        self.assertIn("Caf\ufffd", text)
        self.assertEqual(repairs, 3)

    def test_nul_bytes_are_dropped_and_counted(self):
        path = self.put("nul.txt", ARTICLE.replace("ferry", "fer\0ry").encode())
        err, text, repairs = self.one(path, "error, text, repairs")
        self.assertIsNone(err)
        self.assertNotIn("\0", text)
        self.assertIn("ferry", text)
        self.assertEqual(repairs, 1)

    def test_utf8_bom_is_dropped(self):
        path = self.put("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
        title, text = self.one(path, "title, text")
        self.assertFalse((title or "").startswith("\ufeff"))
        self.assertNotIn("\ufeff", text)
        self.assertEqual(self.one(path, "repairs")[0], 0)

    def test_crlf_line_endings(self):
        path = self.put("crlf.txt", ARTICLE.replace("\n", "\r\n"))
        lf = self.put("lf.txt", ARTICLE)
        text, = self.one(path, "text")
        self.assertNotIn("\r", text)
        self.assertEqual(text, self.one(lf, "text")[0])

    def test_nfd_text_comes_out_nfc(self):
        body = "Caf\u00e9 owners in Z\u00fcrich met on Friday to discuss the new rules for terraces."
        path = self.put("nfd.txt", unicodedata.normalize("NFD", body) + "\n")
        text, = self.one(path, "text")
        self.assertEqual(text, unicodedata.normalize("NFC", text))
        self.assertIn("Z\u00fcrich", text)

    def test_symlink_loop_terminates_and_reads_each_file_once(self):
        self.put("d/a.txt", ARTICLE)
        os.symlink("..", os.path.join(self.dir, "d", "up"))
        os.symlink(".", os.path.join(self.dir, "d", "self"))
        os.symlink("loop2", os.path.join(self.dir, "loop1"))
        os.symlink("loop1", os.path.join(self.dir, "loop2"))
        self.assertEqual(self.rel(self.rows(self.dir)), [("d/a.txt", 1, None)])

    def test_symlink_out_of_the_source_is_followed(self):
        outside = tempfile.mkdtemp(prefix="nd_outside_")
        try:
            with open(os.path.join(outside, "x.txt"), "w") as f:
                f.write(ARTICLE)
            os.symlink(outside, os.path.join(self.dir, "linked"))
            self.assertEqual(self.rel(self.rows(self.dir)), [("linked/x.txt", 1, None)])
        finally:
            shutil.rmtree(outside)

    def test_file_vanishing_during_the_scan(self):
        for name in "abc":
            self.put(f"{name}.txt", ARTICLE)
        cur = self.db.execute("SELECT path, error FROM news_articles(?)", (self.dir,))
        first = cur.fetchone()
        os.unlink(os.path.join(self.dir, "c.txt"))
        rest = cur.fetchall()
        self.assertEqual(self.rel([first] + rest),
                         [("a.txt", None), ("b.txt", None),
                          ("c.txt", "cannot open: no such file or directory")])

    def test_malformed_jsonl_record_is_an_error_row_the_others_come(self):
        path = self.put("feed.jsonl",
                        '{"title": "One", "text": "First body."}\n'
                        '{"title": "Two", "text": \n'
                        '{"title": "Three", "text": "Third body."}\n')
        got = self.rows(path, cols="item, title, error IS NOT NULL, raw")
        self.assertEqual([r[:3] for r in got], [(1, "One", 0), (2, None, 1), (3, "Three", 0)])
        self.assertEqual(got[1][3], '{"title": "Two", "text":')

    def test_json_array_records(self):
        path = self.put("export.json",
                        '[{"title": "A", "text": "Alpha body."}, {"title": "B", "text": "Beta body."}]')
        got = self.rows(path, cols="item, title, text, json_extract(raw, '$.title')")
        self.assertEqual(got, [(1, "A", "Alpha body.", "A"), (2, "B", "Beta body.", "B")])

    def test_malformed_json_file(self):
        path = self.put("broken.json", '{"title": "Oops", "text": "unterminated')
        item, err, title = self.one(path, "item, error, title")
        self.assertEqual((item, title), (1, None))
        self.assertTrue(err)

    def test_malformed_html_still_gives_text(self):
        path = self.put("broken.html",
                        "<html><head><title>Broken page</title><body><p>Unclosed <b>bold "
                        "<div>The council met on Friday.<p>Second paragraph &amp; more")
        err, text = self.one(path, "error, text")
        self.assertIsNone(err)
        self.assertIn("The council met on Friday.", text)

    def test_fifo_in_the_folder_is_skipped_without_blocking(self):
        self.put("a.txt", ARTICLE)
        os.mkfifo(os.path.join(self.dir, "b.txt"))
        self.put("c.txt", ARTICLE)

        def hang(*_):
            raise TimeoutError("news_articles blocked on a FIFO")
        old = signal.signal(signal.SIGALRM, hang)
        signal.alarm(10)
        try:
            got = self.rel(self.rows(self.dir))
            glob = self.rel(self.rows(os.path.join(self.dir, "*.txt")))
            named = self.rows(os.path.join(self.dir, "b.txt"))
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        self.assertEqual(got, [("a.txt", 1, None), ("c.txt", 1, None)])
        self.assertEqual(glob, got)
        self.assertEqual(named[0][2], "not a regular file (FIFO)")

    def test_sqlite_limit_length_gives_an_error_row(self):
        self.put("small.txt", "tiny\n")
        self.put("large.txt", ARTICLE * 20)
        self.db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1000)
        got = self.rel(self.rows(self.dir, cols="path, error IS NULL"))
        self.assertEqual(got, [("large.txt", 0), ("small.txt", 1)])

    def test_heap_limit_is_out_of_memory_and_the_connection_survives(self):
        # The heap limit is process-wide and PRAGMA can only lower it: run in
        # a child process so that the other tests keep their memory.
        self.put("big.txt", ARTICLE * 20000)  # 3.5 MB: its copies exceed the limit
        self.put("small.txt", ARTICLE)
        script = ("import sqlite3, sys; db = sqlite3.connect(':memory:'); "
                  "db.enable_load_extension(True); db.load_extension(sys.argv[1]); "
                  "db.execute('PRAGMA hard_heap_limit=4000000')\n"
                  "try:\n  db.execute('SELECT words FROM news_articles(?)', (sys.argv[2],)).fetchall()\n"
                  "except MemoryError:\n  print('out of memory')\n"
                  "print(db.execute('SELECT count(*) FROM news_articles(?)', (sys.argv[3],)).fetchone()[0])")
        ext = EXT if os.path.isabs(EXT) else os.path.join(ROOT, EXT)
        out = subprocess.run([sys.executable, "-c", script, ext, self.dir,
                              os.path.join(self.dir, "small.txt")],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split(), ["out", "of", "memory", "1"])

    # --- streaming and interruption -------------------------------------

    def test_progress_handler_stops_a_long_scan_promptly(self):
        for i in range(400):
            self.put(f"f{i:04d}.txt", ARTICLE)
        seen = []
        self.db.set_progress_handler(lambda: 1 if len(seen) >= 5 else 0, 100)
        with self.assertRaisesRegex(sqlite3.OperationalError, "interrupted"):
            for row in self.db.execute("SELECT path, text FROM news_articles(?)", (self.dir,)):
                seen.append(row)
        self.assertLess(len(seen), 50)

    def test_interrupt_from_another_thread(self):
        for i in range(1500):
            self.put(f"f{i:04d}.txt", ARTICLE * 3)
        timer = threading.Timer(0.05, self.db.interrupt)
        timer.start()
        t0 = time.monotonic()
        try:
            with self.assertRaisesRegex(sqlite3.OperationalError, "interrupted"):
                self.db.execute("SELECT count(*) FROM news_articles(?) a, news_sentences(a.text)",
                                (self.dir,)).fetchall()
        finally:
            timer.cancel()
        self.assertLess(time.monotonic() - t0, 5)

    def test_directonly_refuses_views(self):
        self.put("a.txt", ARTICLE)
        self.db.execute(f"CREATE VIEW v AS SELECT raw FROM news_articles('{self.dir}')")
        with self.assertRaisesRegex(sqlite3.OperationalError, "unsafe use of virtual table"):
            self.db.execute("SELECT * FROM v").fetchall()


if __name__ == "__main__":
    unittest.main()
