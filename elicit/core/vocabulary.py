"""The fixed words of the domain: kinds, statuses and priorities (no imports, cheap to load)."""

KINDS = ("text", "choice", "multi", "yesno", "scale", "number")
ANSWER_STATUSES = ("answered", "skipped", "revisit")
PRIORITIES = ("must", "should", "could", "wont")
PRIORITY_LABELS = {"must": "Must", "should": "Should", "could": "Could", "wont": "Won't"}
STORY_STATUSES = ("draft", "confirmed", "changed", "rejected")
OPEN_QUESTION_STATUSES = ("open", "resolved")
