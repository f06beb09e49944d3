"""make bench-entities: speed of news_entities, side by side with compromise.

Two inputs, each tagged one article per call, as a query over a corpus does:
- distinct articles (the headline figure): every news document of
  ../shared/data, once: the TempEval-3 TimeML texts with their tags stripped
  and the CoNLL-2003 train and dev documents with their tokens rejoined.
  No article repeats, so the connection's cache of word forms (nd_ner_cache)
  starts cold and fills as a real corpus would fill it;
- the seed articles of ../shared/corpus/seeds repeated to --mb MB: the same
  five articles again and again, so nearly every word is in the cache (an
  upper bound, what a corpus of near-duplicates sees).
Prints tokens/s and MB/s on one core (CPU time of the process), the model's
size, the time from loading the extension to the first result, peak memory
of a 50 MB single-input run, and compromise's figures on the distinct
articles (skipped with a message when node/npm or the package are missing).
"""
import argparse
import glob
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time


def tempeval_texts(root):
    """The <TEXT> of every TimeML document under root, tags stripped."""
    out = []
    for p in sorted(glob.glob(os.path.join(root, "**", "*.tml"), recursive=True)):
        m = re.search(r"<TEXT>(.*?)</TEXT>", open(p, encoding="utf-8").read(), re.S)
        if m:
            out.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip())
    return out


def conll_texts(path):
    """CoNLL-2003 documents as text: tokens joined by spaces, no space
    before closing punctuation, one line per sentence."""
    docs, sents, words = [], [], []
    no_space_before = {",", ".", ";", ":", "!", "?", ")", "'s", "n't", "%"}

    def end_sentence():
        if words:
            line = ""
            for w in words:
                line += w if (not line or w in no_space_before or line.endswith("(")) else " " + w
            sents.append(line)
            words.clear()

    for line in open(path, encoding="utf-8"):
        if line.startswith("-DOCSTART-"):
            end_sentence()
            if sents:
                docs.append("\n".join(sents))
                sents.clear()
        elif not line.strip():
            end_sentence()
        else:
            words.append(line.split(" ")[0])
    end_sentence()
    if sents:
        docs.append("\n".join(sents))
    return docs


def count_tokens(articles):
    return sum(len(re.findall(r"\w+|[^\w\s]", a)) for a in articles)


# Reads score and canonical, so that every column is computed (news_entities
# skips the forward-backward pass and the canonical names for a query that
# reads neither); SPANS_ONLY is such a query.
FULL = "SELECT count(*), sum(score), count(canonical) FROM news_entities(?)"
SPANS_ONLY = "SELECT count(*) FROM news_entities(?)"


def run_entities(ext, articles, sql=FULL):
    """CPU seconds and entities of one fresh connection over the articles."""
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(ext)
    t0 = time.process_time()
    found = 0
    for a in articles:
        found += db.execute(sql, (a,)).fetchone()[0]
    secs = time.process_time() - t0
    db.close()
    return secs, found


def report(name, articles, secs, found):
    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    tokens = count_tokens(articles)
    print(f"news_entities, {name}: {len(articles)} articles, {mb:.2f} MB, {tokens} tokens, "
          f"{found} entities")
    print(f"  {secs:.2f} s CPU: {tokens / secs:,.0f} tokens/s, {mb / secs:.2f} MB/s (one core)")
    return mb, tokens


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--data", required=True, help="../shared/data")
    ap.add_argument("--mb", type=float, default=8)
    ap.add_argument("--big-mb", type=int, default=50)
    args = ap.parse_args()
    ext = os.path.abspath(args.ext)
    seeds = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(args.seeds, "*.txt")))]
    if not seeds:
        sys.exit(f"bench-entities: no seed articles in {args.seeds}")
    distinct = tempeval_texts(os.path.join(args.data, "tempeval3"))
    for part in ("train.txt", "dev.txt"):
        path = os.path.join(args.data, "conll2003", part)
        if os.path.exists(path):
            distinct += conll_texts(path)
    if not distinct:
        sys.exit(f"bench-entities: no TempEval-3 or CoNLL-2003 documents under {args.data}")
    repeated, size = [], 0
    while size < args.mb * 1e6:
        for s in seeds:
            repeated.append(s)
            size += len(s.encode("utf-8"))

    t0 = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.execute("SELECT count(*) FROM news_entities(?)", (seeds[0],)).fetchone()
    first_ms = (time.perf_counter() - t0) * 1000
    db.close()

    secs, found = run_entities(ext, distinct)
    mb, tokens = report("distinct articles, cold cache, all columns", distinct, secs, found)
    ssecs, sfound = run_entities(ext, distinct, SPANS_ONLY)
    report("the same, reading neither score nor canonical", distinct, ssecs, sfound)
    rsecs, rfound = run_entities(ext, repeated)
    report("the 5 seed articles repeated, all columns", repeated, rsecs, rfound)
    model = os.path.getsize("ext/data/ner.model")
    print(f"  model {model / 1e6:.1f} MB; load + first result {first_ms:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as f:
            written = 0
            while written < args.big_mb * 1e6:
                for s in seeds:
                    f.write(s + "\n\n")
                    written += len(s.encode("utf-8")) + 2
        sql = f".load {ext[:-3] if ext.endswith('.so') else ext}\nSELECT count(*), sum(score), count(canonical) FROM news_entities(readfile('{big}'));\n"
        r = subprocess.run(["/usr/bin/time", "-f", "%U %M", "sqlite3", "-batch", ":memory:"],
                           input=sql, capture_output=True, text=True)
        if r.returncode == 0:
            e, kb = r.stderr.strip().split()[-2:]
            print(f"  one {written / 1e6:.0f} MB input: {float(e):.1f} s CPU, {r.stdout.split('|')[0]} entities, "
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
            json.dump(distinct, f)
        r = subprocess.run(["/usr/bin/time", "-f", "%M", node, "tools/bench-entities.js", texts],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"compromise: failed: {r.stderr.strip()[-300:]}")
            return
        out = json.loads(r.stdout.strip().splitlines()[-1])
        cs = out["seconds"]
        print(f"compromise, distinct articles: {cs:.2f} s CPU: {tokens / cs:,.0f} tokens/s, "
              f"{mb / cs:.2f} MB/s, {out['entities']} entities, "
              f"peak memory {int(r.stderr.split()[-1]) / 1024:.0f} MB")
        print(f"news_entities / compromise speed on the distinct articles: {cs / secs:.1f}x")


if __name__ == "__main__":
    main()
