"""changelog.py GITDIR COMMIT PATH OUT: the story bullets ("As ...", also after one word and a colon) of an
RST changelog, in file order (newest release first), continuation lines joined with single spaces."""

import re
import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from rstlist import bullets

G, C, P, OUT = sys.argv[1:5]
text = subprocess.run(["git", "--git-dir", G, "show", f"{C}:{P}"], capture_output=True, text=True, check=True).stdout
out = [b for _, b in bullets(text.splitlines()) if re.match(r"^(\w+:\s+)?As\b", b)]
open(OUT, "w", encoding="utf-8").write("\n".join(out) + "\n")
