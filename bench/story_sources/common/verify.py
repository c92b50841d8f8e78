"""verify.py LABELS.toml STORIES.txt: compare each labelled line's sha1 with the file."""

import hashlib
import re
import sys
import tomllib


def key(line):
    return hashlib.sha1(re.sub(r"^#G\d+#\s*", "", line).strip().encode()).hexdigest()[:12]


labels = {s["line"]: s["sha1"] for s in tomllib.load(open(sys.argv[1], "rb"))["story"]}
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
nonempty = [i for i, l in enumerate(lines, 1) if l.strip()]
bad = [n for n in sorted(labels) if n > len(lines) or key(lines[n - 1]) != labels[n]]
print(f"{sys.argv[2]}: {len(lines)} lines ({len(nonempty)} non-empty), labels {len(labels)}, mismatched {len(bad)}: {bad[:40]}")
# where does each file line's hash occur in the labels?
inv = {v: k for k, v in labels.items()}
if bad and len(sys.argv) > 3:
    for i, l in enumerate(lines, 1):
        print(i, inv.get(key(l), "-"), l[:110])
