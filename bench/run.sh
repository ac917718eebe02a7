#!/usr/bin/env bash
# newsgraph benchmark on the Reuters-21578 newswire (21,578 real articles).
#
#   bash bench/run.sh [--scales "1 2 4 8"] [--jobs N] [--repeat N]
#
# Prepares the articles as text files (../shared/eval/reuters_to_files.py,
# cached under $BENCH_DIR, default /tmp/newsgraph-bench), then prints one
# table: the scan floor (read + one RE2 pass for digit runs), extract on one
# thread (the bar) and on --jobs threads, ingest, re-ingest of the unchanged
# corpus, conflicts, the graph load every query pays, and three saved
# queries, at 1x, 2x, 4x and 8x the corpus (copies under distinct paths,
# so distinct identities). Times are wall-clock seconds, the best of
# --repeat runs (default 1; on a shared or virtual machine one run can be
# half again as slow); peak RSS from /usr/bin/time, the largest of the runs.
# Nothing here is a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="$root/build/newsgraph"
floor="$root/build/scan_floor"
shared="${NEWSGRAPH_SHARED:-$root/../shared}"
bench="${BENCH_DIR:-/tmp/newsgraph-bench}"
scales="1 2 4 8"
repeat=1
jobs=""
jobs_n=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) scales="$2"; shift 2 ;;
    --jobs) jobs="--jobs $2"; jobs_n=$2; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--scales \"1 2 4 8\"] [--jobs N] [--repeat N]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] && [ -x "$floor" ] || { echo "build first: make build" >&2; exit 2; }
[ -f "$shared/eval/reuters_to_files.py" ] || { echo "no Reuters data at $shared/eval" >&2; exit 2; }

mkdir -p "$bench"
if [ ! -f "$bench/x1/c0/index.tsv" ]; then
  echo "preparing Reuters-21578 text files in $bench/x1 ..." >&2
  rm -rf "$bench/x1"; mkdir -p "$bench/x1"
  python3 "$shared/eval/reuters_to_files.py" "$bench/x1/c0" --src "$shared/eval/reuters21578" >/dev/null
  rm -f "$bench/x1/c0/index.tsv.tmp"
fi
# Scaled corpora: copy k of the base corpus under distinct folders.
make_scale() {
  local k=$1 dir="$bench/x$1"
  [ -d "$dir/c$((k - 1))" ] && return
  mkdir -p "$dir"
  for i in $(seq 0 $((k - 1))); do cp -r "$bench/x1/c0" "$dir/c$i"; done
}

fresh_db() { rm -f "$db" "$db-wal" "$db-shm"; }
timed() {  # timed OUTVAR [--before FN] CMD... -> "best_seconds peak_rss_kb" over $repeat runs
  local out=$1; shift
  local before=":"
  if [ "$1" = "--before" ]; then before=$2; shift 2; fi
  local best="" rss=0 r
  for ((r = 0; r < repeat; r++)); do
    "$before"
    /usr/bin/time -f "%e %M" -o "$bench/time.txt" "$@" >/dev/null 2>"$bench/stderr.txt" || true
    read -r sec kb < <(tail -1 "$bench/time.txt")
    best=$(awk -v a="$best" -v b="$sec" 'BEGIN { print (a == "" || b < a) ? b : a }')
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf -v "$out" '%s %s' "$best" "$rss"
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.1f", b / 1e6 / s }'; }

printf "%-6s %-22s %10s %10s %12s %10s %s\n" scale step seconds "MB/s" "docs/s" "peak_MB" notes
for k in $scales; do
  make_scale "$k"
  dir="$bench/x$k"
  bytes=$(find "$dir" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  docs=$(find "$dir" -name '*.txt' -type f | wc -l)
  read -r fb ff fr fs fmbs < <(for ((r = 0; r < repeat; r++)); do "$floor" "$dir"; done | sort -g -k4 | head -1)
  printf "%-6s %-22s %10.2f %10s %12s %10s %s\n" "${k}x" "scan floor (RE2 \\d+)" "$fs" "$fmbs" \
    "$(awk -v d="$ff" -v s="$fs" 'BEGIN{printf "%.0f", d/s}')" "-" "$fr digit runs"

  # The issue's bar is single-threaded extract: --jobs 1. The default
  # (--jobs = cores) follows on its own row.
  timed t "$bin" extract --jobs 1 "$dir"
  read -r es erss <<<"$t"
  "$bin" extract "$dir" 2>/dev/null | python3 -c '
import json, sys
f = e = 0
for line in sys.stdin:
    d = json.loads(line); f += len(d["figures"]); e += len(d["entities"])
print(f, e)' > "$bench/counts.txt"
  read -r nfig nent < "$bench/counts.txt"
  printf "%-6s %-22s %10.2f %10s %12s %10s %s\n" "${k}x" "extract (1 thread)" "$es" "$(mbs "$bytes" "$es")" \
    "$(awk -v d="$docs" -v s="$es" 'BEGIN{if(s<=0)s=0.001; printf "%.0f", d/s}')" "$((erss / 1024))" \
    "$nfig figures, $nent entities; $(awk -v a="$es" -v b="$fs" 'BEGIN{if(b<=0)b=0.001; printf "%.1fx", a/b}') the scan floor"
  timed t "$bin" extract $jobs "$dir"
  read -r ps prss <<<"$t"
  printf "%-6s %-22s %10.2f %10s %12s %10s %s\n" "${k}x" "extract (--jobs ${jobs_n})" "$ps" "$(mbs "$bytes" "$ps")" \
    "$(awk -v d="$docs" -v s="$ps" 'BEGIN{if(s<=0)s=0.001; printf "%.0f", d/s}')" "$((prss / 1024))" \
    "$(awk -v a="$es" -v b="$ps" 'BEGIN{if(b<=0)b=0.001; printf "%.2fx", a/b}') the 1-thread speed"

  db="$bench/x$k.db"
  # shellcheck disable=SC2086
  timed t --before fresh_db "$bin" --db "$db" ingest $jobs "$dir"
  read -r is irss <<<"$t"
  size=$(du -k "$db" | cut -f1)
  printf "%-6s %-22s %10.2f %10s %12s %10s %s\n" "${k}x" "ingest (--jobs ${jobs_n})" "$is" "$(mbs "$bytes" "$is")" \
    "$(awk -v d="$docs" -v s="$is" 'BEGIN{if(s<=0)s=0.001; printf "%.0f", d/s}')" "$((irss / 1024))" \
    "store $((size / 1024)) MB; $(tail -1 "$bench/stderr.txt")"
  # shellcheck disable=SC2086
  timed t "$bin" --db "$db" ingest $jobs "$dir"
  read -r rs rrss <<<"$t"
  printf "%-6s %-22s %10.2f %10s %12s %10s %s\n" "${k}x" "re-ingest (unchanged)" "$rs" \
    "$(mbs "$bytes" "$rs")" "-" "$((rrss / 1024))" \
    "$(awk -v a="$is" -v b="$rs" 'BEGIN{if(b<=0)b=0.001; printf "%.1fx", a/b}') faster than ingest"

  timed t "$bin" --db "$db" conflicts --format json
  read -r cs crss <<<"$t"
  printf "%-6s %-22s %10.0f %10s %12s %10s %s\n" "${k}x" "conflicts (ms)" \
    "$(awk -v s="$cs" 'BEGIN{print s*1000}')" "-" "-" "$((crss / 1024))" ""
  # Every query command first loads the graph from the store; this row is
  # that load alone (query --time of a trivial query).
  load=$(for ((r = 0; r < repeat; r++)); do
           "$bin" --db "$db" query --time "MATCH (n) RETURN count(n)" 2>&1 >/dev/null |
             grep -o 'load [0-9.]* ms' | grep -o '[0-9.]*' || echo 0
         done | sort -g | head -1)
  printf "%-6s %-22s %10.0f %10s %12s %10s %s\n" "${k}x" "graph load (ms)" "$load" "-" "-" "-" \
    "store -> in-memory graph, part of every query below"
  # Three saved queries (queries/*.cypher, through their subcommands).
  for q in "targets" "neighbors country:china" "path country:japan country:china"; do
    # shellcheck disable=SC2086
    timed t "$bin" --db "$db" $q
    read -r qs qrss <<<"$t"
    printf "%-6s %-22s %10.0f %10s %12s %10s %s\n" "${k}x" "saved query (ms)" \
      "$(awk -v s="$qs" 'BEGIN{print s*1000}')" "-" "-" "$((qrss / 1024))" "$q"
  done
done
