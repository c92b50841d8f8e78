"""The fixed words of the domain: kinds, statuses and priorities, and how a priority is written (no imports)."""

KINDS = ("text", "choice", "multi", "yesno", "scale", "number")
ANSWER_STATUSES = ("answered", "skipped", "revisit")
PRIORITIES = ("must", "should", "could", "wont")
PRIORITY_LABELS = {"must": "Must", "should": "Should", "could": "Could", "wont": "Won't"}
STORY_STATUSES = ("draft", "confirmed", "changed", "rejected")
OPEN_QUESTION_STATUSES = ("open", "resolved")
STORY_STATUS_LABELS = {"draft": "Draft", "confirmed": "Confirmed", "changed": "Changed", "rejected": "Rejected"}
OPEN_QUESTION_STATUS_LABELS = {"open": "Open", "resolved": "Resolved"}
"""How the tool formats (ReqIF, StrictDoc) name a story's and an open question's status."""
MERGE_QUESTION_KINDS = ("answers", "text", "priority", "need", "opposite", "decision", "decisions", "same-question", "terms")
"""What an open question ``elicit merge`` asked is about (its ``kind``): a question's answers differ; free-text
answers say opposite things; a story the interviews gave different priorities; one need told for two roles at two
priorities; two stories that want opposite things; a decision against another interview's answer; two decisions
that cannot both hold; decisions of two interviews on one question of the banks that say different things; two
words for one thing in the glossary."""
PROPOSAL_CHANGES = ("keep", "change", "remove", "add")
"""What a proposal asks: keep, change or remove a story, or add a new one (a sheet row with no story ID)."""
PROPOSAL_STATUSES = ("open", "accepted", "declined")


def priority_from_word(text: str, *, initials: bool = True) -> str | None:
    """The MoSCoW priority a person or a backlog writes, or None if the text is not one.

    Takes any case and any apostrophe: ``must``, ``Must have``, ``Won't``,
    ``wont have``, ``will not have`` and, unless ``initials`` is False, the
    initials ``M``, ``S``, ``C``, ``W``.
    """
    words = " ".join(text.casefold().replace("'", "").replace("\u2019", "").split())
    words = words.removesuffix(" have")
    if words == "will not":
        return "wont"
    if words in PRIORITIES:
        return words
    if initials and len(words) == 1:
        return next((priority for priority in PRIORITIES if priority[0] == words), None)
    return None
