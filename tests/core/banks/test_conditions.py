"""The `when` language: parsing, evaluation and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.banks.conditions import MAX_DEPTH, MAX_LENGTH, ConditionError, parse_condition


def holds(text: str, **answers) -> bool:
    return parse_condition(text).evaluate(lambda name: answers.get(name))


@pytest.mark.parametrize(
    ("text", "answers", "expected"),
    [
        ("platform == 'Mobile'", {"platform": "Mobile"}, True),
        ("platform == 'mobile'", {"platform": "Mobile"}, True),
        ('platform == "Web"', {"platform": "Mobile"}, False),
        ("platform != 'Web'", {"platform": "Mobile"}, True),
        ("users > 100", {"users": 250}, True),
        ("users >= 250", {"users": 250}, True),
        ("users < 2.5", {"users": 2}, True),
        ("users <= -1", {"users": 0}, False),
        ("offline == true", {"offline": True}, True),
        ("offline == false", {"offline": True}, False),
        ("offline == 'yes'", {"offline": True}, True),
        ("offline == no", {"offline": False}, False),  # bare 'no' is a name, unanswered
        ("platform in ['Web', 'Mobile']", {"platform": "mobile"}, True),
        ("platform not in ['Web', 'Mobile']", {"platform": "Desktop"}, True),
        ("'Email' in channels", {"channels": ["Email", "Chat"]}, True),
        ("'Phone' in channels", {"channels": ["Email", "Chat"]}, False),
        ("channels in ['Phone', 'Chat']", {"channels": ["Email", "Chat"]}, True),
        ("'gdpr' in notes", {"notes": "We must follow GDPR rules"}, True),
        ("answered(problem)", {"problem": "slow"}, True),
        ("unanswered(problem)", {}, True),
        ("answered(problem)", {}, False),
        ("a == 1 and b == 2", {"a": 1, "b": 2}, True),
        ("a == 1 and b == 2", {"a": 1, "b": 3}, False),
        ("a == 1 or b == 2", {"a": 0, "b": 2}, True),
        ("not a == 1", {"a": 2}, True),
        ("not (a == 1 or b == 2) and c", {"a": 0, "b": 0, "c": "x"}, True),
        ("a or b and c", {"a": "x"}, True),  # and binds tighter than or
        ("(a or b) and c", {"a": "x"}, False),
        ("mini.context.platform == 'Web'", {"mini.context.platform": "Web"}, True),
        ("users-and-journeys.who.kind == 'staff'", {"users-and-journeys.who.kind": "staff"}, True),
        ('note == "say \\"hi\\""', {"note": 'say "hi"'}, True),
    ],
)
def test_evaluation(text, answers, expected):
    assert holds(text, **answers) is expected


def test_comparisons_with_an_unanswered_question_are_false():
    for op in ("==", "!=", "<", ">", "<=", ">="):
        assert holds(f"x {op} 1") is False
    assert holds("not (x == 1)") is True
    assert holds("1 in x") is False


def test_number_comparisons_do_not_mix_types():
    assert holds("x > 1", x="5") is False
    assert holds("x > 1", x=True) is False


def test_names_are_listed_with_positions():
    condition = parse_condition("a == 1 and answered(sec.b) or 'x' in c.d.e")
    assert condition.names() == [("a", 0), ("sec.b", 20), ("c.d.e", 37)]


def test_resolved_renames_every_name():
    condition = parse_condition("a == 1 and not answered(b)").resolved(lambda name: f"bank.sec.{name}")
    assert [name for name, _ in condition.names()] == ["bank.sec.a", "bank.sec.b"]
    assert condition.evaluate({"bank.sec.a": 1}.get) is True


def test_literals_against_pairs_names_with_values():
    condition = parse_condition("p == 'Web' and 3 < n and q in ['a', 'b']")
    pairs = [(name.id, value) for name, value in condition.literals_against()]
    assert pairs == [("p", "Web"), ("n", 3), ("q", ("a", "b"))]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("a ==", "expected a question id or a value, found end of condition at column 5"),
        ("a == 'open", "unexpected character"),
        ("a = 1", "unexpected character '='"),
        ("(a == 1", "expected ')'"),
        ("a == 1)", "unexpected ')'"),
        ("a and", "found end of condition"),
        ("answered('x')", "answered() takes a question id"),
        ("[a, b] == 1", "lists hold only values"),
        ("a == 1 2", "unexpected '2'"),
        ("__import__('os').system('rm -rf /')", "unexpected character '.'"),
        ("note == 'it\\'s'", "unexpected character"),  # single quotes take no escapes
        ("a; b", "unexpected character ';'"),
    ],
)
def test_parse_errors_say_what_and_where(text, fragment):
    with pytest.raises(ConditionError) as caught:
        parse_condition(text)
    assert fragment in str(caught.value)


def test_deep_nesting_is_refused_cleanly():
    with pytest.raises(ConditionError, match="nested more than"):
        parse_condition("(" * 500 + "a" + ")" * 500)
    with pytest.raises(ConditionError, match="nested more than"):
        parse_condition("not " * 400 + "a")


def test_nesting_up_to_the_limit_works():
    depth = MAX_DEPTH - 1
    assert holds("(" * depth + "a == 1" + ")" * depth, a=1) is True


def test_long_flat_chains_are_fine():
    text = " or ".join(f"q{i} == {i}" for i in range(120))
    assert len(text) < MAX_LENGTH
    assert holds(text, q119=119) is True


def test_huge_input_is_refused_before_parsing():
    with pytest.raises(ConditionError, match="longer than"):
        parse_condition("a == '" + "x" * 1_000_000 + "'")


def test_non_string_is_refused():
    with pytest.raises(ConditionError):
        parse_condition(42)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_fails_cleanly(text):
    try:
        condition = parse_condition(text)
    except ConditionError:
        return
    assert isinstance(condition.evaluate(lambda name: None), bool)


_atom = st.sampled_from(["a", "b", "c == 1", "'x' in d", "answered(a)", "e > 2", "true", "f != 'y'"])


def _expressions():
    return st.recursive(
        _atom,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from([" and ", " or "]), inner).map("".join),
            inner.map(lambda text: f"not ({text})"),
            inner.map(lambda text: f"({text})"),
        ),
        max_leaves=12,
    )


@settings(max_examples=200, deadline=None)
@given(_expressions(), st.dictionaries(st.sampled_from("abcdef"), st.one_of(st.integers(-5, 5), st.text(max_size=3), st.booleans())))
def test_generated_expressions_always_evaluate_to_a_bool(text, answers):
    try:
        condition = parse_condition(text)
    except ConditionError as error:
        assert "nested" in str(error)
        return
    assert isinstance(condition.evaluate(answers.get), bool)
