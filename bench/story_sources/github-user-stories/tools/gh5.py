"""gh5-asvs: andreas-becker/project-ASVS-User-Stories at 22fe2d76, every */*.md requirement file in ASVS order
(the numbers its name starts with: 2_1_10 -> (2, 1, 10), 8.1.1 -> (8, 1, 1), v7 -> (7,)); in each, the
"**Story**:" block (its lines up to the first blank one, markdown line-break backslashes and surrounding
spaces taken off, joined with single spaces), or, in the two chapter files without one (Logging/v7,
Files/v12), every ```gherkin block whose first line starts with "As a " or "As an " (any case: four "AS a product owner"
blocks and v7's "As an application Owner"; the block "AS the product owner" under "## File execution
requirements" is not a line of the labelled file), its non-blank lines stripped and joined."""

import re
import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/andreas-becker+project-ASVS-User-Stories/repo"
C = "22fe2d76"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout


def order(path):
    return tuple(int(n) for n in re.findall(r"\d+", re.match(r"v?([\d._]+)", path.split("/")[-1]).group(1)))


paths = sorted((p for p in git("ls-tree", "-r", "--name-only", "-z", C).split("\0") if re.match(r"[^/]+/.+\.md$", p)), key=order)
clean = lambda l: l.strip().rstrip("\\").strip()
out = []
for path in paths:
    lines = git("show", f"{C}:{path}").splitlines()
    at = next((k for k, l in enumerate(lines) if l.strip().startswith("**Story**:")), None)
    if at is not None:
        block = [clean(lines[at].strip()[len("**Story**:") :])]
        for l in lines[at + 1 :]:
            if not l.strip():
                break
            block.append(clean(l))
        out.append(" ".join(b for b in block if b))
        continue
    for k, l in enumerate(lines):
        if l.strip() == "```gherkin":
            body = []
            for m in lines[k + 1 :]:
                if m.strip().startswith("```"):
                    break
                if m.strip():
                    body.append(m.strip())
            if body and re.match(r"as an? ", body[0], re.I):
                out.append(" ".join(body))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
