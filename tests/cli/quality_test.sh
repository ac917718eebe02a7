#!/usr/bin/env bash
# Quality on the development gold: runs extract, ingest and conflicts over
# corpus/, scores them with ../shared/eval/score.py and fails when any score
# is below tests/quality_bar.json. Skips (77) when ../shared is absent.
set -euo pipefail
bin=$1 src=$2
shared="$src/../shared"
if [ ! -f "$shared/eval/score.py" ] || [ ! -f "$shared/gold/seeds.gold.json" ]; then
  echo "SKIP: $shared (scorer and gold) not found"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" extract "$src"/corpus/* > "$tmp/x.jsonl"
"$bin" --db "$tmp/g.db" ingest --quiet "$src/corpus"
"$bin" --db "$tmp/g.db" conflicts --format json > "$tmp/c.json"
python3 "$shared/eval/score.py" --gold "$shared/gold/seeds.gold.json" \
  --extract "$tmp/x.jsonl" --conflicts "$tmp/c.json" | tail -n 6
python3 "$shared/eval/score.py" --gold "$shared/gold/seeds.gold.json" \
  --extract "$tmp/x.jsonl" --conflicts "$tmp/c.json" --json > "$tmp/score.json"
python3 - "$tmp/score.json" "$src/tests/quality_bar.json" <<'PY'
import json, sys
score = json.load(open(sys.argv[1])); bar = json.load(open(sys.argv[2]))
def get(path):
    part, key = path.split(".", 1)
    return score.get(part, {}).get(key)
failures = []
for name, limit in bar.items():
    if name.startswith("_"):
        continue
    if name == "entities.unmatched_share_max":
        e = score["entities"]
        value = e["unmatched_predicted"] / e["predicted"] if e["predicted"] else 0.0
        ok = value <= limit
    elif name.endswith("_max"):
        value = get(name[:-4]); ok = value is not None and value <= limit
    else:
        value = get(name); ok = value is not None and value >= limit
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {value} (bar {limit})")
    if not ok:
        failures.append(name)
sys.exit(1 if failures else 0)
PY
