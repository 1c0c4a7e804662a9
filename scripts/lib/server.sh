# Sourced (not run) by the scripts that drive a real GovAuthZ server: scripts/interop.sh and the load
# tests in loadtests/. One place for building, picking ports, starting, waiting and stopping, so every
# script runs the server the same way.
#
# The caller sets REPO_ROOT and SERVER_DLL and defines say(). start_server sets HTTP_PORT, GRPC_PORT,
# DATA_DIR (a fresh temporary folder: the token store starts empty, so the development clients are
# seeded), SERVER_LOG and SERVER_PID, and installs an EXIT trap that stops the server, removes DATA_DIR,
# prints the end of the server log when the script failed, and runs the caller's on_exit if it defines one.

READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-60}"

# build_release PROJECT...: Release builds, unless SKIP_BUILD=1; then every DLL named in
# REQUIRED_DLLS must exist.
build_release() {
  if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    say "building Release"
    local project
    for project in "$@"; do
      dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
    done
  fi

  local dll
  for dll in "${REQUIRED_DLLS[@]}"; do
    if [[ ! -f $dll ]]; then
      say "$dll not found: build first (or drop SKIP_BUILD)"
      exit 1
    fi
  done
}

# Two ports the kernel hands out as free; both sockets are open at once so the ports differ.
free_ports() {
  node -e '
const net = require("node:net");
const a = net.createServer().listen(0, "127.0.0.1", () => {
  const b = net.createServer().listen(0, "127.0.0.1", () => {
    console.log(a.address().port, b.address().port);
    a.close(); b.close();
  });
});'
}

stop_server() {
  local rc=$?
  if [[ -n ${SERVER_PID:-} ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n ${DATA_DIR:-} ]] && rm -rf "$DATA_DIR"
  if declare -F on_exit >/dev/null; then
    on_exit || true
  fi
  if [[ -n ${SERVER_LOG:-} ]]; then
    if [[ $rc -ne 0 ]]; then
      say "server log ($SERVER_LOG):"
      tail -n 50 "$SERVER_LOG" || true
    else
      rm -f "$SERVER_LOG"
    fi
  fi
  exit "$rc"
}

# start_server [NAME=VALUE ...]: starts the server with the shipped policies/ and the given extra
# settings (environment form, e.g. GovAuthZ__Tokens__RateLimit__PermitLimit=1000), then waits for /readyz.
start_server() {
  read -r HTTP_PORT GRPC_PORT < <(free_ports)
  DATA_DIR="$(mktemp -d -t govauthz-data.XXXXXX)"
  SERVER_LOG="$(mktemp -t govauthz-server.XXXXXX.log)"
  SERVER_PID=""
  trap stop_server EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  env GovAuthZ__Http__Url="http://127.0.0.1:$HTTP_PORT" \
    GovAuthZ__Grpc__Url="http://127.0.0.1:$GRPC_PORT" \
    GovAuthZ__PolicyDir="$REPO_ROOT/policies" \
    GovAuthZ__DataDir="$DATA_DIR" \
    "$@" dotnet "$SERVER_DLL" </dev/null >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  say "server pid $SERVER_PID: http 127.0.0.1:$HTTP_PORT, grpc 127.0.0.1:$GRPC_PORT"

  if ! command -v curl >/dev/null; then
    say "curl is needed to wait for /readyz: install it (apt-get install curl)"
    exit 1
  fi
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
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
}

machine_line() {
  printf '%s CPUs, %s, load average %s' "$(nproc)" "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
