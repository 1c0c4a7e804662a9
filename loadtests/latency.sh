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
REQUIRED_DLLS=("$SERVER_DLL" "$LOADGEN_DLL")

say() { printf 'latency: %s\n' "$*"; }
# shellcheck source=../scripts/lib/server.sh
source "$REPO_ROOT/scripts/lib/server.sh"

build_release src/GovAuthZ.Server loadtests/GovAuthZ.LoadGen

# The server runs with its shipped defaults (logging included): the figures are those of what ships.
start_server
say "server ready: $(curl -fsS "http://127.0.0.1:$HTTP_PORT/readyz")"
say "machine: $(machine_line)"

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
