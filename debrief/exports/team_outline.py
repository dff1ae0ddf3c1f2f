"""Section III of the printed report, for one team: its results, opinion chart, score card, key moments, observations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief.exports.blocks import Block, Chart, Fields, Heading, Para, Table
from debrief.exports.csv_export import Labels as Labels
from debrief.exports.wording import Wording, citation

KEY_MOMENTS = ("escalation", "deadline_missed", "refused", "end")  # timeline categories a reader looks for
Document = Mapping[str, Any]


def _participants(team: Document, labels: Labels) -> str:
    return "; ".join(f"{m['name']} ({labels.role(m['role'])})" for m in team["members"]) or labels.say(
        "không có (chạy thử)", "none (a trial run)"
    )


def _opinion_summary(team: Document, say: Wording) -> str:
    opinion = team["opinion"]
    if not opinion:
        return say(
            "Chưa có số liệu dư luận: đội chưa chạy kịch bản.", "No opinion figures: the team has not played the scenario."
        )
    peak, first, last = max(opinion, key=lambda p: p["belief"]), opinion[0], opinion[-1]
    return say(
        f"Tỷ lệ người dân tin tin đồn: cao nhất {say.share(peak['belief'])} ({peak['time']}), cuối cùng "
        f"{say.share(last['belief'])} ({last['time']}). Niềm tin vào chính quyền: ban đầu {say.share(first['trust'])} "
        f"({first['time']}), cuối cùng {say.share(last['trust'])}. Cấp độ khủng hoảng cao nhất: cấp {team['max_level']}.",
        f"Share of the population believing the rumour: highest {say.share(peak['belief'])} ({peak['time']}), final "
        f"{say.share(last['belief'])} ({last['time']}). Trust in the authorities: initially {say.share(first['trust'])} "
        f"({first['time']}), finally {say.share(last['trust'])}. Highest crisis level: level {team['max_level']}.",
    )


def chart(team: Document, exercise: Document, say: Wording) -> Chart:
    """The team's opinion and level over the drill's time, from its opinion samples and level steps."""
    steps = tuple((s["t"], s["level"]) for s in team["levels"])
    return Chart(
        title=say(
            f"Diễn biến dư luận và cấp độ khủng hoảng – {team['team']}",
            f"Public opinion and crisis level over time – {team['team']}",
        ),
        points=tuple((p["t"], p["belief"], p["trust"]) for p in team["opinion"]),
        steps=steps,
        duration=exercise["duration"],
        top_level=max([exercise["level"], *(level for _, level in steps)]),
        lang=say.lang,
    )


def _score_card(team: Document, say: Wording) -> Table:
    overridden = say(" (giảng viên điều chỉnh)", " (overridden by the instructor)")
    rows = tuple(
        (
            say.pick(r["title"]),
            say.result(r) + (overridden if r.get("override") else ""),
            say.score(r["points"], r["max_points"]),
            citation(say.pick(r["source"])),
        )
        for r in team["card"]["rules"]
    )
    header = (
        say("Tiêu chí", "Criterion"),
        say("Kết quả", "Result"),
        say("Điểm", "Points"),
        say("Căn cứ/tham chiếu", "Basis/reference"),
    )
    return Table(header, rows, (36, 15, 10, 39))


def _overrides(team: Document, say: Wording) -> list[Block]:
    """Each verdict the instructor overrode: the rule, the automatic verdict, who and why."""
    return [
        Para(f"- {say.pick(r['title'])}: {say.override_note(r)}", "item") for r in team["card"]["rules"] if r.get("override")
    ]


def _key_moments(team: Document, labels: Labels) -> Block:
    say = labels.say
    rows = tuple(
        (e["time"], labels.of("categories", e["category"]), say.pick(e["summary"]))
        for e in team["timeline"]
        if e["category"] in KEY_MOMENTS
    )
    if not rows:
        return Para(
            say(
                "- Không có leo thang, quá hạn trả lời hay hành động bị từ chối.",
                "- No escalation, missed reply deadline or refused action.",
            ),
            "item",
        )
    return Table((say("Thời điểm", "Time"), say("Diễn biến", "Event"), say("Nội dung", "Details")), rows, (13, 17, 70))


def _observations(team: Document, say: Wording) -> list[Block]:
    notes = [e for e in team["timeline"] if e["category"] == "observation"]
    if not notes:
        return [Para(say("- Không có ghi nhận.", "- No observations."), "item")]
    return [Para(f"- {e['time']}, {e['who']}: {say.pick(e['summary'])}", "item") for e in notes]


def team_blocks(position: int, team: Document, exercise: Document, labels: Labels) -> list[Block]:
    """Subsection `position` of section III: one team's results."""
    card, say = team["card"], labels.say
    overridden = say(" (có kết luận điều chỉnh của giảng viên)", " (with verdicts overridden by the instructor)")
    fields = Fields(
        (
            (say("Học viên", "Trainees"), _participants(team, labels)),
            (say("Trạng thái", "Status"), labels.of("team_statuses", team["status"])),
            (say("Tổng điểm", "Total score"), say.score(card["total"], 100) + (overridden if card["overridden"] else "")),
            (
                say("Điểm thưởng (thực hành tốt, ngoài tổng điểm)", "Bonus (good practice, outside the total)"),
                say.number(card["bonus"]),
            ),
            (
                say("Cấp độ khủng hoảng", "Crisis level"),
                say(
                    f"khi kết thúc cấp {team['final_level']}, cao nhất cấp {team['max_level']}",
                    f"level {team['final_level']} at the end, level {team['max_level']} at the highest",
                ),
            ),
            (
                say("Dư luận khi kết thúc", "Public opinion at the end"),
                say(
                    f"{say.share(team['final_belief'])} dân số tin tin đồn; "
                    f"niềm tin vào chính quyền {say.share(team['final_trust'])}",
                    f"{say.share(team['final_belief'])} of the population believe the rumour; "
                    f"trust in the authorities {say.share(team['final_trust'])}",
                ),
            ),
            (
                say("Cuộc gọi báo chí không được trả lời đúng hạn", "Press calls not answered in time"),
                str(len(team["missed_deadlines"])),
            ),
        )
    )
    return [
        Heading(f"{position}. {team['team']}", level=2),
        fields,
        chart(team, exercise, say),
        Para(_opinion_summary(team, say)),
        Para(say("a) Phiếu điểm từng tiêu chí", "a) Score card, criterion by criterion"), "label"),
        _score_card(team, say),
        *_overrides(team, say),
        Para(
            say(
                "b) Diễn biến chính: leo thang, quá hạn trả lời, hành động bị từ chối, kết thúc",
                "b) Key moments: escalations, missed reply deadlines, refused actions, the end",
            ),
            "label",
        ),
        _key_moments(team, labels),
        Para(say("c) Ghi nhận của giảng viên", "c) The instructor's observations"), "label"),
        *_observations(team, say),
    ]
