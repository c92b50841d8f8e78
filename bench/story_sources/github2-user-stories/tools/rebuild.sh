#!/bin/sh
# rebuild.sh OUT LABELS: write the five backlogs into OUT and check them against LABELS (tests/data/lint_github2).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_github2}; M=${MIRROR:-/work/.mirror}
python3 $T/changelog2.py $M/emory-libraries+TheKeep/repo 59dfc818 CHANGELOG.rst $O/g1-thekeep.txt
python3 $T/changelog2.py $M/emory-libraries+OpenEmory/repo 740ce96d CHANGELOG.rst $O/g2-openemory.txt
python3 $T/changelog2.py $M/emory-libraries+findingaids/repo/.git 29e0aa93 CHANGELOG.rst $O/g3-findingaids.txt
python3 $T/g4.py $O/g4-hca.txt
python3 $T/../../common/features.py $M/alphagov+whitehall/repo c676aafd features $O/g5-whitehall.txt 2>/dev/null
for b in g1-thekeep g2-openemory g3-findingaids g4-hca g5-whitehall; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
