"""The bodies a drill's texts name, by its rule set: the one place that says which board, department and decree.

Before the 2025 reorganisation (rule set vn-2021) the province had a Ban Tuyên
giáo Tỉnh ủy and a Sở Thông tin và Truyền thông (Sở TT&TT) managing the press;
since (vn-2026) the board is the Ban Tuyên giáo và Dân vận Tỉnh ủy and the press
is managed by the Sở Văn hóa, Thể thao và Du lịch (Sở VHTTDL)
(/work/shared/domain/PROCEDURE.md §1); the decree on speaking to the press is
09/2017/NĐ-CP, then 244/2026/NĐ-CP (§4). The standing members of the Party
committee (Thường trực Tỉnh ủy) are the same in both. Hints, bot replies,
objectives and labels that name one of these bodies take the name from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.texts import Text

DEFAULT_RULE_SET = "vn-2026"


@dataclass(frozen=True)
class Bodies:
    """The names of the bodies of one rule set: in full, and short where a short form is usual."""

    board: Text  # the Party committee's board (role propaganda_board)
    board_short: Text
    department: Text  # the department that manages the press (role info_department)
    department_short: Text
    standing: Text  # Thường trực Tỉnh ủy (role standing_committee)
    decree: Text  # the decree on speaking to the press
    assignment_basis: Text  # where that decree has the head of the agency assign the spokesperson


STANDING = Text("Thường trực Tỉnh ủy", "the standing members of the provincial Party committee")

BODIES: dict[str, Bodies] = {
    "vn-2021": Bodies(
        board=Text("Ban Tuyên giáo Tỉnh ủy", "the Propaganda Board of the provincial Party committee"),
        board_short=Text("Ban Tuyên giáo", "the propaganda board"),
        department=Text("Sở Thông tin và Truyền thông", "the Department of Information and Communications"),
        department_short=Text("Sở TT&TT", "the information department"),
        standing=STANDING,
        decree=Text("Nghị định 09/2017/NĐ-CP", "Decree 09/2017"),
        assignment_basis=Text("Nghị định 09/2017/NĐ-CP", "Decree 09/2017"),
    ),
    "vn-2026": Bodies(
        board=Text(
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "the Propaganda and Mass Mobilisation Board of the provincial Party committee",
        ),
        board_short=Text("Ban Tuyên giáo và Dân vận", "the propaganda and mass mobilisation board"),
        department=Text("Sở Văn hóa, Thể thao và Du lịch", "the Department of Culture, Sports and Tourism"),
        department_short=Text("Sở VHTTDL", "the culture department"),
        standing=STANDING,
        decree=Text("Nghị định 244/2026/NĐ-CP", "Decree 244/2026"),
        assignment_basis=Text("Điều 3.5, 4.1 Nghị định 244/2026/NĐ-CP", "Decree 244/2026 Art. 3.5, 4.1"),
    ),
}


def bodies(rule_set: str | None) -> Bodies:
    """The bodies of a rule set; an unknown or missing rule set gets those of the law in force (vn-2026)."""
    return BODIES.get(rule_set or DEFAULT_RULE_SET, BODIES[DEFAULT_RULE_SET])
