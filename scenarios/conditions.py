"""Conditions in scenario files: small boolean expressions over the world's variables.

A condition such as ``belief > 0.05 and minute >= 60`` is parsed with Python's
own `ast` module and accepted only if it uses comparisons, ``and``/``or``/``not``,
numbers and the variables listed in `VARIABLES`. Nothing is ever passed to
`eval`: a compiled `Condition` walks the checked tree itself. Numbers are
finite and within ±`MAX_NUMBER`, so no infinity or NaN reaches the world.
"""

from __future__ import annotations

import ast
import itertools
import operator
from collections.abc import Mapping
from dataclasses import dataclass

from scenarios.messages import N_, MessageError

VARIABLES: dict[str, str] = {
    "minute": "scenario minutes since the start",
    "level": "current crisis level",
    "seen": "people who have seen the rumour",
    "believers": "people who believe the rumour",
    "belief": "share of the population that believes the rumour (0-1)",
    "seen_share": "share of the population that has seen the rumour (0-1)",
    "trust": "trust in the authorities (0-1)",
    "media_pressure": "pressure from the press (0-1)",
    "statements": "official statements issued so far",
    "unanswered_calls": "press calls whose window passed without an answer",
    "critical_articles": "critical articles published so far",
}

_COMPARE = {
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


TOO_DEEP = N_("điều kiện lồng nhau quá sâu")
MAX_NUMBER = 10**9  # every variable stays far below: populations up to 2e8, minutes up to two weeks


class ConditionError(MessageError):
    """A condition that is not valid; the message says why."""


def _check(node: ast.AST) -> None:
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        _check(node.operand)
    elif isinstance(node, ast.Compare):
        if not all(type(op) in _COMPARE for op in node.ops):
            raise ConditionError(N_("chỉ dùng các phép so sánh > >= < <= == !="))
        for part in (node.left, *node.comparators):
            _check(part)
    elif isinstance(node, ast.Name):
        if node.id not in VARIABLES:
            known = ", ".join(VARIABLES)
            raise ConditionError(N_("biến '%(name)s' không tồn tại (các biến: %(known)s)"), name=node.id, known=known)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ConditionError(N_("chỉ được so sánh với số, không với %(value)s"), value=repr(node.value))

    else:
        raise ConditionError(N_("'%(part)s' không được dùng trong điều kiện"), part=ast.unparse(node))


def _evaluate(node: ast.AST, values: Mapping[str, float]) -> float | bool:
    if isinstance(node, ast.BoolOp):
        results = (_evaluate(v, values) for v in node.values)
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return (not operand) if isinstance(node.op, ast.Not) else -operand
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, values)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _evaluate(right_node, values)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name):
        return values[node.id]
    return node.value  # type: ignore[attr-defined]  # an ast.Constant: _check allows nothing else here


@dataclass(frozen=True)
class Condition:
    """A checked condition that can be evaluated against the world's variables."""

    source: str
    tree: ast.Expression

    def holds(self, values: Mapping[str, float]) -> bool:
        return bool(_evaluate(self.tree.body, values))

    def compared_with(self, variable: str) -> set[float]:
        """The numbers `variable` is compared with directly, e.g. {2} for 'level >= 2 and belief > 0.1'."""
        numbers: set[float] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
                for left, right in itertools.pairwise(operands):
                    for name, constant in ((left, right), (right, left)):
                        if (
                            isinstance(name, ast.Name)
                            and name.id == variable
                            and isinstance(constant, ast.Constant)
                            and isinstance(constant.value, (int, float))
                        ):
                            numbers.add(constant.value)
        return numbers


def parse_condition(source: str) -> Condition:
    """Parse and check a condition; raise `ConditionError` saying what is wrong."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError) as exc:  # ValueError: null bytes, on some Python versions
        raise ConditionError(
            N_("không đọc được điều kiện '%(source)s': %(error)s"), source=source, error=str(getattr(exc, "msg", exc))
        ) from None
    except RecursionError:
        raise ConditionError(TOO_DEEP) from None
    try:
        _check(tree.body)
    except RecursionError:
        raise ConditionError(TOO_DEEP) from None
    _check_numbers(tree, source.strip())
    return Condition(source=source, tree=tree)


def _check_numbers(tree: ast.Expression, text: str) -> None:
    """Every number finite and within ±MAX_NUMBER (`1e999` is infinity to Python)."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, (int, float))  # as _check made sure
            and not abs(node.value) <= MAX_NUMBER
        ):  # NaN compares false too
            raise ConditionError(
                N_("số %(number)s nằm ngoài giới hạn: điều kiện chỉ so sánh với các số từ -%(most)d đến %(most)d"),
                number=ast.get_source_segment(text, node),
                most=MAX_NUMBER,
            )
