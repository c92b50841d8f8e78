"""The navigator: sections with their counts, questions with their status marks."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from elicit.core.banks import Question, Section
from elicit.core.session import Interview

from ...marks import STATUS_STYLES, status_mark
from ...messages import QuestionChosen
from ..common.cursor import MarkedTree


class Navigator(MarkedTree, Tree[str]):
    """Every question that applies, by section; Enter (or a click) goes to it.

    Only the current question's section is open; Enter on another section opens it to look inside.
    A section's questions become tree nodes when it is first opened (500 questions are 500 nodes
    to make and label, and only one section shows at a time); :meth:`lists` answers for them all.
    """

    BLURRED_MARK = "›"
    """The current question while the answer has focus (❯ once f9 brings the keys here; trial6 T6-9: shade only)."""

    DEFAULT_CSS = """
    Navigator {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Interview", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        self._interview: Interview | None = None
        self._question_nodes: dict[str, TreeNode[str]] = {}
        """The questions whose section has been opened, by id."""
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._unbuilt: dict[str, list[Question]] = {}
        """The questions of each section not opened yet, by section id: they get nodes when it opens."""
        self._section_of: dict[str, str] = {}
        self._shown_ids: tuple[str, ...] = ()

    def show(self, interview: Interview, current: str | None) -> None:
        """Rebuild if the questions that apply have changed; refresh every mark otherwise."""
        self._interview = interview
        applicable = interview.applicable()
        ids = tuple(question.id for question in applicable)
        if ids != self._shown_ids:
            self._rebuild(interview, applicable)
        else:
            for section in interview.sections:
                self.update_section(interview, section)
            for question in applicable:
                self.update_question(interview, question)
        self.point_at(current)

    def _rebuild(self, interview: Interview, applicable: list[Question]) -> None:
        self.clear()
        self._question_nodes.clear()
        self._section_nodes.clear()
        self._unbuilt.clear()
        self._section_of.clear()
        by_section: dict[str, list[Question]] = {}
        for question in applicable:
            by_section.setdefault(question.section_id, []).append(question)
            self._section_of[question.id] = question.section_id
        for section in interview.sections:
            questions = by_section.get(section.id)
            if not questions:
                continue
            self._section_nodes[section.id] = self.root.add(self._section_label(interview, section), data=section.id)
            self._unbuilt[section.id] = questions
        self._shown_ids = tuple(question.id for question in applicable)

    def _make_leaves(self, section_id: str) -> None:
        """Give a section's questions their nodes, if they have none yet."""
        questions = self._unbuilt.pop(section_id, None)
        node = self._section_nodes.get(section_id)
        if questions is None or node is None or self._interview is None:
            return
        for question in questions:
            self._question_nodes[question.id] = node.add_leaf(self._question_label(self._interview, question), data=question.id)

    def lists(self, question_id: str) -> bool:
        """Whether the navigator lists this question (it applies), whether or not its section was opened."""
        return question_id in self._section_of

    def node_of(self, question_id: str) -> TreeNode[str] | None:
        """The node of a question the navigator lists (made now if its section was never opened)."""
        self._make_leaves(self._section_of.get(question_id, ""))
        return self._question_nodes.get(question_id)

    def update_question(self, interview: Interview, question: Question) -> None:
        """Refresh one question's mark (a question whose section was never opened gets it when it opens)."""
        _relabel(self._question_nodes.get(question.id), lambda: self._question_label(interview, question))

    def update_section(self, interview: Interview, section: Section) -> None:
        """Refresh a section's counts."""
        _relabel(self._section_nodes.get(section.id), lambda: self._section_label(interview, section))

    def point_at(self, question_id: str | None) -> None:
        """Put the cursor on a question; its section is the only one open."""
        node = self.node_of(question_id or "")
        if node is None:
            return
        section = node.parent
        for other in self._section_nodes.values():
            if other is not section and other.is_expanded:
                other.collapse()
        if section is not None and not section.is_expanded:
            section.expand()
        _ = self.last_line  # reading it lays the lines out now, so each node knows its line and the cursor lands at once
        self.move_cursor(node)
        if section is not None and section.line >= 0 and node.line - section.line < self.size.height - 1:
            # Keep the section's title in view above its question when both fit.
            self.scroll_to_line(section.line, animate=False)
            self.scroll_to_node(node, animate=False)

    @staticmethod
    def _question_label(interview: Interview, question: Question) -> Text:
        status = interview.status(question.id)
        label = Text.assemble((status_mark(status), STATUS_STYLES[status]), " ", question.prompt)
        if question.required and status in ("open", "revisit"):
            label.append(" *", "bold red")
        return label

    @staticmethod
    def _section_label(interview: Interview, section: Section) -> Text:
        progress = interview.progress(section)
        style = "bold green" if progress.total and progress.done == progress.total and not progress.revisit else "bold"
        label = Text.assemble((section.title, style), " ", (f"{progress.done}/{progress.total}", "dim"))
        if progress.revisit:
            label.append(f" !{progress.revisit}", "yellow")
        return label

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data in self._question_nodes:
            self.post_message(QuestionChosen(event.node.data))
        else:
            self._make_leaves(event.node.data or "")
            event.node.toggle()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        """A section opened by a key or a click (space, shift+space, the arrow) gets its questions now."""
        event.stop()
        self._make_leaves(event.node.data or "")


def _relabel(node: TreeNode[str] | None, label: Callable[[], Text]) -> None:
    """Give a shown node a new label, only when it changed (the tree repaints on every set)."""
    if node is not None:
        new = label()
        if new != node.label:
            node.set_label(new)
