"""gh2-databrary: user-stories.md at 4484aa38, every paragraph whose first line starts with "As " (the one
under each "### Story" heading, and the one under "## Preservation"), its lines stripped and joined with
single spaces; a paragraph ends at a blank line or at a "> " quote line (the editor's note under one story)."""

import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/databrary+design/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "4484aa38:user-stories.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
out, para, prev = [], None, ""
for line in lines + [""]:
    s = line.strip()
    if para is None:
        if s.startswith("As ") and not prev.strip():
            para = [s]
    elif not s or s.startswith(">"):
        out.append(" ".join(para))
        para = None
    else:
        para.append(s)
    prev = line
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
