"""s2-pdsvalidate: the requirement titles of NASA-PDS/validate's requirements summary (see ../README.md)."""

import os
import re
import subprocess
import sys

G = os.environ.get("MIRROR", "/work/.mirror") + "/NASA-PDS+validate/repo"
text = subprocess.run(
    ["git", "--git-dir", G, "show", "d6e85ded:docs/requirements/v4.1.0/REQUIREMENTS.md"], capture_output=True, text=True, check=True
).stdout
out = []
for line in text.splitlines():
    if line.startswith("## "):
        out.append(re.sub(r"\s*\(\[#\d+\]\([^)]*\)\)\s*$", "", line[3:]).strip())
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
