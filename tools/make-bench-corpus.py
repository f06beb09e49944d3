"""Build a deterministic synthetic corpus for `make bench` from tests/corpus.

    python3 tools/make-bench-corpus.py --articles 20000 --out build/bench-corpus

Each synthetic article takes a sample file as its template (same format, same
furniture: navigation, meta tags, cookie banners...) and grows its body to
about 5 KB with paragraphs drawn from the other samples, with names and
numbers varied so that no two files are alike. One article in ten lives in a
JSON Lines export of ten records. Files are spread over folders of 100. The
same arguments always give the same bytes (seeded PRNG, sorted inputs).
"""
import argparse
import html
import json
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(os.path.dirname(HERE), "tests", "corpus")
TARGET_BYTES = 5000
FURNITURE = re.compile(r"(?i)see also|read more|share|cookie|comment|advertisement|subscribe|"
                       r"back to top|source link|related|lire aussi|lesen sie|te puede|partager|"
                       r"compartir|teilen|copyright|sign up")


def paragraphs_of(path, data):
    """Body paragraphs of a sample (long enough, no furniture)."""
    if path.endswith((".html", ".htm", ".xhtml")):
        found = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"(?s)<p[^>]*>(.*?)</p>", data)]
    elif path.endswith((".json", ".jsonl")):
        recs = json.loads(data) if path.endswith(".json") else [json.loads(l) for l in data.splitlines() if l.strip()]
        found = []
        for r in recs:
            body = r.get("maintext") or r.get("articleBody") or ""
            found += [re.sub(r"<[^>]+>", " ", p) for p in body.split("\n\n")]
    else:
        found = data.split("\n\n")
    return [" ".join(p.split()) for p in found if len(p.split()) >= 20 and not FURNITURE.search(p)]


FIRST = ["Amira", "Jonas", "Keiko", "Mateo", "Olga", "Tariq", "Ingrid", "Pedro", "Chloe", "Dmitri",
         "Fatima", "Henrik", "Lucia", "Nnamdi", "Sakura", "Viktor", "Zainab", "Emil", "Rosa", "Idris"]
LAST = ["Okonkwo", "Lindahl", "Moreau", "Castillo", "Petrova", "Haddad", "Nakamura", "Schreiber",
        "Almeida", "Kowalski", "Brennan", "Osei", "Varga", "Delacroix", "Sato", "Fischer"]
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
NUMBER = re.compile(r"\b\d{2,}\b")


def vary(text, rng):
    """Swap person-like names and numbers so files differ."""
    text = NAME.sub(lambda m: m.group(0) if rng.random() < 0.5 else f"{rng.choice(FIRST)} {rng.choice(LAST)}", text)
    return NUMBER.sub(lambda m: str(rng.randint(10, 999)), text)


def grow(template_path, template, pool, rng):
    """The template with extra body paragraphs up to TARGET_BYTES."""
    extra = []
    size = len(template.encode())
    while size < TARGET_BYTES:
        p = vary(rng.choice(pool), rng)
        extra.append(p)
        size += len(p.encode()) + 9
    if template_path.endswith((".html", ".htm", ".xhtml")):
        block = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in extra)
        idx = template.rfind("</p>")
        return template[: idx + 4] + "\n" + block + template[idx + 4:]
    block = "\n\n".join(extra)
    lines = template.split("\n\n")
    cut = max(2, len(lines) * 2 // 3)  # inside the body, before the trailing furniture
    return "\n\n".join(lines[:cut] + [block] + lines[cut:])


def jsonl_record(pool, rng, k):
    body = []
    while sum(len(p) for p in body) < TARGET_BYTES - 600:
        body.append(vary(rng.choice(pool), rng))
    return json.dumps({
        "headline": vary(rng.choice(pool), rng)[:80].rsplit(" ", 1)[0],
        "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "datePublished": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "inLanguage": "en",
        "link": f"https://bench.example/{k}",
        "articleBody": "\n\n".join(body),
    }, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--out", default="build/bench-corpus")
    args = ap.parse_args()

    templates, pool = [], []
    for root, _, files in sorted(os.walk(SAMPLES)):
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                data = f.read()
            pool += paragraphs_of(path, data)
            if not name.endswith((".json", ".jsonl")):
                templates.append((name, data))

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    rng = random.Random(20230317)
    made = files = 0
    while made < args.articles:
        folder = os.path.join(args.out, f"{files // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        if files % 100 == 99 and args.articles - made >= 10:
            records = [jsonl_record(pool, rng, made + k) for k in range(10)]
            path, data, n = os.path.join(folder, f"export-{files:05d}.jsonl"), "\n".join(records) + "\n", 10
        else:
            name, template = templates[files % len(templates)]
            stem, ext = os.path.splitext(name)
            path, data, n = os.path.join(folder, f"{stem}-{files:05d}{ext}"), grow(name, vary(template, rng), pool, rng), 1
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)
        made += n
        files += 1
    print(f"{args.out}: {made} articles in {files} files")


if __name__ == "__main__":
    main()
