"""Command-palette providers: every action of the screen, and every question of the interview."""

from __future__ import annotations

from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from elicit.core.session import Interview

from .bindings import ours_first
from .marks import shorten, status_mark


@runtime_checkable
class JumpsToQuestions(Protocol):
    """A screen with an interview whose questions one can jump to (the interview screen)."""

    @property
    def interview(self) -> Interview: ...

    def jump_to(self, question_id: str) -> None: ...

HIDDEN_ACTIONS = {"command_palette", "quit"}  # the system provider lists these already
PALETTE_MARGIN = 6
"""Columns of the screen's width a palette line cannot use (the option's padding, the scroll bar, one to spare)."""


def question_help(section: str, question_id: str, width: int) -> str:
    """'Section · id' on one line of ``width``: the id whole (it tells questions apart), the section's title shortened,
    or left out when even the id barely fits (trial7 T7-14: at 80 columns the line wrapped and the id was lost)."""
    room = width - len(question_id) - len(" · ")
    return f"{shorten(section, room)} · {question_id}" if room >= 6 else question_id


class ScreenActions(Provider):
    """The actions bound to keys on the current screen, with their keys as help: elicit's own first (those of its
    binding table, which have ids), then the focused widget's (an editor's 'Cursor up', 'Cursor down', ... came
    first and filled the palette, trial7 T7-7)."""

    def _actions(self) -> list[tuple[str, str, object]]:
        found: list[tuple[str, str, object]] = []
        seen: set[str] = set()
        for key, active in ours_first(self.screen.active_bindings):
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action in HIDDEN_ACTIONS or not active.enabled:
                continue
            seen.add(binding.action)
            help_text = f"key: {self.app.get_key_display(binding)}" + (f" · {binding.tooltip}" if binding.tooltip else "")
            found.append((binding.description, help_text, partial(self.app.simulate_key, key)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, command in self._actions():
            yield DiscoveryHit(name, command, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)  # type: ignore[arg-type]


class QuestionSearch(Provider):
    """Jump to a question by typing part of it (only questions that apply now)."""

    LIST_ALL = False

    def _questions(self) -> list[tuple[str, str, str, str]]:
        """Each question that applies: its id, its mark and prompt, the section's title, and the line under it."""
        screen = self.screen
        if not isinstance(screen, JumpsToQuestions):
            return []
        interview = screen.interview
        titles = {section.id: section.title for section in interview.sections}
        width = self.app.size.width - PALETTE_MARGIN
        found = []
        for question in interview.applicable():
            section = titles.get(question.section_id, "")
            found.append((question.id, f"{status_mark(interview.status(question.id))} {question.prompt}", section, question_help(section, question.id, width)))
        return found

    def _shown(self, text: str) -> str:
        """A question's line as the palette shows it: one line, so the one under it is never pushed off."""
        return shorten(text, self.app.size.width - PALETTE_MARGIN)

    def _go(self, question_id: str) -> None:
        if isinstance(self.screen, JumpsToQuestions):
            self.screen.jump_to(question_id)

    async def discover(self) -> Hits:
        if not self.LIST_ALL:
            return
        for question_id, text, _section, help_line in self._questions():
            yield DiscoveryHit(self._shown(text), partial(self._go, question_id), help=help_line)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for question_id, text, section, help_line in self._questions():
            score = max(matcher.match(text), matcher.match(f"{section} {question_id}") * 0.8)
            if score > 0:
                shown = self._shown(text)
                yield Hit(score, matcher.highlight(shown), partial(self._go, question_id), text=text, help=help_line)


class QuestionList(QuestionSearch):
    """Like :class:`QuestionSearch`, but lists every question before anything is typed."""

    LIST_ALL = True
