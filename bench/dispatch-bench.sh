#!/usr/bin/env bash
# Dispatch bench: the runner's own cost per step (a 1,000-step job of `true`, minus the cost of
# spawning `sh -c true` from Java), and `status`, `checkpoint list` and `jobs` through the real
# launcher on a job with 10,000 events and a store of 10,000 jobs, beside `wrkr version` (the CLI
# start floor). Prints markdown. Run on a quiet machine; the CLI rows are paired per round.
#
#   bench/dispatch-bench.sh [steps] [runs]      (defaults: 1000 steps, 10 rounds of CLI rows;
#                                               RUNNER_RUNS=3 runner runs, the median reported)
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-1000}"
runs="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_java "$work" dev.wrkr.bench.DispatchBench

runner_runs="${RUNNER_RUNS:-3}"
echo "## Runner overhead ($steps steps of \`true\`, SQLite, durable commits; $runner_runs runs)"
echo
for ((r = 0; r < runner_runs; r++)); do
  rm -rf "$work/runner"
  "${java[@]}" runner "$work/runner" "$steps" | tee -a "$work/runner.txt"
done
sed -n 's/.* overhead_ms=\([0-9.]*\).*/\1/p' "$work/runner.txt" | sort -n \
  | awk '{ t[NR] = $1 } END { printf "median overhead_ms=%.2f (the job: job_initialized to its last event; load average %s)\n", t[int((NR + 1) / 2)], "'"$(cut -d' ' -f1-3 /proc/loadavg)"'" }'
sed -n 's/.*submit_overhead_ms=\([0-9.]*\).*/\1/p' "$work/runner.txt" | sort -n \
  | awk '{ t[NR] = $1 } END { printf "median submit_overhead_ms=%.2f (the whole submit call, JobSpec validation and store creation included)\n", t[int((NR + 1) / 2)] }'
echo

export WRKR_HOME="$work/home" HOME="$work"
store="sqlite:$work/home/wrkr.db"
"${java[@]}" seed "$store" 10000 10000

# The four commands run in turn, round after round, so that each command's time is compared with
# the floor's in the same round (paired); on a shared machine, load drifts within seconds.
labels=("wrkr version (CLI start floor)" "wrkr status big (10,000 events)"
  "wrkr checkpoint list big (1,000 checkpoints)" "wrkr jobs (10,001 jobs)")
commands=("./wrkr version" "./wrkr status big" "./wrkr checkpoint list big" "./wrkr jobs --limit 20000")
times="$work/times.txt"
: > "$times"
for c in "${commands[@]}"; do $c >/dev/null 2>&1 || true; $c >/dev/null 2>&1 || true; done
for ((r = 0; r < runs; r++)); do
  for i in "${!commands[@]}"; do
    s=$(date +%s%N); ${commands[$i]} >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo "$r $i $(( (e - s) / 1000 ))" >> "$times"
  done
done
echo "## CLI reads on a large store ($runs rounds, medians; load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| command | median ms | above the start floor ms (median of paired differences) |"
echo "|---|---:|---:|"
for i in "${!commands[@]}"; do
  median="$(awk -v i="$i" '$2 == i { print $3 }' "$times" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }')"
  above="$(awk -v i="$i" '$2 == 0 { f[$1] = $3 } $2 == i { c[$1] = $3 } END { for (r in c) print c[r] - f[r] }' "$times" \
    | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }')"
  echo "| ${labels[$i]} | $median | $above |"
done
