#!/usr/bin/env bash
# Regenerates Tests/PartnerAdvisorTests/Fixtures/statsforecast-2.1.1.json: makes a virtual
# environment with statsforecast 2.1.1 (from PyPI) and runs scripts/forecast_reference.py.
#   scripts/forecast-reference.sh            # venv in ${SF_VENV:-/tmp/sf-venv}
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV="${SF_VENV:-${TMPDIR:-/tmp}/sf-venv}"
if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q statsforecast==2.1.1
"$VENV/bin/python" scripts/forecast_reference.py Tests/PartnerAdvisorTests/Fixtures/statsforecast-2.1.1.json
