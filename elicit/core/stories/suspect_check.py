"""The ``suspect`` finding: a story whose source answer changed since the story was last changed or confirmed."""

from __future__ import annotations

from elicit.core.session.models import Session
from elicit.core.session.suspects import suspect_stories
from elicit.core.stories.lint import LintFinding

SUSPECT = "suspect"


def suspect_findings(session: Session) -> list[LintFinding]:
    """One finding per suspect story, naming the answers that changed under it."""
    findings = []
    for story_id, questions in suspect_stories(session).items():
        changed = ", ".join(questions)
        findings.append(
            LintFinding(
                SUSPECT,
                story_id,
                f"its source answer changed since the story was last changed or confirmed ({changed})",
                "read the answer again, then edit the story or confirm it as it is",
            )
        )
    return findings
