"""The outcome of the play (`outcome`): how high the crisis climbed and how many believe the rumour at the end.

Not a legal rule: it scores what the procedure is for. Read from the `end`
event (`max_level`, `belief`); for a log without one (a drill still running),
from the `escalation` events and the last `opinion` sample. A share
`level_weight` of the points is lost in proportion to the levels climbed above
the scenario's start level (all of it at the top level); the rest is lost as
the final belief goes from `belief_ok` (nothing lost) to `belief_bad` (all lost).
"""

from __future__ import annotations

from scenarios.texts import Text
from scoring.card import Verdict
from scenarios.figures import format_percent
from scoring.context import ScoringContext, evidence_of
from scoring.rules.base import Rule, RuleParamError, capped


class Outcome(Rule):
    """Full points when the crisis never rose above its start level and belief ends at or under `belief_ok`."""

    name = "outcome"
    title = Text("Kết quả: cấp độ khủng hoảng và mức tin đồn cuối buổi", "Outcome: crisis level and belief at the end")
    defaults = {"belief_ok": 0.02, "belief_bad": 0.2, "level_weight": 0.5}

    def check(self) -> None:
        ok, bad, weight = self.params["belief_ok"], self.params["belief_bad"], self.params["level_weight"]
        if not (0 <= ok < bad <= 1):
            raise RuleParamError(f"need 0 <= belief_ok < belief_bad <= 1, got belief_ok={ok}, belief_bad={bad}")
        if not (0 <= weight <= 1):
            raise RuleParamError(f"parameter 'level_weight' must be between 0 and 1, got {weight}")

    def judge(self, context: ScoringContext) -> Verdict:
        scenario = context.scenario
        start, top = scenario.start_level, scenario.top_level
        escalations = context.by_kind.get("escalation", [])
        end = context.end
        if end is not None and end.get("max_level") is not None:
            reached = int(end["max_level"])
        else:
            reached = max([start, *(int(e.get("to", start)) for e in escalations)])
        belief = end.get("belief") if end is not None else None
        if belief is None and context.by_kind.get("opinion"):
            belief = context.by_kind["opinion"][-1].get("belief")
        climbed = max(0, reached - start)
        level_share = 1 - min(1.0, climbed / max(1, top - start))
        if belief is None:
            belief_share = 0.0
        else:
            ok, bad = self.params["belief_ok"], self.params["belief_bad"]
            belief_share = min(1.0, max(0.0, (bad - belief) / (bad - ok)))
        weight = self.params["level_weight"]
        earned = round(weight * level_share + (1 - weight) * belief_share, 6)
        evidence = [evidence_of(e) for e in escalations] + ([evidence_of(end)] if end is not None else [])
        level = Text(
            f"khủng hoảng {'giữ ở' if climbed == 0 else 'lên tới'} cấp {reached} (bắt đầu cấp {start}, cao nhất cấp {top})",
            f"the crisis {'stayed at' if climbed == 0 else 'rose to'} level {reached} (start {start}, top {top})",
        )
        if belief is None:
            believed = Text(
                "không rõ tỷ lệ người tin tin đồn lúc kết thúc", "the share believing the rumour at the end is unknown"
            )
        else:
            threshold = self.params["belief_ok"]
            believed = Text(
                f"lúc kết thúc {format_percent(belief, 'vi')} dân số tin tin đồn "
                f"(ngưỡng đạt {format_percent(threshold, 'vi')})",
                f"{format_percent(belief, 'en')} of the population believed the rumour at the end "
                f"(threshold {format_percent(threshold, 'en')})",
            )
        head = Text("Kết quả tốt: " if earned >= 1 else "", "Good outcome: " if earned >= 1 else "")
        vi = f"{head.vi}{level.vi} và {believed.vi}."
        en = f"{head.en}{level.en} and {believed.en}."
        return Verdict(min(1.0, earned), Text(vi[0].upper() + vi[1:], en[0].upper() + en[1:]), capped(evidence))
