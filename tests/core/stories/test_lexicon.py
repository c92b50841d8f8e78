"""The English lexicon behind the atomicity check: lemminflect's data, read without importing lemminflect."""

from __future__ import annotations

import subprocess
import sys
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.findings import ElicitError
from elicit.core.stories import lexicon as lexicon_module
from elicit.core.stories.lexicon import Lexicon, lexicon


def test_any_english_verb_is_known_without_a_list():
    words = lexicon()
    for verb in ("archive", "attend", "sort", "reimburse", "unsubscribe", "resubmit", "upvote"):
        assert "verb" in words.parts(verb) and words.is_base_verb(verb), verb
    assert words.verb_base("displayed") == "display" and words.verb_base("written") == "write"
    assert not words.is_base_verb("archives") and not words.is_base_verb("photos")
    assert words.parts("photo") == {"noun"} and words.parts("accurate") == {"adj"}
    assert words.parts("xqzzv") == frozenset() and words.verb_base("xqzzv") is None
    assert words.parts("") == frozenset() and words.parts("a,verb") == frozenset()


def test_binary_search_finds_the_first_and_last_words_of_a_text():
    words = Lexicon("able,adj,able\nzoo,noun,zoo\nzoom,noun,zoom\nzoom,verb,zoom")
    assert words.parts("able") == {"adj"} and words.parts("zoom") == {"noun", "verb"}
    assert words.parts("zo") == frozenset() and words.parts("zooms") == frozenset() and words.parts("aardvark") == frozenset()


def test_the_lexicon_is_read_without_importing_lemminflect_or_numpy():
    code = "from elicit.core.stories.lexicon import lexicon; lexicon().parts('sort'); import sys; print('lemminflect' in sys.modules, 'numpy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_a_missing_lexicon_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(lexicon_module, "PACKAGE", "no_such_package_here")
    with pytest.raises(ElicitError, match="reinstall elicit"):
        lexicon_module.data_path()


@given(st.lists(st.binary(max_size=300), min_size=1, max_size=3))
def test_the_lexicon_file_is_unpacked_as_gzip_unpacks_it(members):
    import gzip

    from elicit.core.stories.lexicon import _gunzip

    data = b"".join(gzip.compress(member) for member in members)
    assert _gunzip(data) == gzip.decompress(data)
    with pytest.raises((EOFError, OSError, zlib.error)):
        _gunzip(data[:-3])
    assert _gunzip(gzip.compress(b"")) == b""
