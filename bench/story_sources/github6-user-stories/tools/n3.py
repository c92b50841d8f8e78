import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/govex+open-data-portal-requirements/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "e3b7bde9:README.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
start = lines.index("## Data Catalog Features")
out = items(lines[start:])
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
