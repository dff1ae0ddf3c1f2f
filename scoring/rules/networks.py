"""Rules on social networks and monitoring (docs/PROCEDURE_PARTS.md, parts 2 and 3).

- `group_admins_engaged`: every false post of a large group or page (a social post carrying
  false claims with at least `min_reach` readers) gets a `contact_admin` after it appeared
  (Vũng Tàu 139-KH/TU, seed 002: work with the admins of large groups that spread false news).
- `aggregator_removal`: every false item of a general information site (trang thông tin điện tử
  tổng hợp, `scenarios.aggregators`) gets a `request_site_removal` (Decree 147/2024: removal within 24 h
  of the request); such a site is not press, so feedback under Decree 244 Art. 7.6 is not its route.
- `noise_not_chased`: triage. The team watched (monitor, daily_report or flag_issue) and did not
  chase harmless items (scenario posts and articles with no false claim) with a takedown, a site
  removal, an admin call or a police referral; each chase costs a share of the points.
"""

from __future__ import annotations

from scenarios.texts import Text
from scoring.card import Verdict
from scoring.context import ScoringContext, evidence_of
from scoring.rules.base import Rule, RuleParamError, capped, join
from scoring.rules.coverage import targets_handled
from scenarios.aggregators import delivered_from_aggregator

CHASES = {"request_takedown": "post", "request_site_removal": "article", "contact_admin": "post", "refer_police": "item"}
WATCHING = ("monitor", "daily_report", "flag_issue")


class GroupAdminsEngaged(Rule):
    """Share of large false posts whose group or page admin the department contacted."""

    name = "group_admins_engaged"
    title = Text("Làm việc với quản trị viên nhóm, trang lớn", "Admins of large groups and pages engaged")
    defaults = {"min_reach": 3000}

    def check(self) -> None:
        if self.params["min_reach"] < 0:
            raise RuleParamError("parameter 'min_reach' must be a number of readers >= 0")

    def judge(self, context: ScoringContext) -> Verdict:
        posts = [
            p
            for p in context.delivered("social_post")
            if p.get("claims") and (p.get("reach") or 0) >= self.params["min_reach"]
        ]
        return targets_handled(
            context,
            posts,
            "contact_admin",
            "post",
            Text("bài sai sự thật của nhóm, trang lớn", "false posts of large groups or pages"),
            Text("liên hệ quản trị viên", "followed up with their admin"),
            Text(
                "Không có bài sai sự thật nào của nhóm, trang lớn cần làm việc với quản trị viên.",
                "No false post of a large group or page called for its admin.",
            ),
        )


class AggregatorRemoval(Rule):
    """Share of false items of general information sites whose removal the department requested."""

    name = "aggregator_removal"
    title = Text("Yêu cầu trang tin tổng hợp gỡ tin sai", "Removal requested from general information sites")

    def judge(self, context: ScoringContext) -> Verdict:
        items = [
            a
            for a in context.delivered("press_article")
            if a.get("claims") and delivered_from_aggregator(context.scenario, a)
        ]
        return targets_handled(
            context,
            items,
            "request_site_removal",
            "article",
            Text("tin sai của trang thông tin điện tử tổng hợp", "false items of general information sites"),
            Text("yêu cầu gỡ theo Nghị định 147/2024/NĐ-CP", "asked to be removed under Decree 147/2024"),
            Text(
                "Không có tin sai nào của trang thông tin điện tử tổng hợp.",
                "No false item of a general information site came up.",
            ),
        )


class NoiseNotChased(Rule):
    """The team watched and left harmless items alone; each harmless item chased costs `cost` of the points."""

    name = "noise_not_chased"
    title = Text("Phân loại thông tin: không xử lý nhầm tin vô hại", "Triage: harmless items not chased")
    defaults = {"cost": 0.5}

    def check(self) -> None:
        if not 0 < self.params["cost"] <= 1:
            raise RuleParamError("parameter 'cost' must be a share of the points in (0, 1]")

    def judge(self, context: ScoringContext) -> Verdict:
        watching = [a for kind in WATCHING for a in context.actions.get(kind, [])]
        if not watching:
            return Verdict(
                0.0,
                Text(
                    "Không có hoạt động theo dõi, đánh giá thông tin nào, nên không có phân loại.",
                    "Nobody monitored or assessed the items, so nothing was triaged.",
                ),
            )
        harmless = {
            d.get("inject"): d
            for d in context.deliveries.values()
            if d.get("channel") in ("social_post", "press_article", "tv")
            and not d.get("claims")
            and context.scenario.inject(d.get("inject")) is not None
        }
        chases = [
            a
            for kind, param in CHASES.items()
            for a in context.actions.get(kind, [])
            if (a.get("params") or {}).get(param) in harmless
        ]
        if not chases:
            return Verdict(
                1.0,
                Text(
                    f"Đã theo dõi, phân loại thông tin và không xử lý nhầm tin vô hại nào ({len(harmless)} tin vô hại).",
                    f"Items were monitored and triaged; none of the {len(harmless)} harmless item(s) was chased.",
                ),
                capped([evidence_of(watching[0])]),
            )
        chased = [context.inject_label(i) for i in sorted({a["params"][CHASES[a["type"]]] for a in chases})]
        score = max(0.0, 1.0 - self.params["cost"] * len(chases))
        return Verdict(
            score,
            Text(
                f"{len(chases)} lần xử lý nhầm tin vô hại (gỡ bài, chuyển công an, liên hệ quản trị "
                f"viên): {join([n.vi for n in chased], 'vi')}.",
                f"{len(chases)} harmless item(s) chased (takedown, police, admin call): "
                f"{join([n.en or '' for n in chased], 'en')}.",
            ),
            capped([evidence_of(a) for a in chases]),
        )
