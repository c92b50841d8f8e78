import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/Hemu-unk+BrightSUM/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "520fbf28:labs/lab2.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
start = lines.index("**User Stories (insert below your name):**")
end = next(i for i in range(start, len(lines)) if lines[i].startswith("Rough list of requirements"))
out = items(lines[start + 1 : end])
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
