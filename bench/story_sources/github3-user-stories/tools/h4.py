"""h4-bengalevents: doc/user_stories.md at c9a55503, the list items (mdlist) from the "## User Stories" heading
up to the next level-1 heading ("# Product Quality Concerns"), in file order; unfinished items kept."""

import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from mdlist import items

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/isu-software-factory+BengalEvents/repo"
lines = subprocess.run(
    ["git", "--git-dir", G, "show", "c9a55503:doc/user_stories.md"], capture_output=True, text=True, check=True
).stdout.splitlines()
start = lines.index("## User Stories")
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("# "))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(items(lines[start + 1 : end])) + "\n")
