#!/usr/bin/env bash
# End-to-end cost per request (docs/performance.md): CPU time StackBridge spends on a 10-VM EC2
# DescribeInstances and a 10-VM GCE instances.list, against a separate simulator process, compared
# side by side with nginx proxying the equivalent CloudStack listVirtualMachines to the same
# simulator (the "bare proxy hop") and with the simulator answering directly.
#
#   Benchmarks/scripts/end-to-end.sh [STACKBRIDGE_BINARY [BASELINE_BINARY]]   (default: release build of the root package)
# With BASELINE_BINARY (e.g. the release build of the commit before a change), a second bridge of that build runs
# beside the first, in front of the same simulator, and is measured in the same interleaved rounds: the "before and
# after" of a change on these paths, side by side in one run.
# Environment: DURATION (5s), CONNECTIONS (16), ROUNDS (3), ACCESS_LOG (false: the bridge's access log;
# true writes one line per request to a file, as a deployment with the default configuration would), LOOPS (1: the
# bridges' event loops)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-5s}"; CONNECTIONS="${CONNECTIONS:-16}"; ROUNDS="${ROUNDS:-3}"; ACCESS_LOG="${ACCESS_LOG:-false}"; LOOPS="${LOOPS:-1}"
. "$here/stack.sh"
bin=$(release_binary "${1:-}")
ensure_tools
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "${work:-}/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; [ -n "${work:-}" ] && rm -rf "$work"' EXIT
start_stack "$bin" 20 "$LOOPS"
P_NGINX=$(port)
GCE_URL="$BASE/zones/$ZONE/instances"
GCE_COUNT=$(curl -sf -H "Authorization: Bearer $TOKEN" "$GCE_URL" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["items"]))')
# EC2: the same zone's instances (a filter CloudStack applies), signed once, replayable for 15 minutes.
EC2_JSON=$(python3 "$here/sign_requests.py" ec2 "http://127.0.0.1:$P_BRIDGE" "$USER_KEY" "$USER_SECRET" cloudstack-1 "$CS_ZONE")
CS_DIRECT_JSON=$(python3 "$here/sign_requests.py" cloudstack "http://127.0.0.1:$P_SIM/client/api" "$USER_KEY" "$USER_SECRET")
cat > "$work/nginx.conf" <<NGINX
worker_processes 1; master_process off; daemon on; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 4096; }
http { access_log off;
  upstream cloudstack { server 127.0.0.1:$P_SIM; keepalive 32; }
  server { listen 127.0.0.1:$P_NGINX; keepalive_requests 1000000;
    location / { proxy_pass http://cloudstack; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
NGINX
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX" -c "$work/nginx.conf" -p "$work"; sleep 0.5
NGINX_PID=$(cat "$work/nginx.pid")

# wrk with fixed headers (Lua), replaying each signed request.
lua() { python3 - "$1" > "$2" <<'PY'
import json, sys
spec = json.loads(sys.argv[1])
print("wrk.method = 'GET'")
for k, v in spec.get("headers", {}).items():
    if k.lower() != "host":
        print(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}")
PY
}
lua "$EC2_JSON" "$work/ec2.lua"
python3 -c 'import json,sys;print("wrk.headers[\"Authorization\"] = \"Bearer %s\"" % sys.argv[1])' "$TOKEN" > "$work/gce.lua"
echo "" > "$work/none.lua"
EC2_URL=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["url"])' "$EC2_JSON")
CS_URL=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["url"])' "$CS_DIRECT_JSON")
NGINX_URL="${CS_URL/127.0.0.1:$P_SIM/127.0.0.1:$P_NGINX}"
EC2_COUNT=$(python3 -c '
import json, sys, urllib.request
spec = json.loads(sys.argv[1])
request = urllib.request.Request(spec["url"], headers={k: v for k, v in spec["headers"].items() if k.lower() != "host"})
print(urllib.request.urlopen(request).read().decode().count("<instanceId>"))' "$EC2_JSON")

# The baseline bridge, if any: same simulator, same requests, its own token and signature.
if [ -n "${2:-}" ]; then
  saved=("$BRIDGE_PID" "$P_BRIDGE" "$P_ADMIN" "$TOKEN" "$BASE" "$ZONE" "$CS_ZONE")
  start_bridge "$2" "$LOOPS"
  B_PID=$BRIDGE_PID
  B_GCE_URL="$BASE/zones/$ZONE/instances"
  B_EC2_JSON=$(python3 "$here/sign_requests.py" ec2 "http://127.0.0.1:$P_BRIDGE" "$USER_KEY" "$USER_SECRET" cloudstack-1 "$CS_ZONE")
  lua "$B_EC2_JSON" "$work/b-ec2.lua"
  python3 -c 'import json,sys;print("wrk.headers[\"Authorization\"] = \"Bearer %s\"" % sys.argv[1])' "$TOKEN" > "$work/b-gce.lua"
  B_EC2_URL=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["url"])' "$B_EC2_JSON")
  BRIDGE_PID=${saved[0]} P_BRIDGE=${saved[1]} P_ADMIN=${saved[2]} TOKEN=${saved[3]} BASE=${saved[4]} ZONE=${saved[5]} CS_ZONE=${saved[6]}
fi

# measure NAME PID URL LUA -> "req/s cpu_us_per_request"
measure() {
  local pid=$2 url=$3 script=$4 tick; tick=$(getconf CLK_TCK)
  read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  local out; out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$script" "$url")
  read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  local reqs rps errors; reqs=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}'); [ -n "$errors" ] && { echo "$1: $errors non-2xx answers" >&2; exit 1; }
  python3 -c "print(f'{$rps:.0f} {(($u1-$u0)+($s1-$s0))/$tick*1e6/$reqs:.1f}')"
}
declare -A cpu rps
names=(ec2 gce nginx direct)
[ -n "${B_PID:-}" ] && names+=(base_ec2 base_gce)
for round in $(seq "$ROUNDS"); do
  read -r r c < <(measure ec2 "$BRIDGE_PID" "$EC2_URL" "$work/ec2.lua"); cpu[ec2]+="$c "; rps[ec2]+="$r "
  if [ -n "${B_PID:-}" ]; then
    read -r r c < <(measure base_ec2 "$B_PID" "$B_EC2_URL" "$work/b-ec2.lua"); cpu[base_ec2]+="$c "; rps[base_ec2]+="$r "
  fi
  read -r r c < <(measure gce "$BRIDGE_PID" "$GCE_URL" "$work/gce.lua"); cpu[gce]+="$c "; rps[gce]+="$r "
  if [ -n "${B_PID:-}" ]; then
    read -r r c < <(measure base_gce "$B_PID" "$B_GCE_URL" "$work/b-gce.lua"); cpu[base_gce]+="$c "; rps[base_gce]+="$r "
  fi
  read -r r c < <(measure nginx "$NGINX_PID" "$NGINX_URL" "$work/none.lua"); cpu[nginx]+="$c "; rps[nginx]+="$r "
  read -r r c < <(measure direct "$SIM_PID" "$CS_URL" "$work/none.lua"); cpu[direct]+="$c "; rps[direct]+="$r "
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for n in "${names[@]}"; do cpu[$n]=$(echo "${cpu[$n]}" | median); rps[$n]=$(echo "${rps[$n]}" | median); done
ratio() { python3 -c "print(f'{$1/$2:.1f}x')"; }
echo "| path | instances | req/s | CPU us/request (process measured) | vs nginx proxy hop |"
echo "|---|---|---|---|---|"
echo "| EC2 DescribeInstances via StackBridge | $EC2_COUNT | ${rps[ec2]} | ${cpu[ec2]} (stackbridge) | $(ratio "${cpu[ec2]}" "${cpu[nginx]}") |"
echo "| GCE instances.list via StackBridge | $GCE_COUNT | ${rps[gce]} | ${cpu[gce]} (stackbridge) | $(ratio "${cpu[gce]}" "${cpu[nginx]}") |"
echo "| listVirtualMachines via nginx proxy_pass | 10 | ${rps[nginx]} | ${cpu[nginx]} (nginx) | 1.0x |"
echo "| listVirtualMachines from the simulator directly | 10 | ${rps[direct]} | ${cpu[direct]} (simulator) | |"
if [ -n "${B_PID:-}" ]; then
  echo "| EC2 DescribeInstances via the baseline build | $EC2_COUNT | ${rps[base_ec2]} | ${cpu[base_ec2]} (baseline) | $(ratio "${cpu[base_ec2]}" "${cpu[nginx]}") |"
  echo "| GCE instances.list via the baseline build | $GCE_COUNT | ${rps[base_gce]} | ${cpu[base_gce]} (baseline) | $(ratio "${cpu[base_gce]}" "${cpu[nginx]}") |"
  echo
  echo "this build / baseline, CPU per request: EC2 $(python3 -c "print(f'{${cpu[ec2]}/${cpu[base_ec2]}:.2f}x')"), GCE $(python3 -c "print(f'{${cpu[gce]}/${cpu[base_gce]}:.2f}x')")"
fi
echo
echo "wrk -t1 -c$CONNECTIONS -d$DURATION, medians of $ROUNDS interleaved rounds, $LOOPS loop(s), access log $ACCESS_LOG, $(nproc) cores, $(date -u +%Y-%m-%d)"
