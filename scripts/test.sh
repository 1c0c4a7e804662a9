#!/usr/bin/env bash
# The one test command: builds everything and runs every test against real Redis and PostgreSQL.
#   - starts the services through scripts/services.sh (installing them when missing) and stops, on
#     exit, only those that were not already answering before this run;
#   - runs `dotnet test` on the solution in Release (restore and build included; warnings are errors);
#   - ends with the line "N passed, N failed" and exits non-zero if any build or test failed.
# Safe without standard input and under CI=true.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en

RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
PASSED=0
FAILED=0
FAILED_STEPS=()

say() { printf 'test: %s\n' "$*"; }

# --- services: start what is missing, remember it, stop exactly that on exit ---------------------
STARTED_SERVICES=()
for service in redis postgres; do
  if ! scripts/services.sh status "$service" >/dev/null 2>&1 </dev/null; then
    STARTED_SERVICES+=("$service")
  fi
done

# The summary is printed here, after the services stopped, so it is the last line of the run.
SUMMARY=""
cleanup() {
  local rc=$?
  if [[ ${#STARTED_SERVICES[@]} -gt 0 ]]; then
    scripts/services.sh stop "${STARTED_SERVICES[@]}" </dev/null || rc=1
  fi
  [[ -z $SUMMARY ]] || printf '%s\n' "$SUMMARY"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/services.sh start </dev/null
eval "$(scripts/services.sh env)"

# --- helpers for counting -----------------------------------------------------------------------

# Adds up the per-assembly summaries that `dotnet test` prints, one line per test project:
#   "Passed!  - Failed:     0, Passed:    14, Skipped:     0, Total:    14, Duration: 1 s - X.dll"
# (TRX files would do too, but their default names carry a one-second timestamp and two projects
# finishing in the same second overwrite each other.)
add_dotnet_counts() {
  local log="$1" failed passed
  while read -r failed passed; do
    FAILED=$((FAILED + failed))
    PASSED=$((PASSED + passed))
  done < <(sed -nE 's/^[[:space:]]*(Passed|Failed|Skipped)![[:space:]]+-[[:space:]]+Failed:[[:space:]]+([0-9]+),[[:space:]]+Passed:[[:space:]]+([0-9]+),.*/\2 \3/p' "$log")
}

# Runs one step; a non-zero exit marks the run failed even when no test was counted as failing
# (a build error, a crashed test host). Output goes to the terminal and to $RESULTS_DIR/NAME.log.
run_step() {
  local name="$1"
  shift
  say "step: $name"
  local rc=0
  "$@" </dev/null 2>&1 | tee "$RESULTS_DIR/$name.log" || rc=$?
  if [[ $rc -ne 0 ]]; then
    say "step '$name' exited with status $rc"
    FAILED_STEPS+=("$name")
  fi
}

# --- .NET: every test project in the solution -----------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
# -tl:off keeps the classic console output, whose per-assembly summary lines are counted above.
run_step dotnet dotnet test GovAuthZ.sln -c Release --nologo -tl:off
add_dotnet_counts "$RESULTS_DIR/dotnet.log"

# --- further test steps ---------------------------------------------------------------------------
# Later suites (interop clients, conformance across transports, ...) go here: run each with
# run_step NAME COMMAND..., then add its counts from $RESULTS_DIR/NAME.log to PASSED and FAILED.

# Adds up the closing counts of node's test runner ("# pass N" / "# fail N", TAP reporter).
add_node_counts() {
  local log="$1" count
  while read -r count; do PASSED=$((PASSED + count)); done < <(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log")
  while read -r count; do FAILED=$((FAILED + count)); done < <(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log")
}

# Interop: clients we did not write (gRPC, OpenAPI, OAuth/JOSE, a headless Chromium) against the built server.
run_step interop scripts/interop.sh
add_node_counts "$RESULTS_DIR/interop.log"
# ------------------------------------------------------------------------------------------------

if [[ ${#FAILED_STEPS[@]} -gt 0 ]]; then
  say "failed steps: ${FAILED_STEPS[*]}"
fi
SUMMARY="$PASSED passed, $FAILED failed"
if [[ ${#FAILED_STEPS[@]} -gt 0 || $FAILED -gt 0 ]]; then
  exit 1
fi
if [[ $PASSED -eq 0 ]]; then
  say "no test ran"
  exit 1
fi
