#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for running the test suite against PostgreSQL.
#
#   scripts/throwaway-postgres.sh start    # initdb + start; prints the DATABASE_URL
#   scripts/throwaway-postgres.sh url      # prints the DATABASE_URL of the running cluster
#   scripts/throwaway-postgres.sh status   # exit 0 when it runs
#   scripts/throwaway-postgres.sh stop     # stop it and delete all its files
#
# It uses the server binaries on PATH (initdb, pg_ctl, postgres; PostgreSQL 15 on our
# machines), listens on 127.0.0.1 only, keeps its socket and data in one temporary folder
# and is tuned for speed, not durability (fsync off): never put data you want to keep in it.
# The role `kennisstad` may CREATEDB, so pytest-django can create test_kennisstad.
#
# PostgreSQL refuses to run as root; as root the cluster runs as the user `postgres` if it
# exists, else as `kennisstad-ci`, created here (override with KENNISSTAD_PG_USER).
#
# Environment:
#   KENNISSTAD_PG_DIR   the cluster's folder (default: $TMPDIR/kennisstad-postgres-$USER)
#   KENNISSTAD_PG_PORT  first port to try (default 25432, below the ephemeral range that
#                       outgoing connections use; the next free one is taken)
#   KENNISSTAD_PG_USER  the OS user that runs the server when started as root
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin" # runuser and useradd, for root without sbin on PATH

PG_DIR="${KENNISSTAD_PG_DIR:-${TMPDIR:-/tmp}/kennisstad-postgres-$(id -un)}"
FIRST_PORT="${KENNISSTAD_PG_PORT:-25432}"
ROLE=kennisstad
PASSWORD=kennisstad
DATABASE=kennisstad
SPEED="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"

die() {
    echo "throwaway-postgres: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 ||
        die "'$1' is not on PATH; install the PostgreSQL 15 server (Debian: postgresql-15)"
}

# Run a command as the user that owns the cluster (ourselves unless we are root), from the
# cluster's folder, since that user may not be allowed into the current one.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_DIR" && runuser -u "$(cat "$PG_DIR/owner")" -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

pick_owner() {
    if [ "$(id -u)" -ne 0 ]; then
        id -un
        return
    fi
    local user="${KENNISSTAD_PG_USER:-}"
    if [ -z "$user" ]; then
        if id postgres >/dev/null 2>&1; then
            user=postgres
        else
            user=kennisstad-ci
        fi
    fi
    if ! id "$user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$user" >&2 ||
            die "could not create the user '$user' to run PostgreSQL as"
    fi
    echo "$user"
}

# Delete the cluster folder, but only one this script made (or an empty one).
remove_cluster_dir() {
    [ -e "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/owner" ] || [ -z "$(ls -A "$PG_DIR")" ]; then
        rm -rf "$PG_DIR"
    else
        die "$PG_DIR exists and is not a throwaway cluster; not touching it"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port="$1"
    while port_in_use "$port"; do
        port=$((port + 1))
        [ "$port" -lt $((FIRST_PORT + 100)) ] || die "no free port in $FIRST_PORT..$port"
    done
    echo "$port"
}

is_running() {
    [ -f "$PG_DIR/owner" ] && [ -d "$PG_DIR/data" ] &&
        as_owner pg_ctl -D "$PG_DIR/data" status >/dev/null 2>&1
}

url() {
    [ -f "$PG_DIR/port" ] || die "no cluster in $PG_DIR; run '$0 start' first"
    echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$(cat "$PG_DIR/port")/$DATABASE"
}

psql_admin() {
    as_owner psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/socket" -p "$(cat "$PG_DIR/port")" \
        -U postgres -d postgres "$@"
}

start() {
    need initdb
    need pg_ctl
    need psql
    if is_running; then
        url
        return
    fi
    remove_cluster_dir
    mkdir -p "$PG_DIR/socket"
    local owner port
    owner="$(pick_owner)"
    echo "$owner" >"$PG_DIR/owner"
    chown -R "$owner" "$PG_DIR"
    chmod 700 "$PG_DIR"
    as_owner test -w "$PG_DIR" ||
        die "user '$owner' cannot write to $PG_DIR; set KENNISSTAD_PG_DIR to a folder it can reach"

    as_owner initdb -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }

    # Loopback only; durability off because the cluster is thrown away. Another process may
    # take the free port before the server binds it: then try the next one.
    port="$FIRST_PORT"
    for attempt in 1 2 3 4 5; do
        port="$(free_port "$port")"
        echo "$port" >"$PG_DIR/port"
        rm -f "$PG_DIR/server.log"
        if as_owner pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR/socket $SPEED" \
            >"$PG_DIR/pg_ctl.log" 2>&1; then
            break
        fi
        if [ "$attempt" -eq 5 ] || ! grep -q "Address already in use" "$PG_DIR/server.log"; then
            cat "$PG_DIR/pg_ctl.log" "$PG_DIR/server.log" >&2
            die "PostgreSQL did not start"
        fi
        port=$((port + 1))
    done
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" \
        -c "CREATE DATABASE $DATABASE OWNER $ROLE"
    url
}

stop() {
    if [ -d "$PG_DIR/data" ] && [ -f "$PG_DIR/owner" ]; then
        as_owner pg_ctl -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    remove_cluster_dir
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) is_running || die "not running (folder $PG_DIR)"; url ;;
status) is_running ;;
*)
    echo "usage: $0 start|stop|url|status" >&2
    exit 2
    ;;
esac
