"""Security properties (docs/security.md): what a hostile schema may call, the
noread entry point, heap limits, interruption, cursors closed mid-scan."""
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from newsdesk_test import EXT, ROOT, connect

FILE_READERS = {"news_articles"}

# Under valgrind (its preload library in LD_PRELOAD) code runs tens of times
# slower and peak RSS is valgrind's; under ASan RSS includes shadow memory.
PRELOAD = os.environ.get("LD_PRELOAD", "")
SLOWDOWN = 60 if "vgpreload" in PRELOAD else 1
CHECK_RSS = "vgpreload" not in PRELOAD and "asan" not in PRELOAD


def names(db):
    return {r[0] for r in db.execute(
        "SELECT name FROM pragma_function_list WHERE name LIKE 'news%' OR name = 'regexp' "
        "UNION SELECT name FROM pragma_module_list WHERE name LIKE 'news%'")}


class Security(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def hostile_db(self, *statements):
        """A database file whose schema was written by someone else."""
        path = os.path.join(self.tmp.name, "hostile.db")
        db = connect()
        db.execute("ATTACH ? AS h", (path,))
        for sql in statements:
            db.execute(sql.replace("CREATE TABLE ", "CREATE TABLE h.").replace("CREATE VIEW ", "CREATE VIEW h.")
                       .replace("CREATE TRIGGER ", "CREATE TRIGGER h."))
        db.commit()
        db.close()
        return path

    def open_untrusted(self, path):
        db = connect()
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("ATTACH ? AS h", (path,))
        return db


class TrustedSchema(Security):
    def test_pure_functions_run_from_an_untrusted_schema(self):
        # INNOCUOUS: views, triggers, CHECK constraints and generated columns
        # may use them even with trusted_schema = OFF.
        path = self.hostile_db(
            "CREATE TABLE t(body TEXT CHECK (body IS NULL OR NOT news_regexp('\\d{16}', body)), "
            "key TEXT AS (news_normalize(body)))",
            "CREATE TABLE log(n)",
            "CREATE VIEW v AS SELECT t.key, s.sentence, s.text FROM t, news_sentences(t.body) s",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN "
            "INSERT INTO log SELECT count(*) FROM news_sentences(new.body); END")
        db = self.open_untrusted(path)
        db.execute("INSERT INTO h.t(body) VALUES ('Mr. Putin spoke. Xi listened.')")
        self.assertEqual(db.execute("SELECT * FROM h.v").fetchall(),
                         [("mr. putin spoke. xi listened.", 1, "Mr. Putin spoke."),
                          ("mr. putin spoke. xi listened.", 2, "Xi listened.")])
        self.assertEqual(db.execute("SELECT n FROM h.log").fetchall(), [(2,)])
        with self.assertRaises(sqlite3.IntegrityError):
            db.execute("INSERT INTO h.t(body) VALUES ('card 1234567812345678')")

    def test_file_readers_are_refused_in_a_schema(self):
        db = connect()
        if "news_articles" not in names(db):
            self.skipTest("news_articles is not in this build")
        path = self.hostile_db("CREATE TABLE t(x)",
                               f"CREATE VIEW steal AS SELECT raw FROM news_articles('{ROOT}/Makefile')",
                               "CREATE TABLE log(raw)",
                               f"CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log "
                               f"SELECT raw FROM news_articles('{ROOT}/Makefile'); END")
        for trusted in ("ON", "OFF"):  # DIRECTONLY holds even with a trusted schema
            db = connect()
            db.execute(f"PRAGMA trusted_schema = {trusted}")
            db.execute("ATTACH ? AS h", (path,))
            with self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute("SELECT * FROM h.steal").fetchall()
            self.assertEqual(str(cm.exception), "unsafe use of virtual table \"news_articles\"")
            with self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute("INSERT INTO h.t VALUES (1)")
            self.assertEqual(str(cm.exception), "unsafe use of virtual table \"news_articles\"")
            self.assertEqual(db.execute("SELECT count(*) FROM h.log").fetchone(), (0,))
            db.close()

    def test_file_readers_still_work_in_direct_sql(self):
        db = connect()
        if "news_articles" not in names(db):
            self.skipTest("news_articles is not in this build")
        db.execute("PRAGMA trusted_schema = OFF")
        n = db.execute("SELECT count(*) FROM news_articles(?)", (os.path.join(ROOT, "Makefile"),)).fetchone()
        self.assertEqual(n, (1,))


class NoreadEntryPoint(Security):
    def test_noread_registers_everything_but_the_file_readers(self):
        full = names(connect())
        noread = names(connect("sqlite3_newsdesk_noread_init"))
        self.assertEqual(noread, full - FILE_READERS)
        self.assertTrue({"news_version", "news_normalize", "news_regexp", "regexp", "news_sentences"} <= noread)

    def test_noread_cannot_reach_a_file(self):
        db = connect("sqlite3_newsdesk_noread_init")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT * FROM news_articles('/etc')").fetchall()
        self.assertEqual(str(cm.exception), "no such table: news_articles")


class HeapLimit(Security):
    CHILD = (
        "import resource, sqlite3, sys\n"
        "db = sqlite3.connect(':memory:'); db.enable_load_extension(True)\n"
        "db.load_extension(sys.argv[1])\n"
        "db.execute('PRAGMA hard_heap_limit=' + sys.argv[2])\n"
        "for sql in sys.argv[3:]:\n"
        "    try:\n"
        "        print(db.execute(sql).fetchone()[0])\n"
        "    except MemoryError:\n"
        "        print('MemoryError')\n"
        "print(db.execute(\"SELECT news_normalize('Still OK')\").fetchone()[0])\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec
                # from the (large) test runner.
                "print([int(l.split()[1]) // 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])\n")

    def child(self, limit, *queries):
        # The PRAGMA can only lower the process-wide limit: run in a child.
        ext = EXT if os.path.isabs(EXT) else os.path.join(ROOT, EXT)
        out = subprocess.run([sys.executable, "-c", self.CHILD, ext, str(limit), *queries],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.split("\n")
        return lines[:-2], int(lines[-2])

    def test_out_of_memory_is_an_error_and_the_connection_survives(self):
        big = "printf('%.*c', 3000000, 'a')"
        results, _ = self.child(8000000, f"SELECT length({big})", f"SELECT length(news_normalize({big}))",
                                f"SELECT count(*) FROM news_sentences({big})")
        self.assertEqual(results, ["3000000", "MemoryError", "MemoryError", "still ok"])

    def test_unicode_expansion_stays_under_the_limit(self):
        # 9 MB of U+FDFA would need 216 MB of utf8proc working memory (NFKC
        # gives 18 characters each, 4 bytes per character before encoding).
        results, maxrss_mb = self.child(
            50000000, "SELECT length(news_normalize(replace(printf('%.*c', 3000000, 'a'), 'a', char(65018))))")
        self.assertEqual(results, ["MemoryError", "still ok"])
        if CHECK_RSS:
            self.assertLess(maxrss_mb, 150)


class Interrupt(Security):
    LONG_SCAN = ("SELECT count(*) FROM news_sentences(?1) a, news_sentences(?1) b "
                 "WHERE a.length > b.length")
    TEXT = "Xa b. " * 20000  # 20,000 sentences: the join would take minutes

    def test_progress_handler_stops_a_long_scan(self):
        db = connect()
        deadline = time.monotonic() + 0.3 * SLOWDOWN
        db.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        t = time.monotonic()
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute(self.LONG_SCAN, (self.TEXT,)).fetchall()
        self.assertEqual(str(cm.exception), "interrupted")
        self.assertLess(time.monotonic() - t, 2.0 * SLOWDOWN)
        db.set_progress_handler(None, 0)
        self.assertEqual(db.execute("SELECT count(*) FROM news_sentences('A b. C d.')").fetchone(), (2,))

    def test_interrupt_from_another_thread(self):
        db = connect()  # interrupt() may be called from any thread
        timer = threading.Timer(0.3 * SLOWDOWN, db.interrupt)
        t = time.monotonic()
        timer.start()
        try:
            with self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute(self.LONG_SCAN, (self.TEXT,)).fetchall()
        finally:
            timer.cancel()
        self.assertEqual(str(cm.exception), "interrupted")
        self.assertLess(time.monotonic() - t, 2.0 * SLOWDOWN)


class CursorsClosedMidScan(Security):
    def fds(self):
        return len(os.listdir("/proc/self/fd"))

    def corpus(self):
        for i in range(20):
            sub = os.path.join(self.tmp.name, f"d{i % 4}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"a{i}.txt"), "w") as f:
                f.write(f"Story {i} begins here. It goes on.")
        with open(os.path.join(self.tmp.name, "d0", "feed.jsonl"), "w") as f:
            f.write('{"title": "x"}\n' * 50)
        return self.tmp.name

    def test_article_cursors_closed_mid_scan_release_their_files(self):
        db = connect()
        source = self.corpus()
        before = self.fds()
        for _ in range(1500):  # more than a typical 1024 descriptor limit
            cur = db.execute("SELECT path, text FROM news_articles(?)", (source,))
            self.assertIsNotNone(cur.fetchone())
            cur.close()
        self.assertEqual(self.fds(), before)
        self.assertEqual(db.execute("SELECT count(*) FROM news_articles(?)", (source,)).fetchone(), (70,))

    def test_many_article_cursors_open_at_once_hold_no_descriptor(self):
        db = connect()
        source = self.corpus()
        before = self.fds()
        cursors = []
        for _ in range(300):
            cur = db.execute("SELECT path FROM news_articles(?)", (source,))
            cur.fetchmany(3)  # inside a directory, mid-walk
            cursors.append(cur)
        self.assertEqual(self.fds(), before)
        for cur in cursors:
            self.assertEqual(len(cur.fetchall()), 67)
        self.assertEqual(self.fds(), before)

    def test_many_sentence_cursors_abandoned_mid_scan(self):
        db = connect()
        text = "Alpha went. Beta came. Gamma left. " * 1000
        for _ in range(500):
            cur = db.execute("SELECT text FROM news_sentences(?)", (text,))
            self.assertEqual(cur.fetchone(), ("Alpha went.",))
            cur.close()
        self.assertEqual(db.execute("SELECT count(*) FROM news_sentences(?)", (text,)).fetchone(), (3000,))


if __name__ == "__main__":
    unittest.main()
