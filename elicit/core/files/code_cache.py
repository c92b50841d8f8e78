"""The methods ``dataclasses`` writes for each class, compiled once per Python, not once per run.

A dataclass gets its ``__init__``, ``__repr__``, ``__eq__`` ... from source text
that ``dataclasses`` builds and hands to ``exec``; compiling that text is most
of the cost of a dataclass (about 2-5 M instructions each), and ``elicit lint``
imports some forty of them: about 0.1 G of its instructions (issue 18). The
code Python's compiler makes of a text is plain data (marshal, as in a ``.pyc``
file), so it can be kept::

    kept = load_code("lint")             # before the modules define their dataclasses
    from elicit.core.stories import ...  # each generated text compiled, or found compiled
    keep_code("lint", kept)              # writes the file again only when a text was compiled meanwhile

``elicit open`` and the launcher do the same for the app (``load_code("app",
modules=("elicit.",))`` as :mod:`elicit.cli.app_commands` loads, kept once the
first screen is drawn, or in plain mode once the first prompt is shown): only
elicit's own classes, so Textual's are compiled exactly as in a bare Textual app.

It is correct by construction:

- while loaded, ``dataclasses`` finds ``exec`` in its own module first (it calls
  it by name): that ``exec`` looks the text up and runs the kept code where the
  text was compiled before, and runs the built-in ``exec`` on anything else;
- an entry is the code ``compile`` made of that very text with the flags the
  built-in ``exec`` would have used there (the calling code's ``__future__``
  flags, part of the key), so running it is running the text. The key is the
  whole text, not a class's name: a class whose definition changed (a field
  added, renamed or retyped, another option) gets another text, so it is
  compiled afresh, never given the old code. What the text does not hold (a
  field's default, its type, the class itself) is not in the code either:
  ``dataclasses`` hands those to the compiled function as arguments each time
  it makes a class (``__create_fn__(**locals)``), so a changed default with an
  unchanged text runs the same code on the new value;
- the file is for one Python build (its version, cache tag and marshal
  version): any other Python ignores it; its payload carries a CRC-32, and a
  file cut short, damaged or of another format is ignored and written again;
  when the folder cannot be written nothing is kept. Deleting it is safe.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import sys
from types import CodeType
from typing import Any

from elicit.core.files.cache_file import read_marshalled, write_marshalled

FORMAT = b"elicit-code-cache 1\n"
KEEP = 2000
"""The most texts a file holds."""

_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag

_Key = tuple[str, int]
"""A generated text and the ``__future__`` flags it is compiled with."""


class KeptCode:
    """What :func:`load_code` found (``codes``), what was compiled since (``new``), where the hook is, and for which
    modules' classes (``modules``: name prefixes; None: every class)."""

    def __init__(self, codes: dict[_Key, CodeType], module: Any, modules: tuple[str, ...] | None = None) -> None:
        self.codes = codes
        self.new: dict[_Key, CodeType] = {}
        self.module = module
        self.modules = modules
        self.kept = False
        """Whether :func:`keep_code` ran (it unhooks and writes once)."""

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002 - exec's own names
        """The built-in ``exec``, with a text compiled as ``exec`` would compile it there, or found compiled."""
        caller = sys._getframe(1)
        if globals is None:
            globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
        if type(source) is str and (self.modules is None or _in(globals, self.modules)):
            key = (source, caller.f_code.co_flags & _FUTURE_FLAGS)
            code = self.codes.get(key)
            if code is None:
                code = compile(source, "<string>", "exec", key[1], dont_inherit=True)
                self.new[key] = code
                self.codes[key] = code
            source = code
        builtins.exec(source, globals, locals)


_NOTHING = KeptCode({}, None)


def _in(globals: Any, modules: tuple[str, ...]) -> bool:  # noqa: A002 - exec's own name
    """Whether the text runs for a class of one of ``modules`` (``dataclasses`` runs it in the class's module's namespace)."""
    name = globals.get("__name__") if type(globals) is dict else None
    return type(name) is str and name.startswith(modules)


def _build() -> bytes:
    return f"{sys.version}\n{sys.implementation.cache_tag}\n{marshal.version}\n".encode()


def _path(name: str) -> Any:
    from elicit.core.paths import cache_dir

    return cache_dir() / "code" / (name + ".code")


def load_code(name: str, modules: tuple[str, ...] | None = None) -> KeptCode:
    """Hook ``dataclasses`` to the code kept under ``name``; what :func:`keep_code` needs afterwards.

    ``modules`` (name prefixes, as ``("elicit.",)``): only the classes of those modules get kept code; the others'
    texts go to the built-in ``exec`` as if nothing were hooked."""
    import dataclasses

    if "exec" in vars(dataclasses):  # hooked already (or dataclasses has a name of its own): leave it be
        return _NOTHING
    kept = KeptCode(_read(name), dataclasses, modules)
    dataclasses.exec = kept.exec  # type: ignore[attr-defined]
    return kept


def keep_code(name: str, kept: KeptCode) -> None:
    """Unhook ``dataclasses``; keep, under ``name``, what was compiled since :func:`load_code`, when anything was
    (once: a second call writes nothing)."""
    if kept is _NOTHING or kept.kept:
        return
    kept.kept = True
    if vars(kept.module).get("exec") == kept.exec:
        del kept.module.exec
    if not kept.new or len(kept.codes) > KEEP:
        return
    write_marshalled(_path(name), FORMAT + _build(), [(text, flags, code) for (text, flags), code in kept.codes.items()])


def _read(name: str) -> dict[_Key, CodeType]:
    return {
        (entry[0], entry[1]): entry[2]
        for entry in read_marshalled(_path(name), FORMAT + _build())
        if type(entry) is tuple and len(entry) == 3 and type(entry[0]) is str and type(entry[1]) is int and type(entry[2]) is CodeType
    }
