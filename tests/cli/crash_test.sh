#!/usr/bin/env bash
# Crash safety and concurrent use of one store:
#  1. kill -9 an ingest at random points, several times, then finish it:
#     the store passes integrity_check and holds every document exactly once,
#     each with the same facts as a clean one-shot ingest;
#  2. two ingest processes on one store at the same time both finish, and
#     every document is stored exactly once.
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/in"
python3 - "$tmp/in" <<'PY'
import os, random, sys
random.seed(7)
out = sys.argv[1]
places = ["Guangxi", "Shandong", "Yunnan", "Inner Mongolia", "Xinjiang", "Guinea"]
for i in range(400):
    lines = [f"Smelter report {i}", ""]
    for j in range(8):
        lines.append(f"Output in {random.choice(places)} rose {random.randint(1, 40)}% to "
                     f"{random.randint(1, 90)}.{random.randint(0, 9)} million tonnes in "
                     f"{random.randint(2015, 2025)}, while capacity reached "
                     f"{random.randint(1, 9)} Mtpa.")
    with open(os.path.join(out, f"a{i:03d}.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
PY
"$bin" --db "$tmp/ref.db" ingest "$tmp/in" 2>/dev/null || fail "reference ingest failed"
facts() { sqlite3 "$1" "SELECT d.path, (SELECT count(*) FROM figures f WHERE f.doc = d.key),
  (SELECT count(*) FROM mentions m WHERE m.doc = d.key) FROM documents d ORDER BY d.path"; }
facts "$tmp/ref.db" > "$tmp/ref.facts"

# 1. kill -9 at random points.
for delay in 0.05 0.15 0.3 0.5 0.8; do
  "$bin" --db "$tmp/crash.db" ingest --jobs 2 "$tmp/in" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  ok=$(sqlite3 "$tmp/crash.db" "PRAGMA integrity_check" 2>&1)
  [ "$ok" = ok ] || fail "integrity_check after kill -9 at ${delay}s: $ok"
done
"$bin" --db "$tmp/crash.db" ingest "$tmp/in" 2>/dev/null || fail "re-run after crashes failed"
[ "$(sqlite3 "$tmp/crash.db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after re-run"
n=$(sqlite3 "$tmp/crash.db" "SELECT count(*), count(DISTINCT identity) FROM documents")
[ "$n" = "400|400" ] || fail "after crashes and re-run: documents (total|distinct) = $n, want 400|400"
facts "$tmp/crash.db" > "$tmp/crash.facts"
cmp -s "$tmp/ref.facts" "$tmp/crash.facts" || fail "documents after crashes differ from a clean ingest"

# 2. Two ingests at once on one store (overlapping inputs).
"$bin" --db "$tmp/both.db" ingest "$tmp"/in/a[0-2]*.txt 2>"$tmp/e1" & p1=$!
"$bin" --db "$tmp/both.db" ingest "$tmp"/in/a[1-3]*.txt 2>"$tmp/e2" & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] || fail "concurrent ingests exit $r1 / $r2: $(cat "$tmp/e1" "$tmp/e2")"
n=$(sqlite3 "$tmp/both.db" "SELECT count(*), count(DISTINCT identity) FROM documents")
[ "$n" = "400|400" ] || fail "concurrent ingests stored (total|distinct) $n, want 400|400"
[ "$(sqlite3 "$tmp/both.db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after concurrent ingests"
echo "1 passed, 0 failed"
