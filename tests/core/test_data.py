"""record_dict: the one way a record becomes plain data."""

from __future__ import annotations

from elicit.core.data import record_dict
from elicit.core.session import Story


def test_every_named_field_in_order_with_lists_copied():
    story = Story(id="US-001", role="clerk", want="pay", acceptance=["a"], tags=[])
    data = record_dict(story, ("want", "id", "acceptance", "tags", "quote"))
    assert list(data) == ["want", "id", "acceptance", "tags", "quote"]
    assert data == {"want": "pay", "id": "US-001", "acceptance": ["a"], "tags": [], "quote": ""}
    data["acceptance"].append("b")
    assert story.acceptance == ["a"], "a copy, never the record's own list"


def test_tuples_become_lists():
    from elicit.core.banks import Question

    assert record_dict(Question("b.s.q", "Why?", probes=("more",)), ("probes",)) == {"probes": ["more"]}


def test_with_keep_empty_fields_are_left_out_unless_kept():
    story = Story(id="US-001", role="", want="pay", so_that="", tags=[])
    data = record_dict(story, ("id", "role", "want", "so_that", "tags"), keep=("id", "role"))
    assert data == {"id": "US-001", "role": "", "want": "pay"}
