#!/bin/bash
# The whole suite: C unit tests, SQL scripts with expected output (stdout
# and stderr), Python tests through the standard sqlite3 module.
# Environment (set by `make test`): NEWSDESK_EXT, SQLITE3, PYTHON, SHARED_DIR, UNIT_DIR.
# Ends with the line "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.." || exit 2
: "${NEWSDESK_EXT:=dist/newsdesk.so}" "${SQLITE3:=sqlite3}" "${PYTHON:=/usr/bin/python3}"
: "${SHARED_DIR:=../shared}" "${UNIT_DIR:=build/tests}"
export NEWSDESK_EXT SHARED_DIR
pass=0 fail=0 skip=0
failed=""
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# 1. Engine unit tests: each binary prints "ok/FAIL name" lines and a count.
for t in "$UNIT_DIR"/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if "$t" >"$tmp/out" 2>&1; then
    pass=$((pass + 1)); echo "ok   unit/$name"
  else
    fail=$((fail + 1)); failed="$failed unit/$name"; echo "FAIL unit/$name"; sed 's/^/     /' "$tmp/out" | tail -40
  fi
done

# 2. SQL scripts: stdout and stderr together must equal the .expected file.
ext_noso=${NEWSDESK_EXT%.so}
for f in tests/sql/*.sql; do
  [ -f "$f" ] || continue
  name=${f#tests/sql/}
  exp=${f%.sql}.expected
  "$SQLITE3" -batch -cmd ".load $ext_noso" :memory: <"$f" >"$tmp/out" 2>&1
  if [ -f "$exp" ] && diff -u "$exp" "$tmp/out" >"$tmp/diff"; then
    pass=$((pass + 1)); echo "ok   sql/$name"
  else
    fail=$((fail + 1)); failed="$failed sql/$name"; echo "FAIL sql/$name"
    [ -f "$exp" ] || echo "     (no ${exp})"
    head -60 "$tmp/diff" | sed 's/^/     /'
  fi
done

# 3. Python tests (unittest), through Debian's python3 and its sqlite3 module.
if "$PYTHON" tests/python/run.py >"$tmp/py" 2>&1; then :; fi
cat "$tmp/py"
line=$(grep -E '^python: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$tmp/py" | tail -1)
if [ -n "$line" ]; then
  set -- $(echo "$line" | tr -dc '0-9 ' )
  pass=$((pass + $1)); fail=$((fail + $2)); skip=$((skip + $3))
  [ "$2" -eq 0 ] || failed="$failed python"
else
  fail=$((fail + 1)); failed="$failed python(runner)"
fi

echo
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
