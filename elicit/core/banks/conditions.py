"""The ``when`` language: a tiny, safe expression language over answers.

Grammar (lowest precedence first)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand [("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in") operand]
    operand    := NAME | STRING | NUMBER | "true" | "false" | list
                | "answered(" NAME ")" | "unanswered(" NAME ")" | "(" expr ")"
    list       := "[" [literal ("," literal)* [","]] "]"

Names are question ids (``question``, ``section.question`` or
``bank.section.question``). The text is parsed here, never handed to
``eval``; length and nesting are bounded so hostile input fails cleanly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from elicit.core.text import clip

MAX_LENGTH = 2000
MAX_DEPTH = 32

_TOKEN = r"""
    (?P<space>\s+)
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*"|'[^']*')
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<punct>[()\[\],])
  | (?P<name>[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)*)
"""
_KEYWORDS = {"and", "or", "not", "in", "true", "false"}
_FUNCTIONS = {"answered", "unanswered"}
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@functools.cache
def _tokens() -> re.Pattern[str]:
    """The token pattern, compiled when a condition is first parsed (a bank read back from the cache parses none)."""
    return re.compile(_TOKEN, re.VERBOSE)


class ConditionError(ValueError):
    """A condition that does not parse; ``position`` is a 0-based offset."""

    def __init__(self, message: str, position: int | None = None):
        self.position = position
        where = f" at column {position + 1}" if position is not None else ""
        super().__init__(f"{message}{where}")


class _Node:
    """A node of a parsed condition, or a token: never changed once made (each is a frozen dataclass)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Token(_Node):
    """A lexical token: kind is name, keyword, string, number, op, punct or end."""

    kind: str
    text: str
    position: int
    value: Any = None


# AST nodes ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Name(_Node):
    """A question id named in a condition."""

    id: str
    position: int


@dataclass(frozen=True, slots=True)
class Literal(_Node):
    """A string, number, boolean or tuple of them."""

    value: Any


@dataclass(frozen=True, slots=True)
class Answered(_Node):
    """answered(name), or unanswered(name) when negate."""

    name: Name
    negate: bool


@dataclass(frozen=True, slots=True)
class Compare(_Node):
    """left OP right."""

    left: Any
    op: str
    right: Any


@dataclass(frozen=True, slots=True)
class Not(_Node):
    """not operand."""

    operand: Any


@dataclass(frozen=True, slots=True)
class BoolOp(_Node):
    """operands joined by "and" or "or"."""

    op: str
    operands: tuple[Any, ...]


# Tokenizer and parser ---------------------------------------------------------


def tokenize(text: str) -> list[Token]:
    """Split a condition into tokens, or raise :class:`ConditionError`."""
    tokens: list[Token] = []
    position = 0
    pattern = _tokens()
    while position < len(text):
        found = pattern.match(text, position)
        if not found:
            raise ConditionError(f"unexpected character {text[position]!r}", position)
        kind = found.lastgroup or ""
        chunk = found.group(0)
        if kind == "string":
            tokens.append(Token("string", chunk, position, _unquote(chunk)))
        elif kind == "number":
            number = float(chunk) if "." in chunk else int(chunk)
            tokens.append(Token("number", chunk, position, number))
        elif kind == "name" and chunk in _KEYWORDS:
            tokens.append(Token("keyword", chunk, position))
        elif kind != "space":
            tokens.append(Token(kind, chunk, position))
        position = found.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _unquote(chunk: str) -> str:
    body = chunk[1:-1]
    if chunk[0] == "'":
        return body
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, kind: str, text: str | None = None) -> Token | None:
        token = self.token
        if token.kind == kind and (text is None or token.text == text):
            self.index += 1
            return token
        return None

    def expect(self, kind: str, text: str, what: str) -> Token:
        token = self.accept(kind, text)
        if token is None:
            raise ConditionError(f"expected {what}, found {describe(self.token)}", self.token.position)
        return token

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(f"condition is nested more than {MAX_DEPTH} levels deep", self.token.position)

    def parse(self) -> Any:
        node = self.expr()
        if self.token.kind != "end":
            raise ConditionError(f"unexpected {describe(self.token)}", self.token.position)
        return node

    def expr(self) -> Any:
        return self.boolean("or", self.and_expr)

    def and_expr(self) -> Any:
        return self.boolean("and", self.not_expr)

    def boolean(self, op: str, operand: Callable[[], Any]) -> Any:
        operands = [operand()]
        while self.accept("keyword", op):
            operands.append(operand())
        return operands[0] if len(operands) == 1 else BoolOp(op, tuple(operands))

    def not_expr(self) -> Any:
        if self.accept("keyword", "not"):
            self.nested()
            node = Not(self.not_expr())
            self.depth -= 1
            return node
        return self.comparison()

    def comparison(self) -> Any:
        left = self.operand()
        token = self.token
        if token.kind == "op":
            self.advance()
            return Compare(left, token.text, self.operand())
        if self.accept("keyword", "in"):
            return Compare(left, "in", self.operand())
        if token.kind == "keyword" and token.text == "not":
            following = self.tokens[self.index + 1]
            if following.kind == "keyword" and following.text == "in":
                self.index += 2
                return Not(Compare(left, "in", self.operand()))
        return left

    def operand(self) -> Any:
        token = self.token
        if token.kind in ("string", "number"):
            self.advance()
            return Literal(token.value)
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return Literal(token.text == "true")
        if self.accept("punct", "("):
            self.nested()
            node = self.expr()
            self.expect("punct", ")", "')'")
            self.depth -= 1
            return node
        if self.accept("punct", "["):
            return self.list_literal()
        if token.kind == "name":
            self.advance()
            if token.text in _FUNCTIONS and self.accept("punct", "("):
                name = self.token
                if name.kind != "name":
                    raise ConditionError(f"{token.text}() takes a question id, found {describe(name)}", name.position)
                self.advance()
                self.expect("punct", ")", "')'")
                return Answered(Name(name.text, name.position), negate=token.text == "unanswered")
            return Name(token.text, token.position)
        raise ConditionError(f"expected a question id or a value, found {describe(token)}", token.position)

    def list_literal(self) -> Literal:
        values: list[Any] = []
        while not self.accept("punct", "]"):
            token = self.token
            if token.kind in ("string", "number"):
                values.append(token.value)
            elif token.kind == "keyword" and token.text in ("true", "false"):
                values.append(token.text == "true")
            else:
                raise ConditionError(f"lists hold only values, found {describe(token)}", token.position)
            self.advance()
            if not self.accept("punct", ","):
                self.expect("punct", "]", "',' or ']'")
                break
        return Literal(tuple(values))


def describe(token: Token) -> str:
    """How a token reads in an error message."""
    if token.kind == "end":
        return "end of condition"
    return f"'{clip(token.text, 30)}'"


# The public face ---------------------------------------------------------------

Lookup = Callable[[str], Any]
"""Answer value of a question id, or None when unanswered or not applicable."""


@dataclass(frozen=True, slots=True)
class Condition(_Node):
    """A parsed ``when`` expression."""

    source: str
    tree: Any

    def names(self) -> list[tuple[str, int]]:
        """Every question id the condition names, with its position."""
        return [(node.id, node.position) for node in _walk(self.tree) if isinstance(node, Name)]

    def literals_against(self) -> Iterator[tuple[Name, Any]]:
        """Pairs of (question name, literal value) compared in the condition."""
        for node in _walk(self.tree):
            if isinstance(node, Compare):
                for name, other in ((node.left, node.right), (node.right, node.left)):
                    if isinstance(name, Name) and isinstance(other, Literal):
                        yield name, other.value

    def resolved(self, resolve: Callable[[str], str]) -> Condition:
        """A copy whose names are mapped through ``resolve``."""
        return Condition(self.source, _rename(self.tree, resolve))

    def evaluate(self, lookup: Lookup) -> bool:
        """Whether the condition holds for the answers ``lookup`` gives."""
        return bool(_evaluate(self.tree, lookup))


def parse_condition(text: str) -> Condition:
    """Parse a ``when`` expression, or raise :class:`ConditionError`."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be a string")
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition is longer than {MAX_LENGTH} characters")
    if not text.strip():
        raise ConditionError("condition is empty")
    return Condition(text, _Parser(tokenize(text)).parse())


def _walk(node: Any) -> Iterator[Any]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Compare):
            stack += [current.right, current.left]
        elif isinstance(current, Not):
            stack.append(current.operand)
        elif isinstance(current, BoolOp):
            stack += reversed(current.operands)
        elif isinstance(current, Answered):
            stack.append(current.name)


def _rename(node: Any, resolve: Callable[[str], str]) -> Any:
    if isinstance(node, Name):
        return Name(resolve(node.id), node.position)
    if isinstance(node, Answered):
        return Answered(_rename(node.name, resolve), node.negate)
    if isinstance(node, Compare):
        return Compare(_rename(node.left, resolve), node.op, _rename(node.right, resolve))
    if isinstance(node, Not):
        return Not(_rename(node.operand, resolve))
    if isinstance(node, BoolOp):
        return BoolOp(node.op, tuple(_rename(operand, resolve) for operand in node.operands))
    return node


def _evaluate(node: Any, lookup: Lookup) -> Any:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        return lookup(node.id)
    if isinstance(node, Answered):
        return (lookup(node.name.id) is None) == node.negate
    if isinstance(node, Not):
        return not _truthy(_evaluate(node.operand, lookup))
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(_truthy(_evaluate(operand, lookup)) for operand in node.operands)
        return any(_truthy(_evaluate(operand, lookup)) for operand in node.operands)
    assert isinstance(node, Compare)
    return _compare(_evaluate(node.left, lookup), node.op, _evaluate(node.right, lookup))


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip() != ""
    return bool(value) if value is not None else False


def _same(answer: Any, literal: Any) -> bool:
    """Equality that lets yes/no answers match 'yes'/'no' strings."""
    if isinstance(answer, bool) != isinstance(literal, bool):
        pair = (answer, literal) if isinstance(answer, bool) else (literal, answer)
        if isinstance(pair[1], str) and pair[1].lower() in ("yes", "no"):
            return pair[0] == (pair[1].lower() == "yes")
        return False
    if isinstance(answer, str) and isinstance(literal, str):
        return answer.casefold() == literal.casefold()
    return bool(answer == literal)


def _compare(left: Any, op: str, right: Any) -> bool:
    if left is None or right is None:
        return False
    if op == "==":
        return _same(left, right)
    if op == "!=":
        return not _same(left, right)
    if op == "in":
        return _contains(right, left)
    numbers = (int, float)
    if isinstance(left, bool) or isinstance(right, bool):
        return False
    if not (isinstance(left, numbers) and isinstance(right, numbers)):
        return False
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]


def _contains(container: Any, item: Any) -> bool:
    if isinstance(container, str):
        if isinstance(item, (list, tuple)):
            return any(_contains(container, one) for one in item)
        return isinstance(item, str) and item.casefold() in container.casefold()
    if isinstance(container, (list, tuple)):
        if isinstance(item, (list, tuple)):
            return any(_contains(container, one) for one in item)
        return any(_same(one, item) for one in container)
    return False
