#!/usr/bin/env bash
# Table-driven bad inputs: each case is ingested together with good files;
# the case must give its exit code and message, and the good files must
# land anyway. Columns: name | expected exit | stderr must match (ERE, or
# "-" for no message) | extracted text must not match (or "-").
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0; passed=0
fail() { echo "FAIL [$case]: $*"; failures=$((failures + 1)); }

make_case() {  # writes the bad input for case $1 into $2 (a folder)
  local d=$2
  case "$1" in
    empty) : > "$d/empty.txt" ;;
    binary) head -c 4096 /dev/urandom > "$d/blob.bin"; printf '\0\0\0' >> "$d/blob.bin" ;;
    latin1) printf 'Alumina output rose 5.3 pct to 1,200 tonnes in Zaragoza \xe9t\xe9 1987.\n' > "$d/latin1.txt" ;;
    invalid_utf8) printf 'Output of 12 mln tonnes \xff\xfe\xc3 broken bytes.\n' > "$d/bad-utf8.txt" ;;
    utf16_bom) printf 'Aluminium output reached 42 million tonnes in 2024.\n' | iconv -f UTF-8 -t UTF-16 > "$d/utf16.txt" ;;
    truncated_json) printf '{"id": 1, "title": {"rendered": "Broken' > "$d/truncated.json" ;;
    not_wordpress) printf '{"name": "a config file", "values": [1, 2, 3]}' > "$d/config.json" ;;
    wp_array_one_broken)
      printf '[{"id":1,"link":"https://e.example/a","date":"2024-01-02T00:00:00","title":{"rendered":"A"},"content":{"rendered":"<p>Output was 5 million tonnes.</p>"}},{"id":2,"title":{"rendered":"no content"}},{"id":3,"link":"https://e.example/c","date":"2024-01-03T00:00:00","title":{"rendered":"C"},"content":{"rendered":"<p>Capacity is 9 Mtpa.</p>"}}]' > "$d/posts.json" ;;
    deep_html) python3 -c 'import sys; sys.stdout.write("<html><body>" + "<div>" * 100000 + "<p>Deep text of 5 tonnes.</p>" + "</div>" * 100000 + "</body></html>")' > "$d/deep.html" ;;
    huge_file) truncate -s 200M "$d/huge.txt" ;;
    long_line) python3 -c 'import sys; sys.stdout.write("Output rose 3% to 4 million tonnes and " * 260000)' > "$d/longline.txt" ;;
    extreme_numbers) printf 'Reserves were 1e308 tonnes, or 999,999,999,999,999,999 tonnes, or 0.0000000000000000000000001 tonnes, and -0 pct.\n' > "$d/numbers.txt" ;;
    xml_entities)
      printf '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://203.0.113.1/x">]><html><body><p>Output &xxe; &net; was 7 tonnes.</p></body></html>' > "$d/entities.html" ;;
    symlink_loop) mkdir -p "$d/loop"; ln -s ../loop "$d/loop/self"; printf 'Output was 3 tonnes.\n' > "$d/loop/ok.txt" ;;
    unreadable) printf 'Secret 5 tonnes.\n' > "$d/secret.txt"; chmod 000 "$d/secret.txt" ;;
    missing) : ;;
  esac
}

# name | exit | stderr regex | text that must not appear in the extracted text
cases=(
  "empty|1|empty.txt: empty file|-"
  "binary|1|blob.bin: binary file|-"
  "latin1|0|-|-"
  "invalid_utf8|0|-|-"
  "utf16_bom|0|-|-"
  "truncated_json|1|truncated.json: .*JSON|-"
  "not_wordpress|1|config.json: .*not a WordPress post|-"
  "wp_array_one_broken|1|posts.json: post 2 of 3|-"
  "deep_html|ANY|-|-"
  "huge_file|1|huge.txt: .*MiB limit|-"
  "long_line|0|-|-"
  "extreme_numbers|0|-|-"
  "xml_entities|0|-|root:x:0"
  "symlink_loop|0|-|-"
  "unreadable|ROOT0|secret.txt: .*(ermission|denied)|-"
  "missing|1|does-not-exist: no such file|-"
)

for row in "${cases[@]}"; do
  IFS='|' read -r case want_rc want_err must_not <<<"$row"
  d="$tmp/$case"; mkdir -p "$d/in"
  cp "$src"/corpus/smm-2025-03-28-aluminium-action-plan.txt "$d/in/good1.txt"
  cp "$src"/corpus/greatchina-2025-06-20-industry-insights.json "$d/in/good2.json"
  make_case "$case" "$d/in"
  args=("$d/in"); [ "$case" = missing ] && args+=("$d/does-not-exist")
  timeout 120 "$bin" --db "$d/g.db" ingest "${args[@]}" > /dev/null 2> "$d/err"; rc=$?
  [ $rc -eq 124 ] && { fail "ingest hung (timeout)"; continue; }
  [ $rc -ge 128 ] && { fail "ingest crashed (exit $rc): $(tail -3 "$d/err")"; continue; }
  case "$want_rc" in
    ANY) ;;
    ROOT0) if [ "$(id -u)" -ne 0 ]; then [ $rc -eq 1 ] || fail "exit $rc, want 1"; fi ;;
    *) [ $rc -eq "$want_rc" ] || fail "exit $rc, want $want_rc: $(cat "$d/err")" ;;
  esac
  if [ "$want_err" != "-" ] && ! { [ "$want_rc" = ROOT0 ] && [ "$(id -u)" -eq 0 ]; }; then
    grep -Eq "$want_err" "$d/err" || fail "stderr lacks /$want_err/: $(cat "$d/err")"
  fi
  # The good files landed whatever the bad one did.
  n=$(sqlite3 "$d/g.db" "SELECT count(*) FROM documents WHERE path LIKE '%good1.txt' OR path LIKE '%good2.json'")
  [ "$n" = 2 ] || fail "good files did not land ($n of 2)"
  ok=$(sqlite3 "$d/g.db" "PRAGMA integrity_check")
  [ "$ok" = ok ] || fail "integrity_check: $ok"
  if [ "$must_not" != "-" ]; then
    if sqlite3 "$d/g.db" "SELECT text FROM documents" | grep -q "$must_not"; then
      fail "extracted text contains '$must_not'"
    fi
  fi
  [ "$case" = wp_array_one_broken ] && {
    n=$(sqlite3 "$d/g.db" "SELECT count(*) FROM documents WHERE path LIKE '%posts.json'")
    [ "$n" = 2 ] || fail "the 2 good posts of the array should land, found $n"
  }
  passed=$((passed + 1))
done
echo "$((passed - failures)) passed, $failures failed"
[ $failures -eq 0 ]
