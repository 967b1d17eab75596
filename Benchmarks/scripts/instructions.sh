#!/usr/bin/env bash
# Instructions per request (docs/performance.md): the bridge runs under `valgrind --tool=callgrind`, which
# counts instructions rather than time, so the figure does not move with the load of a shared machine. Each
# path is driven twice, N1 and N2 sequential keep-alive requests in two fresh processes; the difference over
# N2-N1 is the cost of one request with start-up and the first (cold) requests cancelled out.
#
#   Benchmarks/scripts/instructions.sh [STACKBRIDGE_BINARY]   (default: release build of the root package)
# Environment: N1 (50), N2 (250), VMS (10)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
N1="${N1:-50}"; N2="${N2:-250}"; VMS="${VMS:-10}"
. "$here/stack.sh"
bin=$(release_binary "${1:-}")
command -v valgrind >/dev/null || { sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd=sudo; $sudo_cmd apt-get install -y -qq valgrind >/dev/null; }
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

P_SIM=$(port)
"$bin" simulator --port "$P_SIM" --vms "$VMS" --job-milliseconds 0 > "$work/sim.out" 2>&1 &
for _ in $(seq 100); do grep -q "user " "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
ADMIN_KEY=$(key "$work/sim.out" admin apiKey); ADMIN_SECRET=$(key "$work/sim.out" admin secretKey)
USER_KEY=$(key "$work/sim.out" user apiKey); USER_SECRET=$(key "$work/sim.out" user secretKey)
TOKEN_KEY=$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())')

# run_bridge PATH COUNT -> instructions (Ir) of one bridge process that answered COUNT requests of PATH
run_bridge() {
  local path=$1 count=$2 p_bridge p_admin out
  p_bridge=$(port); p_admin=$(port); out="$work/callgrind.$path.$count"
  cat > "$work/bridge.yaml" <<YAML
server: {loops: 1, http: {address: "127.0.0.1", port: $p_bridge}, publicURL: "http://127.0.0.1:$p_bridge"}
admin: {address: "127.0.0.1", port: $p_admin}
log: {accessLog: false, level: warning}
cloudstack: {endpoint: "http://127.0.0.1:$P_SIM/client/api", adminApiKey: "$ADMIN_KEY", adminSecretKey: "$ADMIN_SECRET"}
gce: {tokenKey: "$TOKEN_KEY"}
YAML
  valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" serve --config "$work/bridge.yaml" > "$work/bridge.out" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$p_admin/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  python3 "$here/drive.py" "$path" "http://127.0.0.1:$p_bridge" "$USER_KEY" "$USER_SECRET" "$work/bridge.yaml" "$bin" "$count"
  kill -TERM "$pid"; wait "$pid" || true
  awk '/^summary:/ {print $2}' "$out"
}

echo "| path | Ir with $N1 requests | Ir with $N2 requests | instructions per request |"
echo "|---|---|---|---|"
for path in ec2 gce; do
  a=$(run_bridge "$path" "$N1"); b=$(run_bridge "$path" "$N2")
  echo "| $path | $a | $b | $(( (b - a) / (N2 - N1) )) |"
done
echo
echo "valgrind --tool=callgrind, sequential keep-alive requests, $VMS VMs, 1 loop, access log off, $(date -u +%Y-%m-%d)"
