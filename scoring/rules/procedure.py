"""Rules on the procedure of Quy định 887-QĐ/TU: the four steps in order, and who speaks.

- `procedure_order`: report up → coordination meeting → the assigned spokesperson
  speaks → the spokesperson reports the results; each step present after the
  previous one earns a quarter.
- `spokesperson_first`: a spokesperson is assigned before the first statement.
- `one_focal_point`: every statement is made by the spokesperson in office.
"""

from __future__ import annotations

from scoring.card import Evidence, Text, Verdict, format_t
from scoring.context import ScoringContext, Statement, assigned_role, evidence_of
from scoring.rules.base import Rule, capped, count_en, join, of_en

STEPS = (
    Text("báo cáo xin ý kiến chỉ đạo", "reporting up for direction"),
    Text("họp phối hợp", "the coordination meeting"),
    Text("người phát ngôn được phân công phát ngôn", "the assigned spokesperson speaking"),
    Text("báo cáo kết quả phát ngôn", "reporting the results"),
)


class ProcedureOrder(Rule):
    """The four steps of 887-QĐ/TU, each present and after the previous one found."""

    name = "procedure_order"
    title = Text("Bốn bước ứng xử theo thứ tự (887-QĐ/TU)", "The four steps in order (887-QĐ/TU)")

    def judge(self, context: ScoringContext) -> Verdict:
        anchor, found, evidence, problems = 0, [], [], []
        for number, step in enumerate(STEPS, start=1):
            event = self._find(context, number, anchor)
            if event is None:
                exists = self._exists(context, number)
                problems.append((number, exists))
                evidence.append(Evidence(None, None, "missing", f"step {number}: " + ("out of order" if exists else "absent")))
                continue
            anchor = event["seq"]
            found.append((number, event))
            evidence.append(evidence_of(event, f"step {number}"))
        if not problems:
            times = {lang: join([f"{STEPS[n - 1].get(lang)} {format_t(e['t'])}" for n, e in found], lang)
                     for lang in ("vi", "en")}
            return Verdict(1.0, Text(f"Đủ bốn bước theo đúng thứ tự: {times['vi']}.",
                                     f"All four steps in order: {times['en']}."), tuple(evidence))
        missing = {
            lang: join([f"bước {n} ({STEPS[n - 1].vi}) " + ("diễn ra không đúng thứ tự" if exists else "không có")
                        if lang == "vi" else
                        f"step {n} ({STEPS[n - 1].en}) " + ("was out of order" if exists else "is missing")
                        for n, exists in problems], lang)
            for lang in ("vi", "en")
        }
        done = len(found)
        head = Text(f"Chỉ {done}/4 bước đúng thứ tự", f"Only {done} of 4 steps in order") if done else \
            Text("Không bước nào được thực hiện đúng thứ tự", "None of the four steps was taken in order")
        return Verdict(
            done / len(STEPS),
            Text(f"{head.vi}: {missing['vi']}.", f"{head.en}: {missing['en']}."),
            tuple(evidence),
        )

    @staticmethod
    def _find(context: ScoringContext, number: int, after: int):
        if number == 1:
            return context.first_action_after("report_up", after)
        if number == 2:
            return context.first_action_after("convene_meeting", after)
        if number == 3:
            return next((s.event for s in context.statements if s.seq > after and s.by_spokesperson), None)
        return context.first_action_after("report_results", after)

    @staticmethod
    def _exists(context: ScoringContext, number: int) -> bool:
        if number == 3:
            return any(s.by_spokesperson for s in context.statements)
        kind = ("report_up", "convene_meeting", None, "report_results")[number - 1]
        return bool(context.actions.get(kind))


class SpokespersonFirst(Rule):
    """An accepted assign_spokesperson comes before the first statement; silence is not compliance."""

    name = "spokesperson_first"
    title = Text("Phân công người phát ngôn trước khi phát ngôn", "A spokesperson assigned before any statement")

    def judge(self, context: ScoringContext) -> Verdict:
        assigned = context.actions.get("assign_spokesperson", [])
        first_assign = assigned[0] if assigned else None
        if not context.statements:
            evidence = (evidence_of(first_assign),) if first_assign else ()
            return Verdict(0.0, Text("Không có phát ngôn nào với báo chí trong buổi diễn tập, nên không đánh giá được việc "
                                     "phân công người phát ngôn trước khi phát ngôn (im lặng không phải là tuân thủ).",
                                     "Nobody made any statement to the press, so assigning a spokesperson first was never "
                                     "put to use (silence is not compliance)."), evidence)
        first = context.statements[0]
        speaker = context.role_label(first.role)
        if first_assign is None:
            return Verdict(0.0, Text(f"{speaker.vi} phát ngôn lúc {format_t(first.t)} nhưng suốt buổi diễn tập không ai "
                                     "được phân công làm người phát ngôn.",
                                     f"{speaker.en} made a statement at {format_t(first.t)} but no spokesperson was ever "
                                     "assigned."), (evidence_of(first.event, "first statement"),))
        evidence = (evidence_of(first_assign, "first assignment"), evidence_of(first.event, "first statement"))
        role = context.role_label(assigned_role(first_assign))
        if first_assign["seq"] < first.seq:
            return Verdict(1.0, Text(f"Vai “{role.vi}” được phân công phát ngôn lúc {format_t(first_assign['t'])}, "
                                     f"trước phát ngôn đầu tiên lúc {format_t(first.t)}.",
                                     f"The role “{role.en}” was assigned to speak at {format_t(first_assign['t'])}, before "
                                     f"the first statement at {format_t(first.t)}."), evidence)
        return Verdict(0.0, Text(f"Phát ngôn đầu tiên lúc {format_t(first.t)} ({speaker.vi}) diễn ra trước khi phân công "
                                 f"người phát ngôn lúc {format_t(first_assign['t'])}.",
                                 f"The first statement at {format_t(first.t)} ({speaker.en}) came before a spokesperson "
                                 f"was assigned at {format_t(first_assign['t'])}."), evidence)


class OneFocalPoint(Rule):
    """Every press-facing act (refusals included) is by the role assigned as spokesperson at that moment.

    All or nothing: what anyone else tells the press is not the agency's position
    (Decree 244/2026, Art. 3.7), and one such act breaks the rule.
    """

    name = "one_focal_point"
    title = Text("Một đầu mối phát ngôn", "One focal point")

    def judge(self, context: ScoringContext) -> Verdict:
        statements = context.press_acts
        if not statements:
            return Verdict(0.0, Text("Không ai phát ngôn với báo chí, nên không có đầu mối phát ngôn nào.",
                                     "Nobody spoke to the press, so there was no focal point at all."))
        off: list[Statement] = [s for s in statements if not s.by_spokesperson]
        if not off:
            role = context.role_label(statements[0].role)
            return Verdict(1.0, Text(f"Cả {len(statements)} lần làm việc với báo chí đều do người phát ngôn được phân công "
                                     f"(“{role.vi}”) thực hiện.",
                                     f"{count_en(len(statements), 'statement').capitalize()} came from the assigned "
                                     f"spokesperson (“{role.en}”)."), capped([evidence_of(s.event) for s in statements]))
        first = off[0]
        speaker, holder = context.role_label(first.role), context.role_label(first.spokesperson)
        evidence = [evidence_of(s.event, f"spokesperson in office: {s.spokesperson or '-'}") for s in off]
        return Verdict(
            0.0,
            Text(f"{len(off)}/{len(statements)} lần làm việc với báo chí không do người phát ngôn được phân công thực hiện, "
                 f"đầu tiên là {speaker.vi} lúc {format_t(first.t)} (người phát ngôn lúc đó: {holder.vi}).",
                 f"{of_en(len(off), len(statements), 'statement')} not made by the assigned spokesperson, first "
                 f"{speaker.en} at {format_t(first.t)} (spokesperson at the time: {holder.en})."),
            capped(evidence),
        )
