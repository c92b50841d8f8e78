import re
import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/coar-repositories+ngr/repo"
C = "91101fdc"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
pages = []
for path in git("ls-tree", "-r", "--name-only", C, "webroot/content/behaviour/").splitlines():
    if not path.endswith("/index.md"):
        continue
    text = git("show", f"{C}:{path}")
    weight = int(re.search(r"^weight:\s*(\d+)", text, re.M).group(1))
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if re.match(r"^### User stories related to (this|the) behaviour", l))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    pages.append((weight, items(lines[start + 1 : end])))
out = [item for _, page in sorted(pages) for item in page]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
