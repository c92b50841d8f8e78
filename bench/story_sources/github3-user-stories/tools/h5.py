"""h5-alligrader: ux/user-stories.md at 151315a4, every list item (mdlist), in file order, priority word kept."""

import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/alligrader+product/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "151315a4:ux/user-stories.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(items(lines)) + "\n")
