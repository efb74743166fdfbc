# Shared by the bench scripts (sourced, not run).

# measure <label> <command...>: runs the command twice to warm up, then $runs times, and prints
# "label|mean ms|median ms|min ms".
measure() {
  local label="$1"; shift
  local i s e times=()
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { t[NR] = $1; sum += $1 }
    END { printf "%s|%.1f|%.1f|%.1f\n", label, sum / NR / 1000, t[int((NR + 1) / 2)] / 1000, t[1] / 1000 }'
}

# bench_java <work-dir> <main-class>: builds the launcher and the test classes, then sets the array
# `java` to run <main-class> from them on the JDK the launcher picked (its AOT key names it);
# also sets `jdk` (that JDK's home) and `cp` (the class path).
bench_java() {
  local work="$1" main="$2"
  ./wrkr version >/dev/null
  jdk="$(sed -n 's/^\([^ ]*\) .*/\1/p' target/wrkr-*.aot.key 2>/dev/null | head -1)"
  [ -n "$jdk" ] || jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
  cp="$PWD/target/test-classes:$PWD/target/classes:$(cat "$work/cp.txt")"
  java=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" "$main")
}
