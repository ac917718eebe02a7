#!/usr/bin/env bash
# Exports load into the tools they are for: GraphML is valid XML with every
# node, DOT parses with Graphviz, JSONL is one JSON object a line, CSV has
# Neo4j import headers; stats reports what the store holds.
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" --db "$tmp/g.db" ingest "$src/corpus" 2>/dev/null || fail "ingest of corpus failed"
nodes=$("$bin" --db "$tmp/g.db" export --format jsonl | python3 -c '
import json, sys
n = e = 0
for line in sys.stdin:
    o = json.loads(line)
    if o["kind"] == "node": n += 1
    else: e += 1
print(n)') || fail "jsonl export is not JSON lines"
[ "$nodes" -ge 5 ] || fail "jsonl export has $nodes nodes, expected at least the 5 documents"

"$bin" --db "$tmp/g.db" export --format graphml > "$tmp/g.graphml" || fail "graphml export failed"
if command -v xmllint >/dev/null; then
  xmllint --noout "$tmp/g.graphml" || fail "graphml is not well-formed XML"
fi
[ "$(grep -c '<node ' "$tmp/g.graphml")" -eq "$nodes" ] || fail "graphml node count differs from jsonl"

"$bin" --db "$tmp/g.db" export --format dot > "$tmp/g.dot" || fail "dot export failed"
if command -v dot >/dev/null; then
  dot -Tsvg "$tmp/g.dot" > /dev/null || fail "Graphviz cannot read the dot export"
fi

"$bin" --db "$tmp/g.db" export --format csv --out "$tmp/csv" 2>/dev/null || fail "csv export failed"
head -1 "$tmp/csv/nodes.csv" | grep -q '^id:ID,:LABEL' || fail "nodes.csv lacks Neo4j headers"
head -1 "$tmp/csv/relationships.csv" | grep -q '^:START_ID,:END_ID,:TYPE' || fail "relationships.csv lacks Neo4j headers"
[ $(( $(wc -l < "$tmp/csv/nodes.csv") - 1 )) -eq "$nodes" ] || fail "nodes.csv row count differs"

"$bin" --db "$tmp/g.db" export --format csv 2>"$tmp/err" && fail "csv without --out should fail"
grep -q -- "--out" "$tmp/err" || fail "csv without --out should say to give --out"
"$bin" --db "$tmp/g.db" export --format xml 2>/dev/null && fail "unknown format should fail"

"$bin" --db "$tmp/g.db" stats > "$tmp/stats" || fail "stats failed"
grep -q "5 documents" "$tmp/stats" || fail "stats does not report 5 documents"
grep -q "2025-03-28" "$tmp/stats" || fail "stats does not show publication dates"
echo "1 passed, 0 failed"
