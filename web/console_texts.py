"""What the instructor's console shows in words rather than ids: inject titles, conditions, claims, facts.

The console's script gets the drill as its model holds it, with `{cast}`
placeholders in the inject titles and conditions as expressions. `console_texts`
gives it, for one exercise, each inject's title with the names the trainees'
views fill in (the cast of the exercise's seed, `sim.cast`), each condition of the drill in
words (`scenarios.condition_words`), and the texts of its false claims, facts
and key messages by id, so that an inject, an escalation or a statement's
analysis is shown by what it says. A Jinja global (registered by
`web.label_tables.init_app`), used by the console's template.
"""

from __future__ import annotations

from typing import Any

from scenarios.condition_words import condition_words
from scenarios.model import Scenario
from scenarios.texts import Text
from sim.cast import make_cast, render
from scenarios.item_names import claim_label, fact_label


def _conditions(scenario: Scenario) -> list[str]:
    return [s for s in [*(level.escalate_when for level in scenario.levels), *(i.when for i in scenario.injects)] if s]


def console_texts(scenario: Scenario, seed: int) -> dict[str, Any]:
    """{titles: {inject id: {vi, en}}, conditions: {source: {vi, en}}, claims / facts / messages: {id: {vi, en}}}.

    An inject's title is its title, else its question, else its text, with the cast's names filled in.
    """
    cast = make_cast(scenario, seed)
    titles: dict[str, Text] = {i.id: i.title or i.question or i.content for i in scenario.injects}
    return {
        "titles": {inject: render(title, cast) for inject, title in titles.items()},
        "conditions": {source: condition_words(source).as_dict() for source in _conditions(scenario)},
        "claims": {c.id: claim_label(scenario, c.id) for c in scenario.false_claims},
        "facts": {f.id: fact_label(scenario, f.id) for f in scenario.facts},
        "messages": {m.id: m.text.as_dict() for m in scenario.key_messages},
    }
