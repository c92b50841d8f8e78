"""The base of every screen that works on the open session."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import getters
from textual.screen import Screen

from elicit.core.session import Interview, OpenSession, Session, SessionService, Story

from ..bindings import key
from ..host import SessionApp

if TYPE_CHECKING:
    from .story_editor import StoryDraft

ResultType = TypeVar("ResultType")


class SessionScreen(Screen[ResultType]):
    """A screen on the open session: what it holds, how it is interviewed, and the one service that changes it."""

    app = getters.app(SessionApp)

    def __init__(self, opened: OpenSession) -> None:
        super().__init__()
        self.opened = opened
        self._revision_when_left: int | None = None

    def on_screen_suspend(self) -> None:
        self._revision_when_left = self.service.revision

    def changed_while_away(self) -> bool:
        """Whether the session changed while another screen was on top (False when first shown).

        Textual resumes a screen right after it is first mounted too; this
        keeps screens from drawing everything twice on the way in.
        """
        return self._revision_when_left is not None and self._revision_when_left != self.service.revision

    @property
    def session(self) -> Session:
        """The open session."""
        return self.opened.session

    @property
    def interview(self) -> Interview:
        """The session walked through its banks."""
        return self.opened.interview

    @property
    def service(self) -> SessionService:
        """The only way to change the session."""
        return self.opened.service

    def key_for(self, binding_id: str) -> str:
        """How the key of a binding reads on screen (the user's own key when ``keys.toml`` changed it)."""
        for active in self.active_bindings.values():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding)
        return self.app.get_key_display(key(binding_id).binding())

    def story_roles(self, *, hint: str = "", from_stories: bool = True) -> list[str]:
        """Roles to offer in the story editor: a question's hint, the participants' (whoever is speaking first: the
        editor suggests the first role), then the stories' (newest first)."""
        participants = sorted(self.session.participants, key=lambda p: p.name != self.session.speaker)
        roles = ([hint] if hint else []) + [p.role for p in participants if p.role]
        if from_stories:
            roles += [story.role for story in reversed(self.session.stories)]
        return roles

    def add_story(self, draft: StoryDraft) -> Story:
        """Add the story typed in the editor."""
        values = draft.values()
        return self.service.add_story(values.pop("role"), values.pop("want"), **values)
