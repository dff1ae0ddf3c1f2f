"""A fact's and a false claim's name in both languages, as verdicts, reports and the console name them."""

from __future__ import annotations

from scenarios.model import Fact, Scenario


def fact_label(scenario: Scenario, fact_id: str) -> dict[str, str]:
    """A fact's human name in both languages: its `label`, else the start of its statement."""
    fact: Fact | None = scenario.fact(fact_id)
    if fact is None:
        return {"vi": "một thông tin không có trong kịch bản", "en": "a fact not in the scenario"}
    if fact.label is not None:
        return {"vi": fact.label.vi, "en": fact.label.en or fact.label.vi}
    return {"vi": _shorten(fact.statement.vi), "en": _shorten(fact.statement.en or fact.statement.vi)}


def claim_label(scenario: Scenario, claim_id: str) -> dict[str, str]:
    """A false claim's text in both languages (it names the rumour in a sentence)."""
    claim = next((c for c in scenario.false_claims if c.id == claim_id), None)
    if claim is None:
        return {"vi": "một tin sai không có trong kịch bản", "en": "a false claim not in the scenario"}
    return {"vi": claim.text.vi.rstrip("."), "en": (claim.text.en or claim.text.vi).rstrip(".")}


def _shorten(text: str, limit: int = 70) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
