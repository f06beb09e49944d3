"""news_articles over the five real scraped seed articles in ../shared.

Checks what any good extraction must give, without pinning seed strings:
one row per file, no error, a title where the file has a headline, no web
furniture left in the body, and every name written in the article's
sentences still in the body. Names are found by a regular expression (runs
of capitalized words) in the raw lines that are sentences (8 words or more)
and not furniture.
"""
import re
import unittest

from newsdesk_test import connect, shared_path

# Web furniture: prompts and labels that are never article content.
FURNITURE = re.compile(
    r"(?im)^\W*(see also|read more|related articles?|you may also like|must read|more articles"
    r"|leave a (comment|reply)|back to top|source link|share (this|on)|subscribe"
    r"|privacy( &| and)? cookies|- ?advertisement ?-|advertisement$)"
    r"|this (web)?site uses cookies|we use cookies|akismet|required fields are marked")
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
NAME = re.compile(rf"\b[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)+\b")


def sentence_lines(raw, title):
    for line in raw.splitlines():
        line = line.strip()
        if len(line.split()) < 8 or FURNITURE.search(line):
            continue
        if title and line.rstrip(".").replace("’", "'") == title.rstrip(".").replace("’", "'"):
            continue
        yield line


class Seeds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.seeds = shared_path("corpus", "seeds")
        cls.rows = connect().execute(
            "SELECT path, title, text, raw, error FROM news_articles(?)", (cls.seeds,)).fetchall()

    def test_one_row_per_file_without_error(self):
        self.assertEqual(len(self.rows), 5)
        for path, _, text, _, error in self.rows:
            with self.subTest(path=path):
                self.assertIsNone(error)
                self.assertGreater(len(text), 500)

    def test_every_seed_with_a_headline_has_a_title(self):
        # A file whose first line is already a long paragraph states no
        # headline; the text format then leaves the title NULL by design.
        with_headline = 0
        for path, title, _, raw, _ in self.rows:
            first = next(line for line in raw.splitlines() if line.strip())
            if len(first.split()) > 25:
                continue
            with_headline += 1
            with self.subTest(path=path):
                self.assertTrue(title and len(title.split()) >= 3, title)
        self.assertGreaterEqual(with_headline, 4)

    def test_no_furniture_left(self):
        for path, _, text, _, _ in self.rows:
            for para in text.split("\n\n"):
                with self.subTest(path=path, paragraph=para[:60]):
                    self.assertIsNone(FURNITURE.search(para))

    def test_names_in_the_article_survive(self):
        for path, title, text, raw, _ in self.rows:
            names = {m.group(0) for line in sentence_lines(raw, title) for m in NAME.finditer(line)}
            with self.subTest(path=path):
                self.assertGreater(len(names), 3)
                self.assertEqual(sorted(n for n in names if n not in text), [])


if __name__ == "__main__":
    unittest.main()
