"""The one binding table: the screens take their keys from it, the README's key tables are generated from it,
and ``keys.toml`` is checked against it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from elicit.tui import bindings as table
from elicit.tui.keymap import load_keymap

README = Path(__file__).resolve().parents[2] / "README.md"


def _classes_with_bindings() -> list[type]:
    """Every class under elicit/tui that declares BINDINGS."""
    import importlib
    import pkgutil

    import elicit.tui

    found = []
    for info in pkgutil.walk_packages(elicit.tui.__path__, "elicit.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                found.append(cls)
    return found


def test_every_binding_of_the_app_comes_from_the_table_and_every_row_is_used():
    used: set[str] = set()
    for cls in _classes_with_bindings():
        for binding in vars(cls)["BINDINGS"]:
            assert binding.id in table.known_ids(), f"{cls.__name__}: binding {binding.action!r} is not in elicit/tui/bindings.py"
            used.add(binding.id)
    assert used == set(table.known_ids()), f"rows no screen uses: {sorted(set(table.known_ids()) - used)}"


def test_the_readme_key_tables_are_the_generated_ones():
    text = README.read_text(encoding="utf-8")
    start, end = text.index(table.README_START), text.index(table.README_END) + len(table.README_END)
    assert text[start:end] == table.readme_keys(), "README keys drifted: run `python -m elicit.tui.bindings README.md`"
    for key in table.KEYS:
        assert f"`{key.id}`" in text


def test_an_unknown_binding_id_in_keys_toml_is_reported_with_a_did_you_mean(tmp_path: Path):
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"interview.nxt" = "f6"\n"interview.story" = "ctrl+t,f7"\n"nothing.like.it" = "x"\n', encoding="utf-8")
    keymap, problems = load_keymap(path)
    assert keymap == {"interview.story": "ctrl+t,f7"}, "the known id is kept, the unknown ones are not"
    assert any("interview.nxt" in p and "did you mean 'interview.next'" in p for p in problems), problems
    assert any("nothing.like.it" in p and "unknown binding id" in p for p in problems), problems


@pytest.mark.parametrize("value", ["ctrl+m", "f6,ctrl+j"])
def test_keys_terminals_do_not_deliver_are_refused(tmp_path: Path, value: str):
    path = tmp_path / "keys.toml"
    path.write_text(f'[keys]\n"interview.next" = "{value}"\n', encoding="utf-8")
    keymap, problems = load_keymap(path)
    assert keymap == {} and "not delivered" in problems[0]


def test_no_default_key_is_one_terminals_do_not_deliver():
    from elicit.tui.keymap import UNDELIVERED

    for key in table.KEYS:
        assert not set(key.keys.split(",")) & UNDELIVERED, key.id
