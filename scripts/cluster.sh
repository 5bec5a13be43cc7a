#!/usr/bin/env bash
# The local multi-process Dapr cluster: Redis, placement, N actor hosts (each an
# actor-host app with its daprd) and the gateway with its daprd, all on 127.0.0.1.
#
#   cluster.sh start STATE_DIR HOSTS [GATEWAY_PORT] [GATEWAY_SIDECAR_HTTP_PORT]
#   cluster.sh stop STATE_DIR
#   cluster.sh start-host STATE_DIR N      (re)start actor host N and its sidecar
#   cluster.sh stop-host STATE_DIR N [SIGNAL]   stop them (TERM by default; KILL for a crash)
#   cluster.sh scale STATE_DIR N          add or gracefully remove hosts until N run
#
# Every other port is picked free at start and written to STATE_DIR/ports.env;
# the Dapr API token and the app token (WASMACTORS_DAPR_API_TOKEN and WASMACTORS_APP_API_TOKEN,
# random when unset) go to STATE_DIR/tokens.env, readable by the owner only;
# every process's pid goes to STATE_DIR/pids/NAME.pid and its log to STATE_DIR/logs/NAME.log
# (daprd and placement log at WASMACTORS_DAPR_LOG_LEVEL, warn by default; debug to trace a call).
# WASMACTORS_DAPR_PROFILE=1 has every sidecar serve Go's pprof on 127.0.0.1 at the port
# ports.env names <GATEWAY|HOSTn>_DAPR_PROFILE (go tool pprof http://127.0.0.1:PORT/debug/pprof/profile).
# Stopping kills exactly those pids, so a cluster can run beside another one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DAPR_VERSION="${DAPR_VERSION:-1.16.5}"
dapr_bin="${WASMACTORS_CACHE:-$HOME/.cache/wasmactors}/dapr/$DAPR_VERSION"
functions_dir="${WASMACTORS_FUNCTIONS:-$root/functions/target/wasm}"
models_dir="${WASMACTORS_MODELS:-$(cd "$root/.." && pwd)/shared/models}"
dapr_log_level="${WASMACTORS_DAPR_LOG_LEVEL:-warn}"
# shellcheck source=java-env.sh
source "$root/scripts/java-env.sh"
jvm_flags="$WASMACTORS_JVM_FLAGS"
# App ids and the like, shared with the Kubernetes manifests.
# shellcheck disable=SC1091
source "$root/deploy/local.env"

# A free loopback port not handed out before to this cluster (the kernel may offer a port again
# once its probe socket is closed, and two daemons must not get the same one).
free_port() {
  python3 - "$state/ports.taken" <<'PY'
import os, socket, sys
taken_file = sys.argv[1]
taken = set(open(taken_file).read().split()) if os.path.exists(taken_file) else set()
while True:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = str(probe.getsockname()[1])
    probe.close()
    if port not in taken:
        with open(taken_file, "a") as out:
            out.write(port + "\n")
        print(port)
        break
PY
}

token() {
  python3 -c 'import secrets; print(secrets.token_hex(24))'
}

# Extra Spring arguments for host N only: WASMACTORS_HOST<N>_ARGS (say, which functions it serves).
host_args() {
  local variable="WASMACTORS_HOST$1_ARGS"
  echo "${!variable:-}"
}

launch() {
  local name="$1"; shift
  nohup "$@" >"$state/logs/$name.log" 2>&1 &
  echo $! >"$state/pids/$name.pid"
}

wait_for() {
  local name="$1" url="$2" seconds="${3:-120}"
  for ((i = 0; i < seconds * 4; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    if ! kill -0 "$(cat "$state/pids/$name.pid")" 2>/dev/null; then
      echo "cluster: $name exited while starting; the end of $state/logs/$name.log:" >&2
      tail -20 "$state/logs/$name.log" >&2
      return 1
    fi
    sleep 0.25
  done
  echo "cluster: $name not ready within ${seconds}s; see $state/logs/$name.log" >&2
  return 1
}

render_components() {
  mkdir -p "$state/components"
  for file in "$root"/components/*.yaml; do
    sed "s#\${REDIS_ADDRESS}#127.0.0.1:$REDIS_PORT#g" "$file" >"$state/components/$(basename "$file")"
  done
}

# daprd for app $1 (app id $2), app port $3 ('' for none), ports from the prefix $4 in ports.env.
start_sidecar() {
  local name="$1" app_id="$2" app_port="$3" prefix="$4"
  local http="${prefix}_DAPR_HTTP" grpc="${prefix}_DAPR_GRPC" internal="${prefix}_DAPR_INTERNAL" metrics="${prefix}_DAPR_METRICS"
  local args=(--app-id "$app_id" --dapr-http-port "${!http}" --dapr-grpc-port "${!grpc}"
              --dapr-internal-grpc-port "${!internal}" --metrics-port "${!metrics}" --metrics-listen-address 127.0.0.1
              --dapr-listen-addresses 127.0.0.1 --dapr-internal-grpc-listen-address 127.0.0.1
              --placement-host-address "127.0.0.1:$PLACEMENT_PORT" --resources-path "$state/components"
              --config "$state/components/config.yaml" --log-level "$dapr_log_level" --dapr-graceful-shutdown-seconds 20
              --max-body-size "$DAPR_MAX_BODY_SIZE")
  [[ -n "$app_port" ]] && args+=(--app-port "$app_port" --app-protocol http)
  if [[ -n "${WASMACTORS_DAPR_PROFILE:-}" ]]; then
    local profile_port
    profile_port="$(free_port)"
    echo "${prefix}_DAPR_PROFILE=$profile_port" >>"$state/ports.env"
    args+=(--enable-profiling --profile-port "$profile_port")
  fi
  # The app token is what a sidecar shows its app, which refuses callers without it. The API
  # token guards the gateway's sidecar, the cluster's entry point; the hosts' sidecars go without,
  # as the Java SDK's ActorRuntime (1.16.1) sends no token on its state calls (DEVELOPERS.md).
  local api_token=""
  [[ "$app_id" == "$GATEWAY_APP_ID" ]] && api_token="$DAPR_API_TOKEN"
  DAPR_HOST_IP=127.0.0.1 DAPR_API_TOKEN="$api_token" APP_API_TOKEN="$APP_API_TOKEN" \
    launch "$name-dapr" "$dapr_bin/daprd" "${args[@]}"
  wait_for "$name-dapr" "http://127.0.0.1:${!http}/v1.0/healthz/outbound"
}

# Host number $1: picks its ports, starts the app and its sidecar.
start_host() {
  local n="$1"
  local ports
  ports="HOST${n}_APP=$(free_port) HOST${n}_DAPR_HTTP=$(free_port) HOST${n}_DAPR_GRPC=$(free_port) HOST${n}_DAPR_INTERNAL=$(free_port) HOST${n}_DAPR_METRICS=$(free_port)"
  tr ' ' '\n' <<<"$ports" >>"$state/ports.env"
  # shellcheck disable=SC1091
  source "$state/ports.env"
  local app="HOST${n}_APP" http="HOST${n}_DAPR_HTTP" grpc="HOST${n}_DAPR_GRPC"
  DAPR_HTTP_PORT="${!http}" DAPR_GRPC_PORT="${!grpc}" APP_API_TOKEN="$APP_API_TOKEN" launch "host$n" \
    java $jvm_flags $ACTOR_HOST_JAVA_OPTIONS -jar "$root/actor-host/target/extracted/wasmactors-actor-host.jar" \
      --server.port="${!app}" --wasmactors.host.name="host$n" \
      --wasmactors.host.functions-dir="$functions_dir" --wasmactors.host.models-dir="$models_dir" \
      ${WASMACTORS_HOST_ARGS:-} $(host_args "$n")
  wait_for "host$n" "http://127.0.0.1:${!app}/actuator/health"
  start_sidecar "host$n" "$ACTOR_HOST_APP_ID" "${!app}" "HOST${n}"
}

start() {
  local hosts="$1" gateway_port="${2:-$(free_port)}" gateway_sidecar="${3:-$(free_port)}"
  [[ -x "$dapr_bin/daprd" && -x "$dapr_bin/placement" ]] || { echo "cluster: no Dapr $DAPR_VERSION in $dapr_bin; run scripts/build-dapr.sh" >&2; exit 1; }
  mkdir -p "$state/pids" "$state/logs" "$state/redis"
  cat >"$state/ports.env" <<PORTS
REDIS_PORT=$(free_port)
PLACEMENT_PORT=$(free_port)
PLACEMENT_HEALTH=$(free_port)
PLACEMENT_METRICS=$(free_port)
PLACEMENT_RAFT=$(free_port)
GATEWAY_PORT=$gateway_port
GATEWAY_DAPR_HTTP=$gateway_sidecar
GATEWAY_DAPR_GRPC=$(free_port)
GATEWAY_DAPR_INTERNAL=$(free_port)
GATEWAY_DAPR_METRICS=$(free_port)
PORTS
  # shellcheck disable=SC1091
  source "$state/ports.env"
  (umask 077 && cat >"$state/tokens.env" <<TOKENS
DAPR_API_TOKEN=${WASMACTORS_DAPR_API_TOKEN:-$(token)}
APP_API_TOKEN=${WASMACTORS_APP_API_TOKEN:-$(token)}
TOKENS
  )
  # shellcheck disable=SC1091
  source "$state/tokens.env"
  render_components

  launch redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$state/redis" --appendonly yes --save ""
  for _ in $(seq 40); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
  # 1000 virtual nodes per host (default 100) even out each host's share of the actor ids.
  launch placement "$dapr_bin/placement" --port "$PLACEMENT_PORT" --listen-address 127.0.0.1 \
    --healthz-port "$PLACEMENT_HEALTH" --healthz-listen-address 127.0.0.1 --metrics-port "$PLACEMENT_METRICS" \
    --metrics-listen-address 127.0.0.1 --initial-cluster "dapr-placement-0=127.0.0.1:$PLACEMENT_RAFT" --log-level "$dapr_log_level" \
    --replicationFactor 1000
  wait_for placement "http://127.0.0.1:$PLACEMENT_HEALTH/healthz"

  for ((n = 1; n <= hosts; n++)); do start_host "$n"; done

  start_sidecar gateway "$GATEWAY_APP_ID" "" GATEWAY
  DAPR_HTTP_PORT="$GATEWAY_DAPR_HTTP" DAPR_GRPC_PORT="$GATEWAY_DAPR_GRPC" DAPR_API_TOKEN="$DAPR_API_TOKEN" launch gateway \
    java $jvm_flags -jar "$root/gateway/target/extracted/wasmactors-gateway.jar" --server.port="$GATEWAY_PORT" \
      --wasmactors.mode=dapr --wasmactors.functions-dir="$functions_dir" ${WASMACTORS_GATEWAY_ARGS:-}
  wait_for gateway "http://127.0.0.1:$GATEWAY_PORT/actuator/health"
}

# Sends SIGNAL to the processes of the given pid files and waits until they are gone.
terminate() {
  local signal="$1"; shift
  local pids=()
  for pidfile in "$@"; do
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile")"
    kill "-$signal" "$pid" 2>/dev/null && pids+=("$pid")
    rm -f "$pidfile"
  done
  ((${#pids[@]})) || return 0
  for _ in $(seq 60); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}

stop() {
  [[ -d "$state/pids" ]] || return 0
  terminate TERM "$state"/pids/*.pid
}

stop_host() {
  local n="$1" signal="${2:-TERM}"
  if [[ "$signal" == KILL ]]; then
    terminate KILL "$state/pids/host$n.pid" "$state/pids/host$n-dapr.pid"
    return
  fi
  # The sidecar first: it leaves placement (its actors move to other hosts) and waits for the
  # calls in flight, which the app, still running, finishes; then the app.
  terminate TERM "$state/pids/host$n-dapr.pid"
  terminate TERM "$state/pids/host$n.pid"
}

running_hosts() {
  local n
  for pidfile in "$state"/pids/host*.pid; do
    n="$(basename "$pidfile" .pid)"
    [[ "$n" =~ ^host([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}"
  done | sort -n
}

# Adds hosts (numbered after the highest) or stops the highest-numbered ones, gracefully.
scale() {
  local want="$1"
  local hosts
  mapfile -t hosts < <(running_hosts)
  local count=${#hosts[@]} highest=0
  ((count)) && highest=${hosts[count - 1]}
  while ((count < want)); do
    highest=$((highest + 1))
    start_one_host "$highest"
    count=$((count + 1))
  done
  while ((count > want)); do
    stop_host "${hosts[count - 1]}" TERM
    count=$((count - 1))
  done
}

start_one_host() {
  # shellcheck disable=SC1091
  source "$state/ports.env"
  # shellcheck disable=SC1091
  source "$state/tokens.env"
  start_host "$1"
}

command="${1:-}"; state="${2:-}"
[[ -n "$command" && -n "$state" ]] || { sed -n '2,16p' "$0" >&2; exit 64; }
state="$(mkdir -p "$state" && cd "$state" && pwd)"
case "$command" in
  start)
    shift 2
    # A cluster that cannot start completely stops what it started.
    trap 'echo "cluster: start failed; stopping what started" >&2; stop' ERR
    start "$@"
    ;;
  stop) stop ;;
  start-host) start_one_host "$3" ;;
  stop-host) stop_host "$3" "${4:-TERM}" ;;
  scale) scale "$3" ;;
  *) sed -n '2,16p' "$0" >&2; exit 64 ;;
esac
