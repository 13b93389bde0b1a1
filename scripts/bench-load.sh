#!/usr/bin/env bash
# Throughput of the hot paths, pinned so runs compare (see BENCHMARKS.md):
#
#   scripts/bench-load.sh [--postgres] [--scale N] [--no-build] [--runs R] [--duration SECONDS] [--only REGEX]
#
# Builds release, seeds a temporary database with `partneros seed --scale N` (10,000 partners by
# default: about a million order lines, 100 stands with a year of daily sales), starts the server
# on 127.0.0.1, waits until the start-up automations have all run once (a fresh database has them
# all due), and runs wrk (Debian's `wrk`) against /healthz and every path of the table: a 3 s
# warm-up, then R runs (3) of D seconds (10) each, reporting the median run. Reads use 64
# connections (dashboard and stand performance 16), writes 16. Shelves are stocked high first so
# low-stock refills do not dominate the sales. Prints one table: req/s, ratio to /healthz, p50,
# p95, p99, non-2xx, the server's RSS after the run. --postgres runs the same against a throwaway
# PostgreSQL cluster (scripts/with-postgres.sh). --only runs just the rows whose name matches REGEX
# (and /healthz, the ratio's base), for iterating on one path.
# PARTNEROS_BIN=PATH measures another build (an older commit's, for a before/after) with this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
source scripts/bench-common.sh

POSTGRES=0 SCALE=10000 BUILD=1 RUNS=3 DURATION=10 ONLY=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --postgres) POSTGRES=1 ;;
        --scale) SCALE=$2; shift ;;
        --no-build) BUILD=0 ;;
        --runs) RUNS=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --only) ONLY=$2; shift ;;
        --inner) INNER=1 ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
    shift
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 69; }
if [[ $BUILD -eq 1 ]]; then swift build -c release --product partneros >&2; fi
BIN="${PARTNEROS_BIN:-$ROOT/.build/release/partneros}"
if [[ $POSTGRES -eq 1 && -z "${INNER:-}" ]]; then
    exec bash scripts/with-postgres.sh bash "$0" --inner --no-build --scale "$SCALE" --runs "$RUNS" --duration "$DURATION" --only "$ONLY"
fi

DIR=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIR"' EXIT
if [[ -n "${INNER:-}" ]]; then
    DB="$PARTNEROS_TEST_DATABASE_URL"
    query() { psql -At "$DB" -c "$1"; }
    AGG="string_agg"
else
    DB="sqlite:$DIR/partneros.sqlite"
    query() { sqlite3 "$DIR/partneros.sqlite" "$1"; }
    AGG="group_concat"
fi
BASE="http://127.0.0.1:$PORT"

SEED_START=$SECONDS
"$BIN" seed --scale "$SCALE" --database "$DB" >"$DIR/seed.log"
echo "seed --scale $SCALE: $((SECONDS - SEED_START)) s ($(tail -n 1 "$DIR/seed.log"))" >&2
"$BIN" create-admin --email bench@example.com --password bench-password-1 --database "$DB" >/dev/null

# Shelves stocked high, so the sales measure recording rather than low-stock refills.
query "UPDATE stand_inventory SET on_hand = 10000000, min_level = 0" >/dev/null

"$BIN" serve --database "$DB" --port "$PORT" --no-migrate --log-level error >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs "$BASE/healthz" >/dev/null || { echo "server did not start" >&2; cat "$DIR/serve.log" >&2; exit 1; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -fs "$BASE$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${2:-}" -d "$3"; }
ADMIN=$(post /api/v1/auth/login "" '{"email":"bench@example.com","password":"bench-password-1"}' | json '["token"]')
SALES=$(post /api/v1/service-tokens "$ADMIN" '{"name":"Bench Sales OS","scopes":["sales:write"]}' | json '["token"]')
ORDERS=$(post /api/v1/service-tokens "$ADMIN" '{"name":"Bench Orders","scopes":["orders:write"]}' | json '["token"]')
# A partner user with three memberships, for /auth/me.
USER_ID=$(post /api/v1/users "$ADMIN" '{"email":"bench.owner@example.com","name":"Bench Owner","password":"bench-password-1","role":"partner"}' | json '["id"]')
for id in $(query "SELECT id FROM partners WHERE type = 'dealer' ORDER BY company_name LIMIT 3"); do
    post "/api/v1/partners/$id/users" "$ADMIN" "{\"userId\":\"$USER_ID\",\"role\":\"owner\"}" >/dev/null
done
MEMBER=$(post /api/v1/auth/login "" '{"email":"bench.owner@example.com","password":"bench-password-1"}' | json '["token"]')

AUTOMATIONS_START=$SECONDS
wait_for_automations "$ADMIN"
echo "start-up automations: $((SECONDS - AUTOMATIONS_START)) s" >&2
# This VM's page cache is sometimes squeezed to ~1.4 GB, about the size of the seeded file: read it
# once so the runs measure the server, not the disk.
[[ -z "${INNER:-}" ]] && cat "$DIR"/partneros.sqlite* >/dev/null
sleep 3
IDLE_RSS=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status)

DEALER=$(query "SELECT partner_id FROM partner_orders GROUP BY partner_id ORDER BY COUNT(*) DESC, partner_id LIMIT 1")
STAND=$(query "SELECT stand_id FROM stand_orders GROUP BY stand_id ORDER BY COUNT(*) DESC, stand_id LIMIT 1")
FROM=$(date -u -d '-365 days' +%F); TO=$(date -u -d '-1 day' +%F)
SOLD_AT=$(date -u -d '-2 minutes' +%FT%TZ)
write_targets "$DIR"
echo "targets: $(grep -c '{"' "$DIR/sales.lua") stand locations, $(grep -c '{"' "$DIR/orders.lua") dealers" >&2

# run NAME PATH CONNECTIONS MODE TOKEN [DATA]: warm-up, RUNS runs, the median by req/s.
run() {
    local name=$1 path=$2 connections=$3 mode=$4 token=$5 data=${6:-}
    local results=()
    if [[ -n "$ONLY" && "$path" != /healthz ]] && ! [[ "$name" =~ $ONLY ]]; then return; fi
    BENCH_MODE=$mode BENCH_TOKEN=$token BENCH_DATA=$data BENCH_RUN="w$RANDOM" BENCH_SOLD_AT=$SOLD_AT \
        wrk -t2 -c"$connections" -d3s -s scripts/bench_load.lua "$BASE$path" >/dev/null 2>&1 || true
    for r in $(seq 1 "$RUNS"); do
        results+=("$(BENCH_MODE=$mode BENCH_TOKEN=$token BENCH_DATA=$data BENCH_RUN="r$r$RANDOM" BENCH_SOLD_AT=$SOLD_AT \
            wrk -t2 -c"$connections" -d"${DURATION}s" -s scripts/bench_load.lua "$BASE$path" | tail -n 1)")
    done
    local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status)
    printf '%s\n' "${results[@]}" | python3 -c "
import json, sys
runs = sorted((json.loads(line) for line in sys.stdin if line.strip()), key=lambda r: r['rps'])
m = runs[len(runs) // 2]
print(json.dumps(dict(m, name='$name', connections=$connections, rss_mb=$rss)))" >>"$DIR/results.jsonl"
    tail -n 1 "$DIR/results.jsonl" >&2
}

run "GET /healthz" /healthz 64 get ""
run "GET /api/v1/partners/list?limit=50" "/api/v1/partners/list?limit=50" 64 get "$ADMIN"
run "GET /api/v1/partners/list?type=dealer&region=DACH&limit=50" "/api/v1/partners/list?type=dealer&region=DACH&limit=50" 64 get "$ADMIN"
run "GET /api/v1/dealers/list?limit=50" "/api/v1/dealers/list?limit=50" 64 get "$ADMIN"
run "GET /api/v1/stand/list?limit=50" "/api/v1/stand/list?limit=50" 64 get "$ADMIN"
run "GET /api/v1/partners/{id}/orders?limit=50" "/api/v1/partners/$DEALER/orders?limit=50" 64 get "$ADMIN"
run "GET /api/v1/stand/{id}/sales?limit=50" "/api/v1/stand/$STAND/sales?limit=50" 64 get "$ADMIN"
run "GET /api/v1/auth/me" /api/v1/auth/me 64 get "$MEMBER"
run "GET /api/v1/partners/{id}/dashboard" "/api/v1/partners/$DEALER/dashboard" 16 get "$ADMIN"
run "GET /api/v1/stand/performance/{id} (a year)" "/api/v1/stand/performance/$STAND?from=$FROM&to=$TO" 16 get "$ADMIN"
run "POST /api/v1/stand/sales-record" /api/v1/stand/sales-record 16 sale "$SALES" "$DIR/sales.lua"
run "POST /api/v1/partners/{id}/orders (5 lines)" /api/v1/partners/orders 16 order "$ORDERS" "$DIR/orders.lua"
sleep 2
LOADED_RSS=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$PID/status)

python3 - "$DIR/results.jsonl" "$IDLE_RSS" "$LOADED_RSS" "$([[ -n "${INNER:-}" ]] && echo PostgreSQL || echo SQLite)" "$SCALE" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
base = rows[0]["rps"]
print(f"\n{sys.argv[4]}, {sys.argv[5]} partners; idle RSS {sys.argv[2]} MB, peak RSS {sys.argv[3]} MB\n")
print("| path | conns | req/s | ratio | p50 ms | p95 ms | p99 ms | non-2xx | RSS MB |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| `{r['name']}` | {r['connections']} | {r['rps']:.0f} | {r['rps'] / base:.3f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
          f"{r['p99_ms']:.1f} | {r['non2xx'] + r['socket_errors']} | {r['rss_mb']} |")
PY
