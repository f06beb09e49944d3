"""Every documented SQL example runs, and prints what the docs say.

In docs/*.md and README.md, a ```sql block is checked statement by
statement: a statement followed by comment lines `-- result` must return
exactly those rows (columns joined by '|', NULL as 'NULL'); a statement with
`-- error: message` must fail with that message. Statements without such
comments just have to run. A value with line breaks spans several comment
lines (a bare `--` is an empty line). Paths in examples are relative to the repository
root, where this test runs them.
"""
import glob
import os
import re
import sqlite3
import unittest

from newsdesk_test import EXT, ROOT, connect

EXT_NOSO = os.path.join(ROOT, EXT)[: -len(".so")] if EXT.endswith(".so") else os.path.join(ROOT, EXT)

BLOCK = re.compile(r"```sql\n(.*?)```", re.S)


def examples(text):
    """Yield (statement, expected lines or None) from the sql blocks of a page."""
    for block in BLOCK.findall(text):
        stmt, expect = [], []

        def complete():
            return bool(stmt) and sqlite3.complete_statement("\n".join(stmt))

        for line in block.splitlines():
            if line.startswith("--"):
                if complete():
                    expect.append(line[3:] if line.startswith("-- ") else "")
                elif stmt:
                    stmt.append(line)
            elif line.strip() == "":
                if complete():
                    yield "\n".join(stmt), (expect or None)
                    stmt, expect = [], []
            elif line.startswith(".") and not stmt:
                continue  # a shell dot-command
            else:
                if complete():
                    yield "\n".join(stmt), (expect or None)
                    stmt, expect = [], []
                stmt.append(line)
        if complete():
            yield "\n".join(stmt), (expect or None)


def render(v):
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return repr(v)
    return str(v)


class Docs(unittest.TestCase):
    def test_examples(self):
        pages = sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))) + [os.path.join(ROOT, "README.md")]
        checked = 0
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            for page in pages:
                if not os.path.exists(page):
                    continue
                with open(page, encoding="utf-8") as f:
                    text = f.read()
                for stmt, expect in examples(text):
                    with self.subTest(page=os.path.basename(page), sql=stmt[:80]):
                        if "load_extension(" in stmt:
                            # A loading example: a bare connection, and the build under test.
                            db = sqlite3.connect(":memory:")
                            db.enable_load_extension(True)
                            stmt = stmt.replace("'dist/newsdesk'", "'" + EXT_NOSO + "'")
                        else:
                            db = connect()
                        try:
                            rows = db.execute(stmt).fetchall()
                            got = ["|".join(render(v) for v in r) for r in rows]
                            err = None
                        except sqlite3.Error as e:
                            got, err = None, str(e)
                        if expect and expect[0].startswith("error: "):
                            self.assertEqual(err, expect[0][len("error: "):])
                        else:
                            self.assertIsNone(err, f"{stmt} failed: {err}")
                            if expect is not None:
                                # A value with line breaks spans several comment lines.
                                self.assertEqual("\n".join(got), "\n".join(expect))
                        checked += 1
        finally:
            os.chdir(cwd)
        self.assertGreater(checked, 0)


if __name__ == "__main__":
    unittest.main()
