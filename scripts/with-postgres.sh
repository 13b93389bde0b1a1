#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# Creates a temporary cluster (initdb, trust auth, superuser `postgres`), starts it on a
# free loopback port, creates the database `partneros_test`, exports
#
#   PARTNEROS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/partneros_test
#
# runs CMD, then stops the cluster and deletes its data directory, whatever happens.
# Exits with CMD's status.
#
# Uses the Debian binaries in /usr/lib/postgresql/N/bin (highest N); set PG_BIN to override.
# When run as root, the server runs as the `postgres` user (initdb refuses to run as root).
# Optional: PG_PORT to force a port.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 64
fi

log() { echo "[with-postgres] $*" >&2; }

# --- locate binaries -------------------------------------------------------------------
if [[ -z "${PG_BIN:-}" ]]; then
    shopt -s nullglob
    candidates=(/usr/lib/postgresql/*/bin/initdb)
    shopt -u nullglob
    if [[ ${#candidates[@]} -eq 0 ]]; then
        log "no PostgreSQL server found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        exit 69
    fi
    PG_BIN="$(dirname "$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)")"
fi
for tool in initdb pg_ctl psql; do
    if [[ ! -x "$PG_BIN/$tool" ]]; then
        log "missing $PG_BIN/$tool"
        exit 69
    fi
done

# --- run-as helper: root -> postgres user, otherwise the current user --------------------
if [[ $EUID -eq 0 ]]; then
    PG_OS_USER=postgres
    if ! id "$PG_OS_USER" >/dev/null 2>&1; then
        log "running as root but there is no '$PG_OS_USER' user"
        exit 69
    fi
    as_pg() {
        if command -v runuser >/dev/null 2>&1; then
            runuser -u "$PG_OS_USER" -- "$@"
        else
            su "$PG_OS_USER" -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    }
else
    PG_OS_USER="$(id -un)"
    as_pg() { "$@"; }
fi

# --- pick a free loopback port ------------------------------------------------------------
port_in_use() {
    # A successful connect means something is listening.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
pick_port() {
    local p
    for p in $(seq 55432 55531); do
        if ! port_in_use "$p"; then
            echo "$p"
            return 0
        fi
    done
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return 0
    fi
    return 1
}
if [[ -z "${PG_PORT:-}" ]]; then
    if ! PG_PORT="$(pick_port)"; then
        log "no free port found"
        exit 69
    fi
fi

# --- data directory ---------------------------------------------------------------------
# Always under /tmp: the postgres user must be able to traverse the path ($TMPDIR might
# point into /root), and the unix socket path (-k) must stay short (< ~100 chars).
PG_DIR="$(mktemp -d /tmp/partneros-pg.XXXXXX)"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/server.log"
started=0

cleanup() {
    local status=$?
    set +e
    if [[ $started -eq 1 && -f "$PG_DATA/postmaster.pid" ]]; then
        log "stopping cluster (port $PG_PORT)"
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null; then
            # Last resort: kill the postmaster by the pid it recorded.
            if [[ -f "$PG_DATA/postmaster.pid" ]]; then
                local pid
                pid="$(head -n 1 "$PG_DATA/postmaster.pid")"
                [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
                sleep 1
            fi
        fi
    fi
    rm -rf "$PG_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

dump_log() {
    if [[ -f "$PG_LOG" ]]; then
        log "---- server log ----"
        cat "$PG_LOG" >&2
        log "--------------------"
    fi
}

if [[ $EUID -eq 0 ]]; then
    chown "$PG_OS_USER": "$PG_DIR"
fi
chmod 700 "$PG_DIR"

# Run the server tools from a directory the postgres user can read, so they do not warn
# about the caller's working directory.
log "initdb ($PG_BIN) in $PG_DATA"
if ! (cd / && as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null); then
    log "initdb with C.UTF-8 failed; retrying with --no-locale"
    rm -rf "$PG_DATA"
    (cd / && as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-locale >/dev/null)
fi

log "starting on 127.0.0.1:$PG_PORT"
# -l keeps the server's output off our stdout/stderr (it would otherwise hold CI pipes open).
if ! (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=1000" start >/dev/null); then
    log "server failed to start"
    dump_log
    # pg_ctl may have left a postmaster behind after a timeout.
    started=1
    exit 1
fi
started=1

if ! "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c 'CREATE DATABASE partneros_test' >/dev/null; then
    log "could not create database partneros_test"
    dump_log
    exit 1
fi

export PARTNEROS_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/partneros_test"
log "PARTNEROS_TEST_DATABASE_URL=$PARTNEROS_TEST_DATABASE_URL"

# Run CMD as a child and wait for it, so a TERM/INT sent to this script is handled at once
# (bash defers traps while a foreground child runs): forward it, then clean up.
# The explicit <&0 keeps stdin (a background job would otherwise get /dev/null).
set +e
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 130' INT
wait "$child"
cmd_status=$?
trap - TERM INT
set -e
if [[ $cmd_status -ne 0 ]]; then
    log "command exited with status $cmd_status"
fi
exit "$cmd_status"
