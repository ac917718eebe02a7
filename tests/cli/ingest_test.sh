#!/usr/bin/env bash
# End-to-end ingest: good files land next to bad ones, each bad file is
# reported with its name and reason, re-ingest changes nothing, a changed
# file replaces its facts, exit codes are as SPEC says.
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/in"
cp "$src"/corpus/*.txt "$tmp/in/"
: > "$tmp/in/empty.txt"
printf 'Output rose to 5.3 pct in Zaragoza \xe9t\xe9 report.\n' > "$tmp/in/latin1.txt"
printf '\x00\x01\x02binary\x00' > "$tmp/in/blob.bin"
printf '{"id": 1, "title": {"rendered": "Broken' > "$tmp/in/truncated.json"
n_good=$(ls "$src"/corpus/*.txt | wc -l)

"$bin" --db "$tmp/g.db" ingest "$tmp/in" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "ingest with bad files should exit 1, got $rc"
grep -q "empty.txt: empty file" "$tmp/err" || fail "empty file not reported: $(cat "$tmp/err")"
grep -q "blob.bin: binary file" "$tmp/err" || fail "binary file not reported"
grep -q "truncated.json: .*JSON" "$tmp/err" || fail "truncated JSON not reported"
grep -q "latin1.txt" "$tmp/err" && fail "Latin-1 text should land, not fail"
docs=$(sqlite3 "$tmp/g.db" "SELECT count(*) FROM documents")
[ "$docs" -eq $((n_good + 1)) ] || fail "expected $((n_good + 1)) documents, found $docs"

# Re-ingest: nothing changes.
before=$(sqlite3 "$tmp/g.db" "SELECT group_concat(id || content_hash) FROM documents ORDER BY id")
"$bin" --db "$tmp/g.db" ingest "$tmp/in" 2> "$tmp/err2"
grep -q "0 added, 0 replaced" "$tmp/err2" || fail "re-ingest changed something: $(tail -1 "$tmp/err2")"
after=$(sqlite3 "$tmp/g.db" "SELECT group_concat(id || content_hash) FROM documents ORDER BY id")
[ "$before" = "$after" ] || fail "re-ingest changed documents"

# A changed document replaces its old facts, under the same identity.
f="$tmp/in/$(basename "$(ls "$src"/corpus/*.txt | head -1)")"
echo "Aluminium output reached 42 million tonnes in 2024." >> "$f"
"$bin" --db "$tmp/g.db" ingest "$tmp/in" 2> "$tmp/err3"
grep -q "0 added, 1 replaced" "$tmp/err3" || fail "changed file not replaced: $(tail -1 "$tmp/err3")"
docs=$(sqlite3 "$tmp/g.db" "SELECT count(*) FROM documents")
[ "$docs" -eq $((n_good + 1)) ] || fail "replace duplicated a document ($docs)"

# A path that does not exist fails alone; stdin works.
"$bin" --db "$tmp/g.db" ingest "$tmp/nope.txt" 2> "$tmp/err4"; rc=$?
[ $rc -eq 1 ] && grep -q "nope.txt: no such file" "$tmp/err4" || fail "missing path: rc=$rc $(cat "$tmp/err4")"
echo "Alumina capacity stood at 110 million tonnes." | "$bin" --db "$tmp/g.db" ingest - 2>/dev/null \
  || fail "stdin ingest failed"

# A store in a directory that does not exist: clear error, exit 2.
"$bin" --db "$tmp/no/such/dir/g.db" ingest "$f" 2> "$tmp/err5"; rc=$?
[ $rc -eq 2 ] && grep -q "does not exist" "$tmp/err5" || fail "bad store dir: rc=$rc $(cat "$tmp/err5")"

# extract prints one valid JSON line per article.
"$bin" extract "$src"/corpus/*.txt > "$tmp/x.jsonl" || fail "extract failed"
python3 - "$tmp/x.jsonl" "$n_good" <<'PY' || fail "extract output is not one JSON object per article"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == int(sys.argv[2]), len(lines)
for l in lines:
    d = json.loads(l)
    assert set(d) >= {"doc", "entities", "figures", "relations"}
    assert d["doc"]["path"] and d["doc"]["id"]
PY
echo "1 passed, 0 failed"
