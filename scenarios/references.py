"""Checks that a scenario's parts refer to each other correctly.

Runs after the shape is valid. Each problem is returned as a location (the path
of keys and list indexes into the file) and a message, so the loader can give
it a line number. All problems are collected, never only the first.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

from scenarios.conditions import ConditionError, parse_condition
from scenarios.model import LocalText, Scenario

Location = tuple[str | int, ...]
Problem = tuple[Location, str]


def _duplicates(items: list, kind: str, where: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield (where, index, "id"), f"duplicate {kind} id '{item.id}'"
        seen.add(item.id)


def _condition(source: str | None, location: Location) -> Iterator[Problem]:
    if source is None:
        return
    try:
        parse_condition(source)
    except ConditionError as exc:
        yield location, str(exc)


def _levels(scenario: Scenario, inject_ids: set[str]) -> Iterator[Problem]:
    numbers = [lv.level for lv in scenario.levels]
    start = min(numbers)
    for index, lv in enumerate(scenario.levels):
        if numbers.count(lv.level) > 1:
            yield ("levels", index, "level"), f"level {lv.level} is defined more than once"
        if lv.level == start and lv.escalate_when is not None:
            yield ("levels", index, "escalate_when"), "the starting level cannot have an escalation condition"
        if lv.level != start and lv.escalate_when is None:
            yield ("levels", index, "escalate_when"), f"level {lv.level} needs 'escalate_when'"
        yield from _condition(lv.escalate_when, ("levels", index, "escalate_when"))
        for r, inject_id in enumerate(lv.releases):
            if inject_id not in inject_ids:
                yield ("levels", index, "releases", r), f"unknown inject '{inject_id}'"
    expected = list(range(start, start + len(numbers)))
    if sorted(numbers) != expected:
        yield ("levels",), f"levels must be consecutive numbers, got {sorted(numbers)}"
    if scenario.level != max(numbers):
        yield ("level",), f"the drill's level {scenario.level} must be its highest level ({max(numbers)})"


def _placeholders(text: LocalText | None) -> Iterator[str]:
    if text is None:
        return
    for value in (text.vi, text.en):
        if value:
            for _, field, _, _ in string.Formatter().parse(value):
                if field is not None:
                    yield field


def _cast_references(scenario: Scenario) -> Iterator[Problem]:
    for index, inject in enumerate(scenario.injects):
        for key in ("sender", "title", "content", "question"):
            try:
                fields = list(_placeholders(getattr(inject, key)))
            except ValueError as exc:  # unbalanced braces: rendering the text would fail
                yield ("injects", index, key), f"bad placeholder: {exc} (write '{{{{' and '}}}}' for literal braces)"
                continue
            for field in fields:
                if field not in scenario.cast:
                    yield ("injects", index, key), f"'{{{field}}}' is not in the cast"


def _injects(scenario: Scenario, role_ids: set[str], claim_ids: set[str]) -> Iterator[Problem]:
    released = {inject_id for lv in scenario.levels for inject_id in lv.releases}
    for index, inject in enumerate(scenario.injects):
        for r, role in enumerate(inject.to):
            if role not in role_ids:
                yield ("injects", index, "to", r), f"unknown role '{role}'"
        for c, claim in enumerate(inject.claims):
            if claim not in claim_ids:
                yield ("injects", index, "claims", c), f"unknown false claim '{claim}'"
        if inject.at is not None and inject.at > scenario.duration:
            yield ("injects", index, "at"), f"minute {inject.at:g} is after the end of the drill ({scenario.duration:g})"
        yield from _condition(inject.when, ("injects", index, "when"))
        if inject.at is None and inject.when is None and inject.id not in released:
            yield ("injects", index), "an inject needs 'at', 'when', or a level that releases it"


def find_problems(scenario: Scenario) -> list[Problem]:
    """Every reference problem in a scenario whose shape is already valid."""
    role_ids = {r.id for r in scenario.roles}
    inject_ids = {i.id for i in scenario.injects}
    claim_ids = {c.id for c in scenario.false_claims}
    problems: list[Problem] = []
    problems += _duplicates(scenario.roles, "role", "roles")
    problems += _duplicates(scenario.injects, "inject", "injects")
    problems += _duplicates(scenario.facts, "fact", "facts")
    problems += _duplicates(scenario.false_claims, "false claim", "false_claims")
    problems += _duplicates(scenario.key_messages, "key message", "key_messages")
    if not scenario.trainee_roles:
        problems.append((("roles",), "at least one role must be played by trainees"))
    problems += _levels(scenario, inject_ids)
    problems += _injects(scenario, role_ids, claim_ids)
    problems += _cast_references(scenario)
    if scenario.incident.received_by not in inject_ids:
        problems.append((("incident", "received_by"), f"unknown inject '{scenario.incident.received_by}'"))
    if scenario.incident.occurred_at > scenario.duration:
        problems.append((("incident", "occurred_at"), "the incident occurs after the end of the drill"))
    return problems
