#!/usr/bin/env bash
# Store append benchmarks (JMH): durable single-event and 100-event-batch appends on SQLite and on
# an embedded PostgreSQL, next to the machine's fsync floor measured by the same run in the same
# directory. Prints JMH's table, then the markdown table for docs/performance.md (medians of all
# iterations: on a shared machine the disk has bursts of other work).
#
#   bench/store-bench.sh                         # everything, short settings for a 2-core machine
#   FORKS=1 ITERATIONS=3 bench/store-bench.sh    # quicker
#   bench/store-bench.sh 'StoreAppendBench.singleEvent' -p store=sqlite   # any JMH arguments
#
# Results: target/bench/store-bench.json. Scratch files: target/bench (or $WRKR_BENCH_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

major_of() { # JAVA_VERSION="25.0.1" in <jdk>/release -> 25 ("1.8.0" -> 1)
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && "$(major_of "$JAVA_HOME")" -ge 21 ]] 2>/dev/null; then
    echo "$JAVA_HOME"
    return
  fi
  local best="" best_major=0 jdk major
  for jdk in /usr/lib/jvm/*; do
    major="$(major_of "$jdk")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$jdk" best_major="$major"
    fi
  done
  [[ -n "$best" ]] && echo "$best"
}

JDK="$(find_jdk)" || { echo "store-bench: no JDK >= 21 (set JAVA_HOME)" >&2; exit 1; }
BENCH_DIR="${WRKR_BENCH_DIR:-target/bench}"
mkdir -p "$BENCH_DIR"

mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

if [[ $# -eq 0 ]]; then
  set -- 'dev.wrkr.bench.(FsyncFloorBench|StoreAppendBench|PairedFloorBench).*'
fi
echo "store-bench: $("$JDK/bin/java" -version 2>&1 | head -n 1) at $JDK; $(nproc) cores" >&2
# JMH copies the launcher's JVM options into its forks, so the forks' options go in one place.
"$JDK/bin/java" -cp "$CP" org.openjdk.jmh.Main \
  -f "${FORKS:-2}" -wi "${WARMUPS:-3}" -w 2s -i "${ITERATIONS:-10}" -r 2s \
  -jvmArgsAppend "--enable-native-access=ALL-UNNAMED -Dwrkr.bench.dir=$BENCH_DIR -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
  -rf json -rff "$BENCH_DIR/store-bench.json" "$@"
"$JDK/bin/java" -cp "$CP" dev.wrkr.bench.BenchReport "$BENCH_DIR/store-bench.json"
