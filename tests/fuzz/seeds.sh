#!/bin/sh
# Write the seed corpus of one fuzz target into a folder (created; files
# already there, from earlier runs, are kept): small hand-made strings that
# reach the interesting paths, plus the sample corpus tests/corpus/ and the
# SQL test scripts where they fit. Usage: seeds.sh TARGET DIR
set -eu
t=$1 dir=$2
mkdir -p "$dir"
n=0
seed() { n=$((n + 1)); printf "$1" >"$dir/seed-$n"; }
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
    ;;
  *)
    text_seeds
    files tests/corpus/*
    ;;
esac
