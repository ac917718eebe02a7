#!/usr/bin/env bash
# Query benchmark (not a test): builds a store from every Reuters-21578
# article in ../shared/eval (once), then times typical queries with
# `newsgraph query --time`, which reports parse, load, plan and run times
# separately. The figure to watch is "run": the query itself, graph loaded.
#
# usage: bench/query_bench.sh [NEWSGRAPH_BINARY] [STORE]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/newsgraph}"
db="${2:-/tmp/newsgraph-bench-reuters.db}"
eval_dir="$here/../shared/eval"
if [[ ! -s "$db" ]]; then
  tmp="$(mktemp -d)"
  python3 "$eval_dir/reuters_to_files.py" "$tmp/reuters" >/dev/null
  echo "ingesting $(ls "$tmp/reuters" | grep -c '\.txt$') Reuters articles into $db ..." >&2
  "$bin" --db "$db" ingest "$tmp/reuters" | tail -1 >&2
  rm -rf "$tmp"
fi
queries=(
  "MATCH (d:Document)-[:REPORTS]->(f:Figure {kind: 'actual'})-[:MEASURES]->(m:Metric) WHERE f.unit = 't' AND f.value > 1000000 RETURN m.id, f.value, d.title ORDER BY f.value DESC LIMIT 20"
  "MATCH (c:Company)<-[:MENTIONS]-(d:Document) RETURN c.name, count(d) AS docs ORDER BY docs DESC LIMIT 10"
  "MATCH (c:Country {name: 'China'})<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(x:Company) RETURN x.name, count(*) AS n ORDER BY n DESC LIMIT 10"
  "MATCH (f:Figure)-[:MEASURES]->(m:Metric) WHERE m.id CONTAINS 'alumin' RETURN m.id, count(f), min(f.value), max(f.value)"
  "MATCH (a:Company)-[r:INVESTS_IN|OPERATES_IN|ACQUIRED]->(b) RETURN a.name, type(r), b.name LIMIT 50"
  "MATCH (d:Document) WHERE d.title =~ '(?i).*alumin(i)?um.*' RETURN count(*)"
)
for q in "${queries[@]}"; do
  echo "$q"
  for i in 1 2 3; do
    "$bin" --db "$db" query --time --format csv "$q" 2>&1 >/dev/null | grep '^time:' | sed 's/^/  /'
  done
done
