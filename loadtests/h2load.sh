#!/usr/bin/env bash
# Throughput cross-check with a client we did not write: nghttp2's h2load sends the same gRPC requests
# (framed by our load generator with --save-request) over h2c to a real server on free loopback ports.
#   - builds the server and the load generator in Release (SKIP_BUILD=1 to use the existing build);
#   - installs nghttp2-client with apt-get when h2load is missing (needs root);
#   - h2load counts HTTP statuses only, not grpc-status trailers, so each scenario is first run through
#     our load generator for a few hundred calls, which fails on any non-OK grpc-status;
#   - then h2load for health and check: CLIENTS connections x STREAMS concurrent streams each;
#   - stops the server on exit.
# Settings (environment): WARMUP (5, seconds), DURATION (20, seconds), CLIENTS (2), STREAMS (8),
# THREADS (1).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-20}"
CLIENTS="${CLIENTS:-2}"
STREAMS="${STREAMS:-8}"
THREADS="${THREADS:-1}"
SERVER_DLL="src/GovAuthZ.Server/bin/Release/net10.0/GovAuthZ.Server.dll"
LOADGEN_DLL="loadtests/GovAuthZ.LoadGen/bin/Release/net10.0/govauthz-loadgen.dll"
REQUIRED_DLLS=("$SERVER_DLL" "$LOADGEN_DLL")

say() { printf 'h2load: %s\n' "$*"; }
# shellcheck source=../scripts/lib/server.sh
source "$REPO_ROOT/scripts/lib/server.sh"

if ! command -v h2load >/dev/null; then
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
    say "h2load is missing: install the Debian package nghttp2-client (as root: apt-get install nghttp2-client)"
    exit 1
  fi
  say "installing nghttp2-client"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q </dev/null
  apt-get install -y -q --no-install-recommends nghttp2-client </dev/null
fi

build_release src/GovAuthZ.Server loadtests/GovAuthZ.LoadGen

# The framed requests handed to h2load; removed with the server's data folder on exit.
WORK="$(mktemp -d -t govauthz-h2load.XXXXXX)"
on_exit() { rm -rf "$WORK"; }
start_server
say "server ready on grpc 127.0.0.1:$GRPC_PORT; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
  local scenario=$1 path=$2
  dotnet "$LOADGEN_DLL" --target "http://127.0.0.1:$GRPC_PORT" --scenario "$scenario" --save-request "$WORK/$scenario.bin"
  # Our client checks grpc-status on every call; h2load cannot, so prove the request is answered OK first.
  dotnet "$LOADGEN_DLL" --target "http://127.0.0.1:$GRPC_PORT" --scenario "$scenario" --warmup 0 --count 500 >/dev/null
  echo
  say "$scenario: $CLIENTS connections x $STREAMS streams, ${WARMUP} s warm-up, ${DURATION} s"
  h2load --clients "$CLIENTS" --max-concurrent-streams "$STREAMS" --threads "$THREADS" \
    --warm-up-time "$WARMUP" --duration "$DURATION" --data "$WORK/$scenario.bin" \
    --header 'content-type: application/grpc' --header 'te: trailers' \
    "http://127.0.0.1:$GRPC_PORT$path" | sed -n '/^finished in/,$p'
}

run health /grpc.health.v1.Health/Check
run check /govauthz.decision.v1.DecisionService/Check
