"""Loading through Python's standard sqlite3 module, both entry points."""
import unittest

from newsdesk_test import connect


class Loading(unittest.TestCase):
    def test_version(self):
        db = connect()
        self.assertRegex(db.execute("SELECT news_version()").fetchone()[0], r"^\d+\.\d+\.\d+$")

    def test_regexp_operator(self):
        db = connect()
        db.execute("CREATE TABLE t(body TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [("Zelenskyy spoke",), ("Putin spoke",), (None,)])
        n = db.execute("SELECT count(*) FROM t WHERE body REGEXP '(?i)^zelensk'").fetchone()[0]
        self.assertEqual(n, 1)

    def test_noread_entry_point_has_no_file_readers(self):
        db = connect("sqlite3_newsdesk_noread_init")
        names = {r[0] for r in db.execute(
            "SELECT name FROM pragma_function_list UNION SELECT name FROM pragma_module_list")}
        self.assertIn("news_normalize", names)
        self.assertIn("news_sentences", names)
        self.assertNotIn("news_articles", names)

    def test_sentence_offsets_agree_with_substr(self):
        db = connect()
        text = "« Très bien », a dit M. Macron. Zelenskyy à Kyiv. 日本語の文。"
        rows = db.execute("SELECT start, length, text FROM news_sentences(?)", (text,)).fetchall()
        self.assertGreaterEqual(len(rows), 2)
        for start, length, sent in rows:
            self.assertEqual(text[start - 1:start - 1 + length], sent)


if __name__ == "__main__":
    unittest.main()
