"""Capturing a user story at a prompt, field by field, each field saved as it is entered.

The story is added as soon as it has a 'want'; every later field updates it,
so a Ctrl-C or a dropped line in the middle keeps what was already typed.
"""

from __future__ import annotations

from elicit.core.banks import Question, StoryHint
from elicit.core.findings import ElicitError
from elicit.core.session import SessionService, Story
from elicit.core.vocabulary import PRIORITIES, PRIORITY_LABELS, priority_from_word

from .commands import PREFIX
from .output import Console, story_line
from .prompters import Picked, Prompter

PRIORITY_CHOICES = [(f"{PRIORITY_LABELS[p]} have", p) for p in PRIORITIES]
PLACEHOLDERS = ("", "...", "…")


class StoryCancelled(Exception):
    """The consultant typed /cancel while entering a story."""


class StoryCapture:
    """Asks for role, want, so that, priority, acceptance criteria and quote."""

    def __init__(self, prompter: Prompter, console: Console, service: SessionService):
        self.prompter = prompter
        self.console = console
        self.service = service
        self.last_role = ""

    def capture(self, source: Question | None) -> Story | None:
        """Ask for a story linked to ``source``; return it, or None if cancelled before it had a 'want'."""
        hint = source.story if source is not None else None
        linked = f" for {source.id}" if source is not None else " (not linked to a question)"
        self.console.say(f"New story{linked}. Type /cancel at any field to drop it.")
        story: Story | None = None
        try:
            role_default, want_default = self._defaults(hint)
            role = self._field("As a (who):", role_default) or "user"
            want = self._field("I want (what they want to do):", want_default)
            if not want:
                self.console.say("No story added: a story needs a 'want'.")
                return None
            self.last_role = role
            story = self.service.add_story(role, want, source=[source.id] if source is not None else [])
            self._details(story, hint)
        except StoryCancelled:
            if story is not None:
                self.service.delete_story(story.id)
            self.console.say("Story dropped." if story is not None else "No story added.")
            return None
        self.console.say(f"Added {story_line(story)}")
        return story

    def _defaults(self, hint: StoryHint | None) -> tuple[str, str]:
        """The role and want offered first: the question's story hint unless it is a placeholder."""
        if hint is None:
            return self.last_role, ""
        role = hint.role if hint.role.strip() not in PLACEHOLDERS else self.last_role
        want = hint.want if hint.want.strip() not in PLACEHOLDERS else ""
        return role, want

    def _details(self, story: Story, hint: StoryHint | None) -> None:
        """The rest of a story once it has a want: benefit, priority, acceptance criteria, the client's words."""
        so_that = self._field("So that (the benefit, optional):", hint.so_that if hint is not None else "")
        if so_that:
            self.service.update_story(story.id, so_that=so_that)
        self.service.set_priority(story.id, self._priority())
        criteria: list[str] = []
        while True:
            criterion = self._field(f"Acceptance criterion {len(criteria) + 1} (Enter alone when done):", "")
            if not criterion:
                break
            criteria.append(criterion)
            self.service.update_story(story.id, acceptance=criteria)
        quote = self._field("The client's own words (quote, optional):", "")
        if quote:
            self.service.update_story(story.id, quote=quote)

    def _field(self, message: str, default: str) -> str:
        while True:
            typed = self.prompter.text(message, default).strip()
            if typed.startswith(PREFIX + PREFIX):
                return typed[1:]
            if not typed.startswith(PREFIX):
                return typed
            if typed[1:].strip().casefold() in ("cancel", "c"):
                raise StoryCancelled
            self.console.say("In a story, only /cancel works; start with // to type a slash.")

    def _priority(self) -> str:
        while True:
            reply = self.prompter.choose("Priority:", PRIORITY_CHOICES, "should")
            if isinstance(reply, Picked):
                return str(reply.value)
            typed = reply.strip()
            if typed.startswith(PREFIX) and typed[1:].strip().casefold() in ("cancel", "c"):
                raise StoryCancelled
            try:
                return parse_priority(typed)
            except ElicitError as error:
                self.console.say(str(error))


def parse_priority(text: str) -> str:
    """A MoSCoW priority from typed text (``must``, ``Won't``, ``M``); empty gives 'should'."""
    if not text.strip():
        return "should"
    priority = priority_from_word(text)
    if priority is not None:
        return priority
    raise ElicitError(f"'{text.strip()}' is not a priority; type must, should, could or won't")
