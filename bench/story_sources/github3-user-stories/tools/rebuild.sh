#!/bin/sh
# rebuild.sh OUT LABELS: write the six backlogs into OUT and check them against LABELS (tests/data/lint_github3).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_github3}; M=${MIRROR:-/work/.mirror}
python3 $T/../../common/features.py $M/AgileVentures+LocalSupport/repo 53daf157 features $O/h1-localsupport.txt 2>/dev/null
python3 $T/../../common/features.py $M/sharetribe+sharetribe/repo 631083d4 features $O/h2-sharetribe.txt 2>/dev/null
python3 $T/../../common/features.py $M/diaspora+diaspora/repo 7e15d9ec features $O/h3-diaspora.txt 2>/dev/null
python3 $T/h4.py $O/h4-bengalevents.txt
python3 $T/h5.py $O/h5-alligrader.txt
python3 $T/../../common/features.py $M/TracksApp+tracks/repo 36ded17f features $O/h6-tracks.txt 2>/dev/null
for b in h1-localsupport h2-sharetribe h3-diaspora h4-bengalevents h5-alligrader h6-tracks; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
