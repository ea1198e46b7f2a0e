#!/usr/bin/env bash
# Benchmark regression check of the ring against perf-baselines/.
#
#   benchmarks/check-regression.sh                      check: build, 1 run, compare, exit 1 on a regression
#   benchmarks/check-regression.sh --update-baselines   rewrite perf-baselines/ from 3 runs (medians, spreads, tolerances)
#   benchmarks/check-regression.sh --help
#
# One run = the throughput benchmarks with the short 'ci' profile (BenchmarkDotNet) + the latency harness.
# The comparison itself is C# (the 'check' mode of the benchmark program), so nothing but the .NET SDK is needed.
# It compares ratios (ours vs the Channels baseline of the same run), never absolute times, and requires
# 0 allocated bytes per event wherever the baseline has 0. Tolerances are stated in perf-baselines/*.json and
# printed with the results.
set -euo pipefail
cd "$(dirname "$0")/.."

project=benchmarks/MiniQuantDesk.Benchmarks
update=0
runs=""
latency_events=1000000

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'EOF'
Options:
  --update-baselines   rewrite perf-baselines/*.json from the runs instead of comparing (review, then commit)
  --runs N             runs to take (default 1 for a check, 3 for --update-baselines); a check with N > 1
                       compares the median ratio over the runs
  --latency-events N   measured events per latency scenario (default 1000000)
  --help               this text
Artifacts (BenchmarkDotNet reports, latency JSON, logs) go to artifacts/perf-check/<UTC time>/.
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --update-baselines) update=1 ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --latency-events) latency_events="${2:?--latency-events needs a number}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$runs" ]; then
  if [ "$update" = 1 ]; then runs=3; else runs=1; fi
fi
case "$runs" in ''|*[!0-9]*|0) echo "error: --runs needs a positive whole number, got '$runs'" >&2; exit 2 ;; esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK (see global.json)." >&2
  exit 2
fi

started=$SECONDS
step() { printf '\n== [%3ds] %s\n' "$((SECONDS - started))" "$1"; }

# Percentage of all CPU time that was busy over 2 seconds (/proc/stat), or -1 where there is no /proc/stat.
cpu_busy_percent() {
  [ -r /proc/stat ] || { echo -1; return; }
  local a b c d e f g h t1 i1 t2 i2
  read -r _ a b c d e f g h _ < /proc/stat; t1=$((a + b + c + d + e + f + g + h)); i1=$((d + e))
  sleep 2
  read -r _ a b c d e f g h _ < /proc/stat; t2=$((a + b + c + d + e + f + g + h)); i2=$((d + e))
  echo $(( (100 * ((t2 - t1) - (i2 - i1))) / (t2 - t1 > 0 ? t2 - t1 : 1) ))
}

# On 2 cores, anything else running distorts every number: wait up to a minute for the machine to be quiet.
wait_until_quiet() {
  local busy waited=0
  busy=$(cpu_busy_percent)
  while [ "$busy" -gt 25 ] && [ "$waited" -lt 60 ]; do
    echo "   other processes keep the CPUs ${busy}% busy; waiting for quiet (${waited}s of at most 60s)"
    sleep 3; waited=$((waited + 5))
    busy=$(cpu_busy_percent)
  done
  if [ "$busy" -gt 25 ]; then
    echo "   WARNING: the CPUs are still ${busy}% busy with other work; the results may be disturbed"
  elif [ "$busy" -ge 0 ]; then
    echo "   CPUs ${busy}% busy before measuring (quiet)"
  fi
}

# One run into folder $1: the throughput benchmarks selected by the filters after it (none: nothing), then the
# latency harness if $LATENCY is 1.
measure() {
  local run=$1; shift
  mkdir -p "$run"
  if [ $# -gt 0 ]; then
    step "$label: throughput benchmarks, ci profile (log: $run/throughput.log)"
    wait_until_quiet
    # BenchmarkDotNet is verbose: the full log goes to the file, the progress lines to the console.
    set +e
    bench --profile ci --artifacts "$run/throughput" --filter "$@" < /dev/null 2>&1 \
      | tee "$run/throughput.log" \
      | grep --line-buffered -E '^// (Benchmark: |\*\* Remained )' \
      | sed -u -e 's/^\/\/ Benchmark: /   running /' -e 's/(EvaluateOverhead.*$//' -e 's/^\/\/ \*\* /   /'
    local status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
      tail -40 "$run/throughput.log"
      echo "error: the throughput benchmarks failed (exit $status); full log: $run/throughput.log" >&2
      exit 2
    fi
    grep -E '^\| ' "$run/throughput.log" || true
  fi
  if [ "$LATENCY" = 1 ]; then
    step "$label: latency harness, $latency_events events per scenario"
    wait_until_quiet
    bench latency --events "$latency_events" --json "$run/latency.json" < /dev/null | tee "$run/latency.log" | grep -vE '^// latency: measuring'
  fi
}

out="artifacts/perf-check/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "Benchmark regression check: $runs run(s), latency over $latency_events events; artifacts in $out"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

step "build (Release)"
dotnet build -c Release "$project" -nologo -v quiet > "$out/build.log" 2>&1 || { cat "$out/build.log"; echo "error: the Release build failed" >&2; exit 2; }

bench() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

run_args=()
for i in $(seq 1 "$runs"); do
  label="run $i/$runs"
  LATENCY=1 measure "$out/run-$i" '*'
  run_args+=(--run "$out/run-$i")
done

if [ "$update" = 1 ]; then
  step "rewrite perf-baselines/ from $runs run(s)"
  bench check "${run_args[@]}" --baselines perf-baselines --update-baselines
  status=$?
else
  step "compare with perf-baselines/"
  set +e
  bench check "${run_args[@]}" --baselines perf-baselines --retry-list "$out/retry.txt"
  status=$?
  set -e
  if [ "$status" -eq 1 ] && [ -s "$out/retry.txt" ]; then
    # One disturbed run on a shared 2-core machine is not a regression: re-measure what failed, once, and judge
    # on the best ratio of the two runs. A real regression fails both.
    filters=()
    latency_again=0
    while read -r group; do
      if [ "$group" = latency ]; then latency_again=1; else filters+=("*.$group.*"); fi
    done < "$out/retry.txt"
    label="confirmation run (re-measuring: $(tr '\n' ' ' < "$out/retry.txt"))"
    LATENCY=$latency_again measure "$out/confirm" "${filters[@]}"
    step "compare again, best of the two runs"
    set +e
    bench check "${run_args[@]}" --run "$out/confirm" --baselines perf-baselines
    status=$?
    set -e
  fi
fi

step "done in $((SECONDS - started)) s (exit $status)"
exit "$status"
