"""Quality floor of news_dates on the TempEval-3 training data (../shared):
the figures of docs/quality-dates.md, a little lower, so that a change that
loses quality fails here. Skips visibly when the shared data is absent."""
import glob
import os
import sys
import unittest

from newsdesk_test import ROOT, connect, shared_path

sys.path.insert(0, os.path.join(ROOT, "tools"))
import eval_dates  # noqa: E402  (tools/ is not a package)

# split: (strict F1, relaxed F1, value F1), each a little under the last figures
FLOORS = {
    "TimeBank": (0.89, 0.94, 0.83),
    "AQUAINT": (0.84, 0.93, 0.77),
}
# WikiWars (history, far from its anchor: the narrative mode's check)
WIKIWARS_FLOORS = (0.85, 0.93, 0.84)


class DatesQuality(unittest.TestCase):
    def test_tempeval3_floors(self):
        data = shared_path("data", "tempeval3")
        db = connect()
        for split, (strict, relaxed, value) in FLOORS.items():
            docs = sorted(glob.glob(os.path.join(data, "train", split, "*.tml")))
            self.assertTrue(docs, split)
            table = eval_dates.evaluate(db, docs, eval_dates.load_timeml).table()
            got = (table["strict"][2], table["relaxed"][2], table["value"][2])
            for name, floor, f1 in zip(("strict", "relaxed", "value"), (strict, relaxed, value), got):
                self.assertGreaterEqual(f1, floor, f"{split} {name} F1 {f1:.3f} fell under {floor}")

    def test_wikiwars_floors(self):
        data = shared_path("data", "wikiwars", "timex2")
        docs = sorted(glob.glob(os.path.join(data, "keyinline", "*.xml")))
        self.assertTrue(docs)
        table = eval_dates.evaluate(connect(), docs, eval_dates.load_wikiwars).table()
        got = (table["strict"][2], table["relaxed"][2], table["value"][2])
        for name, floor, f1 in zip(("strict", "relaxed", "value"), WIKIWARS_FLOORS, got):
            self.assertGreaterEqual(f1, floor, f"WikiWars {name} F1 {f1:.3f} fell under {floor}")


if __name__ == "__main__":
    unittest.main()
