#!/usr/bin/env bash
# A/B of one environment setting on one seeded SQLite file, the server restarted between settings:
#
#   scripts/bench-ab.sh SEEDED.sqlite VARIABLE "VALUE VALUE …" [ROWS-REGEX]
#
# e.g. scripts/bench-ab.sh /tmp/seeded.sqlite PARTNEROS_SQLITE_READ_LANES "2 0 2 0" 'dashboard|sales'
# With VARIABLE=PARTNEROS_BIN the values are builds to compare (paths to partneros binaries of the
# same schema), e.g. "/tmp/before/partneros .build/release/partneros /tmp/before/partneros …".
# SEEDED.sqlite comes from `partneros seed --scale N --database sqlite:FILE` (seeding is the slow part,
# so one file serves many rounds); a copy is used, migrated, given the bench admin and shelves stocked
# high, as in scripts/bench-load.sh. Each value in turn: start the release server with VARIABLE=value,
# wait for the start-up automations, then one 3 s warm-up and one 10 s wrk run per row (healthz,
# list, orders page, dashboard, stand report, sales, orders), printing req/s, p95, non-2xx and the
# hypervisor steal (`vmstat`) of the moment. Alternate the values: single runs on this VM drift more
# than most changes move them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bench-common.sh
[[ $# -ge 3 ]] || { sed -n 2,12p "$0" >&2; exit 64; }
SEEDED=$1 VARIABLE=$2 VALUES=$3 ROWS=${4:-.}
BIN="${PARTNEROS_BIN:-.build/release/partneros}"
DIR=$(mktemp -d); F="$DIR/ab.sqlite"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIR"' EXIT
cp "$SEEDED" "$F"
"$BIN" migrate --database "sqlite:$F" >/dev/null
"$BIN" create-admin --email bench@example.com --password bench-password-1 --database "sqlite:$F" >/dev/null 2>&1 || true
query() { sqlite3 "$F" "$1"; }
AGG=group_concat
query "UPDATE stand_inventory SET on_hand = 10000000, min_level = 0"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -fs "$BASE$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${2:-}" -d "$3"; }
DEALER=$(query "SELECT partner_id FROM partner_orders GROUP BY partner_id ORDER BY COUNT(*) DESC, partner_id LIMIT 1")
STAND=$(query "SELECT stand_id FROM stand_orders GROUP BY stand_id ORDER BY COUNT(*) DESC, stand_id LIMIT 1")
FROM=$(date -u -d '-365 days' +%F); TO=$(date -u -d '-1 day' +%F); SOLD_AT=$(date -u -d '-2 minutes' +%FT%TZ)
write_targets "$DIR"
ROUND=0
for VALUE in $VALUES; do
    ROUND=$((ROUND + 1))
    SERVE_BIN=$BIN; [[ $VARIABLE == PARTNEROS_BIN ]] && SERVE_BIN=$VALUE
    env "$VARIABLE=$VALUE" "$SERVE_BIN" serve --database "sqlite:$F" --port "$PORT" --no-migrate --log-level error >"$DIR/serve-$ROUND.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 240); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.25; done
    ADMIN=$(post /api/v1/auth/login "" '{"email":"bench@example.com","password":"bench-password-1"}' | json '["token"]')
    SALES=$(post /api/v1/service-tokens "$ADMIN" "{\"name\":\"A/B sales $ROUND\",\"scopes\":[\"sales:write\"]}" | json '["token"]')
    ORDERS=$(post /api/v1/service-tokens "$ADMIN" "{\"name\":\"A/B orders $ROUND\",\"scopes\":[\"orders:write\"]}" | json '["token"]')
    wait_for_automations "$ADMIN"
    cat "$F"* >/dev/null; sleep 3
    row() { # name path connections mode token [data]
        [[ "$1" =~ $ROWS || "$1" == healthz ]] || return 0
        local env=(BENCH_MODE="$4" BENCH_TOKEN="$5" BENCH_DATA="${6:-}" BENCH_SOLD_AT="$SOLD_AT")
        env "${env[@]}" BENCH_RUN="w$ROUND$RANDOM" wrk -t2 -c"$3" -d3s -s scripts/bench_load.lua "$BASE$2" >/dev/null 2>&1 || true
        env "${env[@]}" BENCH_RUN="r$ROUND$RANDOM" wrk -t2 -c"$3" -d10s -s scripts/bench_load.lua "$BASE$2" | tail -n 1 \
            | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sys.argv[1], sys.argv[2], d["rps"], "req/s, p95", d["p95_ms"], "ms, non-2xx", d["non2xx"], end=" ")' "$VARIABLE=$VALUE" "$1"
        echo "st=$(vmstat 1 2 | tail -n 1 | awk '{print $17}')%"
    }
    row healthz /healthz 64 get ""
    row list "/api/v1/partners/list?limit=50" 64 get "$ADMIN"
    row orders-page "/api/v1/partners/$DEALER/orders?limit=50" 64 get "$ADMIN"
    row dashboard "/api/v1/partners/$DEALER/dashboard" 16 get "$ADMIN"
    row stand-report "/api/v1/stand/performance/$STAND?from=$FROM&to=$TO" 16 get "$ADMIN"
    row sales /api/v1/stand/sales-record 16 sale "$SALES" "$DIR/sales.lua"
    row orders /api/v1/partners/orders 16 order "$ORDERS" "$DIR/orders.lua"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    if grep -q error "$DIR/serve-$ROUND.log"; then echo "server errors in round $ROUND:" >&2; head -c 2000 "$DIR/serve-$ROUND.log" >&2; fi
done
