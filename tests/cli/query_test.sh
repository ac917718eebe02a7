#!/usr/bin/env bash
# End-to-end query engine: `query` in every format and its error exits, and
# every everyday subcommand (entities, figures, targets, neighbors, path)
# over the five corpus articles, including issue 5's bar: the 2025-2027
# plan's targets each listed once with their sources, `neighbors MIIT` shows
# the plan, `path Hydro China` finds a connection with evidence.
set -uo pipefail
bin=$1 src=$2
ls "$src"/corpus/* >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db="$tmp/q.db"
ng() { "$bin" --db "$db" "$@"; }

ng ingest "$src/corpus" > /dev/null 2>&1

# query: formats.
ng query 'MATCH (d:Document) RETURN d.id AS id ORDER BY id' > "$tmp/t" || fail "table query failed"
grep -q '^id' "$tmp/t" || fail "table header missing"
grep -q "(5 rows)" "$tmp/t" || fail "expected 5 documents: $(cat "$tmp/t")"
ng query --format json 'MATCH (d:Document) RETURN d.id AS id, d.title AS title' > "$tmp/j" || fail "json query failed"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert len(a)==5 and list(a[0])==["id","title"], a' "$tmp/j" || fail "bad JSON"
ng query --format csv 'MATCH (f:Figure) RETURN f.sentence AS s, f.value AS v LIMIT 5' > "$tmp/c" || fail "csv query failed"
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); assert r[0]==["s","v"] and all(len(x)==2 for x in r), r' "$tmp/c" || fail "bad CSV"

# query: parameters, -f.
ng query --param kind=target --param min=1 --format json \
  'MATCH (f:Figure) WHERE f.kind = $kind AND f.value >= $min RETURN count(*) AS n' > "$tmp/p" || fail "param query failed"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))[0]["n"] > 0' "$tmp/p" || fail "no targets via params"
echo 'MATCH (p:Policy) RETURN count(*) AS n' > "$tmp/q.cypher"
ng query -f "$tmp/q.cypher" > /dev/null || fail "-f failed"

# query: errors.
ng query 'MATCH (n RETURN n' 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] || fail "parse error should exit 2, got $rc"
grep -q "line 1, column 10: expected ')' but found 'RETURN'" "$tmp/e" || fail "parse error message: $(cat "$tmp/e")"
ng query 'CREATE (n:Company)' 2> "$tmp/e"; [ $? -eq 2 ] || fail "CREATE should exit 2"
grep -q "read-only" "$tmp/e" || fail "CREATE message: $(cat "$tmp/e")"
ng query 'MATCH (n) WHERE n.name = $x RETURN n' 2> "$tmp/e"; [ $? -eq 2 ] || fail "missing param should exit 2"
ng query --format xml 'RETURN 1' 2> /dev/null; [ $? -eq 2 ] || fail "bad format should exit 2"

# entities.
ng entities --type policy --format json > "$tmp/ent" || fail "entities failed"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a and all(e["label"]=="Policy" for e in a)' "$tmp/ent" || fail "entities --type policy"
ng entities miit --format json > "$tmp/ent" || fail "entities miit failed"
grep -q 'government_body:miit' "$tmp/ent" || fail "entities miit: $(cat "$tmp/ent")"

# figures.
ng figures --kind target --format json > "$tmp/fig" || fail "figures failed"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a and all(f["kind"]=="target" for f in a)' "$tmp/fig" || fail "figures --kind target"
ng figures --period 2027 --format csv > /dev/null || fail "figures --period failed"

# targets: the 2025-2027 plan's targets, each once, with sources.
ng targets "Implementation Plan for High-quality Development of the Aluminum Industry (2025-2027)" --format json > "$tmp/tg" || fail "targets failed"
python3 - "$tmp/tg" <<'PY' || fail "targets of the plan"
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows, "no targets"
keys = [(r["metric"], r["kind"], r["period"]) for r in rows]
assert len(keys) == len(set(keys)), "a target is listed twice"
assert all(r["sources"] for r in rows), "a target without a source"
assert any(r["metric"] == "recycled-aluminium-production" and r["value"] == 15000000 for r in rows), rows
PY

# neighbors MIIT shows the plan.
ng neighbors MIIT --format json > "$tmp/nb" || fail "neighbors failed"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert any(r["label"]=="Policy" for r in a), a' "$tmp/nb" || fail "neighbors MIIT lacks the plan"
ng neighbors MIIT --depth 2 > /dev/null || fail "neighbors --depth 2"
ng neighbors nosuchthing 2> "$tmp/e"; [ $? -eq 2 ] || fail "unknown name should exit 2"

# path Hydro China, with evidence for every hop.
ng path Hydro China --format json > "$tmp/path" || fail "path failed"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a and all(r["evidence"] for r in a), a' "$tmp/path" || fail "path Hydro China"

# Ambiguous names list the candidates.
ng neighbors alumin 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] && grep -q "ambiguous" "$tmp/e" || fail "ambiguous name: rc=$rc $(cat "$tmp/e")"
echo "ok"
