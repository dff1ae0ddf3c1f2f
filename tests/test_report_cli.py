"""`run.py report` on a platform database (its layouts and the exercise's issuing body too), `web.runs` reading it,
and `run.py simulate --report`."""

from __future__ import annotations

import json
import zipfile

import pypdf
import pytest
from sqlalchemy import event

import run
from scoring import score
from tests.debrief_helpers import TRAINEES, WATER, played, scenario
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from debrief.issuance import Issuance
from web.models import EventRecord, Exercise, InputRecord
from web.models.debrief import ReportIssuance
from web.practice.attempts import practice_instructor
from web.runs import exercise_meta, exercise_runs, team_run


def cli(capsys, *args):
    code = run.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_json_from_the_database(played_platform, capsys, tmp_path):
    app, build = played_platform
    exercise_id = build()
    out = tmp_path / "report.json"
    code, stdout, err = cli(capsys, "report", exercise_id, "--format", "json", "--out", out)
    assert code == 0, err
    assert "Đã ghi báo cáo: " in stdout and "(json, 2 đội)" in stdout
    document = json.loads(out.read_text(encoding="utf-8"))
    first, second = document["teams"]
    with app.app_context():
        stored = [r.body for r in db.session.query(EventRecord).filter_by(team_id=1).order_by(EventRecord.seq)]
    assert first["card"]["total"] == score(scenario(WATER), stored).total == 100
    assert second["card"]["total"] == 0 and second["missed_deadlines"]
    assert [m["name"] for m in first["members"]] == list(TRAINEES.values())
    acts = [e for e in first["timeline"] if e["category"] in ("action", "refused")]
    assert acts and all(e["who"] == TRAINEES[e["role"]] for e in acts)
    refused = next(e for e in acts if e["category"] == "refused")
    assert refused["who"] == "Nguyễn Văn An" and refused["t"] == 30
    note = next(e for e in first["timeline"] if e["category"] == "observation")
    assert (note["who"], note["summary"]["vi"], note["t"]) == ("Phạm Thị Lan", "Phát hiện nhanh", 45)
    assert document["exercise"]["exercise_id"] == exercise_id and document["exercise"]["instructor"] == "Phạm Thị Lan"


def test_report_csv_from_the_database(played_platform, capsys, tmp_path):
    _, build = played_platform
    exercise_id = build()
    out = tmp_path / "report.zip"
    code, _, err = cli(capsys, "report", exercise_id, "--out", out)  # the format from the extension
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        teams = archive.read("teams.csv").decode("utf-8-sig")
    assert teams.splitlines()[1].startswith("Đội 1,ended,1,100.0,")
    assert "Nguyễn Văn An (Người phát ngôn UBND tỉnh)" in teams


def test_an_unknown_exercise_is_a_clear_error(played_platform, capsys, tmp_path):
    _, build = played_platform
    build()
    code, out, err = cli(capsys, "report", 999, "--format", "json", "--out", tmp_path / "r.json")
    assert code == 1 and out == ""
    assert "Không có bài diễn tập 999" in err and "no exercise" not in err
    code, _, err = cli(capsys, "--lang", "en", "report", 999, "--format", "json", "--out", tmp_path / "r.json")
    assert code == 1 and "no exercise 999 in the database" in err and "Không có" not in err
    assert not (tmp_path / "r.json").exists()


def test_a_database_that_does_not_exist_is_a_clear_error_and_is_not_created(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "none.db"
    monkeypatch.setenv("CRISIS_DATABASE_URL", f"sqlite:///{missing}")
    monkeypatch.setenv("CRISIS_SECRET_KEY", "test")
    code, out, err = cli(capsys, "report", 1, "--out", tmp_path / "r.json")
    assert code == 1 and out == "" and "Không có cơ sở dữ liệu" in err and str(missing) in err
    assert not missing.exists()


def test_an_unknown_format_is_a_clear_error(capsys, tmp_path):
    code, _, err = cli(capsys, "report", 1, "--out", tmp_path / "r.odt")
    assert code == 1 and "Không rõ định dạng của" in err and not (tmp_path / "r.odt").exists()


def test_runs_are_read_in_a_few_queries_whatever_the_number_of_teams(played_platform):
    app, build = played_platform
    counts = []
    for teams in (1, 3):
        exercise_id = build(teams)
        with app.app_context():
            exercise = db.session.get(Exercise, exercise_id)
            statements = []
            listener = lambda *args, statements=statements: statements.append(args[2])  # noqa: E731 - the statement
            event.listen(db.engine, "before_cursor_execute", listener)
            try:
                runs = exercise_runs(exercise)
            finally:
                event.remove(db.engine, "before_cursor_execute", listener)
            assert len(runs) == teams
            counts.append(len(statements))
    assert counts[0] == counts[1] <= 6, counts


def test_a_team_run_and_the_exercise_meta(played_platform):
    app, build = played_platform
    exercise_id = build()
    with app.app_context():
        exercise = db.session.get(Exercise, exercise_id)
        run_ = team_run(exercise.teams[0])
        meta = exercise_meta(exercise)
    events, _ = played(WATER, "exemplary")
    assert run_.team == "Đội 1" and run_.status == "ended" and run_.seed == 1
    assert len([e for e in run_.events if e["kind"] == "action"]) == len([e for e in events if e["kind"] == "action"])
    assert run_.observations[0].author == "Phạm Thị Lan"
    assert meta.instructor == "Phạm Thị Lan" and meta.scenario.id == WATER and len(meta.date) == 10


def test_simulate_writes_the_report_of_a_headless_run(capsys, tmp_path):
    out = tmp_path / "out.json"
    play = f"scenarios/library/{WATER}/plays/silent.jsonl"
    code, stdout, err = cli(capsys, "simulate", WATER, "--actions", play, "--json", "--report", out)
    assert code == 0, err
    assert json.loads(stdout)["score"]["total"] == 0  # --json still prints only its document
    document = json.loads(out.read_text(encoding="utf-8"))
    (team,) = document["teams"]
    assert team["team"] == "Chạy thử tự động" and team["members"] == [] and team["card"]["total"] == 0
    assert [m["call"] for m in team["missed_deadlines"]] == ["call-paper", "call-tv"]


def test_simulate_report_zip_labels_actors_by_role(capsys, tmp_path):
    out = tmp_path / "out.zip"
    play = f"scenarios/library/{WATER}/plays/exemplary.jsonl"
    code, _, err = cli(capsys, "simulate", WATER, "--actions", play, "--report", out)
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        timeline = archive.read("timeline.csv").decode("utf-8-sig")
    assert "Chạy thử (vai Người phát ngôn UBND tỉnh)" in timeline


def test_simulate_report_with_an_unknown_extension_fails_before_playing(capsys, tmp_path):
    code, out, err = cli(capsys, "simulate", WATER, "--report", tmp_path / "out.txt")
    assert code == 1 and out == ""
    assert "--report:" in err and "Không rõ định dạng" in err


def test_input_and_event_logs_that_disagree_are_a_clear_error(played_platform, capsys, tmp_path):
    app, build = played_platform
    exercise_id = build()
    with app.app_context():
        first = db.session.query(InputRecord).filter_by(team_id=1, number=1).one()
        first.payload = {**first.payload, "role": "spokesperson"}  # the event says info_department
        db.session.commit()
    code, _, err = cli(capsys, "report", exercise_id, "--out", tmp_path / "r.json")
    assert code == 1 and "the input log and the event log disagree" in err


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_report_layout_party_and_the_exercises_issuing_body(played_platform, capsys, tmp_path):
    app, build = played_platform
    exercise_id = build()
    state, party = tmp_path / "state.pdf", tmp_path / "party.pdf"
    assert cli(capsys, "report", exercise_id, "--out", state)[0] == 0
    assert pdf_text(state).endswith("TM. BAN CHỈ ĐẠO TRƯỞNG BAN Phạm Thị Lan")  # the defaults: the instructor signs
    with app.app_context():
        db.session.add(
            ReportIssuance(
                exercise_id=exercise_id,
                parent_agency="Tỉnh ủy Hòa Giang",
                issuer="Trường Chính trị tỉnh",
                issuer_short="TCT",
                signer_name="Lê Minh Châu",
            )
        )
        db.session.commit()
    code, _, err = cli(capsys, "report", exercise_id, "--layout", "party", "--out", party)
    assert code == 0, err
    text = pdf_text(party)
    assert text.startswith("TỈNH ỦY HÒA GIANG TRƯỜNG CHÍNH TRỊ TỈNH * Số …-BC/TCT ĐẢNG CỘNG SẢN VIỆT NAM Hòa Giang, ngày")
    assert text.endswith("HIỆU TRƯỞNG Lê Minh Châu")


def test_report_language_en_writes_the_english_copy(played_platform, capsys, tmp_path):
    _, build = played_platform
    exercise_id = build()
    english = tmp_path / "en.pdf"
    code, _, err = cli(capsys, "report", exercise_id, "--language", "en", "--out", english)
    assert code == 0, err
    text = pdf_text(english)
    assert text.startswith("HÒA GIANG PROVINCIAL PEOPLE'S COMMITTEE EXERCISE STEERING COMMITTEE No.: …/BC-BCĐ")
    assert "SOCIALIST REPUBLIC OF VIET NAM Independence - Freedom - Happiness" in text
    assert text.endswith("ON BEHALF OF THE STEERING COMMITTEE HEAD OF THE COMMITTEE Phạm Thị Lan")
    assert "BÁO CÁO" not in text and "Nơi nhận" not in text


def test_simulate_report_language_en_labels_the_csv_in_english(capsys, tmp_path):
    out = tmp_path / "out.zip"
    play = f"scenarios/library/{WATER}/plays/exemplary.jsonl"
    code, _, err = cli(capsys, "simulate", WATER, "--actions", play, "--report", out, "--language", "en")
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        header = archive.read("timeline.csv").decode("utf-8-sig").splitlines()[0].split(",")
    assert "category_en" in header and "role_en" in header and "category_vi" not in header


def test_a_layout_for_a_format_without_layouts_or_an_unknown_layout_is_refused(capsys, tmp_path):
    code, out, err = cli(capsys, "report", 1, "--layout", "party", "--out", tmp_path / "r.json")
    assert (
        code == 1 and out == "" and "Định dạng 'json' không có mẫu trình bày (chỉ pdf, docx)" in err
    )  # before any database
    assert not (tmp_path / "r.json").exists()
    with pytest.raises(SystemExit) as exit_:
        cli(capsys, "report", 1, "--layout", "royal", "--out", tmp_path / "r.pdf")
    assert exit_.value.code == 2 and "invalid choice: 'royal'" in capsys.readouterr().err


def test_a_self_practice_report_is_signed_by_the_trainee_and_has_no_instructor(played_platform):
    app, build = played_platform
    build()
    with app.app_context():
        exercise = create_exercise(
            practice_instructor(), WATER, seed=1, speed=60, teams=[TeamPlan("Tự luyện", {"Đỗ Thị Hoa": "spokesperson"})]
        )
        meta = exercise_meta(exercise)
    assert meta.instructor is None
    assert meta.issuance == Issuance(parent_agency="", on_behalf="", signer_title="HỌC VIÊN", signer_name="Đỗ Thị Hoa")
