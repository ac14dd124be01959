#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests.
#
#   .ci/postgres.sh start   installs PostgreSQL from Debian packages when initdb/pg_ctl are missing, creates a
#                           cluster in a temp folder owned by the postgres user, starts it on a free port of
#                           127.0.0.1 (no other address, its socket in the temp folder), creates the database
#                           monitro_tests, and prints `export MONITRO_POSTGRES=...` and the cluster's data directory
#                           as `export MONITRO_POSTGRES_DATA_DIR=...` (both also written to artifacts/postgres.env,
#                           which the tests read when the variables are not set). WAL segments are removed, not
#                           recycled, so the erasure test can search the WAL for what was erased.
#   .ci/postgres.sh stop    stops the cluster and deletes its folder and the env file.
#
# Use: eval "$(.ci/postgres.sh start)" && dotnet test tests/Monitro.Storage.PostgreSql.Tests; .ci/postgres.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

state_file="artifacts/postgres.cluster"
env_file="artifacts/postgres.env"
log() { printf '%s\n' "$*" >&2; }

find_bin() {
  local name=$1 candidate
  if candidate=$(command -v "$name" 2>/dev/null); then
    printf '%s\n' "$candidate"
    return 0
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/$name" ]; then
      printf '%s\n' "$candidate/$name"
      return 0
    fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  # Ask the kernel for an unused port on 127.0.0.1.
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || { for port in $(seq 55432 55532); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }; done; }
}

start() {
  if [ -f "$state_file" ]; then
    log "A cluster is already running ($(cat "$state_file")); run '$0 stop' first."
    exit 1
  fi

  if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
    log "Installing PostgreSQL from the Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
  fi
  local initdb pg_ctl
  initdb=$(find_bin initdb) || { log "initdb not found after installing PostgreSQL"; exit 1; }
  pg_ctl=$(find_bin pg_ctl) || { log "pg_ctl not found after installing PostgreSQL"; exit 1; }
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres

  local folder port
  folder=$(mktemp -d "${TMPDIR:-/tmp}/monitro-postgres.XXXXXX")
  chmod 755 "$folder"
  chown postgres: "$folder"
  port=$(free_port)
  as_postgres "$initdb" --pgdata="$folder/data" --username=postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
  as_postgres "$pg_ctl" --pgdata="$folder/data" --log="$folder/postgres.log" --wait --timeout=60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c max_connections=200 -c wal_recycle=off" \
    start >&2 || { cat "$folder/postgres.log" >&2; exit 1; }
  mkdir -p artifacts
  printf '%s %s %s\n' "$pg_ctl" "$folder" "$port" > "$state_file"
  local createdb
  createdb="$(dirname "$(readlink -f "$pg_ctl")")/createdb"
  [ -x "$createdb" ] || createdb=$(find_bin createdb)
  as_postgres "$createdb" --host="$folder" --port="$port" --username=postgres monitro_tests >&2

  local connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=monitro_tests"
  printf "MONITRO_POSTGRES='%s'\nMONITRO_POSTGRES_DATA_DIR='%s'\n" "$connection" "$folder/data" > "$env_file"
  log "PostgreSQL is listening on 127.0.0.1:$port (cluster in $folder)."
  printf "export MONITRO_POSTGRES='%s'\n" "$connection"
  printf "export MONITRO_POSTGRES_DATA_DIR='%s'\n" "$folder/data"
}

stop() {
  if [ ! -f "$state_file" ]; then
    log "No cluster is running."
    rm -f "$env_file"
    return 0
  fi
  local pg_ctl folder port
  read -r pg_ctl folder port < "$state_file"
  as_postgres "$pg_ctl" --pgdata="$folder/data" --mode=immediate --wait stop >&2 || true
  rm -rf "$folder"
  rm -f "$state_file" "$env_file"
  log "Stopped the PostgreSQL cluster on port $port."
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) log "usage: $0 start|stop"; exit 2 ;;
esac
