"""g4-hca: HumanCellAtlas/dcp-community at 249f83fa, rfcs/text/0002-*.md to 0016-*.md in number order (0012 left
out: its one story is a template example). In each, the section under the heading that starts "User Stories"
(any level, bold or not; "User Stories or Use Cases" too) up to the next heading; in it every list item or paragraph that
starts with "As " (after its bullet or number), its lines stripped and joined with single spaces."""

import re
import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/HumanCellAtlas+dcp-community/repo"
C = "249f83fa"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+(.*)$")


def blocks(lines):
    """Paragraphs and list items: a block ends at a blank line or where a list item starts."""
    out, cur = [], None
    for line in lines:
        m = ITEM.match(line)
        if m:
            if cur:
                out.append(cur)
            cur = [m.group(1).strip()]
        elif not line.strip():
            if cur:
                out.append(cur)
            cur = None
        elif cur is None:
            cur = [line.strip()]
        else:
            cur.append(line.strip())
    if cur:
        out.append(cur)
    return [" ".join(b) for b in out]


out = []
for path in sorted(git("ls-tree", "-r", "--name-only", C, "rfcs/text/").splitlines()):
    number = int(re.search(r"/(\d{4})-", path).group(1))
    if not 2 <= number <= 16 or number == 12:
        continue
    lines = git("show", f"{C}:{path}").splitlines()
    start = next((i for i, l in enumerate(lines) if re.match(r"^#+\s*\**User Stories", l, re.I)), None)
    if start is None:
        continue
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    out += [b for b in blocks(lines[start + 1 : end]) if b.startswith("As ")]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
