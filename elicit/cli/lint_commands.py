"""``elicit lint`` and ``elicit import-stories``: story quality on sessions and backlog files."""

from __future__ import annotations

import argparse
import functools
import marshal
import os
import sys
from itertools import zip_longest
from pathlib import Path

from elicit.core.files import keep_code, keep_patterns, load_code, load_patterns

_PATTERNS = load_patterns("lint")  # before the story checks compile their regular expressions: most come compiled
_CODE = load_code("lint")  # before the models define their dataclasses: their methods come compiled

from elicit.core.findings import ElicitError  # noqa: E402 - after the kept patterns are in re's cache
from elicit.core.session import Story  # noqa: E402
from elicit.core.stories import (  # noqa: E402
    Backlog,
    BacklogContext,
    LintFinding,
    benefit_note,
    check_codes,
    lint_stories,
    read_backlog,
    story_text,
    story_values,
    story_words,
    structure_note,
    to_story,
    unsure_note,
)
from elicit.core.text import clip, plural, printable  # noqa: E402

from .output import print_json, warning_line  # noqa: E402
from .parser import UsageError, terminal_columns  # noqa: E402 - terminal_columns: shutil's width without importing shutil

TYPE_CHECKING = False
if TYPE_CHECKING:
    from elicit.core.session import Session


def lint(args: argparse.Namespace) -> int:
    """Lint the stories of a session or of a text/CSV file; exit 1 with --strict when there are findings."""
    disabled = _disabled(args.disable)
    stories, texts, session = _stories_to_lint(args.path)
    context = BacklogContext.of(stories)
    findings = _checked_stories(stories, disabled, context)
    if session is not None and "suspect" not in disabled:
        from elicit.core.stories import suspect_findings  # it reads answers: sessions only

        findings += suspect_findings(session)
    if args.json:
        print_json(
            [
                {
                    "story_id": f.story_id,
                    "code": f.code,
                    "message": f.message,
                    "suggestion": f.suggestion,
                    "text": texts.get(f.story_id, ""),
                }
                for f in findings
            ]
        )
    else:
        rejected = sum(1 for story in stories if story.status == "rejected")
        _print_table(findings, texts, _checked(len(stories) - rejected, rejected))
        for note in (structure_note(context, disabled), unsure_note(context, disabled), benefit_note(context, disabled)):
            if note:
                sys.stdout.write("\n".join(_wrapped(f"note: {note}", max(60, terminal_columns()))) + "\n")
    keep_patterns("lint", _PATTERNS)  # the first run (or the first after a change): keeps the patterns compiled
    keep_code("lint", _CODE)  # and the dataclasses' methods
    return 1 if args.strict and findings else 0


IN_TWO_FROM = 400
"""A backlog of at least this many stories is checked in two processes when a second core is free (:func:`_in_two`)."""


def _checked_stories(stories: list[Story], disabled: frozenset[str], context: BacklogContext) -> list[LintFinding]:
    """The findings of :func:`lint_stories`: for a large backlog, half of them worked out in a second process."""
    if len(context.views) >= IN_TWO_FROM and _core_to_spare():
        return _in_two(stories, disabled, context)
    return lint_stories(stories, disabled=disabled, context=context)


def _core_to_spare() -> bool:
    """Whether a second process would run beside this one rather than wait for a core.

    ``ELICIT_LINT_JOBS=1`` asks for one process, ``ELICIT_LINT_JOBS=2`` for two; otherwise two when fork is
    there, two cores or more may be used and the load average leaves one free (on a busy machine the second
    process would only take turns with the first, and copying its memory costs more than it saves).
    """
    asked = os.environ.get("ELICIT_LINT_JOBS", "").strip()
    if asked == "1" or not hasattr(os, "fork"):
        return False
    if asked == "2":
        return True
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS: no affinity
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0.0
    return cores >= 2 and load < cores - 1


def _in_two(stories: list[Story], disabled: frozenset[str], context: BacklogContext) -> list[LintFinding]:
    """The findings of every story, the second half of them worked out by a forked child meanwhile.

    Each story is checked on its own against the whole backlog (which the child inherits, built), so the
    findings of the two halves, joined, are the findings of the whole, in the same order. The first story is
    checked before the fork, so the child inherits the lexicon and the term list already read. Should the child
    fail in any way (killed, out of memory, an error), this process checks its half itself: nothing is lost.
    """
    half = len(context.views) // 2
    findings = lint_stories(stories, disabled=disabled, context=context, part=slice(0, 1))
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process (its work is checked through the findings)
        os.close(read_end)
        _second_half(stories, disabled, context, half, write_end)
    os.close(write_end)
    try:
        findings += lint_stories(stories, disabled=disabled, context=context, part=slice(1, half))
        with os.fdopen(read_end, "rb") as pipe:
            sent = pipe.read()
    except BaseException:
        import signal

        os.kill(child, signal.SIGTERM)
        os.waitpid(child, 0)
        raise
    _pid, status = os.waitpid(child, 0)
    second = _received(sent) if status == 0 else None
    if second is None:
        second = lint_stories(stories, disabled=disabled, context=context, part=slice(half, None))
    return findings + second


def _second_half(stories: list[Story], disabled: frozenset[str], context: BacklogContext, half: int, write_end: int) -> None:
    """In the child: check the second half, send its findings down the pipe, and leave (never back into the CLI)."""
    code = 1
    try:
        found = lint_stories(stories, disabled=disabled, context=context, part=slice(half, None))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(marshal.dumps([(f.code, f.story_id, f.message, f.suggestion) for f in found]))
        code = 0
    finally:
        os._exit(code)  # no clean-up, no buffers flushed: the parent owns stdout and stderr


def _received(sent: bytes) -> list[LintFinding] | None:
    try:
        return [LintFinding(*item) for item in marshal.loads(sent)]
    except (EOFError, ValueError, TypeError):
        return None


def _disabled(given: list[str] | None) -> frozenset[str]:
    codes = [code for item in given or [] for code in item.split(",")]
    try:
        return check_codes(codes)
    except ElicitError as error:
        raise UsageError("elicit lint", f"--disable: {error}") from None


def _stories_to_lint(path_text: str) -> tuple[list[Story], dict[str, str], Session | None]:
    """The stories of a session, or of a backlog file (ids 'line N'), with the text to show for each, and the session."""
    path = Path(path_text).expanduser()
    if not path.exists():
        from elicit.core.session import session_path

        if session_path(path_text).exists():
            path = session_path(path_text)
    if path.name.endswith(".toml"):
        from elicit.core.session import read_session  # the session file format: for sessions only

        if not path.exists():
            raise ElicitError(f"{path}: no such session file")
        session = read_session(path)
        stories = list(session.stories)
        return stories, {story.id: story_text(story) for story in stories}, session
    backlog = _read(path, None)
    stories = [to_story(line, f"line {line.line}") for line in backlog.lines]
    return stories, {f"line {line.line}": line.text for line in backlog.lines}, None


def _read(path: Path, column: str | None) -> Backlog:
    backlog = read_backlog(path, column)
    for warning in backlog.warnings:
        warning_line(warning)
    return backlog


def _checked(count: int, rejected: int) -> str:
    """``6 stories (1 rejected, not checked)``: what the lint looked at, and the rejected stories it leaves out."""
    return f"{count} stor{'y' if count == 1 else 'ies'}" + (f" ({rejected} rejected, not checked)" if rejected else "")


def _print_table(findings: list[LintFinding], texts: dict[str, str], checked: str) -> None:
    """Findings in three columns (story, check, finding), wrapped to the terminal, as plain text.

    Written line by line rather than as a rich table: for a backlog of a thousand
    stories rich's table layout took longer than the whole lint.
    """
    if not findings:
        sys.stdout.write(f"no findings in {checked}\n")
        return
    width = max(60, terminal_columns())
    check_width = max(len("check"), *(len(finding.code) for finding in findings))
    story_width = (width - check_width - 4) * 2 // 5
    finding_width = width - check_width - story_width - 4
    lines = [_row("story", "check", "finding", story_width, check_width, finding_width)]
    blank = " " * (story_width + 2)
    rights: dict[tuple[str, str, str], list[str]] = {}
    previous = None
    for finding in findings:
        key = (finding.code, finding.message, finding.suggestion)
        right = rights.get(key)
        if right is None:  # most findings repeat a message: its two right-hand columns are laid out once
            cell = f"{printable(finding.message)}\n→ {finding.suggestion}"
            right = rights[key] = [
                f"{check:<{check_width}}  {text}" for check, text in zip_longest((finding.code,), _wrapped_lines(cell, finding_width), fillvalue="")
            ]
        if finding.story_id == previous:
            lines += [(blank + text).rstrip() for text in right]
            continue
        if previous is not None:
            lines.append("")
        previous = finding.story_id
        story_cell = "\n".join(part for part in (finding.story_id, clip(printable(texts.get(finding.story_id, "")), 70)) if part)
        lines += _beside(_wrapped_lines(story_cell, story_width), right, story_width, blank)
    by_code: dict[str, int] = {}
    for finding in findings:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    stories = len({finding.story_id for finding in findings})
    summary = ", ".join(f"{n} {code}" for code, n in sorted(by_code.items(), key=lambda item: (-item[1], item[0])))
    lines.append("")
    lines.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {stories} of {checked}: {summary}")
    lines.append(f"switch a check off with --disable CODE (for example --disable {findings[0].code})")
    sys.stdout.write("\n".join(lines) + "\n")


def _beside(left: tuple[str, ...], right: list[str], story_width: int, blank: str) -> list[str]:
    """The lines of a row: the story column's lines padded to ``story_width``, beside the check and finding columns'
    (``right``, laid out), as :func:`_row` puts them; no trailing spaces."""
    rows = [f"{text:<{story_width}}  {other}".rstrip() for text, other in zip(left, right, strict=False)]
    if len(left) > len(right):
        return rows + [text.rstrip() for text in left[len(right) :]]
    return rows + [(blank + other).rstrip() for other in right[len(left) :]]


def _row(story: str, check: str, finding: str, story_width: int, check_width: int, finding_width: int) -> str:
    """One row of the table: each cell wrapped to its column, lines side by side, no trailing spaces."""
    return "\n".join(
        f"{left:<{story_width}}  {middle:<{check_width}}  {right}".rstrip()
        for left, middle, right in zip_longest(_wrapped_lines(story, story_width), (check,), _wrapped_lines(finding, finding_width), fillvalue="")
    )


def _wrapped(cell: str, width: int) -> list[str]:
    return list(_wrapped_lines(cell, width))


@functools.lru_cache(maxsize=4096)
def _wrapped_lines(cell: str, width: int) -> tuple[str, ...]:
    """A cell's lines wrapped to ``width``; remembered, since most findings repeat one message (textwrap is slow)."""
    return tuple(line for part in cell.split("\n") for line in _wrap(part, width))


_MUNGED = frozenset("\t\n\x0b\x0c\r")
"""What textwrap rewrites before it wraps (tabs expanded, these whitespace characters made spaces)."""


def _wrap(part: str, width: int) -> list[str]:
    """``textwrap.wrap(part, width, break_long_words=True) or [""]``, without importing textwrap for a part that fits.

    A part no longer than ``width`` that textwrap would not rewrite (no tab, line feed, vertical tab, form feed
    or carriage return) and that does not end in whitespace comes back whole, as its one line: textwrap drops
    only whitespace at the end of a line and at the start of a line after the first. Words with single spaces
    between them and no hyphen are put on lines by :func:`_greedy`, as textwrap would
    (tests/cli/test_lint_table.py checks all three against textwrap).
    """
    lines = _plain_lines(part, width)
    if lines is not None:
        return lines
    if len(part) <= width and part == part.rstrip() and part and _MUNGED.isdisjoint(part):
        return [part]
    words = part.split(" ")
    if "-" not in part and words == part.split() and max(map(len, words)) <= width:
        return _greedy(words, width)
    import textwrap

    return textwrap.wrap(part, width, break_long_words=True) or [""]


def _plain_lines(part: str, width: int) -> list[str] | None:
    """The lines of a printable part (the only white space a printable text holds is " ") not ending in a space, as
    :func:`_wrap` gives them: whole when it fits, else by :func:`_fitted` when single spaces part its words and no
    hyphen is there; None for any other part."""
    if not part or not part.isprintable() or part[-1] == " ":
        return None
    if len(part) <= width:
        return [part]
    if part[0] != " " and "  " not in part and "-" not in part:
        return _fitted(part, width)  # None when a word is longer than width
    return None


def _greedy(words: list[str], width: int) -> list[str]:
    """Words (none empty or longer than ``width``) put on lines as textwrap does when single spaces are the only
    whitespace and no hyphen splits a word: as many words as fit, one space between them (:func:`_fitted`)."""
    lines = _fitted(" ".join(words), width)
    assert lines is not None  # no word is longer than width
    return lines


def _fitted(part: str, width: int) -> list[str] | None:
    """The lines of :func:`_greedy` for ``part``, its words joined by single spaces: each line ends at the last space
    at most ``width`` characters after its start, found by ``str.rfind`` rather than word by word; None when a word
    is longer than ``width`` (a line that must break has no space to break at)."""
    lines = []
    start = 0
    while len(part) - start > width:
        cut = part.rfind(" ", start, start + width + 1)
        if cut == -1:
            return None
        lines.append(part[start:cut])
        start = cut + 1
    lines.append(part[start:])
    return lines


def import_stories(args: argparse.Namespace) -> int:
    """Add every story of a text or CSV file to a session; unreadable lines are kept with a finding.

    A story the session already holds (the same words in role, want and
    so-that, ignoring case, punctuation and articles) is reported and skipped, so importing a file twice adds nothing twice;
    ``--keep-duplicates`` adds it anyway.
    """
    from .session_commands import open_for_change  # it loads banks and the engine: only this command needs them

    file = Path(args.file).expanduser()
    backlog = _read(file, args.column)  # read before locking: a bad file leaves the session untouched
    added: list[tuple[int, str, bool]] = []
    skipped: list[tuple[int, str]] = []
    with open_for_change(args.path, "elicit import-stories") as service:
        held = {story_words(s): s.id for s in service.session.stories}
        for line in backlog.lines:
            role, want, values = story_values(line)
            key = story_words(Story(id="", role=role, want=want, so_that=values.get("so_that", "")))
            if key in held and not args.keep_duplicates:
                skipped.append((line.line, held[key]))
                continue
            story = service.add_story(role, want, by="", **values)  # a backlog line was said by nobody in the room
            held.setdefault(key, story.id)
            added.append((line.line, story.id, not line.is_story))
        target = service.session.title or args.path
    _report_import(args, file, backlog, target, added, skipped)
    return 0


def _report_import(
    args: argparse.Namespace, file: Path, backlog: Backlog, target: str, added: list[tuple[int, str, bool]], skipped: list[tuple[int, str]]
) -> None:
    for line_number, story_id, unparsed in added:
        if unparsed:
            warning_line(
                f"{file}:{line_number}: could not read this as a user story; added as {story_id} with the raw text "
                f"(tag 'unparsed'): rewrite it with 'elicit story set {args.path} {story_id} --role ... --want ...' "
                f"or delete it with 'elicit story delete {args.path} {story_id}'"
            )
    column = f" (column '{backlog.column}')" if backlog.column else ""
    span = ""
    if added:
        first, last = added[0][1], added[-1][1]
        span = ": " + (first if first == last else f"{first} to {last}")
    sys.stdout.write(f"imported {plural(len(added), 'story')} from {file}{column} into '{target}'{span}\n")
    _report_skips(backlog, added, skipped)
    if added:
        sys.stdout.write(f"check their quality with: elicit lint {args.path}\n")


def _report_skips(backlog: Backlog, added: list[tuple[int, str, bool]], skipped: list[tuple[int, str]]) -> None:
    """What an import left out or could not read: duplicates, unparsed lines, rows with no story."""
    if skipped:
        shown = ", ".join(f"line {line} ({story_id})" for line, story_id in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        sys.stdout.write(
            f"skipped {plural(len(skipped), 'story', 'stories')} already in the session: {shown}{more}; "
            f"add {'it' if len(skipped) == 1 else 'them'} again with --keep-duplicates\n"
        )
    unparsed_count = sum(1 for _line, _id, unparsed in added if unparsed)
    if unparsed_count == 1:
        sys.stdout.write("1 line could not be read as a story and is tagged 'unparsed'\n")
    elif unparsed_count:
        sys.stdout.write(f"{unparsed_count} lines could not be read as stories and are tagged 'unparsed'\n")
    if backlog.skipped:
        count = len(backlog.skipped)
        sys.stdout.write(
            f"{plural(count, 'row')} of the file gave no story and {'was' if count == 1 else 'were'} skipped (see the warnings)\n"
        )
