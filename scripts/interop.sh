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
# shellcheck source=lib/server.sh
source "$REPO_ROOT/scripts/lib/server.sh"

say() { printf 'interop: %s\n' "$*"; }

if [[ ! -f $SERVER_DLL ]]; then
  say "$SERVER_DLL not found: build first (dotnet build -c Release)"
  exit 1
fi

(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

start_server
say "server ready"

rc=0
GOVAUTHZ_GRPC_ADDR="127.0.0.1:$GRPC_PORT" GOVAUTHZ_HTTP_ADDR="127.0.0.1:$HTTP_PORT" node --test --test-reporter=tap tests/interop/ || rc=$?
exit "$rc"
