#!/usr/bin/env bash
# Lists at scale (docs/performance.md, issue #16): a simulator with VMS running VMs per user (10,000) and a
# release StackBridge (1 loop) in front; times, interleaved over ROUNDS rounds, the whole list unpaginated,
# paged at 500 and 1,000 (EC2; GCE allows at most 500), GCE disks paged at 500, and listVirtualMachines and
# listVolumes paged directly against the
# simulator, with bridge CPU, peak RSS, RSS afterwards and idle RSS after start; before the rounds, once, each instance
# list's first page cold against the CloudStack pages it needs (its VMs and the volumes they join).
#
#   Benchmarks/scripts/lists-at-scale.sh [STACKBRIDGE_BINARY]   (default: release build of the root package)
# Environment: VMS (10000), ROUNDS (3), CASES (parts of case names to run, e.g. CASES=EC2,disks; default all),
# SIMULATOR_BINARY (the simulator's binary; default STACKBRIDGE_BINARY). Installs boto3 and cs with pip when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
VMS="${VMS:-10000}"; ROUNDS="${ROUNDS:-3}"
. "$here/stack.sh"
python3 -c 'import boto3, cs' 2>/dev/null || python3 -m pip install -q boto3 cs
bin=$(release_binary "${1:-}")
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${work:-}" ] && rm -rf "$work"' EXIT
# SIMULATOR_BINARY: the simulator from another build, so two bridges are compared in front of the same simulator.
start_simulator "${SIMULATOR_BINARY:-$bin}" "$VMS"
start_bridge "$bin" 1
python3 "$here/lists_at_scale.py" "http://127.0.0.1:$P_BRIDGE" "http://127.0.0.1:$P_SIM/client/api" "$USER_KEY" "$USER_SECRET" \
  "$TOKEN" "$BASE" "$ZONE" "$BRIDGE_PID" "$ROUNDS" "$CS_ZONE"
