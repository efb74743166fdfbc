#!/usr/bin/env bash
# Start-up bench: wall time of short wrkr commands through the real launcher, beside the floor of
# a Java hello-world on the same JDK. Prints a markdown table (mean, median, min over N runs).
#
#   bench/startup.sh [runs]        (default 20 runs per row, after 2 warm-up runs)
#
# Run it on a quiet machine: other load shows up directly in these figures.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" WRKR_HOME="$work/home/.wrkr"
unset WRKR_STORE_URL
mkdir -p "$HOME"

./wrkr version >/dev/null # builds and trains the start-up cache if needed
jdk="$(sed -n 's/^\([^ ]*\) .*/\1/p' target/wrkr-*.aot.key 2>/dev/null | head -1)"
[ -n "$jdk" ] || jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$jdk/bin/javac" -d "$work/hello" "$work/hello/Hello.java"

# shellcheck source=bench/lib.sh
. bench/lib.sh


rows=()
rows+=("$(measure "java Hello (floor, same JDK, default flags)" "$jdk/bin/java" -cp "$work/hello" Hello)")
rows+=("$(measure "wrkr version" ./wrkr version)")
rows+=("$(measure "wrkr --explain status" ./wrkr --explain status)")
rows+=("$(measure "wrkr status <missing job> (SQLite)" ./wrkr status job_missing)")
rows+=("$(measure "wrkr help (picocli)" ./wrkr help)")
rows+=("$(measure "wrkr version, no start-up cache" env WRKR_NO_CACHE=1 ./wrkr version)")
rows+=("$(measure "wrkr status <missing job>, no start-up cache" env WRKR_NO_CACHE=1 ./wrkr status job_missing)")

floor="$(printf '%s\n' "${rows[0]}" | cut -d'|' -f3)"
echo "JDK: $("$jdk/bin/java" -version 2>&1 | head -1); runs: $runs; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| command | mean ms | median ms | min ms | median / floor |"
echo "|---|---:|---:|---:|---:|"
for r in "${rows[@]}"; do
  IFS='|' read -r label mean median min <<<"$r"
  ratio="$(awk -v m="$median" -v f="$floor" 'BEGIN { printf "%.1f×", m / f }')"
  echo "| $label | $mean | $median | $min | $ratio |"
done
