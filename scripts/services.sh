#!/usr/bin/env bash
# Makes a real Redis and PostgreSQL available on loopback for the tests, each on its own port with its
# data under .services/ in the repository, so they never touch the distribution's own instances.
#
#   scripts/services.sh start  [redis|postgres]...   install when missing, start, wait until they answer
#   scripts/services.sh stop   [redis|postgres]...   stop only what this script started
#   scripts/services.sh status [redis|postgres]...   exit 0 only if every named service answers
#   scripts/services.sh env                          print `export ...` lines for the tests (eval them)
#
# Ports: GOVAUTHZ_REDIS_PORT (default 16379), GOVAUTHZ_PG_PORT (default 15432).
# Waits: GOVAUTHZ_SERVICES_TIMEOUT seconds per service (default 60).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="$REPO_ROOT/.services"
HOST=127.0.0.1
REDIS_PORT="${GOVAUTHZ_REDIS_PORT:-16379}"
PG_PORT="${GOVAUTHZ_PG_PORT:-15432}"
TIMEOUT="${GOVAUTHZ_SERVICES_TIMEOUT:-60}"
DB_NAME=govauthz
DB_USER=govauthz
DB_PASSWORD=govauthz

REDIS_DIR="$STATE_DIR/redis-$REDIS_PORT"
REDIS_OWNED="$REDIS_DIR/started-by-services-sh"
PG_OWNED="$STATE_DIR/postgres-$PG_PORT.started-by-services-sh"

say() { printf 'services: %s\n' "$*"; }
die() { printf 'services: error: %s\n' "$*" >&2; exit 1; }

# --- installation ---------------------------------------------------------------------------------

# shellcheck source=lib/apt.sh
source "$REPO_ROOT/scripts/lib/apt.sh"

pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && printf '%s\n' "$dir"
  return 0
}

ensure_redis_installed() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server
  fi
  command -v redis-server >/dev/null || die "redis-server is still missing after install"
}

ensure_pg_installed() {
  if [[ -z "$(pg_bin_dir)" ]]; then
    apt_install postgresql
  fi
  PG_BIN="$(pg_bin_dir)"
  [[ -n $PG_BIN ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin after install"
}

# --- helpers --------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

redis_answers() {
  command -v redis-cli >/dev/null || return 1
  [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null </dev/null)" == PONG ]]
}

pg_answers() {
  local isready
  isready="$(pg_bin_dir)"
  isready="${isready:+$isready/pg_isready}"
  [[ -n $isready ]] || isready="$(command -v pg_isready || true)"
  [[ -n $isready ]] || return 1
  "$isready" -q -h "$HOST" -p "$PG_PORT" -t 2 </dev/null
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# PostgreSQL refuses to run as root, so as root its instance runs as the postgres system user.
pg_os_user() { if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi; }

as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_pg_os_user() {
  [[ $EUID -eq 0 ]] || return 0
  id postgres >/dev/null 2>&1 && return 0
  say "creating system user postgres"
  useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
    --shell /usr/sbin/nologin postgres
}

# The data folder lives in .services/ unless the postgres user cannot reach it (a checkout under a
# home folder closed to other users); then it moves to /var/tmp, named after the checkout and port.
pg_root() {
  local root="$STATE_DIR/postgres-$PG_PORT"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$STATE_DIR" 2>/dev/null; then
    local tag
    tag="$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
    root="/var/tmp/govauthz-services-$tag/postgres-$PG_PORT"
  fi
  printf '%s\n' "$root"
}

# Unix socket paths are limited to about 107 bytes; a deep checkout gets its socket under /tmp.
pg_socket_dir() {
  local root="$1"
  if (( ${#root} + 16 > 100 )); then
    local tag
    tag="$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
    root="/tmp/govauthz-pg-$tag"
    as_pg mkdir -p "$root"
  fi
  printf '%s\n' "$root"
}

wait_until() {
  local what="$1" check="$2" waited=0
  until "$check"; do
    if (( waited >= TIMEOUT * 2 )); then return 1; fi
    sleep 0.5
    waited=$((waited + 1))
  done
  say "$what answers"
}

# --- redis ----------------------------------------------------------------------------------------

redis_owned_pid() { [[ -f $REDIS_OWNED ]] && cat "$REDIS_OWNED" || true; }

start_redis() {
  local pid
  pid="$(redis_owned_pid)"
  if pid_alive "$pid" && redis_answers; then
    say "redis already running on $HOST:$REDIS_PORT (started by services.sh, pid $pid)"
    return 0
  fi
  rm -f "$REDIS_OWNED"
  if redis_answers; then
    say "redis: something else already answers on $HOST:$REDIS_PORT; using it (will not stop it)"
    return 0
  fi
  if port_open "$REDIS_PORT"; then
    die "port $HOST:$REDIS_PORT is in use by something that is not Redis; set GOVAUTHZ_REDIS_PORT"
  fi
  ensure_redis_installed
  mkdir -p "$REDIS_DIR"
  say "starting redis on $HOST:$REDIS_PORT"
  redis-server --bind "$HOST" --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" </dev/null \
    || die "redis-server failed to start; see $REDIS_DIR/redis.log"
  if ! wait_until redis redis_answers; then
    die "redis did not answer on $HOST:$REDIS_PORT within ${TIMEOUT}s; see $REDIS_DIR/redis.log"
  fi
  [[ -s $REDIS_DIR/redis.pid ]] || die "redis answers but wrote no pid file $REDIS_DIR/redis.pid"
  cp "$REDIS_DIR/redis.pid" "$REDIS_OWNED"
}

stop_redis() {
  local pid
  pid="$(redis_owned_pid)"
  if [[ -z $pid ]]; then
    say "redis: not started by services.sh; leaving it alone"
    return 0
  fi
  if pid_alive "$pid"; then
    say "stopping redis (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while pid_alive "$pid" && (( waited < TIMEOUT * 2 )); do sleep 0.5; waited=$((waited + 1)); done
    pid_alive "$pid" && die "redis (pid $pid) did not stop within ${TIMEOUT}s"
  fi
  rm -f "$REDIS_OWNED"
}

status_redis() {
  local pid
  pid="$(redis_owned_pid)"
  if redis_answers; then
    if pid_alive "$pid"; then
      say "redis: answering on $HOST:$REDIS_PORT (started by services.sh, pid $pid)"
    else
      say "redis: answering on $HOST:$REDIS_PORT (not started by services.sh)"
    fi
    return 0
  fi
  say "redis: not answering on $HOST:$REDIS_PORT"
  return 1
}

# --- postgres -------------------------------------------------------------------------------------

pg_psql_admin() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
    -U "$(pg_os_user)" -d postgres "$@"
}

pg_init_cluster() {
  local data="$1"
  [[ -f $data/PG_VERSION ]] && return 0
  say "initialising PostgreSQL data folder"
  as_pg mkdir -p "$data"
  as_pg chmod 700 "$data"
  # Local (socket) logins are peer-authenticated as the OS user; TCP logins need a password.
  as_pg "$PG_BIN/initdb" -D "$data" -U "$(pg_os_user)" --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$(dirname "$data")/initdb.log" 2>&1 </dev/null \
    || die "initdb failed; see $(dirname "$data")/initdb.log"
}

pg_create_app_role() {
  say "ensuring role $DB_USER and database $DB_NAME"
  pg_psql_admin <<SQL || die "could not create role $DB_USER / database $DB_NAME"
SELECT 'CREATE ROLE $DB_USER LOGIN PASSWORD ''$DB_PASSWORD'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') \gexec
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL
}

pg_check_app_login() {
  local psql
  psql="$(pg_bin_dir)"
  psql="${psql:+$psql/psql}"
  [[ -n $psql ]] || psql="$(command -v psql || true)"
  [[ -n $psql ]] || return 0
  if ! PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 "$psql" -X -q -h "$HOST" -p "$PG_PORT" \
      -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' >/dev/null 2>&1 </dev/null; then
    say "warning: cannot log in as $DB_USER to database $DB_NAME on $HOST:$PG_PORT; tests will fail"
  fi
}

start_postgres() {
  if [[ -f $PG_OWNED ]] && pg_answers; then
    say "postgres already running on $HOST:$PG_PORT (started by services.sh)"
    return 0
  fi
  rm -f "$PG_OWNED"
  if pg_answers; then
    say "postgres: something else already answers on $HOST:$PG_PORT; using it (will not stop it)"
    pg_check_app_login
    return 0
  fi
  if port_open "$PG_PORT"; then
    die "port $HOST:$PG_PORT is in use by something that is not PostgreSQL; set GOVAUTHZ_PG_PORT"
  fi
  ensure_pg_installed
  ensure_pg_os_user
  mkdir -p "$STATE_DIR"
  local root data
  root="$(pg_root)"
  data="$root/data"
  mkdir -p "$root"
  [[ $EUID -ne 0 ]] || chown "$(pg_os_user):" "$root"
  pg_init_cluster "$data"
  PG_SOCKET_DIR="$(pg_socket_dir "$root")"
  say "starting postgres on $HOST:$PG_PORT (data in $data)"
  # Our own socket folder, not the distribution's: it is how the admin steps log in (peer) below.
  # fsync is off because this instance only ever holds throwaway test data.
  as_pg "$PG_BIN/pg_ctl" start -D "$data" -l "$root/postgres.log" -w -t "$TIMEOUT" -o \
    "-c listen_addresses=$HOST -p $PG_PORT -c unix_socket_directories='$PG_SOCKET_DIR' -c fsync=off" \
    >/dev/null </dev/null || die "postgres failed to start; see $root/postgres.log"
  printf '%s\n' "$data" >"$PG_OWNED"
  if ! wait_until postgres pg_answers; then
    die "postgres did not answer on $HOST:$PG_PORT within ${TIMEOUT}s; see $root/postgres.log"
  fi
  pg_create_app_role
}

stop_postgres() {
  if [[ ! -f $PG_OWNED ]]; then
    say "postgres: not started by services.sh; leaving it alone"
    return 0
  fi
  local data
  data="$(cat "$PG_OWNED")"
  PG_BIN="$(pg_bin_dir)"
  if [[ -n $PG_BIN ]] && as_pg "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1 </dev/null; then
    say "stopping postgres"
    as_pg "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t "$TIMEOUT" >/dev/null </dev/null \
      || die "postgres did not stop; data folder $data"
  fi
  rm -f "$PG_OWNED"
}

status_postgres() {
  if pg_answers; then
    if [[ -f $PG_OWNED ]]; then
      say "postgres: answering on $HOST:$PG_PORT (started by services.sh)"
    else
      say "postgres: answering on $HOST:$PG_PORT (not started by services.sh)"
    fi
    return 0
  fi
  say "postgres: not answering on $HOST:$PG_PORT"
  return 1
}

# --- commands -------------------------------------------------------------------------------------

print_env() {
  printf "export GOVAUTHZ_TEST_REDIS='%s'\n" "$HOST:$REDIS_PORT"
  printf "export GOVAUTHZ_TEST_POSTGRES='%s'\n" \
    "Host=$HOST;Port=$PG_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
}

services_from_args() {
  if [[ $# -eq 0 ]]; then echo "redis postgres"; return; fi
  local s
  for s in "$@"; do
    case "$s" in
      redis|postgres) ;;
      *) die "unknown service '$s' (expected redis or postgres)" ;;
    esac
  done
  echo "$*"
}

usage() {
  echo "usage: scripts/services.sh start|stop|status [redis|postgres]... | env" >&2
  exit 2
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  local services s rc=0
  case "$command" in
    start)
      services="$(services_from_args "$@")"
      for s in $services; do "start_$s"; done
      say "connection settings for the tests:"
      print_env | sed 's/^/  /'
      ;;
    stop)
      services="$(services_from_args "$@")"
      for s in $services; do "stop_$s"; done
      ;;
    status)
      services="$(services_from_args "$@")"
      for s in $services; do "status_$s" || rc=1; done
      return "$rc"
      ;;
    env) print_env ;;
    *) usage ;;
  esac
}

main "$@"
