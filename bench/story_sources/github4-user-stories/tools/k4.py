"""k4-scotent: user-needs.md at 3db9f3d0, the list items (mdlist) after the first "## " theme heading, in file
order, each beginning with its need id ("UN4.1: ..."); the lead-in list before the first theme is not read."""

import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/scotentSD+customer-account/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "3db9f3d0:user-needs.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
start = next(i for i, l in enumerate(lines) if l.startswith("## "))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(items(lines[start:])) + "\n")
