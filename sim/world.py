"""The crisis world: a SimPy environment that plays a scenario in scenario minutes.

Injects arrive at their time, on their condition or when a level releases them;
opinion moves every `opinion.sample_every` minutes; the crisis escalates when
the next level's condition holds; the actors the simulation plays (standing
committee, police, platforms, outlets, journalists) answer after their delays.

Who speaks (Decree 244/2026 Art. 3.2): the drill's regular spokesperson is in
office from the first minute, so what they say before any case assignment is
official; the head of the agency may always speak. The case assignment is two
acts (Art. 3.5, 4.1): the propaganda board proposes (`propose_spokesperson`),
the head of the agency assigns (`assign_spokesperson`); when the simulation
plays the head, it decides `actors.head_decision` minutes after the proposal:
a `reply` of the head (effect `assigned`, with the new `spokesperson`), never
an `action`, since every action event answers exactly one input.

Inputs are applied by the driver between runs: `advance_to(t)` processes every
world event before `t`, then `act(action)` applies an action stamped `t`. So an
input stamped `t` always comes before the world's own events at `t`, live or
replayed, and the same scenario, seed and stamped inputs give the same log.
Nothing here reads the wall clock.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Generator
from functools import partial
from typing import Any

import simpy

from scenarios.bodies import bodies
from scenarios.conditions import Condition, parse_condition
from scenarios.model import Channel, Inject, Scenario
from scenarios.placeholders import escape, escape_text, fill_text
from scenarios.texts import Text
from sim.replies import REPLIES, directive
from scenarios.aggregators import is_aggregator
from scenarios.actions import CATALOG, LAWFUL_REFUSALS, Action, Refusal, check_action, check_standing
from sim.cast import make_cast, render
from sim.opinion import Opinion
from sim.statements import analyse_statement

Event = dict[str, Any]
SPREADING_CHANNELS = (Channel.social_post, Channel.press_article, Channel.tv)
ADMIN_DELAY = (30, 120)  # minutes an admin of a large group or page takes to act on the department's call
SITE_DELAY = (120, 1440)  # a general information site removes within 24 h of the request (Decree 147/2024)
ITEM_CHANNELS = {
    "call": (Channel.press_call,),
    "article": (Channel.press_article, Channel.tv),
    "post": (Channel.social_post,),
    "item": tuple(Channel),
}
HEAD_ROLE = "agency_head"  # the role a simulated head of the agency acts as when the drill marks none
TEAM_WIDE = ("message", "situation_report")  # besides what the public hears, the whole team sees these


class World:
    """One team's crisis, played in scenario minutes."""

    def __init__(self, scenario: Scenario, seed: int = 0, on_event: Callable[[Event], None] | None = None):
        self.scenario = scenario
        self.seed = seed
        self.env = simpy.Environment()
        self.random = random.Random(seed)
        self.cast = make_cast(scenario, seed)
        self.opinion = Opinion.start(scenario.opinion)
        self.level = scenario.start_level
        self.max_level = scenario.start_level
        self.events: list[Event] = []
        self.on_event = on_event
        self.over = False
        self.delivered: dict[str, Event] = {}
        self.verified: set[str] = set()
        self.verifying: set[str] = set()
        self.spokesperson: str | None = scenario.regular_spokesperson
        self.head = scenario.head_of_agency
        self.first_voice: str | None = None
        self.answered: set[str] = set()
        self.received_at: float | None = None
        self.unanswered_calls = 0
        self.critical_articles = 0
        self._custom_count = 0
        self._trainees = set(scenario.trainee_roles)
        self._roles = {r.id for r in scenario.roles}
        self._injects = {i.id: i for i in scenario.injects}
        self._levels = {lv.level for lv in scenario.levels}
        self._waiting: dict[str, Condition] = {i.id: parse_condition(i.when) for i in scenario.injects if i.when}
        self._escalations: dict[int, Condition] = {
            lv.level: parse_condition(lv.escalate_when) for lv in scenario.levels if lv.escalate_when
        }
        for inject in sorted(scenario.injects, key=lambda i: (i.at is None, i.at or 0)):
            if inject.at is not None:
                self.env.process(self._deliver_after(inject, inject.at, "timed"))
        self.env.process(self._opinion_loop())

    # --- driving -------------------------------------------------------------------------------

    @property
    def now(self) -> float:
        return self.env.now

    def advance_to(self, minute: float) -> None:
        """Play every world event before `minute` (and no further than the end of the drill)."""
        minute = min(minute, self.scenario.duration)
        if minute > self.env.now:
            self.env.run(until=minute)

    def finish(self) -> None:
        """Play to the end of the drill, its last events included."""
        self.env.run()

    def variables(self) -> dict[str, float]:
        """The values conditions are evaluated against."""
        return {
            **self.opinion.variables(),
            "minute": float(self.env.now),
            "level": self.level,
            "statements": self.opinion.statements,
            "unanswered_calls": self.unanswered_calls,
            "critical_articles": self.critical_articles,
        }

    # --- the log -------------------------------------------------------------------------------

    def _emit(self, kind: str, audience: Collection[str], **fields: Any) -> Event | None:
        if self.over:
            return None
        roles = [r for r in self.scenario.trainee_roles if r in audience]
        event = {"seq": len(self.events) + 1, "t": round(float(self.env.now), 3), "kind": kind, "audience": roles, **fields}
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)
        return event

    def _later(self, delay: float, effect: Callable[[], None]) -> None:
        def wait() -> Generator[simpy.Event, Any, None]:
            yield self.env.timeout(delay)
            effect()

        self.env.process(wait())

    # --- injects -------------------------------------------------------------------------------

    def _deliver_after(self, inject: Inject, delay: float, origin: str) -> Generator[simpy.Event, Any, None]:
        yield self.env.timeout(delay)
        self._deliver(inject, origin)

    def _deliver(self, inject: Inject, origin: str) -> None:
        if inject.id in self.delivered or self.over:
            return
        window = inject.response_window
        event = self._emit(
            "inject",
            inject.to,
            inject=inject.id,
            channel=inject.channel.value,
            origin=origin,
            sender=render(inject.sender, self.cast),
            title=render(inject.title, self.cast),
            content=render(inject.content, self.cast),
            question=render(inject.question, self.cast),
            claims=list(inject.claims),
            reach=inject.reach,
            response_window=window,
            deadline=round(self.env.now + window, 3) if window else None,
        )
        assert event is not None  # the drill is not over: checked above
        self.delivered[inject.id] = event
        if inject.id in self.scenario.incident.receipts and self.received_at is None:
            self.received_at = self.env.now
        self._inject_effect(inject)

    def _inject_effect(self, inject: Inject) -> None:
        if inject.channel in SPREADING_CHANNELS and inject.claims:
            self.opinion.expose(inject.reach or 0)
        if inject.channel in (Channel.press_article, Channel.tv):
            self.opinion.pressure(0.1 if inject.claims else 0.05)
        if inject.channel is Channel.press_call:
            self.opinion.pressure(0.05)
            assert inject.response_window is not None  # a press call has one (Inject's validator)
            self._later(inject.response_window, lambda: self._call_deadline(inject))

    def _call_deadline(self, call: Inject) -> None:
        if call.id in self.answered or self.over:
            return
        self.unanswered_calls += 1
        self.opinion.pressure(0.15)
        self.opinion.adjust_trust(-0.03)
        self._emit("deadline_missed", call.to, inject=call.id, deadline=round(self.env.now, 3))
        delay = self.scenario.actors.journalist_followup * self.random.uniform(0.8, 1.2)
        self._later(delay, lambda: self._followup_article(call))

    def _publish(self, call: Inject, suffix: str, title: Text, content: Text, claims: list[str]) -> None:
        """The journalist who made `call` publishes an article of their own, delivered to every trainee."""
        article = Inject(
            id=f"{call.id}-{suffix}",
            channel=Channel.press_article,
            sender=call.sender,
            to=sorted(self._trainees),
            title=title,
            content=content,
            claims=claims,
            reach=max(1000, self.scenario.opinion.population // 20),
        )
        self._injects[article.id] = article
        self._deliver(article, "world")

    def _followup_article(self, call: Inject) -> None:
        """A journalist left without an answer publishes, relaying the rumour."""
        self.critical_articles += 1
        question = call.question
        assert question is not None  # a press call has one (Inject's validator)
        self._publish(
            call,
            "followup",
            REPLIES.followup_title,
            fill_text(REPLIES.followup, {"question": question}),
            list(call.claims) or [c.id for c in self.scenario.false_claims],
        )
        self.opinion.adjust_trust(-0.05)

    def _answer_article(self, call: Inject, answer: str, quality: float) -> None:
        """A journalist who got an answer publishes it: an accurate article that wins believers back."""
        excerpt = {"answer": escape(answer if len(answer) <= 240 else answer[:239] + "…")}  # quoted as written
        self._publish(call, "report", REPLIES.report_title, fill_text(REPLIES.report, excerpt), [])
        self.opinion.win_back(0.1 * quality)

    def fire_inject(self, inject_id: str) -> bool:
        """Deliver a scenario inject now (the instructor's "inject now"); False if unknown or already out."""
        inject = self._injects.get(inject_id)
        if inject is None or inject_id in self.delivered:
            return False
        self._deliver(inject, "instructor")
        return True

    def custom_inject(self, channel: str, content: Text, to: list[str], sender: Text) -> str:
        """Deliver an inject the instructor writes during the drill; returns its id."""
        self._custom_count += 1
        inject = Inject(
            id=f"custom-{self._custom_count}",
            channel=Channel(channel),
            sender=sender,
            to=to,
            content=content,
            reach=0 if Channel(channel) in SPREADING_CHANNELS else None,
            question=content if channel == "press_call" else None,
            response_window=60 if channel == "press_call" else None,
        )
        self._injects[inject.id] = inject
        self._deliver(inject, "instructor")
        return inject.id

    # --- opinion, conditions, escalation --------------------------------------------------------

    def _opinion_loop(self) -> Generator[simpy.Event, Any, None]:
        duration = self.scenario.duration
        step = self.scenario.opinion.sample_every
        while True:
            minutes = min(step, duration - self.env.now)
            yield self.env.timeout(minutes)
            noise = min(1.3, max(0.7, self.random.gauss(1.0, 0.1)))
            silent = self.received_at is not None and self.opinion.statements == 0
            self.opinion.step(minutes, noise, silent)
            self._check_conditions()
            self._emit("opinion", [], **self.opinion.variables(), level=self.level)
            if self.env.now >= duration:
                self._end()
                return

    def _check_conditions(self) -> None:
        values = self.variables()
        for inject_id, condition in list(self._waiting.items()):
            if condition.holds(values):
                del self._waiting[inject_id]
                inject = self._injects[inject_id]
                self.env.process(self._deliver_after(inject, inject.delay, "condition"))
        escalation = self._escalations.get(self.level + 1)
        if escalation is not None and escalation.holds(values):
            self._escalate(escalation)

    def _escalate(self, condition: Condition) -> None:
        previous, self.level = self.level, self.level + 1
        self.max_level = max(self.max_level, self.level)
        level = next(lv for lv in self.scenario.levels if lv.level == self.level)
        self.opinion.pressure(0.1)
        self._emit(
            "escalation",
            self._trainees,
            **{"from": previous, "to": self.level},
            name=render(level.name, self.cast),
            condition=condition.source,
        )
        for inject_id in level.releases:
            inject = self._injects[inject_id]
            self.env.process(self._deliver_after(inject, inject.delay, "level"))

    def end_now(self) -> None:
        """End the drill at the current minute (the instructor's "end")."""
        if not self.over:
            self._end()

    def _end(self) -> None:
        state = self.opinion.variables()
        self._emit(
            "end",
            self._trainees,
            final_level=self.level,
            max_level=self.max_level,
            belief=state["belief"],
            trust=state["trust"],
            media_pressure=state["media_pressure"],
            seen=state["seen"],
        )
        self.over = True

    # --- actions -------------------------------------------------------------------------------

    def act(self, action: Action) -> Event | None:
        """Apply a trainee action now: accept it (and let it work) or refuse it with a reason."""
        refusal = self._refusal(action)
        if refusal is not None:
            return self._emit(
                "refused", [action.role], role=action.role, type=action.type, params=action.params, reason=refusal.as_dict()
            )
        analysis = self._analyse(action)
        spokesperson = action.params["speaker"] if action.type == "assign_spokesperson" else self.spokesperson
        event = self._emit(
            "action",
            self._action_audience(action),
            role=action.role,
            type=action.type,
            params=action.params,
            spokesperson=spokesperson,
            **({"analysis": analysis} if analysis else {}),
        )
        if event is not None:
            self._action_effect(action, event, analysis)
        return event

    def _refusal(self, action: Action) -> Refusal | None:
        if self.over:
            return Refusal("drill_over", Text("buổi diễn tập đã kết thúc", "the drill is over"))
        refusal = check_action(action, self._trainees, self._roles, set(self.delivered)) or check_standing(
            action, self.head if self.head in self._trainees else None, self.scenario.operational_roles
        )
        if refusal is not None:
            return refusal
        level = action.params.get("level") if action.type == "flag_issue" else None
        if level is not None and level not in self._levels:
            return Refusal("bad_parameter", Text(f"kịch bản không có cấp độ {level}", f"this drill has no level {level}"))
        for name, channels in ITEM_CHANNELS.items():
            item = action.params.get(name)
            if item is not None and self._injects[item].channel not in channels:
                kinds = ", ".join(c.value for c in channels)
                return Refusal(
                    "wrong_item",
                    Text(f"'{item}' không phải loại phù hợp ({kinds})", f"'{item}' is not of the right kind ({kinds})"),
                )
        return None

    def _action_audience(self, action: Action) -> set[str]:
        public = CATALOG[action.type].press_facing and action.type != "answer_press"  # statements, conferences
        if public or action.type in TEAM_WIDE:
            return self._trainees
        audience = {action.role, "propaganda_board"}
        if action.type == "report_up":
            audience.add(action.params["to"])
        elif action.type == "assign_spokesperson":  # whoever is assigned is told so
            audience.add(action.params["speaker"])
        elif action.type == "propose_spokesperson":  # and the head who decides, and whoever is proposed
            audience.update({action.params["speaker"], self.head or HEAD_ROLE})
        return audience

    def _analyse(self, action: Action) -> dict | None:
        text = action.params.get("text")
        if not CATALOG[action.type].press_facing or text is None:
            return None
        return analyse_statement(self.scenario, text, self.verified).as_dict(self.scenario)

    def _action_effect(self, action: Action, event: Event, analysis: dict | None) -> None:
        if analysis is not None:
            self._statement(action, analysis)
        handler = getattr(self, f"_on_{action.type}", None)
        if handler is not None:
            handler(action, event)

    def _statement(self, action: Action, analysis: dict) -> None:
        official = self.spokesperson or self.first_voice
        self.first_voice = self.first_voice or action.role
        form = {"hold_press_conference": "press_conference", "answer_press": "written_reply"}.get(
            action.type, action.params.get("form", "press_release")
        )
        channel = {"hold_press_conference": "tv", "answer_press": "press"}.get(action.type, action.params.get("channel"))
        since = self.env.now - (self.received_at if self.received_at is not None else 0)
        consistent = official in (None, action.role) or action.role == self.head  # the head may speak (Art. 3.2.a)
        self.opinion.statement(analysis["quality"], form, channel, since, consistent=consistent)
        if action.type == "hold_press_conference":
            self.opinion.pressure(-0.15)

    def _reply(
        self,
        action_event: Event,
        actor: str | None,  # None: a verify of any agency in a drill without facts
        effect: str,
        content: Text,
        delay: float,
        then: Callable[[], None] | None = None,
    ) -> None:
        def answer() -> None:
            if then is not None and not self.over:
                then()
            self._emit(
                "reply",
                {action_event["role"], "propaganda_board"},
                actor=actor,
                effect=effect,
                in_reply_to=action_event["seq"],
                content=render(content, self.cast),
            )

        self._later(delay, answer)

    def _on_report_up(self, action: Action, event: Event) -> None:
        self._reply(
            event,
            "standing_committee",
            "directive",
            directive(self.scenario.rule_set),
            self.scenario.actors.standing_committee,
        )

    def _on_report_results(self, action: Action, event: Event) -> None:
        self._reply(
            event, "standing_committee", "acknowledged", REPLIES.acknowledged, self.scenario.actors.standing_committee
        )

    def _on_verify(self, action: Action, event: Event) -> None:
        agency = action.params.get("agency")
        facts = [f for f in self.scenario.facts if agency in (None, f.source)]
        if not facts:
            self._reply(event, agency, "no_information", REPLIES.no_information, 30)
        for fact in facts:
            if fact.id in self.verified or fact.id in self.verifying:
                continue
            self.verifying.add(fact.id)
            self._later(fact.delay, partial(self._fact_returns, fact, event))

    def _fact_returns(self, fact: Any, request: Event) -> None:
        self.verified.add(fact.id)
        self._emit(
            "fact",
            {request["role"], "spokesperson"},
            fact=fact.id,
            source=fact.source,
            statement=render(fact.statement, self.cast),
            in_reply_to=request["seq"],
        )

    def _on_assign_spokesperson(self, action: Action, event: Event) -> None:
        self.spokesperson = action.params["speaker"]

    def _on_propose_spokesperson(self, action: Action, event: Event) -> None:
        if self.head in self._trainees:  # a trainee decides, with assign_spokesperson
            return
        self._later(self.scenario.actors.head_decision, lambda: self._head_decides(event))

    def _head_decides(self, proposal: Event) -> None:
        """The simulated head of the agency assigns the proposed spokesperson in writing (Art. 3.5, 4.1)."""
        head, speaker = self.head or HEAD_ROLE, proposal["params"]["speaker"]
        name = proposal["params"].get("name")  # the person the board named, as written
        named = bodies(self.scenario.rule_set)
        content = fill_text(
            REPLIES.assigned,
            {
                "head": escape_text(self._label(head)),
                "speaker": escape_text(Text(name) if name else self._label(speaker)),
                "board": named.board,
                "basis": named.assignment_basis,
            },
        )
        event = self._emit(
            "reply",
            {"propaganda_board", proposal["role"], speaker},
            actor=head,
            effect="assigned",
            in_reply_to=proposal["seq"],
            spokesperson=speaker,
            content=render(content, self.cast),
        )
        if event is not None:
            self.spokesperson = speaker

    def _label(self, role_id: str) -> Text:
        role = self.scenario.role(role_id)
        return Text(role_id) if role is None else role.label

    def _on_answer_press(self, action: Action, event: Event) -> None:
        call = self.delivered[action.params["call"]]
        if action.params["call"] in self.answered or self.env.now > call["deadline"]:
            return
        self.answered.add(action.params["call"])
        reason = action.params.get("refusal", action.params.get("withheld"))  # nothing, or a part, held back
        if reason is not None and reason not in LAWFUL_REFUSALS:
            self.opinion.evasive()
        else:
            self.opinion.press_answered()
        if "text" in action.params:
            call_inject, quality = self._injects[action.params["call"]], event["analysis"]["quality"]
            delay = self.scenario.actors.journalist_followup * self.random.uniform(0.8, 1.2)
            self._later(delay, lambda: self._answer_article(call_inject, action.params["text"], quality))

    def _on_request_correction(self, action: Action, event: Event) -> None:
        article = self._injects[action.params["article"]]
        if not article.claims:
            self._reply(event, "outlet", "declined", REPLIES.correction_declined, self.scenario.actors.outlet_correction)
            return
        share = min(0.3, 3 * (article.reach or 0) / self.opinion.population)

        def then() -> None:
            self.opinion.win_back(share)
            self.opinion.pressure(-0.05)

        self._reply(
            event,
            "outlet",
            "corrected",
            REPLIES.corrected,
            self.scenario.actors.outlet_correction,
            then=then,
        )

    def _on_request_takedown(self, action: Action, event: Event) -> None:
        post = self._injects[action.params["post"]]
        if not post.claims:
            self._reply(event, "platform", "declined", REPLIES.takedown_declined, self.scenario.actors.platform)
            return
        damping = self.scenario.opinion.takedown_damping
        self._reply(
            event,
            "platform",
            "removed",
            REPLIES.removed,
            self.scenario.actors.platform,
            then=lambda: self.opinion.slow_spread(damping),
        )

    def _on_refer_police(self, action: Action, event: Event) -> None:
        item = self._injects[action.params["item"]]
        if not item.claims:
            self._reply(event, "police", "no_violation", REPLIES.no_violation, self.scenario.actors.police)
            return

        def then() -> None:
            self.opinion.slow_spread(0.3)
            self.opinion.adjust_trust(0.02)

        self._reply(
            event,
            "police",
            "handled",
            REPLIES.police_handled,
            self.scenario.actors.police,
            then=then,
        )

    def _on_direct_press(self, action: Action, event: Event) -> None:
        self.opinion.pressure(-0.1)

    def _on_order_followup(self, action: Action, event: Event) -> None:
        self.opinion.win_back(0.05)
        self.opinion.pressure(-0.05)

    def _on_monitor(self, action: Action, event: Event) -> None:
        def report() -> None:
            state = self.opinion.variables()
            figures = {
                "seen": f"{state['seen']}",
                "belief_pct": f"{state['belief'] * 100:.1f}",
                "media_pressure": f"{state['media_pressure']:.0%}",
            }
            content = fill_text(REPLIES.monitoring, figures)
            self._emit(
                "reply",
                {action.role, "propaganda_board"},
                actor="monitoring",
                effect="report",
                in_reply_to=event["seq"],
                content=render(content, self.cast),
            )

        self._later(15, report)

    # --- the procedure parts (docs/PROCEDURE_PARTS.md) -----------------------------------------

    def _on_contact_admin(self, action: Action, event: Event) -> None:
        post = self._injects[action.params["post"]]
        delay = self.random.uniform(*ADMIN_DELAY)
        if not post.claims:  # a harmless post chased: the community resents it
            self._reply(
                event,
                "group_admin",
                "no_action",
                REPLIES.admin_nothing,
                delay,
                then=lambda: self.opinion.adjust_trust(-0.02),
            )
            return
        damping = self.scenario.opinion.takedown_damping / 2

        def then() -> None:
            self.opinion.slow_spread(damping)
            self.opinion.adjust_trust(0.01)

        self._reply(
            event,
            "group_admin",
            "removed",
            REPLIES.admin_removed,
            delay,
            then=then,
        )

    def _on_request_site_removal(self, action: Action, event: Event) -> None:
        article = self._injects[action.params["article"]]
        if not is_aggregator(article.sender.vi):
            self._reply(event, "outlet", "not_a_site", REPLIES.not_a_site, 30)
            return
        delay = min(self.random.uniform(*SITE_DELAY), 1440)
        if not article.claims:
            self._reply(event, "site", "declined", REPLIES.site_nothing, delay)
            return
        share = min(0.3, 2 * (article.reach or 0) / self.opinion.population)

        def then() -> None:
            self.opinion.win_back(share)
            self.opinion.pressure(-0.05)

        self._reply(
            event,
            "site",
            "removed",
            REPLIES.site_removed,
            delay,
            then=then,
        )

    def _on_resolve_cause(self, action: Action, event: Event) -> None:
        escalate = action.params["route"] == "escalate"
        actor, content = ("standing_committee", REPLIES.cause_escalated) if escalate else ("agency_head", REPLIES.cause_own)
        self._reply(
            event, actor, "noted", content, self.scenario.actors.standing_committee, then=lambda: self.opinion.win_back(0.03)
        )

    def _on_daily_report(self, action: Action, event: Event) -> None:
        self._reply(event, "agency_head", "received", REPLIES.daily_received, 15)

    def _on_notify_press_conference(self, action: Action, event: Event) -> None:
        self._reply(event, "press_regulator", "received", REPLIES.notice_received, 30)


def play(
    scenario: Scenario,
    actions: list[Action],
    seed: int = 0,
    until: float | None = None,
    on_event: Callable[[Event], None] | None = None,
) -> World:
    """Play a scenario headless with stamped actions (stable order for equal stamps)."""
    world = World(scenario, seed=seed, on_event=on_event)
    end = scenario.duration if until is None else min(until, scenario.duration)
    for action in sorted(actions, key=lambda a: a.at):
        if action.at > end:
            break
        world.advance_to(action.at)
        world.act(action)
    if end >= scenario.duration:
        world.finish()
    else:
        world.advance_to(end)
    return world
