#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 60) on seed corpora from corpus/ and fuzz/seeds/.
# Findings land in build-fuzz/findings/<target>/; a crash exits non-zero.
#   FUZZ_SECONDS=600 bash fuzz/run.sh [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
dir=build-fuzz
CXX=clang++ CC=clang cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_TESTS=OFF >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
cmake --build "$dir" --target "${targets[@]}" -j "$(nproc)"
export NEWSGRAPH_DATA="$PWD/data"
for t in "${targets[@]}"; do
  seeds="$dir/seeds/$t"; mkdir -p "$seeds" "$dir/findings/$t"
  case "$t" in
    html_reader_fuzzer) cp fuzz/seeds/html/* "$seeds/" ;;
    wordpress_reader_fuzzer) cp corpus/*.json "$seeds/" ;;
    cypher_parser_fuzzer) cp queries/*.cypher "$seeds/" 2>/dev/null || true ;;
    *) cp corpus/* fuzz/seeds/html/* "$seeds/" ;;
  esac
  mkdir -p "$dir/corpus-$t"
  echo "== $t: ${seconds}s" >&2
  "$dir/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$dir/findings/$t/" -print_final_stats=1 "$dir/corpus-$t" "$seeds" \
    > "$dir/findings/$t.log" 2>&1 || { tail -40 "$dir/findings/$t.log"; exit 1; }
  # Final coverage line and stats: what the closing notes quote.
  grep -E '^#[0-9]+' "$dir/findings/$t.log" | tail -1
  grep -E '^(Done|stat::)' "$dir/findings/$t.log"
done
