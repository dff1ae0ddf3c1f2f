"""Why each step of the procedure is due: the reasons the hints of self-practice show, Vietnamese and English.

`sim.bot_policy` gives every step it plans one of these reasons. The texts are data
(sim/hints.yaml, read and checked once by `sim.text_data`); this module picks the
values they name: the bodies of the drill's rule set (`scenarios.bodies`), an item by
its title and an agency by its name, never by an id, following the four steps of
Quy định 887-QĐ/TU (PROCEDURE.md §2): step 1 reports to the standing members of the
Party committee (Thường trực Tỉnh ủy) through the propaganda board; one focal point
means one speaker, whatever the channel.
"""

from __future__ import annotations

from scenarios.labels import AGENCIES, role_label
from scenarios.bodies import bodies
from scenarios.model import Scenario, Strict
from scenarios.placeholders import fill_text
from scenarios.texts import Text
from sim.bot_view import Event
from sim.text_data import ByRuleSet, load_texts


class Hints(Strict):
    """The hints' texts, one field per key of sim/hints.yaml."""

    initial_from: ByRuleSet[Text]  # the 24 hours of the initial information run from a different moment in each rule set
    item_just_received: Text
    quoted: Text  # {name}
    flag: Text
    report_to_board: Text  # {standing}, {board}
    report_to_standing: Text  # {standing}
    convene: Text
    assign_verification: Text  # {agency}
    verify: Text  # {agency}
    choose_form: Text
    decree_articles: Text  # {articles}, {decree}
    propose_spokesperson: Text  # {law}
    assign_spokesperson: Text  # {law}
    direct_press: Text
    initial_information: Text  # {since}
    update: Text
    answer_press: Text  # {item}
    takedown: Text  # {item}
    refer_police: Text  # {item}
    correction: Text  # {item}
    report_results: Text  # {standing}
    monitor: Text
    followup: Text
    stray_statement: Text
    contact_admin: Text  # {item}
    request_site_removal: Text  # {item}
    resolve_cause: Text
    daily_report: Text


HINTS = load_texts("hints", Hints)


def item_name(item: Event) -> Text:
    """An item as its title (with its cast names filled, as the trainee saw it), else its sender, quoted."""
    for key in ("title", "sender"):
        value = item.get(key) or {}
        if value.get("vi"):
            return fill_text(HINTS.quoted, {"name": Text.from_dict(value)})
    return HINTS.item_just_received


def agency_name(scenario: Scenario, agency: str) -> Text:
    """An agency that verifies facts, by the name the debrief gives it, else the drill's role label, else its id."""
    return AGENCIES.get(agency) or role_label(scenario, agency)


def flag() -> Text:
    return HINTS.flag


def report_to_board(scenario: Scenario) -> Text:
    names = bodies(scenario.rule_set)
    return fill_text(HINTS.report_to_board, {"standing": names.standing, "board": names.board})


def report_to_standing(scenario: Scenario) -> Text:
    return fill_text(HINTS.report_to_standing, {"standing": bodies(scenario.rule_set).standing})


def convene() -> Text:
    return HINTS.convene


def assign_verification(scenario: Scenario, agency: str) -> Text:
    return fill_text(HINTS.assign_verification, {"agency": agency_name(scenario, agency)})


def verify(scenario: Scenario, agency: str) -> Text:
    return fill_text(HINTS.verify, {"agency": agency_name(scenario, agency)})


def choose_form() -> Text:
    return HINTS.choose_form


def _decree(scenario: Scenario, articles: str) -> Text:
    """The decree on speaking to the press of the rule set, with the articles where the domain's texts give them
    (Decree 244/2026); the article numbers of Decree 09/2017 are not in /work/shared/domain/law, so none is given."""
    decree = bodies(scenario.rule_set).decree
    if scenario.rule_set == "vn-2021":
        return decree
    return fill_text(HINTS.decree_articles, {"articles": articles, "decree": decree})


def propose_spokesperson(scenario: Scenario) -> Text:
    return fill_text(HINTS.propose_spokesperson, {"law": _decree(scenario, "3.5, 4.1")})


def assign_spokesperson(scenario: Scenario) -> Text:
    return fill_text(HINTS.assign_spokesperson, {"law": _decree(scenario, "3.5, 4.1")})


def direct_press() -> Text:
    return HINTS.direct_press


def initial_information(scenario: Scenario) -> Text:
    return fill_text(HINTS.initial_information, {"since": HINTS.initial_from.of(scenario.rule_set)})


def update() -> Text:
    return HINTS.update


def answer_press(call: Event) -> Text:
    return fill_text(HINTS.answer_press, {"item": item_name(call)})


def takedown(post: Event) -> Text:
    return fill_text(HINTS.takedown, {"item": item_name(post)})


def refer_police(post: Event) -> Text:
    return fill_text(HINTS.refer_police, {"item": item_name(post)})


def correction(article: Event) -> Text:
    return fill_text(HINTS.correction, {"item": item_name(article)})


def report_results(scenario: Scenario) -> Text:
    return fill_text(HINTS.report_results, {"standing": bodies(scenario.rule_set).standing})


def monitor() -> Text:
    return HINTS.monitor


def followup() -> Text:
    return HINTS.followup


def stray_statement() -> Text:
    return HINTS.stray_statement


def contact_admin(post: Event) -> Text:
    return fill_text(HINTS.contact_admin, {"item": item_name(post)})


def request_site_removal(article: Event) -> Text:
    return fill_text(HINTS.request_site_removal, {"item": item_name(article)})


def resolve_cause() -> Text:
    return HINTS.resolve_cause


def daily_report() -> Text:
    return HINTS.daily_report
