"""Rules on dealing with the press: answering every request, asking correction of every false article.

- `press_requests_answered`: every delivered press call is answered before its
  deadline, with a text or a refusal on a lawful ground. The first answer to a
  call decides (the world, too, counts only the first). A call still open when
  the log ends (its deadline after the last event) is not counted.
- `corrections_requested`: every delivered press article that carries false
  claims (including the world's `<call>-followup` articles) gets a
  request_correction naming it, after it was published. Items of general information sites are not
  press and go by `aggregator_removal` instead (Decree 147/2024).
"""

from __future__ import annotations

from sim.actions import LAWFUL_REFUSALS
from sim.aggregators import delivered_from_aggregator

from scoring.card import Evidence, Text, Verdict, format_t
from scoring.context import Event, ScoringContext, evidence_of
from scoring.rules.base import Rule, RuleParamError, capped, count_en, join, of_en, share


def _deadline(context: ScoringContext, call: Event) -> float:
    if call.get("deadline") is not None:
        return float(call["deadline"])
    window = call.get("response_window")
    if window is None:
        inject = context.scenario.inject(call.get("inject"))
        window = inject.response_window if inject is not None else None
    return float(call["t"]) + float(window) if window is not None else float("inf")


class PressRequestsAnswered(Rule):
    """Share of delivered press calls answered in time, with a text or a lawful refusal."""

    name = "press_requests_answered"
    title = Text("Trả lời mọi yêu cầu của báo chí", "Every press request answered")
    defaults = {"lawful": list(LAWFUL_REFUSALS)}

    def check(self) -> None:
        if not self.params["lawful"]:
            raise RuleParamError("parameter 'lawful' must list at least one lawful reason for refusing")

    def judge(self, context: ScoringContext) -> Verdict:
        calls = context.delivered("press_call")
        missed = {e.get("inject"): e for e in context.by_kind.get("deadline_missed", [])}
        good, counted, evidence, faults = [], 0, [], []
        open_calls = []
        for call in calls:
            call_id, deadline = call.get("inject"), _deadline(context, call)
            answer = next((a for a in context.answers.get(call_id, []) if a["seq"] > call["seq"]), None)
            evidence.append(evidence_of(call))
            if answer is None and deadline > context.last_t and call_id not in missed:
                open_calls.append(call_id)
                evidence.append(Evidence(None, deadline, "open", f"{call_id}: still open when the log ends"))
                continue
            counted += 1
            fault = self._fault(call_id, deadline, answer)
            if answer is not None:
                evidence.append(evidence_of(answer, fault.en if fault else "answered in time"))
            elif call_id in missed:
                evidence.append(evidence_of(missed[call_id]))
            if fault is None:
                good.append(call_id)
            else:
                faults.append(fault)
        note = Text(f" ({len(open_calls)} cuộc gọi còn trong hạn khi kết thúc không được tính)",
                    f" ({len(open_calls)} call(s) still open at the end not counted)") if open_calls else Text("", "")
        if not counted:
            what = Text("Không có yêu cầu nào của báo chí đến hạn trả lời", "No press request fell due") if calls else \
                Text("Không có yêu cầu nào của báo chí", "No press request came in")
            return Verdict(1.0, Text(f"{what.vi}{note.vi}.", f"{what.en}{note.en}."), capped(evidence))
        if not faults:
            names, verb = ", ".join(good), "was" if counted == 1 else "were"
            return Verdict(1.0, Text(f"Đã trả lời đúng hạn và hợp lệ cả {counted} yêu cầu của báo chí ({names}){note.vi}.",
                                     f"{count_en(counted, 'press request').capitalize()} ({names}) {verb} answered in "
                                     f"time and lawfully{note.en}."), capped(evidence))
        shown = faults[:3]
        more = Text(f" và {len(faults) - 3} yêu cầu khác", f" and {len(faults) - 3} more") if len(faults) > 3 else Text("", "")
        return Verdict(
            share(len(good), counted),
            Text(f"{len(faults)}/{counted} yêu cầu của báo chí không được trả lời hợp lệ: "
                 f"{join([f.vi for f in shown], 'vi')}{more.vi}{note.vi}.",
                 f"{of_en(len(faults), counted, 'press request')} not properly answered: "
                 f"{join([f.en for f in shown], 'en')}{more.en}{note.en}."),
            capped(evidence),
        )

    def _fault(self, call_id: str, deadline: float, answer: Event | None) -> Text | None:
        """Why an answer does not meet the rule (None when it does)."""
        due = format_t(deadline)
        if answer is None:
            return Text(f"{call_id} không được trả lời (hạn {due})", f"{call_id} got no answer (deadline {due})")
        if float(answer["t"]) > deadline:
            return Text(f"{call_id} trả lời muộn lúc {format_t(answer['t'])} (hạn {due})",
                        f"{call_id} was answered late at {format_t(answer['t'])} (deadline {due})")
        params = answer.get("params") or {}
        if "text" not in params:
            reason = params.get("refusal")
            if reason not in self.params["lawful"]:
                return Text(f"{call_id} bị từ chối với lý do không hợp pháp '{reason}' lúc {format_t(answer['t'])}",
                            f"{call_id} was refused on an unlawful ground '{reason}' at {format_t(answer['t'])}")
        return None


class CorrectionsRequested(Rule):
    """Share of delivered false press articles with a written request for correction after them."""

    name = "corrections_requested"
    title = Text("Yêu cầu cải chính bài báo sai sự thật", "Correction requested for every false article")

    def judge(self, context: ScoringContext) -> Verdict:
        articles = [a for a in context.delivered("press_article")  # a general information site is not press:
                    if a.get("claims") and not delivered_from_aggregator(context.scenario, a)]  # aggregator_removal
        if not articles:
            return Verdict(1.0, Text("Không có bài báo sai sự thật nào cần yêu cầu cải chính.",
                                     "No false press article needed a correction request."))
        done, missing, evidence = [], [], []
        for article in articles:
            article_id = article.get("inject")
            request = next((r for r in context.corrections.get(article_id, []) if r["seq"] > article["seq"]), None)
            evidence.append(evidence_of(article))
            if request is None:
                missing.append(article)
            else:
                done.append(article_id)
                evidence.append(evidence_of(request))
        if not missing:
            return Verdict(1.0, Text(f"Đã có văn bản yêu cầu cải chính cho cả {len(articles)} bài báo sai sự thật "
                                     f"({', '.join(done)}).",
                                     f"A written correction request went to {count_en(len(articles), 'false article')} "
                                     f"({', '.join(done)})."), capped(evidence))
        names = {lang: join([f"{a.get('inject')} ({format_t(a['t'])})" for a in missing[:4]], lang)
                 for lang in ("vi", "en")}
        more = Text(f" và {len(missing) - 4} bài khác", f" and {len(missing) - 4} more") if len(missing) > 4 else Text("", "")
        return Verdict(
            share(len(done), len(articles)),
            Text(f"{len(missing)}/{len(articles)} bài báo sai sự thật không có văn bản yêu cầu cải chính: "
                 f"{names['vi']}{more.vi}.",
                 f"{of_en(len(missing), len(articles), 'false article')} left without a written correction request: "
                 f"{names['en']}{more.en}."),
            capped(evidence),
        )
