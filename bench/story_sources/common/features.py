"""features.py GITDIR COMMIT DIR OUT [SKIP ...]: the narratives of the Gherkin feature files under DIR at COMMIT, one a line,
files in path order (Python string order of the whole path); the files whose paths are given as SKIP are left out.

A file's narrative is the first paragraph of its description: blank lines after the "Feature:" line are
skipped, then its lines are taken up to the next blank line or a line starting Scenario, Background, Rule,
Example or "@" (a "#" comment line is kept as text), stripped and joined with single spaces; a paragraph ending with ":" ("As a citizen:")
goes on with the next one. It is a story line when it starts with "As", "In order to", "So that" or "I want"
(any case); the other descriptions are printed to stderr as left out."""

import re
import subprocess
import sys

G, C, D, OUT = sys.argv[1:5]
SKIP = set(sys.argv[5:])
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
STOP = re.compile(r"^(Scenario|Background|Rule|Example|@)")
KEEP = re.compile(r"^(As\b|In order to\b|So that\b|I want\b)", re.I)


def narrative(lines):
    k, text = 0, []
    while True:
        while k < len(lines) and not lines[k].strip():
            k += 1
        para = []
        while k < len(lines) and lines[k].strip() and not STOP.match(lines[k].strip()):
            para.append(lines[k].strip())
            k += 1
        text += para
        if not (para and para[-1].endswith(":")):
            return " ".join(text)


out = []
for path in sorted(p for p in git("ls-tree", "-r", "--name-only", C, D).splitlines() if p.endswith(".feature") and p not in SKIP):
    lines = git("show", f"{C}:{path}").splitlines()
    at = next((k for k, l in enumerate(lines) if l.strip().startswith("Feature:")), None)
    if at is None:
        continue
    text = narrative(lines[at + 1 :])
    if text and KEEP.match(text):
        out.append(text)
    elif text:
        print("left out:", path, "|", text[:100], file=sys.stderr)
open(OUT, "w", encoding="utf-8").write("\n".join(out) + "\n")
