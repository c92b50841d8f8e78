#!/bin/sh
# rebuild.sh OUT LABELS: write the five backlogs into OUT and check them against LABELS (tests/data/lint_github6).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-$T/../../../../tests/data/lint_github6}; M=${MIRROR:-/work/.mirror}
python3 $T/n1.py $O/n1-ckan.txt
python3 $T/n2.py $O/n2-brightsum.txt
python3 $T/n3.py $O/n3-govex.txt
python3 $T/p1.py $O/p1-simplergrants.txt
python3 $T/../../common/features.py $M/qcif+data-curator/repo c64699b9 test/features $O/p2-datacurator.txt test/features/backlog/template.feature
for b in n1-ckan n2-brightsum n3-govex p1-simplergrants p2-datacurator; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
