"""Drill authoring through the routes: create and copy, the live check with field-mapped errors, versions and
drafts, who may see a drill, exercises that keep the text they ran, MSEL round trips and the dry run."""

from __future__ import annotations

import base64
import copy
import csv
import io
import json
import re

import pytest
import yaml
from sqlalchemy import select

from instructor.authoring.editing import check_text, form_data
from scenarios.library import scenario_path
from scenarios.loader import parse_scenario
from security_helpers import audits, count, csrf_token
from web.extensions import db
from web.local_time import local
from web.models import Exercise, Instructor
from web.models.drills import Drill, DrillDraft, DrillDryRun, DrillVersion

BASE = "/instructor/drills"
ROSTER = "Đội 1\nspokesperson: Nguyễn Văn An\ninfo_department: Lê Văn Cường\n"


def page_data(response) -> dict:
    """The editor page's JSON block."""
    match = re.search(
        r'<script type="application/json" id="authoring-data">(.*?)</script>', response.get_data(as_text=True), re.S
    )
    assert match, "no authoring data on the page"
    return json.loads(match.group(1))


def new_drill(client, source: str | None = None) -> int:
    response = client.post(f"{BASE}/copy", data={"source": source}) if source else client.post(f"{BASE}/new")
    assert response.status_code == 302, response.data
    return int(re.search(r"/(\d+)/edit$", response.location).group(1))


def versions(app, drill_id: int) -> list[str]:
    with app.app_context():
        return [
            v.text
            for v in db.session.scalars(
                select(DrillVersion).where(DrillVersion.drill_id == drill_id).order_by(DrillVersion.number)
            )
        ]


def draft(app, drill_id: int) -> str | None:
    with app.app_context():
        row = db.session.get(DrillDraft, drill_id)
        return row.text if row else None


def errors(response) -> dict[str, str]:
    assert response.status_code == 200, response.data
    return {e["path"]: e["message"] for e in response.get_json()["errors"]}


@pytest.fixture
def lan(platform):
    return platform.instructor_client("lan")


@pytest.fixture
def water(lan) -> int:
    """Lan's copy of the tap-water drill."""
    return new_drill(lan, "builtin:nuoc-may-nhiem-doc")


def water_data() -> dict:
    return form_data(scenario_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8"))


# --- creating ------------------------------------------------------------------------------------


def test_a_drill_from_scratch_is_the_valid_skeleton_with_the_standard_roles(app, lan):
    first, second = new_drill(lan), new_drill(lan)
    config = page_data(lan.get(f"{BASE}/{first}/edit"))
    assert config["checked"]["ok"] and config["checked"]["errors"] == [] and not config["readonly"]
    scenario = parse_scenario(versions(app, first)[0])
    assert [r.id for r in scenario.roles][:3] == ["spokesperson", "propaganda_board", "info_department"]
    assert {"standing_committee", "police"} <= {r.id for r in scenario.roles}
    assert scenario.id == "kich-ban-moi" and parse_scenario(versions(app, second)[0]).id == "kich-ban-moi-2"


def test_a_copy_of_a_built_in_drill_keeps_its_text_under_an_id_of_its_own(app, lan, water):
    original = scenario_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8")
    [text] = versions(app, water)
    assert text == original.replace("id: nuoc-may-nhiem-doc", "id: nuoc-may-nhiem-doc-2", 1)  # comments and layout kept
    assert parse_scenario(text).model_copy(update={"id": "nuoc-may-nhiem-doc"}) == parse_scenario(original)
    with app.app_context():
        assert db.session.get(Drill, water).copied_from == "builtin:nuoc-may-nhiem-doc"
    again = new_drill(lan, f"drill:{water}")
    assert parse_scenario(versions(app, again)[0]).id == "nuoc-may-nhiem-doc-3"
    listing = lan.get(f"{BASE}/").get_data(as_text=True)
    assert "nuoc-may-nhiem-doc-2" in listing and "nuoc-may-nhiem-doc-3" in listing and "Kịch bản có sẵn" in listing


def test_a_built_in_drill_opens_read_only_and_only_built_in_names_are_read(lan):
    config = page_data(lan.get(f"{BASE}/builtin/ngo-doc-truong-hoc"))
    assert config["readonly"] and config["drill"] is None and config["urls"]["save"] is None and config["checked"]["ok"]
    assert lan.get(f"{BASE}/builtin/..%2F..%2Fpyproject.toml").status_code == 404
    assert lan.post(f"{BASE}/copy", data={"source": "builtin:../tests/fixtures/minimal"}).status_code == 404
    assert lan.post(f"{BASE}/copy", data={"source": "nothing"}).status_code == 400


# --- the live check ---------------------------------------------------------------------------------


def test_the_check_maps_each_error_to_its_field_in_the_instructor_s_language(lan):
    data = water_data()
    data["levels"][1]["escalate_when"] = "belif > 0.03"  # a bad threshold: unknown variable
    data["injects"][0]["to"] = ["mayor"]  # an unknown role
    data["injects"][1]["at"] = "mười giờ"  # a time that is not a number
    data["injects"][2]["at"] = 5000  # after the end of the drill
    data["injects"][3]["response_window"] = 0  # a press call that waits no time
    body = lan.post(f"{BASE}/api/validate", json={"data": data}).get_json()
    assert not body["ok"] and all(e["line"] >= 1 for e in body["errors"])
    found = {e["path"]: e["message"] for e in body["errors"]}  # Vietnamese by default
    assert found["levels[1].escalate_when"].startswith("biến 'belif' không tồn tại (các biến: minute, level")
    assert found["injects[0].to[0]"] == "vai 'mayor' không có trong kịch bản"
    assert found["injects[1].at"] == "phải là một số (ví dụ 90 hoặc 7.5)"
    assert found["injects[2].at"] == "phút 5000 nằm sau khi kịch bản kết thúc (phút 720)"
    assert found["injects[3].response_window"] == "phải lớn hơn 0"
    lan.set_cookie("lang", "en")
    found = errors(lan.post(f"{BASE}/api/validate", json={"data": data}))
    assert "unknown variable 'belif'" in found["levels[1].escalate_when"]
    assert found["injects[0].to[0]"] == "unknown role 'mayor'"
    assert "valid number" in found["injects[1].at"]
    assert found["injects[2].at"] == "minute 5000 is after the end of the drill (720)"
    assert found["injects[3].response_window"] == "Input should be greater than 0"


def test_a_valid_drill_checks_ok_and_its_yaml_is_the_drill(lan):
    body = lan.post(f"{BASE}/api/validate", json={"data": water_data()}).get_json()
    assert body["ok"] and body["errors"] == []
    original = parse_scenario(scenario_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8"))
    assert parse_scenario(body["yaml"]) == original
    assert body["yaml"].startswith("id: nuoc-may-nhiem-doc\ntitle:\n  vi: ")  # the built-in drills' key order, unescaped
    # the timeline's conditions come back in words, not as the expression
    assert body["conditions"]["statements >= 1 and minute >= 120"]["vi"].startswith("đã có ít nhất 1 phát ngôn")
    assert set(body["conditions"]) == {i["when"] for i in water_data()["injects"] if i.get("when")}


def test_yaml_typed_by_hand_gives_the_form_its_data_and_errors_their_lines(lan):
    text = (
        scenario_path("tests/fixtures/minimal.yaml")
        .read_text(encoding="utf-8")
        .replace("response_window: 90", "response_window: -5")
    )
    body = lan.post(f"{BASE}/api/validate", json={"yaml": text}).get_json()
    line = text.splitlines().index("    response_window: -5") + 1
    assert [(e["path"], e["line"]) for e in body["errors"]] == [("injects[1].response_window", line)]
    assert body["data"]["injects"][1]["response_window"] == -5 and body["yaml"] == text
    broken = lan.post(f"{BASE}/api/validate", json={"yaml": "id: x\ntitle: [unclosed\n"}).get_json()
    assert broken["data"] is None and broken["errors"][0]["path"] == "(file)" and broken["errors"][0]["line"] >= 2


@pytest.mark.parametrize("body", ['{"data": {"duration": NaN}}', "[1, 2]", "not json", '{"yaml": 5}', '{"other": 1}'])
def test_a_body_the_check_cannot_use_is_refused_with_a_reason(lan, body):
    response = lan.post(f"{BASE}/api/validate", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["vi"]


def test_a_drill_over_the_form_limit_of_64_kib_is_accepted_and_one_over_512_kib_is_not(lan):
    text = scenario_path("lu-quet-thuy-dien").read_text(encoding="utf-8") + "#" + "x" * 70_000 + "\n"
    assert lan.post(f"{BASE}/api/validate", json={"yaml": text}).get_json()["ok"]
    assert lan.post(f"{BASE}/api/validate", json={"yaml": text + "#" + "x" * 600_000}).status_code == 413


# --- versions and the draft ---------------------------------------------------------------------------


def test_saving_makes_a_version_only_of_a_valid_changed_text_and_keeps_anything_else_as_the_draft(app, lan, water):
    [v1] = versions(app, water)
    same = lan.post(f"{BASE}/{water}/save", json={"yaml": v1, "note": ""}).get_json()
    assert same["status"] == "unchanged" and versions(app, water) == [v1]
    invalid = v1.replace("response_window: 90", "response_window: 0")
    kept = lan.post(f"{BASE}/{water}/save", json={"yaml": invalid, "note": "x"}).get_json()
    assert kept["status"] == "draft" and not kept["ok"] and versions(app, water) == [v1] and draft(app, water) == invalid
    assert page_data(lan.get(f"{BASE}/{water}/edit"))["checked"]["yaml"] == invalid  # what was typed comes back
    v2 = v1.replace("response_window: 90", "response_window: 45")
    saved = lan.post(f"{BASE}/{water}/save", json={"yaml": v2, "note": "Rút ngắn thời hạn"}).get_json()
    assert saved["status"] == "version" and saved["version"]["number"] == 2
    assert versions(app, water) == [v1, v2] and draft(app, water) is None
    assert "Rút ngắn thời hạn" in lan.get(f"{BASE}/{water}").get_data(as_text=True)


def test_the_draft_is_kept_as_typed_and_dropped_when_it_is_the_latest_version(app, lan, water):
    [v1] = versions(app, water)
    assert lan.post(f"{BASE}/{water}/draft", json={"yaml": "id: [half typed"}).get_json()["has_draft"]
    assert draft(app, water) == "id: [half typed"
    config = page_data(lan.get(f"{BASE}/{water}/edit"))
    assert config["checked"]["data"] is None and not config["checked"]["ok"]  # the form waits for readable YAML
    assert not lan.post(f"{BASE}/{water}/draft", json={"yaml": v1}).get_json()["has_draft"]
    assert lan.post(f"{BASE}/{water}/draft", json={"yaml": "x: 1"}).status_code == 200
    assert lan.post(f"{BASE}/{water}/draft/discard").status_code == 302 and draft(app, water) is None


# --- who may see a drill ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/DRILL"),
        ("get", "/DRILL/edit"),
        ("get", "/DRILL/versions/1"),
        ("post", "/DRILL/save"),
        ("post", "/DRILL/draft"),
        ("post", "/DRILL/dry-run"),
        ("post", "/DRILL/msel"),
        ("post", "/DRILL/delete"),
        ("post", "/DRILL/draft/discard"),
    ],
)
def test_another_instructor_can_neither_read_nor_change_a_drill(app, platform, water, method, path):
    minh = platform.instructor_client("minh")
    before = versions(app, water)
    path = BASE + path.replace("DRILL", str(water))
    body = {"yaml": before[0].replace("response_window: 90", "response_window: 5"), "note": "", "file": "", "format": "csv"}
    response = minh.post(path, json=body) if method == "post" else minh.get(path)
    assert response.status_code == 404
    assert "Tin đồn nước máy" not in response.get_data(as_text=True)
    with app.app_context():
        minh_id = db.session.scalars(select(Instructor).filter_by(username="minh")).one().get_id()
    who, what, reason = audits(app)[-1]
    assert who == minh_id and what.startswith(f"drill {water} ") and reason == "not the instructor's drill"
    assert versions(app, water) == before and draft(app, water) is None and count(app, Drill) == 1
    assert minh.post(f"{BASE}/copy", data={"source": f"drill:{water}"}).status_code == 404
    assert water not in [int(m) for m in re.findall(r'id="drill-(\d+)"', minh.get(f"{BASE}/").get_data(as_text=True))]


def test_the_pages_are_for_instructors_only(app, platform, water):
    anonymous = app.test_client()
    response = anonymous.get(f"{BASE}/{water}/edit")
    assert response.status_code == 302 and response.location.startswith("/login")
    assert anonymous.post(f"{BASE}/api/validate", json={"yaml": "x"}).status_code == 302
    _, [(_, code), _] = platform.exercise()
    trainee = platform.trainee_client(code, "Nguyễn Văn An 1")
    assert trainee.get(f"{BASE}/").status_code == 403
    assert trainee.post(f"{BASE}/api/dry-run", json={"yaml": "x"}).status_code == 403
    assert audits(app)[-1][1] == f"instructor page {BASE}/api/dry-run"


def test_the_json_endpoints_need_the_pages_csrf_token(csrf_app):
    app = csrf_app
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"username": "lan", "password": "secret", "csrf_token": token})
    listing = client.get(f"{BASE}/").get_data(as_text=True)
    assert client.post(f"{BASE}/new").status_code == 400  # a form without its token
    client.post(f"{BASE}/new", data={"csrf_token": csrf_token(listing)})
    config = page_data(client.get(f"{BASE}/1/edit"))
    body = {"yaml": config["checked"]["yaml"] + "\n# edited\n"}
    assert client.post(f"{BASE}/1/draft", json=body).status_code == 400
    assert audits(app)[-1][1:] == (f"POST {BASE}/1/draft", "CSRF: The CSRF token is missing.")
    assert draft(app, 1) is None
    assert client.post(f"{BASE}/1/draft", json=body, headers={"X-CSRFToken": config["csrf"]}).status_code == 200
    assert draft(app, 1) == body["yaml"]


# --- exercises keep the text they ran ---------------------------------------------------------------------


def test_an_exercise_from_version_1_keeps_its_text_after_version_2_is_saved(app, lan, water):
    [v1] = versions(app, water)
    with app.app_context():
        version_id = db.session.scalars(select(DrillVersion.id).where(DrillVersion.drill_id == water)).one()
    dashboard = lan.get(f"/instructor/?scenario=v:{version_id}").get_data(as_text=True)
    assert f'<option selected value="v:{version_id}">' in dashboard and "Kịch bản tôi soạn" in dashboard
    response = lan.post("/instructor/", data={"scenario": f"v:{version_id}", "seed": "3", "speed": "60", "roster": ROSTER})
    assert response.status_code == 302 and "/instructor/exercises/" in response.location
    v2 = v1.replace("response_window: 90", "response_window: 30")
    assert lan.post(f"{BASE}/{water}/save", json={"yaml": v2, "note": ""}).get_json()["status"] == "version"
    with app.app_context():
        exercise = db.session.scalars(select(Exercise)).one()
        assert exercise.scenario_text == v1 and exercise.scenario_id == "nuoc-may-nhiem-doc-2"
        exercise_id = exercise.id
    drill_page = lan.get(f"{BASE}/{water}").get_data(as_text=True)
    row = re.search(r'<tr id="version-1">.*?</tr>', drill_page, re.S).group(0)
    assert f"/instructor/exercises/{exercise_id}" in row
    assert f"/instructor/exercises/{exercise_id}" not in re.search(r'<tr id="version-2">.*?</tr>', drill_page, re.S).group(0)
    assert lan.get(f"/instructor/exercises/{exercise_id}").status_code == 200
    lan.post(f"{BASE}/{water}/delete")
    assert count(app, Drill) == 1 and versions(app, water) == [v1, v2]  # an exercise ran it: not deleted


def test_another_instructors_version_cannot_be_chosen_for_an_exercise(app, platform, lan, water):
    with app.app_context():
        version_id = db.session.scalars(select(DrillVersion.id).where(DrillVersion.drill_id == water)).one()
    minh = platform.instructor_client("minh")
    minh.post("/instructor/", data={"scenario": f"v:{version_id}", "seed": "3", "speed": "60", "roster": ROSTER})
    assert count(app, Exercise) == 0
    assert f"v:{version_id}" not in minh.get("/instructor/").get_data(as_text=True)


def test_a_drill_no_exercise_ran_can_be_deleted(app, lan, water):
    lan.post(f"{BASE}/{water}/dry-run", json={"yaml": versions(app, water)[0]})
    assert lan.post(f"{BASE}/{water}/delete").status_code == 302
    assert count(app, Drill) == 0 and count(app, DrillVersion) == 0 and count(app, DrillDryRun) == 0


# --- MSEL ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_msel_downloaded_and_uploaded_again_gives_the_same_drill(app, lan, water, kind):
    [text] = versions(app, water)
    download = lan.post(f"{BASE}/api/msel", json={"yaml": text, "format": kind})
    assert download.status_code == 200 and f"nuoc-may-nhiem-doc-2-msel.{kind}" in download.headers["Content-Disposition"]
    sheet = base64.b64encode(download.data).decode()
    body = lan.post(f"{BASE}/{water}/msel", json={"yaml": text, "file": sheet}).get_json()
    assert body["imported"] and body["ok"] and body["problems"] == []
    assert parse_scenario(body["yaml"]) == parse_scenario(text)
    assert versions(app, water) == [text]  # not a version until saved


def test_an_uploaded_msel_reports_every_bad_row_and_loads_what_it_can(app, lan, water):
    [text] = versions(app, water)
    sheet = lan.post(f"{BASE}/api/msel", json={"yaml": text, "format": "csv"}).data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(sheet)))
    channel = rows[0].index("Kênh / Channel")
    rows[2][channel] = "bồ câu"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    body = lan.post(
        f"{BASE}/{water}/msel", json={"yaml": text, "file": base64.b64encode(out.getvalue().encode()).decode()}
    ).get_json()
    assert not body["imported"] and len(body["problems"]) == 1
    assert body["problems"][0]["vi"].startswith("dòng 3, cột “Kênh / Channel”: kênh “bồ câu”")
    assert body["problems"][0]["en"].startswith("row 3, column 'Kênh / Channel': unknown channel 'bồ câu'")
    assert body["problems"][0]["message"] == body["problems"][0]["vi"]  # the user's language: Vietnamese by default
    assert len(body["data"]["injects"]) == len(parse_scenario(text).injects)  # merged: the base keeps the row's inject
    lan.set_cookie("lang", "en")
    body = lan.post(
        f"{BASE}/{water}/msel", json={"yaml": text, "file": base64.b64encode(out.getvalue().encode()).decode()}
    ).get_json()
    assert body["problems"][0]["message"] == body["problems"][0]["en"]


def test_an_uploaded_planners_sheet_is_read_with_the_users_column_mapping(app, lan, water):
    from msel_layouts import UNKNOWN_TO, vn_xlsx

    [text] = versions(app, water)
    sheet = base64.b64encode(vn_xlsx().getvalue()).decode()
    body = lan.post(f"{BASE}/{water}/msel", json={"yaml": text, "file": sheet}).get_json()
    assert not body["imported"] and {"header": UNKNOWN_TO, "key": None} in body["columns"]
    assert "to" in [k["key"] for k in body["keys"]]
    body = lan.post(f"{BASE}/{water}/msel", json={"yaml": text, "file": sheet, "mapping": {UNKNOWN_TO: "to"}}).get_json()
    assert body["imported"] and body["ok"] and {"header": UNKNOWN_TO, "key": "to"} in body["columns"]
    assert len(body["data"]["injects"]) == len(parse_scenario(text).injects) + 4
    assert [w["row"] for w in body["warnings"]][:1] == [5] and "lượt tiếp cận" in body["warnings"][0]["vi"]
    assert body["yaml"].startswith(text.split("\nid:")[0])  # the drill's header comment is kept
    for bad in ({UNKNOWN_TO: "nonsense"}, ["to"], {UNKNOWN_TO: 3}):
        response = lan.post(f"{BASE}/{water}/msel", json={"yaml": text, "file": sheet, "mapping": bad})
        assert response.status_code == 400 and "mapping" in response.get_json()["error"]["en"]


def test_an_msel_that_is_not_a_sheet_is_refused_with_a_reason(lan, water):
    legacy = base64.b64encode(b"\xd0\xcf\x11\xe0" + b"\0" * 100).decode()
    response = lan.post(f"{BASE}/{water}/msel", json={"yaml": "id: x", "file": legacy})
    error = response.get_json()["error"]
    assert response.status_code == 400 and "tệp .xls" in error["vi"] and error["message"] == error["vi"]
    assert error["en"].startswith("an .xls file (Excel 97–2003) is not supported")
    assert lan.post(f"{BASE}/{water}/msel", json={"yaml": "id: x", "file": "%%%"}).status_code == 400
    assert lan.post(f"{BASE}/api/msel", json={"yaml": "id: x", "format": "csv"}).status_code == 400


# --- the dry run ---------------------------------------------------------------------------------------------


def test_the_dry_run_returns_the_three_bots_and_is_kept_for_the_list(app, lan, water):
    [text] = versions(app, water)
    report = lan.post(f"{BASE}/{water}/dry-run", json={"yaml": text}).get_json()
    assert [b["bot"] for b in report["bots"]] == ["exemplary", "silent", "off_focal_point"]
    assert report["ok"] and report["warnings"] == [] and all(b["curve"] for b in report["bots"])
    exemplary, silent, _ = report["bots"]
    assert exemplary["min_total"] == 100 and silent["max_total"] == 0 and len(silent["runs"]) == 3
    assert max(r["max_level"] for r in silent["runs"]) == 1 and max(r["max_level"] for r in exemplary["runs"]) == 0
    listing = lan.get(f"{BASE}/").get_data(as_text=True)
    assert "✓ không cảnh báo" in listing and "phiên bản 1" in listing
    with app.app_context():
        assert "curve" not in db.session.get(DrillDryRun, water).summary["bots"][0]


def test_a_dry_run_shows_warnings_and_refuses_an_invalid_drill(lan):
    data = water_data()
    data["levels"][1]["escalate_when"] = "belief > 0.99"  # silence never escalates
    text = check_text(yaml.safe_dump(data, allow_unicode=True)).yaml
    report = lan.post(f"{BASE}/api/dry-run", json={"yaml": text}).get_json()
    assert "silence_never_escalates" in [w["code"] for w in report["warnings"]]
    assert all(w["vi"] and w["en"] for w in report["warnings"])
    broken = copy.deepcopy(data)
    broken["injects"][0]["to"] = []
    response = lan.post(f"{BASE}/api/dry-run", json={"yaml": yaml.safe_dump(broken, allow_unicode=True)})
    assert response.status_code == 400 and response.get_json()["errors"][0]["path"] == "injects[0].to"


# --- issue 13.10: an old version's own title, one time zone --------------------------------------


def test_an_old_version_shows_its_own_title_and_times_are_in_vietnam_time(app, lan, water):
    [v1] = versions(app, water)
    old_title = parse_scenario(v1, "x").title.vi
    v2 = v1.replace(old_title, "Tin đồn nước máy — bản sửa", 1)
    saved = lan.post(f"{BASE}/{water}/save", json={"yaml": v2, "note": ""}).get_json()
    assert saved["version"]["created_at"].endswith("+07:00")  # the editor's script reads the zone, not the browser's
    first = lan.get(f"{BASE}/{water}/versions/1").get_data(as_text=True)
    assert (
        f'<h1 id="version-title">{old_title}' in first and "Tên hiện tại của kịch bản: Tin đồn nước máy — bản sửa" in first
    )
    assert 'id="version-title">Tin đồn nước máy — bản sửa' in lan.get(f"{BASE}/{water}/versions/2").get_data(as_text=True)
    listing = lan.get(f"{BASE}/{water}").get_data(as_text=True)
    assert f'<small class="hint version-title">{old_title}</small>' in listing
    assert page_data(lan.get(f"{BASE}/{water}/edit"))["drill"]["latest"]["created_at"].endswith("+07:00")
    with app.app_context():
        stored = db.session.scalars(select(DrillVersion).where(DrillVersion.number == 2)).one().created_at
    shown = lan.get(f"{BASE}/{water}/versions/2").get_data(as_text=True)
    assert f"Lưu lúc {local(stored)}" in shown
