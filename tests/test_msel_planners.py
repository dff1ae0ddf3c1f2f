"""MSEL sheets as planners write them (tests/fixtures/msel, tests/msel_layouts.py): found, read, defaulted, merged.

An HSEEP English sheet and a provincial Vietnamese one, each under a title block,
become new drills without a base; merged into a base they add to its injects; a
header the import does not know is corrected by a mapping; a round trip keeps the
drill file's header comment.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import run
from message_helpers import english
from scenarios.library import scenario_path
from scenarios.loader import load_scenario
from msel import export_msel, header_comment, import_msel
from tests.msel_layouts import LAYOUTS, UNKNOWN_TO, vn_xlsx

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
HEADER_ROW = {"hseep.csv": 5, "vn-tinh.csv": 4}  # under a title block of 4 and 3 rows
EXPECTED = {
    "hseep.csv": [
        ("social_post", 10, ("info_department",)),
        ("monitoring_report", 25, ("info_department", "propaganda_board")),
        ("press_call", 45, ("spokesperson",)),
        ("hotline", 70, ("spokesperson",)),
        ("press_article", 90, ("spokesperson", "info_department")),
    ],
    "vn-tinh.csv": [
        ("social_post", 5, ("info_department",)),
        ("hotline", 20, ("spokesperson",)),
        ("press_article", 40, ("info_department",)),
        ("press_call", 60, ("spokesperson",)),
        ("dispatch", 90, ("propaganda_board",)),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_planners_sheet_becomes_a_new_drill(name):
    result = import_msel(LAYOUTS / name)
    assert result.problems == () and result.ok
    assert [(i.channel.value, i.at, i.to) for i in result.scenario.injects] == EXPECTED[name]
    header = dict(result.columns)
    assert {key for key in header.values() if key} >= {"number", "at", "channel", "sender", "to", "content", "expected"}
    assert [n.column for n in result.notes] == [next(h for h, key in result.columns if key is None)]  # Notes / Ghi chú
    warned = {(w.row, w.column) for w in result.warnings}
    call_row = HEADER_ROW[name] + 1 + [c for c, _, _ in EXPECTED[name]].index("press_call")
    assert (call_row, "Thời hạn trả lời (phút) / Response window (min)") in warned  # the row a spreadsheet shows
    assert any("no base drill" in english(w.message) for w in result.warnings)
    assert any("received_by" in english(w.message) for w in result.warnings)  # the skeleton's post-1 is not in the sheet
    call = next(i for i in result.scenario.injects if i.channel.value == "press_call")
    assert call.response_window == 60 and call.question == call.content


def test_a_workbook_with_an_unknown_header_is_corrected_by_a_mapping():
    result = import_msel(vn_xlsx())
    assert result.scenario is None
    assert [english(p.message) for p in result.problems] == ["missing column(s) “Người nhận / To”"] and result.problems[
        0
    ].row == 4
    assert (UNKNOWN_TO, None) in result.columns and ("Thời gian (T+)", "at") in result.columns
    fixed = import_msel(vn_xlsx(), mapping={UNKNOWN_TO: "to"})
    assert fixed.ok
    assert [(i.channel.value, i.at, i.to) for i in fixed.scenario.injects] == [
        ("social_post", 10, ("info_department",)),
        ("monitoring_report", 30, ("info_department", "propaganda_board")),
        ("press_call", 70, ("spokesperson",)),
        ("tv", 120, ("spokesperson",)),
    ]  # Excel times; "Uỷ ban" spelt the old way


def test_a_planners_sheet_merges_into_a_base():
    base = load_scenario(FIXTURE)
    result = import_msel(LAYOUTS / "hseep.csv", FIXTURE.read_text(encoding="utf-8"))
    assert result.ok
    ids = [i.id for i in result.scenario.injects]
    assert ids[: len(base.injects)] == [i.id for i in base.injects] and len(ids) == len(base.injects) + 5
    assert result.scenario.inject("post-1") == base.inject("post-1")
    assert not any("no base drill" in english(w.message) for w in result.warnings)


def test_a_round_trip_keeps_the_drills_header_comment(tmp_path):
    path = scenario_path("nuoc-may-nhiem-doc")
    text = path.read_text(encoding="utf-8")
    comment = header_comment(text)
    assert comment.count("\n") >= 5  # the built-in drills ground themselves in the seeds there
    buffer = io.BytesIO()
    export_msel(load_scenario(path), buffer, "xlsx", comment=comment)
    buffer.seek(0)
    alone = import_msel(buffer)
    assert alone.yaml_text.startswith(text[: text.index("\nid:") + 1])
    csv = io.BytesIO()
    export_msel(load_scenario(path), csv, "csv")
    csv.seek(0)
    onto = import_msel(csv, text)
    assert onto.yaml_text.startswith(text[: text.index("\nid:") + 1]) and onto.scenario == load_scenario(path)


def test_cli_imports_a_planners_sheet_without_base(capsys, tmp_path):
    new = tmp_path / "new.yaml"
    code = run.main(["msel", "import", str(LAYOUTS / "vn-tinh.csv"), "--out", str(new)])
    out, err = capsys.readouterr()
    assert code == 0 and "Đã ghi" in out and "5 tình huống" in out
    assert "cảnh báo: dòng 5, cột “Lượt tiếp cận / Reach”: chưa ghi lượt tiếp cận" in err
    assert [i.channel.value for i in load_scenario(new).injects] == [c for c, _, _ in EXPECTED["vn-tinh.csv"]]


def test_cli_export_then_import_keeps_the_header_comment(capsys, tmp_path):
    msel, new = tmp_path / "drill.xlsx", tmp_path / "new.yaml"
    assert run.main(["msel", "export", "lu-quet-thuy-dien", "--out", str(msel)]) == 0
    assert run.main(["msel", "import", str(msel), "--out", str(new)]) == 0
    capsys.readouterr()
    text = scenario_path("lu-quet-thuy-dien").read_text(encoding="utf-8")
    assert header_comment(new.read_text(encoding="utf-8")) == header_comment(text) != ""
