"""What the actors the simulation plays say back, in Vietnamese and English: the texts are data (sim/replies.yaml).

`REPLIES` holds every text, read and checked once when this module is imported
(`sim.text_data`): a text the file lacks fails then, naming the file and the key.
Texts may use `{cast}` placeholders of the scenario; the monitoring, follow-up
and report texts have placeholders of their own (`{seen}`, `{question}`, `{answer}`…)
that the world fills (`scenarios.placeholders.fill`) before the cast is.
"""

from __future__ import annotations

from scenarios.bodies import bodies
from scenarios.model import Strict
from scenarios.placeholders import fill_text
from scenarios.texts import Text
from sim.text_data import load_texts


class Replies(Strict):
    """The actors' texts, one field per key of sim/replies.yaml."""

    # the answers to the procedure's steps
    acknowledged: Text
    no_information: Text
    corrected: Text
    correction_declined: Text
    removed: Text
    takedown_declined: Text
    police_handled: Text
    no_violation: Text
    # with placeholders of their own
    directive: Text  # {board}
    assigned: Text  # {head}, {speaker}, {board}, {basis}
    followup_title: Text
    followup: Text  # {question}
    report_title: Text
    report: Text  # {answer}
    monitoring: Text  # {seen}, {belief_pct}, {media_pressure}
    # the answers to the procedure parts (docs/PROCEDURE_PARTS.md)
    admin_removed: Text
    admin_nothing: Text
    site_removed: Text
    site_nothing: Text
    not_a_site: Text
    cause_own: Text
    cause_escalated: Text
    daily_received: Text
    notice_received: Text


REPLIES = load_texts("replies", Replies)


def directive(rule_set: str | None) -> Text:
    """The standing members' direction after a report up, naming the board of the drill's rule set."""
    board = bodies(rule_set).board
    return fill_text(REPLIES.directive, {"board": board})
