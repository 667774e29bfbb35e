#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): scan against ripgrep, with the same patterns, on the Linux
# kernel tree and on a Python web corpus made of PyPI sdists; semgrep too with --semgrep. Prints one table.
#
#   scripts/bench.sh [--corpus python|kernel|all] [--runs N] [--reference-runs N] [--semgrep]
#
# --runs: timed runs of scan and of ripgrep's default engine, after a warm-up (default 5);
# --reference-runs: timed runs of the slow references, rg -P and semgrep, without a warm-up (default: --runs).
#
# Installs what it needs from Debian (ripgrep, hyperfine, linux-source-6.1; with sudo when not root) and keeps
# the corpora in $BENCH_DIR (default ~/.cache/preflight-bench), outside the repository.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$HOME/.cache/preflight-bench}
corpora="python kernel"
runs=5
reference_runs=""
with_semgrep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) case "$2" in all) corpora="python kernel" ;; python|kernel) corpora="$2" ;; *) echo "unknown corpus $2" >&2; exit 2 ;; esac; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --reference-runs) reference_runs="$2"; shift 2 ;;
    --semgrep) with_semgrep=yes; shift ;;
    *) echo "usage: $0 [--corpus python|kernel|all] [--runs N] [--reference-runs N] [--semgrep]" >&2; exit 2 ;;
  esac
done
reference_runs=${reference_runs:-$runs}
mkdir -p "$work"

# The Python web corpus: pinned sdists, so that every run measures the same bytes.
python_sdists="django==5.2.19 fastapi==0.165.0 flask==3.1.3 starlette==1.10.0 sqlalchemy==2.1.9 celery==5.7.0 pydantic==1.10.17"

packages="ripgrep hyperfine python3-venv time"
case " $corpora " in *" kernel "*) packages="$packages linux-source-6.1" ;; esac
missing=""
for package in $packages; do dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"; done
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "Installing:$missing" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
fi

echo "Building scan (release)..." >&2
make -C "$project" build >&2
scan="$project/.build/release/scan"

# Corpora, prepared once.
corpus_dir() {
  case "$1" in
    python)
      local dir="$work/python-web"
      if [ ! -f "$dir/.complete" ]; then
        echo "Preparing the Python web corpus in $dir..." >&2
        python3 -m venv "$work/venv" >&2
        "$work/venv/bin/pip" download --quiet --no-deps --no-binary :all: -d "$work/sdists" $python_sdists >&2
        rm -rf "$dir" && mkdir -p "$dir"
        for archive in "$work"/sdists/*.tar.gz; do tar -xzf "$archive" -C "$dir"; done
        touch "$dir/.complete"
      fi
      echo "$dir" ;;
    kernel)
      local dir="$work/linux-source-6.1"
      if [ ! -f "$dir/.complete" ]; then
        echo "Extracting the kernel tree to $dir..." >&2
        rm -rf "$dir"
        tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$work"
        # Debian's package appends "/*" to the top .gitignore (its packaging repository holds only debian/),
        # which hides the whole tree from gitignore-aware tools: drop that block to get upstream's file back.
        python3 - "$dir/.gitignore" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
cut = text.find("#\n# Debian packaging")
if cut >= 0:
    open(path, "w", encoding="utf-8").write(text[:cut])
PY
        touch "$dir/.complete"
      fi
      echo "$dir" ;;
  esac
}

# The rules' patterns, one per line with their flags scoped. PCRE2 (rg -P) is the like-for-like engine, since
# scan runs PCRE2 too; ripgrep joins -f lines into one regex and the rules joined exceed PCRE2's compiled-size
# limit, so they are packed into the fewest batches that compile and rg -P runs once per batch. Rust's regex
# engine (ripgrep's default) accepts only part of them (no lookaround, \K, backreferences): those run as a reference.
rm -f "$work"/patterns-*.txt
"$scan" rules --export-patterns > "$work/patterns-all.txt"
"$scan" rules --export-patterns --pattern-syntax rust > "$work/patterns-rust-all.txt"
read -r batches portable < <(python3 "$project/scripts/bench-patterns.py" "$work")
total=$(wc -l < "$work/patterns-all.txt")
echo "Patterns: $total rules; rg -P needs $batches passes (batches that compile); rg's default engine accepts $portable of them." >&2
pcre_runs() {  # $1: extra rg flags, $2: directory
  local command="" index
  for index in $(seq 1 "$batches"); do command="$command rg -P $1 $rg_flags -f '$work/patterns-pcre-$index.txt' '$2';"; done
  echo "$command"
}

# ripgrep reads what scan reads: hidden files, .gitignore files outside git repositories, files up to 10 MB.
rg_flags="--count --hidden --max-filesize 10M --no-messages"

semgrep=""
if [ "$with_semgrep" = yes ]; then
  if [ ! -x "$work/semgrep-venv/bin/semgrep" ]; then
    python3 -m venv "$work/semgrep-venv" >&2
    "$work/semgrep-venv/bin/pip" install --quiet semgrep >&2
  fi
  semgrep="$work/semgrep-venv/bin/semgrep"
  # The same regexes as semgrep rules.
  python3 - "$work/patterns-all.txt" "$work/semgrep-rules.yml" <<'EOF'
import json, sys
patterns = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
rules = [{"id": f"rule-{index}", "message": "match", "severity": "WARNING", "languages": ["regex"],
          "pattern-regex": pattern} for index, pattern in enumerate(patterns)]
# JSON is YAML.
json.dump({"rules": rules}, open(sys.argv[2], "w", encoding="utf-8"))
EOF
fi

results="$work/results"
rm -rf "$results" && mkdir -p "$results"
machine="$(nproc) cores, $(LC_ALL=C lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GB RAM"

for corpus in $corpora; do
  dir=$(corpus_dir "$corpus")
  # The bytes and files scan reads, for MB/s.
  "$scan" --format json --exit-zero --quiet "$dir" > "$results/$corpus-report.json"
  names=(scan "scan check:dev-keys" "scan --jobs 1" "rg -P" "rg -P -j1" "rg (default engine, $portable patterns)")
  commands=(
    "'$scan' --format json --exit-zero --quiet '$dir'"
    "'$scan' check:dev-keys --format json --exit-zero --quiet '$dir'"
    "'$scan' --jobs 1 --format json --exit-zero --quiet '$dir'"
    "$(pcre_runs "" "$dir")"
    "$(pcre_runs "-j1" "$dir")"
    "rg $rg_flags -f '$work/patterns-portable.txt' '$dir'"
  )
  if [ -n "$semgrep" ] && [ "$corpus" = python ]; then
    names+=(semgrep)
    # Without the version check, which otherwise waits on the network for minutes.
    commands+=("SEMGREP_ENABLE_VERSION_CHECK=0 '$semgrep' scan --config '$work/semgrep-rules.yml' --metrics off --disable-version-check --quiet --json --output /dev/null '$dir'")
  fi
  # Each command runs under GNU time, which records its peak RSS (the largest process of the command) in a
  # file per command; hyperfine times the whole. scan and ripgrep's default engine get a warm-up and --runs
  # runs; the slow references (rg -P, semgrep: minutes on the kernel tree) --reference-runs runs, on the cache
  # the others warmed.
  fast_args=()
  slow_args=()
  for index in "${!commands[@]}"; do
    rm -f "$results/$corpus-rss-$index.txt"
    timed="/usr/bin/time -f %M -a -o '$results/$corpus-rss-$index.txt' sh -c \"${commands[$index]}\""
    case "${names[$index]}" in
      "rg -P"*|semgrep) slow_args+=(--command-name "${names[$index]}" "$timed") ;;
      *) fast_args+=(--command-name "${names[$index]}" "$timed") ;;
    esac
  done
  echo "Timing on $corpus ($dir): scan and rg $runs runs after a warm-up, rg -P and semgrep $reference_runs runs..." >&2
  hyperfine --warmup 1 --runs "$runs" --ignore-failure --style basic --export-json "$results/$corpus-times-fast.json" "${fast_args[@]}" >&2
  hyperfine --runs "$reference_runs" --ignore-failure --style basic --export-json "$results/$corpus-times-slow.json" "${slow_args[@]}" >&2
  : > "$results/$corpus-rss.txt"
  for index in "${!commands[@]}"; do
    rss=$(sort -n "$results/$corpus-rss-$index.txt" | tail -1)
    printf '%s\t%s\n' "${names[$index]}" "$rss" >> "$results/$corpus-rss.txt"
  done
done

python3 - "$results" "$machine" $corpora <<'EOF'
import json, statistics, sys
results, machine, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]
print(f"Machine: {machine}")
print(f"| tool | corpus | median wall (s) | CPU (s) | MB/s | peak RSS (MB) | throughput vs ripgrep |")
print(f"| --- | --- | --- | --- | --- | --- | --- |")
for corpus in corpora:
    report = json.load(open(f"{results}/{corpus}-report.json"))
    megabytes = report["summary"]["bytesScanned"] / 1_048_576
    files = report["summary"]["filesScanned"]
    times = {r["command"]: r for part in ("fast", "slow") for r in json.load(open(f"{results}/{corpus}-times-{part}.json"))["results"]}
    rss = dict(line.rstrip("\n").split("\t") for line in open(f"{results}/{corpus}-rss.txt"))
    median = {name: statistics.median(r["times"]) for name, r in times.items()}
    # The like-for-like reference: rg -P with every rule's pattern, at the same parallelism.
    reference = {"scan": "rg -P", "scan --jobs 1": "rg -P -j1"}
    for name, r in times.items():
        # hyperfine's user and system times are means over the runs.
        cpu = r["user"] + r["system"]
        ratio = ""
        if name in reference and reference[name] in median:
            ratio = f"{median[reference[name]] / median[name]:.2f}× {reference[name]}"
        peak = int(rss.get(name, "0") or 0) / 1024
        runs = len(r["times"])
        print(f"| {name} | {corpus} ({files} files, {megabytes:.0f} MB) | {median[name]:.2f} ({runs} run{'s' if runs > 1 else ''}) | {cpu:.2f} | {megabytes / median[name]:.0f} | {peak:.0f} | {ratio} |")
EOF
