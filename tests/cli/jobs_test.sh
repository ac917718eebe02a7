#!/usr/bin/env bash
# ingest --jobs N stores exactly what --jobs 1 stores (one writer, input
# order); extract --jobs N prints exactly what --jobs 1 prints, in input
# order, with the broken file's message and exit 1; a bad --jobs value is a
# usage error.
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/in"
for i in 1 2 3; do mkdir -p "$tmp/in/copy$i"; cp "$src"/corpus/* "$tmp/in/copy$i/"; done
"$bin" --db "$tmp/one.db" ingest --jobs 1 "$tmp/in" 2>/dev/null || fail "ingest --jobs 1 failed"
"$bin" --db "$tmp/four.db" ingest --jobs 4 "$tmp/in" 2>/dev/null || fail "ingest --jobs 4 failed"
"$bin" --db "$tmp/one.db" export --format jsonl > "$tmp/one.jsonl"
"$bin" --db "$tmp/four.db" export --format jsonl > "$tmp/four.jsonl"
[ -s "$tmp/one.jsonl" ] || fail "empty export"
cmp -s "$tmp/one.jsonl" "$tmp/four.jsonl" || fail "--jobs 4 stored something else than --jobs 1"
"$bin" --db "$tmp/x.db" ingest --jobs 0 "$tmp/in" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "--jobs 0 should be a usage error (exit 2), got $rc"
grep -q -- "--jobs" "$tmp/err" || fail "--jobs error should name the option"
printf '\x00\x01binary' > "$tmp/in/copy2/broken.bin"
"$bin" extract --jobs 1 "$tmp/in" > "$tmp/x1.jsonl" 2>"$tmp/e1"; rc1=$?
"$bin" extract --jobs 3 "$tmp/in" > "$tmp/x3.jsonl" 2>"$tmp/e3"; rc3=$?
[ "$(wc -l < "$tmp/x1.jsonl")" -eq 15 ] || fail "extract --jobs 1 should print 15 articles"
cmp -s "$tmp/x1.jsonl" "$tmp/x3.jsonl" || fail "extract --jobs 3 printed something else than --jobs 1"
[ $rc1 -eq 1 ] && [ $rc3 -eq 1 ] || fail "a broken file should make extract exit 1 ($rc1, $rc3)"
grep -q "broken.bin" "$tmp/e3" || fail "extract --jobs 3 should name the broken file"
"$bin" extract --jobs abc "$tmp/in" >/dev/null 2>&1; [ $? -eq 2 ] || fail "extract --jobs abc should be a usage error"
echo "2 passed, 0 failed"
