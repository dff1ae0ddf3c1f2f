"""Names as trainees type them (issue 13.8): matched regardless of case, spacing and Unicode
normalisation, and a roster with several bad lines reports every one of them at once."""

from __future__ import annotations

import unicodedata

import pytest

from web.roster import parse_roster
from web.exercises import ExerciseError
from web.extensions import db
from web.models import Team
from web.names import clean_name, name_key

ROSTER = """Đội Hòa Thạnh
spokesperson: Đỗ Minh Quân
info_department: Lê  Thị   Bình
"""


def test_one_person_however_the_name_is_typed():
    nfd = unicodedata.normalize("NFD", "Đỗ Minh Quân")
    assert nfd != "Đỗ Minh Quân"
    assert {name_key(n) for n in ("Đỗ Minh Quân", "đỗ minh quân", nfd, "  ĐỖ   MINH QUÂN ")} == {name_key("Đỗ Minh Quân")}
    assert name_key("Đỗ Minh Quân") != name_key("Đỗ Minh Quan")  # a missing diacritic is another name
    assert clean_name(nfd + "  ") == "Đỗ Minh Quân"


@pytest.mark.parametrize("typed", ["đỗ minh quân", unicodedata.normalize("NFD", "Đỗ Minh Quân"), "ĐỖ MINH  QUÂN"])
def test_a_trainee_joins_with_their_name_in_any_case_or_normalisation(app, platform, typed):
    instructor = platform.instructor_client()
    answer = instructor.post(
        "/instructor/", data={"scenario": "nuoc-may-nhiem-doc", "seed": 1, "speed": 10, "roster": ROSTER}
    )
    assert answer.status_code == 302, answer.data
    with app.app_context():
        join_code = db.session.query(Team).one().join_code
    trainee = app.test_client()
    joined = trainee.post("/join", data={"code": join_code.lower(), "name": typed})
    assert joined.status_code == 302 and joined.location.endswith("/room"), joined.data
    assert "Đỗ Minh Quân" in trainee.get("/room").get_data(as_text=True)


def test_every_bad_roster_line_is_reported_at_once():
    text = "Đội A\nspokesperson Nguyễn An\ninfo_department: Lê Bình\npropaganda_board: lê  bình\n\nĐội B\n: \nx: Trần C\n"
    with pytest.raises(ExerciseError) as error:
        parse_roster(text)
    lines = str(error.value).splitlines()
    assert [line.split(":")[0] for line in lines] == ["Dòng 2", "Dòng 4", "Dòng 7"]
    assert "trùng" in lines[1] and "lê bình" in lines[1]


def test_every_unknown_role_is_reported_at_once_on_the_dashboard(platform):
    instructor = platform.instructor_client()
    roster = "Đội A\nnguoi_phat_ngon: An\ninfo_department: Bình\n\nĐội B\nboss: Cường\n"
    page = instructor.post(
        "/instructor/", data={"scenario": "nuoc-may-nhiem-doc", "seed": 1, "speed": 10, "roster": roster}
    ).get_data(as_text=True)
    assert "không có vai &#39;nguoi_phat_ngon&#39;" in page and "không có vai &#39;boss&#39;" in page


def test_a_roster_of_many_bad_lines_lists_twenty_and_counts_the_rest():
    text = "Đội A\n" + "".join(f"dòng sai {n}\n" for n in range(50))
    with pytest.raises(ExerciseError) as error:
        parse_roster(text)
    lines = str(error.value).splitlines()
    assert len(lines) == 21 and lines[0].startswith("Dòng 2:") and lines[19].startswith("Dòng 21:")
    assert lines[-1] == "… và 30 lỗi khác."
