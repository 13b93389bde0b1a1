"""Writes statsforecast 2.1.1 reference forecasts for the Swift advisor's agreement tests.

Run through scripts/forecast-reference.sh (it makes the virtual environment). The series are
generated deterministically here and stored in the fixture next to the forecasts, so the Swift tests
read both from one file. NaN forecasts (seasonal naive with fewer observations than a season) are
written as null.
"""

import json
import warnings
import math
import sys

import numpy as np
import pandas as pd
import statsforecast
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

HORIZONS = [1, 7, 28]

# (key, CLI method name, parameters, model)
MODELS = [
    ("ses-0.1", "ses", {"alpha": 0.1}, SimpleExponentialSmoothing(alpha=0.1, alias="ses-0.1")),
    ("ses-0.3", "ses", {"alpha": 0.3}, SimpleExponentialSmoothing(alpha=0.3, alias="ses-0.3")),
    ("ses-opt", "ses-opt", {}, SimpleExponentialSmoothingOptimized(alias="ses-opt")),
    ("croston", "croston", {}, CrostonClassic(alias="croston")),
    ("sba", "sba", {}, CrostonSBA(alias="sba")),
    ("croston-opt", "croston-opt", {}, CrostonOptimized(alias="croston-opt")),
    ("tsb-0.1-0.1", "tsb", {"alpha_d": 0.1, "alpha_p": 0.1}, TSB(alpha_d=0.1, alpha_p=0.1, alias="tsb-0.1-0.1")),
    ("tsb-0.2-0.05", "tsb", {"alpha_d": 0.2, "alpha_p": 0.05}, TSB(alpha_d=0.2, alpha_p=0.05, alias="tsb-0.2-0.05")),
    ("adida", "adida", {}, ADIDA(alias="adida")),
    ("imapa", "imapa", {}, IMAPA(alias="imapa")),
    ("naive", "naive", {}, Naive(alias="naive")),
    ("seasonal-naive-7", "seasonal-naive", {"season_length": 7}, SeasonalNaive(season_length=7, alias="seasonal-naive-7")),
    ("seasonal-naive-12", "seasonal-naive", {"season_length": 12}, SeasonalNaive(season_length=12, alias="seasonal-naive-12")),
]


def make_series():
    rng = np.random.default_rng(20240611)
    series = {}

    def bern_sizes(n, p, sizes):
        return np.where(rng.random(n) < p, sizes, 0.0)

    series["intermittent"] = bern_sizes(104, 0.25, rng.poisson(2.0, 104) + 1.0)
    series["lumpy"] = bern_sizes(104, 0.15, rng.negative_binomial(1, 0.1, 104) + 1.0)
    series["smooth"] = rng.poisson(20.0, 104).astype(float)
    series["erratic"] = bern_sizes(90, 0.9, rng.negative_binomial(1, 0.05, 90) + 1.0)
    series["very-sparse"] = bern_sizes(200, 0.07, rng.poisson(1.0, 200) + 1.0)
    series["fractional"] = np.round(bern_sizes(80, 0.4, rng.gamma(2.0, 1.7, 80)), 3)
    series["fractional-sparse"] = np.round(bern_sizes(150, 0.09, rng.gamma(1.5, 3.1, 150)), 4)
    series["weekly"] = np.array([max(0.0, v) for v in rng.poisson(3.0, 84) * np.tile([0, 1, 1, 1, 2, 3, 2], 12)])
    series["large"] = bern_sizes(60, 0.5, rng.poisson(1e6, 60).astype(float))
    series["all-zeros"] = np.zeros(30)
    single = np.zeros(40)
    single[10] = 3.0
    series["single-sale"] = single
    series["single-sale-last"] = np.concatenate([np.zeros(19), [2.0]])
    series["single-sale-first"] = np.concatenate([[5.0], np.zeros(19)])
    series["constant"] = np.full(20, 3.0)
    series["length-1"] = np.array([4.0])
    series["length-1-zero"] = np.array([0.0])
    series["length-2"] = np.array([2.0, 7.0])
    series["length-2-zero-last"] = np.array([3.0, 0.0])
    series["length-2-zero-first"] = np.array([0.0, 5.0])
    series["length-2-equal"] = np.array([5.0, 5.0])
    series["length-3"] = np.array([1.0, 0.0, 4.0])
    series["shorter-than-season"] = np.array([0.0, 2.0, 0.0, 0.0, 1.0])
    series["two-sales"] = np.concatenate([np.zeros(5), [1.0], np.zeros(6), [6.0], np.zeros(3)])
    series["half-interval"] = np.array([0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0], dtype=float)
    return {k: np.asarray(v, dtype=np.float64) for k, v in series.items()}


def clean(values):
    return [None if math.isnan(v) else float(v) for v in values]


def main(path):
    warnings.filterwarnings("ignore")
    series = make_series()
    frames = [
        pd.DataFrame({"unique_id": name, "ds": np.arange(len(v)), "y": v}) for name, v in series.items()
    ]
    df = pd.concat(frames, ignore_index=True)
    sf = StatsForecast(models=[m for _, _, _, m in MODELS], freq=1, n_jobs=1)
    cases = []
    for h in HORIZONS:
        fc = sf.forecast(df=df, h=h)
        for name in series:
            rows = fc[fc["unique_id"] == name]
            for key, method, params, _ in MODELS:
                cases.append(
                    {"series": name, "model": key, "method": method, "parameters": params, "h": h,
                     "forecast": clean(rows[key].to_numpy(dtype=np.float64))}
                )
    out = {
        "generator": "scripts/forecast_reference.py",
        "statsforecast": statsforecast.__version__,
        "numpy": np.__version__,
        "series": {k: [float(x) for x in v] for k, v in series.items()},
        "cases": cases,
    }
    with open(path, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases for {len(series)} series to {path}")


if __name__ == "__main__":
    main(sys.argv[1])
