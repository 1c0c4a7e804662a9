#!/usr/bin/env bash
# Latency and throughput of the decision API over gRPC, measured with our own load generator
# (loadtests/GovAuthZ.LoadGen) against a real server:
#   - builds the server and the load generator in Release;
#   - starts the server on two free loopback ports with the shipped policies/, waits for /readyz;
#   - one call at a time: health and check interleaved on one HTTP/2 connection (A B B A), so both
#     see the same machine state and the difference of their percentiles is what the decision adds;
#   - throughput: closed loop at concurrency 16 over 2 connections, check-varied;
#   - stops the server on exit, whatever happened.
# Settings (environment): WARMUP (5s), DURATION (20s), THROUGHPUT_CONCURRENCY (16),
# THROUGHPUT_CONNECTIONS (2), THROUGHPUT_DURATION (DURATION), JSON_DIR (also write each report
# there as JSON), SKIP_BUILD=1 (use the existing Release build).
# Exit status: non-zero when the build, the server or any measured call failed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WARMUP="${WARMUP:-5s}"
DURATION="${DURATION:-20s}"
THROUGHPUT_CONCURRENCY="${THROUGHPUT_CONCURRENCY:-16}"
THROUGHPUT_CONNECTIONS="${THROUGHPUT_CONNECTIONS:-2}"
THROUGHPUT_DURATION="${THROUGHPUT_DURATION:-$DURATION}"
JSON_DIR="${JSON_DIR:-}"
SERVER_DLL="src/GovAuthZ.Server/bin/Release/net10.0/GovAuthZ.Server.dll"
LOADGEN_DLL="loadtests/GovAuthZ.LoadGen/bin/Release/net10.0/govauthz-loadgen.dll"
READY_TIMEOUT_SECONDS=60

say() { printf 'latency: %s\n' "$*"; }

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "building Release"
  dotnet build src/GovAuthZ.Server -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet build loadtests/GovAuthZ.LoadGen -c Release --nologo -v quiet -clp:ErrorsOnly
fi

for dll in "$SERVER_DLL" "$LOADGEN_DLL"; do
  if [[ ! -f $dll ]]; then
    say "$dll not found: build first (or drop SKIP_BUILD)"
    exit 1
  fi
done

# Two ports the kernel hands out as free; both sockets are open at once so the ports differ.
read -r HTTP_PORT GRPC_PORT < <(python3 -c '
import socket
a, b = socket.socket(), socket.socket()
a.bind(("127.0.0.1", 0)); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])
a.close(); b.close()')

SERVER_LOG="$(mktemp -t govauthz-latency-server.XXXXXX.log)"
SERVER_PID=""
stop_server() {
  local rc=$?
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 ]]; then
    say "server log ($SERVER_LOG):"
    tail -n 50 "$SERVER_LOG" || true
  else
    rm -f "$SERVER_LOG"
  fi
  exit "$rc"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The server runs with its shipped defaults (logging included): the figures are those of what ships.
GovAuthZ__Http__Url="http://127.0.0.1:$HTTP_PORT" \
GovAuthZ__Grpc__Url="http://127.0.0.1:$GRPC_PORT" \
GovAuthZ__PolicyDir="$REPO_ROOT/policies" \
  dotnet "$SERVER_DLL" </dev/null >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
say "server pid $SERVER_PID: http 127.0.0.1:$HTTP_PORT, grpc 127.0.0.1:$GRPC_PORT"

deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/readyz" 2>/dev/null; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    say "server exited before it was ready"
    exit 1
  fi
  if [[ $SECONDS -ge $deadline ]]; then
    say "server not ready after ${READY_TIMEOUT_SECONDS} s"
    exit 1
  fi
  sleep 0.5
done
say "server ready: $(curl -fsS "http://127.0.0.1:$HTTP_PORT/readyz")"
say "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

rc=0
loadgen() {
  local name=$1
  shift
  echo
  say "$name"
  local json=()
  if [[ -n $JSON_DIR ]]; then
    mkdir -p "$JSON_DIR"
    json=(--json-file "$JSON_DIR/$name.json")
  fi
  dotnet "$LOADGEN_DLL" --target "http://127.0.0.1:$GRPC_PORT" "$@" "${json[@]}" || rc=1
}

loadgen latency-c1 --mode interleaved --scenario check --concurrency 1 --warmup "$WARMUP" --duration "$DURATION"
loadgen throughput-c"$THROUGHPUT_CONCURRENCY" --scenario check-varied --concurrency "$THROUGHPUT_CONCURRENCY" \
  --connections "$THROUGHPUT_CONNECTIONS" --warmup "$WARMUP" --duration "$THROUGHPUT_DURATION"
exit "$rc"
