"""The procedure parts (docs/PROCEDURE_PARTS.md) as plan steps for the exemplary bot and the hints.

`procedure_parts(view, book)` yields the `Intent`s of the parts not yet taken: the admin of a
large group or page called about its false post, a general information site asked to remove its
false item, a measure on the cause once a fact is verified, and one daily report to the heads of
agencies per day of the drill. With no conference planned, no notice is needed (the rule
`press_conference_notice` then asks only for a decision on the form, which the plan already takes).
"""

from __future__ import annotations

from collections.abc import Iterator

from scoring.ruleset import load_rule_set
from sim import hint_texts as hints
from scenarios.aggregators import is_aggregator
from sim.bot_policy import Intent, Playbook, performer
from sim.bot_texts import WORDS
from sim.bot_view import TeamView

ADMIN_AFTER = 4  # a false post of a large group appeared
SITE_AFTER = 4  # a false item of a general information site appeared
CAUSE_AFTER = 5  # the first fact came back
DAILY_WITHIN = 600  # minutes into each day the daily report goes out (or half the day left, if shorter)
DAY = 1440


def _param(book: Playbook, rule: str, name: str, default):
    entry = next((e for e in load_rule_set(book.scenario.rule_set).entries if e.rule.name == rule), None)
    return entry.rule.params[name] if entry is not None else default


def _networks(view: TeamView, book: Playbook) -> Iterator[Intent]:
    watcher = performer(book.scenario, "contact_admin", ("info_department",))
    if watcher is None:
        return
    large = _param(book, "group_admins_engaged", "min_reach", 3000)
    for post in view.delivered("social_post"):
        item = post["inject"]
        if post["claims"] and (post.get("reach") or 0) >= large and view.first("contact_admin", post=item) is None:
            yield Intent(
                ("contact_admin", item),
                watcher,
                "contact_admin",
                {"post": item, "note": WORDS.admin_note},
                round(post["t"] + ADMIN_AFTER, 3),
                hints.contact_admin(post),
            )
    for article in view.delivered("press_article"):
        item, sender = article["inject"], (article.get("sender") or {}).get("vi")
        if article["claims"] and is_aggregator(sender) and view.first("request_site_removal", article=item) is None:
            yield Intent(
                ("request_site_removal", item),
                watcher,
                "request_site_removal",
                {"article": item, "note": WORDS.site_removal_note},
                round(article["t"] + SITE_AFTER, 3),
                hints.request_site_removal(article),
            )


def _cause(view: TeamView, book: Playbook) -> Iterator[Intent]:
    who = performer(book.scenario, "resolve_cause", ("propaganda_board", "agency_head", "spokesperson"))
    facts = view.verified
    if who is None or not facts or view.first("resolve_cause") is not None:
        return
    yield Intent(
        ("resolve_cause",),
        who,
        "resolve_cause",
        {"route": "own_authority", "text": WORDS.cause_measure},
        round(min(f["t"] for f in facts) + CAUSE_AFTER, 3),
        hints.resolve_cause(),
    )


def _daily(view: TeamView, book: Playbook) -> Iterator[Intent]:
    who = performer(book.scenario, "daily_report", ("info_department",))
    received = min(
        (view.items[i] for i in book.scenario.incident.receipts if i in view.items), key=lambda item: item["t"], default=None
    )  # the first of them delivered
    if who is None or received is None:
        return
    every, end = float(_param(book, "daily_report", "every", DAY)), book.scenario.duration
    day, reports = 0, view.acts.get("daily_report", ())
    while received["t"] + day * every < end:
        low = received["t"] + day * every
        if not any(low <= r["t"] < low + every for r in reports):
            yield Intent(
                ("daily_report", str(day)),
                who,
                "daily_report",
                {"text": WORDS.daily_report},
                round(low + min(DAILY_WITHIN, (end - low) / 2), 3),
                hints.daily_report(),
            )
        day += 1


def procedure_parts(view: TeamView, book: Playbook) -> list[Intent]:
    """The procedure parts' steps still to take whose prerequisites are met."""
    if view.over or view.case is None:
        return []
    return [*_networks(view, book), *_cause(view, book), *_daily(view, book)]
