#!/usr/bin/env bash
# Front-end benchmark (docs/performance.md): a trivial response through the full async pipeline vs a direct
# evhttp callback answering the same bytes, vs nginx answering the same bytes; plain HTTP and HTTPS
# with keep-alive. All measured side by side in one run, several interleaved rounds, medians.
#
#   Benchmarks/scripts/frontend.sh [SERVER_BINARY]   (default: builds FrontEndServer in release)
# Environment: LOOPS (1), ROUNDS (3), DURATION (5s), CONNECTIONS (64), WRK_THREADS (1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
LOOPS="${LOOPS:-1}"; ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-5s}"; CONNECTIONS="${CONNECTIONS:-64}"; WRK_THREADS="${WRK_THREADS:-1}"
. "$here/stack.sh"
ensure_tools
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

server="${1:-}"
if [ -z "$server" ]; then
  (cd "$root/Benchmarks" && swift build -c release --product FrontEndServer >/dev/null)
  server="$(cd "$root/Benchmarks" && swift build -c release --show-bin-path)/FrontEndServer"
fi

work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 -subj /CN=127.0.0.1 2>/dev/null

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
P_PIPE=$(port); P_DIRECT=$(port); P_PIPE_TLS=$(port); P_DIRECT_TLS=$(port); P_NGINX=$(port); P_NGINX_TLS=$(port)

declare -A pids
"$server" pipeline "$P_PIPE" "$LOOPS" >/dev/null & pids[pipeline]=$!
"$server" direct "$P_DIRECT" "$LOOPS" >/dev/null & pids[direct]=$!
"$server" pipeline "$P_PIPE_TLS" "$LOOPS" "$work/cert.pem" "$work/key.pem" >/dev/null & pids[pipeline_tls]=$!
"$server" direct "$P_DIRECT_TLS" "$LOOPS" "$work/cert.pem" "$work/key.pem" >/dev/null & pids[direct_tls]=$!
cat > "$work/nginx.conf" <<NGINX
worker_processes $LOOPS;
daemon on;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$P_NGINX; location / { default_type text/plain; return 200 'hello'; } }
  server { listen 127.0.0.1:$P_NGINX_TLS ssl; ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
           ssl_protocols TLSv1.2 TLSv1.3;
           location / { default_type text/plain; return 200 'hello'; } }
}
NGINX
"$NGINX" -c "$work/nginx.conf" -p "$work"
sleep 1
# nginx's CPU is its workers' (the master only supervises).
nginx_workers="$(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
pids[nginx]="$nginx_workers"; pids[nginx_tls]="$nginx_workers"

# CPU time (user + system, in clock ticks) of the given processes, from /proc/<pid>/stat.
ticks() { local total=0; for pid in $1; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# One wrk run: prints "req/s cpu-us-per-request" for the server process(es) behind the URL.
rate() {
  local before after out
  before=$(ticks "$2")
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" "$1")
  after=$(ticks "$2")
  echo "$out" | awk -v cpu=$(( (after - before) * TICK_US )) '/requests in/ {n = $1} /Requests\/sec/ {r = $2} END {printf "%s %.2f\n", r, cpu / n}'
}
declare -A results cpu
names=(pipeline direct nginx pipeline_tls direct_tls nginx_tls)
declare -A urls=(
  [pipeline]="http://127.0.0.1:$P_PIPE/" [direct]="http://127.0.0.1:$P_DIRECT/" [nginx]="http://127.0.0.1:$P_NGINX/"
  [pipeline_tls]="https://127.0.0.1:$P_PIPE_TLS/" [direct_tls]="https://127.0.0.1:$P_DIRECT_TLS/" [nginx_tls]="https://127.0.0.1:$P_NGINX_TLS/")
for round in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
    read -r r c <<<"$(rate "${urls[$name]}" "${pids[$name]}")"
    results[$name]+="$r "
    cpu[$name]+="$c "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for name in "${names[@]}"; do
  results[$name]="$(echo "${results[$name]}" | median)"
  cpu[$name]="$(echo "${cpu[$name]}" | median)"
done
ratio() { python3 -c "print(f'{$1/$2*100:.0f}%')"; }
row() { # label name direct-name nginx-name
  local vs_direct="100%"
  [ "$2" != "$3" ] && vs_direct="**$(ratio "${results[$2]}" "${results[$3]}")**"
  [ "$2" = "$4" ] && vs_direct=""
  echo "| $1 | ${results[$2]} | $vs_direct | $(ratio "${results[$2]}" "${results[$4]}") | ${cpu[$2]} |"
}
echo "| server | req/s (median of $ROUNDS) | vs direct evhttp | vs nginx | CPU us/request (median) |"
echo "|---|---|---|---|---|"
row "StackBridge pipeline, http" pipeline direct nginx
row "direct evhttp callback, http" direct direct nginx
row "nginx, http" nginx direct nginx
row "StackBridge pipeline, https keep-alive" pipeline_tls direct_tls nginx_tls
row "direct evhttp callback, https keep-alive" direct_tls direct_tls nginx_tls
row "nginx, https keep-alive" nginx_tls direct_tls nginx_tls
echo
echo "loops=$LOOPS wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION, rounds=$ROUNDS, $(nproc) cores, $(date -u +%Y-%m-%d)"
