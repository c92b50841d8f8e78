import re
import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/HHS+simpler-grants-gov/repo"
C = "b9299956"
D = "documentation/deliverables/individual_deliverables/"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
out = []
for path in git("ls-tree", "--name-only", C, D).splitlines():
    if path.endswith("/grants_protocol.md"):  # the template's placeholder stories
        continue
    lines = git("show", f"{C}:{path}").splitlines()
    start = next((i for i, l in enumerate(lines) if re.match(r"^#+ User stories\s*$", l, re.I)), None)
    if start is None:
        continue
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    out += items(lines[start + 1 : end])
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
