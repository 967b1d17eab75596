# Sourced by the load scripts: installs the load tools they need and starts a CloudStack simulator
# with a StackBridge in front of it, both on ephemeral 127.0.0.1 ports.
#
#   release_binary [BIN]      BIN, or the root package's release build of stackbridge (built first)
#   ensure_tools              installs wrk and nginx from Debian's packages when missing
#   start_stack BIN VMS LOOPS starts `BIN simulator --vms VMS` and `BIN serve` with LOOPS loops (start_simulator,
#                             then start_bridge, which can start a second bridge beside the first), then sets
#                             work, SIM_PID, BRIDGE_PID, P_SIM, P_BRIDGE, P_ADMIN, USER_KEY, USER_SECRET,
#                             ADMIN_KEY, ADMIN_SECRET, TOKEN (a GCE access token), BASE (the user's GCE
#                             project URL), ZONE (GCE zone name), CS_ZONE (the EC2 availability zone)
# Environment read: ACCESS_LOG (false); the caller sets root (the repository) before sourcing

release_binary() {
  if [ -n "${1:-}" ]; then echo "$1"; return; fi
  (cd "$root" && swift build -c release --product stackbridge >/dev/null)
  echo "$(cd "$root" && swift build -c release --show-bin-path)/stackbridge"
}

ensure_tools() {
  local missing=""
  command -v wrk >/dev/null || missing="$missing wrk"
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
  [ -n "$missing" ] || return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing:$missing" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# key FILE ROLE FIELD: a key printed by `stackbridge simulator` (ROLE admin or user, FIELD apiKey or secretKey)
key() { awk -v role=" $2 " -v field="$3=" 'index($0, role) {for(i=1;i<=NF;i++) if (index($i, field) == 1) {print substr($i, length(field)+1); exit}}' "$1"; }

start_stack() {
  start_simulator "$1" "$2"
  start_bridge "$1" "$3"
}

# start_simulator BIN VMS: the simulator alone (sets work, SIM_PID, P_SIM and the four keys)
start_simulator() {
  local bin=$1 vms=$2
  work="$(mktemp -d)"
  P_SIM=$(port)
  "$bin" simulator --port "$P_SIM" --vms "$vms" --job-milliseconds 0 > "$work/sim.out" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 600); do grep -q "user " "$work/sim.out" 2>/dev/null && break; sleep 0.2; done
  ADMIN_KEY=$(key "$work/sim.out" admin apiKey); ADMIN_SECRET=$(key "$work/sim.out" admin secretKey)
  USER_KEY=$(key "$work/sim.out" user apiKey); USER_SECRET=$(key "$work/sim.out" user secretKey)
}

# start_bridge BIN LOOPS: a bridge in front of the running simulator (sets BRIDGE_PID, P_BRIDGE, P_ADMIN, TOKEN,
# BASE, ZONE, CS_ZONE); called again with another binary it starts a second bridge beside the first.
start_bridge() {
  local bin=$1 loops=$2
  P_BRIDGE=$(port); P_ADMIN=$(port)
  local token_key; token_key=$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())')
  local config="$work/bridge-$P_BRIDGE.yaml"
  cat > "$config" <<YAML
server: {loops: $loops, http: {address: "127.0.0.1", port: $P_BRIDGE}, publicURL: "http://127.0.0.1:$P_BRIDGE"}
admin: {address: "127.0.0.1", port: $P_ADMIN}
log: {accessLog: ${ACCESS_LOG:-false}, level: warning}
cloudstack: {endpoint: "http://127.0.0.1:$P_SIM/client/api", adminApiKey: "$ADMIN_KEY", adminSecretKey: "$ADMIN_SECRET"}
gce: {tokenKey: "$token_key"}
YAML
  "$bin" serve --config "$config" > "$work/bridge-$P_BRIDGE.out" 2>&1 &
  BRIDGE_PID=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$P_ADMIN/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  # GCE: a token through the bridge's own token command, the zone with the user's instances.
  TOKEN=$(STACKBRIDGE_SECRET_KEY="$USER_SECRET" "$bin" token --config "$config" --api-key "$USER_KEY")
  BASE="http://127.0.0.1:$P_BRIDGE/compute/v1/projects/user1"
  ZONE=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/zones" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["name"])')
  # EC2: the availability zone of the same CloudStack zone.
  CS_ZONE=$(python3 -c '
import boto3, sys
ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="cloudstack-1", aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
print(next(z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"] if z["ZoneName"].lower() == sys.argv[4]))
' "http://127.0.0.1:$P_BRIDGE" "$USER_KEY" "$USER_SECRET" "$ZONE")
}
