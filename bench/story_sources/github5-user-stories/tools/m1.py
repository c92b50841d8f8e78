import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/PREreview+PREreview-2.0-design/repo"
text = subprocess.run(
    ["git", "--git-dir", G, "show", "fd074e2d:design_thinking/users_analysis.md"], capture_output=True, text=True, check=True
).stdout
lines = text.splitlines()
start = lines.index("### General Users:")
end = next(i for i in range(start, len(lines)) if lines[i].startswith("----"))
out = items(lines[start + 1 : end])
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
