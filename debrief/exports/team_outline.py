"""Section III of the printed report, for one team: its results, opinion chart, score card, key moments, observations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief.exports.blocks import Block, Chart, Fields, Heading, Para, Table
from debrief.exports.csv_export import Labels as Labels
from debrief.exports.wording import citation, number, override_note, result, score, share

KEY_MOMENTS = ("escalation", "deadline_missed", "refused", "end")  # timeline categories a reader looks for
Document = Mapping[str, Any]


def _participants(team: Document, labels: Labels) -> str:
    return "; ".join(f"{m['name']} ({labels.role(m['role'])})" for m in team["members"]) or "không có (chạy thử)"


def _opinion_summary(team: Document) -> str:
    opinion = team["opinion"]
    if not opinion:
        return "Chưa có số liệu dư luận: đội chưa chạy kịch bản."
    peak, first, last = max(opinion, key=lambda p: p["belief"]), opinion[0], opinion[-1]
    return (
        f"Tỷ lệ người dân tin tin đồn: cao nhất {share(peak['belief'])} ({peak['time']}), cuối cùng "
        f"{share(last['belief'])} ({last['time']}). Niềm tin vào chính quyền: ban đầu {share(first['trust'])} "
        f"({first['time']}), cuối cùng {share(last['trust'])}. Cấp độ khủng hoảng cao nhất: cấp {team['max_level']}."
    )


def chart(team: Document, exercise: Document) -> Chart:
    """The team's opinion and level over the drill's time, from its opinion samples and level steps."""
    steps = tuple((s["t"], s["level"]) for s in team["levels"])
    return Chart(
        title=f"Diễn biến dư luận và cấp độ khủng hoảng – {team['team']}",
        points=tuple((p["t"], p["belief"], p["trust"]) for p in team["opinion"]),
        steps=steps,
        duration=exercise["duration"],
        top_level=max([exercise["level"], *(level for _, level in steps)]),
    )


def _score_card(team: Document) -> Table:
    rows = tuple(
        (
            r["title"]["vi"],
            result(r).vi + (" (giảng viên điều chỉnh)" if r.get("override") else ""),
            score(r["points"], r["max_points"]),
            citation(r["source"]["vi"]),
        )
        for r in team["card"]["rules"]
    )
    return Table(("Tiêu chí", "Kết quả", "Điểm", "Căn cứ/tham chiếu"), rows, (36, 15, 10, 39))


def _overrides(team: Document) -> list[Block]:
    """Each verdict the instructor overrode: the rule, the automatic verdict, who and why."""
    return [Para(f"- {r['title']['vi']}: {override_note(r)}", "item") for r in team["card"]["rules"] if r.get("override")]


def _key_moments(team: Document, labels: Labels) -> Block:
    rows = tuple(
        (e["time"], labels.of("categories", e["category"]), e["summary"]["vi"])
        for e in team["timeline"]
        if e["category"] in KEY_MOMENTS
    )
    if not rows:
        return Para("- Không có leo thang, quá hạn trả lời hay hành động bị từ chối.", "item")
    return Table(("Thời điểm", "Diễn biến", "Nội dung"), rows, (13, 17, 70))


def _observations(team: Document) -> list[Block]:
    notes = [e for e in team["timeline"] if e["category"] == "observation"]
    if not notes:
        return [Para("- Không có ghi nhận.", "item")]
    return [Para(f"- {e['time']}, {e['who']}: {e['summary']['vi']}", "item") for e in notes]


def team_blocks(position: int, team: Document, exercise: Document, labels: Labels) -> list[Block]:
    """Subsection `position` of section III: one team's results."""
    card = team["card"]
    fields = Fields(
        (
            ("Học viên", _participants(team, labels)),
            ("Trạng thái", labels.of("team_statuses", team["status"])),
            (
                "Tổng điểm",
                score(card["total"], 100) + (" (có kết luận điều chỉnh của giảng viên)" if card["overridden"] else ""),
            ),
            ("Điểm thưởng (thực hành tốt, ngoài tổng điểm)", number(card["bonus"])),
            ("Cấp độ khủng hoảng", f"khi kết thúc cấp {team['final_level']}, cao nhất cấp {team['max_level']}"),
            (
                "Dư luận khi kết thúc",
                f"{share(team['final_belief'])} dân số tin tin đồn; niềm tin vào chính quyền {share(team['final_trust'])}",
            ),
            ("Cuộc gọi báo chí không được trả lời đúng hạn", str(len(team["missed_deadlines"]))),
        )
    )
    return [
        Heading(f"{position}. {team['team']}", level=2),
        fields,
        chart(team, exercise),
        Para(_opinion_summary(team)),
        Para("a) Phiếu điểm từng tiêu chí", "label"),
        _score_card(team),
        *_overrides(team),
        Para("b) Diễn biến chính: leo thang, quá hạn trả lời, hành động bị từ chối, kết thúc", "label"),
        _key_moments(team, labels),
        Para("c) Ghi nhận của giảng viên", "label"),
        *_observations(team),
    ]
