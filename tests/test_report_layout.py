"""The printed report as a document an office files: heading, signature, page numbers, font, layouts, no developer artefacts.

The state layout follows Nghị định 30/2020/NĐ-CP, the Party layout Hướng dẫn
36-HD/VPTW. The PDF is read back with pypdf (text, positions, fonts), the DOCX
with python-docx down to its XML (borders, fields, keep-with-next).
"""

from __future__ import annotations

import io
import re

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from debrief import Note, report_document
from debrief.exercise import ExerciseMeta
from debrief.exports import ExportError, write
from debrief.exports.blocks import KEEP_WITH_NEXT, Heading, Para
from debrief.exports.layouts import PARTY, STATE, layout_of
from debrief.exports.outline import outline
from debrief.exports.wording import Wording, citation, named
from debrief.headless import headless_meta, headless_run
from debrief.issuance import Issuance, place_name
from scenarios.texts import Text
from tests.debrief_helpers import DAY, WATER, meta, played, scenario, team_run

ARTEFACTS = re.compile(
    r"seed \d|HSEEP|MSEL|\bAAR\b|Headless|After-action|Exercise overview|Objectives and ratings|"
    r"Results by team|Strengths|Areas for improvement|Improvement plan|not met|vn-202\d|"
    r"nuoc-may-nhiem-doc|[a-z]+_[a-z_]+|\b[a-z]+(?:-[a-z0-9]+)+\b|\{\w+\}"
)  # ids: rules, injects, cast
NOTE = "Phát hiện nhanh, đúng quy trình"


def make(plays=("exemplary", "silent"), notes: int = 1, issuance: Issuance = Issuance()):
    runs = [
        team_run(WATER, play, observations=tuple(Note(30 + n, f"{NOTE} ({n})", "Phạm Thị Dung") for n in range(notes)))
        for play in plays
    ]
    base = meta(WATER)
    return report_document(ExerciseMeta(base.id, base.title, base.date, base.instructor, base.scenario, issuance), runs)


def pdf_reader(document, layout=None, language="vi") -> pypdf.PdfReader:
    stream = io.BytesIO()
    write(document, "pdf", stream, layout=layout, language=language)
    return pypdf.PdfReader(stream)


def word(document, layout=None) -> docx.document.Document:
    stream = io.BytesIO()
    write(document, "docx", stream, layout=layout)
    return docx.Document(stream)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def document():
    return make()


# --- the heading, the signature, the place -----------------------------------------------------------


def test_the_state_pdf_heading_signature_and_place(document):
    pages = [flat(p.extract_text()) for p in pdf_reader(document).pages]
    assert pages[0].startswith(
        "UBND TỈNH HÒA GIANG BAN CHỈ ĐẠO DIỄN TẬP Số: …/BC-BCĐ CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
        "VIỆT NAM Độc lập - Tự do - Hạnh phúc Hòa Giang, ngày 15 tháng 9 năm 2026 BÁO CÁO"
    )
    assert pages[-1].endswith("- Lưu: VT. TM. BAN CHỈ ĐẠO TRƯỞNG BAN Phạm Thị Dung")
    assert "ĐẢNG CỘNG SẢN" not in " ".join(pages)


def test_the_party_pdf_heading_and_signature(document):
    pages = [flat(p.extract_text()) for p in pdf_reader(document, "party").pages]
    assert pages[0].startswith(
        "TỈNH ỦY HÒA GIANG TRƯỜNG CHÍNH TRỊ * Số …-BC/TCT ĐẢNG CỘNG SẢN VIỆT NAM "
        "Hòa Giang, ngày 15 tháng 9 năm 2026 BÁO CÁO Kết quả diễn tập"
    )
    assert "----- Ngày 15/09/2026" in pages[0]  # the hyphens under the subject line
    assert pages[-1].endswith("- Lưu: VT. HIỆU TRƯỞNG Phạm Thị Dung")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" not in " ".join(pages)


@pytest.mark.parametrize(
    ("layout", "start", "end"),
    [
        (
            "state",
            "HÒA GIANG PROVINCIAL PEOPLE'S COMMITTEE EXERCISE STEERING COMMITTEE No.: …/BC-BCĐ SOCIALIST REPUBLIC OF "
            "VIET NAM Independence - Freedom - Happiness Hòa Giang, 15 September 2026 REPORT Results of the media crisis",
            "- Filed: Records (VT). ON BEHALF OF THE STEERING COMMITTEE HEAD OF THE COMMITTEE Phạm Thị Dung",
        ),
        (
            "party",
            "HÒA GIANG PROVINCIAL PARTY COMMITTEE POLITICAL SCHOOL * No. …-BC/TCT COMMUNIST PARTY OF VIET NAM "
            "Hòa Giang, 15 September 2026 REPORT Results of the media crisis",
            "- Filed: Records (VT). PRINCIPAL Phạm Thị Dung",
        ),
    ],
)
def test_the_english_pdf_keeps_the_layout_in_english(document, layout, start, end):
    pages = [flat(p.extract_text()) for p in pdf_reader(document, layout, "en").pages]
    assert pages[0].startswith(start)
    assert "On 15 September 2026, 2 teams played the scenario" in pages[0]
    assert pages[-1].endswith(end)


def test_the_wording_of_each_language():
    vietnamese, english = Wording("vi"), Wording("en")
    assert (vietnamese.day_phrase("2026-02-05"), english.day_phrase("2026-02-05")) == (
        "ngày 05 tháng 02 năm 2026",
        "5 February 2026",
    )
    assert (vietnamese.short_date("2026-09-15"), english.short_date("2026-09-15")) == ("15/09/2026", "2026-09-15")
    assert (vietnamese.duration(90), english.duration(90), english.duration(60)) == (
        "1 giờ 30 phút",
        "1 hour 30 minutes",
        "1 hour",
    )
    assert (vietnamese.score(7.5, 15), english.score(7.5, 15), english.share(0.0072)) == ("7,5/15", "7.5/15", "0.7%")
    assert english.pick({"vi": "Đội", "en": None}) == "Đội" and english.pick(Text("Đội", "Team")) == "Team"


def test_the_exercises_issuance_replaces_the_defaults_and_an_empty_field_drops_its_line():
    given = Issuance(
        parent_agency="",
        issuer="Ban Chỉ đạo diễn tập tỉnh",
        issuer_short="BCĐDT",
        on_behalf="Ban Chỉ đạo",
        signer_title="Phó Trưởng ban",
        signer_name="  Hoàng   Văn Thái ",
    )
    text = flat(" ".join(p.extract_text() for p in pdf_reader(make(issuance=given)).pages))
    assert text.startswith("BAN CHỈ ĐẠO DIỄN TẬP TỈNH Số: …/BC-BCĐDT CỘNG HÒA")  # no parent agency line
    assert text.endswith("TM. BAN CHỈ ĐẠO PHÓ TRƯỞNG BAN Hoàng Văn Thái")
    bare = make(
        issuance=Issuance(parent_agency="", issuer="", issuer_short="", on_behalf="", signer_title="", signer_name="")
    )
    left = word(bare).tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == ["Số: …/BC-…"]  # no empty issuer line, no rule under nothing
    assert word(bare).tables[-1].rows[0].cells[1].text.strip() == ""
    party = make(issuance=Issuance(on_behalf="Ban Chỉ đạo", signer_title="Trưởng ban"))
    assert flat(pdf_reader(party, "party").pages[-1].extract_text()).endswith("T/M BAN CHỈ ĐẠO TRƯỞNG BAN Phạm Thị Dung")


def test_bad_issuance_is_a_clear_error():
    with pytest.raises(ValueError, match="issuance 'issuer' is 201 characters long; at most 200"):
        Issuance(issuer="x" * 201)
    with pytest.raises(ValueError, match="issuance 'signer_name' must be text, got int"):
        Issuance(signer_name=7)


def test_the_place_is_the_scenarios_province_and_a_headless_run_has_the_defaults():
    assert [place_name(scenario(s).setting) for s in (WATER, "lu-quet-thuy-dien", "tin-gia-lanh-dao")] == [
        "Hòa Giang",
        "Thạch Lâm",
        "Vĩnh Đông",
    ]
    assert place_name(Text(vi="Thành phố Hải Phòng, tháng 3/2026")) == "Hải Phòng"
    assert place_name(Text(vi="Một xã miền núi")) is None and place_name(None) is None
    events, _ = played(WATER, "silent")
    headless = report_document(headless_meta(scenario(WATER), DAY), [headless_run(scenario(WATER), events, seed=1)])
    assert headless["exercise"]["place"] == "Hòa Giang" and set(headless["exercise"]["issuance"].values()) == {None}
    last = flat(pdf_reader(headless).pages[-1].extract_text())
    assert last.endswith("TM. BAN CHỈ ĐẠO TRƯỞNG BAN")  # no instructor: the name is left to be written by hand
    no_place = {**headless, "exercise": {**headless["exercise"], "place": None}}
    first = flat(pdf_reader(no_place).pages[0].extract_text())
    assert first.startswith("BAN CHỈ ĐẠO DIỄN TẬP") and "…, ngày 15 tháng 9 năm 2026" in first


def test_the_docx_heading_rules_and_signature(document):
    for layout, rules in ((STATE, 2), (PARTY, 1)):
        file = word(document, layout.name)
        left, right = file.tables[0].rows[0].cells
        bordered = [p for cell in (left, right) for p in cell.paragraphs if p._p.pPr.find(qn("w:pBdr")) is not None]
        assert len(bordered) == rules and all(p.text == "" for p in bordered)  # under the issuer and the motto (state)
        for rule in bordered:  # in the schema's order, which Word holds to: pBdr before spacing and ind
            tags = [child.tag.split("}")[1] for child in rule._p.pPr]
            assert tags.index("pBdr") < tags.index("spacing") < tags.index("ind"), tags
        assert file.tables[0].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
        signature = file.tables[-1].rows[0].cells[1].text
        expected = "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN" if layout is STATE else "HIỆU TRƯỞNG"
        assert signature.startswith(expected) and signature.endswith("Phạm Thị Dung")
        assert file.styles["Normal"].font.size.pt == layout.styles["body"].size
        subject = next(i for i, p in enumerate(file.paragraphs) if p.text.startswith("Kết quả diễn tập xử lý"))
        under = file.paragraphs[subject + 1]  # a rule (state) or five hyphens (party) under the subject line
        assert (under._p.pPr.find(qn("w:pBdr")) is not None, under.text) == (
            (True, "") if layout is STATE else (False, "-----")
        )
    party = word(document, "party")
    assert [p.text for p in party.tables[0].rows[0].cells[0].paragraphs] == [
        "TỈNH ỦY HÒA GIANG",
        "TRƯỜNG CHÍNH TRỊ",
        "*",
        "Số …-BC/TCT",
    ]
    assert party.tables[-1].rows[0].cells[0].paragraphs[0].runs[0].underline  # "Nơi nhận:" underlined


# --- page numbers, the font ------------------------------------------------------------------------


def test_the_pdf_numbers_pages_top_centre_from_page_2(document):
    reader = pdf_reader(document)
    assert len(reader.pages) > 3
    for number, page in enumerate(reader.pages, start=1):
        found = []
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size, found=found: found.append((text.strip(), tm[4], tm[5]))
        )
        top = [(text, x) for text, x, y in found if text and y > 297 / 25.4 * 72 - 40]  # the top margin (pt)
        if number == 1:
            assert top == []
        else:
            assert [text for text, _ in top] == [str(number)]
            assert abs(top[0][1] - (30 + 165 / 2) / 25.4 * 72) < 10  # centred over the text


def test_the_pdf_embeds_liberation_serif_only(document):
    fonts = set()
    for page in pdf_reader(document).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"LiberationSerif", "LiberationSerifBold", "LiberationSerifItalic", "LiberationSerifBoldItalic"}


def test_the_docx_numbers_pages_from_page_2(document):
    section = word(document).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml
    fields = section.header._element.xpath(".//w:fldChar/@w:fldCharType")
    assert fields == ["begin", "separate", "end"]
    assert [t.text for t in section.header._element.xpath(".//w:instrText")] == ["PAGE"]
    assert section.header.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


# --- no developer artefacts ------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["state", "party"])
def test_no_ids_seeds_or_english_in_the_vietnamese_report(document, layout):
    pdf = flat(" ".join(p.extract_text() for p in pdf_reader(document, layout).pages))
    file = word(document, layout)
    texts = [p.text for p in file.paragraphs] + [c.text for t in file.tables for r in t.rows for c in r.cells]
    for text in (pdf, flat(" ".join(texts))):
        assert ARTEFACTS.findall(text) == []
        assert "Căn cứ/tham chiếu" in text
    rule_ids = {r["id"] for team in document["teams"] for r in team["card"]["rules"]}
    assert not {rule for rule in rule_ids if rule in pdf}
    assert any("seed 0" in r["source"]["vi"] for r in document["teams"][0]["card"]["rules"])  # the data has them


def test_an_explanation_names_injects_by_their_sender_not_their_id(document):
    senders = document["exercise"]["inject_senders"]
    paper = "phóng viên Báo và Phát thanh, Truyền hình Hòa Giang (báo điện tử)"
    assert senders["call-paper"] == paper  # the cast placeholder "{reporter_paper}, " left out
    assert (
        named("call-paper không được trả lời; call-paper-followup (T+02:51); recall-paper", senders)
        == f"{paper} không được trả lời; {paper} (T+02:51); recall-paper"
    )
    assert named("call-paper", {}) == "call-paper"


def test_citation_drops_seed_ids_only():
    assert (
        citation("Quy định 887-QĐ/TU (An Giang, 2021), bước 3, seed 001; Nghị định 244/2026/NĐ-CP, Điều 4.4")
        == "Quy định 887-QĐ/TU (An Giang, 2021), bước 3; Nghị định 244/2026/NĐ-CP, Điều 4.4"
    )
    assert citation("Kế hoạch 161/KH-UBND (2021, seed 000)") == "Kế hoạch 161/KH-UBND (2021)"


# --- headings kept with what follows ---------------------------------------------------------------


def test_docx_headings_and_labels_keep_with_the_next_paragraph(document):
    keeps = {
        b.text for b in outline(document) if isinstance(b, Heading) or (isinstance(b, Para) and b.style in KEEP_WITH_NEXT)
    }
    file = word(document)
    found = [p for p in file.paragraphs if p.text in keeps]
    assert len(found) >= 20 and {p.text for p in found} == keeps
    assert all(p.paragraph_format.keep_with_next for p in found)


def _lowest_line(page) -> str:
    lines = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: lines.append((tm[5], text.strip())) if text.strip() else None
    )
    return min(lines)[1]


def test_no_pdf_page_ends_with_a_heading_or_a_label():
    """Documents with 0 to 14 observations move every heading down the pages; none may be a page's last line."""
    ends = set()
    for notes in range(0, 15, 2):
        document = make(("exemplary",), notes=notes)
        keeps = [
            b.text
            for b in outline(document, layout_of("state"))
            if isinstance(b, Heading) or (isinstance(b, Para) and b.style in KEEP_WITH_NEXT)
        ]
        for page in pdf_reader(document).pages[:-1]:
            last = _lowest_line(page)
            ends.add(last)
            assert not any(last == k or (len(last) > 15 and (k.startswith(last) or k.endswith(last))) for k in keeps), last
    assert len(ends) > 5  # the pages did end in different places


# --- layouts are chosen where the export is -------------------------------------------------------


def test_an_unknown_layout_or_a_layout_for_a_format_without_one_is_a_clear_error(document, tmp_path):
    with pytest.raises(ExportError, match="Không có mẫu trình bày 'royal' \\(các mẫu: state, party\\)"):
        write(document, "pdf", tmp_path / "r.pdf", layout="royal")
    with pytest.raises(ExportError, match="Định dạng 'xlsx' không có mẫu trình bày \\(chỉ pdf, docx\\)"):
        write(document, "xlsx", tmp_path / "r.xlsx", layout="party")
    assert not list(tmp_path.iterdir())
