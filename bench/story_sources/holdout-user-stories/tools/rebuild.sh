#!/bin/sh
# rebuild.sh OUT LABELS: copy the eight backlogs into OUT and check them against LABELS (tests/data/lint_holdout).
# Needs a bare clone of ace-design/nlp-stories in $MIRROR/ace-design+nlp-stories/repo (default /work/.mirror).
set -e
T=$(dirname "$0"); O=${1:-.}; L=${2:-../restore/tests/data/lint_holdout}; M=${MIRROR:-/work/.mirror}
for b in g05-openspending g11-nsf g14-datahub g19-alfred g22-rdadmp g25-duraspace g27-culrepo g28-zooniverse; do
  git --git-dir=$M/ace-design+nlp-stories/repo show 3b025710:inputs/individual_backlog/dataset/$b.txt > $O/$b.txt
  python3 $T/../../common/verify.py $L/$b.toml $O/$b.txt
done
