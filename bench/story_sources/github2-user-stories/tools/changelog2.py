"""changelog2.py GITDIR COMMIT PATH OUT: the story bullets of an RST changelog as the second GitHub set picked
them, in file order (newest release first), continuation lines joined with single spaces.

A bullet is a story line when it starts with "As" (also after one word and a colon, "Chore: As ...") or names
a benefit ("so that", "in order to", "so they/he/she/I/we/you") and does not start with a bug-fix or chore
word (Bugfix, Bug fix, Hotfix, Add(ed), Fix(ed), Update(d), Upgrade, Require, Adjust). EXTRA lists the
bullets the collector kept that this rule misses (read by hand, no word rule separates them), by the first 12
hex of the sha1 of the stripped bullet (the label files' key), so no story text is copied here."""

import re
import subprocess
import sys

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "common"))
from rstlist import bullets

BENEFIT = re.compile(r"\b(so that|in order to|so (they|he|she|I|we|you)\b)", re.I)
CHORE = re.compile(r"^(bug ?fix|hotfix|added|add|fixed|fix|updated|update|upgrade|require|adjust)\b", re.I)
EXTRA = {
    # OpenEmory 0.1.0 (g2 line 108): its benefit is a purpose infinitive ("to allow them to ..."), kept by the collector
    "6e88f484f6ad",
}


def story(b):
    if re.match(r"^(\w+:\s+)?As\b", b):
        return True
    return (bool(BENEFIT.search(b)) and not CHORE.match(b)) or __import__("hashlib").sha1(b.strip().encode()).hexdigest()[:12] in EXTRA


G, C, P, OUT = sys.argv[1:5]
text = subprocess.run(["git", "--git-dir", G, "show", f"{C}:{P}"], capture_output=True, text=True, check=True).stdout
out = [b for _, b in bullets(text.splitlines()) if story(b)]
open(OUT, "w", encoding="utf-8").write("\n".join(out) + "\n")
