"""Strict reading of TOML tables into session records.

Shared by the session file and the TOML spec import, which hold the same
records (participants, banks, answers, stories, follow-ups) in the same
shape. Every problem becomes a finding with file, line and key; a key this
version does not know is refused, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from elicit.core.files.tables import TableReader
from elicit.core.files.toml_source import TomlDocument
from elicit.core.findings import FindingsError
from elicit.core.session.merge_questions import known_kinds
from elicit.core.session.models import (
    SHORT_TEXT,
    Answer,
    Assumption,
    BankRef,
    Decision,
    GlossaryTerm,
    InterviewAnswer,
    MergedInterview,
    OpenQuestion,
    Participant,
    Proposal,
    Round,
    Session,
    Settings,
    Story,
    StoryCopy,
    StoryVersion,
    text_limit,
    too_long,
)
from elicit.core.text import clip
from elicit.core.vocabulary import (
    ANSWER_STATUSES,
    MERGE_QUESTION_KINDS,
    OPEN_QUESTION_STATUSES,
    PRIORITIES,
    PROPOSAL_CHANGES,
    PROPOSAL_STATUSES,
    STORY_STATUSES,
)

META_KEYS = ("title", "client", "project", "interviewer", "started_at", "ended_at", "current", "speaker")
PARTICIPANT_KEYS = ("name", "role")
BANK_REF_KEYS = ("id", "version", "hash", "path")
ANSWER_KEYS = ("value", "notes", "status", "answered_at", "updated_at", "by", "interviews")
INTERVIEW_ANSWER_KEYS = ("interview", "by", "value", "notes", "status")
STORY_COPY_KEYS = ("interview", "id", "by", "quote", "priority")
MERGED_FROM_KEYS = ("id", "file", "title", "participants", "story_ids")
STORY_KEYS = (
    "id", "role", "want", "so_that", "priority", "acceptance", "quote", "by", "source", "tags", "status", "reason", "created_at", "updated_at",
    "history", "basis", "copies",
)  # fmt: skip
STORY_VERSION_KEYS = ("role", "want", "so_that", "priority", "acceptance", "quote", "status", "changed_at", "note")
CLOCK_KEYS = ("interview_seconds", "target_minutes", "section_seconds")
OPEN_QUESTION_KEYS = ("id", "text", "owner", "status", "resolution", "source", "by", "kind", "stories", "decisions")
OPEN_QUESTION_ALWAYS = tuple(name for name in OPEN_QUESTION_KEYS if name not in ("kind", "stories", "decisions"))
"""An open question's keys every listing of it has (a spec, ``list --json``): ``kind``, ``stories`` and ``decisions``
only a merge's questions have."""
DECISION_KEYS = ("id", "text", "rationale", "decided_by", "source", "stories", "by")
ROUND_KEYS = ("number", "at", "note", "stories", "decisions", "open_questions", "assumptions", "proposals", "glossary")
PROPOSAL_KEYS = ("id", "story", "change", "wording", "priority", "comment", "status", "reason", "round", "row", "acceptance")
ASSUMPTION_KEYS = ("id", "text", "rationale", "source", "by")
SETTINGS_KEYS = ("names_in_client_spec",)
GLOSSARY_KEYS = ("term", "definition", "source")


class RecordReader(TableReader):
    """Reads records from one parsed document, collecting findings in ``findings``.

    A subclass reads one kind of document: it names its schema and the words
    used for it in messages, and writes :meth:`session`.
    """

    newer_hint = "the file may come from a newer elicit: upgrade elicit to open it"
    """Said of an unknown key, after any did-you-mean."""
    schema = ""
    """The schema this reader reads, such as ``elicit.session/1``: a prefix ending in "/" and a version."""
    kind = ""
    """What the document is, in messages: ``session``."""
    starts_like = ""
    """How such a document starts, in messages: ``a session file``."""
    this = ""
    """How messages point at the document: ``this file``."""
    upgrade_to = ""
    """What a newer elicit would do with a newer document: ``open``."""

    @classmethod
    def read(cls, document: TomlDocument) -> Session:
        """The session in ``document``; raise FindingsError listing every problem."""
        reader = cls(document)
        session = reader.session()
        if reader.findings:
            raise FindingsError(reader.findings)
        return session

    always_short_enough = SHORT_TEXT  # the smaller of models.text_limit's two bounds

    def text_limit(self, name: str) -> int | None:
        """Session text is bounded (models.text_limit): past it, elicit refuses rather than crawl."""
        return text_limit(name)

    def session(self) -> Session:
        """Read the whole document."""
        raise NotImplementedError

    def schema_ok(self, schema: Any) -> bool:
        """Whether ``schema`` is the one this reader reads; if not, say why."""
        prefix, _, expected_version = self.schema.rpartition("/")
        prefix += "/"
        if schema is None:
            self.add(
                "missing-key",
                "schema",
                f"missing 'schema': this does not look like an elicit {self.kind}",
                f'{self.starts_like} starts with schema = "{self.schema}"',
            )
            return False
        if not isinstance(schema, str) or not schema.startswith(prefix):
            shown = clip(repr(schema), 60)
            self.add("bad-schema", "schema", f"schema {shown} is not an elicit {self.kind} schema", f'expected "{self.schema}"')
            return False
        version = schema[len(prefix) :]
        if version != expected_version:
            self.add(
                "newer-schema" if _later_version(version, expected_version) else "bad-schema",
                "schema",
                f"{self.this} uses schema '{clip(schema, 60)}', which this elicit cannot read",
                f"upgrade elicit to {self.upgrade_to} it" if _later_version(version, expected_version) else f'expected "{self.schema}"',
            )
            return False
        return True

    default_line = 1

    def unknown_key_hint(self, close: str | None, allowed: Sequence[str]) -> str:
        """A key this elicit does not know may come from a newer one."""
        return f"{close} Or {self.newer_hint}" if close else self.newer_hint

    # records

    def meta(self, data: dict[str, Any]) -> Session:
        """A session holding the metadata at the top of ``data``."""
        return Session(
            title=self.string(data, "title", ""),
            client=self.string(data, "client", ""),
            project=self.string(data, "project", ""),
            interviewer=self.string(data, "interviewer", ""),
            started_at=self.when(data, "started_at", ""),
            ended_at=self.when(data, "ended_at", ""),
            current=self.string(data, "current", ""),
            speaker=self.string(data, "speaker", ""),
        )

    def records(self, data: dict[str, Any], session: Session, bank_keys: tuple[str, ...] = BANK_REF_KEYS) -> None:
        """Fill in participants, banks, stories and the follow-ups (answers are read by the caller)."""
        session.participants = [
            Participant(self.string(t, "name", k, required=True), self.string(t, "role", k))
            for k, t in self.tables(data, "participants", PARTICIPANT_KEYS)
        ]
        session.banks = [
            BankRef(
                self.string(t, "id", k, required=True), self.string(t, "version", k), self.string(t, "hash", k), self.string(t, "path", k)
            )
            for k, t in self.tables(data, "banks", bank_keys)
        ]
        session.stories = [self.story(k, t) for k, t in self.tables(data, "stories", STORY_KEYS)]
        session.open_questions, session.decisions, session.assumptions = self.follow_ups(data)
        session.glossary = self.glossary(data)
        self.unique([s.id for s in session.stories], "stories", "story")

    def conflicts(self, data: dict[str, Any], session: Session) -> None:
        """A merged session's ``conflicts`` (the ids of the open questions about conflicts, read after them); a
        question among them that an older elicit wrote without its ``kind`` gets the kind its wording tells."""
        session.conflicts = self.strings(data, "conflicts", "")
        known_kinds(session)

    def follow_ups(self, data: dict[str, Any], parent: str = "") -> tuple[list[OpenQuestion], list[Decision], list[Assumption]]:
        """The open questions, decisions and assumptions in ``data`` (a session, or one of its rounds)."""
        open_questions = [
            OpenQuestion(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "owner", k),
                self.choice(t, "status", k, OPEN_QUESTION_STATUSES, "open"),
                self.string(t, "resolution", k),
                self.strings(t, "source", k),
                self.string(t, "by", k),
                self.choice(t, "kind", k, MERGE_QUESTION_KINDS, "") if "kind" in t else "",
                self.strings(t, "stories", k),
                self.strings(t, "decisions", k),
            )
            for k, t in self.tables(data, "open_questions", OPEN_QUESTION_KEYS, parent)
        ]
        decisions = [
            Decision(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.string(t, "decided_by", k),
                self.strings(t, "source", k),
                self.strings(t, "stories", k),
                self.string(t, "by", k),
            )
            for k, t in self.tables(data, "decisions", DECISION_KEYS, parent)
        ]
        assumptions = [
            Assumption(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.strings(t, "source", k),
                self.string(t, "by", k),
            )
            for k, t in self.tables(data, "assumptions", ASSUMPTION_KEYS, parent)
        ]
        return open_questions, decisions, assumptions

    def glossary(self, data: dict[str, Any], parent: str = "") -> list[GlossaryTerm]:
        """The glossary in ``data`` (a session, or one of its rounds)."""
        return [
            GlossaryTerm(self.string(t, "term", k, required=True), self.string(t, "definition", k), self.strings(t, "source", k))
            for k, t in self.tables(data, "glossary", GLOSSARY_KEYS, parent)
        ]

    def review(self, data: dict[str, Any], session: Session) -> None:
        """Fill in the review rounds and the client's proposals."""
        for key, table in self.tables(data, "rounds", ROUND_KEYS):
            number = self.whole(table, "number", key, minimum=1) or len(session.rounds) + 1
            frozen = Round(number, self.when(table, "at", key), self.string(table, "note", key))
            frozen.stories = [self.story(k, t) for k, t in self.tables(table, "stories", STORY_KEYS, key)]
            frozen.open_questions, frozen.decisions, frozen.assumptions = self.follow_ups(table, key)
            frozen.proposals = self.proposals(table, key)
            frozen.glossary = self.glossary(table, key)
            session.rounds.append(frozen)
        session.proposals = self.proposals(data)
        self.unique([item.id for item in session.proposals], "proposals", "proposal")

    def proposals(self, data: dict[str, Any], parent: str = "") -> list[Proposal]:
        """The client's proposals in ``data`` (a session, or one of its rounds)."""
        return [
            Proposal(
                id=self.string(t, "id", k, required=True),
                story=self.string(t, "story", k, required=True),
                change=self.choice(t, "change", k, PROPOSAL_CHANGES, "keep"),
                wording=self.string(t, "wording", k),
                priority=self.string(t, "priority", k),
                comment=self.string(t, "comment", k),
                status=self.choice(t, "status", k, PROPOSAL_STATUSES, "open"),
                reason=self.string(t, "reason", k),
                round=self.whole(t, "round", k, minimum=0) or 0,
                row=self.whole(t, "row", k, minimum=0) or 0,
                acceptance=self.strings(t, "acceptance", k),
            )
            for k, t in self.tables(data, "proposals", PROPOSAL_KEYS, parent)
        ]

    def answer(self, key: str, table: dict[str, Any]) -> Answer:
        """One answer (its keys are checked by the caller, which knows what else may sit beside them)."""
        return Answer(
            value=self.answer_value(table, key),
            notes=self.string(table, "notes", key),
            status=self.choice(table, "status", key, ANSWER_STATUSES, "answered"),
            answered_at=self.when(table, "answered_at", key),
            updated_at=self.when(table, "updated_at", key),
            by=self.string(table, "by", key),
            interviews=[
                InterviewAnswer(
                    interview=self.string(t, "interview", k, required=True),
                    by=self.string(t, "by", k),
                    value=self.answer_value(t, k),
                    notes=self.string(t, "notes", k),
                    status=self.choice(t, "status", k, ANSWER_STATUSES, "answered"),
                )
                for k, t in self.tables(table, "interviews", INTERVIEW_ANSWER_KEYS, key)
            ],
        )

    def answer_value(self, table: dict[str, Any], key: str) -> Any:
        """An answer's value: text, true/false, a number or a list of text, within the text limit (None otherwise)."""
        value = table.get("value")
        if value is not None and not answer_value_ok(value):
            self.add("wrong-type", f"{key}.value", "an answer value must be text, true/false, a number or a list of text", "fix the value")
            return None
        for text in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            problem = too_long("value", text)
            if problem:
                self.add("too-long", f"{key}.value", problem, "shorten it in the file")
                return None
        return value

    def merged_from(self, data: dict[str, Any]) -> list[MergedInterview]:
        """The interviews a merged session was made from."""
        return [
            MergedInterview(
                id=self.string(t, "id", k, required=True),
                file=self.string(t, "file", k),
                title=self.string(t, "title", k),
                participants=self.strings(t, "participants", k),
                story_ids=self.digests(t, "story_ids", k),
            )
            for k, t in self.tables(data, "merged_from", MERGED_FROM_KEYS)
        ]

    def story(self, key: str, table: dict[str, Any]) -> Story:
        """One story."""
        return Story(
            id=self.string(table, "id", key, required=True),
            role=self.string(table, "role", key),
            want=self.string(table, "want", key),
            so_that=self.string(table, "so_that", key),
            priority=self.choice(table, "priority", key, PRIORITIES, "should"),
            acceptance=self.strings(table, "acceptance", key),
            quote=self.string(table, "quote", key),
            source=self.strings(table, "source", key),
            tags=self.strings(table, "tags", key),
            status=self.choice(table, "status", key, STORY_STATUSES, "draft"),
            created_at=self.when(table, "created_at", key),
            updated_at=self.when(table, "updated_at", key),
            reason=self.string(table, "reason", key),
            history=[
                StoryVersion(
                    role=self.string(t, "role", k),
                    want=self.string(t, "want", k),
                    so_that=self.string(t, "so_that", k),
                    priority=self.choice(t, "priority", k, PRIORITIES, "should"),
                    acceptance=self.strings(t, "acceptance", k),
                    quote=self.string(t, "quote", k),
                    status=self.choice(t, "status", k, STORY_STATUSES, "draft"),
                    changed_at=self.when(t, "changed_at", k),
                    note=self.string(t, "note", k),
                )
                for k, t in self.tables(table, "history", STORY_VERSION_KEYS, key)
            ],
            basis=self.digests(table, "basis", key),
            by=self.string(table, "by", key),
            copies=[
                StoryCopy(
                    interview=self.string(t, "interview", k, required=True),
                    id=self.string(t, "id", k, required=True),
                    by=self.string(t, "by", k),
                    quote=self.string(t, "quote", k),
                    priority=self.choice(t, "priority", k, PRIORITIES, "should"),
                )
                for k, t in self.tables(table, "copies", STORY_COPY_KEYS, key)
            ],
        )

    def digests(self, table: dict[str, Any], name: str, key: str) -> dict[str, str]:
        """A table of strings by question id ({} when absent)."""
        if name not in table:
            return {}
        value = table[name]
        if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
            self.add("wrong-type", f"{key}.{name}", f"'{name}' must be a table of text by question id", f'write [{key.split("[")[0]}.{name}]')
            return {}
        return dict(value)

    def clock(self, data: dict[str, Any], session: Session) -> None:
        """Fill in the interview clock: seconds so far, the target length, seconds per section."""
        session.interview_seconds = self.whole(data, "interview_seconds", "", minimum=0) or 0
        session.target_minutes = self.whole(data, "target_minutes", "", minimum=1)
        raw = data.get("section_seconds", {})
        if not isinstance(raw, dict):
            self.add("wrong-type", "section_seconds", "'section_seconds' must be a table of seconds by section id", '[section_seconds]')
            return
        for section_id in raw:
            key = f'section_seconds."{section_id}"' if "." in section_id else f"section_seconds.{section_id}"
            value = self.whole(raw, section_id, "section_seconds", minimum=0, path=key)
            if value is not None:
                session.section_seconds[section_id] = value

    def settings(self, data: dict[str, Any], session: Session) -> None:
        """Fill in the session's settings (the ``[settings]`` table; defaults when absent)."""
        table = data.get("settings", {})
        if not isinstance(table, dict):
            self.add("wrong-type", "settings", "'settings' must be a table", "write [settings] and names_in_client_spec = false under it")
            return
        self.keys(table, SETTINGS_KEYS, "settings")
        session.settings = Settings(names_in_client_spec=self.boolean(table, "names_in_client_spec", "settings"))

    # fields

    def unique(self, ids: list[str], key: str, what: str) -> None:
        """Refuse an id used twice."""
        seen: set[str] = set()
        for index, item in enumerate(ids):
            if item and item in seen:
                self.add("duplicate-id", f"{key}[{index}].id", f"{what} id '{item}' is used twice", "give each one its own id")
            seen.add(item)


def answer_value_ok(value: Any) -> bool:
    """Whether a value can be an answer: text, true/false, a number or a list of text."""
    if isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _later_version(version: str, current: str) -> bool:
    """Whether a schema version (ASCII digits only) is later than ``current``, however many digits it has."""
    if not version.isascii() or not version.isdigit():
        return False
    number = version.lstrip("0") or "0"
    return (len(number), number) > (len(current), current)
