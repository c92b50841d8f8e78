import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/ministryofjustice+moj-design-system/repo"
out = []
for page in ["citizens", "legal-professionals", "the-judiciary"]:
    path = f"0dc1af8e:app/views/get-started/common-needs-of-{page}/README.md"
    out += items(subprocess.run(["git", "--git-dir", G, "show", path], capture_output=True, text=True, check=True).stdout.splitlines())
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
