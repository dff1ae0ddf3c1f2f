"""A drill's condition in words, Vietnamese and English, for the pages and files people read.

`statements >= 1 and minute >= 120` reads "đã có ít nhất 1 phát ngôn và từ phút
120 (T+02:00)" / "at least 1 official statement and from minute 120
(T+02:00)". Each variable of `scenarios.conditions.VARIABLES` has its words; a
share (0-1) is shown as a percentage. A chained comparison (`1 < minute < 5`)
or one between two variables has no reading and is shown as written. A condition that does not parse is shown as written,
so a page never fails on one.
"""

from __future__ import annotations

import ast

from scenarios.conditions import ConditionError, parse_condition
from scenarios.texts import Text
from scenarios.figures import format_percent, format_t

COUNTS: dict[str, tuple[str, str, str]] = {
    "statements": ("đã có {amount} {n} phát ngôn", "official statement", "official statements"),
    "seen": ("{amount} {n} người đã thấy tin đồn", "person has seen the rumour", "people have seen the rumour"),
    "believers": ("{amount} {n} người tin tin đồn", "person believes the rumour", "people believe the rumour"),
    "unanswered_calls": (
        "{amount} {n} yêu cầu của báo chí quá hạn chưa được trả lời",
        "press request past its deadline unanswered",
        "press requests past their deadline unanswered",
    ),
    "critical_articles": ("đã có {amount} {n} bài báo phê phán", "critical article", "critical articles"),
}
NO_COUNT: dict[str, tuple[str, str]] = {  # `name == 0`
    "statements": ("chưa có phát ngôn chính thức nào", "no official statement yet"),
    "seen": ("chưa ai thấy tin đồn", "nobody has seen the rumour"),
    "believers": ("chưa ai tin tin đồn", "nobody believes the rumour"),
    "unanswered_calls": ("không có yêu cầu của báo chí nào quá hạn", "no press request past its deadline"),
    "critical_articles": ("chưa có bài báo phê phán nào", "no critical article yet"),
}
# a share (0-1) or the level: its noun
MEASURES: dict[str, tuple[str, str]] = {
    "level": ("cấp độ khủng hoảng", "the crisis level"),
    "belief": ("tỷ lệ dân số tin tin đồn", "the share of the population believing the rumour"),
    "seen_share": ("tỷ lệ dân số đã thấy tin đồn", "the share of the population who have seen the rumour"),
    "trust": ("niềm tin vào chính quyền", "trust in the authorities"),
    "media_pressure": ("sức ép của báo chí", "pressure from the press"),
}
COUNT_AMOUNT: dict[type, tuple[str, str]] = {
    ast.GtE: ("ít nhất", "at least"),
    ast.Gt: ("hơn", "more than"),
    ast.LtE: ("nhiều nhất", "at most"),
    ast.Lt: ("ít hơn", "fewer than"),
    ast.Eq: ("đúng", "exactly"),
    ast.NotEq: ("khác", "other than"),
}
MEASURE_AMOUNT: dict[type, tuple[str, str]] = {
    ast.GtE: ("từ", "at least"),
    ast.Gt: ("trên", "above"),
    ast.LtE: ("không quá", "at most"),
    ast.Lt: ("dưới", "below"),
    ast.Eq: ("bằng", "equal to"),
    ast.NotEq: ("khác", "other than"),
}
MINUTE: dict[type, tuple[str, str]] = {  # "from minute 120 (T+02:00)"
    ast.GtE: ("từ phút", "from minute"),
    ast.Gt: ("sau phút", "after minute"),
    ast.LtE: ("đến phút", "up to minute"),
    ast.Lt: ("trước phút", "before minute"),
    ast.Eq: ("đúng phút", "at minute"),
    ast.NotEq: ("khác phút", "other than minute"),
}
FLIPPED = {ast.Gt: ast.Lt, ast.Lt: ast.Gt, ast.GtE: ast.LtE, ast.LtE: ast.GtE, ast.Eq: ast.Eq, ast.NotEq: ast.NotEq}
SHARES = {"belief", "seen_share", "trust", "media_pressure"}


def _number(value: float) -> str:
    """A number the Vietnamese way: 20000 -> '20.000', 0.5 -> '0,5'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def _comparison(name: str, op: type, value: float) -> Text:
    if name == "minute":
        vi, en = MINUTE[op]
        return Text(f"{vi} {_number(value)} ({format_t(value)})", f"{en} {value:g} ({format_t(value)})")
    if name in MEASURES:
        (vi_noun, en_noun), (vi, en) = MEASURES[name], MEASURE_AMOUNT[op]
        shown = (
            (format_percent(value, "vi"), format_percent(value, "en")) if name in SHARES else (_number(value), f"{value:g}")
        )
        return Text(f"{vi_noun} {vi} {shown[0]}", f"{en_noun} {en} {shown[1]}")
    if op is ast.Eq and value == 0:
        return Text(*NO_COUNT[name])
    template, singular, plural = COUNTS[name]
    vi, en = COUNT_AMOUNT[op]
    return Text(template.format(amount=vi, n=_number(value)), f"{en} {value:g} {singular if value == 1 else plural}")


def _words(node: ast.AST) -> Text:
    if isinstance(node, ast.BoolOp):
        parts = [_grouped(value, node.op) for value in node.values]
        vi, en = (" và ", " and ") if isinstance(node.op, ast.And) else (" hoặc ", " or ")
        return Text(vi.join(p.vi for p in parts), en.join(p.en or "" for p in parts))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _words(node.operand)
        return Text(f"không phải ({inner.vi})", f"not ({inner.en})")
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], type(node.ops[0])
        if isinstance(right, ast.Name) and not isinstance(left, ast.Name):
            left, right, op = right, left, FLIPPED[op]
        value = ast.literal_eval(right) if not isinstance(right, ast.Name) else None
        if isinstance(left, ast.Name) and isinstance(value, (int, float)):
            return _comparison(left.id, op, value)
    raise ValueError("not in words")  # a chained or variable-to-variable comparison: the caller shows the source


def _grouped(node: ast.AST, op: ast.boolop) -> Text:
    """A part of an and/or in words, in brackets when it is an or inside an and (or the other way round)."""
    words = _words(node)
    if isinstance(node, ast.BoolOp) and type(node.op) is not type(op):
        return Text(f"({words.vi})", f"({words.en})")
    return words


def condition_words(source: str | None) -> Text:
    """The condition in words; the source as written when it does not parse or has no simple reading."""
    if not source:
        return Text("", "")
    try:
        return _words(parse_condition(source).tree.body)
    except (ConditionError, ValueError, RecursionError):
        return Text(source, source)
