#!/usr/bin/env bash
# Runs every fuzz target (one folder each under Tests/Fuzz/Corpus) with libFuzzer for SECONDS each,
# JOBS targets at a time, and prints one line of figures per target (docs/reliability.md "Fuzzing").
# Usage: scripts/fuzz.sh BINARY SECONDS [JOBS] [TARGET...]   (make fuzz builds BINARY and calls this)
# FUZZ_TIMEOUT (seconds per input, default 10): raise it on a busy machine, where a starved process
# would otherwise be reported as a hang.
set -euo pipefail
bin=$1 seconds=$2 jobs=${3:-1}
timeout=${FUZZ_TIMEOUT:-10}
shift $(( $# >= 3 ? 3 : $# ))
root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_OUT:-$root/.build-fuzz}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in "$root"/Tests/Fuzz/Corpus/*/; do targets+=("$(basename "$dir")"); done
fi

run_one() {
    local target=$1
    mkdir -p "$out/corpus/$target"
    if ! "$bin" "$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$out/$target-" "$out/corpus/$target" "$root/Tests/Fuzz/Corpus/$target" \
        > "$out/$target.log" 2>&1; then
        echo "$target: FAILED (log: $out/$target.log)"; tail -40 "$out/$target.log"; return 1
    fi
    local runs rss cov
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' || echo 0)
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$out/$target.log" | tail -1 | grep -o '[0-9]*$' || echo 0)
    echo "$target: ${seconds} s, $runs runs, coverage $cov edges, peak RSS $rss MB, corpus $(ls "$out/corpus/$target" | wc -l) files, no crash, leak or timeout"
}
export -f run_one
export bin seconds out root timeout
mkdir -p "$out"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {}
