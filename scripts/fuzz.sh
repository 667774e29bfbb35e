#!/usr/bin/env bash
# Fuzzes one target with libFuzzer (docs/reliability.md):
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER-FLAGS...]
#
# TARGET: rule-loader, lexer, ignore, ignore-files, reporters, escaping or scan-file. Builds the fuzz program with libFuzzer and
# AddressSanitizer into .build/fuzz, seeds the target's corpus from Fixtures/, Rules/ and the inputs that once
# failed (Fixtures/fuzz/TARGET/), runs for SECONDS and prints the executions and what was found. A failing input
# is written to $FUZZ_DIR/artifacts/TARGET/; copy it to Fixtures/fuzz/TARGET/ and the tests replay it from then on.
# The corpus grows across runs in $FUZZ_DIR (default .build/fuzz-work).
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [LIBFUZZER-FLAGS...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
case "$target" in
  rule-loader|lexer|ignore|ignore-files|reporters|escaping|scan-file) ;;
  *) echo "unknown target $target (rule-loader, lexer, ignore, ignore-files, reporters, escaping, scan-file)" >&2; exit 2 ;;
esac
work=${FUZZ_DIR:-$project/.build/fuzz-work}
corpus=$work/corpus/$target
artifacts=$work/artifacts/$target
mkdir -p "$corpus" "$artifacts"
cd "$project"

PREFLIGHT_FUZZING=1 swift build -c release --product preflight-fuzz --build-path .build/fuzz >&2
program=.build/fuzz/release/preflight-fuzz

# Seeds: a file name is its content's hash, so that seeding again adds nothing twice.
seed() { local file; file=$(mktemp); cat > "$file"; mv "$file" "$corpus/seed-$(sha1sum < "$file" | cut -c1-16)"; }
text_files() { find Fixtures -type f ! -path 'Fixtures/fuzz/*' -size -64k | LC_ALL=C sort | while read -r f; do grep -Iq . "$f" && echo "$f"; done; true; }
case "$target" in
  rule-loader) find Rules -name '*.yml' | while read -r f; do seed < "$f"; done ;;
  lexer|scan-file) text_files | while read -r f; do { printf '%s\n' "$f"; cat "$f"; } | seed; done ;;
  ignore)
    paths=$(text_files | head -200)
    for f in .gitignore .scanignore $(find Fixtures -name .gitignore -o -name .scanignore); do
      [ -f "$f" ] && { cat "$f"; printf '\0%s\n' "$paths"; } | seed
    done ;;
  ignore-files)
    paths=$(text_files | head -16)
    for f in .gitignore .scanignore $(find Fixtures -name .gitignore -o -name .scanignore); do
      [ -f "$f" ] && { cat "$f"; printf '\0'; cat .scanignore; printf '\0%s\n' "$paths"; } | seed
    done ;;
  reporters) for f in Fixtures/golden/*.json; do head -c 4096 "$f" | seed; done ;;
  escaping)
    printf '[x](javascript:alert(1))' | seed
    printf '\033]52;c;ZXZpbA==\007\033[2J\342\200\256' | seed
    for f in Fixtures/golden/*.md; do head -c 2048 "$f" | seed; done ;;
esac
if [ -d "Fixtures/fuzz/$target" ]; then
  for f in Fixtures/fuzz/"$target"/*; do [ -f "$f" ] && seed < "$f"; done
fi

case "$target" in lexer|scan-file) max_len=65536 ;; *) max_len=16384 ;; esac
log=$work/$target.log
status=0
ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$program" "$target" "$corpus" -max_total_time="$seconds" -max_len="$max_len" \
  -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" > "$log" 2>&1 || status=$?
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
found=$(find "$artifacts" -type f | wc -l)
echo "$target: ${executions:-0} executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) inputs, $found failing inputs in $artifacts (log: $log)"
if [ "$status" -ne 0 ]; then
  grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -20 >&2
  exit "$status"
fi
