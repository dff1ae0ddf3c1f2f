"""Rules on the first statement's timing: `initial_information` (law) and `cerc_first_message` (bonus).

Both count from a trigger the rule set names with the parameter `from`:
`received` is the first delivery of the injects `scenario.incident.received_by`
names (one or more: Decree 244/2026 Art. 7.3, from when the agency receives the
case), `occurred` is `scenario.incident.occurred_at` (Decree 09/2017 Art. 6.3.a:
from when the incident occurred; it may be negative, before the drill started),
`determined` is when the agency determined that the case affects public opinion
(Decree 244/2026 Art. 7.4, for divided public opinion): its first `flag_issue` or
`report_up` after receiving the case, or the receipt itself if it never assessed
the case (the decree does not say when the clock starts for an agency that never
determines the impact; the drill does not let silence stop the clock).

`initial_information` takes its clock from `from`, or, when the scenario's
incident is `opinion_divided` (a rumour splitting public opinion) and the rule
set gives `divided_from`, from that trigger instead (Art. 7.4 rather than 7.3).
A deadline after the drill's end (`scoring.deadlines.horizon`) with no
statement yet is *not yet due*: neither met nor missed, left out of the total.
A case never received raises no obligation, and the rule is met (as
`press_requests_answered` is when no journalist calls).
"""

from __future__ import annotations

from scenarios.texts import Text
from scoring.card import Evidence, Verdict
from scenarios.figures import format_duration, format_t
from scoring.context import ScoringContext, evidence_of
from scoring.deadlines import due
from scoring.rules.base import Rule, RuleParamError, join

TRIGGERS = ("received", "occurred", "determined")
TRIGGER_TEXT = {
    "received": Text("khi cơ quan tiếp nhận vụ việc", "the agency received the case"),
    "occurred": Text("khi sự việc xảy ra", "the incident occurred"),
    "determined": Text(
        "khi cơ quan xác định vụ việc tác động đến dư luận", "the agency determined the case affects public opinion"
    ),
}
DETERMINING = ("flag_issue", "report_up")  # the acts by which the agency assesses a case's impact

CERC_ITEMS = ("empathy", "facts", "unknowns", "next_update", "commitment", "more_info")
CERC_TEXT = {
    "empathy": Text("sự đồng cảm", "empathy"),
    "facts": Text("sự thật đã xác nhận", "confirmed facts"),
    "unknowns": Text("điều chưa biết", "what is not yet known"),
    "next_update": Text("khi nào cập nhật tiếp", "when the next update comes"),
    "commitment": Text("cam kết", "commitment"),
    "more_info": Text("nơi có thêm thông tin", "where to get more information"),
}


def clock_start(context: ScoringContext, start: str) -> tuple[float, Evidence] | None:
    """When a clock starts for a trigger in TRIGGERS; None if the case was never received."""
    if start != "determined":
        return context.trigger(start)
    received = context.trigger("received")
    if received is None:
        return None
    after = received[1].seq or 0
    acts = [a for a in (context.first_action_after(kind, after) for kind in DETERMINING) if a is not None]
    if not acts:
        return received
    act = min(acts, key=lambda a: a["seq"])
    return float(act["t"]), evidence_of(act, "the agency determines the impact (Art. 7.4)")


class _Timed(Rule):
    """Shared: parameters `from` and `within` (minutes), and the trigger's time."""

    choices = {"from": TRIGGERS}

    def check(self) -> None:
        if self.params["within"] <= 0:
            raise RuleParamError(f"parameter 'within' must be a positive number of minutes, got {self.params['within']!r}")

    def start(self, context: ScoringContext) -> str:
        """The trigger this play's clock starts from."""
        return self.params["from"]

    def window(self, context: ScoringContext) -> tuple[float, float, Evidence] | None:
        trigger = clock_start(context, self.start(context))
        if trigger is None:
            return None
        start, evidence = trigger
        return start, start + self.params["within"], evidence


class InitialInformation(_Timed):
    """The first official statement comes within `within` minutes (1440 = 24 h) of the trigger.

    Only the assigned spokesperson's statements count: what anyone else says is
    not the agency's position (Decree 244/2026, Art. 3.7).
    """

    name = "initial_information"
    title = Text("Thông tin ban đầu cho báo chí trong 24 giờ", "Initial information to the press within 24 hours")
    defaults = {"from": "received", "within": 1440, "divided_from": ""}
    choices = {"from": TRIGGERS, "divided_from": ("", *TRIGGERS)}

    def start(self, context: ScoringContext) -> str:
        divided = self.params["divided_from"]
        return divided if divided and context.scenario.incident.opinion_divided else self.params["from"]

    def judge(self, context: ScoringContext) -> Verdict:
        start_from = self.start(context)
        span, since = format_duration(self.params["within"]), TRIGGER_TEXT[start_from]
        window = self.window(context)
        if window is None:
            injects = ", ".join(f"'{i}'" for i in context.scenario.incident.receipts)
            return Verdict(
                1.0,
                Text(
                    f"Tin {injects} chưa đến nên cơ quan chưa tiếp nhận vụ việc và thời hạn {span.vi} "
                    "chưa bắt đầu: không có nghĩa vụ nào phát sinh.",
                    f"The inject {injects} was never delivered, so the agency never received the case "
                    f"and the {span.en} clock never started: no obligation arose.",
                ),
            )
        start, deadline, trigger = window
        if not context.official_statements and not due(deadline, context):
            return Verdict(
                0.0,
                Text(
                    f"Chưa đến hạn: chưa có thông tin ban đầu, nhưng hạn {span.vi} kể từ {since.vi} "
                    f"({format_t(start)}) là {format_t(deadline)}, sau khi buổi diễn tập kết thúc.",
                    f"Not yet due: no initial information yet, but the {span.en} from when {since.en} "
                    f"({format_t(start)}) run to {format_t(deadline)}, after the drill ends.",
                ),
                (trigger,),
                due=False,
            )
        if not context.official_statements:
            return Verdict(
                0.0,
                Text(
                    f"Người phát ngôn được phân công không cung cấp thông tin ban đầu nào cho báo chí trong "
                    f"suốt buổi diễn tập, dù thời hạn "
                    f"{span.vi} kể từ {since.vi} ({format_t(start)}) là {format_t(deadline)}.",
                    f"The assigned spokesperson gave the press no initial information during the whole "
                    f"drill; the {span.en} "
                    f"from when {since.en} ({format_t(start)}) ran to {format_t(deadline)}.",
                ),
                (trigger,),
            )
        first = context.official_statements[0]
        evidence = (trigger, evidence_of(first.event, f"first official statement, deadline {format_t(deadline)}"))
        speaker = context.role_label(first.role)
        if first.t <= deadline:
            return Verdict(
                1.0,
                Text(
                    f"{speaker.vi} cung cấp thông tin ban đầu lúc {format_t(first.t)}, trong hạn {span.vi} "
                    f"kể từ {since.vi} lúc {format_t(start)} (hạn {format_t(deadline)}).",
                    f"{speaker.en} gave initial information at {format_t(first.t)}, within {span.en} of "
                    f"when {since.en} at {format_t(start)} (deadline {format_t(deadline)}).",
                ),
                evidence,
            )
        late = format_duration(round(first.t - deadline, 3))
        return Verdict(
            0.0,
            Text(
                f"Thông tin ban đầu chỉ có lúc {format_t(first.t)}, trễ {late.vi} so với hạn "
                f"{format_t(deadline)} ({span.vi} kể từ {since.vi} lúc {format_t(start)}).",
                f"Initial information came only at {format_t(first.t)}, {late.en} after the deadline "
                f"{format_t(deadline)} ({span.en} from when {since.en} at {format_t(start)}).",
            ),
            evidence,
        )


class CercFirstMessage(_Timed):
    """Bonus: a first message within `within` minutes covering the CDC CERC checklist, in proportion."""

    name = "cerc_first_message"
    title = Text("Thông điệp đầu tiên theo khuyến nghị truyền thông rủi ro (CERC)", "CERC first message")
    defaults = {"from": "received", "within": 60, "items": list(CERC_ITEMS)}

    def check(self) -> None:
        super().check()
        unknown = [item for item in self.params["items"] if item not in CERC_ITEMS]
        if unknown or not self.params["items"]:
            raise RuleParamError(f"parameter 'items' must list some of {', '.join(CERC_ITEMS)}; unknown: {unknown}")

    def judge(self, context: ScoringContext) -> Verdict:
        items = list(self.params["items"])
        span = format_duration(self.params["within"])
        window = self.window(context)
        if window is None or not context.statements:
            return Verdict(
                0.0,
                Text(
                    "Không có thông điệp đầu tiên nào để chấm theo bảng kiểm CERC.",
                    "There was no first message to check against the CERC checklist.",
                ),
                (window[2],) if window else (),
            )
        _, deadline, trigger = window
        first = context.statements[0]
        evidence = (trigger, evidence_of(first.event, f"first statement, cerc={','.join(first.analysis.get('cerc') or [])}"))
        if first.t > deadline:
            return Verdict(
                0.0,
                Text(
                    f"Thông điệp đầu tiên lúc {format_t(first.t)} đến sau mốc {span.vi} "
                    f"({format_t(deadline)}) mà CERC khuyến nghị, nên không có điểm thưởng.",
                    f"The first message at {format_t(first.t)} came after the {span.en} CERC recommends "
                    f"({format_t(deadline)}), so it earns no bonus.",
                ),
                evidence,
            )
        shown = set(first.analysis.get("cerc") or [])
        covered = [i for i in items if i in shown]
        missing = [i for i in items if i not in shown]
        if not missing:
            return Verdict(
                1.0,
                Text(
                    f"Thông điệp đầu tiên lúc {format_t(first.t)} đủ cả {len(items)} yếu tố CERC.",
                    f"The first message at {format_t(first.t)} covered all {len(items)} CERC items.",
                ),
                evidence,
            )
        lacking = {lang: join([CERC_TEXT[i].in_(lang) for i in missing], lang) for lang in ("vi", "en")}
        return Verdict(
            len(covered) / len(items),
            Text(
                f"Thông điệp đầu tiên lúc {format_t(first.t)} có {len(covered)}/{len(items)} yếu tố CERC, "
                f"còn thiếu {lacking['vi']}.",
                f"The first message at {format_t(first.t)} covered {len(covered)} of {len(items)} CERC items, "
                f"missing {lacking['en']}.",
            ),
            evidence,
        )
