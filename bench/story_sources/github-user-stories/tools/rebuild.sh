#!/bin/sh
# rebuild.sh OUT LABELS: write the five backlogs into OUT and check them against LABELS (tests/data/lint_github).
# Needs bare clones in $MIRROR/OWNER+NAME/repo (default /work/.mirror; see ../README.md).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_github}; M=${MIRROR:-/work/.mirror}
python3 $T/changelog.py $M/ecds+readux/repo 29e8ab02 CHANGELOG.rst $O/gh1-readux.txt
python3 $T/gh2.py $O/gh2-databrary.txt
python3 $T/changelog.py $M/Princeton-CDH+derrida-django/repo de5b6bc3 CHANGELOG.rst $O/gh3-derrida.txt
python3 $T/changelog.py $M/Princeton-CDH+winthrop-django/repo 68b0be00 CHANGELOG.rst $O/gh4-winthrop.txt
python3 $T/gh5.py $O/gh5-asvs.txt
for b in gh1-readux gh2-databrary gh3-derrida gh4-winthrop gh5-asvs; do python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt; done
