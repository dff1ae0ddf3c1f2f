"""Rules on the first statement's timing: `initial_information` (law) and `cerc_first_message` (bonus).

Both count from a trigger the rule set names with the parameter `from`:
`received` is the delivery of the inject `scenario.incident.received_by`
(Decree 244/2026 Art. 7.3: from when the agency receives the case), `occurred`
is `scenario.incident.occurred_at` (Decree 09/2017 Art. 6.3.a: from when the
incident occurred; it may be negative, before the drill started).
"""

from __future__ import annotations

from scoring.card import Evidence, Text, Verdict, format_duration, format_t
from scoring.context import ScoringContext, evidence_of
from scoring.rules.base import Rule, RuleParamError, join

TRIGGERS = ("received", "occurred")
TRIGGER_TEXT = {
    "received": Text("khi cơ quan tiếp nhận vụ việc", "the agency received the case"),
    "occurred": Text("khi sự việc xảy ra", "the incident occurred"),
}

CERC_ITEMS = ("empathy", "facts", "unknowns", "next_update", "commitment", "more_info")
CERC_TEXT = {
    "empathy": Text("sự đồng cảm", "empathy"),
    "facts": Text("sự thật đã xác nhận", "confirmed facts"),
    "unknowns": Text("điều chưa biết", "what is not yet known"),
    "next_update": Text("khi nào cập nhật tiếp", "when the next update comes"),
    "commitment": Text("cam kết", "commitment"),
    "more_info": Text("nơi có thêm thông tin", "where to get more information"),
}


class _Timed(Rule):
    """Shared: parameters `from` and `within` (minutes), and the trigger's time."""

    choices = {"from": TRIGGERS}

    def check(self) -> None:
        if self.params["within"] <= 0:
            raise RuleParamError(f"parameter 'within' must be a positive number of minutes, got {self.params['within']!r}")

    def window(self, context: ScoringContext) -> tuple[float, float, Evidence] | None:
        trigger = context.trigger(self.params["from"])
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
    defaults = {"from": "received", "within": 1440}

    def judge(self, context: ScoringContext) -> Verdict:
        span, since = format_duration(self.params["within"]), TRIGGER_TEXT[self.params["from"]]
        window = self.window(context)
        if window is None:
            inject = context.scenario.incident.received_by
            return Verdict(1.0, Text(f"Tin '{inject}' chưa đến nên cơ quan chưa tiếp nhận vụ việc và thời hạn {span.vi} "
                                     "chưa bắt đầu.",
                                     f"The inject '{inject}' was never delivered, so the agency never received the case "
                                     f"and the {span.en} clock never started."))
        start, deadline, trigger = window
        if not context.official_statements:
            return Verdict(0.0, Text(f"Người phát ngôn được phân công không cung cấp thông tin ban đầu nào cho báo chí trong "
                                     f"suốt buổi diễn tập, dù thời hạn "
                                     f"{span.vi} kể từ {since.vi} ({format_t(start)}) là {format_t(deadline)}.",
                                     f"The assigned spokesperson gave the press no initial information during the whole "
                                     f"drill; the {span.en} "
                                     f"from when {since.en} ({format_t(start)}) ran to {format_t(deadline)}."), (trigger,))
        first = context.official_statements[0]
        evidence = (trigger, evidence_of(first.event, f"first official statement, deadline {format_t(deadline)}"))
        speaker = context.role_label(first.role)
        if first.t <= deadline:
            return Verdict(1.0, Text(f"{speaker.vi} cung cấp thông tin ban đầu lúc {format_t(first.t)}, trong hạn {span.vi} "
                                     f"kể từ {since.vi} lúc {format_t(start)} (hạn {format_t(deadline)}).",
                                     f"{speaker.en} gave initial information at {format_t(first.t)}, within {span.en} of "
                                     f"when {since.en} at {format_t(start)} (deadline {format_t(deadline)})."), evidence)
        late = format_duration(round(first.t - deadline, 3))
        return Verdict(0.0, Text(f"Thông tin ban đầu chỉ có lúc {format_t(first.t)}, trễ {late.vi} so với hạn "
                                 f"{format_t(deadline)} ({span.vi} kể từ {since.vi} lúc {format_t(start)}).",
                                 f"Initial information came only at {format_t(first.t)}, {late.en} after the deadline "
                                 f"{format_t(deadline)} ({span.en} from when {since.en} at {format_t(start)})."), evidence)


class CercFirstMessage(_Timed):
    """Bonus: a first message within `within` minutes covering the CDC CERC checklist, in proportion."""

    name = "cerc_first_message"
    title = Text("Thông điệp đầu tiên theo CERC", "CERC first message")
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
            return Verdict(0.0, Text("Không có thông điệp đầu tiên nào để chấm theo bảng kiểm CERC.",
                                     "There was no first message to check against the CERC checklist."),
                           (window[2],) if window else ())
        start, deadline, trigger = window
        first = context.statements[0]
        evidence = (trigger, evidence_of(first.event, f"first statement, cerc={','.join(first.analysis.get('cerc') or [])}"))
        if first.t > deadline:
            return Verdict(0.0, Text(f"Thông điệp đầu tiên lúc {format_t(first.t)} đến sau mốc {span.vi} "
                                     f"({format_t(deadline)}) mà CERC khuyến nghị, nên không có điểm thưởng.",
                                     f"The first message at {format_t(first.t)} came after the {span.en} CERC recommends "
                                     f"({format_t(deadline)}), so it earns no bonus."), evidence)
        shown = set(first.analysis.get("cerc") or [])
        covered = [i for i in items if i in shown]
        missing = [i for i in items if i not in shown]
        if not missing:
            return Verdict(1.0, Text(f"Thông điệp đầu tiên lúc {format_t(first.t)} đủ cả {len(items)} yếu tố CERC.",
                                     f"The first message at {format_t(first.t)} covered all {len(items)} CERC items."),
                           evidence)
        lacking = {lang: join([CERC_TEXT[i].get(lang) for i in missing], lang) for lang in ("vi", "en")}
        return Verdict(len(covered) / len(items),
                       Text(f"Thông điệp đầu tiên lúc {format_t(first.t)} có {len(covered)}/{len(items)} yếu tố CERC, "
                            f"còn thiếu {lacking['vi']}.",
                            f"The first message at {format_t(first.t)} covered {len(covered)} of {len(items)} CERC items, "
                            f"missing {lacking['en']}."), evidence)
