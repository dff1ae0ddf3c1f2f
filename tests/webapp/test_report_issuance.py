"""The printed report's issuing body and signer on the new-exercise form, and the layout chosen on its download link.

Test client tests (the form's saved row, the download's layout, bad input) and
one real-browser test: the instructor fills the form's report section in
Chromium, then downloads the Party-layout PDF from the report page.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from playwright.sync_api import expect

from browser_helpers import log_in, new_context, page_errors
from web.extensions import db
from web.models import Exercise
from web.models.debrief import ReportIssuance

ROSTER = "Đội 1\nspokesperson: Nguyễn Văn An\npropaganda_board: Trần Thị Bình\ninfo_department: Lê Văn Cường\n"
FORM = {"scenario": "nuoc-may-nhiem-doc", "seed": "1", "speed": "60", "roster": ROSTER}


PARTY_EN = "/report/pdf?layout=party&lang=en"


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def new_exercise(client, **issuance) -> int:
    response = client.post("/instructor/", data={**FORM, **issuance})
    assert response.status_code == 302, response.data.decode()
    return int(response.location.rstrip("/").rsplit("/", 1)[1])


def test_the_form_stores_the_issuing_body_and_blank_fields_stay_defaults(app, platform):
    client = platform.instructor_client()
    given = new_exercise(
        client,
        parent_agency="  Tỉnh ủy   Hòa Giang ",
        issuer="Trường Chính trị tỉnh",
        issuer_short="",
        signer_name="Lê Minh Châu",
    )
    plain = new_exercise(client)
    with app.app_context():
        row = db.session.query(ReportIssuance).filter_by(exercise_id=given).one()
        assert (row.parent_agency, row.issuer, row.issuer_short, row.on_behalf, row.signer_name) == (
            "Tỉnh ủy Hòa Giang",
            "Trường Chính trị tỉnh",
            None,
            None,
            "Lê Minh Châu",
        )
        assert db.session.query(ReportIssuance).filter_by(exercise_id=plain).first() is None
    party = client.get(f"/review/exercises/{given}/report/pdf?layout=party")
    assert party.status_code == 200 and party.mimetype == "application/pdf"
    assert f"bao-cao-dien-tap-{given}-mau-dang.pdf" in party.headers["Content-Disposition"]
    text = pdf_text(party.data)
    assert text.startswith("TỈNH ỦY HÒA GIANG TRƯỜNG CHÍNH TRỊ TỈNH * Số …-BC/TCT ĐẢNG CỘNG SẢN VIỆT NAM")
    assert text.endswith("HIỆU TRƯỞNG Lê Minh Châu")
    state = pdf_text(client.get(f"/review/exercises/{plain}/report/pdf").data)
    assert state.startswith("UBND TỈNH HÒA GIANG BAN CHỈ ĐẠO DIỄN TẬP Số: …/BC-BCĐ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    page = client.get(f"/review/exercises/{plain}/report").data.decode()
    assert f'href="/review/exercises/{plain}/report/docx?layout=party"' in page


def test_a_bad_layout_or_a_too_long_field_is_refused(app, platform):
    client = platform.instructor_client()
    exercise_id = new_exercise(client)
    assert client.get(f"/review/exercises/{exercise_id}/report/pdf?layout=royal").status_code == 400
    assert client.get(f"/review/exercises/{exercise_id}/report/json?layout=party").status_code == 400
    with app.app_context():
        before = db.session.query(Exercise).count()
    response = client.post("/instructor/", data={**FORM, "issuer": "x" * 201})
    assert response.status_code == 200 and "Cơ quan ban hành: tối đa 200 ký tự" in response.data.decode()
    with app.app_context():
        assert db.session.query(Exercise).count() == before


@pytest.mark.browser
def test_the_instructor_names_the_issuer_and_downloads_the_party_layout(server, chromium, tmp_path):
    context = new_context(chromium)
    page = context.new_page()
    errors = page_errors(page)
    log_in(page, server.url)
    page.goto(f"{server.url}/instructor/")
    page.fill("#roster", ROSTER)
    page.locator("details.issuance summary").click()
    page.fill("#issuer", "Trường Chính trị tỉnh Hòa Giang")
    page.fill("#signer_name", "Lê Minh Châu")
    page.screenshot(path="/tmp/issuance-form.png", full_page=True)
    page.get_by_role("button", name="Tạo", exact=True).click()
    expect(page).to_have_url(f"{server.url}/instructor/exercises/1")
    page.goto(f"{server.url}/review/exercises/1/report")
    link = page.locator(".exports a.export[data-format='pdf'][data-layout='party']:not([data-lang])")
    expect(link).to_be_visible()
    page.screenshot(path="/tmp/issuance-report.png")
    texts = {}
    for key, found in (
        ("vi", link),
        ("en", page.get_by_role("group", name="Bản tiếng Anh").locator(f"a[href$='{PARTY_EN}']")),
    ):
        with page.expect_download() as download:
            found.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        texts[key] = (path.name, pdf_text(path.read_bytes()))
    context.close()
    name, text = texts["vi"]
    assert name == "bao-cao-dien-tap-1-mau-dang.pdf"
    assert "TRƯỜNG CHÍNH TRỊ TỈNH HÒA GIANG * Số …-BC/TCT ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert text.endswith("HIỆU TRƯỞNG Lê Minh Châu")
    name, text = texts["en"]  # the English copy: the issuer as given, the rest in English
    assert name == "bao-cao-dien-tap-1-mau-dang-en.pdf"
    assert "TRƯỜNG CHÍNH TRỊ TỈNH HÒA GIANG * No. …-BC/TCT COMMUNIST PARTY OF VIET NAM" in text
    assert text.endswith("PRINCIPAL Lê Minh Châu")
    assert not errors, errors
