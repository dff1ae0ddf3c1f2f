"""The Master Scenario Events List (MSEL): every built-in drill round-trips exactly through XLSX and
CSV; bad rows are left out and named by row and column; the CLI writes only valid drills."""

from __future__ import annotations

import csv
import datetime
import io
import json
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import run
from message_helpers import english
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario, parse_scenario
from msel import MselError, export_msel, import_msel
from msel.cells import format_time, name_key, parse_time
from msel.columns import COLUMNS, DRILL_SHEET, EVENTS_SHEET
from msel.problems import CellError

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
BASE = FIXTURE.read_text(encoding="utf-8")
MSEL_HEADERS = [
    "STT / No.",
    "Thời điểm / Time",
    "Người gửi / From",
    "Người nhận / To",
    "Kênh / Channel",
    "Nội dung tình huống / Inject",
    "Hành động mong đợi / Expected action",
    "Mục tiêu / Objective",
]


def exported(scenario, format: str) -> io.BytesIO:
    stream = io.BytesIO()
    export_msel(scenario, stream, format)
    stream.seek(0)
    return stream


def csv_rows(scenario) -> list[list[str]]:
    return list(csv.reader(io.StringIO(exported(scenario, "csv").getvalue().decode("utf-8-sig"), newline="")))


def csv_bytes(rows: list[list[object]], delimiter: str = ",") -> io.BytesIO:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return io.BytesIO(text.getvalue().encode("utf-8-sig"))


def xlsx_bytes(rows: list[list[object]]) -> io.BytesIO:
    book = Workbook()
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            book.active.cell(row=r, column=c, value=value)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_xlsx_alone_round_trips_the_whole_drill(scenario_id):
    original = load_scenario(scenario_path(scenario_id))
    result = import_msel(exported(original, "xlsx"))
    assert result.problems == () and result.notes == ()
    assert result.scenario == original
    assert parse_scenario(result.yaml_text) == original


@pytest.mark.parametrize("scenario_id", builtin_ids())
@pytest.mark.parametrize("base_kind", ["scenario", "yaml"])
def test_csv_round_trips_the_events_onto_the_original(scenario_id, base_kind):
    path = scenario_path(scenario_id)
    original = load_scenario(path)
    base = original if base_kind == "scenario" else path.read_text(encoding="utf-8")
    result = import_msel(exported(original, "csv"), base)
    assert result.problems == () and result.scenario == original


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+84 912 345 678 gọi", "-5 độ", "@tin_nong đăng", "'=đã có nháy"]
)
def test_csv_cells_never_start_a_formula_and_still_round_trip(text):
    original = parse_scenario(
        BASE.replace(
            'content: {vi: "Nhà máy hóa chất xả khí độc, dân phải sơ tán!"}',
            f"content: {{vi: {json.dumps(text, ensure_ascii=False)}}}",
        )
    )
    cells = [cell for row in csv_rows(original) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert f"'{text}" in cells
    result = import_msel(exported(original, "csv"), original)
    assert result.problems == () and result.scenario == original


def test_the_new_yaml_is_readable_vietnamese():
    original = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    result = import_msel(exported(original, "xlsx"))
    assert "Tin đồn nước máy nhiễm độc" in result.yaml_text and "\\u" not in result.yaml_text
    assert "  to: [spokesperson, info_department]\n" in result.yaml_text
    assert "\ninjects:\n- id: post-video\n  channel: social_post\n  at: 10\n" in result.yaml_text


# ---------------------------------------------------------------- the layout written


def test_rows_are_in_order_of_time_and_numbered_by_their_place_in_the_drill():
    scenario = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    header, *rows = csv_rows(scenario)
    assert header[:8] == MSEL_HEADERS
    assert header == [column.header for column in COLUMNS]
    times = [parse_time(row[1]) for row in rows if row[1]]
    assert times == sorted(times) and len(times) == sum(i.at is not None for i in scenario.injects)
    assert all(not row[1] for row in rows[len(times) :])  # conditional and level-released injects last
    ids = [row[header.index("Mã / Id")] for row in rows]
    numbers = [int(row[0]) for row in rows]
    assert [scenario.injects[n - 1].id for n in numbers] == ids
    assert rows[0][1] == "T+00:10" and rows[0][3] == "Sở Văn hóa, Thể thao và Du lịch" and rows[0][4] == "Mạng xã hội"


def test_expected_action_and_objective_follow_the_procedure_in_words():
    scenario = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    header, *rows = csv_rows(scenario)
    by_id = {row[header.index("Mã / Id")]: dict(zip(header, row, strict=True)) for row in rows}
    call = by_id["call-paper"]  # at 50, window 90
    assert (
        call["Hành động mong đợi / Expected action"]
        == "Trả lời báo chí (Người phát ngôn UBND tỉnh) — trong 90 phút, hạn T+02:20 / within 90 min, due T+02:20"
    )
    assert "quy tắc: Trả lời mọi yêu cầu của báo chí; Một đầu mối phát ngôn" in call["Mục tiêu / Objective"]
    assert "rules: Every press request answered; One focal point" in call["Mục tiêu / Objective"]
    post = by_id["post-video"]  # false claims; the inject by which the agency receives the case
    assert {
        "Đánh dấu vấn đề nóng (Sở Văn hóa, Thể thao và Du lịch)",
        "Đề nghị gỡ bỏ bài đăng (Sở Văn hóa, Thể thao và Du lịch)",
    } <= set(post["Hành động mong đợi / Expected action"].splitlines())
    assert post["Mục tiêu / Objective"].startswith("Cơ quan tiếp nhận vụ việc")
    assert "Thông tin ban đầu cho báo chí trong 24 giờ" in post["Mục tiêu / Objective"]
    assert "Đề nghị cải chính (Người phát ngôn UBND tỉnh)" in by_id["article-online"]["Hành động mong đợi / Expected action"]
    assert by_id["article-online"]["Phát hành khi lên cấp / Released at level"] == "1"
    assert by_id["monitoring-morning"]["Hành động mong đợi / Expected action"].startswith("Đánh dấu vấn đề nóng")
    for row in by_id.values():  # no action type, role id, rule id or channel id in front of the planner
        shown = " ".join(
            row[column]
            for column in (
                "Người nhận / To",
                "Kênh / Channel",
                "Hành động mong đợi / Expected action",
                "Mục tiêu / Objective",
            )
        )
        for code in ("_", "(spokesperson)", "social post", "press call"):
            assert code not in shown, (code, shown)


def test_a_channel_is_read_by_its_vietnamese_or_english_name_or_its_id():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    column = header.index("Kênh / Channel")
    for name in ("mạng xã hội", "Social media", "social_post", "social post"):
        edited = [header] + [
            [*row[:column], name if row[column] == "Mạng xã hội" else row[column], *row[column + 1 :]] for row in rows
        ]
        assert import_msel(csv_bytes(edited), BASE).scenario == scenario, name


def test_the_xlsx_has_a_frozen_header_widths_wrapping_and_the_drill_sheet():
    scenario = load_scenario(scenario_path("ngo-doc-truong-hoc"))
    book = load_workbook(exported(scenario, "xlsx"))
    assert book.sheetnames == [EVENTS_SHEET, DRILL_SHEET]
    events = book[EVENTS_SHEET]
    assert events.freeze_panes == "A2"
    assert [cell.value for cell in events[1]][:8] == MSEL_HEADERS
    assert events.column_dimensions["F"].width == 60 and events.cell(row=2, column=6).alignment.wrap_text
    assert events.max_row == len(scenario.injects) + 1
    drill = yaml.safe_load("\n".join(row[0] or "" for row in book[DRILL_SHEET].iter_rows(values_only=True)))
    assert "injects" not in drill and drill["id"] == scenario.id and drill["levels"][1]["releases"]


def test_csv_has_a_byte_order_mark_and_the_events_only():
    data = exported(load_scenario(FIXTURE), "csv").getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Nhà máy hóa chất xả khí độc".encode() in data and b"opinion" not in data


def test_export_to_a_path_takes_the_format_from_the_suffix(tmp_path):
    scenario = load_scenario(FIXTURE)
    export_msel(scenario, tmp_path / "a.csv")
    export_msel(scenario, tmp_path / "a.xlsx")
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "a.xlsx").read_bytes().startswith(b"PK")
    assert import_msel(tmp_path / "a.csv", BASE).scenario == scenario
    with pytest.raises(MselError, match="xls"):
        export_msel(scenario, io.BytesIO(), "xls")


# ---------------------------------------------------------------- bad rows

HEADER = [
    "No.",
    "Time",
    "From",
    "To",
    "Method",
    "Inject",
    "ID",
    "Claims",
    "Reach",
    "Question",
    "Response window",
    "Level",
    "Notes",
]
ROW_2 = [
    1,
    "T+00:05",
    "Trang Facebook 'Tin nóng Hòa Giang'",
    "Sở Văn hóa – Thể thao và Du lịch",
    "social_post",
    "Nhà máy hóa chất xả khí độc, dân phải sơ tán!",
    "post-1",
    "toxic-gas",
    "3000",
    "",
    "",
    "",
    "đã kiểm tra",
]


def bad_rows(call_time: object) -> list[list[object]]:
    """Rows 3, 4, 6, 7 and 8 are bad (time, role, channel, claim, inject text); row 5 is empty."""
    return [
        HEADER,
        ROW_2,
        [2, "abc", "Nhóm Zalo 'Cư dân'", "info_department", "social_post", "Tin đồn lan nhanh.", "post-2", "", "500"],
        [3, "T+00:20", "Người dân", "mayor", "hotline", "Dân gọi hỏi có phải sơ tán.", "hotline-2"],
        [],
        [4, "T+00:30", "Văn phòng Tỉnh ủy", "propaganda_board", "bồ câu đưa thư", "Đề nghị báo cáo.", "dispatch-1"],
        [
            5,
            "T+00:40",
            "Báo Tin Nhanh",
            "info_department",
            "press_article",
            "Bài báo.",
            "article-2",
            "no-such-claim",
            "1000",
        ],
        [6, "T+00:50", "Đường dây nóng", "spokesperson", "hotline", "", "hotline-3"],
        [
            7,
            call_time,
            "{journalist}, báo Tin Nhanh",
            "Spokesperson",
            "press_call",
            "Phóng viên gọi hỏi về tin khí độc.",
            "call-1",
            "",
            "",
            "Có đúng nhà máy xả khí độc không?",
            "90",
            "",
            "",
        ],
        [
            8,
            "",
            "Báo điện tử Tin Nhanh",
            "info_department, spokesperson",
            "press_article",
            "Người dân hoang mang vì tin khí độc.",
            "article-1",
            "toxic-gas",
            "20.000",
            "",
            "",
            "2",
        ],
    ]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(lambda: csv_bytes(bad_rows("01:00")), id="csv"),
        pytest.param(lambda: csv_bytes(bad_rows("01:00"), delimiter=";"), id="csv-semicolons"),
        pytest.param(lambda: xlsx_bytes(bad_rows(datetime.time(1, 0))), id="xlsx-excel-time"),
    ],
)
def test_bad_rows_are_named_and_the_good_rows_kept(source):
    result = import_msel(source(), BASE)
    assert [(p.row, p.column) for p in result.problems] == [
        (3, "Time"),
        (4, "To"),
        (6, "Method"),
        (7, "Claims"),
        (8, "Inject"),
    ]
    messages = [str(p) for p in result.problems]
    for message, bad in zip(
        messages, ["“abc”", "“mayor”", "“bồ câu đưa thư”", "“no-such-claim”", "ô này bắt buộc nhưng đang trống"], strict=True
    ):
        assert bad in message
    assert messages[0] == (
        "dòng 3, cột “Time”: không đọc được thời điểm “abc”: viết T+HH:MM (ví dụ T+01:30), HH:MM hoặc số phút"
    )  # Vietnamese only; the English through the catalogue
    assert english(result.problems[0].located()).startswith("row 3, column 'Time': cannot read the time 'abc'")
    assert english(result.problems[4].located()) == "row 8, column 'Inject': this cell is required but empty"
    assert [(n.row, n.column) for n in result.notes] == [(1, "Notes")]
    scenario = result.scenario
    # merged: the rows take their base injects' places, the base's hotline-1 (no row) stays
    assert scenario is not None and [i.id for i in scenario.injects] == ["post-1", "call-1", "article-1", "hotline-1"]
    post, call, article, _ = scenario.injects
    assert post.to == ("info_department",) and post.at == 5 and post.reach == 3000  # role by its label
    assert call.to == ("spokesperson",) and call.at == 60 and call.response_window == 90  # HH:MM, English label
    assert article.at is None and article.reach == 20000 and scenario.levels[1].releases == ("article-1",)
    assert post.content.vi == "Nhà máy hóa chất xả khí độc, dân phải sơ tán!"


def test_a_role_label_with_commas_and_decomposed_vietnamese_is_found():
    scenario = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    header, *rows = csv_rows(scenario)
    to = header.index("Người nhận / To")
    rows[0][to] = unicodedata.normalize("NFD", "Người phát ngôn UBND tỉnh, Sở Văn hóa, Thể thao và Du lịch")
    result = import_msel(csv_bytes([header, *rows]), scenario)
    assert result.problems == ()
    assert result.scenario.inject("post-video").to == ("spokesperson", "info_department")


def test_a_duplicated_id_leaves_out_the_later_row():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    rows.append(list(rows[0]))
    result = import_msel(csv_bytes([header, *rows]), BASE)
    assert [str(p) for p in result.problems] == [f"dòng {len(rows) + 1}, cột “Mã / Id”: mã “post-1” trùng với dòng 2"]
    assert english(result.problems[0].located()) == (
        f"row {len(rows) + 1}, column 'Mã / Id': id 'post-1' is already used by row 2"
    )
    assert result.scenario == scenario


def test_an_inject_the_model_refuses_is_left_out_with_the_reason():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    hotline = next(row for row in rows if row[header.index("Mã / Id")] == "hotline-1")
    hotline[header.index("Thời hạn trả lời (phút) / Response window (min)")] = "30"
    hotline[header.index("Mã / Id")] = "hotline-2"
    result = import_msel(csv_bytes([header, *rows]), BASE)
    row = rows.index(hotline) + 2
    assert [(p.row, p.column) for p in result.problems] == [(row, None)]
    assert "'response_window' belongs to a press_call only" in english(result.problems[0].located())
    assert english(result.problems[0].located()).startswith(f"row {row}: invalid inject: ")
    assert result.scenario is not None and result.scenario.inject("hotline-2") is None


def test_what_a_planner_leaves_out_is_filled_in_with_a_warning():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    call = next(row for row in rows if row[header.index("Mã / Id")] == "call-1")
    post = next(row for row in rows if row[header.index("Mã / Id")] == "post-1")
    call[header.index("Câu hỏi / Question")] = call[header.index("Câu hỏi (tiếng Anh) / Question (English)")] = ""
    call[header.index("Thời hạn trả lời (phút) / Response window (min)")] = ""
    post[header.index("Lượt tiếp cận / Reach")] = ""
    result = import_msel(csv_bytes([header, *rows]), BASE)
    assert result.problems == ()
    assert [(w.row, w.column) for w in result.warnings] == [
        (rows.index(post) + 2, "Lượt tiếp cận / Reach"),
        (rows.index(call) + 2, "Thời hạn trả lời (phút) / Response window (min)"),
        (rows.index(call) + 2, "Câu hỏi / Question"),
    ]
    assert "chưa ghi lượt tiếp cận: đặt mặc định 5000 người" in str(result.warnings[0])
    assert "set to 5000 people by default" in english(result.warnings[0].located())
    new = result.scenario
    assert new.inject("post-1").reach == 5000 and new.inject("call-1").response_window == 60
    assert new.inject("call-1").question.vi == new.inject("call-1").content.vi


def test_the_loaders_errors_come_back_on_their_row_and_column():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    hotline = next(row for row in rows if row[header.index("Mã / Id")] == "hotline-1")
    hotline[header.index("Điều kiện / Condition")] = "level >= 7"
    result = import_msel(csv_bytes([header, *rows]), BASE)
    assert result.scenario is None
    assert [(p.row, p.column) for p in result.problems] == [(rows.index(hotline) + 2, "Điều kiện / Condition")]
    assert "kịch bản không hợp lệ — cấp 7 không tồn tại (các cấp: 1, 2)" in str(result.problems[0])
    assert english(result.problems[0].located()).endswith("the drill is not valid — level 7 does not exist (levels: 1, 2)")


def test_a_row_left_off_the_sheet_keeps_its_base_inject():
    scenario = load_scenario(FIXTURE)
    header, *rows = csv_rows(scenario)
    ids = header.index("Mã / Id")
    rows = [row for row in rows if row[ids] != "post-1"]  # the incident's received_by
    result = import_msel(csv_bytes([header, *rows]), BASE)
    assert result.problems == () and result.scenario == scenario


def test_level_releases_naming_absent_injects_become_warnings():
    header, *rows = csv_rows(load_scenario(FIXTURE))
    ids = header.index("Mã / Id")
    base = BASE.replace("releases: [article-1]", "releases: [article-1, gone-1]")
    result = import_msel(csv_bytes([header, *rows]), base)
    assert result.problems == () and result.scenario.levels[1].releases == ("article-1",)
    assert [english(w.message) for w in result.warnings] == ["level 2 releases injects the drill lacks (gone-1): dropped"]
    assert rows[0][ids] == "post-1"


def test_missing_columns_are_named_and_no_row_is_read():
    result = import_msel(csv_bytes([["Time", "From", "Inject"], ["T+00:05", "Ai đó", "Tin đồn."]]), BASE)
    assert result.scenario is None
    assert str(result.problems[0]) == "dòng 1: thiếu cột “Người nhận / To”, “Kênh / Channel”"
    assert english(result.problems[0].located()) == "row 1: missing column(s) “Người nhận / To”, “Kênh / Channel”"


def test_half_headers_and_generated_ids():
    rows = [
        ["Thời điểm", "Người gửi", "Người nhận", "Kênh", "Nội dung"],
        ["T+00:05", "Trang Facebook", "info_department", "social post", "Tin đồn khí độc."],
    ]
    result = import_msel(csv_bytes(rows), BASE)
    assert result.problems == () and [(w.row, w.column) for w in result.warnings] == [(2, "Lượt tiếp cận / Reach")]
    rows[0].append("Lượt tiếp cận")
    rows[1].append("45.000")
    rows[0].append("Mã")
    rows[1].append("post-1")
    rows.append(["T+00:30", "Đường dây nóng", "propaganda_board", "hotline", "Nhiều cuộc gọi.", "", ""])
    result = import_msel(csv_bytes(rows), BASE)
    assert result.problems == ()
    assert [i.id for i in result.scenario.injects] == ["post-1", "call-1", "article-1", "hotline-1", "inject-3"]  # merged
    assert result.scenario.inject("post-1").reach == 45000
    assert result.scenario.levels[1].releases == ("article-1",)  # the level column is absent: the base's releases stay


def test_no_base_for_a_csv_and_unreadable_files_are_errors(tmp_path):
    with pytest.raises(MselError, match="không phải UTF-8") as refused:
        import_msel(io.BytesIO("Kênh,Mã".encode("latin-1")), BASE)  # Excel's ANSI CSV
    assert "not UTF-8" in english(refused.value.message)
    with pytest.raises(MselError, match=r"tệp \.xls") as refused:
        import_msel(io.BytesIO(b"\xd0\xcf\x11\xe0rest"), BASE)
    assert ".xls file" in english(refused.value.message)
    with pytest.raises(MselError, match="không đọc được tệp") as refused:
        import_msel(tmp_path / "nope.xlsx", BASE)
    assert "cannot read" in english(refused.value.message)
    with pytest.raises(MselError, match="phải là nội dung YAML của một kịch bản") as refused:
        import_msel(exported(load_scenario(FIXTURE), "csv"), "just words")
    assert "must be a drill's YAML text" in english(refused.value.message)


def test_an_explicit_base_wins_over_the_drill_sheet():
    original = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    base = (
        scenario_path("nuoc-may-nhiem-doc")
        .read_text(encoding="utf-8")
        .replace("Tin đồn nước máy nhiễm độc ở hai phường", "Bản khác: tin đồn nước máy")
    )
    result = import_msel(exported(original, "xlsx"), base)
    assert result.scenario.title.vi.startswith("Bản khác") and result.scenario.injects == original.injects


# ---------------------------------------------------------------- cells and columns


@pytest.mark.parametrize(
    "value, minute",
    [
        ("T+01:30", 90),
        ("01:30", 90),
        ("1:30", 90),
        (" t+ 00:05 ", 5),
        ("90", 90),
        ("T+90", 90),
        ("7,5", 7.5),
        ("T+26:00", 1560),
        ("0:01:30", 1.5),
        (7.5, 7.5),
        (0, 0),
        (datetime.time(1, 30), 90),
        (datetime.timedelta(hours=26), 1560),
        ("", None),
        (None, None),
    ],
)
def test_times_accepted_on_import(value, minute):
    assert parse_time(value) == minute


@pytest.mark.parametrize("value", ["abc", "1:75", "-5", "T-00:10", "T+1h"])
def test_times_refused_on_import(value):
    with pytest.raises(CellError):
        parse_time(value)


@given(st.one_of(st.integers(0, 20160), st.floats(0, 20160, allow_nan=False)))
def test_every_minute_survives_its_time_cell(minute):
    assert parse_time(format_time(minute)) == minute


def test_no_two_columns_share_a_name():
    names = [name_key(name) for column in COLUMNS for name in column.names]
    assert len(names) == len(set(names))


# ---------------------------------------------------------------- command line


def cli(capsys, *args):
    code = run.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_cli_export_then_import(capsys, tmp_path, suffix):
    msel, new = tmp_path / f"drill{suffix}", tmp_path / "new.yaml"
    code, out, _ = cli(capsys, "msel", "export", "ngo-doc-truong-hoc", "--out", msel)
    assert code == 0 and msel.is_file() and "Đã ghi" in out and "tình huống)" in out
    base = ["--base", "ngo-doc-truong-hoc"] if suffix == ".csv" else []
    code, out, err = cli(capsys, "msel", "import", msel, *base, "--out", new)
    assert (code, err) == (0, "")
    assert load_scenario(new) == load_scenario(scenario_path("ngo-doc-truong-hoc"))


def test_cli_import_writes_the_good_rows_and_exits_1(capsys, tmp_path):
    msel, new, base = tmp_path / "bad.csv", tmp_path / "new.yaml", tmp_path / "base.yaml"
    msel.write_bytes(csv_bytes(bad_rows("01:00")).getvalue())
    base.write_text(BASE, encoding="utf-8")
    code, out, err = cli(capsys, "msel", "import", msel, "--base", base, "--out", new)
    assert code == 1
    assert "dòng 3, cột “Time”: không đọc được" in err and "dòng 8, cột “Inject”" in err and "cột “Notes”" in err
    assert "5 lỗi: các dòng trên bị bỏ qua" in err and "Đã ghi" in out and "row 3" not in err
    assert [i.id for i in load_scenario(new).injects] == ["post-1", "call-1", "article-1", "hotline-1"]
    code, out, err = cli(capsys, "--lang", "en", "msel", "import", msel, "--base", base, "--out", new)
    assert code == 1 and "row 3, column 'Time': cannot read the time 'abc'" in err and "column 'Notes'" in err
    assert "5 problem(s): the rows above were left out" in err and out.startswith("Wrote ") and "dòng" not in err


def test_cli_import_writes_nothing_when_the_drill_is_invalid(capsys, tmp_path):
    header, *rows = csv_rows(load_scenario(FIXTURE))
    msel, new = tmp_path / "bad.csv", tmp_path / "new.yaml"
    condition = header.index("Điều kiện / Condition")
    msel.write_bytes(
        csv_bytes(
            [
                header,
                *([*row[:condition], "level >= 7", *row[condition + 1 :]] if "hotline-1" in row else row for row in rows),
            ]
        ).getvalue()
    )
    code, _, err = cli(capsys, "msel", "import", msel, "--base", FIXTURE, "--out", new)
    assert code == 1 and not new.exists()
    assert "cấp 7 không tồn tại" in err and f"Không ghi {new}" in err


def test_cli_refuses_an_unknown_file_type_and_a_csv_without_base(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        run.main(["msel", "export", "nuoc-may-nhiem-doc", "--out", str(tmp_path / "a.txt")])
    assert info.value.code == 2 and "tệp phải là .xlsx hoặc .csv" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        run.main(["--lang", "en", "msel", "export", "nuoc-may-nhiem-doc", "--out", str(tmp_path / "a.txt")])
    assert info.value.code == 2 and "the file must be .xlsx or .csv" in capsys.readouterr().err
    msel = tmp_path / "a.csv"
    export_msel(load_scenario(FIXTURE), msel)
    _, _, err = cli(capsys, "msel", "import", msel, "--out", tmp_path / "new.yaml")
    assert "cảnh báo: kịch bản: không có kịch bản gốc: tạo kịch bản mới từ khung mẫu" in err  # a new drill, not a refusal
