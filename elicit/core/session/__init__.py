"""An interview session: its models, file format, storage and lock, the engine that walks it, the service that changes it."""

from elicit.core.session.recent import RecentSession, forget, recent, remember  # eager: the function shares its module's name

TYPE_CHECKING = False

if TYPE_CHECKING:
    from elicit.core.session.answers import (
        answer_text,
        check_range,
        format_answer,
        has_value,
        number_in_words,
        other_time_unit,
        parse_answer,
    )
    from elicit.core.session.clock import ClockReading, clock_reading, duration_text, over_budget_text
    from elicit.core.session.drafts import clear_draft, draft_path, read_draft, write_draft
    from elicit.core.session.engine import OPEN, Interview, answer_status, applicability_change, banks_for_session, locate_ref
    from elicit.core.session.file_format import SUFFIX, read_session
    from elicit.core.session.fragments import PreparedSave
    from elicit.core.session.models import (
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
        Session,
        Settings,
        Story,
        StoryCopy,
        StoryVersion,
        role_article,
        snapshot,
    )
    from elicit.core.session.opening import OpenSession, create_session, open_session
    from elicit.core.session.participants import (
        NO_PARTICIPANTS,
        find_participant,
        next_speaker,
        parse_participant,
        participant_label,
        person_named,
        speaker_name,
    )
    from elicit.core.session.progress import Progress
    from elicit.core.session.record_reader import (
        ASSUMPTION_KEYS,
        DECISION_KEYS,
        GLOSSARY_KEYS,
        OPEN_QUESTION_ALWAYS,
        OPEN_QUESTION_KEYS,
        SETTINGS_KEYS,
    )
    from elicit.core.session.service import SessionService
    from elicit.core.session.storage import SessionStore, existing_session_path, session_path
    from elicit.core.session.summary import SectionSummary, SessionSummary, budget_minutes, summarise
    from elicit.core.session.suspects import suspect_reason, suspect_stories
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "answers": ["answer_text", "check_range", "format_answer", "has_value", "number_in_words", "other_time_unit", "parse_answer"],
            "clock": ["ClockReading", "clock_reading", "duration_text", "over_budget_text"],
            "drafts": ["clear_draft", "draft_path", "read_draft", "write_draft"],
            "engine": ["OPEN", "Interview", "answer_status", "applicability_change", "banks_for_session", "locate_ref"],
            "file_format": ["SUFFIX", "read_session"],
            "fragments": ["PreparedSave"],
            "models": [
                "Answer",
                "Assumption",
                "BankRef",
                "Decision",
                "GlossaryTerm",
                "InterviewAnswer",
                "MergedInterview",
                "OpenQuestion",
                "Participant",
                "Proposal",
                "Session",
                "Settings",
                "Story",
                "StoryCopy",
                "StoryVersion",
                "role_article",
                "snapshot",
            ],
            "opening": ["OpenSession", "create_session", "open_session"],
            "participants": ["NO_PARTICIPANTS", "find_participant", "next_speaker", "parse_participant", "participant_label", "person_named", "speaker_name"],
            "progress": ["Progress"],
            "record_reader": ["ASSUMPTION_KEYS", "DECISION_KEYS", "GLOSSARY_KEYS", "OPEN_QUESTION_ALWAYS", "OPEN_QUESTION_KEYS", "SETTINGS_KEYS"],
            "service": ["SessionService"],
            "storage": ["SessionStore", "existing_session_path", "session_path"],
            "summary": ["SectionSummary", "SessionSummary", "budget_minutes", "summarise"],
            "suspects": ["suspect_reason", "suspect_stories"],
        },
    )

__all__ = [
    "ASSUMPTION_KEYS",
    "DECISION_KEYS",
    "GLOSSARY_KEYS",
    "NO_PARTICIPANTS",
    "OPEN_QUESTION_ALWAYS",
    "OPEN_QUESTION_KEYS",
    "OPEN",
    "SETTINGS_KEYS",
    "SUFFIX",
    "Answer",
    "Assumption",
    "BankRef",
    "ClockReading",
    "Decision",
    "GlossaryTerm",
    "InterviewAnswer",
    "MergedInterview",
    "Interview",
    "OpenQuestion",
    "OpenSession",
    "Participant",
    "PreparedSave",
    "Progress",
    "Proposal",
    "RecentSession",
    "SectionSummary",
    "Session",
    "SessionService",
    "SessionStore",
    "SessionSummary",
    "Settings",
    "Story",
    "StoryCopy",
    "StoryVersion",
    "answer_status",
    "applicability_change",
    "answer_text",
    "banks_for_session",
    "check_range",
    "clear_draft",
    "budget_minutes",
    "clock_reading",
    "duration_text",
    "over_budget_text",
    "create_session",
    "draft_path",
    "existing_session_path",
    "find_participant",
    "forget",
    "format_answer",
    "has_value",
    "locate_ref",
    "next_speaker",
    "number_in_words",
    "other_time_unit",
    "open_session",
    "parse_answer",
    "parse_participant",
    "participant_label",
    "person_named",
    "read_draft",
    "read_session",
    "recent",
    "remember",
    "role_article",
    "session_path",
    "snapshot",
    "speaker_name",
    "summarise",
    "suspect_reason",
    "suspect_stories",
    "write_draft",
]
