"""Story similarity (elicit.core.stories.similar): same and near-same stories, found without comparing every pair."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.session.models import Story
from elicit.core.stories import SimilarityIndex, duplicate_groups, lint_stories, same_story
from elicit.core.stories import similar as similar_module
from elicit.core.stories.similar import skeleton, spelling_variant


def story(want: str, role: str = "nurse", so_that: str = "I can plan my shift", id: str = "US-001") -> Story:
    return Story(id=id, role=role, want=want, so_that=so_that)


def test_same_story_says_how_two_stories_differ():
    first = story("to see today's ward list")
    assert same_story(first, story("to see Today's  ward-list")) == ""
    assert same_story(first, story("to also see todays ward lists")) is not None
    assert "'also'" in (same_story(first, story("to also see today's ward list")) or "")
    # another role, another object, another number, another prefix: another story
    assert same_story(first, story("to see today's ward list", role="doctor")) is None
    assert same_story(first, story("to see today's bed list")) is None
    assert same_story(story("to move on to round 2 of the edits"), story("to move on to round 3 of the edits")) is None
    assert same_story(story("to import the data for a dataset"), story("to export the data for a dataset")) is None


def test_spelling_variants_share_a_skeleton():
    for a, b in (("colour", "color"), ("organise", "organize"), ("catalogue", "catalog"), ("licence", "license"), ("lists", "list")):
        assert skeleton(a) == skeleton(b) and spelling_variant(a, b), (a, b)
    for a, b in (("import", "export"), ("enable", "disable"), ("encrypted", "decrypted"), ("report", "record"), ("2019", "2018")):
        assert not spelling_variant(a, b), (a, b)


def test_the_index_finds_the_earliest_match_before_a_position():
    stories = [story("to print the ward list", id="A"), story("to see today's ward list", id="B"), story("to see todays ward lists", id="C")]
    index: SimilarityIndex[str] = SimilarityIndex()
    for item in stories:
        index.add(item, item.id)
    assert index.match(stories[2], before=2) == ("B", "'list'/'lists'")
    assert index.match(stories[2], before=1) is None  # only A is before position 1
    assert index.match(stories[1]) == ("B", "")  # itself, once added
    assert len(index) == 3


def test_duplicate_groups_across_any_list_of_stories():
    stories = [
        story("to see today's ward list"),
        story("to print the ward list"),
        story("to see todays ward lists"),
        story("to print the ward list"),
        story("to book a room"),
    ]
    assert duplicate_groups(stories) == [[0, 2], [1, 3]]
    assert duplicate_groups([]) == []


def _names(count: int) -> list[str]:
    """Distinct made-up client names of one length and first letter, none a spelling of another."""
    letters = "bdfghjklmnpqrtvwx"
    return ["k" + letters[i % 17] + letters[(i // 17) % 17] + letters[(i // 289) % 17] + "son" for i in range(count)]


@pytest.mark.parametrize("count", [200, 800])
def test_near_duplicate_work_grows_linearly_with_similar_stories(count, monkeypatch):
    """1,000 similar stories once took seconds (every pair compared); the work per story must stay bounded."""
    calls = []
    original = similar_module.minor_differences

    def counting(first, second):
        calls.append(1)
        return original(first, second)

    monkeypatch.setattr(similar_module, "minor_differences", counting)
    stories = []
    for number, name in enumerate(_names(count)):
        stories.append(story(f"to view the report of client {name}", id=f"US-{number}", so_that="I can call them"))
        stories.append(story(f"to view report {number} of the ward", id=f"US-{number}b", so_that="I can call them"))
    findings = lint_stories(stories)
    assert not [f for f in findings if f.code in ("duplicate", "near-duplicate")]
    assert len(calls) <= len(stories)  # at most about one word-by-word comparison per story, not one per pair


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["to see the ward list", "to see ward lists", "to print the list", "to book a room", "to book rooms"]), max_size=8))
def test_the_index_agrees_with_comparing_every_pair(wants):
    stories = [story(want, id=str(n)) for n, want in enumerate(wants)]
    index: SimilarityIndex[int] = SimilarityIndex()
    for position, item in enumerate(stories):
        verdicts = [(earlier, same_story(stories[earlier], item)) for earlier in range(position)]
        exact = [(earlier, d) for earlier, d in verdicts if d == ""]
        near = [(earlier, d) for earlier, d in verdicts if d]
        expected = (exact or near or [None])[0]  # the same words first, else the earliest near match
        assert index.match(item) == expected
        index.add(item, position)
