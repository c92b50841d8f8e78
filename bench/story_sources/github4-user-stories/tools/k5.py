"""k5-dfeassessment: docs/user-needs.md at 52705e8d, the list items (mdlist) under its three "## As ..." headings,
in file order; the headings (which name the role) are not lines."""

import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/DFE-Digital+service-assessment-service/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "52705e8d:docs/user-needs.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(items(lines)) + "\n")
