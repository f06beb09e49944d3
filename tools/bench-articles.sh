#!/bin/sh
# make bench-articles: news_articles throughput and peak memory, beside cat.
# Usage: sh tools/bench-articles.sh path/to/newsdesk.so  (SQLITE3: the shell)
# Needs build/bench-corpus and build/bench-corpus-5k (tools/articles.mk).
# Every figure is the best of 3 runs from the page cache (warmed first),
# single-threaded; MB/s counts the bytes of the files read.
set -e
cd "$(dirname "$0")/.."
ext=${1:-dist/newsdesk.so}
ext=${ext%.so}
sqlite=${SQLITE3:-sqlite3}
big=build/bench-corpus
small=build/bench-corpus-5k
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Same files, same order as news_articles reads them.
find "$big" -type f -print | LC_ALL=C sort >"$tmp/files"
bytes=$(xargs cat <"$tmp/files" | wc -c)
xargs cat <"$tmp/files" >/dev/null # warm the page cache
articles=$("$sqlite" -batch -cmd ".load $ext" :memory: "SELECT count(*) FROM news_articles('$big')")

# best CMD...: run 3 times, keep the line "wall user sys maxrss_kb" of the fastest.
best() {
  for i in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null
    cat "$tmp/t"
  done | sort -n | head -1
}
row() { # label, "wall user sys rss"
  echo "$2" | awk -v label="$1" -v b="$bytes" -v n="$articles" '{
    cpu = $2 + $3
    printf "| %s | %.2f | %.2f | %.1f | %.0f | %.1f | %.1f |\n", label, $1, cpu, b / 1e6 / $1, n / $1, b / 1e6 / cpu, $4 / 1024 }'
}
q() { echo "$sqlite -batch -cmd '.load $ext' :memory: \"$1\""; }

full="SELECT count(*), sum(words) FROM news_articles('$big')"
scan="SELECT count(*), sum(bytes) FROM news_articles('$big')"
r_cat=$(best sh -c "xargs cat <'$tmp/files' >/dev/null")
r_full=$(best "$sqlite" -batch -cmd ".load $ext" :memory: "$full")
r_scan=$(best "$sqlite" -batch -cmd ".load $ext" :memory: "$scan")
r_small=$(best "$sqlite" -batch -cmd ".load $ext" :memory: \
  "SELECT count(*), sum(words) FROM news_articles('$small')")
small_articles=$("$sqlite" -batch -cmd ".load $ext" :memory: "SELECT count(*) FROM news_articles('$small')")

echo "news_articles over $big: $articles articles in $(wc -l <"$tmp/files") files, $bytes bytes"
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(uname -srm)"
echo
echo "| run | wall s | CPU s | MB/s (wall) | articles/s | MB/s per CPU s | peak MB |"
echo "|---|---|---|---|---|---|---|"
row "cat (physical reference)" "$r_cat"
row "news_articles: count(*), sum(words) (parse every article)" "$r_full"
row "news_articles: count(*), sum(bytes) (scan and read only)" "$r_scan"
echo
echo "| corpus | articles | peak MB |"
echo "|---|---|---|"
echo "$r_small" | awk -v n="$small_articles" '{ printf "| build/bench-corpus-5k | %d | %.1f |\n", n, $4 / 1024 }'
echo "$r_full" | awk -v n="$articles" '{ printf "| build/bench-corpus | %d | %.1f |\n", n, $4 / 1024 }'
echo
echo "parse vs cat, wall: $(echo "$r_cat $r_full" | awk '{ printf "%.2f", $1 / $5 }')x;" \
  "CPU: $(echo "$r_cat $r_full" | awk '{ printf "%.2f", ($2 + $3) / ($6 + $7) }')x (1 = as fast as cat)"
echo "queries: $(q "$full")"
echo "         $(q "$scan")"
