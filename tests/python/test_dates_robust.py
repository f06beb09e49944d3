"""news_dates on hostile input: huge, repetitive, invalid, tiny. Every case
must finish fast and in time linear in the input (no rule may backtrack
quadratically), and offsets must always agree with SQLite's substr()."""
import time
import unittest

from newsdesk_test import connect


def run(db, text, anchor="2023-03-17"):
    return db.execute(
        "SELECT text, value, start, length, substr(?1, start, length) = text FROM news_dates(?1, ?2)",
        (text, anchor)).fetchall()


def seconds(db, text):
    """CPU seconds of one call (CPU time, so that a busy machine counts less)."""
    t0 = time.process_time()
    db.execute("SELECT count(*) FROM news_dates(?, '2023-03-17')", (text,)).fetchone()
    return time.process_time() - t0


class DatesRobust(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = connect()

    def test_fifty_megabytes_of_digits(self):
        t = seconds(self.db, "7" * 50_000_000)
        self.assertLess(t, 30)
        self.assertEqual(run(self.db, "7" * 1000), [])

    def test_a_million_mondays(self):
        text = "Monday " * 1_000_000
        n, values, last = self.db.execute(
            "SELECT count(*), count(DISTINCT value), max(start) FROM news_dates(?, '2023-03-17')",
            (text,)).fetchone()
        self.assertEqual((n, values, last), (1_000_000, 1, 7 * 999_999 + 1))

    def test_years_zero_and_9999(self):
        rows = run(self.db, "From 0000-01-01 to 9999-12-31.", None)
        self.assertEqual([r[1] for r in rows], ["0000-01-01", "9999-12-31"])
        latest = self.db.execute("SELECT latest FROM news_dates('next year', '9999-06-01')").fetchone()
        self.assertEqual(latest, (None,))

    def test_leap_days(self):
        rows = run(self.db, "on 29 February 2024, not on 29 February 2023", None)
        self.assertEqual(rows[0][1], "2024-02-29")
        self.assertNotIn("2023-02-29", [r[1] for r in rows])

    def test_anchors_with_zones(self):
        for anchor in ("2023-03-17T23:59:59+14:00", "2023-03-17T00:00-12:00", "2023-03-17T10:00Z",
                       "2023-03-17 10:00:00.123456+0530"):
            self.assertEqual(run(self.db, "today", anchor)[0][1], "2023-03-17", anchor)

    def test_invalid_utf8(self):
        raw = b"\xff\xfeOn March 17, 2023 \xc3 and \xe2\x82 on 5 May 2021 \xf0\x9f\x98"
        rows = self.db.execute(
            "SELECT value, substr(CAST(?1 AS TEXT), start, length) = text "
            "FROM news_dates(CAST(?1 AS TEXT))", (raw,)).fetchall()
        self.assertEqual(rows, [("2023-03-17", 1), ("2021-05-05", 1)])

    def test_one_character(self):
        for ch in ("1", "a", "'", "é", " ", "\n", "M"):
            self.assertEqual(run(self.db, ch), [], repr(ch))

    def test_offsets_agree_with_substr(self):
        text = "Ünïcödé 🎉: on 5 März, then «March 17» — at 10:30 a.m. and every Monday since '23."
        rows = run(self.db, text)
        self.assertTrue(rows)
        self.assertTrue(all(r[4] == 1 for r in rows))

    def test_linear_time_on_repetitive_input(self):
        # Runs of words that rules chain on, where a backtracking pattern
        # would show.
        # Eight times the input: linear is 8x the time, quadratic 64x. Best
        # of three runs, so that a busy machine does not fail it.
        pieces = ["1 ", "the ", "early ", "a year ", "March ", "12:30 ", "1-1-", "'9",
                  "more than ", "May ", "Q1", "2019-", "two to ", "last week ", "9/9/", "mid-",
                  "fall the ", "early last spring "]
        for piece in pieces:
            small = piece * (40_000 // len(piece))
            big = small * 8
            t1 = min(seconds(self.db, small) for _ in range(3))
            t8 = min(seconds(self.db, big) for _ in range(3))
            self.assertLess(t8, 24 * t1 + 0.02, f"{piece!r}: {t1:.4f}s vs {t8:.4f}s for 8x")


if __name__ == "__main__":
    unittest.main()
