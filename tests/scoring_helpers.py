"""Hand-built event logs for the scoring tests, following docs/EVENTS.md.

`LogBuilder` assigns `seq` in order of emission, rounds `t` to 3 decimals, fills
each kind's fields and audience as the world does, stamps every action with the
spokesperson in office, and analyses press-facing texts with
`sim.statements.analyse_statement` against the facts returned so far.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from scenarios.loader import load_scenario
from scenarios.model import Scenario
from sim.statements import analyse_statement

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"

GOOD_TEXT = (
    "Chúng tôi thấu hiểu sự lo lắng của người dân. Kết quả quan trắc không khí trong giới hạn cho phép. "
    "Nguyên nhân đang xác minh, chúng tôi sẽ cập nhật lúc 15 giờ và cam kết xử lý nghiêm. "
    "Người dân yên tâm sinh hoạt bình thường; mọi thắc mắc xin gọi đường dây nóng."
)
RUMOUR_TEXT = "Nhà máy đã xả khí độc, người dân phải sơ tán ngay."
ALL_ROLES_TEXT = "Kết quả quan trắc trong giới hạn cho phép."
LEGAL_RULES = (  # the rules the law asks for, in the rule sets' order: neither the CERC bonus nor a procedure part
    "procedure_order",
    "spokesperson_first",
    "one_focal_point",
    "verified_facts_only",
    "initial_information",
    "press_requests_answered",
    "corrections_requested",
    "outcome",
)
PROCEDURE_PARTS = (  # the rules of the procedure parts (docs/PROCEDURE_PARTS.md)
    "cause_addressed",
    "daily_report",
    "press_conference_notice",
    "group_admins_engaged",
    "aggregator_removal",
    "noise_not_chased",
)


@functools.lru_cache(maxsize=1)
def minimal() -> Scenario:
    """The minimal fixture scenario (loaded once: a Scenario is immutable)."""
    return load_scenario(FIXTURE)


def _text(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    return {"vi": value.vi, "en": value.en or value.vi}


class LogBuilder:
    """Builds an event log for a scenario, one event at a time, in order."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.events: list[dict[str, Any]] = []
        self.spokesperson: str | None = scenario.regular_spokesperson  # in office from the start, as in the world
        self.verified: set[str] = set()
        self.trainees = sorted(scenario.trainee_roles)

    def _emit(self, t: float, kind: str, audience: list[str], **fields: Any) -> dict[str, Any]:
        event = {
            "seq": len(self.events) + 1,
            "t": round(float(t), 3),
            "kind": kind,
            "audience": sorted(set(audience) & set(self.trainees)),
            **fields,
        }
        self.events.append(event)
        return event

    # --- world events ---------------------------------------------------------------------------

    def inject(self, t: float, inject_id: str, origin: str = "timed", **override: Any) -> dict[str, Any]:
        """Deliver a scenario inject (or, with overrides, one the world writes, e.g. '<call>-followup')."""
        inject = self.scenario.inject(inject_id)
        fields: dict[str, Any] = {"inject": inject_id, "origin": origin}
        if inject is not None:
            window = inject.response_window
            fields.update(
                channel=inject.channel.value,
                sender=_text(inject.sender),
                title=_text(inject.title),
                content=_text(inject.content),
                question=_text(inject.question),
                claims=list(inject.claims),
                reach=inject.reach,
                response_window=window,
                deadline=round(t + window, 3) if window else None,
            )
            audience = list(inject.to)
        else:
            fields.update(
                channel="press_article",
                sender={"vi": "Báo Tin Nhanh", "en": "Tin Nhanh"},
                title=None,
                content={"vi": "Bài viết tiếp", "en": "Follow-up"},
                question=None,
                claims=[],
                reach=10000,
                response_window=None,
                deadline=None,
            )
            audience = self.trainees
        fields.update(override)
        return self._emit(t, "inject", audience, **fields)

    def followup(self, t: float, call_id: str, claims: list[str]) -> dict[str, Any]:
        """The article a journalist whose call went unanswered publishes (origin world)."""
        return self.inject(t, f"{call_id}-followup", origin="world", claims=list(claims))

    def fact(self, t: float, fact_id: str, in_reply_to: int) -> dict[str, Any]:
        fact = self.scenario.fact(fact_id)
        self.verified.add(fact_id)
        return self._emit(
            t,
            "fact",
            ["spokesperson"],
            fact=fact_id,
            source=fact.source,
            statement=_text(fact.statement),
            in_reply_to=in_reply_to,
        )

    def head_assigns(self, t: float, proposal: dict[str, Any], head: str = "agency_head") -> dict[str, Any]:
        """The simulated head of the agency assigns the proposed spokesperson (a reply with effect `assigned`)."""
        self.spokesperson = proposal["params"]["speaker"]
        return self._emit(
            t,
            "reply",
            ["propaganda_board", self.spokesperson],
            actor=head,
            effect="assigned",
            in_reply_to=proposal["seq"],
            spokesperson=self.spokesperson,
            content={"vi": "Phân công người phát ngôn.", "en": "Spokesperson assigned."},
        )

    def propose_and_assign(self, t: float, speaker: str = "spokesperson", after: float = 5) -> dict[str, Any]:
        """The board proposes `speaker` at `t`, the simulated head assigns them `after` minutes later."""
        proposal = self.action(t, "propaganda_board", "propose_spokesperson", speaker=speaker)
        return self.head_assigns(t + after, proposal)

    def deadline_missed(self, t: float, call_id: str) -> dict[str, Any]:
        inject = self.scenario.inject(call_id)
        return self._emit(t, "deadline_missed", list(inject.to), inject=call_id, deadline=round(t, 3))

    def opinion(self, t: float, belief: float, level: int = 1) -> dict[str, Any]:
        population = self.scenario.opinion.population
        return self._emit(
            t,
            "opinion",
            [],
            seen=round(belief * population * 2),
            believers=round(belief * population),
            belief=belief,
            seen_share=min(1.0, belief * 2),
            trust=0.6,
            media_pressure=0.2,
            level=level,
        )

    def escalation(self, t: float, to: int, condition: str = "belief > 0.02") -> dict[str, Any]:
        level = next(lv for lv in self.scenario.levels if lv.level == to)
        return self._emit(
            t, "escalation", self.trainees, **{"from": to - 1, "to": to, "name": _text(level.name), "condition": condition}
        )

    def end(self, t: float, final_level: int, max_level: int, belief: float) -> dict[str, Any]:
        return self._emit(
            t,
            "end",
            self.trainees,
            final_level=final_level,
            max_level=max_level,
            belief=belief,
            trust=0.6,
            media_pressure=0.1,
            seen=round(belief * self.scenario.opinion.population * 2),
        )

    # --- actions ---------------------------------------------------------------------------------

    def action(self, t: float, role: str, type: str, /, **params: Any) -> dict[str, Any]:
        """An accepted action, stamped with the spokesperson in office (the new one for an assignment)."""
        if type == "assign_spokesperson":
            self.spokesperson = params["speaker"]
        fields: dict[str, Any] = {"role": role, "type": type, "params": params, "spokesperson": self.spokesperson}
        press_facing = type in ("issue_statement", "hold_press_conference") or (type == "answer_press" and "text" in params)
        if press_facing:
            analysis = analyse_statement(self.scenario, params["text"], set(self.verified))
            fields["analysis"] = analysis.as_dict(self.scenario)
        if type in ("issue_statement", "hold_press_conference", "message"):
            audience = self.trainees
        elif type == "report_up":
            audience = [role, params.get("to", ""), "propaganda_board"]
        else:
            audience = [role, "propaganda_board"]
        return self._emit(t, "action", audience, **fields)

    def statement(self, t: float, text: str = GOOD_TEXT, role: str = "spokesperson", **params: Any) -> dict[str, Any]:
        return self.action(
            t,
            role,
            "issue_statement",
            channel=params.pop("channel", "portal"),
            form=params.pop("form", "press_release"),
            text=text,
            **params,
        )

    def answer(
        self, t: float, call: str, text: str | None = ALL_ROLES_TEXT, refusal: str | None = None, role: str = "spokesperson"
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"call": call}
        if refusal is not None:
            params["refusal"] = refusal
        else:
            params["text"] = text
        return self.action(t, role, "answer_press", **params)

    def verify_and_confirm(self, t: float, fact_id: str, role: str = "spokesperson") -> dict[str, Any]:
        """A verify action and, after the fact's delay, the fact it returns."""
        fact = self.scenario.fact(fact_id)
        request = self.action(t, role, "verify", agency=fact.source)
        return self.fact(t + fact.delay, fact_id, request["seq"])


def exemplary(scenario: Scenario | None = None, text: str = GOOD_TEXT) -> LogBuilder:
    """A model play of the minimal scenario: the four steps, on time, on verified facts, every call answered.

    `text` is the first statement's (the default covers the whole CERC checklist).
    """
    log = LogBuilder(scenario or minimal())
    log.inject(5, "post-1")
    log.action(8, "info_department", "flag_issue", item="post-1", level=1)
    log.action(10, "info_department", "report_up", to="propaganda_board", summary="Tin đồn khí độc lan trên mạng.")
    log.action(
        12,
        "propaganda_board",
        "convene_meeting",
        participants=["spokesperson", "info_department"],
        agenda="Phân tích, chọn hình thức phát ngôn.",
    )
    log.propose_and_assign(13)  # the head assigns at T+18
    log.action(13, "propaganda_board", "choose_form", form="press_release")
    log.action(13, "info_department", "contact_admin", post="post-1")  # the procedure parts, docs/PROCEDURE_PARTS.md
    log.verify_and_confirm(14, "air-normal")  # fact returns at T+59
    log.inject(60, "call-1")
    log.statement(61, text=text)
    log.action(65, "propaganda_board", "resolve_cause", route="own_authority", text="Kiểm tra, chấn chỉnh nhà máy.")
    log.answer(70, "call-1")
    log.action(90, "spokesperson", "report_results", summary="Đã phát ngôn, dư luận ổn định.")
    log.action(95, "info_department", "daily_report", text="Báo cáo tình hình thông tin trong ngày.")
    for minute in range(100, 600, 100):
        log.opinion(minute, belief=0.005)
    log.end(600, final_level=1, max_level=1, belief=0.004)
    return log


def silent(scenario: Scenario | None = None) -> LogBuilder:
    """Nobody acts: the rumour spreads, the call goes unanswered, the crisis climbs to the top."""
    log = LogBuilder(scenario or minimal())
    log.inject(5, "post-1")
    log.opinion(50, belief=0.015)
    log.inject(60, "call-1")
    log.escalation(95, to=2)
    log.inject(105, "article-1", origin="level")
    log.deadline_missed(150, "call-1")
    log.followup(180, "call-1", claims=["toxic-gas"])
    for minute in range(200, 600, 100):
        log.opinion(minute, belief=0.3, level=2)
    log.end(600, final_level=2, max_level=2, belief=0.35)
    return log
