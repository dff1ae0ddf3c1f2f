"""Rules on handling beyond speaking (docs/PROCEDURE_PARTS.md, parts 1, 3 and 4).

- `cause_addressed`: a `resolve_cause` (within one's own authority, or proposed upward) after a
  fact came back: measures on verified facts earn the points, before any fact half of them
  (887-QĐ/TU step 2 "tham mưu biện pháp giải quyết"; Hải Phòng 13/CT-UBND "xử lý dứt điểm").
- `daily_report`: a `daily_report` to the heads of the agencies concerned in every `every`
  minutes of the drill from the case's receipt (seeds 000, 001, 003, 004).
- `press_conference_notice`: a conference held by an organiser not among the bodies with a duty
  to hold ad hoc conferences (a role whose label holds none of `exempt`) needs a written notice
  (`notify_press_conference`) at least `notice` minutes before it; a notice announcing one
  sooner than that is a fault. With no conference held, a decision on the form of speaking
  (`choose_form`) or a notice earns the points (Decree 237/2026 Art. 22; Press Law 2016 Art. 41).
"""

from __future__ import annotations

from scenarios.texts import Text
from scoring.card import Evidence, Verdict
from scenarios.figures import format_t
from scoring.context import Event, ScoringContext, evidence_of
from scoring.rules.base import Rule, RuleParamError, capped, join, share


class CauseAddressed(Rule):
    """A measure to fix the cause, within one's authority or proposed upward, on verified facts."""

    name = "cause_addressed"
    title = Text("Tham mưu biện pháp xử lý nguyên nhân", "Measures proposed to fix the cause")

    def judge(self, context: ScoringContext) -> Verdict:
        measures = context.actions.get("resolve_cause", [])
        if not measures:
            return Verdict(
                0.0,
                Text(
                    "Không có biện pháp nào để xử lý dứt điểm nguyên nhân của vụ việc.",
                    "No measure was taken or proposed to settle the cause of the case.",
                ),
            )
        facts = context.by_kind.get("fact", [])
        first_fact = facts[0]["seq"] if facts else None
        grounded = [m for m in measures if first_fact is not None and m["seq"] > first_fact]
        routes = {str((m.get("params") or {}).get("route")) for m in measures}
        route = Text(
            join(
                sorted({"own_authority": "trong thẩm quyền", "escalate": "đề xuất cấp trên"}.get(r, r) for r in routes), "vi"
            ),
            join(
                sorted({"own_authority": "within its authority", "escalate": "proposed upward"}.get(r, r) for r in routes),
                "en",
            ),
        )
        evidence = capped([*(evidence_of(f) for f in facts[:1]), *(evidence_of(m) for m in measures)])
        if grounded:
            return Verdict(
                1.0,
                Text(
                    f"Đã tham mưu biện pháp xử lý nguyên nhân ({route.vi}) trên cơ sở thông tin đã xác minh "
                    f"lúc {format_t(grounded[0]['t'])}.",
                    f"Measures to fix the cause ({route.en}) were set on verified facts at {format_t(grounded[0]['t'])}.",
                ),
                evidence,
            )
        return Verdict(
            0.5,
            Text(
                f"Có biện pháp xử lý nguyên nhân ({route.vi}) nhưng đưa ra trước khi có thông tin nào được xác minh.",
                f"Measures to fix the cause ({route.en}) came before any fact was verified.",
            ),
            evidence,
        )


class DailyReport(Rule):
    """Share of the drill's days (from the case's receipt) with a daily report to the agency heads."""

    name = "daily_report"
    title = Text("Báo cáo tình hình thông tin hằng ngày", "Daily report to the heads of agencies")
    defaults = {"every": 1440}

    def check(self) -> None:
        if not 60 <= self.params["every"] <= 20160:
            raise RuleParamError("parameter 'every' must be minutes between 60 and 20160")

    def judge(self, context: ScoringContext) -> Verdict:
        trigger = context.trigger("received")
        if trigger is None:
            return Verdict(
                1.0,
                Text(
                    "Vụ việc chưa được tiếp nhận nên chưa có gì phải báo cáo hằng ngày.",
                    "The case was never received, so no daily report fell due.",
                ),
            )
        start, every = trigger[0], float(self.params["every"])
        reports = context.actions.get("daily_report", [])
        days, missing, evidence = 0, [], [trigger[1]]
        while start + days * every < context.last_t or days == 0:
            low, high = start + days * every, start + (days + 1) * every
            report = next((r for r in reports if low <= float(r["t"]) < high), None)
            if report is None:
                missing.append(days + 1)
            else:
                evidence.append(evidence_of(report))
            days += 1
        if not missing:
            return Verdict(
                1.0,
                Text(
                    f"Đã báo cáo thủ trưởng các cơ quan liên quan đủ {days} ngày của vụ việc.",
                    f"The heads of the agencies got a report on each of the case's {days} day(s).",
                ),
                capped(evidence),
            )
        names = join([str(d) for d in missing], "vi"), join([str(d) for d in missing], "en")
        return Verdict(
            share(days - len(missing), days),
            Text(
                f"Thiếu báo cáo hằng ngày cho thủ trưởng các cơ quan liên quan: ngày {names[0]} (trên {days}).",
                f"No daily report to the heads of the agencies on day(s) {names[1]} (of {days}).",
            ),
            capped(evidence),
        )


class PressConferenceNotice(Rule):
    """A press conference, where the organiser must notify, noticed in writing at least `notice` minutes ahead."""

    name = "press_conference_notice"
    title = Text("Quyết định họp báo và thông báo trước", "Press conference decided and noticed in advance")
    defaults = {"notice": 1440, "exempt": ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Tỉnh ủy"]}

    def check(self) -> None:
        if not 0 <= self.params["notice"] <= 20160:
            raise RuleParamError("parameter 'notice' must be minutes between 0 and 20160")

    def _must_notify(self, context: ScoringContext, role: str | None) -> bool:
        label = context.role_label(role).vi.casefold()
        return not any(body.casefold() in label for body in self.params["exempt"])

    def _short(self, event: Event) -> bool:
        hours = (event.get("params") or {}).get("in_hours")
        return not isinstance(hours, int) or isinstance(hours, bool) or hours * 60 < self.params["notice"]

    def judge(self, context: ScoringContext) -> Verdict:
        held = [c for c in context.actions.get("hold_press_conference", []) if self._must_notify(context, c.get("role"))]
        notices = [
            n for n in context.actions.get("notify_press_conference", []) if self._must_notify(context, n.get("role"))
        ]
        need = self.params["notice"]
        faults, evidence = [], [evidence_of(e) for e in (*notices, *held)]
        for conference in held:
            if not any(float(conference["t"]) - float(n["t"]) >= need for n in notices if n["seq"] < conference["seq"]):
                faults.append(
                    Text(
                        f"họp báo lúc {format_t(conference['t'])} không được thông báo trước {need / 60:g} giờ",
                        f"the conference at {format_t(conference['t'])} had no notice {need / 60:g} h ahead",
                    )
                )
        for notice in notices:
            if self._short(notice):
                faults.append(
                    Text(
                        f"thông báo lúc {format_t(notice['t'])} hẹn họp báo sớm hơn {need / 60:g} giờ",
                        f"the notice at {format_t(notice['t'])} set a conference under {need / 60:g} h away",
                    )
                )
        if faults:
            return Verdict(
                0.0,
                Text(
                    f"Họp báo chưa đúng quy định thông báo: {join([f.vi for f in faults[:3]], 'vi')}.",
                    f"Press conference notice not as required: {join([f.en or '' for f in faults[:3]], 'en')}.",
                ),
                capped(evidence),
            )
        if context.actions.get("hold_press_conference") and not held:
            return Verdict(
                1.0,
                Text(
                    "Họp báo do cơ quan có trách nhiệm họp báo đột xuất tổ chức, không phải thông báo trước.",
                    "The conference was held by a body with a duty to hold ad hoc conferences; no notice was needed.",
                ),
                capped([evidence_of(c) for c in context.actions["hold_press_conference"]]),
            )
        decided = context.actions.get("choose_form", []) + context.actions.get("notify_press_conference", [])
        if held or notices:
            return Verdict(
                1.0,
                Text(
                    "Họp báo được quyết định và thông báo bằng văn bản đúng thời hạn.",
                    "The press conference was decided and noticed in writing in time.",
                ),
                capped(evidence),
            )
        if decided:
            return Verdict(
                1.0,
                Text(
                    "Đã quyết định hình thức phát ngôn; không tổ chức họp báo cần thông báo trước.",
                    "The form of speaking was decided; no conference needing a notice was held.",
                ),
                capped([evidence_of(decided[0])]),
            )
        return Verdict(
            0.0,
            Text(
                "Không có quyết định nào về hình thức phát ngôn hay họp báo.",
                "No decision was made on the form of speaking or a press conference.",
            ),
            capped([Evidence(None, None, "none", "no choose_form, no notify_press_conference")]),
        )
