"""Rules on dealing with the press: answering every request, written feedback on every false item.

- `press_requests_answered`: every delivered press call is answered before its
  deadline, with a text (a partial answer's `withheld` part on a lawful
  ground) or a refusal on a lawful ground. The first answer to a
  call decides (the world, too, counts only the first). A call whose deadline
  falls after the horizon (`scoring.deadlines.horizon`: the end of a complete
  drill) with no answer yet is not counted; if no call fell due, the rule is
  *not yet due*. A drill ended early is judged to its planned duration, so a call
  left open by ending early is not met.
- `corrections_requested`: every delivered press article and TV or radio item
  that carries false claims (including the world's `<call>-followup` articles)
  gets the agency's written feedback (`request_correction` naming it) after it
  went out. That feedback is the agency's duty (Decree 244/2026 Art. 7.6: written
  feedback stating the grounds, asking correction and apology); publishing it is
  the outlet's (Decree 237/2026 Art. 21), and so is the correction and apology,
  which follows a conclusion (Decree 237/2026 Art. 19): the rule scores the
  feedback and shows the outlet's reply as evidence, never as the team's act.
  Items of general information sites are not press and go by `aggregator_removal`
  instead (Decree 147/2024).
"""

from __future__ import annotations

from scenarios.actions import LAWFUL_REFUSALS
from scenarios.aggregators import delivered_from_aggregator

from scenarios.texts import Text
from scoring.card import Evidence, Verdict
from scenarios.figures import format_t
from scoring.context import Event, ScoringContext, evidence_of
from scoring.deadlines import call_deadline, due
from scoring.rules.base import Rule, RuleParamError, capped, count_en, items_at, join, of_en, share

FALSE_ITEM_CHANNELS = ("press_article", "tv", "radio")  # what the press publishes or broadcasts


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
            call_id, deadline = call.get("inject"), call_deadline(context, call)
            answer = next((a for a in context.answers.get(call_id, []) if a["seq"] > call["seq"]), None)
            evidence.append(evidence_of(call))
            if answer is None and not due(deadline, context) and call_id not in missed:
                open_calls.append(call_id)
                evidence.append(Evidence(None, deadline, "open", f"{call_id}: not yet due when the drill ends"))
                continue
            counted += 1
            fault = self._fault(context.inject_label(call_id), deadline, answer)
            if answer is not None:
                evidence.append(evidence_of(answer, (fault.en or "") if fault else "answered in time"))
            elif call_id in missed:
                evidence.append(evidence_of(missed[call_id]))
            if fault is None:
                good.append(call_id)
            else:
                faults.append(fault)
        note = (
            Text(
                f" ({len(open_calls)} cuộc gọi chưa đến hạn khi kết thúc không được tính)",
                f" ({len(open_calls)} call(s) not yet due at the end not counted)",
            )
            if open_calls
            else Text("", "")
        )
        if not counted and calls:
            return Verdict(
                0.0,
                Text(
                    f"Chưa đến hạn: chưa yêu cầu nào của báo chí đến hạn trả lời{note.vi}.",
                    f"Not yet due: no press request fell due{note.en}.",
                ),
                capped(evidence),
                due=False,
            )
        if not counted:
            return Verdict(1.0, Text("Không có yêu cầu nào của báo chí.", "No press request came in."))
        if not faults:
            names, verb = [context.inject_label(g) for g in good], "was" if counted == 1 else "were"
            return Verdict(
                1.0,
                Text(
                    f"Đã trả lời đúng hạn và hợp lệ cả {counted} yêu cầu của báo chí "
                    f"({join([n.vi for n in names], 'vi')}){note.vi}.",
                    f"{count_en(counted, 'press request').capitalize()} "
                    f"({join([n.en or '' for n in names], 'en')}) {verb} answered in "
                    f"time and lawfully{note.en}.",
                ),
                capped(evidence),
            )
        shown = faults[:3]
        more = (
            Text(f" và {len(faults) - 3} yêu cầu khác", f" and {len(faults) - 3} more") if len(faults) > 3 else Text("", "")
        )
        return Verdict(
            share(len(good), counted),
            Text(
                f"{len(faults)}/{counted} yêu cầu của báo chí không được trả lời hợp lệ: "
                f"{join([f.vi for f in shown], 'vi')}{more.vi}{note.vi}.",
                f"{of_en(len(faults), counted, 'press request')} not properly answered: "
                f"{join([f.en or '' for f in shown], 'en')}{more.en}{note.en}.",
            ),
            capped(evidence),
        )

    def _fault(self, call: Text, deadline: float, answer: Event | None) -> Text | None:
        """Why the answer to `call` (named as trainees saw it) does not meet the rule (None when it does)."""
        due = format_t(deadline)
        if answer is None:
            return Text(f"{call.vi} không được trả lời (hạn {due})", f"{call.en} got no answer (deadline {due})")
        if float(answer["t"]) > deadline:
            return Text(
                f"{call.vi} trả lời muộn lúc {format_t(answer['t'])} (hạn {due})",
                f"{call.en} was answered late at {format_t(answer['t'])} (deadline {due})",
            )
        params = answer.get("params") or {}
        if "text" not in params:
            reason = params.get("refusal")
            if reason not in self.params["lawful"]:
                return Text(
                    f"{call.vi} bị từ chối với lý do không hợp pháp '{reason}' lúc {format_t(answer['t'])}",
                    f"{call.en} was refused on an unlawful ground '{reason}' at {format_t(answer['t'])}",
                )
        elif "withheld" in params and params["withheld"] not in self.params["lawful"]:  # a partial answer
            return Text(
                f"{call.vi} được trả lời một phần nhưng phần không cung cấp viện lý do không hợp pháp "
                f"'{params['withheld']}' lúc {format_t(answer['t'])}",
                f"{call.en} was answered in part but the part held back rests on an unlawful ground "
                f"'{params['withheld']}' at {format_t(answer['t'])}",
            )
        return None


class CorrectionsRequested(Rule):
    """Share of delivered false press and broadcast items with the agency's written feedback after them."""

    name = "corrections_requested"
    title = Text("Phản hồi bằng văn bản tin sai trên báo chí", "Written feedback on every false press item")

    def judge(self, context: ScoringContext) -> Verdict:
        articles = [
            a
            for channel in FALSE_ITEM_CHANNELS
            for a in context.delivered(channel)  # a general information
            if a.get("claims") and not delivered_from_aggregator(context.scenario, a)
        ]  # site: aggregator_removal
        articles.sort(key=lambda a: a["seq"])
        if not articles:
            return Verdict(
                1.0,
                Text(
                    "Không có tin sai sự thật nào trên báo chí, phát thanh, truyền hình cần phản hồi.",
                    "No false press, radio or TV item needed written feedback.",
                ),
            )
        replies: dict[int | None, list[Event]] = {}
        for reply in context.by_kind.get("reply", []):
            replies.setdefault(reply.get("in_reply_to"), []).append(reply)
        done, missing, evidence = [], [], []
        for article in articles:
            article_id = article.get("inject")
            request = next((r for r in context.corrections.get(article_id, []) if r["seq"] > article["seq"]), None)
            evidence.append(evidence_of(article))
            if request is None:
                missing.append(article)
            else:
                done.append(context.inject_label(article_id))
                evidence.append(evidence_of(request, "written feedback (Decree 244/2026 Art. 7.6)"))
                evidence.extend(
                    evidence_of(r, f"the outlet's reply: {r.get('effect')}") for r in replies.get(request["seq"], [])
                )
        if not missing:
            return Verdict(
                1.0,
                Text(
                    f"Đã có văn bản phản hồi, yêu cầu cải chính cho cả {len(articles)} tin sai sự thật "
                    f"({join([n.vi for n in done], 'vi')}); cơ quan báo chí phải đăng, phát phản hồi đó.",
                    f"Written feedback asking correction went to {count_en(len(articles), 'false item')} "
                    f"({join([n.en or '' for n in done], 'en')}); the outlet must publish it.",
                ),
                capped(evidence),
            )
        names = {lang: items_at(context, missing[:4], lang) for lang in ("vi", "en")}
        more = (
            Text(f" và {len(missing) - 4} bài khác", f" and {len(missing) - 4} more") if len(missing) > 4 else Text("", "")
        )
        return Verdict(
            share(len(done), len(articles)),
            Text(
                f"{len(missing)}/{len(articles)} tin sai sự thật không có văn bản phản hồi, yêu cầu cải chính: "
                f"{names['vi']}{more.vi}.",
                f"{of_en(len(missing), len(articles), 'false item')} left without written feedback: {names['en']}{more.en}.",
            ),
            capped(evidence),
        )
