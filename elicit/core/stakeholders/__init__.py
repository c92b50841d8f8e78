"""Several interviews, one spec: compare them side by side, flag their conflicts, merge them into one session."""

TYPE_CHECKING = False

if TYPE_CHECKING:
    from elicit.core.stakeholders.comparison import (
        CONFLICT_KINDS,
        Comparison,
        Conflict,
        Duplicates,
        QuestionAnswers,
        Side,
        answer_words,
        answers_conflict,
        compare,
        non_answer,
        numbers_conflict,
    )
    from elicit.core.stakeholders.merging import (
        Merged,
        merge,
        open_conflicts,
        story_map_lines,
    )
    from elicit.core.stakeholders.render import (
        comparison_json,
        comparison_markdown,
        comparison_text,
    )
    from elicit.core.stakeholders.sources import (
        Source,
        make_sources,
        short_name,
        speaker,
    )
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "comparison": [
                "CONFLICT_KINDS",
                "Comparison",
                "Conflict",
                "Duplicates",
                "QuestionAnswers",
                "Side",
                "answer_words",
                "answers_conflict",
                "compare",
                "non_answer",
                "numbers_conflict",
            ],
            "merging": ["Merged", "merge", "open_conflicts", "story_map_lines"],
            "render": ["comparison_json", "comparison_markdown", "comparison_text"],
            "sources": ["Source", "make_sources", "short_name", "speaker"],
        },
    )

__all__ = [
    "CONFLICT_KINDS",
    "Comparison",
    "Conflict",
    "Duplicates",
    "Merged",
    "QuestionAnswers",
    "Side",
    "Source",
    "answer_words",
    "answers_conflict",
    "compare",
    "comparison_json",
    "comparison_markdown",
    "comparison_text",
    "make_sources",
    "merge",
    "non_answer",
    "numbers_conflict",
    "open_conflicts",
    "short_name",
    "speaker",
    "story_map_lines",
]
