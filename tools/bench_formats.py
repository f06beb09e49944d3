"""news_clean throughput per format (make bench-formats).

Builds one synthetic article of about 5 MB per format (text with web
furniture, an HTML page, Markdown with front matter, a JSON record), runs
news_clean on it single-threaded through Python's sqlite3 module, and
prints MB/s (best of 3) beside a baseline users might reach for: the
standard library (html.parser collecting text, json.loads, a line filter)
on the same bytes. Peak memory (ru_maxrss) is printed for the whole run.
Figures go to docs/bench-formats.md.
"""
import argparse
import html.parser
import json
import random
import resource
import sqlite3
import time

WORDS = ("the council said on Tuesday that repairs to the harbour bridge would take longer "
         "than expected officials added while drivers faced detours of up to forty minutes").split()


def paragraphs(count, rng):
    out = []
    for _ in range(count):
        n = rng.randint(15, 60)
        out.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
    return out


def documents():
    rng = random.Random(7)
    paras = paragraphs(20000, rng)
    furniture = ["- Advertisement -", "READ MORE: Another story >>>", "Share this article", "Related Articles"]
    text = "Harbour bridge repairs run late\n\nBy Jane Doe\n\n" + "\n\n".join(
        p if i % 10 else p + "\n\n" + furniture[i // 10 % 4] for i, p in enumerate(paras))
    page = ("<!DOCTYPE html><html lang=en><head><title>Bridge | Gazette</title>"
            "<meta property='article:published_time' content='2024-05-02T08:15:00Z'></head><body>"
            "<nav><a href=/>Home</a><a href=/news>News</a></nav><article>"
            + "".join(f"<p>{p} <a href='/x{i}'>link</a> &amp; more</p>\n" for i, p in enumerate(paras))
            + "</article><aside class=sidebar><ul><li><a href=/a>Other</a></li></ul></aside></body></html>")
    markdown = ("---\ntitle: Bridge\ndate: 2024-05-02\n---\n"
                + "\n\n".join(f"Some *emphasis* and a [link](http://x.example/{i}) {p}" for i, p in enumerate(paras)))
    record = json.dumps({"title": "Bridge", "date_publish": "2024-05-02 08:15:00", "maintext": "\n".join(paras)})
    return {"text": text, "html": page, "markdown": markdown, "json": record}


class TextOnly(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def baseline(fmt, doc):
    if fmt == "html":
        p = TextOnly()
        p.feed(doc)
        return "".join(p.parts)
    if fmt == "json":
        return json.loads(doc)["maintext"]
    return "\n".join(line for line in doc.splitlines() if len(line.split()) > 3)


def best_of(fn, reps=3):
    best = None
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", required=True)
    args = ap.parse_args()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(args.ext)
    print("| format | size (MB) | news_clean MB/s | baseline | baseline MB/s |")
    print("|---|---|---|---|---|")
    names = {"html": "html.parser text", "json": "json.loads", "text": "line filter",
             "markdown": "line filter"}
    for fmt, doc in documents().items():
        mb = len(doc.encode()) / 1e6
        ours = best_of(lambda: db.execute("SELECT length(news_clean(?, ?))", (doc, fmt)).fetchone())
        base = best_of(lambda: baseline(fmt, doc))
        print(f"| {fmt} | {mb:.1f} | {mb / ours:.1f} | {names[fmt]} | {mb / base:.1f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the whole run (ru_maxrss): {peak:.0f} MB")


if __name__ == "__main__":
    main()
