"""A score card as plain text for a terminal, in one language: Vietnamese or English.

Each rule shows ✓ (met), ✗ (not met), ○ (not yet due) or + (a bonus), its points
out of its maximum, the explanation, the source and the evidence lines with
scenario times (T+02:15). A card that is not complete (the drill ended early, or
is still running) says so under the total; so does a total scaled over the rules
that fell due.
"""

from __future__ import annotations

from scoring.card import ENDED_EARLY, NOT_DUE, RuleResult, ScoreCard
from scenarios.figures import format_t

LABELS = {
    "vi": {
        "card": "BẢNG ĐIỂM",
        "rule_set": "bộ quy tắc",
        "total": "Tổng điểm",
        "source": "Nguồn",
        "evidence": "Bằng chứng",
        "bonus": "điểm thưởng",
        "none": "(không có)",
        "failed": "Chưa đạt",
        "not_due": "chưa đến hạn",
        "not_due_list": "Chưa đến hạn",
        "scaled": "tính trên {due} điểm của các quy tắc đã đến hạn, quy về thang 100",
        ENDED_EARLY: "CHƯA HOÀN THÀNH: buổi diễn tập kết thúc sớm lúc {end}, trước thời lượng {duration}; "
        "không tính vào điểm trung bình",
        "running": "CHƯA HOÀN THÀNH: buổi diễn tập đang diễn ra",
    },
    "en": {
        "card": "SCORE CARD",
        "rule_set": "rule set",
        "total": "Total",
        "source": "Source",
        "evidence": "Evidence",
        "bonus": "bonus",
        "none": "(none)",
        "failed": "Not met",
        "not_due": "not yet due",
        "not_due_list": "Not yet due",
        "scaled": "over the {due} points of the rules that fell due, scaled to 100",
        ENDED_EARLY: "INCOMPLETE: the drill ended early at {end}, before its duration {duration}; kept out of averages",
        "running": "INCOMPLETE: the drill is still running",
    },
}


def _number(value: float, lang: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def _mark(result: RuleResult) -> str:
    if result.status == NOT_DUE:
        return "○"
    if result.bonus:
        return "+"
    return "✓" if result.passed else "✗"


def _rule_lines(result: RuleResult, lang: str) -> list[str]:
    words = LABELS[lang]
    title = result.title.in_(lang) or result.id
    bonus = f" ({words['bonus']})" if result.bonus else f" ({words['not_due']})" if result.status == NOT_DUE else ""
    points = f"{_number(result.points, lang)}/{_number(result.max_points, lang)}"
    lines = [f"{_mark(result)} {title}{bonus} [{result.id}] — {points}", f"    {result.explanation.in_(lang)}"]
    lines.append(f"    {words['source']}: {result.source.in_(lang)}")
    lines.append(f"    {words['evidence']}:" + ("" if result.evidence else f" {words['none']}"))
    for item in result.evidence:
        when = format_t(item.t) if item.t is not None else "      "
        seq = f"#{item.seq}" if item.seq is not None else "-"
        lines.append(f"      {when:>11}  {seq:>6}  {item.kind:<15} {item.summary}")
    return lines


def _state_lines(card: ScoreCard, lang: str) -> list[str]:
    """Under the total: whether it is scaled over the rules that fell due, and whether the card is incomplete."""
    words, lines = LABELS[lang], []
    if card.not_due:
        lines.append(words["scaled"].format(due=_number(card.due_points, lang)))
    if not card.complete:
        lines.append(words[card.completion].format(end=format_t(card.ended_at), duration=format_t(card.duration)))
    return lines


def render_card(card: ScoreCard, lang: str = "vi") -> str:
    """The card as text in `lang`, 'vi' or 'en'."""
    if lang not in LABELS:
        raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")
    words = LABELS[lang]
    lines = [
        f"{words['card']} — {card.scenario} — {words['rule_set']} {card.rule_set}",
        f"{words['total']}: {_number(card.total, lang)}/100"
        + (f" (+{_number(card.bonus, lang)} {words['bonus']})" if card.bonus else ""),
        *_state_lines(card, lang),
        "",
    ]
    for result in card.rules:
        lines.extend(_rule_lines(result, lang))
        lines.append("")
    if card.failures:
        lines.append(f"{words['failed']}: " + ", ".join(r.id for r in card.failures))
    if card.not_due:
        lines.append(f"{words['not_due_list']}: " + ", ".join(r.id for r in card.not_due))
    return "\n".join(lines).rstrip() + "\n"
