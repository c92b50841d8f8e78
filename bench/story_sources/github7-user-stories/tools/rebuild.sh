#!/bin/sh
# rebuild.sh OUT LABELS: write the seventh GitHub set's backlogs into OUT and check them against LABELS (tests/data/lint_github7).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-tests/data/lint_github7}
python3 $T/s1.py $O/s1-opendj.txt
python3 $T/s2.py $O/s2-pdsvalidate.txt
python3 $T/s3.py $O/s3-mozcollections.txt
python3 $T/t1.py $O/t1-noosfero.txt 2>/dev/null
python3 $T/t2.py $O/t2-keps.txt
for b in s1-opendj s2-pdsvalidate s3-mozcollections t1-noosfero t2-keps; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
