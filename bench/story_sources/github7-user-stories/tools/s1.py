"""s1-opendj: every requirement paragraph of sa-mw-dach/opendj's requirements doc (see ../README.md)."""

import os
import re
import subprocess
import sys

G = os.environ.get("MIRROR", "/work/.mirror") + "/sa-mw-dach+opendj/repo"
text = subprocess.run(
    ["git", "--git-dir", G, "show", "57433b0:docs/10requirements/100requirements.md"], capture_output=True, text=True, check=True
).stdout
out, para = [], []
for line in text.splitlines():
    s = line.strip()
    if re.match(r'^<a name="(STRY|NFR)-', s):
        if para:
            out.append(" ".join(para))
        para = []
    elif not s or s.startswith("#"):
        para = []
    else:
        para.append(s)
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
