#!/bin/sh
# rebuild.sh OUT LABELS: write the six backlogs into OUT and check them against LABELS (tests/data/lint_github5).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_github5}
python3 $T/m1.py $O/m1-prereview.txt
python3 $T/m2.py $O/m2-mojneeds.txt
python3 $T/m3.py $O/m3-quizarchive.txt
python3 $T/m4.py $O/m4-opensocial.txt 2>/dev/null
python3 $T/m5.py $O/m5-coar.txt
python3 $T/m6.py $O/m6-tahoe.txt
for b in m1-prereview m2-mojneeds m3-quizarchive m4-opensocial m5-coar m6-tahoe; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
