#!/usr/bin/env bash
# Jobpack bench (issue 4): `export --unsafe-capture-raw` and `verify` of a job with 100,000 events
# and 1 GB of artifacts (16 x 64 MiB: half log text, half random bytes), each through the real
# launcher in a fresh JVM with -Xmx256m, paired with the machine's sha256 floor (read + hash the
# same bytes in a fresh JVM with -Xmx256m); then the same job exported without raw capture (events
# only), and `wrkr demo`. Prints markdown. Needs /usr/bin/time (GNU) and ~3 GB of free disk.
#
#   bench/jobpack-bench.sh [rounds] [events] [files] [file-MiB]    (defaults: 3 100000 16 64)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
events="${2:-100000}"
files="${3:-16}"
mib="${4:-64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_java "$work" dev.wrkr.bench.JobpackBench

start=$(date +%s)
"${java[@]}" seed "$work" "$events" "$files" "$mib"
echo "seeded $events events and $files x $mib MiB in $(( $(date +%s) - start )) s" >&2

echo "JDK: $("$jdk/bin/java" -version 2>&1 | head -1); $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); $(date +%F)"
echo
"${java[@]}" run "$work" "$PWD/wrkr" "$rounds" "$jdk/bin/java" "$cp"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
