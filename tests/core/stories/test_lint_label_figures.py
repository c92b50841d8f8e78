"""Precision and recall of the lint on the label sets beyond the tuning sample (issue 19).

- The promoted set (tests/data/lint_labels_unseen.toml: five whole backlogs, labelled blind,
  promoted to tuning data on 2026-12-01 after four aggregate readings): every check on by
  default keeps precision 0.9 or more here, as on tests/data/lint_labels.toml.
- The fresh set (tests/data/lint_labels_fresh.toml: nine whole backlogs, labelled blind,
  promoted to tuning data on 2026-12-01 after one blind reading): no default check makes more false
  alarms than the round-3 rules did (``FRESH_MOST_FALSE``), and each keeps precision 0.85 or more.
  The test skips when the file is absent.
- The hold-out set (tests/data/lint_holdout/: eight whole backlogs of the same public data set that
  ../shared lacks, labelled blind, promoted to tuning data on 2026-12-01 after one blind reading at
  30b11b6): no default check makes more false alarms than the round-4 rules did (``HOLDOUT_MOST_FALSE``),
  and each keeps precision 0.85 or more. Skips when ../holdout-user-stories is absent (CI).
- The GitHub set (tests/data/lint_github/: five whole backlogs of public GitHub projects, labelled blind,
  promoted to tuning data on 2026-12-01 after one blind reading at 808a364): no default check makes more
  false alarms than the round-5 rules did (``GITHUB_MOST_FALSE``), and each keeps precision 0.85 or more.
  Skips when ../github-user-stories is absent (CI).
- The second GitHub set (tests/data/lint_github2/: five more whole backlogs of public GitHub projects, labelled blind,
  promoted to tuning data on 2026-12-02 after one blind reading at 08a8984): no default check makes more false alarms
  than the round-6 rules do (``GITHUB2_MOST_FALSE``); precision 0.85 or more for every default check except those
  named in ``GITHUB2_BELOW_GOAL``. Skips when ../github2-user-stories is absent (CI).
- The third, fourth and fifth GitHub sets (tests/data/lint_github3/, lint_github4/, lint_github5/; promoted to tuning
  data on 2026-12-02, each after one blind reading, at d4855bd, 0c82c9d and 25ea61c): one parameterised test, the same
  ceilings per set (``PROMOTED_GITHUB_SETS``). Skips when the set's stories are absent (CI).

Stories are linted as `elicit lint` reads a backlog file: each backlog as its own set, the
``#G12#`` tag stripped, a line that holds only the tag read as it stands (not a story).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from elicit.core.stories.backlog import BacklogLine, to_story
from elicit.core.stories.lint import CHECKS, DEFAULT_ON, lint_stories
from elicit.core.stories.parse import parse_story
from tests.conftest import (
    DATA,
    GITHUB2_STORIES,
    GITHUB3_STORIES,
    GITHUB4_STORIES,
    GITHUB5_STORIES,
    GITHUB6_STORIES,
    GITHUB_STORIES,
    HOLDOUT_STORIES,
    story_line,
    user_story_files,
)

PROMOTED = DATA / "lint_labels_unseen.toml"
FRESH = DATA / "lint_labels_fresh.toml"


HOLDOUT = DATA / "lint_holdout"


@cache
def _found(files: tuple[Path, ...] = ()) -> dict[str, frozenset[str]]:
    """The codes `elicit lint` reports per story id ``<backlog>:<line>`` over the fourteen real backlogs (or ``files``)."""
    found: dict[str, set[str]] = {}
    for file in files or user_story_files():
        stories = []
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            text = story_line(line).strip() or line.strip()
            if text:
                stories.append(to_story(BacklogLine(number, text, parse_story(text)), f"{file.stem}:{number}"))
        for finding in lint_stories(stories):
            found.setdefault(finding.story_id, set()).add(finding.code)
    return {story_id: frozenset(codes) for story_id, codes in found.items()}


def figures(labels: list[dict], found: dict[str, frozenset[str]]) -> dict[str, tuple[int, int, int]]:
    """Per check: true positives, false positives, false negatives."""
    counts = {code: [0, 0, 0] for code in CHECKS}
    for item in labels:
        expected, got = set(item["expected"]), found.get(f"{item['backlog']}:{item['line']}", frozenset())
        for code in CHECKS:
            if code in got:
                counts[code][0 if code in expected else 1] += 1
            elif code in expected:
                counts[code][2] += 1
    return {code: (tp, fp, fn) for code, (tp, fp, fn) in counts.items()}


def _labels(path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["story"]


def _table(title: str, scores: dict[str, tuple[int, int, int]]) -> str:
    rows = [title, f"  {'check':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"]
    for code, (tp, fp, fn) in scores.items():
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "n/a"
        rows.append(f"  {code:<20} {tp:>4} {fp:>4} {fn:>4} {precision:>10} {recall:>7}")
    return "\n".join(rows)


def test_figures_counts_each_label_once():
    labels = [
        {"backlog": "b", "line": 1, "expected": ["not-atomic"]},
        {"backlog": "b", "line": 2, "expected": []},
        {"backlog": "b", "line": 3, "expected": ["ambiguous"]},
    ]
    scores = figures(labels, {"b:1": frozenset({"not-atomic"}), "b:2": frozenset({"not-atomic", "ambiguous"})})
    assert scores["not-atomic"] == (1, 1, 0)
    assert scores["ambiguous"] == (0, 1, 1)


def test_precision_of_every_default_check_on_the_promoted_set():
    scores = figures(_labels(PROMOTED), _found())
    print(_table("promoted set (the old unseen set; tuning figures since 2026-12-01):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= 0.1 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.9 on the promoted set"
    assert sum(tp for tp, _, _ in scores.values()) >= 60  # the checks do fire on these stories


FRESH_MOST_FALSE = {"not-atomic": 2, "ambiguous": 3, "not-minimal": 1, "non-uniform": 1}
"""False alarms on the fresh set with the round-3 rules (tuned on it; not-atomic 2 and no-benefit 0 since rounds 4 and 5):
a check may not make more. ambiguous stays under the 0.9 goal there (25 of 28): its false alarms need meaning, not
grammar."""


def test_precision_of_every_default_check_on_the_fresh_set():
    if not FRESH.is_file():
        pytest.skip(f"{FRESH.name} is absent: no fresh set to measure")
    labels = _labels(FRESH)
    scores = figures(labels, _found())
    print(_table(f"fresh set ({len(labels)} lines; promoted to tuning data on 2026-12-01 after one blind reading):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= FRESH_MOST_FALSE.get(code, 0), f"{code}: {fp} false alarms on the fresh set (at most {FRESH_MOST_FALSE.get(code, 0)})"
        assert fp <= 0.15 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.85 on the fresh set"
    assert sum(tp for tp, _, _ in scores.values()) >= 90  # the checks do fire on these stories


HOLDOUT_MOST_FALSE = {"not-atomic": 3, "ambiguous": 3, "not-minimal": 1}  # round 8 (round 4: 4, 6, 1)
"""False alarms on the hold-out set with the round-4 rules (tuned on it since its one blind reading): a check may not
make more."""


def test_precision_of_every_default_check_on_the_holdout_set():
    labelled = sorted(HOLDOUT.glob("*.toml"))
    files = tuple(HOLDOUT_STORIES / f"{path.stem}.txt" for path in labelled)
    if not labelled or not all(file.is_file() for file in files):
        pytest.skip(f"hold-out stories not found in {HOLDOUT_STORIES}: no hold-out set to measure")
    labels = [item for path in labelled for item in _labels(path)]
    scores = figures(labels, _found(files))
    print(_table(f"hold-out set ({len(labels)} lines; promoted to tuning data on 2026-12-01 after one blind reading):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= HOLDOUT_MOST_FALSE.get(code, 0), f"{code}: {fp} false alarms on the hold-out set (at most {HOLDOUT_MOST_FALSE.get(code, 0)})"
        assert fp <= 0.15 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.85 on the hold-out set"
    assert sum(tp for tp, _, _ in scores.values()) >= 150  # the checks do fire on these stories


GITHUB_MOST_FALSE = {"not-atomic": 2, "ambiguous": 1, "not-minimal": 2, "no-benefit": 1}
"""False alarms on the GitHub set with the round-5 rules (tuned on it since its one blind reading): a check may not make
more."""


def test_precision_of_every_default_check_on_the_github_set():
    labelled = sorted((DATA / "lint_github").glob("*.toml"))
    files = tuple(GITHUB_STORIES / f"{path.stem}.txt" for path in labelled)
    if not labelled or not all(file.is_file() for file in files):
        pytest.skip(f"GitHub stories not found in {GITHUB_STORIES}: no GitHub set to measure")
    labels = [item for path in labelled for item in _labels(path)]
    scores = figures(labels, _found(files))
    print(_table(f"GitHub set ({len(labels)} lines; promoted to tuning data on 2026-12-01 after one blind reading):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= GITHUB_MOST_FALSE.get(code, 0), f"{code}: {fp} false alarms on the GitHub set (at most {GITHUB_MOST_FALSE.get(code, 0)})"
        assert fp <= 0.15 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.85 on the GitHub set"
    assert sum(tp for tp, _, _ in scores.values()) >= 150  # the checks do fire on these stories


GITHUB2_MOST_FALSE = {"not-a-story": 3, "not-atomic": 4, "ambiguous": 8, "not-minimal": 7, "solution": 3, "non-uniform": 1}  # round 9 (round 8: not-a-story 7; round 6: ambiguous 10, non-uniform 5)
"""False alarms on the second GitHub set with the round-6 rules (tuned on it since its one blind reading): a check may
not make more."""
GITHUB2_BELOW_GOAL = frozenset({"not-a-story", "not-atomic", "ambiguous", "solution"})
"""Checks still below precision 0.85 there with the round-6 rules, said so in docs/quality.md: not-a-story (7 lines the
labellers read as stories whose subject is no person: "An external system can ...", "it can harvest"), not-atomic 17
of 21 and solution 6 of 9 (readings the other label sets make the other way: "search and discover" is two goals in
the hold-out set, a new window or tab a solution in the GitHub set), ambiguous 11 of 21 (vague words the labellers
read as the user's own check or a kind of thing: "properly segmented", "proper choice", "many ... in one go")."""


def test_precision_of_every_default_check_on_the_second_github_set():
    labelled = sorted((DATA / "lint_github2").glob("*.toml"))
    files = tuple(GITHUB2_STORIES / f"{path.stem}.txt" for path in labelled)
    if not labelled or not all(file.is_file() for file in files):
        pytest.skip(f"second GitHub set's stories not found in {GITHUB2_STORIES}: nothing to measure")
    labels = [item for path in labelled for item in _labels(path)]
    scores = figures(labels, _found(files))
    print(_table(f"second GitHub set ({len(labels)} lines; promoted to tuning data on 2026-12-02 after one blind reading):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= GITHUB2_MOST_FALSE.get(code, 0), f"{code}: {fp} false alarms on the second GitHub set (at most {GITHUB2_MOST_FALSE.get(code, 0)})"
        if code not in GITHUB2_BELOW_GOAL:
            assert fp <= 0.15 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.85 on the second GitHub set"
    assert sum(tp for tp, _, _ in scores.values()) >= 250  # the checks do fire on these stories (round 5: 94)


GITHUB3_MOST_FALSE = {"not-a-story": 1, "not-atomic": 6, "not-minimal": 1, "ambiguous": 2}  # round 9 (round 8: not-a-story 2; round 7: no-want 2, ambiguous 3)
"""False alarms on the third GitHub set with the round-7 rules (tuned on it since its one blind reading at d4855bd,
where not-a-story made 43 and no-want 73): a check may not make more."""
GITHUB3_BELOW_GOAL = frozenset({"not-a-story", "not-atomic", "ambiguous"})  # round 8: no-want 4 of 4
"""Checks still below precision 0.85 there with the round-7 rules, said so in docs/quality.md: not-a-story (2 lines
the labellers read as stories: a goal after "when I register", a team as the subject), no-want 3 of 5 ("Then I should
see ..." after the benefit, "I propose to ..."), not-atomic 16 of 22 (steps of one sequence: "sign in, close my account
and try to log in again"; "add and remove", which the fresh set reads the other way), ambiguous 10 of 13 ("some
photos", "the various ways", "the relevant organisation")."""


GITHUB4_MOST_FALSE = {"not-a-story": 1, "no-role": 3, "no-benefit": 2, "not-atomic": 1, "not-minimal": 3, "ambiguous": 3, "non-uniform": 2}  # round 10 (round 8: not-a-story 0, no-role 0, no-benefit 1, ambiguous 1)
"""False alarms on the fourth GitHub set with the round-8 rules (tuned on it since its one blind reading at 0c82c9d,
where not-a-story made 10, no-benefit 8, ambiguous 5): a check may not make more. Round 10 moves four ceilings up for one
label disagreement: k3-hackney's lead-in "As a developer, I want to:" and the three goals below it, which that
backlog's labeller read as no-want (the lead-in) and three bare requirements (not-a-story), while the fifth and sixth
sets' readings (R1, B1, B2) call the lead-in not-a-story and its goals stories with no role: round 10's lead-in reader
follows the later readings (one not-a-story, three no-role, one no-benefit and two ambiguous reports on those four
lines, each false by the fourth set's labels)."""
GITHUB4_BELOW_GOAL: frozenset[str] = frozenset({"no-role", "ambiguous"})
"""Below precision 0.85 there: round 10, no-role 16 of 19 and ambiguous 10 of 13, by the label disagreement above
(round 8: not-a-story 25 of 30, the five lines of k2-primero that hold only a "So that ..." clause, which that
backlog's labeller read as no-role and no-want; round 9 is quiet on a line that opens with a benefit, see
docs/quality.md)."""

GITHUB5_MOST_FALSE = {"no-benefit": 2, "not-atomic": 2, "not-minimal": 7, "ambiguous": 9}
"""False alarms on the fifth GitHub set with the round-9 rules (tuned on it since its one blind reading at 25ea61c,
where not-a-story made 63, no-role 15, no-benefit 8, not-atomic 6, not-minimal 14, ambiguous 7): a check may not make
more."""
GITHUB5_BELOW_GOAL = frozenset({"no-benefit", "ambiguous"})
"""Below precision 0.85 there with the round-9 rules, said so in docs/quality.md: no-benefit 9 of 11 (a purpose
infinitive after a clause, "limit who can create groups to ensure ..."; a comparison "as accessible as ... to be able
to ..."), ambiguous 27 of 36 ("flexible groups", a product's name for a kind of group; "better" about the user's own
skill; "or other" inside the user's own decision; "various locations")."""

GITHUB6_MOST_FALSE = {"not-atomic": 5, "not-minimal": 15, "ambiguous": 6, "solution": 3, "non-uniform": 1}
"""False alarms on the sixth GitHub set with the round-10 rules (tuned on it since its one blind reading at b516722,
where no-want made 32, not-minimal 19, ambiguous 5): a check may not make more."""
GITHUB6_BELOW_GOAL = frozenset({"not-atomic", "not-minimal", "solution", "non-uniform"})
"""Below precision 0.85 there with the round-10 rules, said so in docs/quality.md: not-atomic 15 of 20 (two verbs the
labels read as one act or one decision: "browse or explore", "review and approve"), not-minimal 19 of 34 (n1-ckan's
short brackets, which it reads as part of the goal and the older sets as asides), solution 0 of 3 (a choice of tools
that is the deliverable), non-uniform 5 of 6."""

PROMOTED_GITHUB_SETS = {
    # folder: (title, stories, most false alarms, checks below the goal, true positives at least)
    "lint_github3": ("third GitHub set", GITHUB3_STORIES, GITHUB3_MOST_FALSE, GITHUB3_BELOW_GOAL, 145),  # blind reading: 45
    "lint_github4": ("fourth GitHub set", GITHUB4_STORIES, GITHUB4_MOST_FALSE, GITHUB4_BELOW_GOAL, 215),  # blind reading: 205
    "lint_github5": ("fifth GitHub set", GITHUB5_STORIES, GITHUB5_MOST_FALSE, GITHUB5_BELOW_GOAL, 190),  # blind reading: 92
    "lint_github6": ("sixth GitHub set", GITHUB6_STORIES, GITHUB6_MOST_FALSE, GITHUB6_BELOW_GOAL, 250),  # blind reading: 52
}


@pytest.mark.parametrize("folder", sorted(PROMOTED_GITHUB_SETS))
def test_precision_of_every_default_check_on_a_promoted_github_set(folder):
    title, stories, most_false, below_goal, fired = PROMOTED_GITHUB_SETS[folder]
    labelled = sorted((DATA / folder).glob("*.toml"))
    files = tuple(stories / f"{path.stem}.txt" for path in labelled)
    if not labelled or not all(file.is_file() for file in files):
        pytest.skip(f"{title}'s stories not found in {stories}: nothing to measure")
    labels = [item for path in labelled for item in _labels(path)]
    scores = figures(labels, _found(files))
    print(_table(f"{title} ({len(labels)} lines; promoted to tuning data on 2026-12-02 after one blind reading):", scores))
    for code in DEFAULT_ON:
        tp, fp, _ = scores[code]
        assert fp <= most_false.get(code, 0), f"{code}: {fp} false alarms on the {title} (at most {most_false.get(code, 0)})"
        if code not in below_goal:
            assert fp <= 0.15 * (tp + fp), f"{code}: precision {tp}/{tp + fp} is below 0.85 on the {title}"
    assert sum(tp for tp, _, _ in scores.values()) >= fired  # the checks do fire on these stories
