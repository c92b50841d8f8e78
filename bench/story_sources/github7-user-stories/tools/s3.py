"""s3-mozcollections: the user stories of the Firefox Marketplace user collections spec (see ../README.md)."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = os.environ.get("MIRROR", "/work/.mirror") + "/mhanratty+marketplaceux-usercollections/repo"
text = subprocess.run(["git", "--git-dir", G, "show", "2d0a96b2:spec.md"], capture_output=True, text=True, check=True).stdout
lines = text.splitlines()
start = next(i for i, l in enumerate(lines) if l.startswith("## ") and "User Stories" in l)
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
LINKS = re.compile(r"(\s*\|?\s*\[[^\]]*\]\([^)]*\))+\s*$")  # the trailing issue/spec links
out = [LINKS.sub("", item).strip() for item in items(lines[start + 1 : end])]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
