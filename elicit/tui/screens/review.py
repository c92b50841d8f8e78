"""Review: the client's proposals one by one, each accepted or declined with a reason.

The proposals come from a review sheet the client filled (``elicit review
import``). For each: the story as it stands, what the client proposes, and the
difference word by word. Accepting and declining go through the core's
``accept``/``decline`` (the same the CLI calls), so the session service changes
the session and the autosave writes it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from elicit.core.findings import ElicitError
from elicit.core.review import accept, decline, needs_an_edit, new_story_values, proposed_values, word_changes
from elicit.core.session import OpenSession, Proposal, Story, suspect_reason, suspect_stories

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import STORY_STATUS_STYLES, SUSPECT_MARK, priority_label, shorten
from ..widgets.common.keybar import KeyBar
from .ask_text import AskText
from .session_screen import SessionScreen

CHANGE_WORDS = {"keep": "keep it as it is", "change": "change it", "remove": "remove it", "add": "add a story"}
FIELD_LABELS = {"role": "role", "want": "goal", "so_that": "benefit", "priority": "priority"}
OUTCOME_STYLES = {"open": "$text-muted", "accepted": "$success", "declined": "$warning"}


def marked_words(old: str, new: str) -> tuple[str, str]:
    """``old`` with the words taken out struck through, ``new`` with the words put in underlined (Content markup)."""
    before: list[str] = []
    after: list[str] = []
    for kind, words in word_changes(old, new):
        text = escape(words)
        if kind == "same":
            before.append(text)
            after.append(text)
        elif kind == "removed":
            before.append(f"[$error strike]{text}[/]")
        else:
            after.append(f"[$success bold underline]{text}[/]")
    return " ".join(before) or "[$text-muted](none)[/]", " ".join(after) or "[$text-muted](none)[/]"


def review_order(proposals: list[Proposal]) -> list[str]:
    """Every proposal in the order it was taken in, settled ones in their place: "proposal 3 of 6" names the same
    proposal each time the screen opens, whatever was answered since (trial7 T7-15: open ones first renumbered them)."""
    return [item.id for item in proposals]


def first_open(proposals: list[Proposal], order: list[str]) -> int:
    """Where the review starts: the first open proposal in ``order`` (the first of all when none is open)."""
    statuses = {item.id: item.status for item in proposals}
    return next((index for index, proposal_id in enumerate(order) if statuses.get(proposal_id) == "open"), 0)


class ReviewScreen(SessionScreen[None]):
    """One proposal at a time, starting at the first open one."""

    CSS_PATH = "review.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("review")

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.order = review_order(self.session.proposals)
        self.index = first_open(self.session.proposals, self.order)

    def compose(self) -> ComposeResult:
        yield Static(id="review-position")
        with VerticalScroll(id="review-body"):
            yield Static(id="review-story")
            yield Static(id="review-proposal")
            yield Static(id="review-difference")
        yield Static(id="review-tally")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def on_screen_resume(self) -> None:
        if self.changed_while_away():
            self.show()

    def proposal(self) -> Proposal | None:
        """The proposal on screen."""
        if not self.order:
            return None
        for item in self.session.proposals:
            if item.id == self.order[self.index]:
                return item
        return None

    def show(self) -> None:
        """Show the proposal, its story and the difference, and the tally."""
        proposal = self.proposal()
        story = self.session.story(proposal.story) if proposal is not None else None
        views = (self.query_one("#review-story", Static), self.query_one("#review-proposal", Static), self.query_one("#review-difference", Static))
        if proposal is None:
            self.query_one("#review-position", Static).update(Content.from_markup("[b]Review[/b]  no proposals"))
            path = escape(self.opened.path.name)
            views[0].update(
                Content.from_markup(
                    "No proposals from the client yet.\n\nSend a review sheet ([b]elicit review sheet "
                    f"{path} -o review.xlsx[/b]), then take the filled sheet back with [b]elicit review import {path} FILE[/b]."
                )
            )
            views[1].update("")
            views[2].update("")
        else:
            self._show_position(proposal)
            views[0].update(Content.from_markup("\n".join(self._story_lines(proposal, story))))
            views[1].update(Content.from_markup("\n".join(self._proposal_lines(proposal))))
            views[2].update(Content.from_markup("\n".join(self._difference_lines(proposal, story))))
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)
        counts = {status: sum(1 for item in self.session.proposals if item.status == status) for status in ("open", "accepted", "declined")}
        self.query_one("#review-tally", Static).update(f"open {counts['open']} · accepted {counts['accepted']} · declined {counts['declined']}")

    def _show_position(self, proposal: Proposal) -> None:
        style = OUTCOME_STYLES.get(proposal.status, "")
        row = f" · sheet row {proposal.row}" if proposal.row else ""
        about = f"on [b]{escape(proposal.story)}[/b]" if proposal.story else "[b]a new story[/b]"
        self.query_one("#review-position", Static).update(
            Content.from_markup(
                f"[b]Review[/b]  proposal {self.index + 1} of {len(self.order)} · [b]{escape(proposal.id)}[/b] "
                f"{about}{row} · [{style}]{proposal.status}[/]"
            )
        )

    def _story_lines(self, proposal: Proposal, story: Story | None) -> list[str]:
        if proposal.change == "add" and story is None:
            return ["[b $accent]The story now[/]  none: the client wrote a new story on the sheet"]
        if story is None:
            return [f"[$error]{escape(proposal.story)} is no longer in the session.[/]"]
        status_style = STORY_STATUS_STYLES.get(story.status, "$text-muted")
        lines = [
            f"[b $accent]The story now[/]  {priority_label(story.priority)} · [{status_style}]{story.status}[/]",
            f"  {escape(story.sentence())}.",
        ]
        lines += [f"  [$text-muted]•[/] {escape(criterion)}" for criterion in story.acceptance]
        changed = suspect_stories(self.session).get(story.id)
        if changed:
            lines.append(f"  [$warning]{SUSPECT_MARK} suspect: {escape(suspect_reason(story))}[/]")
            lines += [f"    [$text-muted]{escape(self._question_text(question_id))}[/]" for question_id in changed]
        return lines

    def _question_text(self, question_id: str) -> str:
        """A changed answer's question as the consultant asked it (its id only when no bank has it any more)."""
        question = self.interview.question(question_id)
        return f"“{shorten(question.prompt, 70)}”" if question is not None else question_id

    def _proposal_lines(self, proposal: Proposal) -> list[str]:
        lines = ["", f"[b $accent]The client proposes[/]  [b]{CHANGE_WORDS.get(proposal.change, proposal.change)}[/]"]
        if proposal.wording:
            lines.append(f"  wording: “{escape(proposal.wording)}”")
        if proposal.priority:
            lines.append(f"  priority: {priority_label(proposal.priority)}")
        if proposal.acceptance:
            lines.append("  criteria:")
            lines += [f"    [$text-muted]•[/] {escape(criterion)}" for criterion in proposal.acceptance]
        if proposal.comment:
            lines.append(f"  comment: “{escape(proposal.comment)}”")
        return lines

    def _difference_lines(self, proposal: Proposal, story: Story | None) -> list[str]:
        if proposal.status == "accepted":
            return ["", "[$success]Accepted.[/]" + (f" The story now reads as above ({story.status})." if story is not None else "")]
        if proposal.change == "add":
            return self._new_story_lines(proposal)
        if proposal.status == "declined":
            return ["", "[$warning]Declined[/], because:", f"  {escape(proposal.reason)}"]
        if story is None:
            return []
        lines = ["", "[b $accent]The difference[/]"]
        if proposal.change == "remove":
            return [*lines, "  the story would be rejected" + (", with the client's comment as the reason" if proposal.comment else "")]
        values = proposed_values(story, proposal) if proposal.change == "change" else {}
        if needs_an_edit(self.session, proposal):
            return [
                *lines,
                "  [b $warning]Nothing elicit can apply by itself:[/] the comment says what to change.",
                "  Edit the story first (esc, ctrl+l), then accept; or decline with a reason.",
            ]
        if not values:
            return [*lines, "  none: accepting confirms the story as it stands" if proposal.change != "change" else "  none: accepting marks the story changed as it stands now"]
        for name, value in values.items():
            label = FIELD_LABELS.get(name, name)
            if name == "priority":
                lines.append(f"  {label}: {priority_label(story.priority)} → [$success bold]{priority_label(str(value))}[/]")
                continue
            before, after = marked_words(str(getattr(story, name)), str(value))
            lines += [f"  {label}", f"    was  {before}", f"    now  {after}"]
        return lines

    def _new_story_lines(self, proposal: Proposal) -> list[str]:
        """What accepting an add would make: the client's text as the story parser reads it, with the next id."""
        if proposal.status == "declined":
            return ["", "[$warning]Declined[/], because:", f"  {escape(proposal.reason)}"]
        role, want, values = new_story_values(proposal)
        story = Story("", role, want, str(values.get("so_that", "")), str(values.get("priority") or "should"))
        lines = ["", "[b $accent]Accepting adds it[/]  as the next story, confirmed (the client wrote it)"]
        lines.append(f"  {escape(story.sentence())}." if role else "  [$warning]not read as a story:[/] kept whole as its goal, tagged unparsed")
        return lines

    # moving

    def action_step(self, delta: int) -> None:
        if self.order:
            self.index = max(0, min(len(self.order) - 1, self.index + delta))
            self.show()

    def _advance(self) -> None:
        """To the next open proposal after this one (or the first open one before it)."""
        statuses = {item.id: item.status for item in self.session.proposals}
        ahead = self.order[self.index + 1 :] + self.order[: self.index]
        following = next((proposal_id for proposal_id in ahead if statuses.get(proposal_id) == "open"), None)
        if following is None:
            self.notify("Every proposal is answered.", timeout=3)
        else:
            self.index = self.order.index(following)
        self.show()

    # answering

    def _open_proposal(self) -> Proposal | None:
        proposal = self.proposal()
        if proposal is None:
            return None
        if proposal.status != "open":
            self.notify(f"{proposal.id} is already {proposal.status}.", severity="warning", timeout=3)
            return None
        return proposal

    def action_accept(self) -> None:
        proposal = self._open_proposal()
        if proposal is None:
            return
        try:
            accept(self.service, proposal.id)
        except ElicitError as error:
            self.notify(str(error), severity="error", timeout=6)
            return
        story = self.session.story(proposal.story)
        if proposal.change == "add":
            self.notify(f"{proposal.id} accepted: the client's story is added as {proposal.story}.", timeout=3)
        else:
            self.notify(f"{proposal.id} accepted: {proposal.story} is {story.status if story else 'gone'}.", timeout=3)
        self._advance()

    def action_decline(self) -> None:
        proposal = self._open_proposal()
        if proposal is None:
            return
        proposal_id = proposal.id

        def answered(reason: str | None) -> None:
            if reason is None:
                return
            try:
                decline(self.service, proposal_id, reason)
            except ElicitError as error:
                self.notify(str(error), severity="error", timeout=6)
                return
            self.notify(f"{proposal_id} declined: recorded as {self.session.decisions[-1].id}.", timeout=3)
            self._advance()

        if proposal.change == "add":
            question = "Why not add the client's story? The client reads this reason in the next spec."
        else:
            question = f"Why keep {proposal.story} as it is? The client reads this reason in the next spec."
        self.app.push_screen(AskText(question, placeholder="the reason, for the client"), answered)

    def action_back(self) -> None:
        self.dismiss()
