"""A roster file on the creation form (issue 10): CSV or XLSX of name, role, team, with English or Vietnamese
headers and roles; 200 teams of 5 go through; every bad row is reported at once by its number, nothing created."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from instructor.views import ROSTER_BODY_MAX
from roster_helpers import HEADER_VI, ROLES_VI, as_csv, as_xlsx, roster_rows
from web.extensions import db
from web.models import Exercise, Member, Team

WATER = "nuoc-may-nhiem-doc"


def post(client, filename: str, data: bytes, roster: str = ""):
    form = {"scenario": WATER, "seed": "1", "speed": "60", "roster": roster, "roster_file": (io.BytesIO(data), filename)}
    return client.post("/instructor/", data=form, content_type="multipart/form-data")


def counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Exercise, Team, Member))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_two_hundred_teams_of_five_come_in_from_a_file(app, platform, kind):
    rows = roster_rows(200)
    data = as_csv(HEADER_VI, rows) if kind == "csv" else as_xlsx(HEADER_VI, rows)
    response = post(platform.instructor_client(), f"danh-sach.{kind}", data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert counts(app) == (1, 200, 1000)
    with app.app_context():
        team = db.session.scalars(select(Team).where(Team.name == "Đội 200")).one()
        assert {m.name: m.role for m in team.members} == {
            "Nguyễn Văn Học 199-0": "spokesperson",
            "Nguyễn Văn Học 199-1": "propaganda_board",
            "Nguyễn Văn Học 199-2": "info_department",
            "Nguyễn Văn Học 199-3": "spokesperson",
            "Nguyễn Văn Học 199-4": "spokesperson",
        }
        assert [t.name for t in db.session.scalars(select(Team).order_by(Team.id))][:3] == ["Đội 1", "Đội 2", "Đội 3"]


def test_english_headers_in_any_order_and_semicolons(app, platform):
    data = as_csv(
        ("Team", "ROLE", "name"),
        [("Đội A", "spokesperson", "Lê An"), ("Đội A", "info_department", "Hồ Bình")],
        delimiter=";",
    )
    assert post(platform.instructor_client(), "roster.CSV", data).status_code == 302
    assert counts(app) == (1, 1, 2)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_bad_row_is_reported_by_its_number_and_nothing_is_created(app, platform, kind):
    rows = roster_rows(200)
    rows[3] = (4, "", "Sở VHTTDL", "Đội 1")  # row 5 (the header is row 1): no name
    rows[10] = (11, "Nguyễn Văn Học 2-0", "giám đốc", "Đội 3")  # row 12: no such role
    rows[11] = (12, "nguyễn  văn học 2-0", "Sở VHTTDL", "Đội 3")  # row 13: the same person twice in a team
    rows[999] = (1000, "Trần Thị Cuối", "", "")  # row 1001: no role, no team
    data = as_csv(HEADER_VI, rows) if kind == "csv" else as_xlsx(HEADER_VI, rows)
    page = post(platform.instructor_client(), f"danh-sach.{kind}", data).get_data(as_text=True)
    assert "Dòng 5: thiếu họ tên" in page and "Dòng 13: tên &#39;nguyễn văn học 2-0&#39; trùng" in page
    assert "Dòng 1001: thiếu vai trò, đội" in page and "Line 1001" not in page
    assert "Dòng 12: Đội Đội 3, Nguyễn Văn Học 2-0: không có vai &#39;giám đốc&#39;" in page  # checked in the same pass
    assert "4 lỗi" in page
    assert counts(app) == (0, 0, 0)


def test_fifty_bad_rows_are_all_listed(app, platform):
    rows = [(n, f"Học viên {n}", "thủ quỹ", "Đội 1") for n in range(50)]
    page = post(platform.instructor_client(), "a.csv", as_csv(HEADER_VI, rows)).get_data(as_text=True)
    assert all(f"Dòng {n + 2}:" in page for n in range(50)) and "50 lỗi" in page
    assert counts(app) == (0, 0, 0)


@pytest.mark.parametrize(
    "filename, data, reason",
    [
        ("a.csv", as_csv(("Họ tên", "Đội"), [("An", "Đội 1")]), "thiếu cột: role"),
        ("a.csv", "name,role,team\nLê Văn,spokesperson,Đ 1\n".encode("cp1258"), "phải ở dạng UTF-8"),
        ("a.xlsx", b"PK not really a workbook", "Không đọc được tệp XLSX"),
        ("a.txt", b"name,role,team\n", "phải là .csv hoặc .xlsx"),
        ("a.csv", b"", "Tệp danh sách trống"),
        ("a.csv", "Họ tên,Vai trò,Đội\n,,\n".encode(), "không có học viên nào"),
        ("a.csv", b"name,role,team\n" + b"\n" * 6000, "quá 5000 dòng"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(app, platform, filename, data, reason):
    page = post(platform.instructor_client(), filename, data).get_data(as_text=True)
    assert reason in page
    assert counts(app) == (0, 0, 0)


def test_the_form_with_a_file_is_bounded_and_other_posts_stay_at_64_kib(app, platform):
    client = platform.instructor_client()
    big = b"name,role,team\n" + b"x" * ROSTER_BODY_MAX
    assert post(client, "a.csv", big).status_code == 413
    assert counts(app) == (0, 0, 0)
    assert app.test_client().post("/login", data={"username": "x" * (64 * 1024 + 1)}).status_code == 413


def test_the_text_box_now_takes_two_hundred_teams(app, platform):
    text = "\n\n".join(
        f"Đội {n}\n" + "\n".join(f"{ROLES_VI[k]}: Nguyễn Thị Học Viên {n}-{k}" for k in range(5)) for n in range(200)
    )
    assert len(text) > 20_000
    response = platform.instructor_client().post(
        "/instructor/", data={"scenario": WATER, "seed": "1", "speed": "60", "roster": text}
    )
    assert response.status_code == 302
    assert counts(app) == (1, 200, 1000)
