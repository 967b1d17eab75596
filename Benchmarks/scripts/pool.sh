#!/usr/bin/env bash
# Pool benchmark (docs/performance.md): CloudStackClient over the per-loop keep-alive pool vs a new connection per
# request (the server answers `Connection: close`), listZones against the in-process simulator behind a
# real HTTPServer on 127.0.0.1, interleaved rounds in one process, medians. Prints a markdown table for
# plain HTTP, then for HTTPS (a throw-away self-signed certificate for 127.0.0.1, verified by the client).
#
#   Benchmarks/scripts/pool.sh [POOLBENCH_BINARY]   (default: builds PoolBench in release)
# Environment: SECONDS_PER_RUN (3), WORKERS (32), ROUNDS (5), POOL (16)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bench="${1:-}"
if [ -z "$bench" ]; then
  (cd "$root/Benchmarks" && swift build -c release --product PoolBench >/dev/null)
  bench="$(cd "$root/Benchmarks" && swift build -c release --show-bin-path)/PoolBench"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
args=(seconds="${SECONDS_PER_RUN:-3}" workers="${WORKERS:-32}" rounds="${ROUNDS:-5}" pool="${POOL:-16}")
echo "### http"
"$bench" "${args[@]}"
echo
echo "### https"
"$bench" "${args[@]}" cert="$work/cert.pem" key="$work/key.pem"
echo "$(nproc) cores, $(date -u +%Y-%m-%d)"
