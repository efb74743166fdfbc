#!/usr/bin/env bash
# Paired CLI reads: this build against another one (an older commit in its own worktree), on the
# same seeded store (a copy each), round after round with the order swapped every round. For each
# build and round, each command's time above that build's `wrkr version`; reports the medians per
# build and the median of the per-round differences (new - old). On a shared machine load drifts
# within seconds, so only differences taken in the same round mean much (docs/performance.md).
#
#   git worktree add /tmp/wrkr-old <commit> && (cd /tmp/wrkr-old && ./wrkr version)
#   bench/cli-paired.sh /tmp/wrkr-old [rounds]        (default 30 rounds)
#
# Both builds must read the store this build seeds (same schema, or the old one migrates it).
set -euo pipefail
cd "$(dirname "$0")/.."
old_dir="$(cd "${1:?usage: bench/cli-paired.sh <old-build-dir> [rounds]}" && pwd)"
rounds="${2:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_java "$work" dev.wrkr.bench.DispatchBench
"${java[@]}" seed "sqlite:$work/new/wrkr.db" 10000 10000 >/dev/null
cp -r "$work/new" "$work/old"

commands=("version" "status big" "checkpoint list big" "jobs --limit 20000")
run() { # build-dir home command...
  local d="$1" h="$2"; shift 2
  (cd "$d" && HOME="$work" WRKR_HOME="$h" exec ./wrkr "$@" >/dev/null 2>&1) || true
}
for b in old new; do
  d="$PWD"; [ "$b" = old ] && d="$old_dir"
  # shellcheck disable=SC2086
  for c in "${commands[@]}"; do run "$d" "$work/$b" $c; run "$d" "$work/$b" $c; done
done
: > "$work/times.txt"
for ((r = 0; r < rounds; r++)); do
  order="old new"; (( r % 2 )) && order="new old"
  for b in $order; do
    d="$PWD"; [ "$b" = old ] && d="$old_dir"
    for i in "${!commands[@]}"; do
      s=$(date +%s%N)
      # shellcheck disable=SC2086
      run "$d" "$work/$b" ${commands[$i]}
      e=$(date +%s%N)
      echo "$r $b $i $(( (e - s) / 1000 ))" >> "$work/times.txt"
    done
  done
done
echo "## Paired CLI reads, $rounds rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| command | old ms | new ms | new - old ms (median of paired differences) |"
echo "|---|---:|---:|---:|"
awk -v n="${#commands[@]}" '
  { t[$1, $2, $3] = $4 / 1000; rounds[$1] = 1 }
  function median(a, k,   i, j, x) { for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x } return a[int((k + 1) / 2)] }
  END {
    split("wrkr version (absolute)|wrkr status big, above version|wrkr checkpoint list big, above version|wrkr jobs, above version", label, "|")
    for (i = 0; i < n; i++) {
      k = 0
      for (r in rounds) {
        k++
        o[k] = t[r, "old", i] - (i ? t[r, "old", 0] : 0)
        w[k] = t[r, "new", i] - (i ? t[r, "new", 0] : 0)
        d[k] = w[k] - o[k]
      }
      printf "| %s | %.1f | %.1f | %+.1f |\n", label[i + 1], median(o, k), median(w, k), median(d, k)
    }
  }' "$work/times.txt"
