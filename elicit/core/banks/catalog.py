"""Finding question banks: built-in, the user's config folder, ./question_banks.

A later source overrides an earlier one with the same bank id; the listing
keeps what each entry overrides so the user can see which file wins. A later
file byte for byte the same as the one it would override (the repository's
./question_banks seen from inside a clone of elicit) is listed once, as the earlier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from elicit.core.banks import bank_cache
from elicit.core.banks.models import Bank
from elicit.core.files.toml_parser import TomlSyntaxError, loads
from elicit.core.files.toml_source import TomlDocument, parse_text, parse_toml, read_text
from elicit.core.findings import Finding, FindingsError
from elicit.core.paths import BANK_SUFFIX, bank_folders, distinct_folders
from elicit.core.text import quoted


@dataclass(slots=True)
class BankEntry:
    """A bank file found in one of the sources, and the entries it overrides."""

    id: str
    path: Path
    source: str
    document: TomlDocument | None = None
    problem: Finding | None = None
    overrides: list[BankEntry] = field(default_factory=list, init=False)


class BankCatalog:
    """Every bank that can be used, by id, with its file and source."""

    def __init__(self, folders: list[tuple[str, Path]] | Callable[[], list[tuple[str, Path]]], *, cache: bool = True):
        self._folder_source = folders
        self._cache = cache
        """Whether banks validated in an earlier run are read back (:mod:`bank_cache`); ``elicit banks validate`` checks afresh."""
        self._folders: list[tuple[str, Path]] | None = None
        self._entries: dict[str, BankEntry] | None = None
        self._by_id: dict[str, BankEntry | None] = {}  # entries found for one id without the whole index
        self._loaded: dict[Path, Bank] = {}

    @classmethod
    def default(cls, cwd: Path | None = None, *, cache: bool = True) -> BankCatalog:
        """The catalog over the built-in, user and project folders (found when first needed)."""
        return cls(lambda: bank_folders(cwd), cache=cache)

    @property
    def folders(self) -> list[tuple[str, Path]]:
        """The (source, folder) pairs searched, earliest first."""
        if self._folders is None:
            source = self._folder_source
            self._folders = distinct_folders(source() if callable(source) else source)
        return self._folders

    def entries(self) -> list[BankEntry]:
        """The winning entry for each bank id, sorted by id."""
        return sorted(self._index().values(), key=lambda entry: entry.id)

    def entry(self, bank_id: str) -> BankEntry | None:
        """The winning entry for ``bank_id``, or None.

        Without the whole index, only the files that may hold ``bank_id`` are
        parsed (each file's id read from the lines before its first table):
        the same entry as the index's, and a session on one bank does not
        parse every other bank just to learn its id.
        """
        if self._entries is not None:
            return self._entries.get(bank_id)
        if bank_id not in self._by_id:
            self._by_id[bank_id] = self._find(bank_id)
        return self._by_id[bank_id]

    def load(self, id_or_path: str | Path) -> Bank:
        """Load a bank by id or by file path; raise FindingsError on problems."""
        path = self.locate(id_or_path)
        return self._load_path(path, ())

    def locate(self, id_or_path: str | Path) -> Path:
        """The file of a bank given by id or path; raise FindingsError if none."""
        text = str(id_or_path)
        if looks_like_path(text):
            return Path(text).expanduser()
        entry = self.entry(text)
        if entry is not None:
            return entry.path
        path = Path(text).expanduser()
        if path.is_file():
            return path
        known = ", ".join(sorted(self._index())) or "none"
        raise FindingsError(
            [Finding("bank-not-found", f"no bank with id {quoted(text)}", hint=f"known banks: {known}; or give a path to a .toml file")]
        )

    def resolve_include(self, bank_id: str, from_path: Path, stack: tuple[str, ...]) -> Bank | None:
        """Resolver for includes: a sibling file first, then the catalog (the loader has already refused cycles)."""
        sibling = from_path.parent / f"{bank_id}{BANK_SUFFIX}"
        if sibling.is_file() and sibling.resolve() != from_path.resolve():
            return self._load_path(sibling, stack)
        entry = self.entry(bank_id)
        if entry is None:
            return None
        return self._load_path(entry.path, stack)

    def _load_path(self, path: Path, stack: tuple[str, ...]) -> Bank:
        key = path.resolve()
        if key in self._loaded:
            return self._loaded[key]
        document = self._indexed_document(path)
        if document is None:
            raw, text, problem = read_text(path)
            if problem is not None:
                raise FindingsError([problem])
        else:
            raw, text = document.raw, document.text
        bank = bank_cache.load(path, raw) if self._cache else None  # validated before: the same bytes, the same elicit
        if bank is None:
            if document is None:
                assert text is not None
                document, problem = parse_text(path, raw, text)
                if problem is not None:
                    raise FindingsError([problem])
                assert document is not None
            from elicit.core.banks.loader import bank_from_document  # not loaded at all when the cache has the bank

            bank = bank_from_document(document, self.resolve_include, _stack=stack)
            if self._cache and bank_cache.cacheable(document.data):
                bank_cache.store(path, raw, bank)
        self._loaded[key] = bank
        return bank

    def _indexed_document(self, path: Path) -> TomlDocument | None:
        # Reuse a document read while indexing, but never index just for this.
        for entry in [*(self._entries or {}).values(), *(e for e in self._by_id.values() if e is not None)]:
            if entry.path == path and entry.document is not None:
                return entry.document
        return None

    def _index(self) -> dict[str, BankEntry]:
        if self._entries is None:
            entries: dict[str, BankEntry] = {}
            for source, folder in self.folders:
                for path in sorted(_bank_files(folder)):
                    _add(entries, _read_entry(path, source))
            self._entries = entries
        return self._entries

    def _find(self, bank_id: str) -> BankEntry | None:
        """What ``_index().get(bank_id)`` gives, parsing whole only the files that may hold ``bank_id``.

        A file's id is the one it declares when it parses, else its name: so a
        file that declares another id and is not named ``bank_id`` cannot be it,
        whether or not the rest of it parses.
        """
        entries: dict[str, BankEntry] = {}
        for source, folder in self.folders:
            for path in sorted(_bank_files(folder)):
                declared = _declared_id(path)
                if declared is None or declared == bank_id or path.stem == bank_id:
                    entry = _read_entry(path, source)
                    if entry.id == bank_id:
                        _add(entries, entry)
        return entries.get(bank_id)


def _add(entries: dict[str, BankEntry], entry: BankEntry) -> None:
    """Index ``entry``: a later file overrides an earlier one with the same id."""
    previous = entries.get(entry.id)
    if previous is not None and _same_file(previous, entry):
        return  # a byte-identical copy (./question_banks in a clone of elicit) overrides nothing: listed once
    if previous is not None:
        entry.overrides = previous.overrides + [previous]
    entries[entry.id] = entry


def _declared_id(path: Path) -> str | None:
    """The id a bank file gives itself, read from its lines before the first table; "" for none; None if that cannot tell.

    Every top-level key comes before the first line opening a table. A line
    starting with ``[`` inside a multi-line string or array leaves the part
    before it unterminated, so when that part parses, the line is a real table
    header and the part holds every top-level key. None (parse the file whole
    to know) when the file cannot be read or that part does not parse. The id
    is trusted only for ruling a file out: a file that may hold the id asked
    for is parsed whole, as the index parses it.
    """
    _raw, text, problem = read_text(path)
    if problem is not None or text is None:
        return None
    head = "" if text.startswith("[") else text.split("\n[", 1)[0]
    try:
        data = loads(head)
    except (TomlSyntaxError, RecursionError):
        return None
    declared = data.get("id")
    return declared if isinstance(declared, str) else ""


def looks_like_path(text: str) -> bool:
    """Whether a bank argument is a file path rather than an id."""
    return "/" in text or "\\" in text or text.endswith(BANK_SUFFIX)


def _bank_files(folder: Path) -> list[Path]:
    try:
        return [path for path in folder.iterdir() if path.suffix == BANK_SUFFIX and path.is_file()]
    except OSError:
        return []


def _same_file(earlier: BankEntry, later: BankEntry) -> bool:
    """Whether two bank files hold the same bytes (both read without a problem)."""
    return earlier.document is not None and later.document is not None and earlier.document.raw == later.document.raw


def _read_entry(path: Path, source: str) -> BankEntry:
    document, problem = parse_toml(path)
    bank_id = path.stem
    if document is not None and isinstance(document.data.get("id"), str) and document.data["id"]:
        bank_id = document.data["id"]
    return BankEntry(bank_id, path, source, document, problem)
