"""news_entities computes only the costly columns a query reads (score,
canonical and key): every way of reading a column must still get it, and the
rows must not depend on which columns are read."""
import unittest

from newsdesk_test import connect

TEXT = ("Chancellor Olaf Scholz met Emmanuel Macron in Paris on Tuesday. "
        "Scholz said the European Union would act, and Macron agreed.")
FULL = "SELECT text, type, canonical, key, start, length, sentence, score FROM news_entities(?)"


class Columns(unittest.TestCase):
    def setUp(self):
        self.db = connect()
        self.full = self.db.execute(FULL, (TEXT,)).fetchall()
        self.assertGreaterEqual(len(self.full), 5)
        self.assertTrue(all(r[2] and r[3] and 0 < r[7] <= 1 for r in self.full))

    def test_rows_do_not_depend_on_the_columns_read(self):
        rows = self.db.execute("SELECT text, type, start, length, sentence FROM news_entities(?)",
                               (TEXT,)).fetchall()
        self.assertEqual(rows, [(r[0], r[1], r[4], r[5], r[6]) for r in self.full])
        self.assertEqual(self.db.execute("SELECT count(*) FROM news_entities(?)", (TEXT,)).fetchone()[0],
                         len(self.full))

    def test_score_alone_and_in_where_and_order_by(self):
        scores = [r[0] for r in self.db.execute("SELECT score FROM news_entities(?)", (TEXT,))]
        self.assertEqual(scores, [r[7] for r in self.full])
        self.assertTrue(all(0 < s <= 1 for s in scores))
        kept = self.db.execute("SELECT text FROM news_entities(?) WHERE score > 0.5", (TEXT,)).fetchall()
        self.assertEqual(kept, [(r[0],) for r in self.full if r[7] > 0.5])
        first = self.db.execute("SELECT text FROM news_entities(?) ORDER BY score DESC LIMIT 1",
                                (TEXT,)).fetchone()
        self.assertEqual(first[0], max(self.full, key=lambda r: r[7])[0])

    def test_canonical_and_key_alone_and_grouped(self):
        names = self.db.execute("SELECT canonical FROM news_entities(?)", (TEXT,)).fetchall()
        self.assertEqual(names, [(r[2],) for r in self.full])
        self.assertIn(("Olaf Scholz",), names)
        groups = dict(self.db.execute(
            "SELECT key, count(*) FROM news_entities(?) GROUP BY key", (TEXT,)).fetchall())
        self.assertEqual(groups.get("olaf scholz"), 2)

    def test_star_and_views_read_everything(self):
        self.assertEqual(self.db.execute("SELECT * FROM news_entities(?)", (TEXT,)).fetchall(),
                         self.full)
        self.db.execute("CREATE TEMP VIEW v AS SELECT * FROM news_entities('%s')" % TEXT)
        self.assertEqual(self.db.execute("SELECT canonical, score FROM v").fetchall(),
                         [(r[2], r[7]) for r in self.full])

    def test_a_join_reads_the_columns_it_needs(self):
        self.db.execute("CREATE TEMP TABLE doc(id INTEGER PRIMARY KEY, body TEXT)")
        self.db.execute("INSERT INTO doc(body) VALUES (?), (?)", (TEXT, TEXT))
        rows = self.db.execute("SELECT d.id, e.key, e.score FROM doc d, news_entities(d.body) e "
                               "ORDER BY d.id, e.start").fetchall()
        self.assertEqual(rows, [(i, r[3], r[7]) for i in (1, 2) for r in self.full])


if __name__ == "__main__":
    unittest.main()
