#!/bin/sh
# rebuild.sh OUT LABELS: write the five backlogs into OUT and check them against LABELS (tests/data/lint_github4).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_github4}; M=${MIRROR:-/work/.mirror}
python3 $T/../../common/features.py $M/18F+micropurchase/repo 1836b349 features $O/k1-micropurchase.txt 2>/dev/null
python3 $T/../../common/features.py $M/primeroIMS+primero/repo 4e10f17b capybara_features $O/k2-primero.txt 2>/dev/null
python3 $T/k3.py $O/k3-hackney.txt
python3 $T/k4.py $O/k4-scotent.txt
python3 $T/k5.py $O/k5-dfeassessment.txt
for b in k1-micropurchase k2-primero k3-hackney k4-scotent k5-dfeassessment; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
