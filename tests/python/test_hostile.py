"""Hostile input: every SQL function with NULL, wrong types, huge and negative
arguments, invalid UTF-8 of every kind, catastrophic regular expressions.

Each case asserts the exact outcome (a value, a row set, or the SQL error
text) and, where a runaway is conceivable, that the call returns quickly.
Invalid UTF-8 is passed as a blob cast to TEXT (so SQLite sees the raw
bytes as text) and read back as bytes.
"""
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from newsdesk_test import EXT, ROOT, connect

# Bytes that are not UTF-8, each a classic trap.
OVERLONG_SLASH = b"\xc0\xaf"           # '/' in two bytes
OVERLONG_NUL = b"\xc0\x80"             # NUL in two bytes (modified UTF-8)
OVERLONG_3 = b"\xe0\x80\xaf"           # '/' in three bytes
LONE_HIGH_SURROGATE = b"\xed\xa0\x80"  # U+D800 encoded as if it were a character
LONE_LOW_SURROGATE = b"\xed\xbf\xbf"   # U+DFFF
ABOVE_MAX = b"\xf4\x90\x80\x80"        # U+110000
STRAY_CONTINUATION = b"\x80\xbf"
TRUNCATED = b"\xe2\x82"                # first two bytes of the euro sign
FF = b"\xfe\xff"
BAD_SEQUENCES = [OVERLONG_SLASH, OVERLONG_NUL, OVERLONG_3, LONE_HIGH_SURROGATE,
                 LONE_LOW_SURROGATE, ABOVE_MAX, STRAY_CONTINUATION, TRUNCATED, FF]
FFFD = "\ufffd"

# Under valgrind (`make test-valgrind`: its preload library is in
# LD_PRELOAD) code runs tens of times slower and peak RSS is valgrind's:
# time bounds stretch and RSS bounds are not checked. ASan keeps both,
# except RSS (shadow memory, quarantine).
PRELOAD = os.environ.get("LD_PRELOAD", "")
SLOWDOWN = 60 if "vgpreload" in PRELOAD else 1
CHECK_RSS = "vgpreload" not in PRELOAD and "asan" not in PRELOAD

# Well above anything a test should take; a runaway would take minutes.
QUICK_SECONDS = 5.0 * SLOWDOWN


class Hostile(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def one(self, sql, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def rows(self, sql, *args):
        return self.db.execute(sql, args).fetchall()

    def error(self, sql, *args):
        with self.assertRaises(sqlite3.Error) as cm:
            self.db.execute(sql, args).fetchall()
        return str(cm.exception)

    def quick(self, fn):
        t = time.monotonic()
        result = fn()
        self.assertLess(time.monotonic() - t, QUICK_SECONDS)
        return result


class Types(Hostile):
    """NULL in, NULL (or no rows) out; other types are read as their text."""

    def test_null(self):
        self.assertIsNone(self.one("SELECT news_normalize(NULL)"))
        self.assertIsNone(self.one("SELECT news_regexp(NULL, 'x')"))
        self.assertIsNone(self.one("SELECT news_regexp('x', NULL)"))
        self.assertIsNone(self.one("SELECT NULL REGEXP 'x'"))
        self.assertEqual(self.rows("SELECT * FROM news_sentences(NULL)"), [])

    def test_numbers_are_read_as_their_text(self):
        for value, text in [(42, "42"), (-1, "-1"), (3.5, "3.5"), (2**63 - 1, "9223372036854775807"),
                            (-2**63, "-9223372036854775808"), (1e308, "1.0e+308")]:
            self.assertEqual(self.one("SELECT news_normalize(?)", value), text)
            self.assertEqual(self.rows("SELECT sentence, start, length, text FROM news_sentences(?)", value),
                             [(1, 1, len(text), text)])
            self.assertEqual(self.one("SELECT news_regexp('^-?[0-9]', ?)", value), 1)
        self.assertEqual(self.one("SELECT news_regexp(42, 'x42y')"), 1)

    def test_blobs_are_read_as_text(self):
        self.assertEqual(self.one("SELECT news_normalize(x'C3894C4C45')"), "elle")
        self.assertEqual(self.one("SELECT news_normalize(x'')"), "")
        self.assertEqual(self.rows("SELECT * FROM news_sentences(x'')"), [])
        self.assertEqual(self.one("SELECT news_regexp(x'', 'anything')"), 1)
        self.assertEqual(self.one("SELECT news_regexp('^a.c$', x'616263')"), 1)

    def test_zeroblob_is_all_nul_bytes(self):
        # NUL bytes are dropped by the key; a 10 MB zeroblob is an empty key.
        self.assertEqual(self.quick(lambda: self.one("SELECT news_normalize(zeroblob(10000000))")), "")

    def test_wrong_argument_counts(self):
        self.assertEqual(self.error("SELECT news_normalize()"),
                         "wrong number of arguments to function news_normalize()")
        self.assertEqual(self.error("SELECT news_normalize('a', 'b')"),
                         "wrong number of arguments to function news_normalize()")
        self.assertEqual(self.error("SELECT news_regexp('a')"),
                         "wrong number of arguments to function news_regexp()")
        self.assertEqual(self.error("SELECT news_version(1)"),
                         "wrong number of arguments to function news_version()")
        self.assertEqual(self.error("SELECT * FROM news_sentences()"),
                         "news_sentences: missing argument 'input'")
        self.assertEqual(self.error("SELECT * FROM news_sentences('a', 'b')"),
                         "too many arguments on news_sentences() - max 1")

    def test_later_functions_with_null_and_wrong_types(self):
        self.assertIsNone(self.one("SELECT news_clean(NULL)"))
        self.assertEqual(self.one("SELECT news_clean('<p>Hello there world.</p>', NULL)"), "Hello there world.")
        self.assertEqual(self.one("SELECT count(*) FROM news_dates(NULL)"), 0)
        self.assertEqual(self.one("SELECT count(*) FROM news_dates('On March 3, 2023.', NULL)"), 1)
        self.assertEqual(self.one("SELECT count(*) FROM news_entities(NULL)"), 0)
        self.assertEqual(self.error("SELECT * FROM news_articles(NULL)"), "news_articles: source is NULL")
        for value in [42, -1, 3.5, 2**63 - 1, -2**63, b"", b"\x01\x02"]:
            self.assertEqual(self.one("SELECT count(*) FROM news_dates(?)", value), 0)
            self.assertEqual(self.one("SELECT count(*) FROM news_entities(?)", value), 0)
            text = value.decode() if isinstance(value, bytes) else self.one("SELECT CAST(? AS TEXT)", value)
            self.assertEqual(self.error("SELECT news_clean('x', ?)", value),
                             f"news_clean: unknown format '{text}' (expected text, markdown, html or json)")
            self.assertEqual(self.error("SELECT * FROM news_dates('next week', ?)", value),
                             f"news_dates: invalid anchor '{text}' (expected ISO-8601)")
        for value in [0, -1, -2**63, 3.5, "x", b""]:
            self.assertEqual(self.error("SELECT * FROM news_articles('tests/corpus', ?)", value),
                             "news_articles: max_bytes must be a positive integer")
        self.assertEqual(self.error("SELECT * FROM news_articles(?)", 42),
                         "news_articles: no such file or directory: '42'")
        for anchor in ["2023-02-30", "99999-01-01", "2023-13-01", "2023-03-17T25:00", "yesterday"]:
            self.assertEqual(self.error("SELECT * FROM news_dates('next week', ?)", anchor),
                             f"news_dates: invalid anchor '{anchor}' (expected ISO-8601)")

    def test_anchors_at_the_ends_of_the_calendar(self):
        self.assertEqual(self.rows("SELECT value FROM news_dates('next week', '9999-12-31')"), [("XXXX-W01",)])
        self.assertEqual(self.rows("SELECT value FROM news_dates('0001-01-01 and last year', '0001-01-01')"),
                         [("0001-01-01",), ("0000",)])
        self.assertEqual(self.rows("SELECT value FROM news_dates('yesterday', '0000-01-01')"), [("XXXX-12-31",)])
        # Huge counts neither overflow nor crash.
        self.assertEqual(len(self.rows("SELECT value FROM news_dates(?, '2023-01-01')",
                                       "in 5000000000 years, 10000000000 days ago, the year 99999999999")), 2)

    def test_later_functions_wrong_argument_counts(self):
        self.assertEqual(self.error("SELECT news_clean()"), "wrong number of arguments to function news_clean()")
        self.assertEqual(self.error("SELECT news_clean('a', 'b', 'c')"),
                         "wrong number of arguments to function news_clean()")
        for table, arg in [("news_dates", "input"), ("news_entities", "input"), ("news_articles", "source")]:
            self.assertEqual(self.error(f"SELECT * FROM {table}()"), f"{table}: missing argument '{arg}'")
        self.assertEqual(self.error("SELECT * FROM news_dates('a', 'b', 'c')"),
                         "too many arguments on news_dates() - max 2")
        self.assertEqual(self.error("SELECT * FROM news_entities('a', 'b')"),
                         "too many arguments on news_entities() - max 1")

    def test_writing_to_a_table_valued_function_is_refused(self):
        self.assertEqual(self.error("INSERT INTO news_sentences VALUES (1, 1, 1, 'x', 'x')"),
                         "table news_sentences may not be modified")


class InvalidUtf8(Hostile):
    """Invalid UTF-8 is repaired (U+FFFD) or carried through, never fatal, and
    offsets still agree with substr() on the bytes as given."""

    def test_normalize_repairs_every_bad_sequence(self):
        for bad in BAD_SEQUENCES:
            key = self.one("SELECT news_normalize(CAST(? AS TEXT))", b"A" + bad + b"B")
            self.assertTrue(key.startswith("a" + FFFD) and key.endswith(FFFD + "b"), (bad, key))
            self.assertEqual(set(key[1:-1]), {FFFD}, bad)

    def test_normalize_drops_nul_bytes_in_the_middle(self):
        self.assertEqual(self.one("SELECT news_normalize(CAST(? AS TEXT))", b"Kyi\x00v"), "kyiv")
        self.assertEqual(self.one("SELECT news_normalize(?)", "Kyi\x00v"), "kyiv")

    def test_surrogates_from_python_never_reach_the_engine(self):
        # Python refuses to encode a lone surrogate; the bytes path is above.
        with self.assertRaises(UnicodeEncodeError):
            self.db.execute("SELECT news_normalize(?)", ("\ud800",)).fetchone()

    def test_sentence_offsets_hold_on_bad_bytes(self):
        self.db.text_factory = bytes
        for bad in BAD_SEQUENCES:
            raw = b"First one" + bad + b". Second " + bad + b"one. Third."
            rows = self.rows("SELECT start, length, text, substr(CAST(?1 AS TEXT), start, length) "
                             "FROM news_sentences(CAST(?1 AS TEXT))", raw)
            self.assertEqual(len(rows), 3, bad)
            for start, length, text, sub in rows:
                self.assertEqual(text, sub, bad)

    def test_nul_in_text_counts_as_a_character(self):
        # SQLite's substr() and length() stop at a NUL byte inside TEXT, so
        # no offset can agree with them past it; newsdesk counts the NUL as a
        # character and reports the sentences after it (docs/security.md).
        self.db.text_factory = bytes
        self.assertEqual(self.rows("SELECT sentence, start, length, text FROM news_sentences(CAST(? AS TEXT))",
                                   b"First one\x00. Second one. Third."),
                         [(1, 1, 11, b"First one\x00."), (2, 13, 11, b"Second one."), (3, 25, 6, b"Third.")])

    def test_sentences_never_split_what_sqlite_counts_as_one_character(self):
        # Found by fuzz_sql: SQLite glues continuation bytes to the lead byte
        # before them even past the end of a valid sequence, so a sentence
        # must not start on them (after an ideographic full stop, or after
        # a no-break space trimmed away).
        self.db.text_factory = bytes
        for raw in [b"\xe6\x97\xa5\xe3\x80\x82\xb4\xb4\xb4X", b"A.\xc2\xa0\xa0\xa0\xa0B c.",
                    b"One. \xc2\xa0\xa0\xa0Two."]:
            rows = self.rows("SELECT text, substr(CAST(?1 AS TEXT), start, length) "
                             "FROM news_sentences(CAST(?1 AS TEXT))", raw)
            self.assertTrue(rows, raw)
            for text, sub in rows:
                self.assertEqual(text, sub, raw)

    def test_offsets_of_every_table_hold_on_glued_continuation_bytes(self):
        # Found by fuzz_entities: an entity ending in "\xc3\xa9" followed by
        # stray continuation bytes ended inside what SQLite counts as one
        # character, so substr() disagreed with the text column.
        self.db.text_factory = bytes
        raw = (b"Vladimir Putin\xc3\xa9\xa9\xa9 met Xi Jinping\xe3\x80\x82\xb4\xb4 in Beijing on "
               b"March 3\xc2\xa0\xa0, 2023. Next week\xe2\x80\x99\xbf they meet again.")
        for table in ["news_sentences(CAST(?1 AS TEXT))", "news_dates(CAST(?1 AS TEXT), '2023-03-01')",
                      "news_entities(CAST(?1 AS TEXT))"]:
            rows = self.rows(f"SELECT text, substr(CAST(?1 AS TEXT), start, length) FROM {table}", raw)
            self.assertEqual(len(rows), 3, table)
            for text, sub in rows:
                self.assertEqual(text, sub, table)

    def test_regexp_bad_pattern_bytes_are_an_error(self):
        self.assertEqual(self.error("SELECT news_regexp(CAST(? AS TEXT), 'x')", b"\xff"),
                         "news_regexp: UTF-8 error: illegal byte (0xfe or 0xff) at offset 0 of the pattern")
        self.assertEqual(self.error("SELECT news_regexp(CAST(? AS TEXT), 'x')", b"a" + OVERLONG_SLASH),
                         "news_regexp: UTF-8 error: overlong 2-byte sequence at offset 1 of the pattern")
        self.assertEqual(self.error("SELECT news_regexp(CAST(? AS TEXT), 'x')", LONE_HIGH_SURROGATE),
                         "news_regexp: UTF-8 error: code points 0xd800-0xdfff are not defined "
                         "at offset 0 of the pattern")

    def test_regexp_matches_around_bad_subject_bytes(self):
        for bad in BAD_SEQUENCES:
            self.assertEqual(self.one("SELECT news_regexp('Kyiv', CAST(? AS TEXT))", bad + b"Kyiv" + bad), 1)
            self.assertEqual(self.one("SELECT news_regexp('^Kyiv$', CAST(? AS TEXT))", bad + b"Kyiv"), 0)

    def test_nul_inside_pattern_and_subject(self):
        self.assertEqual(self.one("SELECT news_regexp(?, ?)", "a\x00b", "xa\x00by"), 1)
        self.assertEqual(self.one("SELECT news_regexp(?, ?)", "a\x00b", "xaby"), 0)


class Regexp(Hostile):
    """Catastrophic patterns hit a limit and raise; errors name the function."""

    def test_nested_quantifiers_hit_the_match_limit(self):
        for pattern in [r"(a+)+$", r"(a|a)*$", r"(a|aa)+$", r"(\w+\s?)+$"]:
            msg = self.quick(lambda: self.error("SELECT news_regexp(?, ?)", pattern, "a" * 64 + "!"))
            self.assertEqual(msg, "news_regexp: match limit exceeded", pattern)

    def test_regexp_operator_hits_the_same_limit(self):
        msg = self.quick(lambda: self.error("SELECT ? REGEXP '(a+)+$'", "a" * 64 + "!"))
        self.assertEqual(msg, "regexp: match limit exceeded")

    def test_pattern_cannot_raise_its_own_limit(self):
        # (*LIMIT_MATCH=) can only lower the limit set by the caller.
        msg = self.quick(lambda: self.error("SELECT news_regexp(?, ?)", "(*LIMIT_MATCH=1000000000)(a+)+$",
                                            "a" * 64 + "!"))
        self.assertEqual(msg, "news_regexp: match limit exceeded")

    def test_deep_recursion_is_bounded(self):
        msg = self.quick(lambda: self.error("SELECT news_regexp(?, ?)", r"(?(DEFINE)(?<r>a(?&r)?))^(?&r)$",
                                            "a" * 200000))
        self.assertEqual(msg, "news_regexp: JIT stack limit reached")

    def test_the_interpreter_has_the_same_limits(self):
        # (*NO_JIT) cannot escape them: the depth limit replaces the JIT stack.
        msg = self.quick(lambda: self.error("SELECT news_regexp(?, ?)", "(*NO_JIT)(a+)+$", "a" * 64 + "!"))
        self.assertEqual(msg, "news_regexp: match limit exceeded")
        msg = self.quick(lambda: self.error("SELECT news_regexp(?, ?)",
                                            r"(*NO_JIT)(?(DEFINE)(?<r>a(?&r)?))^(?&r)$", "a" * 200000))
        self.assertEqual(msg, "news_regexp: matching depth limit exceeded")

    def test_a_runaway_row_is_an_error_not_a_silent_no_match(self):
        self.db.execute("CREATE TABLE t(x)")
        self.db.executemany("INSERT INTO t VALUES (?)", [("aaa",), ("a" * 64 + "!",), ("b",)])
        msg = self.quick(lambda: self.error("SELECT count(*) FROM t WHERE x REGEXP '(a+)+$'"))
        self.assertEqual(msg, "regexp: match limit exceeded")

    def test_compile_errors_carry_pcre2_message_and_offset(self):
        cases = [("(", "missing closing parenthesis at offset 1"),
                 ("a{99999999}", "number too big in {} quantifier at offset 7"),
                 ("\\", "\\ at end of pattern at offset 1"),
                 ("(?<a>.)\\k<b>", "reference to non-existent subpattern at offset 10"),
                 ("[z-a]", "range out of order in character class at offset 3"),
                 ("(?<=a+)b", "lookbehind assertion is not fixed length at offset 0"),
                 ("*", "quantifier does not follow a repeatable item at offset 0")]
        for pattern, message in cases:
            self.assertEqual(self.error("SELECT news_regexp(?, 'x')", pattern),
                             f"news_regexp: {message} of the pattern", pattern)

    def test_huge_patterns(self):
        pattern = "|".join(f"w{i}x" for i in range(1000))
        self.assertEqual(self.quick(lambda: self.one("SELECT news_regexp(?, 'a w999x b')", pattern)), 1)
        pattern = "|".join(f"w{i}x" for i in range(100000))
        self.assertEqual(self.quick(lambda: self.error("SELECT news_regexp(?, 'a w99999x b')", pattern)),
                         "news_regexp: regular expression is too large at offset 0 of the pattern")

    def test_pattern_changing_every_row_is_compiled_each_time(self):
        self.db.execute("CREATE TABLE p(re, s)")
        self.db.executemany("INSERT INTO p VALUES (?, ?)", [("a", "a"), ("(", "x"), ("b", "b")])
        self.assertEqual(self.error("SELECT news_regexp(re, s) FROM p"),
                         "news_regexp: missing closing parenthesis at offset 1 of the pattern")
        self.assertEqual(self.rows("SELECT news_regexp(re, s) FROM p WHERE rowid <> 2"), [(1,), (1,)])


class Sizes(Hostile):
    """Large inputs give bounded results in bounded time."""

    def test_sentences_of_a_long_input(self):
        n = self.quick(lambda: self.one(
            "SELECT count(*) FROM news_sentences(replace(printf('%.*c', 200000, 'a'), 'a', 'Xa b. '))"))
        self.assertEqual(n, 200000)

    def test_one_sentence_without_any_break(self):
        self.assertEqual(self.quick(lambda: self.rows(
            "SELECT sentence, start, length FROM news_sentences(printf('%.*c', 5000000, 'a'))")),
            [(1, 1, 5000000)])

    def test_periods_without_spaces(self):
        self.assertEqual(self.quick(lambda: self.one(
            "SELECT count(*) FROM news_sentences(printf('%.*c', 2000000, '.'))")), 1)

    def test_normalize_of_an_expanding_input(self):
        # U+FDFA expands to 18 characters under NFKC.
        self.assertEqual(self.quick(lambda: self.one("SELECT length(news_normalize(?))", "\ufdfa" * 100000)),
                         1800000)

    def test_result_larger_than_sqlite_limit_is_an_error(self):
        self.db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1000000)
        self.assertEqual(self.error("SELECT news_normalize(?)", "\ufdfa" * 50000), "string or blob too big")
        self.assertEqual(self.one("SELECT length(news_normalize(?))", "\ufdfa" * 10000), 180000)


class Articles(Hostile):
    """news_articles over hostile folders and files."""

    def setUp(self):
        super().setUp()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb" if isinstance(data, bytes) else "w") as f:
            f.write(data)
        return path

    def scan(self, source, *more):
        return self.rows("SELECT substr(path, length(?1) + 2), error FROM news_articles(?1%s)"
                         % "".join(f", {m}" for m in more), source)

    def test_deep_html_nesting(self):
        path = self.write("deep.html", "<html><body>" + "<div>" * 100000 + "<p>Deep text here.</p>"
                          + "</div>" * 100000 + "</body></html>")
        self.assertEqual(self.quick(lambda: self.rows("SELECT error, text FROM news_articles(?)", path)),
                         [(None, "Deep text here.")])
        path = self.write("unclosed.html", "<html><body>" + "<b><i>" * 100000 + "Still read. And kept.")
        self.assertEqual(self.quick(lambda: self.rows("SELECT error, text FROM news_articles(?)", path)),
                         [(None, "Still read. And kept.")])

    def test_deep_json_nesting_is_a_malformed_record(self):
        deep = '{"title": "T", "x": ' + "[" * 100000 + "]" * 100000 + "}"
        path = self.write("deep.jsonl", deep + '\n{"title": "next"}\n' + "[" * 100000 + "\n")
        rows = self.quick(lambda: self.rows("SELECT item, title, error IS NULL FROM news_articles(?)", path))
        self.assertEqual(rows[1], (2, "next", 1))
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[2][1:], (None, 0))

    def test_sparse_1gb_file_is_an_error_row_without_reading_it(self):
        path = os.path.join(self.dir, "sparse.txt")
        with open(path, "wb") as f:
            f.truncate(1 << 30)
        # A fresh process, so that its peak RSS is this query's alone.
        code = ("import resource, sqlite3, sys\n"
                "db = sqlite3.connect(':memory:'); db.enable_load_extension(True)\n"
                "db.load_extension(sys.argv[1])\n"
                "print(db.execute('SELECT error, bytes FROM news_articles(?)', (sys.argv[2],)).fetchall())\n"
                # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec
                # from the (large) test runner.
                "print([int(l.split()[1]) // 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])\n")
        ext = EXT if os.path.isabs(EXT) else os.path.join(ROOT, EXT)
        out = subprocess.run([sys.executable, "-c", code, ext, path], capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows, rss_mb = out.stdout.splitlines()
        self.assertEqual(rows, "[('file too large (1073741824 bytes; the limit is 67108864)', 1073741824)]")
        if CHECK_RSS:
            self.assertLess(int(rss_mb), 100)

    def test_ten_million_lines_of_jsonl(self):
        # 10,000,001 lines, three of them records: blank lines are not records.
        path = self.write("lines.jsonl", '{"title": "first"}\n' + "\n" * 5000000 + '{"title": "middle"}\n'
                          + " \n" * 4999999 + '{"title": "last"}')
        self.assertEqual(self.quick(lambda: self.rows("SELECT item, title, error FROM news_articles(?)", path)),
                         [(1, "first", None), (2, "middle", None), (3, "last", None)])
        self.assertEqual(self.rows("SELECT item, error, bytes FROM news_articles(?, 1000000)", path),
                         [(1, "file too large (15000054 bytes; the limit is 1000000)", 15000054)])

    def test_many_small_records(self):
        path = self.write("many.jsonl", '{"title": "t"}\n' * 200000)
        self.assertEqual(self.quick(lambda: self.one("SELECT count(*) FROM news_articles(?)", path)), 200000)

    def test_special_files_are_skipped_without_blocking(self):
        self.write("a.txt", "Alpha went home.")
        os.symlink("/dev/zero", os.path.join(self.dir, "zero.txt"))
        os.symlink("/dev/null", os.path.join(self.dir, "null.md"))
        os.mkfifo(os.path.join(self.dir, "pipe.txt"))
        sock = socket.socket(socket.AF_UNIX)
        self.addCleanup(sock.close)
        sock.bind(os.path.join(self.dir, "sock.html"))
        self.assertEqual(self.quick(lambda: self.scan(self.dir)), [("a.txt", None)])
        for name, kind in [("zero.txt", "character device"), ("null.md", "character device"),
                           ("pipe.txt", "FIFO"), ("sock.html", "socket")]:
            self.assertEqual(self.quick(lambda: self.scan(os.path.join(self.dir, name))),
                             [("", f"not a regular file ({kind})")])

    def test_broken_links_are_error_rows_in_a_walk(self):
        self.write("a.txt", "Alpha went home.")
        os.symlink("/nonexistent/x", os.path.join(self.dir, "dangling.txt"))
        os.symlink("self.txt", os.path.join(self.dir, "self.txt"))
        self.assertEqual(self.scan(self.dir), [("a.txt", None),
                                               ("dangling.txt", "cannot open: no such file or directory"),
                                               ("self.txt", "cannot open: too many levels of symbolic links")])

    def test_directory_symlink_loops(self):
        os.makedirs(os.path.join(self.dir, "a", "b"))
        self.write("a/b/story.txt", "A story here.")
        os.symlink("..", os.path.join(self.dir, "a", "b", "up"))
        os.symlink(self.dir, os.path.join(self.dir, "a", "root"))
        self.assertEqual(self.quick(lambda: self.scan(self.dir)), [("a/b/story.txt", None)])

    def test_files_changing_during_the_scan(self):
        for name in "abcdefg":
            self.write(f"{name}.txt", f"Article {name} text here.")
        cur = self.db.execute("SELECT substr(path, length(?1) + 2), error FROM news_articles(?1, 100)",
                              (self.dir,))
        self.assertEqual(cur.fetchone(), ("a.txt", None))
        os.remove(os.path.join(self.dir, "c.txt"))                        # vanished
        os.remove(os.path.join(self.dir, "d.txt"))
        os.mkfifo(os.path.join(self.dir, "d.txt"))                        # now a FIFO: skipped
        self.write("e.txt", "x" * 500)                                    # grew past the limit
        os.remove(os.path.join(self.dir, "f.txt"))
        os.mkdir(os.path.join(self.dir, "f.txt"))                         # now a directory: skipped
        self.write("h.txt", "A new file.")                                # after the listing: not seen
        self.assertEqual(self.quick(cur.fetchall), [("b.txt", None),
                                                    ("c.txt", "cannot open: no such file or directory"),
                                                    ("e.txt", "file too large (500 bytes; the limit is 100)"),
                                                    ("g.txt", None)])


if __name__ == "__main__":
    unittest.main()
