"""A fact's and a false claim's name in both languages, as verdicts, reports and the console name them."""

from __future__ import annotations

from scenarios.model import Fact, Scenario
from scenarios.texts import Text


def fact_label(scenario: Scenario, fact_id: str) -> dict[str, str | None]:
    """A fact's human name in both languages: its `label`, else the start of its statement."""
    fact: Fact | None = scenario.fact(fact_id)
    if fact is None:
        return Text("một thông tin không có trong kịch bản", "a fact not in the scenario").as_dict()
    if fact.label is not None:
        return fact.label.complete().as_dict()
    statement = fact.statement.complete()
    return Text(_shorten(statement.vi), _shorten(statement.en or statement.vi)).as_dict()


def claim_label(scenario: Scenario, claim_id: str) -> dict[str, str | None]:
    """A false claim's text in both languages (it names the rumour in a sentence)."""
    claim = next((c for c in scenario.false_claims if c.id == claim_id), None)
    if claim is None:
        return Text("một tin sai không có trong kịch bản", "a false claim not in the scenario").as_dict()
    text = claim.text.complete()
    return Text(text.vi.rstrip("."), (text.en or text.vi).rstrip(".")).as_dict()


def _shorten(text: str, limit: int = 70) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
