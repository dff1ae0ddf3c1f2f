"""Rules on the procedure of Quy định 887-QĐ/TU: the four steps in order, and who speaks.

- `procedure_order`: report up → coordination meeting → the spokesperson
  speaks → the spokesperson reports the results; each step present after the
  previous one earns a quarter.
- `spokesperson_first`: the case's spokesperson is assigned (887-QĐ/TU step 2),
  and nobody who may not speak without that assignment spoke before it.
- `one_focal_point`: every press-facing act is by the spokesperson in office or
  the head of the agency.

Who speaks for the agency (Decree 244/2026 Art. 3.2): the head of the state
agency, the regular spokesperson (in office from the start of the drill, so
speaking before the case assignment is lawful and official), and whoever the
head assigns or authorises in writing for the case (Art. 3.5, 4.1). The
assignment is two acts: the propaganda board proposes (`propose_spokesperson`),
the head decides (`assign_spokesperson`). The head is the role a scenario marks
`head_of_agency` (by default `agency_head`): in the built-in drills whose
`agency_head` runs a department or the disaster command, a simulated
`province_chair` (Chủ tịch UBND tỉnh) is the head, because the one who assigns
the provincial spokesperson is the head of the provincial People's Committee.
Operational situation reports of a command (`situation_report`, e.g. Ban Chỉ
huy phòng, chống thiên tai in a flash flood) are not press-facing statements,
so they are never a second voice.
"""

from __future__ import annotations

from scenarios.texts import Text
from scoring.card import Evidence, Verdict
from scenarios.figures import format_t
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
        for number in range(1, len(STEPS) + 1):
            event = self._find(context, number, anchor)
            if event is None:
                exists = self._exists(context, number)
                problems.append((number, exists))
                evidence.append(
                    Evidence(None, None, "missing", f"step {number}: " + ("out of order" if exists else "absent"))
                )
                continue
            anchor = event["seq"]
            found.append((number, event))
            evidence.append(evidence_of(event, f"step {number}"))
        if not problems:
            times = {
                lang: join([f"{STEPS[n - 1].in_(lang)} {format_t(e['t'])}" for n, e in found], lang) for lang in ("vi", "en")
            }
            return Verdict(
                1.0,
                Text(f"Đủ bốn bước theo đúng thứ tự: {times['vi']}.", f"All four steps in order: {times['en']}."),
                tuple(evidence),
            )
        missing = {
            lang: join(
                [
                    f"bước {n} ({STEPS[n - 1].vi}) " + ("diễn ra không đúng thứ tự" if exists else "không có")
                    if lang == "vi"
                    else f"step {n} ({STEPS[n - 1].en}) " + ("was out of order" if exists else "is missing")
                    for n, exists in problems
                ],
                lang,
            )
            for lang in ("vi", "en")
        }
        done = len(found)
        head = (
            Text(f"Chỉ {done}/4 bước đúng thứ tự", f"Only {done} of 4 steps in order")
            if done
            else Text("Không bước nào được thực hiện đúng thứ tự", "None of the four steps was taken in order")
        )
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
            return next((s.event for s in context.statements if s.seq > after and s.official), None)
        return context.first_action_after("report_results", after)

    @staticmethod
    def _exists(context: ScoringContext, number: int) -> bool:
        if number == 3:
            return any(s.official for s in context.statements)
        kind = ("report_up", "convene_meeting", None, "report_results")[number - 1]
        return bool(context.actions.get(kind))


class SpokespersonFirst(Rule):
    """The case's spokesperson is assigned (887-QĐ/TU step 2); before it only the regular spokesperson or the head spoke.

    A statement by the regular spokesperson or the head before the assignment is
    lawful (Decree 244/2026 Art. 3.2) and no fault; the case assignment is still
    expected by the procedure, so a drill without one earns nothing, and so does
    silence (nothing was put to use).
    """

    name = "spokesperson_first"
    title = Text(
        "Phân công người phát ngôn của vụ việc (bước 2, 887-QĐ/TU)", "The case's spokesperson assigned (step 2, 887-QĐ/TU)"
    )

    def judge(self, context: ScoringContext) -> Verdict:
        first_assign = context.assignments[0] if context.assignments else None
        if not context.statements:
            return Verdict(
                0.0,
                Text(
                    "Không có phát ngôn nào với báo chí trong buổi diễn tập, nên không đánh giá được việc "
                    "phân công người phát ngôn trước khi phát ngôn (im lặng không phải là tuân thủ).",
                    "Nobody made any statement to the press, so assigning a spokesperson first was never "
                    "put to use (silence is not compliance).",
                ),
                (evidence_of(first_assign),) if first_assign else (),
            )
        first = context.statements[0]
        if first_assign is None:
            return self._unassigned(context, first)
        early = [s for s in context.statements if s.seq < first_assign["seq"] and not s.official]
        role = context.role_label(assigned_role(first_assign))
        evidence: list[Evidence] = [evidence_of(first_assign, "case assignment")]
        if early:
            stray = early[0]
            speaker = context.role_label(stray.role)
            evidence.insert(0, evidence_of(stray.event, "statement before the case assignment"))
            return Verdict(
                0.0,
                Text(
                    f"{speaker.vi} phát ngôn lúc {format_t(stray.t)}, trước khi phân công người phát ngôn "
                    f"của vụ việc lúc {format_t(first_assign['t'])}, mà không phải người phát ngôn "
                    "thường xuyên hay người đứng đầu cơ quan.",
                    f"{speaker.en} made a statement at {format_t(stray.t)}, before the case's spokesperson "
                    f"was assigned at {format_t(first_assign['t'])}, and is neither the regular "
                    "spokesperson nor the head of the agency.",
                ),
                tuple(evidence),
            )
        before = [s for s in context.statements if s.seq < first_assign["seq"]]
        note = (
            Text(
                f"; {len(before)} phát ngôn trước đó của người phát ngôn thường xuyên hoặc người đứng đầu là hợp lệ",
                f"; {len(before)} earlier statement{'s' if len(before) > 1 else ''} by the regular spokesperson "
                f"or the head {'were' if len(before) > 1 else 'was'} lawful",
            )
            if before
            else Text("", "")
        )
        return Verdict(
            1.0,
            Text(
                f"Vai “{role.vi}” được phân công phát ngôn lúc {format_t(first_assign['t'])}, "
                f"phát ngôn đầu tiên lúc {format_t(first.t)}{note.vi}.",
                f"The role “{role.en}” was assigned to speak at {format_t(first_assign['t'])}, the first "
                f"statement at {format_t(first.t)}{note.en}.",
            ),
            (*evidence, evidence_of(first.event, "first statement")),
        )

    @staticmethod
    def _unassigned(context: ScoringContext, first: Statement) -> Verdict:
        speaker = context.role_label(first.role)
        proposal = next(iter(context.actions.get("propose_spokesperson", [])), None)
        evidence = [evidence_of(first.event, "first statement")]
        why = Text("", "")
        if proposal is not None:
            evidence.append(evidence_of(proposal, "proposal without a decision"))
            why = Text(
                f" (Ban Tuyên giáo đề xuất lúc {format_t(proposal['t'])} nhưng người đứng đầu không quyết định)",
                f" (the propaganda board proposed at {format_t(proposal['t'])} but the head never decided)",
            )
        return Verdict(
            0.0,
            Text(
                f"{speaker.vi} phát ngôn lúc {format_t(first.t)} nhưng suốt buổi diễn tập không ai "
                f"được phân công làm người phát ngôn của vụ việc{why.vi}.",
                f"{speaker.en} made a statement at {format_t(first.t)} but no spokesperson was ever "
                f"assigned for the case{why.en}.",
            ),
            tuple(evidence),
        )


class OneFocalPoint(Rule):
    """Every press-facing act (refusals included) is by the spokesperson in office at that moment or the head.

    All or nothing: what anyone else tells the press is not the agency's position
    (Decree 244/2026, Art. 3.7) and the head answers for information that is not
    consistent (Art. 8.3), so one such act breaks the rule. A command's
    situation reports (`situation_report`) are not press-facing acts.
    """

    name = "one_focal_point"
    title = Text("Một đầu mối phát ngôn", "One focal point")

    def judge(self, context: ScoringContext) -> Verdict:
        statements = context.press_acts
        if not statements:
            return Verdict(
                0.0,
                Text(
                    "Không ai phát ngôn với báo chí, nên không có đầu mối phát ngôn nào.",
                    "Nobody spoke to the press, so there was no focal point at all.",
                ),
            )
        off: list[Statement] = [s for s in statements if not s.official]
        if not off:
            role = context.role_label(statements[0].role)
            return Verdict(
                1.0,
                Text(
                    f"Cả {len(statements)} lần làm việc với báo chí đều do người phát ngôn (“{role.vi}”) thực hiện.",
                    f"{count_en(len(statements), 'statement').capitalize()} came from the spokesperson (“{role.en}”).",
                ),
                capped([evidence_of(s.event) for s in statements]),
            )
        first = off[0]
        speaker, holder = context.role_label(first.role), context.role_label(first.spokesperson)
        evidence = [evidence_of(s.event, f"spokesperson in office: {s.spokesperson or '-'}") for s in off]
        return Verdict(
            0.0,
            Text(
                f"{len(off)}/{len(statements)} lần làm việc với báo chí không do người phát ngôn hay người đứng đầu thực "
                f"hiện, đầu tiên là {speaker.vi} lúc {format_t(first.t)} (người phát ngôn lúc đó: {holder.vi}).",
                f"{of_en(len(off), len(statements), 'statement')} not made by the spokesperson or the head, first "
                f"{speaker.en} at {format_t(first.t)} (spokesperson at the time: {holder.en}).",
            ),
            capped(evidence),
        )
