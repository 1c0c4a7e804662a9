#!/usr/bin/env bash
# Throughput and latency of the token endpoint (POST /oauth/token, client_credentials with
# client_secret_basic, ES256 access tokens), measured with our own load generator against a real server:
#   - builds the server and the load generator in Release;
#   - starts the server on two free loopback ports with a fresh temporary DataDir (so the development
#     clients are seeded and a new signing key is made) and the per-address token rate limit raised
#     out of the way; waits for /readyz;
#   - runs the token scenario over HTTP/1.1 keep-alive at each concurrency in CONCURRENCIES; every
#     response must be 200 with an access_token, anything else is counted as an error;
#   - stops the server and removes the DataDir on exit, whatever happened.
# Settings (environment): CONCURRENCIES ("1 8 32 64"), WARMUP (3s), DURATION (15s),
# CLIENT_ID / CLIENT_SECRET / SCOPE (the seeded development client pep-demo, decision:check),
# PERMIT_LIMIT (100000000 per minute), JSON_DIR (also write each report there as JSON),
# SKIP_BUILD=1 (use the existing Release build).
# Exit status: non-zero when the build, the server or any measured call failed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

CONCURRENCIES="${CONCURRENCIES:-1 8 32 64}"
WARMUP="${WARMUP:-3s}"
DURATION="${DURATION:-15s}"
CLIENT_ID="${CLIENT_ID:-pep-demo}"
CLIENT_SECRET="${CLIENT_SECRET:-dev-only-pep-demo-secret-do-not-deploy-0001}"
SCOPE="${SCOPE-decision:check}"
PERMIT_LIMIT="${PERMIT_LIMIT:-100000000}"
JSON_DIR="${JSON_DIR:-}"
SERVER_DLL="src/GovAuthZ.Server/bin/Release/net10.0/GovAuthZ.Server.dll"
LOADGEN_DLL="loadtests/GovAuthZ.LoadGen/bin/Release/net10.0/govauthz-loadgen.dll"
READY_TIMEOUT_SECONDS=60

say() { printf 'tokens: %s\n' "$*"; }

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

DATA_DIR="$(mktemp -d -t govauthz-tokens-data.XXXXXX)"
SERVER_LOG="$(mktemp -t govauthz-tokens-server.XXXXXX.log)"
SERVER_PID=""
stop_server() {
  local rc=$?
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
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

GovAuthZ__Http__Url="http://127.0.0.1:$HTTP_PORT" \
GovAuthZ__Grpc__Url="http://127.0.0.1:$GRPC_PORT" \
GovAuthZ__PolicyDir="$REPO_ROOT/policies" \
GovAuthZ__DataDir="$DATA_DIR" \
GovAuthZ__Tokens__RateLimit__PermitLimit="$PERMIT_LIMIT" \
  dotnet "$SERVER_DLL" </dev/null >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
say "server pid $SERVER_PID: http 127.0.0.1:$HTTP_PORT, data dir $DATA_DIR, rate limit $PERMIT_LIMIT/min"

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
say "server ready; signing algorithm(s): $(curl -fsS "http://127.0.0.1:$HTTP_PORT/oauth/jwks" | python3 -c 'import json,sys; print(",".join(sorted({k.get("alg","?") for k in json.load(sys.stdin)["keys"]})))')"
say "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

rc=0
for c in $CONCURRENCIES; do
  echo
  say "token-c$c"
  json=()
  if [[ -n $JSON_DIR ]]; then
    mkdir -p "$JSON_DIR"
    json=(--json-file "$JSON_DIR/token-c$c.json")
  fi
  dotnet "$LOADGEN_DLL" --transport rest --target "http://127.0.0.1:$HTTP_PORT" --scenario token \
    --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --scope "$SCOPE" \
    --concurrency "$c" --warmup "$WARMUP" --duration "$DURATION" "${json[@]}" || rc=1
done
exit "$rc"
