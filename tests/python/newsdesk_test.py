"""Shared helpers for the Python tests: open a connection with newsdesk loaded."""
import os
import sqlite3
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.environ.get("NEWSDESK_EXT", os.path.join(ROOT, "dist", "newsdesk.so"))
SHARED = os.environ.get("SHARED_DIR", os.path.join(ROOT, "..", "shared"))


def connect(entry=None):
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    path = os.path.join(ROOT, EXT) if not os.path.isabs(EXT) else EXT
    if entry:
        db.execute("SELECT load_extension(?, ?)", (path, entry))
    else:
        db.load_extension(path)
    db.enable_load_extension(False)
    return db


def shared_path(*parts):
    """Path under ../shared, or skip the test with a visible reason."""
    p = os.path.join(SHARED, *parts)
    if not os.path.exists(p):
        raise unittest.SkipTest(f"{p} is absent (gold data and seeds live in ../shared)")
    return p
