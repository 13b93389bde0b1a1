#!/usr/bin/env bash
# Times the advisor's forecasting engine against statsforecast 2.1.1 on one core.
#
#   scripts/bench-forecast.sh            # 10,000 series x 104 periods, then the CLI path
#
# 1. builds Benchmarks/ForecastBench in release (it compiles Sources/PartnerCore and
#    Sources/PartnerAdvisor through symlinks, so no Vapor);
# 2. times every method and auto on 10,000 deterministic synthetic intermittent series x 104
#    periods (SyntheticDemand, seed 104) and writes the same series to a CSV;
# 3. times StatsForecast(models=[m], freq=1, n_jobs=1).forecast(h=28) on that CSV after a warm-up
#    (virtual environment in ${SF_VENV:-/tmp/sf-venv}, statsforecast==2.1.1 from PyPI) and prints
#    the side-by-side table;
# 4. times the CLI path (read CSV, ForecastBatch.run with auto, write CSV) on 25,000 x 80.
# Everything runs under `taskset -c 0` when taskset exists, so each side gets one core.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
SERIES="${SERIES:-10000}"
LENGTH="${LENGTH:-104}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi

(cd Benchmarks/ForecastBench && swift build -c release >/dev/null)
BENCH="$ROOT/Benchmarks/ForecastBench/.build/release/ForecastBench"

VENV="${SF_VENV:-${TMPDIR:-/tmp}/sf-venv}"
if [[ ! -x "$VENV/bin/python" ]]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q statsforecast==2.1.1

"${PIN[@]}" "$BENCH" speed --series "$SERIES" --length "$LENGTH" --csv "$WORK/series.csv" > "$WORK/swift.tsv"
"${PIN[@]}" "$VENV/bin/python" scripts/bench_forecast.py "$WORK/series.csv" "$WORK/swift.tsv"
echo
echo "CLI path (read CSV, ForecastBatch.run, write CSV), seconds:"
"${PIN[@]}" "$BENCH" cli
