#!/bin/sh
# Write the seed corpus of one fuzz target into a folder (created; files
# already there, from earlier runs, are kept): small hand-made strings that
# reach the interesting paths, plus the files of the sample corpus
# tests/corpus/ and the SQL test scripts where they fit. Usage: seeds.sh TARGET DIR
set -eu
t=$1 dir=$2
mkdir -p "$dir"
n=0
seed() { n=$((n + 1)); printf -- "$1" >"$dir/seed-$n"; }
files() { # copy files, at most 64 KiB of each
  for f in "$@"; do [ -f "$f" ] && head -c 65536 "$f" >"$dir/file-$(basename "$f")"; done; :
}
text_seeds() {
  seed 'Mr. Putin spoke. Xi listened.\n\nU.S. officials said on Jan. 5 that it was over.'
  seed '\302\253 Tr\303\250s bien \302\273, a dit M. Macron. Zelenskyy \303\240 Kyiv.'
  seed '\346\227\245\346\234\254\350\252\236\343\200\202\346\226\207\343\200\202'
  seed 'bad \300\200 overlong \355\240\200 surrogate \377 and a NUL \000 inside.'
  seed 'Wait... what?! "Yes." (No.) Next line\nlower case goes on\nUpper starts.'
  seed 'On March 17, 2023 at 10 a.m., next week, 2023-03-20, spring of 2023.'
  seed 'Volodymyr ZELENSK\303\235 met Xi Jinping in Beijing; Putin and the U.N. did not.'
}
case $t in
  regexp)
    seed '\\bXi\\s+Jinping\\b\000Chinese President Xi Jinping'
    seed '(?i)zelensk[iy]y?\000ZELENSKYY'
    seed '(a+)+$\000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'
    seed '(\000x'
    seed '\\p{Lu}\\X\000\303\211\314\201'
    seed '(?<=\\d{3})x\000123x'
    ;;
  sqltext)
    files tests/sql/*.sql
    seed "SELECT * FROM news_sentences('A b. C d.') WHERE input IN ('x', 'A b.');"
    seed "CREATE TABLE t(x); INSERT INTO t VALUES ('Mr. X. Y z.'), (NULL), (x'ff00');\nSELECT * FROM t, news_sentences(t.x);"
    seed "CREATE INDEX i ON t(news_normalize(x)); SELECT news_regexp('(a|b)*c', x) FROM t;"
    seed "SELECT d.* FROM news_sentences('Xi met Putin on March 3, 2023. Next week, more.') s, news_dates(s.text, '2023-03-01') d, news_entities(s.text) e;"
    ;;
  dates)
    # First byte: 0 no anchor, 1 anchor text before the first NUL, 2 eight
    # bytes of anchor fields (see fuzz_dates.c).
    seed '\000On March 17, 2023 at 10 a.m., next week, 2023-03-20, spring of 2023.'
    seed '\0012023-03-17T10:00:00Z\000Two weeks ago, last Friday, the 1990s, every Monday.'
    seed '\00120230317\000Yesterday and the day before; fiscal 2023; Q3; February 14-22.'
    seed '\002\347\007\002\034\001\027\073\073three days from now, the past two months, noon.'
    seed '\002\377\177\013\036\000\000\000\000last year, next decade, in the 21st century.'
    seed '\001yesterday\000in 2019-2021 and 17/03/2023, 3/17.'
    files tests/corpus/text/*
    ;;
  article_text) text_seeds; files tests/corpus/text/* ;;
  article_markdown) files tests/corpus/markdown/*
    seed '---\ntitle: "A: b"\ndate: 2023-03-17\nauthor: [X, Y]\n---\n# Head\n\nBody *with* [link](u) and `code`.\n' ;;
  article_html) files tests/corpus/html/*
    seed '<html><head><title>T</title><meta property="og:url" content="u"></head><body><article><p>A &amp; b&#x20AC;.</p><script>x</script></article></body></html>' ;;
  article_json) files tests/corpus/exports/*.json
    seed '{"title": "T\\u00e9", "body": "A b.\\nC d.", "date": "2023-03-17", "url": null, "author": ["X"]}' ;;
  jsonl) files tests/corpus/exports/*
    seed '{"title": "a"}\n{"title": "b", "text": "c"}\n{bad\n\n[1,2]\n'
    seed '[{"headline": "a"}, {"headline": "b"}]' ;;
  *)
    text_seeds
    files tests/corpus/*/*
    ;;
esac
