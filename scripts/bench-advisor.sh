#!/usr/bin/env bash
# Time to score every partner of the demo with the AI Partner Advisor (EVALUATION.md §10):
#
#   scripts/bench-advisor.sh [--no-build] [--runs R] [--scale N]
#
# 1. builds release (`swift build -c release --product partneros`; PARTNEROS_BIN=PATH measures
#    another build instead);
# 2. seeds the demo into a temporary SQLite database (`partneros seed --demo`, or `--scale N` for
#    a larger network);
# 3. runs `partneros advise` R times (3): each run scores every active partner on all three kinds,
#    one partner after the other as the API does (signals read, insights stored with their events
#    and alerts, one transaction a partner), and prints the time of the scoring alone. Prints every
#    run and the median.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BUILD=1 RUNS=3 SCALE=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --runs) RUNS=$2; shift ;;
        --scale) SCALE=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
    shift
done
if [[ $BUILD -eq 1 && -z "${PARTNEROS_BIN:-}" ]]; then swift build -c release --product partneros >&2; fi
BIN="${PARTNEROS_BIN:-$ROOT/.build/release/partneros}"

DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
DB="sqlite:$DIR/partneros.sqlite"
SEED_START=$SECONDS
if [[ -n "$SCALE" ]]; then
    "$BIN" seed --scale "$SCALE" --database "$DB" --log-level warning >"$DIR/seed.log"
else
    "$BIN" seed --demo --database "$DB" --log-level warning >"$DIR/seed.log"
fi
echo "seeded in $((SECONDS - SEED_START)) s: $(grep -E 'Demo (network|commerce)|Scale network' "$DIR/seed.log" | tr -s ' ' | paste -sd ';' -)"

TIMES=()
for run in $(seq 1 "$RUNS"); do
    LINE=$("$BIN" advise --database "$DB" --log-level warning | tail -n 1)
    echo "run $run: $LINE"
    TIMES+=("$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$LINE")")
done
printf '%s\n' "${TIMES[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "median of %d runs: %.3f s\n", NR, t[int((NR + 1) / 2)] }'
