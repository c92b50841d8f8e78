#!/usr/bin/env bash
# Prints the compare example in docs/stakeholders.md, from the labelled bakery interviews.
set -euo pipefail
cd "$(dirname "$0")/../tests/data/stakeholders"
COLUMNS=80 ../../../.venv/bin/elicit compare owner.elicit.toml finance.elicit.toml
