"""List items of a markdown text: one item a string, marker and surrounding space stripped,
a marker is *, -, + or a number with . or ) (also "8 ."), at any indent;
continuation lines (non-blank, not a new item, not a heading/rule) joined with single spaces."""

import re

ITEM = re.compile(r"^\s*(?:[*+-]\s+|\d+[.)]\s+|\d+ \.)(.*)$")  # "8 .As ..." (k3) is an item too


def items(lines):
    out, cur = [], None
    for raw in lines:
        line = raw.rstrip("\n")
        m = ITEM.match(line)
        if m and not re.match(r"^\s*(-{3,}|\*{3,})\s*$", line):
            if cur is not None:
                out.append(cur)
            cur = m.group(1).strip()
        elif not line.strip() or line.lstrip().startswith("#") or re.match(r"^\s*(-{3,}|\*{3,})\s*$", line):
            if cur is not None:
                out.append(cur)
            cur = None
        elif cur is not None:
            cur = cur + " " + line.strip()
    if cur is not None:
        out.append(cur)
    return out
