#!/usr/bin/env python3
"""Speed of news_dates, side by side with chrono-node, on the same news text.

    python3 tools/bench_dates.py --ext dist/newsdesk --data ../shared/data/tempeval3 \
        [--node-modules build/node_modules] [--mb 20] [--doc docs/bench-dates.md]

Text: the documents of tests/corpus when present, else the TempEval-3
documents with their tags stripped (read at run time, never committed),
else generated news-like sentences; repeated up to --mb megabytes. Each
document is one call with its own anchor, as a query over articles makes
it. Both tools run single-threaded in their own process; peak memory is the
maximum resident size of that process (/usr/bin/time -f %M). MB/s counts
input bytes over the CPU time of the process (user + system), so that other
load on the machine does not count.
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def load_docs(data):
    corpus = sorted(glob.glob(os.path.join(HERE, "..", "tests", "corpus", "*.txt")))
    if corpus:
        return "tests/corpus", [(open(p, encoding="utf-8").read(), None) for p in corpus]
    tml = sorted(glob.glob(os.path.join(data or "", "train", "*", "*.tml")))
    if tml:
        from eval_dates import load_timeml
        docs = []
        for p in tml:
            text, dct, _ = load_timeml(p)
            docs.append((text, dct[:10] if dct else None))
        return "TempEval-3 text (tags stripped)", docs
    rnd = random.Random(7)
    words = ("the minister said on Tuesday that talks would resume next week after "
             "a two-year pause while 1,200 workers struck in March 2023 and prices rose "
             "7 percent in the third quarter compared with a year earlier").split()
    docs = [(" ".join(rnd.choice(words) for _ in range(600)) + ".", "2023-03-17") for _ in range(200)]
    return "generated sentences", docs


def run_measured(cmd):
    """Run cmd; return (its stdout, peak RSS in KiB)."""
    if os.path.exists("/usr/bin/time"):
        with tempfile.NamedTemporaryFile("r", suffix=".mem") as mem:
            out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", mem.name] + cmd,
                                 check=True, capture_output=True, text=True).stdout
            return out, int(mem.read().strip().splitlines()[-1])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return out, 0


NEWS_WORKER = r"""
import json, sqlite3, sys, time
ext, path = sys.argv[1], sys.argv[2]
docs = json.load(open(path, encoding="utf-8"))
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(ext)
rows = 0
t0, c0 = time.perf_counter(), time.process_time()
for text, dct in docs:
    rows += db.execute("SELECT count(*) FROM news_dates(?, ?)", (text, dct)).fetchone()[0]
print(json.dumps({"seconds": time.process_time() - c0, "wall": time.perf_counter() - t0, "found": rows}))
"""

CHRONO_WORKER = r"""
const chrono = require(process.argv[2]);
const docs = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
let found = 0;
const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
for (const [text, dct] of docs) {
  const ref = dct ? new Date(dct + 'T12:00:00Z') : new Date();
  found += chrono.parse(text, ref).length;
}
const cpu = process.cpuUsage(c0);
const seconds = (cpu.user + cpu.system) / 1e6;
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({seconds, wall, found}));
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ext", default="dist/newsdesk")
    ap.add_argument("--data")
    ap.add_argument("--node-modules", default="build/node_modules")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--doc")
    args = ap.parse_args()
    ext = os.path.abspath(args.ext[:-3] if args.ext.endswith(".so") else args.ext)
    source, docs = load_docs(args.data)
    size = sum(len(t.encode()) for t, _ in docs)
    reps = max(1, int(args.mb * 1e6 / max(size, 1)))
    docs = docs * reps
    total = size * reps
    work = tempfile.mkdtemp(prefix="bench-dates-")
    try:
        docs_path = os.path.join(work, "docs.json")
        json.dump(docs, open(docs_path, "w", encoding="utf-8"))
        worker = os.path.join(work, "news.py")
        open(worker, "w").write(NEWS_WORKER)
        out, mem = run_measured([sys.executable, worker, ext, docs_path])
        news = json.loads(out)
        news["mem"] = mem
        chrono = None
        chrono_dir = os.path.join(os.path.abspath(args.node_modules), "chrono-node")
        if shutil.which("node") and os.path.isdir(chrono_dir):
            js = os.path.join(work, "chrono.js")
            open(js, "w").write(CHRONO_WORKER)
            out, mem = run_measured(["node", js, chrono_dir, docs_path])
            chrono = json.loads(out)
            chrono["mem"] = mem
        else:
            print("bench-dates: node or chrono-node absent; chrono-node column skipped")
    finally:
        shutil.rmtree(work)
    mb = total / 1e6
    lines = [
        f"text: {source}, {len(docs)} documents, {mb:.1f} MB, one call per document with its DCT as anchor",
        "",
        "| tool | MB/s per core | CPU seconds | expressions found | peak memory (MiB) |",
        "|---|---:|---:|---:|---:|",
        f"| news_dates (newsdesk) | {mb / news['seconds']:.1f} | {news['seconds']:.2f} | {news['found']} | {news['mem'] / 1024:.0f} |",
    ]
    if chrono:
        lines.append(f"| chrono-node {chrono_version(chrono_dir)} (chrono.parse) | {mb / chrono['seconds']:.1f} | "
                     f"{chrono['seconds']:.2f} | {chrono['found']} | {chrono['mem'] / 1024:.0f} |")
        lines.append("")
        lines.append(f"ratio news_dates / chrono-node: {chrono['seconds'] / news['seconds']:.1f}x")
    table = "\n".join(lines)
    print(table)
    if args.doc:
        with open(args.doc, "w", encoding="utf-8") as f:
            f.write(DOC_HEAD + table + "\n" + DOC_TAIL)
    return 0


def chrono_version(d):
    try:
        return json.load(open(os.path.join(d, "package.json")))["version"]
    except (OSError, ValueError, KeyError):
        return ""


DOC_HEAD = """# news_dates: speed

Figures of `make bench-dates` (the command below writes this page):

    make bench-dates SHARED_DIR=../shared
    # = npm install --prefix build chrono-node, then
    #   python3 tools/bench_dates.py --ext dist/newsdesk --data ../shared/data/tempeval3 \\
    #       --node-modules build/node_modules --mb 20 --doc docs/bench-dates.md

Single-threaded, each tool in its own process on the same documents; MB/s
counts input bytes over the CPU time the tagging took (user + system, so
load from other processes does not count; Node's garbage collector threads
count for chrono-node); peak memory is the process's maximum resident size
(`/usr/bin/time -f %M`), so it includes the Python or Node runtime.
chrono-node is what a JavaScript user would pick to find dates in text; it
finds fewer kinds of expressions (no durations, sets or vague references)
and does no TIMEX3 normalization, so the comparison is of speed only.

"""

DOC_TAIL = """
Machine: the development container (see `nproc`, `lscpu`); figures move with
the CPU, compare the ratio rather than the absolute numbers.
"""

if __name__ == "__main__":
    sys.exit(main())
