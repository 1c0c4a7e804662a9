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
REQUIRED_DLLS=("$SERVER_DLL" "$LOADGEN_DLL")

say() { printf 'tokens: %s\n' "$*"; }
# shellcheck source=../scripts/lib/server.sh
source "$REPO_ROOT/scripts/lib/server.sh"

build_release src/GovAuthZ.Server loadtests/GovAuthZ.LoadGen

start_server GovAuthZ__Tokens__RateLimit__PermitLimit="$PERMIT_LIMIT"
say "data dir $DATA_DIR, rate limit $PERMIT_LIMIT/min"
say "server ready; signing algorithm(s): $(curl -fsS "http://127.0.0.1:$HTTP_PORT/oauth/jwks" | python3 -c 'import json,sys; print(",".join(sorted({k.get("alg","?") for k in json.load(sys.stdin)["keys"]})))')"
say "machine: $(machine_line)"

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
