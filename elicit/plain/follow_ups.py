"""Decisions, open questions, assumptions and glossary terms at a plain-mode prompt.

Each is linked to the question the interview loop names (the one on screen,
or the one just answered while that is still open), starts from its answer's words
when nothing is typed after the command, and is saved as soon as it has its
text (each later field updates it), like a story; /cancel, Escape or Ctrl-C
at any field drops it.
"""

from __future__ import annotations

from typing import Any

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import Interview, SessionService, answer_text

from .commands import Cancelled, ask_field
from .output import Console, capture_line, sentence
from .prompters import Escaped, Picked, Prompter


class FollowUps:
    """The follow-up slash commands: add, list and resolve."""

    def __init__(self, prompter: Prompter, console: Console, service: SessionService, interview: Interview):
        self.prompter = prompter
        self.console = console
        self.service = service
        self.interview = interview

    # adding

    def add(self, kind: str, argument: str, question: Question | None) -> str | None:
        """Add a decision, open question or assumption (``kind`` is the command name); return what to confirm, None if dropped.

        The item is saved once it has its text; /cancel, Escape or Ctrl-C at any later field deletes it again.
        """
        what = kind.replace("-", " ")
        source = [question.id] if question is not None else []
        self.console.say(capture_line(what, question))
        item: Any = None
        try:
            text = argument or ask_field(self.prompter, self.console, f"{what.capitalize()}:", self._answer_words(question), what=what)
            if not text:
                self.console.say(f"No {what} added: it needs some text.")
                return None
            if kind == "decision":
                item = self.service.add_decision(text, source=source)
                self._then("Why (optional):", lambda value: self.service.update_decision(item.id, rationale=value), what)
                self._then("Decided by (optional):", lambda value: self.service.update_decision(item.id, decided_by=value), what)
            elif kind == "open-question":
                item = self.service.add_open_question(text, source=source)
                self._then("Who will find out (optional):", lambda value: self.service.update_open_question(item.id, owner=value), what)
            else:
                item = self.service.add_assumption(text, source=source)
                self._then("Why (optional):", lambda value: self.service.update_assumption(item.id, rationale=value), what)
        except Cancelled:
            if item is not None:
                self._delete(kind, item.id)
            self.console.say(f"No {what} added.")
            return None
        return f"Added {item.id}: {sentence(item.text)}"

    def _delete(self, kind: str, item_id: str) -> None:
        if kind == "decision":
            self.service.delete_decision(item_id)
        elif kind == "open-question":
            self.service.delete_open_question(item_id)
        else:
            self.service.delete_assumption(item_id)

    def term(self, argument: str, question: Question | None = None) -> str | None:
        """Add a glossary term (``/term SKU: stock keeping unit``) linked to the question on screen, or give an existing one a new meaning."""
        word, _, meaning = argument.partition(":") if ":" in argument else argument.partition("=")
        known = None
        self.console.say(capture_line("term", question))
        try:
            word = word.strip() or ask_field(self.prompter, self.console, "Term (the client's word):", what="term")
            if not word:
                self.console.say("No term added.")
                return None
            known = self.service.find_term(word)
            meaning = meaning.strip() or ask_field(
                self.prompter, self.console, f"What does '{word}' mean?", known.definition if known else "", what="term"
            )
        except Cancelled:
            self.console.say(f"'{known.term}' is unchanged." if known else "No term added.")
            return None
        item = self.service.define_term(word, meaning, source=[question.id] if question is not None else [])
        return f"{'Updated' if known else 'Added'} {item.term}: {sentence(item.definition) if item.definition else 'no meaning yet.'}"

    def resolve(self, argument: str) -> str | None:
        """Resolve an open question: ``/resolve OQ-001 what settled it``, or pick one."""
        still_open = [item for item in self.service.session.open_questions if item.status == "open"]
        if not still_open:
            self.console.say("No open questions to resolve; /open-question notes one.")
            return None
        item_id, _, resolution = argument.partition(" ")
        try:
            if not item_id:
                reply = self.prompter.choose("Resolve which?", [(f"{item.id}: {item.text}", item.id) for item in still_open] + [("None", None)])
                if not isinstance(reply, Picked) or reply.value is None:
                    return None
                item_id = str(reply.value)
            resolution = resolution.strip() or ask_field(self.prompter, self.console, "How was it settled?", what="open question")
            item = self.service.resolve_open_question(item_id.upper(), resolution)
        except (Cancelled, Escaped, KeyboardInterrupt):
            self.console.say("Nothing resolved.")
            return None
        except ElicitError as error:
            self.console.say(sentence(str(error)))
            return None
        return f"Resolved {item.id}: {sentence(resolution) if resolution else 'no answer noted.'}"

    def _then(self, message: str, save: Any, what: str) -> None:
        """Ask for an optional field once the item exists (/cancel there raises Cancelled)."""
        value = ask_field(self.prompter, self.console, message, what=what)
        if value:
            save(value)

    def _answer_words(self, question: Question | None) -> str:
        """The current answer, as the starting wording of a follow-up on it."""
        if question is None:
            return ""
        answer = self.interview.answer(question.id)
        return answer_text(answer.value) if answer is not None and not isinstance(answer.value, bool) else ""

    # listing

    def lines(self, kind: str) -> list[str]:
        """One line per decision, open question, assumption or term (``kind`` is the list command)."""
        session = self.service.session
        if kind == "decisions":
            return [self._line(d.id, d.text, ("Why", d.rationale), ("Decided by", d.decided_by), d.source) for d in session.decisions] or [
                "No decisions yet; /decision records one."
            ]
        if kind == "open-questions":
            return [
                self._line(q.id, q.text, ("Owner", q.owner), ("Resolved" if q.status == "resolved" else "", q.resolution), q.source)
                + ("" if q.status == "resolved" else " Still open.")
                for q in session.open_questions
            ] or ["No open questions yet; /open-question notes one."]
        if kind == "assumptions":
            return [self._line(a.id, a.text, ("Why", a.rationale), ("", ""), a.source) for a in session.assumptions] or [
                "No assumptions yet; /assumption records one."
            ]
        return [self._term_line(t.term, t.definition, t.source) for t in session.glossary] or [
            "No glossary terms yet; /term adds one."
        ]

    def _line(self, item_id: str, text: str, first: tuple[str, str], second: tuple[str, str], source: list[str]) -> str:
        parts = [f"{item_id}: {sentence(text)}"]
        for label, value in (first, second):
            if label and value:
                parts.append(f"{label}: {sentence(value)}")
        return " ".join(parts + self._from(source))

    def _term_line(self, term: str, definition: str, source: list[str]) -> str:
        return " ".join([f"{term}: {sentence(definition) if definition else 'no meaning yet.'}"] + self._from(source))

    def _from(self, source: list[str]) -> list[str]:
        """"From: " and the first source question's prompt, or nothing."""
        prompts = [q.prompt for q in (self.interview.question(qid) for qid in source) if q is not None]
        return [f"From: {sentence(prompts[0])}"] if prompts else []
