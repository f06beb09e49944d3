"""make bench-entities: speed of news_entities, side by side with compromise.

Input: the seed articles of ../shared/corpus/seeds, repeated to --mb MB and
tagged one article per call (as a query over a corpus does). Prints tokens/s
and MB/s on one core, the model's size, the time from loading the extension
to the first result, peak memory of a 50 MB single-input run, and
compromise's figures on the same articles (skipped with a message when
node/npm or the package are missing).
"""
import argparse
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--mb", type=float, default=8)
    ap.add_argument("--big-mb", type=int, default=50)
    args = ap.parse_args()
    ext = os.path.abspath(args.ext)
    seeds = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(args.seeds, "*.txt")))]
    if not seeds:
        sys.exit(f"bench-entities: no seed articles in {args.seeds}")
    articles, size = [], 0
    while size < args.mb * 1e6:
        for s in seeds:
            articles.append(s)
            size += len(s.encode("utf-8"))
    tokens = sum(len(re.findall(r"\w+|[^\w\s]", a)) for a in articles)
    mb = size / 1e6

    t0 = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.execute("SELECT count(*) FROM news_entities(?)", (seeds[0],)).fetchone()
    first_ms = (time.perf_counter() - t0) * 1000

    # CPU time of this process: the figure per core, whatever else runs.
    t0 = time.process_time()
    found = 0
    for a in articles:
        found += db.execute("SELECT count(*) FROM news_entities(?)", (a,)).fetchone()[0]
    secs = time.process_time() - t0
    model = os.path.getsize("ext/data/ner.model")
    print(f"news_entities: {len(articles)} articles, {mb:.1f} MB, {tokens} tokens, {found} entities")
    print(f"  {secs:.2f} s CPU: {tokens / secs:,.0f} tokens/s, {mb / secs:.2f} MB/s (one core)")
    print(f"  model {model / 1e6:.1f} MB; load + first result {first_ms:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as f:
            written = 0
            while written < args.big_mb * 1e6:
                for s in seeds:
                    f.write(s + "\n\n")
                    written += len(s.encode("utf-8")) + 2
        sql = f".load {ext[:-3] if ext.endswith('.so') else ext}\nSELECT count(*) FROM news_entities(readfile('{big}'));\n"
        r = subprocess.run(["/usr/bin/time", "-f", "%U %M", "sqlite3", "-batch", ":memory:"],
                           input=sql, capture_output=True, text=True)
        if r.returncode == 0:
            e, kb = r.stderr.strip().split()[-2:]
            print(f"  one {written / 1e6:.0f} MB input: {float(e):.1f} s CPU, {r.stdout.strip()} entities, "
                  f"peak memory {int(kb) / 1024:.0f} MB")
        else:
            print(f"  one {args.big_mb} MB input: failed: {r.stderr.strip()[-200:]}")

        node = shutil.which("node")
        lib = os.path.join("build", "bench-npm", "node_modules", "compromise")
        if not node or not os.path.isdir(lib):
            print("compromise: skipped (needs node and npm: npm install --prefix build/bench-npm compromise)")
            return
        texts = os.path.join(tmp, "articles.json")
        with open(texts, "w", encoding="utf-8") as f:
            json.dump(articles, f)
        r = subprocess.run(["/usr/bin/time", "-f", "%M", node, "tools/bench-entities.js", texts],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"compromise: failed: {r.stderr.strip()[-300:]}")
            return
        out = json.loads(r.stdout.strip().splitlines()[-1])
        cs = out["seconds"]
        print(f"compromise: {cs:.2f} s CPU: {tokens / cs:,.0f} tokens/s, {mb / cs:.2f} MB/s, "
              f"{out['entities']} entities, peak memory {int(r.stderr.split()[-1]) / 1024:.0f} MB")
        print(f"news_entities / compromise speed: {cs / secs:.1f}x")


if __name__ == "__main__":
    main()
