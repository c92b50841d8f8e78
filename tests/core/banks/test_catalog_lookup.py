"""Finding one bank by id without indexing every bank: the same entry as the whole index gives (issue 18).

``BankCatalog.entry(id)`` before the index is built parses whole only the
files that may hold the id (judged from each file's lines before its first
table); these tests build catalogs of awkward files and check that, for every
id, the entry found that way is the index's: same file, source, problem and overrides.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.banks import catalog as catalog_module
from elicit.core.banks.catalog import BankCatalog, BankEntry

BODY = '\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'


def bank(bank_id: str, title: str = "T") -> str:
    return f'id = "{bank_id}"\ntitle = "{title}"\nversion = "1"' + BODY


# Files whose id is easy to misjudge from their first lines. Each is (name, text).
AWKWARD = {
    "plain": ("a.toml", bank("a")),
    "named-as-another": ("b.toml", bank("a", "named b, says a")),
    "broken-body-declares-a": ("c.toml", bank("a") + "\n[[sections]\n"),
    "broken-body-named-a": ("a.toml", bank("z") + "\nbroken = \n"),
    "header-line-in-string": ("d.toml", 'title = """\n[fake]\nid = "a"\n"""\nid = "d"\nversion = "1"' + BODY),
    "header-line-in-array": ("e.toml", 'tags = [\n["x"],\n]\nid = "a"\nversion = "1"' + BODY),
    "starts-with-table": ("f.toml", '[meta]\nid = "a"\n' + BODY),
    "indented-header": ("g.toml", 'title = "G"\n  [meta]\n  id = "x"\n[[sections]]\nid = "s"\n'),
    "empty-id": ("h.toml", 'id = ""\ntitle = "H"' + BODY),
    "id-not-a-string": ("i.toml", "id = 3\n" + BODY),
    "dotted-id": ("j.toml", "id.x = 3\n" + BODY),
    "crlf": ("k.toml", bank("a").replace("\n", "\r\n")),
    "bom": ("l.toml", "\ufeff" + bank("a")),
    "not-utf8": ("m.toml", "id = 'a'\ntitle = '\xff'\n"),
    "empty": ("a.toml", ""),
    "unterminated-head": ("n.toml", 'id = "a"\ntitle = """\n' + BODY),
    "id-after-comment": ("o.toml", '# [not a table]\nid = "a"' + BODY),
    "quoted-key": ("p.toml", '"id" = "a"' + BODY),
    "literal-string": ("q.toml", "id = 'a'" + BODY),
}


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if text.isascii() or "\ufeff" in text or "\r" in text:
        (folder / name).write_text(text, encoding="utf-8", newline="")
    else:
        (folder / name).write_bytes(text.encode("latin-1"))


def described(entry: BankEntry | None) -> object:
    if entry is None:
        return None
    problem = None if entry.problem is None else (entry.problem.code, entry.problem.line)
    return (entry.id, entry.path, entry.source, problem, [(e.path, e.source) for e in entry.overrides])


def assert_lookups_match_index(folders: list[tuple[str, Path]], ids: set[str]) -> None:
    indexed = BankCatalog(folders)
    index = {entry.id: entry for entry in indexed.entries()}
    for bank_id in sorted(ids | set(index) | {"absent"}):
        found = BankCatalog(folders).entry(bank_id)
        assert described(found) == described(index.get(bank_id)), bank_id


@pytest.mark.parametrize("case", sorted(AWKWARD))
def test_one_awkward_file_is_found_as_the_index_finds_it(tmp_path, case):
    name, text = AWKWARD[case]
    write(tmp_path / "built-in", name, text)
    assert_lookups_match_index([("built-in", tmp_path / "built-in")], {"a", "b", "x", "z", Path(name).stem})


def test_every_awkward_file_across_sources_with_overrides_and_copies(tmp_path):
    folders = []
    for number, source in enumerate(("built-in", "user", "project")):
        folder = tmp_path / source
        for case, (name, text) in sorted(AWKWARD.items()):
            if (len(case) + number) % 2 == 0:
                write(folder, f"{case}-{name}", text)
        write(folder, "a.toml", bank("a", "copy"))  # byte-identical in every source: listed once
        write(folder, f"own-{number}.toml", bank("a", source))  # differs: overrides
        folders.append((source, folder))
    assert_lookups_match_index(folders, {"a", "b", "d", "x", "z"})


def test_a_lookup_parses_whole_only_the_files_that_may_hold_the_id(tmp_path, monkeypatch):
    folder = tmp_path / "built-in"
    for name in ("one", "two", "three"):
        write(folder, f"{name}.toml", bank(name))
    write(folder, "four.toml", bank("two", "says two"))
    parsed: list[str] = []
    real = catalog_module.parse_toml

    def counting(path):
        parsed.append(path.name)
        return real(path)

    monkeypatch.setattr(catalog_module, "parse_toml", counting)
    catalog = BankCatalog([("built-in", folder)])
    entry = catalog.entry("two")
    assert entry is not None and entry.path.name == "two.toml" and [e.path.name for e in entry.overrides] == ["four.toml"]
    assert sorted(parsed) == ["four.toml", "two.toml"]
    assert catalog.load("two").title == "T"  # the document parsed for the look-up is reused
    assert sorted(parsed) == ["four.toml", "two.toml"]


def test_an_unknown_id_still_lists_every_known_bank(tmp_path):
    folder = tmp_path / "built-in"
    for name in ("alpha", "beta"):
        write(folder, f"{name}.toml", bank(name))
    with pytest.raises(catalog_module.FindingsError) as raised:
        BankCatalog([("built-in", folder)]).load("gamma")
    assert raised.value.findings[0].hint == "known banks: alpha, beta; or give a path to a .toml file"


_LINES = st.sampled_from(
    ['id = "a"', 'id = "b"', "id = 3", 'id = ""', '"id" = "a"', 'title = """', '"""', "[t]", "[[sections]]", " [t2]",
     '["a"],', "tags = [", "]", "x = ", "# c", "", 'k = "v"', "[id]", "id.y = 1"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.lists(_LINES, max_size=8)), min_size=1, max_size=4))
def test_random_files_are_found_as_the_index_finds_them(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("banks")
    folders = []
    for number, (stem, lines) in enumerate(files):
        source = ("built-in", "user", "project")[number % 3]
        folder = root / source
        write(folder, f"{stem}{number // 3 or ''}.toml", "\n".join(lines) + "\n")
        if (source, folder) not in folders:
            folders.append((source, folder))
    assert_lookups_match_index(folders, {"a", "b", "c"})
