"""Times statsforecast 2.1.1 on the benchmark series and prints a side-by-side table with the Swift
engine's timings. Run through scripts/bench-forecast.sh.

    python bench_forecast.py SERIES.csv SWIFT_TIMINGS.tsv

Each model is timed alone with StatsForecast(models=[model], freq=1, n_jobs=1).forecast(h=28),
after a warm-up on 200 series; the best of two runs is reported (the Swift side reports its best of
three).
"""

import sys
import time
import warnings

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import (
    ADIDA,
    IMAPA,
    TSB,
    CrostonClassic,
    CrostonOptimized,
    CrostonSBA,
    Naive,
    SeasonalNaive,
    SimpleExponentialSmoothing,
    SimpleExponentialSmoothingOptimized,
)

MODELS = [
    ("naive", Naive(), 10),
    ("seasonal-naive", SeasonalNaive(season_length=7), 10),
    ("ses", SimpleExponentialSmoothing(alpha=0.1), 10),
    ("croston", CrostonClassic(), 10),
    ("sba", CrostonSBA(), 10),
    ("tsb", TSB(alpha_d=0.1, alpha_p=0.1), 10),
    ("ses-opt", SimpleExponentialSmoothingOptimized(), 3),
    ("croston-opt", CrostonOptimized(), 3),
    ("adida", ADIDA(), 3),
    ("imapa", IMAPA(), 3),
]


def main(series_csv, swift_tsv):
    warnings.filterwarnings("ignore")
    df = pd.read_csv(series_csv, dtype={"series_id": str, "t": "int64", "y": "float64"})
    df = df.rename(columns={"series_id": "unique_id", "t": "ds"})
    n_series = df["unique_id"].nunique()
    warm = df[df["unique_id"].isin(df["unique_id"].unique()[:200])]
    swift = {}
    with open(swift_tsv) as f:
        for line in f:
            name, seconds = line.rstrip("\n").split("\t")
            swift[name] = float(seconds)
    print(f"{n_series} series x {len(df) // n_series} periods, h = 28, one core")
    print()
    print("| method | statsforecast 2.1.1 (s) | Swift (s) | speed-up | target |")
    print("|---|---|---|---|---|")
    for name, model, target in MODELS:
        sf = StatsForecast(models=[model], freq=1, n_jobs=1)
        sf.forecast(df=warm, h=28)
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            sf.forecast(df=df, h=28)
            best = min(best, time.perf_counter() - start)
        ours = swift.get(name, float("nan"))
        print(f"| {name} | {best:.3f} | {ours:.4f} | {best / ours:.1f}x | >= {target}x |")
    for name in ("auto", "auto+q0.9"):
        if name in swift:
            print(f"| {name} (Swift only: backtest of 5 candidates x 4 origins) | - | {swift[name]:.3f} | - | - |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
