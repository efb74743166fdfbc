#!/usr/bin/env bash
# Dispatch bench: the runner's own cost per step (a 1,000-step job of `true`, minus the cost of
# spawning `sh -c true` from Java), and `status`, `checkpoint list` and `jobs` through the real
# launcher on a job with 10,000 events and a store of 10,000 jobs, beside `wrkr version` (the CLI
# start floor). Prints markdown. Run on a quiet machine.
#
#   bench/dispatch-bench.sh [steps] [runs]      (defaults: 1000 steps, 10 runs per CLI row)
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-1000}"
runs="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./wrkr version >/dev/null
jdk="$(sed -n 's/^\([^ ]*\) .*/\1/p' target/wrkr-*.aot.key 2>/dev/null | head -1)"
[ -n "$jdk" ] || jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
java=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.wrkr.bench.DispatchBench)

echo "## Runner overhead ($steps steps of \`true\`, SQLite, durable commits)"
echo
"${java[@]}" runner "$work/runner" "$steps"
echo

export WRKR_HOME="$work/home" HOME="$work"
store="sqlite:$work/home/wrkr.db"
"${java[@]}" seed "$store" 10000 10000

# shellcheck source=bench/lib.sh
. bench/lib.sh
rows=()
rows+=("$(measure "wrkr version (CLI start floor)" ./wrkr version)")
rows+=("$(measure "wrkr status big (10,000 events)" ./wrkr status big)")
rows+=("$(measure "wrkr checkpoint list big (1,000 checkpoints)" ./wrkr checkpoint list big)")
rows+=("$(measure "wrkr jobs (10,001 jobs)" ./wrkr jobs --limit 20000)")
floor="$(printf '%s\n' "${rows[0]}" | cut -d'|' -f3)"
echo "## CLI reads on a large store ($runs runs each, medians)"
echo
echo "| command | median ms | above the start floor ms |"
echo "|---|---:|---:|"
for r in "${rows[@]}"; do
  IFS='|' read -r label _ median _ <<<"$r"
  echo "| $label | $median | $(awk -v m="$median" -v f="$floor" 'BEGIN { printf "%.1f", m - f }') |"
done
