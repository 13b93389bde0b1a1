#!/usr/bin/env bash
# Reproduces the figures of EVALUATION.md (except speed: scripts/bench-forecast.sh).
#
#   scripts/evaluate-forecast.sh
#
# Builds Benchmarks/ForecastBench in release (PartnerCore and PartnerAdvisor through symlinks, no
# Vapor), then prints:
#   1. agreement with statsforecast 2.1.1 over the committed fixture (per method: max abs/rel diff);
#   2. accuracy (MASE, RMSSE, bias) of every method and auto and coverage of the cumulative
#      quantiles, on 2,000 synthetic M5-like daily series (SyntheticDemand, seed 1) with the last
#      28 days held out;
#   3. auto's selection rule against the best single method in hindsight over many evaluation sets.
# Everything is deterministic: the data come from a fixed-seed SplitMix64 generator.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
(cd Benchmarks/ForecastBench && swift build -c release >/dev/null)
BENCH=Benchmarks/ForecastBench/.build/release/ForecastBench
echo "## Agreement with statsforecast 2.1.1"
"$BENCH" agreement Tests/PartnerAdvisorTests/Fixtures/statsforecast-2.1.1.json
echo
echo "## Accuracy and calibration (2,000 series, seed 1, holdout 28 days)"
"$BENCH" accuracy --series 2000 --seed 1
echo
echo "## Second set (seed 2)"
"$BENCH" accuracy --series 2000 --seed 2
echo
echo "## Selection rules vs the best single method in hindsight"
"$BENCH" selection --sets 10 --series 2000 --seed 300
"$BENCH" selection --sets 40 --series 300 --seed 200
"$BENCH" selection --sets 40 --series 100 --seed 400
