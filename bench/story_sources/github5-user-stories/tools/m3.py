import re
import subprocess
import sys

G = __import__("os").environ.get("MIRROR", "/work/.mirror") + "/ngandrass+moodle-data-archiving-concept/repo"
text = subprocess.run(
    ["git", "--git-dir", G, "show", "5a75d4c7:docs/requirements/user-stories.md"], capture_output=True, text=True, check=True
).stdout
out, cur = [], None
for line in text.splitlines():
    m = re.match(r'^!!! \w+ "(.*)"\s*$', line)
    if m:
        if cur:
            out.append(" ".join(cur))
        cur = [m.group(1).strip()]
    elif cur is not None and (line.startswith("    ") or not line.strip()):
        if line.strip():
            cur.append(line.strip())
    else:
        if cur:
            out.append(" ".join(cur))
        cur = None
if cur:
    out.append(" ".join(cur))
out = [re.sub(r"</?b>", "", item) for item in out]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
