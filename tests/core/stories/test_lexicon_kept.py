"""The lexicon kept unpacked in the user's cache folder (issue 18): it gives every word the answers lemminflect's
file gives, and a kept file that is damaged, foreign, of another lemminflect or out of reach is never trusted."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.stories import lexicon as lexicon_module
from elicit.core.stories.lexicon import KEPT_FORMAT, Lexicon, kept_path, lexicon, runs_of

SMALL = "\n".join(
    [
        "a,det,a",
        "ab,noun,ab",
        "able,adj,able",
        "abler,adj,able",
        "ably,adv,ably",
        "archive,noun,archive",
        "archive,verb,archive",
        "archived,verb,archive",
        "café,noun,café",
        "zoo,noun,zoo",
        "zoom,noun,zoom",
        "zoom,verb,zoom",
    ]
) + "\n"
WORDS = ["a", "ab", "abl", "able", "abler", "ably", "abc", "archive", "archived", "archives", "café", "caf", "zo", "zoo", "zoom", "zooms", "", "~", "é"]


@pytest.fixture
def small_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """lemminflect's file replaced by a small one of the same format; the lexicon read afresh before and after."""
    source = tmp_path / "lemma_lu.csv.gz"
    source.write_bytes(gzip.compress(SMALL.encode("utf-8")))
    monkeypatch.setattr(lexicon_module, "data_path", lambda: source)
    lexicon.cache_clear()
    yield source
    lexicon.cache_clear()


def _fresh() -> Lexicon:
    lexicon.cache_clear()
    return lexicon()


def _answers(words: Lexicon) -> list[object]:
    return [(word, words.parts(word), words.verb_base(word), words.is_base_verb(word)) for word in WORDS]


def test_the_first_read_keeps_the_text_and_the_next_reads_it_back_with_the_same_answers(small_source: Path) -> None:
    first = _fresh()
    assert first.text == SMALL and first.runs is not None and kept_path().is_file()
    second = _fresh()
    assert second is not first and second.text == SMALL and second.runs == first.runs
    assert _answers(second) == _answers(Lexicon(SMALL)) == _answers(first)


def test_the_kept_file_is_read_instead_of_lemminflect_s(small_source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh()
    monkeypatch.setattr(lexicon_module, "_gunzip", lambda data: pytest.fail("unpacked again"))
    assert _fresh().runs is not None


@pytest.mark.parametrize("damage", ["text", "runs", "head", "cut", "longer", "format", "garbage", "empty", "marshal"])
def test_a_damaged_kept_file_is_ignored_and_written_again(small_source: Path, damage: str) -> None:
    _fresh()
    path = kept_path()
    data = path.read_bytes()
    head_end = data.index(b"\n", len(KEPT_FORMAT))
    damaged = {
        "text": data[:-5] + b"X" + data[-4:],
        "runs": data[: head_end + 5] + bytes([data[head_end + 5] ^ 1]) + data[head_end + 6 :],
        "head": data[: len(KEPT_FORMAT)] + b"0 " + data[len(KEPT_FORMAT) :],
        "cut": data[:-1],
        "longer": data + b"zzz,noun,zzz\n",
        "format": b"elicit-lexicon 0\n" + data[len(KEPT_FORMAT) :],
        "garbage": b"\x00\xff" * 50,
        "empty": b"",
        "marshal": data[: head_end + 1] + b"\x00" * (len(data) - head_end - 1 - len(SMALL.encode())) + SMALL.encode(),
    }[damage]
    path.write_bytes(damaged)
    again = _fresh()
    assert again.text == SMALL and _answers(again) == _answers(Lexicon(SMALL))
    assert path.read_bytes() == data  # written again, whole


def test_the_kept_text_of_another_lemminflect_is_not_used(small_source: Path) -> None:
    _fresh()
    other = SMALL.replace("zoom,verb,zoom\n", "")
    small_source.write_bytes(gzip.compress(other.encode("utf-8")))
    again = _fresh()
    assert again.text == other and again.parts("zoom") == {"noun"}
    assert kept_path().read_bytes().endswith(other.encode("utf-8"))


def test_a_cache_folder_that_cannot_be_written_reads_lemminflect_s_file_each_time(
    small_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(blocker / "cache"))
    first = _fresh()
    assert first.text == SMALL and first.runs is None and not kept_path().exists()  # no runs made for nothing
    assert _answers(first) == _answers(Lexicon(SMALL))


def test_a_gzip_file_of_several_members_is_read_but_never_kept(small_source: Path) -> None:
    half = len(SMALL) // 2
    small_source.write_bytes(gzip.compress(SMALL[:half].encode()) + gzip.compress(SMALL[half:].encode()))
    assert _fresh().text == SMALL and not kept_path().exists()


def test_runs_are_made_only_of_a_sorted_text_of_word_lines() -> None:
    assert runs_of(SMALL) is not None
    assert runs_of("b,noun,b\na,noun,a\n") is None  # not sorted: binary search, as before
    assert runs_of("a,noun,a\n\nb,noun,b\n") is None  # an empty line
    assert runs_of("a,noun,a\nb\n") is None  # no comma
    assert runs_of("") == {}


def test_each_run_holds_exactly_the_lines_of_its_first_letters() -> None:
    runs = runs_of(SMALL)
    assert runs is not None
    for key, (start, end) in runs.items():
        lines = SMALL[start:end].split("\n")[:-1]
        assert lines and all(line.split(",")[0][:3] == key for line in lines)
    assert sum(end - start for start, end in runs.values()) == len(SMALL)


def test_the_real_lexicon_finds_every_word_in_its_run_where_binary_search_finds_it() -> None:
    words = lexicon()
    runs = words.runs if words.runs is not None else runs_of(words.text)
    assert runs is not None  # lemminflect's text is sorted
    searched = Lexicon(words.text)
    in_runs = Lexicon(words.text, runs=runs)
    lines = words.text.split("\n")
    sample = {line.split(",", 1)[0] for line in lines[::37]}
    sample |= {word[:cut] for word in list(sample)[:400] for cut in (1, 2, 3, len(word) - 1)}
    sample |= {word + "s" for word in list(sample)[:200]} | {"", "a", "zzzz", "o'clock", "\uffff", lines[0].split(",")[0], lines[-2].split(",")[0]}
    for word in sorted(sample):
        assert in_runs._look_up(word) == searched._look_up(word), word


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=0x17F), max_size=12) | st.sampled_from(WORDS))
def test_any_word_has_the_same_entry_in_its_run_as_by_binary_search(word: str) -> None:
    words = lexicon()
    runs = words.runs if words.runs is not None else runs_of(words.text)
    assert Lexicon(words.text, runs=runs)._look_up(word) == Lexicon(words.text)._look_up(word)
