#!/usr/bin/env bash
# Interoperability check: runs clients and validators we did not write (tests/interop: the Node.js
# reference gRPC client @grpc/grpc-js, @apidevtools/swagger-parser for the OpenAPI document, oauth4webapi
# and jose for the token service) against a real GovAuthZ server on free local ports.
#   - expects the solution already built in Release (scripts/test.sh builds it first); builds nothing;
#   - installs the pinned client packages with `npm ci` from tests/interop/package-lock.json;
#   - starts the server in the background, waits (at most 60 s) for /readyz, runs `node --test` with
#     the TAP reporter, whose "# pass N" / "# fail N" lines scripts/test.sh adds to its totals;
#   - stops the server on exit, whatever happened, and exits with node's status.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SERVER_DLL="src/GovAuthZ.Server/bin/Release/net10.0/GovAuthZ.Server.dll"
READY_TIMEOUT_SECONDS=60

say() { printf 'interop: %s\n' "$*"; }

if [[ ! -f $SERVER_DLL ]]; then
  say "$SERVER_DLL not found: build first (dotnet build -c Release)"
  exit 1
fi

(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

# Two ports the kernel hands out as free; both sockets are open at once so the ports differ.
read -r HTTP_PORT GRPC_PORT < <(node -e '
const net = require("node:net");
const a = net.createServer().listen(0, "127.0.0.1", () => {
  const b = net.createServer().listen(0, "127.0.0.1", () => {
    console.log(a.address().port, b.address().port);
    a.close(); b.close();
  });
});')

SERVER_LOG="$(mktemp -t govauthz-interop-server.XXXXXX.log)"
# A fresh data folder: the token store starts empty, so the server registers its development clients.
DATA_DIR="$(mktemp -d -t govauthz-interop-data.XXXXXX)"
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
say "server ready"

rc=0
GOVAUTHZ_GRPC_ADDR="127.0.0.1:$GRPC_PORT" GOVAUTHZ_HTTP_ADDR="127.0.0.1:$HTTP_PORT" node --test --test-reporter=tap tests/interop/ || rc=$?
exit "$rc"
