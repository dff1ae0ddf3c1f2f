"""The base of every scoring rule: a name, a title, parameters with defaults, and `judge`.

A rule class declares `name` (its key in the registry), a bilingual `title`,
and `defaults` for its parameters. The rule set gives the parameters; unknown
ones, and values of the wrong type or outside `choices`, are errors raised when
the rule set is loaded, not when a play is scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from scenarios.texts import Text
from scoring.card import Evidence, Verdict
from scenarios.figures import format_t
from scoring.context import Event, ScoringContext

MAX_EVIDENCE = 12


class RuleParamError(ValueError):
    """A rule parameter the rule does not know or cannot use."""


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _same_type(value: Any, default: Any) -> bool:
    if default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


class Rule:
    """A scoring rule. Subclasses set `name`, `title`, `defaults` (and `choices`), and write `judge`."""

    name: ClassVar[str] = ""
    title: ClassVar[Text] = Text("", "")
    defaults: ClassVar[dict[str, Any]] = {}
    choices: ClassVar[dict[str, tuple[Any, ...]]] = {}

    def __init__(self, params: Mapping[str, Any] | None = None, id: str | None = None):
        params = dict(params or {})
        unknown = sorted(set(params) - set(self.defaults))
        if unknown:
            known = ", ".join(sorted(self.defaults)) or "none"
            raise RuleParamError(f"unknown parameter(s) {', '.join(map(repr, unknown))} (known: {known})")
        for key, value in params.items():
            default = self.defaults[key]
            if not _same_type(value, default):
                raise RuleParamError(f"parameter {key!r} must be {_type_name(default)}, got {value!r}")
            if key in self.choices and value not in self.choices[key]:
                raise RuleParamError(
                    f"parameter {key!r} must be one of {', '.join(map(str, self.choices[key]))}, got {value!r}"
                )
        self.params: dict[str, Any] = {**self.defaults, **params}
        self.id = id or self.name
        self.check()

    def check(self) -> None:
        """Check parameters together; raise RuleParamError. Override where needed."""

    def judge(self, context: ScoringContext) -> Verdict:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, params={self.params!r})"


def capped(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """At most MAX_EVIDENCE lines; the rest is counted in a last line (seq None, kind 'more')."""
    if len(evidence) <= MAX_EVIDENCE:
        return tuple(evidence)
    rest = len(evidence) - (MAX_EVIDENCE - 1)
    return (*evidence[: MAX_EVIDENCE - 1], Evidence(None, None, "more", f"+{rest} more / thêm {rest} mục"))


def share(good: int, total: int) -> float:
    """good/total, as the share of points earned (0 when there is nothing to count)."""
    return good / total if total else 0.0


def count_en(n: int, noun: str) -> str:
    """'the only statement' for 1, 'all 3 statements' for more (English)."""
    return f"the only {noun}" if n == 1 else f"all {n} {noun}s"


def of_en(part: int, whole: int, noun: str) -> str:
    """'1 of 3 statements was', '2 of 3 statements were' (English, with the verb)."""
    return f"{part} of {whole} {noun}{'' if whole == 1 else 's'} {'was' if part == 1 else 'were'}"


def join(items: list[str], lang: str) -> str:
    """'a', 'a và b', 'a, b và c' (or 'and' in English)."""
    word = " and " if lang == "en" else " và "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def items_at(context: ScoringContext, deliveries: list[Event], lang: str) -> str:
    """Delivered items by the names trainees saw, each with its time: "Báo Tin Nhanh (T+03:00) và …"."""
    return join([f"{context.inject_label(d.get('inject')).in_(lang)} ({format_t(d['t'])})" for d in deliveries], lang)
