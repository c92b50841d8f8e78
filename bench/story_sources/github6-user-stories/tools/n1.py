import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/ckan+ckan/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "b2e896e2:doc/user-stories-list.rst"], capture_output=True, text=True, check=True
).stdout.splitlines()
# a story is the paragraph that starts "As " (two run on to a "** so that **..." line): joined with single spaces
out, cur = [], None
for line in lines:
    if line.startswith("As "):
        cur = [line.strip()]
    elif cur is not None and line.strip():
        cur.append(line.strip())
    elif cur is not None:
        out.append(" ".join(cur))
        cur = None
if cur is not None:
    out.append(" ".join(cur))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
