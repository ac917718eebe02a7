#!/usr/bin/env bash
# Quality on two gold sets: the development seeds (../shared/gold over
# corpus/) and our own held-out articles (tests/gold over tests/articles/).
# For each: extract, ingest, conflicts, score with ../shared/eval/score.py,
# and fail when a score is below its floor in tests/quality_bar.json.
# Skips (77) when ../shared (the scorer) is absent.
set -uo pipefail
bin=$1 src=$2
shared="$src/../shared"
if [ ! -f "$shared/eval/score.py" ]; then
  echo "SKIP: $shared/eval/score.py (the scorer) not found"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
run_set() {  # name gold input-folder
  local name=$1 gold=$2 dir=$3
  [ -f "$gold" ] || { echo "SKIP $name: $gold not found"; return; }
  echo "== $name"
  "$bin" extract "$dir"/* > "$tmp/$name.jsonl" || { echo "FAIL: extract exited non-zero"; status=1; }
  "$bin" --db "$tmp/$name.db" ingest --quiet "$dir" || { echo "FAIL: ingest exited non-zero"; status=1; }
  "$bin" --db "$tmp/$name.db" conflicts --format json > "$tmp/$name.c.json"
  python3 "$shared/eval/score.py" --gold "$gold" --extract "$tmp/$name.jsonl" \
    --conflicts "$tmp/$name.c.json" | tail -n 6
  python3 "$shared/eval/score.py" --gold "$gold" --extract "$tmp/$name.jsonl" \
    --conflicts "$tmp/$name.c.json" --json > "$tmp/$name.score.json"
  python3 - "$tmp/$name.score.json" "$src/tests/quality_bar.json" "$name" <<'PY' || status=1
import json, sys
score = json.load(open(sys.argv[1])); bar = json.load(open(sys.argv[2]))[sys.argv[3]]
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
}
run_set seeds "$shared/gold/seeds.gold.json" "$src/corpus"
run_set held_out "$src/tests/gold/articles.gold.json" "$src/tests/articles"
exit $status
