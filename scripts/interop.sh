#!/usr/bin/env bash
# Interoperability check: runs clients and validators we did not write (tests/interop: the Node.js
# reference gRPC client @grpc/grpc-js, @apidevtools/swagger-parser for the OpenAPI document, oauth4webapi
# and jose for the token service, a real headless Chromium driven by playwright-core for the sign-in,
# consent and logout pages of the authorization-code flow and its sign-in session) against a real
# GovAuthZ server on free local ports.
#   - expects the solution already built in Release (scripts/test.sh builds it first); builds nothing;
#   - installs Debian's chromium with apt-get when /usr/bin/chromium is missing (as root; otherwise it
#     stops and says what to install); playwright-core drives that binary and never downloads a browser;
#   - installs the pinned client packages with `npm ci` from tests/interop/package-lock.json;
#   - starts the server in the background, waits (at most 60 s) for /readyz, runs `node --test` with
#     the TAP reporter, whose "# pass N" / "# fail N" lines scripts/test.sh adds to its totals;
#   - stops the server on exit, whatever happened, and exits with node's status.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SERVER_DLL="src/GovAuthZ.Server/bin/Release/net10.0/GovAuthZ.Server.dll"
CHROMIUM=/usr/bin/chromium
# shellcheck source=lib/server.sh
source "$REPO_ROOT/scripts/lib/server.sh"
# shellcheck source=lib/apt.sh
source "$REPO_ROOT/scripts/lib/apt.sh"

say() { printf 'interop: %s\n' "$*"; }
die() { printf 'interop: error: %s\n' "$*" >&2; exit 1; }

if [[ ! -f $SERVER_DLL ]]; then
  say "$SERVER_DLL not found: build first (dotnet build -c Release)"
  exit 1
fi

if [[ ! -x $CHROMIUM ]]; then
  apt_install chromium
fi
# curl waits for the server's /readyz (scripts/lib/server.sh).
if ! command -v curl >/dev/null; then
  apt_install curl
fi
[[ -x $CHROMIUM ]] || die "$CHROMIUM is still missing after installing chromium"

# Keeps npm ci from fetching a browser should a later dependency bring one; the tests use $CHROMIUM.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

# The browser tests sign in more often than the per-address sign-in limit allows real users in a
# minute (all from 127.0.0.1); the limit itself is tested by the .NET integration tests.
start_server GovAuthZ__Tokens__SignInRateLimit__PermitLimit=1000
say "server ready"

rc=0
GOVAUTHZ_GRPC_ADDR="127.0.0.1:$GRPC_PORT" GOVAUTHZ_HTTP_ADDR="127.0.0.1:$HTTP_PORT" GOVAUTHZ_CHROMIUM="$CHROMIUM" \
  node --test --test-reporter=tap tests/interop/*.test.mjs || rc=$?
exit "$rc"
