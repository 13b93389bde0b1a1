#!/usr/bin/env bash
# Resident memory of a running Partner OS server on the seeded demo network: right after seeding,
# then after a restart on the seeded database (steady state: seeding's allocations are gone), idle
# and after 400 requests (200 × /healthz, a login, 200 × a 50-row partner list).
#
#   scripts/bench-memory.sh [BINARY] [PORT]
#   BINARY defaults to .build/release/partneros (build it with `swift build -c release`).
set -euo pipefail

BIN=${1:-.build/release/partneros}
PORT=${2:-18080}
DIR=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DIR"' EXIT

start() {
    "$BIN" serve --demo --port "$PORT" --database "sqlite:$DIR/partneros.sqlite" --log-level warning >>"$DIR/stdout" 2>"$DIR/stderr" &
    PID=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
        sleep 0.5
    done
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "server did not start" >&2; cat "$DIR/stderr" >&2; exit 1; }
    sleep 10
}

start
echo "after seeding:      $(grep VmRSS /proc/$PID/status)"
kill "$PID"; wait "$PID" 2>/dev/null || true
start
echo "idle after restart: $(grep VmRSS /proc/$PID/status)"

PASSWORD=$(grep -o 'Demo admin: *admin@example.com / [^ ]*' "$DIR/stdout" | awk '{print $NF}')
for _ in $(seq 1 200); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; done
TOKEN=$(curl -fs "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for _ in $(seq 1 200); do
    curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/partners/list?limit=50"
done
sleep 5
echo "after 400 requests: $(grep VmRSS /proc/$PID/status)"
