#!/bin/sh
# make demo: example queries over the sample corpus in the sqlite3 shell.
# Usage: sh tools/demo.sh path/to/newsdesk.so  (SQLITE3 names the shell)
# The DESIGN examples (sql/demo-extract.sql) run only when the extension
# registers news_dates and news_entities.
set -e
cd "$(dirname "$0")/.."
ext=${1:-dist/newsdesk.so}
sqlite=${SQLITE3:-sqlite3}
ext=${ext%.so}
"$sqlite" -batch -bail -cmd ".load $ext" :memory: <sql/demo.sql
have=$("$sqlite" -batch -cmd ".load $ext" :memory: \
  "SELECT count(*) FROM pragma_module_list WHERE name IN ('news_dates', 'news_entities')")
if [ "$have" = 2 ]; then
  "$sqlite" -batch -bail -cmd ".load $ext" :memory: <sql/demo-extract.sql
else
  echo
  echo "(news_dates and news_entities are not in this build: skipping the DESIGN examples)"
fi
