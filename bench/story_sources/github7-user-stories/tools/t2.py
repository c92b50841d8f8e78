"""t2-keps: kubernetes/enhancements at 6b4b9d00 (2020-06-30), every keps/**/*.md file, paths in Python string
order. In each, every section whose heading contains "user stories" or "user story" (any case, any level) up
to the next heading of the same or a higher level (its sub-headings, such as "#### Story 1", are read through,
not kept); fenced code blocks are skipped. The section's blocks are its list items and paragraphs (a list item
starts a block, a blank line, heading or fence ends one, continuation lines are joined with single spaces, the
item's marker is taken off); a block is a line when it starts with "As a" or "As an" (a leading "**" allowed)."""

import os
import re
import subprocess
import sys

G = os.environ.get("MIRROR", "/work/.mirror") + "/kubernetes+enhancements/repo"
C = "6b4b9d00f22d2e3524be3b184e17f9340e0b3457"
git = lambda *a: subprocess.run(["git", "--git-dir", G, *a], capture_output=True, text=True, check=True).stdout
ITEM = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)")
HEADING = re.compile(r"^(#+)\s+(.*)")
STORY = re.compile(r"^(?:\*\*)?As an?\b")


def stories(lines):
    out, cur, inside, level, fence = [], None, False, 0, False
    for line in lines:
        if line.strip().startswith("```"):
            if cur:
                out.append(cur)
            fence, cur = not fence, None
            continue
        if fence:
            continue
        m = HEADING.match(line)
        if m:
            if cur:
                out.append(cur)
            cur = None
            if re.search(r"user stor(y|ies)", m.group(2), re.I):
                inside, level = True, len(m.group(1))
            elif inside and len(m.group(1)) <= level:
                inside = False
            continue
        if not inside:
            continue
        if not line.strip():
            if cur:
                out.append(cur)
            cur = None
        elif ITEM.match(line):
            if cur:
                out.append(cur)
            cur = ITEM.sub("", line).strip()
        elif cur is None:
            cur = line.strip()
        else:
            cur += " " + line.strip()
    if cur:
        out.append(cur)
    return [b for b in out if STORY.match(b)]


out = []
for path in sorted(p for p in git("ls-tree", "-r", "--name-only", C, "keps").splitlines() if p.endswith(".md")):
    out += stories(git("show", f"{C}:{path}").splitlines())
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
