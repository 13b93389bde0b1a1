#!/usr/bin/env python3
"""Prints `partneros simulate` JSON reports (files given as arguments) as the Markdown table of EVALUATION.md §6."""
import json
import sys

print("| policy | target fill rate | achieved | stock-out line-days | avg units on shelves (per line) | refills | units refilled |")
print("|---|---|---|---|---|---|---|")
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        r = json.load(handle)
    target = r.get("targetFillRate")
    print(f"| {r['policy']} | {f'{target * 100:.2f} %' if target else '–'} | {r['fillRate'] * 100:.2f} % | {r['stockOutDays']} "
          f"| {r['averageOnHand']:.0f} ({r['averageOnHandPerLine']:.2f}) | {r['refills']} | {r['unitsRefilled']} |")
