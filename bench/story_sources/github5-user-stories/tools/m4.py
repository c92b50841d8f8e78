import re
import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/goalgorilla+open_social/repo"
C = "4c4cd688"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
paths = sorted(p for p in git("ls-tree", "-r", "--name-only", C, "tests/behat/features").splitlines() if p.endswith(".feature"))
out = []
for path in paths:
    lines = git("show", f"{C}:{path}").splitlines()
    i = next((k for k, l in enumerate(lines) if l.strip().startswith("Feature:")), None)
    if i is None:
        print("no feature", path)
        continue
    narrative = []
    for l in lines[i + 1 :]:
        s = l.strip()
        if not s or re.match(r"^(Scenario|Background|Rule|Example|@|#)", s):
            break
        narrative.append(s)
    if narrative:
        out.append(" ".join(narrative))
    else:
        print("no narrative", path, file=sys.stderr)
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
