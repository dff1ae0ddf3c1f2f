"""The PDF, DOCX and XLSX exports of the report, each opened again with its own library (pypdf, python-docx, openpyxl).

Vietnamese must come back exactly, compared in NFC. Limits of pypdf's text
extraction, which the PDF checks allow for: a line wrapped inside a paragraph
or a table cell comes back as a line break, and a justified line may come back
with a run of spaces between words. So the PDF's text is compared with its
whitespace collapsed; words and diacritics themselves come back as drawn.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from typing import Any

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

import run
from debrief import Note, report_document
from debrief.exports import FORMATS, ExportError, available, write
from debrief.exports.wording import citation
from debrief.exports.xlsx_export import MAX_TITLE, team_titles
from tests.debrief_helpers import TRAINEES, WATER, meta, team_run

SUMMARY, PLAN = "Tổng hợp", "Kế hoạch khắc phục"  # the Vietnamese workbook's sheets
PLAYS = ("exemplary", "silent")
TOTALS = {"Đội exemplary": "100/100", "Đội silent": "0/100"}  # as printed
FIRST_RULE = {"Đội exemplary": ["Đạt", "13/13"], "Đội silent": ["Chưa đạt", "0/13"]}  # procedure_order: result, points
NOTE = "Phát hiện nhanh, đúng quy trình; người phát ngôn trả lời rõ ràng"
VIETNAMESE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Người phát ngôn UBND tỉnh",
    "Thông tin ban đầu cho báo chí trong 24 giờ",
    NOTE,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    """NFC, every run of whitespace one space."""
    return " ".join(nfc(text).split())


def make(plays: tuple[str, ...], plan=None) -> dict[str, Any]:
    runs = [
        team_run(WATER, play, observations=(Note(45, NOTE, "Phạm Thị Dung"),) if play == "exemplary" else ())
        for play in plays
    ]
    return report_document(meta(WATER), runs, plan=plan)


@pytest.fixture(scope="module", params=[("exemplary",), ("silent",), PLAYS], ids=["exemplary", "silent", "two-teams"])
def document(request):
    return make(request.param)


def export(document: Mapping[str, Any], name: str) -> bytes:
    stream = io.BytesIO()
    write(document, name, stream)
    return stream.getvalue()


# --- PDF --------------------------------------------------------------------------------------------


def pdf_pages(document: Mapping[str, Any]) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(export(document, "pdf")))
    return [flat(page.extract_text()) for page in reader.pages]


def test_the_pdf_holds_the_teams_totals_rules_and_page_numbers(document):
    pages = pdf_pages(document)
    text = " ".join(pages)
    for team in document["teams"]:
        assert f"{team['team']} Học viên: Nguyễn Văn An" in text  # the team's subsection
        assert f"Tổng điểm: {TOTALS[team['team']]}" in text
        assert f"Diễn biến dư luận và cấp độ khủng hoảng – {team['team']}" in text  # its chart's title
    rule = next(r for r in document["teams"][0]["card"]["rules"] if r["id"] == "procedure_order")
    assert rule["title"]["vi"] in text and "procedure_order" not in text
    assert "seed 001" in rule["source"]["vi"] and "seed 0" not in text and flat(citation(rule["source"]["vi"])) in text
    assert not pages[0].startswith("1 ")  # no number on the first page
    assert [page.startswith(f"{n} ") for n, page in enumerate(pages[1:], start=2)] == [True] * (len(pages) - 1)
    assert (
        text.index("I. TỔNG QUAN BUỔI DIỄN TẬP")
        < text.index("II. MỤC TIÊU VÀ ĐÁNH GIÁ")
        < text.index("III. KẾT QUẢ TỪNG ĐỘI")
        < text.index("IV. ĐIỂM MẠNH")
        < text.index("V. NHỮNG NỘI DUNG CẦN CẢI THIỆN")
        < text.index("VI. KẾ HOẠCH KHẮC PHỤC")
        < text.index("Nơi nhận:")
    )


def test_the_pdf_keeps_vietnamese_diacritics():
    text = " ".join(pdf_pages(make(PLAYS)))
    for words in VIETNAMESE + (
        "Hòa Giang, ngày 15 tháng 9 năm 2026",
        "BÁO CÁO",
        "Kết quả diễn tập xử lý khủng hoảng truyền thông",
    ):
        assert flat(words) in text, words


def test_a_long_pdf_table_repeats_its_header_on_every_page():
    rows = [
        {
            "issue": f"Vấn đề số {n}: chậm báo cáo xin ý kiến chỉ đạo",
            "corrective_action": "Diễn tập lại quy trình " * 8,
            "objective": "detect_report",
            "role": "Sở Y tế tỉnh",
            "due": "2026-12-01",
            "status": "in_progress",
        }
        for n in range(1, 41)
    ]
    pages = pdf_pages(make(("silent",), plan=rows))
    header = "STT Vấn đề Biện pháp khắc phục Mục tiêu Chịu trách nhiệm Thời hạn Trạng thái"
    holding = [page for page in pages if "Vấn đề số " in page]
    assert len(holding) >= 3
    assert all(header in page and page.index(header) < page.index("Vấn đề số ") for page in holding)
    assert "Vấn đề số 40: chậm báo cáo" in holding[-1] and "Đang thực hiện" in holding[-1]


# --- DOCX -------------------------------------------------------------------------------------------


def word_file(document: Mapping[str, Any]) -> docx.document.Document:
    return docx.Document(io.BytesIO(export(document, "docx")))


def cell_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_docx_is_laid_out_as_an_administrative_report(document):
    word = word_file(document)
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin.mm, section.bottom_margin.mm, section.left_margin.mm, section.right_margin.mm]
    assert [round(m, 1) for m in margins] == [20, 20, 30, 15]
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:cs")) == "Times New Roman"
    heading = cell_texts(word.tables[0])[0]
    assert heading[0].split("\n")[:2] == ["UBND TỈNH HÒA GIANG", "BAN CHỈ ĐẠO DIỄN TẬP"] and "Số: …/BC-BCĐ" in heading[0]
    nation, motto, rule, date = word.tables[0].rows[0].cells[1].paragraphs
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and nation.runs[0].bold
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.runs[0].bold and not motto.runs[0].underline
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None  # the rule under the motto
    assert date.text == "Hòa Giang, ngày 15 tháng 9 năm 2026" and date.runs[0].italic
    texts = [p.text for p in word.paragraphs]
    title = next(p for p in word.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert texts[texts.index("BÁO CÁO") + 1].startswith("Kết quả diễn tập xử lý khủng hoảng truyền thông “Tin đồn")
    sections = [t for t in texts if re.match(r"^[IV]+\. ", t)]
    assert sections == [
        "I. TỔNG QUAN BUỔI DIỄN TẬP",
        "II. MỤC TIÊU VÀ ĐÁNH GIÁ",
        "III. KẾT QUẢ TỪNG ĐỘI",
        "IV. ĐIỂM MẠNH",
        "V. NHỮNG NỘI DUNG CẦN CẢI THIỆN",
        "VI. KẾ HOẠCH KHẮC PHỤC",
    ]
    body = next(p for p in word.paragraphs if p.text.startswith("Ngày 15/09/2026"))
    assert body.runs[0].font.size.pt == 13 and round(body.paragraph_format.first_line_indent.mm, 1) == 12.7
    recipients, signature = (cell.text for cell in word.tables[-1].rows[0].cells)
    assert recipients.startswith("Nơi nhận:\n- Người phát ngôn UBND tỉnh;") and recipients.endswith("- Lưu: VT.")
    assert signature.startswith("TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN\n") and signature.endswith("\nPhạm Thị Dung")


def test_the_docx_score_cards_and_plan_are_the_documents(document):
    word = word_file(document)
    cards = [t for t in word.tables if cell_texts(t)[0] == ["Tiêu chí", "Kết quả", "Điểm", "Căn cứ/tham chiếu"]]
    assert len(cards) == len(document["teams"])
    for table, team in zip(cards, document["teams"], strict=True):
        rows = cell_texts(table)[1:]
        assert [r[0] for r in rows] == [r["title"]["vi"] for r in team["card"]["rules"]]
        assert [r[3] for r in rows] == [citation(r["source"]["vi"]) for r in team["card"]["rules"]]
        assert rows[0][1:3] == FIRST_RULE[team["team"]]
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"  # repeated on every page
    plan = document["improvement_plan"]["items"]
    tables = [t for t in word.tables if cell_texts(t)[0][:3] == ["STT", "Vấn đề", "Biện pháp khắc phục"]]
    if not plan:
        assert not tables and "Không có nội dung cần khắc phục." in [p.text for p in word.paragraphs]
        return
    rows = cell_texts(tables[0])[1:]
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [  # in Vietnamese: the generated plan's English left out
        (str(n), i["issue"].split(" / ")[0], i["corrective_action"].split(" / ")[0], "15/10/2026")
        for n, i in enumerate(plan, start=1)
    ]
    assert {r[6] for r in rows} == {"Chưa thực hiện"}


def test_the_docx_keeps_vietnamese_exactly():
    word = word_file(make(PLAYS))
    texts = [nfc(p.text) for p in word.paragraphs] + [nfc(c.text) for t in word.tables for row in t.rows for c in row.cells]
    joined = "\n".join(texts)
    for words in VIETNAMESE:
        assert nfc(words) in joined, words
    assert f"- T+00:45, Phạm Thị Dung: {NOTE}" in texts


# --- XLSX -------------------------------------------------------------------------------------------


def workbook(document: Mapping[str, Any]):
    return load_workbook(io.BytesIO(export(document, "xlsx")))


def rows_of(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_xlsx_sheets_totals_and_timelines(document):
    book = workbook(document)
    teams = [t["team"] for t in document["teams"]]
    assert book.sheetnames == [SUMMARY, *(f"{t} – {kind}" for t in teams for kind in ("Diễn biến", "Điểm")), PLAN]
    summary = {row[0]: row for row in rows_of(book[SUMMARY]) if row[0] in teams}
    for team in document["teams"]:
        row = summary[team["team"]]
        assert (row[2], row[3], row[4], row[5]) == (
            team["card"]["total"],
            team["card"]["bonus"],
            team["final_level"],
            team["max_level"],
        )
        timeline = book[f"{team['team']} – Diễn biến"]
        assert timeline.max_row - 1 == len(team["timeline"])
        assert rows_of(timeline)[0] == ("Thời điểm", "Loại", "Vai", "Người thực hiện", "Nội dung", "Cuộc gọi báo chí")
        assert [r[0] for r in rows_of(timeline)[1:]] == [e["time"] for e in team["timeline"]]
        card = rows_of(book[f"{team['team']} – Điểm"])
        assert [(r[0], r[3], r[4]) for r in card[1:]] == [
            (r["id"], r["points"], r["max_points"]) for r in team["card"]["rules"]
        ]
        for sheet in (timeline, book[f"{team['team']} – Điểm"]):
            assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and sheet["E1"].alignment.wrap_text
            assert sheet.column_dimensions["B"].width >= 18  # set, wider than the default 13
    plan = rows_of(book[PLAN])[1:]
    assert [(r[0], r[1], r[2]) for r in plan] == [  # the Vietnamese side of the generated "Vietnamese / English"
        (n, i["issue"].split(" / ")[0], i["corrective_action"].split(" / ")[0])
        for n, i in enumerate(document["improvement_plan"]["items"], start=1)
    ]
    # the silent team misses the press call (its 24 hours of initial information are not yet due in 10 hours)
    failed = next((r for r in rows_of(book[SUMMARY]) if r[0] == "press_requests_answered"), None)
    assert (failed is None) == ("Đội silent" not in teams)


def test_xlsx_texts_never_become_formulas():
    runs = [
        team_run(
            WATER,
            "silent",
            team="=1+2",
            observations=(Note(30, '=HYPERLINK("http://x")', "@Lan"), Note(40, "-5+3", "+Minh")),
        )
    ]
    book = workbook(report_document(meta(WATER), runs))
    timeline = book["=1+2 – Diễn biến"]
    notes = [row for row in timeline.iter_rows(min_row=2) if row[1].value == "Ghi chú của giảng viên"]
    assert [(row[3].value, row[4].value) for row in notes] == [("@Lan", '=HYPERLINK("http://x")'), ("+Minh", "-5+3")]
    assert all(cell.data_type == "s" and cell.quotePrefix for row in notes for cell in row[3:5])
    team = next(row for row in book[SUMMARY].iter_rows() if row[0].value == "=1+2")
    assert team[0].data_type == "s"


def test_xlsx_sheet_titles_are_valid_and_unique_when_team_names_collide():
    long_name = "Đội phản ứng nhanh của Sở Thông tin và Truyền thông tỉnh"
    names = ["Đội A/B", "Đội A:B", "đội a?b", long_name, long_name + " 2", "'Đội [3]'"]
    book = workbook(report_document(meta(WATER), [team_run(WATER, "silent", team=name) for name in names]))
    titles = book.sheetnames
    assert len(titles) == 2 + 2 * len(names) and len({t.casefold() for t in titles}) == len(titles)
    assert all(len(t) <= MAX_TITLE and not re.search(r"[\[\]:*?/\\]", t) and t[0] != "'" for t in titles)
    assert titles[1:7] == [
        "Đội A-B – Diễn biến",
        "Đội A-B – Điểm",
        "Đội A-B (2) – Diễn biến",
        "Đội A-B (2) – Điểm",
        "đội a-b (3) – Diễn biến",
        "đội a-b (3) – Điểm",
    ]
    assert team_titles("x" * 40, set())[0] == "x" * (MAX_TITLE - len(" – Diễn biến")) + " – Diễn biến"


def test_the_xlsx_keeps_vietnamese_exactly():
    book = workbook(make(PLAYS))
    values = {nfc(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)}
    summary = next(v for v in values if v.startswith("Nguyễn Văn An ("))
    assert (
        summary == "Nguyễn Văn An (Người phát ngôn UBND tỉnh); Trần Thị Bình (Ban Tuyên giáo và Dân vận Tỉnh ủy); "
        "Lê Văn Cường (Sở Văn hóa, Thể thao và Du lịch)"
    )
    assert {NOTE, "Thông tin ban đầu cho báo chí trong 24 giờ", *TRAINEES.values()} <= values


def test_decomposed_vietnamese_comes_back_as_the_same_text_in_every_format():
    name = unicodedata.normalize("NFD", "Đội Hưng Yên – phản ứng nhanh")  # as some keyboards type it
    document = report_document(meta(WATER), [team_run(WATER, "silent", team=name)])
    pdf = " ".join(pdf_pages(document))
    cells = {nfc(c.text) for t in word_file(document).tables for row in t.rows for c in row.cells}
    book = workbook(document)
    summary = {nfc(row[0]) for row in rows_of(book[SUMMARY]) if isinstance(row[0], str)}
    assert nfc(name) in pdf and nfc(name) in cells and nfc(name) in summary
    assert book.sheetnames[1] == "Đội Hưng Yên – phản – Diễn biến"  # cut to 31 characters counted in NFC


# --- the registry and the commands ------------------------------------------------------------------


def test_every_planned_format_is_available_and_a_placeholder_is_still_a_clear_error(monkeypatch, tmp_path):
    assert available() == ["json", "csv", "pdf", "docx", "xlsx"]
    monkeypatch.setitem(FORMATS, "odt", None)
    with pytest.raises(ExportError, match="Định dạng 'odt' chưa có"):
        write(make(("silent",)), "odt", tmp_path / "r.odt")
    assert not (tmp_path / "r.odt").exists()


MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04"}


@pytest.mark.parametrize("name", ["pdf", "docx", "xlsx"])
def test_simulate_writes_the_report_of_a_headless_run(name, capsys, tmp_path):
    out = tmp_path / f"out.{name}"
    code = run.main(["simulate", WATER, "--actions", f"scenarios/library/{WATER}/plays/silent.jsonl", "--report", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(MAGIC[name])
    if name == "xlsx":
        assert load_workbook(out).sheetnames[1] == "Chạy thử tự động – Diễn biến"


@pytest.mark.parametrize("name", ["pdf", "docx", "xlsx"])
def test_report_writes_each_format_from_the_database(name, played_platform, capsys, tmp_path):
    _, build = played_platform
    exercise_id = build()
    out = tmp_path / f"report.{name}"
    code = run.main(["report", str(exercise_id), "--format", name, "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    if name == "pdf":
        text = flat(" ".join(page.extract_text() for page in pypdf.PdfReader(out).pages))
        assert "Đội 1" in text and "Tổng điểm: 100/100" in text and "Phát hiện nhanh" in text
    elif name == "docx":
        cells = {c.text for t in docx.Document(out).tables for row in t.rows for c in row.cells}
        assert {"Đội 1", "Đội 2"} <= cells
    else:
        summary = {row[0]: row[2] for row in load_workbook(out)[SUMMARY].iter_rows(values_only=True)}
        assert (summary["Đội 1"], summary["Đội 2"]) == (100, 0)


# --- an instructor's override of a verdict ------------------------------------------------------------

OVERRIDE_REASON = "Đội đã trả lời báo qua điện thoại, có biên bản kèm theo."


def overridden_document() -> tuple[dict[str, Any], str]:
    """The silent team's report with one failed rule overridden as met by Trần Thị Lan; (document, rule title)."""
    from dataclasses import replace

    from debrief import review
    from scoring.overrides import Override

    run = team_run(WATER, "silent")
    failed = next(r for r in review(run).card.rules if r.status == "not_met" and not r.bonus)
    run = replace(run, overrides={failed.id: Override("met", OVERRIDE_REASON, "Trần Thị Lan")})
    return report_document(meta(WATER), [run]), failed.title.vi


def test_every_office_export_shows_an_override_with_who_why_and_the_automatic_verdict():
    document, _ = overridden_document()
    note = "Giảng viên Trần Thị Lan điều chỉnh (tự động: Chưa đạt"
    pdf = " ".join(pdf_pages(document))
    assert note in pdf and flat(OVERRIDE_REASON) in pdf and "(có kết luận điều chỉnh của giảng viên)" in pdf
    word = word_file(document)
    texts = " ".join(p.text for p in word.paragraphs)
    assert note in texts and OVERRIDE_REASON in texts
    cells = [cell for table in word.tables for row in cell_texts(table) for cell in row]
    assert "Đạt (giảng viên điều chỉnh)" in cells
    sheet_texts = [str(c.value) for ws in workbook(document).worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any(note in text and OVERRIDE_REASON in text for text in sheet_texts)
    assert "Điều chỉnh của giảng viên (ai, lý do)" in sheet_texts


def test_a_report_without_overrides_says_nothing_of_them(document):
    assert "điều chỉnh" not in " ".join(pdf_pages(document))


# --- the English copy -------------------------------------------------------------------------------

ENGLISH_HEADINGS = (
    "SOCIALIST REPUBLIC OF VIET NAM",
    "Independence - Freedom - Happiness",
    "REPORT",
    "I. OVERVIEW OF THE EXERCISE",
    "II. OBJECTIVES AND RATINGS",
    "III. RESULTS OF EACH TEAM",
    "IV. STRENGTHS",
    "V. AREAS FOR IMPROVEMENT",
    "VI. IMPROVEMENT PLAN",
    "a) Score card, criterion by criterion",
    "Recipients:",
)
VIETNAMESE_HEADINGS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập",
    "BÁO CÁO",
    "TỔNG QUAN BUỔI DIỄN TẬP",
    "MỤC TIÊU VÀ ĐÁNH GIÁ",
    "KẾT QUẢ TỪNG ĐỘI",
    "ĐIỂM MẠNH",
    "CẦN CẢI THIỆN",
    "KẾ HOẠCH KHẮC PHỤC",
    "Phiếu điểm",
    "Nơi nhận",
    "Chưa đạt",
    "Tổng điểm",
    "Trạng thái",
)


def english(name: str) -> bytes:
    stream = io.BytesIO()
    write(make(PLAYS), name, stream, language="en")
    return stream.getvalue()


def assert_english(text: str) -> None:
    for heading in ENGLISH_HEADINGS:
        assert heading in text, heading
    for heading in VIETNAMESE_HEADINGS:
        assert heading not in text, heading


def test_the_english_pdf_has_the_english_headings_dates_and_numbers_only():
    text = " ".join(flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(english("pdf"))).pages)
    assert_english(text)
    assert "Hòa Giang, 15 September 2026" in text and "Date of the exercise: 2026-09-15" in text
    assert "Not met" in text and "Scenario duration: 12 hours" in text
    assert re.search(r"\d\.\d%", text) and not re.search(r"\d,\d%", text)  # a decimal point, not a comma
    assert "Nguyễn Văn An" in text  # names as written


def test_the_english_docx_has_the_english_headings_only():
    word = docx.Document(io.BytesIO(english("docx")))
    texts = [p.text for p in word.paragraphs] + [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert_english(nfc("\n".join(texts)))
    assert word.core_properties.language == "en-GB"


def test_the_english_xlsx_has_english_sheets_and_headings_only():
    book = load_workbook(io.BytesIO(english("xlsx")))
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Improvement plan"
    assert book.sheetnames[1:3] == ["Đội exemplary – Timeline", "Đội exemplary – Score card"]
    values = [nfc(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    joined = "\n".join(values)
    for heading in ("After-action report", "Total score", "Status", "Legal basis", "Corrective action", "Not met"):
        assert heading in values or heading in joined, heading
    for heading in VIETNAMESE_HEADINGS:
        assert heading not in joined, heading
    assert book["Summary"]["B8"].number_format == "yyyy-mm-dd"  # the date, ISO in English
    assert not any(" / " in str(row[1]) for row in rows_of(book["Improvement plan"])[1:])  # one language, not both


def test_the_english_csv_labels_its_ids_in_english():
    with zipfile.ZipFile(io.BytesIO(english("csv"))) as archive:
        timeline = list(csv.DictReader(io.StringIO(archive.read("timeline.csv").decode("utf-8-sig"))))
        plan = list(csv.DictReader(io.StringIO(archive.read("improvement_plan.csv").decode("utf-8-sig"))))
    labels = make(PLAYS)["labels"]
    assert "category_vi" not in timeline[0] and "status_vi" not in plan[0]
    assert {row["category_en"] for row in timeline} == {labels["categories"][row["category"]]["en"] for row in timeline}
    assert {row["status_en"] for row in plan} == {"Open"} and labels["plan_statuses"]["open"]["vi"] == "Chưa thực hiện"


def test_an_unknown_report_language_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="Không có ngôn ngữ báo cáo 'fr' \\(các ngôn ngữ: vi, en\\)"):
        write(make(("silent",)), "pdf", tmp_path / "r.pdf", language="fr")
    assert not (tmp_path / "r.pdf").exists()
