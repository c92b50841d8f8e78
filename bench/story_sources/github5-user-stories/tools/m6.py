import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/tahoe-lafs+MoveOffTrac/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "3b0cb19c:docs/UserStories.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
out, section = [], None
for i, line in enumerate(lines):
    if line.startswith("#"):
        section = [] if line.startswith("## As ") else None
        if section is not None:
            out.append(section)
    elif section is not None:
        section.append(line)
# items() ends an item at a heading or blank line; each role section up to the next heading of any level
out = [item for sec in out for item in items(sec)]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
