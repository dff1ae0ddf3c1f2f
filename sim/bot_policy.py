"""The procedure as a plan: every step still to take, by which role, at which minute, and why.

`exemplary_plan(view, playbook)` reads what the team knows (`TeamView`) and
lists the steps of PROCEDURE.md not yet taken whose prerequisites are met,
each as an `Intent`: the action, the minute it falls due (what it waits for
plus a reaction delay), the reason in Vietnamese and English, and a deadline
where one applies. A step already taken, by a bot or by a trainee, drops out.
The same plan drives the exemplary bot and the hints of self-practice
(`next_expected`); `off_focal_plan` adds one deliberate mistake.

Which role does what comes from the drill's trainee roles (`Duties`): the
usual one (PROCEDURE.md §1) when the drill has it, else a trainee role the
action catalog allows. The case assignment is two acts (Decree 244/2026 Art.
3.5, 4.1): the propaganda board proposes the regular spokesperson, the head of
the agency assigns (the simulation when no trainee plays the head). The
regular spokesperson may speak before it (Art. 3.2.b), so the initial
information waits for the assignment only until the holding statement falls due.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from scenarios.model import PARTY_ROLES, Scenario
from scenarios.texts import Text
from scoring.ruleset import load_rule_set
from sim import bot_texts as texts
from sim import hint_texts as hints
from scenarios.actions import CATALOG, Action
from scenarios.aggregators import is_aggregator
from sim.bot_texts import Writer, role_label
from sim.bot_view import Event, TeamView

# Reaction delays, in scenario minutes after what a step waits for. Short, as a drilled team would be,
# and never under a minute: a bot never answers within the instant of what it reacts to, so the
# world's own events at that instant all come first, live and on replay.
FLAG_AFTER = 2  # the monitoring role saw the case
REPORT_AFTER = 1  # the item was flagged
BOARD_REPORT_AFTER = 3  # the board heard of the case
CONVENE_AFTER = 1  # the board reported up
TASKS_AFTER = 1  # the meeting: assign verification, verify
ASSIGN_AFTER = 2  # the meeting: choose the form, propose the spokesperson (the head assigns on the proposal)
DIRECT_AFTER = 2  # the spokesperson was assigned
DRAFT_AFTER = 3  # a fact came back: write the statement
HOLDING_AFTER = 45  # no fact yet this long after the case: speak anyway (CERC: a first message within the hour)
ANSWER_AFTER = 5  # a journalist called (or the spokesperson was assigned)
TAKEDOWN_AFTER = 3  # a false post appeared
POLICE_AFTER = 5
CORRECTION_AFTER = 5  # a false article or broadcast appeared
MONITOR_AFTER = 20  # the first official statement
RESULTS_AFTER = 30
FOLLOWUP_AFTER = 30  # the results were reported
STRAY_AFTER = 10  # off_focal_point: the other voice follows the first official statement

FORM = "press_release"
STATEMENT_CHANNEL = {"portal_post": "portal"}  # form -> channel; the press for the others


@dataclass(frozen=True)
class Intent:
    """A step the procedure expects: an action, when it falls due, why, and its deadline if it has one."""

    key: tuple[str, ...]  # the same step keeps the same key while the plan is recomputed
    role: str
    type: str
    params: dict[str, Any]
    at: float
    reason: Text
    deadline: float | None = None

    def action(self, at: float) -> Action:
        return Action(at=at, role=self.role, type=self.type, params=self.params)

    def as_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "type": self.type,
            "params": self.params,
            "at": self.at,
            "deadline": self.deadline,
            "reason": self.reason.as_dict(),
        }

    @classmethod
    def from_dict(cls, given: dict[str, Any]) -> Intent:
        """The intent `as_dict` gave (its `key`, which only a plan being recomputed uses, is not kept)."""
        return cls(
            key=(),
            role=given["role"],
            type=given["type"],
            params=given["params"],
            at=given["at"],
            reason=Text(**given["reason"]),
            deadline=given["deadline"],
        )


def performer(
    scenario: Scenario, action_type: str, preferred: Sequence[str | None], exclude: Sequence[str] = ()
) -> str | None:
    """The first preferred trainee role allowed the action, else the first trainee role allowed it, else None."""
    allowed = CATALOG[action_type].roles
    candidates = [r for r in preferred if r] + scenario.trainee_roles
    return next(
        (r for r in candidates if r in scenario.trainee_roles and r not in exclude and ("*" in allowed or r in allowed)),
        None,
    )


@dataclass(frozen=True)
class Duties:
    """Which trainee role takes which part of the procedure in one drill (None: no trainee role may)."""

    watcher: str | None  # monitors, flags, asks takedowns (info_department)
    coordinator: str | None  # convenes, assigns verification, chooses the form, directs the press (propaganda_board)
    top_reporter: str | None  # reports to the standing committee
    proposer: str | None  # proposes the spokesperson (propaganda_board)
    assigner: str | None  # the head of the agency, when a trainee plays it
    speaker: str | None  # the role to assign as spokesperson: the regular spokesperson when the drill has one
    verifier: str | None
    takedowns: str | None
    police: str | None
    corrector: str | None
    results: str | None
    monitor: str | None
    followup: str | None
    stray: str | None  # off_focal_point: the other role that speaks

    @classmethod
    def of(cls, scenario: Scenario) -> Duties:
        def who(action_type: str, *preferred: str | None) -> str | None:
            return performer(scenario, action_type, preferred)

        watcher = who("flag_issue", "info_department")
        coordinator = who("convene_meeting", "propaganda_board")
        speaker = performer(
            scenario, "issue_statement", (scenario.regular_spokesperson, "spokesperson", "agency_head"), exclude=PARTY_ROLES
        )  # a Party organ is never the speaker (Decree 244/2026 Art. 3.2)
        head = scenario.head_of_agency
        others = ("info_department", "agency_head", "propaganda_board", *scenario.trainee_roles)
        return cls(
            watcher=watcher,
            coordinator=coordinator,
            top_reporter=coordinator or watcher or speaker,
            proposer=who("propose_spokesperson", "propaganda_board"),
            assigner=head if head in scenario.trainee_roles else None,
            speaker=speaker,
            verifier=who("verify", coordinator, watcher, speaker),
            takedowns=who("request_takedown", "info_department"),
            police=who("refer_police", "info_department", "propaganda_board"),
            corrector=who("request_correction", speaker, "spokesperson", "agency_head"),
            results=who("report_results", speaker, "spokesperson"),
            monitor=who("monitor", watcher),
            followup=who("order_followup", coordinator, watcher),
            stray=next((r for r in others if r in scenario.trainee_roles and r not in (speaker, head)), None),
        )


class Playbook:
    """What the plan needs to know of one drill: its duties, its writer, its agencies and deadlines."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.duties = Duties.of(scenario)
        self.writer = Writer(scenario)
        self.agencies = list(dict.fromkeys(f.source for f in scenario.facts))
        self.flag_level = min(scenario.start_level + 1, scenario.top_level)
        rule = next((e.rule for e in load_rule_set(scenario.rule_set).entries if e.rule.name == "initial_information"), None)
        self.initial_from: str | None = rule.params["from"] if rule else None
        self.initial_within: float | None = rule.params["within"] if rule else None

    def initial_deadline(self, view: TeamView) -> float | None:
        """The legal deadline of the initial information (the rule set's `initial_information`), if known yet."""
        if self.initial_from == "occurred" and self.initial_within is not None:
            return self.scenario.incident.occurred_at + self.initial_within
        received = min(
            (view.items[i] for i in self.scenario.incident.receipts if i in view.items), key=lambda e: e["seq"], default=None
        )
        return received["t"] + self.initial_within if received and self.initial_within else None


def _at(minute: float) -> float:
    return round(minute, 3)


# --- the steps ----------------------------------------------------------------------------------


def _detect(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """Step 1: flag the item, report to the board, the board reports to the standing committee."""
    duties, case, scenario = book.duties, view.case, book.scenario
    assert case is not None  # exemplary_plan takes the steps once the case is known
    flag = view.first("flag_issue")
    if duties.watcher and flag is None and duties.watcher in view.aware:
        yield Intent(
            ("flag_issue",),
            duties.watcher,
            "flag_issue",
            {"item": case["inject"], "level": book.flag_level, "note": texts.flag_note(case, book.flag_level)},
            _at(view.aware[duties.watcher] + FLAG_AFTER),
            hints.flag(),
        )
    watcher, coordinator = duties.watcher, duties.coordinator
    if watcher and coordinator and watcher != coordinator and flag is not None and view.first("report_up", watcher) is None:
        yield Intent(
            ("report_up", watcher),
            watcher,
            "report_up",
            {"to": coordinator, "summary": texts.report_summary(scenario, watcher, case)},
            _at(flag["t"] + REPORT_AFTER),
            hints.report_to_board(scenario),
        )
    top = duties.top_reporter
    if top and top in view.aware and view.first("report_up", top, to="standing_committee") is None:
        after = max(view.aware[top] + BOARD_REPORT_AFTER, flag["t"] + REPORT_AFTER if flag else 0)
        yield Intent(
            ("report_up", top),
            top,
            "report_up",
            {"to": "standing_committee", "summary": texts.report_summary(scenario, top, case)},
            _at(after),
            hints.report_to_standing(scenario),
        )


def _coordinate(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """Step 2: the meeting, who verifies, verification itself, the form, who speaks, guidance to the press."""
    duties, board = book.duties, book.duties.coordinator
    meeting = view.first("convene_meeting")
    if board:
        reported = view.first("report_up", board)
        if meeting is None and reported is not None:
            yield Intent(
                ("convene_meeting",),
                board,
                "convene_meeting",
                {
                    "participants": [r for r in book.scenario.trainee_roles if r != board],
                    "agenda": texts.WORDS.meeting_agenda,
                },
                _at(reported["t"] + CONVENE_AFTER),
                hints.convene(),
            )
        tasks_after = meeting
    else:
        tasks_after = view.first("report_up", duties.top_reporter) if duties.top_reporter else None
    if tasks_after is None:
        return
    since = tasks_after["t"]
    verify_all = any("agency" not in e["params"] for e in view.acts.get("verify", ()))
    for agency in book.agencies:
        if board and view.first("assign_verification", agency=agency) is None:
            yield Intent(
                ("assign_verification", agency),
                board,
                "assign_verification",
                {"agency": agency, "note": texts.WORDS.verification_note},
                _at(since + TASKS_AFTER),
                hints.assign_verification(book.scenario, agency),
            )
        if duties.verifier and not verify_all and view.first("verify", agency=agency) is None:
            yield Intent(
                ("verify", agency),
                duties.verifier,
                "verify",
                {"agency": agency, "note": texts.WORDS.verification_note},
                _at(since + TASKS_AFTER),
                hints.verify(book.scenario, agency),
            )
    if board and view.first("choose_form") is None:
        yield Intent(
            ("choose_form",),
            board,
            "choose_form",
            {"form": FORM, "note": texts.WORDS.form_note},
            _at(since + ASSIGN_AFTER),
            hints.choose_form(),
        )
    yield from _name_the_speaker(view, book, since)
    assignment = view.assignment
    if board and assignment is not None and view.first("direct_press") is None:
        yield Intent(
            ("direct_press",),
            board,
            "direct_press",
            {"text": texts.press_guidance(book.scenario, assignment["spokesperson"])},
            _at(assignment["t"] + DIRECT_AFTER),
            hints.direct_press(),
        )


def _name_the_speaker(view: TeamView, book: Playbook, since: float) -> Iterator[Intent]:
    """The case assignment: the board proposes the spokesperson, the head of the agency (if a trainee) assigns."""
    duties, speaker = book.duties, book.duties.speaker
    if speaker is None or view.assignment is not None:
        return
    params = {"speaker": speaker, "name": role_label(book.scenario, speaker)}
    proposal = view.first("propose_spokesperson")
    if duties.proposer and proposal is None:
        yield Intent(
            ("propose_spokesperson",),
            duties.proposer,
            "propose_spokesperson",
            {**params, "note": texts.WORDS.proposal_note},
            _at(since + ASSIGN_AFTER),
            hints.propose_spokesperson(book.scenario),
        )
    if duties.assigner and (proposal is not None or not duties.proposer):
        yield Intent(
            ("assign_spokesperson",),
            duties.assigner,
            "assign_spokesperson",
            params,
            _at((proposal["t"] if proposal else since) + ASSIGN_AFTER),
            hints.assign_spokesperson(book.scenario),
        )


def _usable_facts(view: TeamView, book: Playbook) -> tuple[list[Event], frozenset[str]]:
    verified = frozenset(view.facts)
    return [f for f in view.verified if book.writer.fact_sentence(f, verified)], verified


def _statement(view: TeamView, book: Playbook, opening: str) -> tuple[str, dict[str, Any]]:
    """The action type and parameters of a statement in the form the board chose."""
    facts, verified = _usable_facts(view, book)
    text = book.writer.press_text(opening, facts, verified)
    chosen = view.first("choose_form")
    form = chosen["params"]["form"] if chosen else FORM
    if form == "press_conference":
        return "hold_press_conference", {"mode": "in_person", "text": text}
    return "issue_statement", {"channel": STATEMENT_CHANNEL.get(form, "press"), "form": form, "text": text}


def _speak(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """Step 3: the initial statement once a fact is verified (or a holding one), then an update per new fact."""
    speaker, assignment = view.spokesperson, view.assignment
    if speaker is None:
        return
    label = role_label(book.scenario, speaker)
    facts, _ = _usable_facts(view, book)
    official = view.official_statements
    if not official:
        assert view.case is not None  # exemplary_plan takes the steps once the case is known
        holding = view.case["t"] + HOLDING_AFTER
        ready = assignment["t"] + DRAFT_AFTER if assignment else holding  # the regular spokesperson need not wait longer
        after = max(ready, min(f["t"] for f in facts) + DRAFT_AFTER) if facts else max(ready, holding)
        kind, params = _statement(view, book, texts.opening("initial", label))
        yield Intent(
            ("statement", "initial"),
            speaker,
            kind,
            params,
            _at(after),
            hints.initial_information(book.scenario),
            book.initial_deadline(view),
        )
        return
    covered = {fact for s in official for fact in s["analysis"]["facts"]}
    fresh = [f for f in facts if f["fact"] not in covered]
    if fresh:
        kind, params = _statement(view, book, texts.opening("update", label))
        yield Intent(
            ("update", *sorted(view.facts)),
            speaker,
            kind,
            params,
            _at(max(max(f["t"] for f in fresh), official[-1]["t"]) + DRAFT_AFTER),
            hints.update(),
        )


def _answer_press(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """Every press call answered by the spokesperson before its deadline, with the facts verified so far."""
    speaker, assignment = view.spokesperson, view.assignment
    if speaker is None:
        return
    answered = {e["params"]["call"] for e in view.acts.get("answer_press", ())}
    for call in view.delivered("press_call"):
        if call["inject"] in answered or view.now >= call["deadline"]:
            continue
        facts, verified = _usable_facts(view, book)
        text = book.writer.press_text(texts.answer_opening(call), facts, verified)
        yield Intent(
            ("answer_press", call["inject"]),
            speaker,
            "answer_press",
            {"call": call["inject"], "text": text},
            _at(min(max(call["t"], assignment["t"] if assignment else 0) + ANSWER_AFTER, call["deadline"])),
            hints.answer_press(call),
            call["deadline"],
        )


def _false_items(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """False posts taken down and referred to the police; false articles and broadcasts asked to correct."""
    duties = book.duties
    for post in view.delivered("social_post"):
        if not post["claims"]:
            continue
        item = post["inject"]
        if duties.takedowns and view.first("request_takedown", post=item) is None:
            yield Intent(
                ("request_takedown", item),
                duties.takedowns,
                "request_takedown",
                {"post": item, "note": texts.takedown_note(post)},
                _at(post["t"] + TAKEDOWN_AFTER),
                hints.takedown(post),
            )
        if duties.police and view.first("refer_police", item=item) is None:
            yield Intent(
                ("refer_police", item),
                duties.police,
                "refer_police",
                {"item": item, "note": texts.police_note(post)},
                _at(post["t"] + POLICE_AFTER),
                hints.refer_police(post),
            )
    if not duties.corrector:
        return
    facts, verified = _usable_facts(view, book)
    for article in view.delivered("press_article", "tv"):
        item = article["inject"]
        if (
            article["claims"]
            and not is_aggregator((article.get("sender") or {}).get("vi"))
            and view.first("request_correction", article=item) is None
        ):  # a site is not press: bot_parts
            yield Intent(
                ("request_correction", item),
                duties.corrector,
                "request_correction",
                {"article": item, "text": book.writer.correction(article, facts, verified)},
                _at(article["t"] + CORRECTION_AFTER),
                hints.correction(article),
            )


def _report_back(view: TeamView, book: Playbook) -> Iterator[Intent]:
    """Step 4: report the results, keep monitoring, commission explanatory reports."""
    duties, official = book.duties, view.official_statements
    if not official:
        return
    first = official[0]["t"]
    if duties.results and view.first("report_results") is None:
        summary = texts.results_summary(
            len(official), len(view.acts.get("answer_press", ())), len(view.acts.get("request_correction", ()))
        )
        yield Intent(
            ("report_results",),
            duties.results,
            "report_results",
            {"summary": summary},
            _at(first + RESULTS_AFTER),
            hints.report_results(book.scenario),
        )
    if duties.monitor and view.first("monitor") is None:
        yield Intent(
            ("monitor",),
            duties.monitor,
            "monitor",
            {"note": texts.WORDS.monitor_note},
            _at(first + MONITOR_AFTER),
            hints.monitor(),
        )
    results = view.first("report_results")
    if duties.followup and results is not None and view.first("order_followup") is None:
        yield Intent(
            ("order_followup",),
            duties.followup,
            "order_followup",
            {"text": texts.WORDS.followup_order},
            _at(results["t"] + FOLLOWUP_AFTER),
            hints.followup(),
        )


# --- the plans ----------------------------------------------------------------------------------


def exemplary_plan(view: TeamView, book: Playbook) -> list[Intent]:
    """Every step of the procedure still to take whose prerequisites are met, in the procedure's order."""
    from sim.bot_parts import procedure_parts  # here, not at the top: bot_parts builds on this module's Intent

    if view.over or view.case is None:
        return []
    return [
        *_detect(view, book),
        *_coordinate(view, book),
        *_speak(view, book),
        *_answer_press(view, book),
        *_false_items(view, book),
        *_report_back(view, book),
        *procedure_parts(view, book),
    ]


def off_focal_plan(view: TeamView, book: Playbook) -> list[Intent]:
    """The exemplary plan, and once the spokesperson has spoken, a second role speaks to the press too."""
    plan = exemplary_plan(view, book)
    official, stray = view.official_statements, book.duties.stray
    if view.over or not official or stray is None or stray == view.spokesperson:
        return plan
    if any(s["role"] != s.get("spokesperson") for s in view.statements):
        return plan
    kind, params = _statement(view, book, texts.opening("quick", role_label(book.scenario, stray)))
    return [
        *plan,
        Intent(("stray_statement",), stray, kind, params, _at(official[0]["t"] + STRAY_AFTER), hints.stray_statement()),
    ]


def silent_plan(view: TeamView, book: Playbook) -> list[Intent]:
    """Nothing, ever."""
    return []


def expected_of(view: TeamView, book: Playbook, role: str, now: float | None = None) -> list[Intent]:
    """The exemplary plan's steps for `role`, soonest first; with `now`, those whose deadline passed are left out."""
    plan = [i for i in exemplary_plan(view, book) if i.role == role]
    if now is not None:
        plan = [i for i in plan if i.deadline is None or i.deadline >= now]
    return sorted(plan, key=lambda i: i.at)


def next_expected(scenario: Scenario, events: Sequence[Event], role: str, now: float | None = None) -> list[Intent]:
    """What the procedure expects of `role` next, given the team's event log so far (hints for self-practice)."""
    view = TeamView(scenario)
    for event in events:
        view.add(event)
    return expected_of(view, Playbook(scenario), role, now)
