"""Capturing a user story at a prompt, field by field, each field saved as it is entered.

The story is added as soon as it has a 'want'; every later field updates it,
so a dropped line in the middle keeps what was already typed. /cancel, Escape
or Ctrl-C at any field drops the story.
"""

from __future__ import annotations

from elicit.core.banks import Question, StoryHint
from elicit.core.findings import ElicitError
from elicit.core.session import SessionService, Story
from elicit.core.stories import ParsedStory, split_pasted_story, template_leftover
from elicit.core.vocabulary import PRIORITIES, PRIORITY_LABELS, priority_from_word

from .commands import PREFIX, Cancelled, ask_field
from .output import Console, capture_line, sentence, story_line
from .prompters import Escaped, Picked, Prompter

PRIORITY_CHOICES = [(f"{PRIORITY_LABELS[p]} have", p) for p in PRIORITIES]
PLACEHOLDERS = ("", "...", "…")


class StoryCapture:
    """Asks for role, want, so that, priority, acceptance criteria and quote.

    A whole one-line story pasted into any of the first three fields is split
    into them; a field still holding template words ("As a", "I want", "so
    that") is refused with a message, and a story never gets a role nobody typed.
    """

    def __init__(self, prompter: Prompter, console: Console, service: SessionService):
        self.prompter = prompter
        self.console = console
        self.service = service
        self.last_role = ""

    def capture(self, source: Question | None, typed: str = "") -> Story | None:
        """Ask for a story linked to ``source``; return it, or None if cancelled before it had a 'want'.

        ``typed`` (the text after /story) is the answer to the first field, so a whole story typed after the
        command is split as if pasted there (trial6 T6-7: it was dropped without a word)."""
        hint = source.story if source is not None else None
        self.console.say(capture_line("story", source), "Type /cancel at any field to drop it; a whole story pasted in one field is split.")
        story: Story | None = None
        try:
            role, want, pasted = self._role_and_want(*self._defaults(hint), typed=typed.strip())
            if not want:
                self.console.say("No story added: a story needs a 'want'.")
                return None
            self.last_role = role
            story = self.service.add_story(role, want, source=[source.id] if source is not None else [])
            if pasted is not None:
                self.service.fill_story(story.id, so_that=pasted.so_that)
                self.console.say(f"Read as: {sentence(story.sentence())}")
            self._details(story, hint, ask_so_that=pasted is None)
        except Cancelled:
            if story is not None:
                self.service.delete_story(story.id)
            self.console.say("Story dropped." if story is not None else "No story added.")
            return None
        self.console.say(f"Added {story_line(story)}")
        return story

    def _role_and_want(self, role_default: str, want_default: str, typed: str = "") -> tuple[str, str, ParsedStory | None]:
        """Ask for the role (again while it is empty), then the want; a whole story pasted in either field gives both.
        ``typed``, when given, is the role's answer (said back first), as if typed at its prompt."""
        first = self._part("role", "As a (who):", role_default, typed=typed)
        pasted = first if isinstance(first, ParsedStory) else None
        role = pasted.role if pasted else str(first)
        while not role:
            self.console.say("A story needs a role: who wants it (for example 'customer')? /cancel drops the story.")
            again = self._part("role", "As a (who):", "")
            pasted = again if isinstance(again, ParsedStory) else None
            role = pasted.role if pasted else str(again)
        if pasted is not None:
            return role, pasted.want, pasted
        second = self._part("want", "I want (what they want to do):", want_default)
        pasted = second if isinstance(second, ParsedStory) else None
        if pasted is not None:
            return pasted.role, pasted.want, pasted
        return role, str(second), None

    def _defaults(self, hint: StoryHint | None) -> tuple[str, str]:
        """The role and want offered first: the question's story hint unless it is a placeholder."""
        if hint is None:
            return self.last_role, ""
        role = hint.role if hint.role.strip() not in PLACEHOLDERS else self.last_role
        want = hint.want if hint.want.strip() not in PLACEHOLDERS else ""
        return role, want

    def _details(self, story: Story, hint: StoryHint | None, *, ask_so_that: bool = True) -> None:
        """The rest of a story once it has a want: benefit, priority, acceptance criteria, the client's words."""
        if ask_so_that:
            so_that = self._part("so_that", "So that (the benefit, optional):", hint.so_that if hint is not None else "", optional=True)
            if isinstance(so_that, ParsedStory):
                self.service.fill_story(story.id, role=so_that.role, want=so_that.want, so_that=so_that.so_that)
                self.console.say(f"Read as: {sentence(story.sentence())}")
            elif so_that:
                self.service.fill_story(story.id, so_that=so_that)
        self.service.fill_story(story.id, priority=self._priority())
        criteria: list[str] = []
        while True:
            criterion = self._field(f"Acceptance criterion {len(criteria) + 1} (Enter alone when done):", "")
            if not criterion:
                break
            criteria.append(criterion)
            self.service.fill_story(story.id, acceptance=criteria)
        quote = self._field("The client's own words (quote, optional):", "")
        if quote:
            self.service.fill_story(story.id, quote=quote)

    def _part(self, field: str, message: str, default: str, *, optional: bool = False, typed: str = "") -> str | ParsedStory:
        """Role, want or so-that: the text, or the parts of a whole story pasted there; template words are refused.
        ``typed`` is taken as the first reply instead of asking (said back as ``message`` and the text)."""
        given = typed
        while True:
            if given:
                self.console.say(f"{message} {given}")
                typed, given = given, ""
            else:
                typed = self._field(message, default, optional=optional)
            pasted = split_pasted_story(typed)
            if pasted is not None:
                return pasted
            problem = template_leftover(field, typed)
            if problem is None:
                return typed
            self.console.say(sentence(problem[0].upper() + problem[1:]))
            default = ""

    def _field(self, message: str, default: str, *, optional: bool = False) -> str:
        return ask_field(self.prompter, self.console, message, default, optional=optional)

    def _priority(self) -> str:
        while True:
            try:
                reply = self.prompter.choose("Priority:", PRIORITY_CHOICES, "should")
            except (Escaped, KeyboardInterrupt):
                raise Cancelled from None
            if isinstance(reply, Picked):
                return str(reply.value)
            typed = reply.strip()
            if typed.startswith(PREFIX) and typed[1:].strip().casefold() in ("cancel", "c"):
                raise Cancelled
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
