"""Bullets of an RST/markdown changelog: (section, text); continuation lines (indented deeper than the
marker, non-blank) joined with single spaces; a blank line or a line at or left of the marker ends it."""

import re

BULLET = re.compile(r"^(\s*)[*+-]\s+(.*)$")


def bullets(lines):
    out, cur, indent, section = [], None, 0, None
    prev = None
    for line in lines:
        m = BULLET.match(line)
        if m and not re.match(r"^\s*[-=~^*+]{3,}\s*$", line):
            if cur is not None:
                out.append((section, cur))
            cur, indent = m.group(2).strip(), len(m.group(1))
        elif cur is not None and line.strip() and len(line) - len(line.lstrip()) > indent:
            cur += " " + line.strip()
        else:
            if cur is not None:
                out.append((section, cur))
            cur = None
            if re.match(r"^\s*[-=~^]{3,}\s*$", line) and prev and prev.strip():
                section = prev.strip()
        prev = line
    if cur is not None:
        out.append((section, cur))
    return out
