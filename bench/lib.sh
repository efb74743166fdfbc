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
