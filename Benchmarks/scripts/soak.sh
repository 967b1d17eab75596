#!/usr/bin/env bash
# Soak (docs/reliability.md): mixed EC2 and GCE traffic at about 70% of measured capacity for a bounded time on a
# release build, in one-minute slices; after each slice the bridge's RSS and open descriptors are read
# from /proc, and each slice's p99 and error count are reported. Everything binds to 127.0.0.1.
#
#   Benchmarks/scripts/soak.sh [STACKBRIDGE_BINARY]   (default: release build of the root package)
# Environment: SLICES (10), SLICE (60s), CONNECTIONS (8: capacity is measured with these), LOAD (0.7 of
# capacity, reached by choosing fewer connections), LOOPS (2)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
SLICES="${SLICES:-10}"; SLICE="${SLICE:-60s}"; CONNECTIONS="${CONNECTIONS:-8}"; LOAD="${LOAD:-0.7}"; LOOPS="${LOOPS:-2}"
. "$here/stack.sh"
bin=$(release_binary "${1:-}")
ensure_tools
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${work:-}" ] && rm -rf "$work"' EXIT
start_stack "$bin" 10 "$LOOPS"

# The mix: EC2 DescribeInstances (zone filter) and DescribeAvailabilityZones, SigV4-signed once (valid
# for 15 minutes, so the soak stays within that), and GCE instances.list and zones.list with a token.
python3 - "$work/mix.lua" "http://127.0.0.1:$P_BRIDGE" "$USER_KEY" "$USER_SECRET" "$CS_ZONE" "$TOKEN" "$ZONE" <<'PY'
import json, sys, urllib.parse
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
out, endpoint, key, secret, zone, token, gce_zone = sys.argv[1:8]
requests = []
for query in ({"Action": "DescribeInstances", "Version": "2016-11-15", "Filter.1.Name": "availability-zone", "Filter.1.Value.1": zone},
              {"Action": "DescribeAvailabilityZones", "Version": "2016-11-15"}):
    url = endpoint + "/?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    request = AWSRequest(method="GET", url=url)
    SigV4Auth(Credentials(key, secret), "ec2", "cloudstack-1").add_auth(request)
    headers = {k: v for k, v in request.headers.items() if k.lower() != "host"}
    requests.append((url[len(endpoint):], headers))
for path in (f"/compute/v1/projects/user1/zones/{gce_zone}/instances", "/compute/v1/projects/user1/zones"):
    requests.append((path, {"Authorization": "Bearer " + token}))
# wrk.format sends only the headers it is given, and the front end refuses a request without Host.
host = urllib.parse.urlsplit(endpoint).netloc
requests = [(path, dict(headers, Host=host)) for path, headers in requests]
with open(out, "w") as f:
    f.write("local requests = {}\n")
    for path, headers in requests:
        f.write("table.insert(requests, wrk.format('GET', %s, %s))\n" % (
            json.dumps(path), "{" + ", ".join("[%s] = %s" % (json.dumps(k), json.dumps(v)) for k, v in headers.items()) + "}"))
    f.write("local n = 0\nfunction request() n = n + 1; return requests[(n %% %d) + 1] end\n" % len(requests))
    f.write("local pause = tonumber(os.getenv('SOAK_DELAY_MS') or '0')\nfunction delay() return pause end\n")
PY

status() { awk '/^VmRSS/ {print $2}' "/proc/$BRIDGE_PID/status"; }
fds() { ls "/proc/$BRIDGE_PID/fd" | wc -l; }
# run DURATION DELAY_MS -> "requests rps p99_ms errors"
run() {
  local out; out=$(SOAK_DELAY_MS="$2" wrk -t1 -c"$CONNECTIONS" -d"$1" --latency -s "$work/mix.lua" "http://127.0.0.1:$P_BRIDGE")
  local reqs rps p99 non2xx sockerr
  reqs=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v/=1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v*=1000}; print v}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}'); sockerr=$(echo "$out" | awk '/Socket errors/ {s=0; for(i=3;i<=NF;i++) if ($i ~ /^[0-9]+,?$/) s+=$i; print s}')
  echo "$reqs $rps $p99 $(( ${non2xx:-0} + ${sockerr:-0} ))"
}

echo "warming up" >&2; run 5s 0 >/dev/null
read -r _ capacity _ _ < <(run 10s 0)
# wrk paces only in whole milliseconds, too coarse at these rates, so the load is set by concurrency:
# the connection count (up to CONNECTIONS) whose unthrottled rate is closest to LOAD x capacity.
best=1; best_gap=""
for c in $(seq 1 "$CONNECTIONS"); do
  read -r _ r _ _ < <(CONNECTIONS=$c run 3s 0)
  gap=$(python3 -c "print(abs($r - $capacity * $LOAD))")
  if [ -z "$best_gap" ] || python3 -c "import sys; sys.exit(0 if $gap < $best_gap else 1)"; then best=$c; best_gap=$gap; fi
done
full=$CONNECTIONS; CONNECTIONS=$best; delay=0
idle_rss=$(status); idle_fds=$(fds)
echo "capacity $capacity req/s (unthrottled, $full connections); soak with $CONNECTIONS connections" >&2
echo "| slice | req/s | % of capacity | p99 ms | errors | RSS KiB | descriptors |"
echo "|---|---|---|---|---|---|---|"
echo "| before | | | | | $idle_rss | $idle_fds |"
total_errors=0
for i in $(seq "$SLICES"); do
  read -r _ rps p99 errors < <(run "$SLICE" "$delay")
  total_errors=$((total_errors + errors))
  echo "| $i | $rps | $(python3 -c "print(f'{100*$rps/$capacity:.0f}')") | $p99 | $errors | $(status) | $(fds) |"
done
kill -0 "$BRIDGE_PID"
echo
echo "soak: $SLICES x $SLICE, wrk -t1 -c$CONNECTIONS, $LOOPS loops, capacity $capacity req/s at -c$full, $total_errors errors, $(nproc) cores, $(date -u +%Y-%m-%d)"
[ "$total_errors" = 0 ]
