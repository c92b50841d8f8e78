"""User stories as text: parsing one-line stories, quality lint, importing backlogs."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from elicit.core.stories.backlog import Backlog, read_backlog, story_values, to_story
    from elicit.core.stories.fields import split_pasted_story, template_leftover
    from elicit.core.stories.lint import (
        BacklogContext,
        LintFinding,
        benefit_note,
        check_codes,
        lint_stories,
        lint_story,
        quality_line,
        story_text,
        structure_note,
        unsure_note,
    )
    from elicit.core.stories.parse import NEGATION, UNPARSED_TAG, ParsedStory, negated_goal, parse_story
    from elicit.core.stories.similar import LIGHT_WORDS, SimilarityIndex, duplicate_groups, same_story, skeleton, story_words
    from elicit.core.stories.suspect_check import suspect_findings
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "backlog": ["Backlog", "read_backlog", "story_values", "to_story"],
            "fields": ["split_pasted_story", "template_leftover"],
            "lint": [
                "BacklogContext",
                "LintFinding",
                "benefit_note",
                "check_codes",
                "lint_stories",
                "lint_story",
                "quality_line",
                "story_text",
                "structure_note",
                "unsure_note",
            ],
            "parse": ["NEGATION", "UNPARSED_TAG", "ParsedStory", "negated_goal", "parse_story"],
            "similar": ["LIGHT_WORDS", "SimilarityIndex", "duplicate_groups", "same_story", "skeleton", "story_words"],
            "suspect_check": ["suspect_findings"],
        },
    )

__all__ = [
    "LIGHT_WORDS",
    "NEGATION",
    "UNPARSED_TAG",
    "Backlog",
    "BacklogContext",
    "LintFinding",
    "ParsedStory",
    "SimilarityIndex",
    "benefit_note",
    "check_codes",
    "duplicate_groups",
    "lint_stories",
    "lint_story",
    "negated_goal",
    "parse_story",
    "quality_line",
    "read_backlog",
    "split_pasted_story",
    "same_story",
    "skeleton",
    "story_words",
    "story_text",
    "story_values",
    "structure_note",
    "suspect_findings",
    "template_leftover",
    "to_story",
    "unsure_note",
]
