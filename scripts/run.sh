#!/usr/bin/env bash
# Runs the GovAuthZ server with its embedded defaults (HTTP on http://127.0.0.1:8080).
# Override any setting through the environment, e.g. GovAuthZ__Http__Url=http://127.0.0.1:9000.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec dotnet run --project src/GovAuthZ.Server -c Release -- "$@"
