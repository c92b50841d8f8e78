"""k3-hackney: LBHackney-IT/api-specifications at e61383a8, docs/*.md in path order; in each, the lines under a
heading "## User Needs" / "## User needs" / "## Developer Needs" up to the next heading of any level; their list
items (mdlist), nested items as lines of their own; bold captions and lead-in lines are not items."""

import re
import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/LBHackney-IT+api-specifications/repo"
C = "e61383a8"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
out = []
for path in sorted(p for p in git("ls-tree", "-r", "--name-only", C, "docs").splitlines() if re.match(r"docs/[^/]+\.md$", p)):
    lines = git("show", f"{C}:{path}").splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^#+\s*(User|Developer) Needs\s*$", line, re.I):
            end = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("#")), len(lines))
            out += items(lines[i + 1 : end])
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
