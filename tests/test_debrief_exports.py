"""The report document (`debrief.document`) and its exports: JSON, the ZIP of CSV tables, the format registry."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from debrief import SCHEMA_VERSION, report_document
from debrief.exports import FORMATS, ExportError, available, format_of, write, writer
from debrief.exports.csv_export import TABLES
from tests.debrief_helpers import TRAINEES, WATER, meta, played, team_run

PLAYS = ("exemplary", "silent")


@pytest.fixture(scope="module")
def document():
    return report_document(meta(WATER), [team_run(WATER, play) for play in PLAYS])


def read_tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        raw = {name: archive.read(name) for name in archive.namelist()}
    assert all(content.startswith("\ufeff".encode()) for content in raw.values())  # the BOM Excel needs
    return {name: list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")))) for name, content in raw.items()}


def test_the_document_holds_the_score_cards_and_the_trainees(document):
    assert document["schema_version"] == SCHEMA_VERSION == 1
    assert [t["team"] for t in document["teams"]] == ["Đội exemplary", "Đội silent"]
    for team, play in zip(document["teams"], PLAYS, strict=True):
        card = played(WATER, play)[1]
        assert team["card"]["total"] == card.total and team["card"]["bonus"] == card.bonus
        assert [r["id"] for r in team["card"]["rules"]] == [r.id for r in card.rules]
        assert [r["explanation"] for r in team["card"]["rules"]] == [r.explanation.as_dict() for r in card.rules]
        assert [m["name"] for m in team["members"]] == list(TRAINEES.values())
    assert [p["name"] for p in document["exercise"]["teams"][0]["participants"]] == list(TRAINEES.values())
    assert document["exercise"]["instructor"] == "Phạm Thị Dung"
    assert document["labels"]["ratings"]["P"]["min_share"] == 1.0
    assert document["improvement_plan"]["edited"] is False and document["improvement_plan"]["items"]
    assert {"objectives", "strengths", "areas_for_improvement"} == set(document["aar"])


def test_the_json_export_reads_back_as_the_document(document, tmp_path):
    path = tmp_path / "report.json"
    write(document, "json", path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == document
    assert "Người phát ngôn UBND tỉnh" in text  # Vietnamese as is, not \u escapes
    stream = io.BytesIO()
    write(document, "json", stream)
    assert stream.getvalue() == path.read_bytes()


def test_the_csv_archive_has_every_table_with_the_right_totals(document):
    stream = io.BytesIO()
    write(document, "csv", stream)
    tables = read_tables(stream.getvalue())
    assert set(tables) == set(TABLES) >= {"teams.csv", "rules.csv", "timeline.csv", "trainees.csv", "improvement_plan.csv"}
    teams = {row["team"]: row for row in tables["teams.csv"]}
    for play in PLAYS:
        card = played(WATER, play)[1]
        row = teams[f"Đội {play}"]
        assert float(row["score_total"]) == card.total and float(row["bonus"]) == card.bonus
        legal = [r for r in tables["rules.csv"] if r["team"] == f"Đội {play}" and r["bonus"] == "false"]
        assert round(sum(float(r["points"]) for r in legal), 1) == card.total
        assert len(legal) == len([r for r in card.rules if not r.bonus])
    assert teams["Đội silent"]["missed_deadlines"] == "2" and teams["Đội silent"]["final_level"] == "1"
    assert "Nguyễn Văn An (Người phát ngôn UBND tỉnh)" in teams["Đội exemplary"]["trainees"]


def test_the_csv_tables_keep_vietnamese_and_the_timeline(document):
    stream = io.BytesIO()
    write(document, "csv", stream)
    tables = read_tables(stream.getvalue())
    spokesperson = next(r for r in tables["trainees.csv"] if r["team"] == "Đội exemplary" and r["role"] == "spokesperson")
    assert spokesperson["role_vi"] == "Người phát ngôn UBND tỉnh" and spokesperson["trainee"] == "Nguyễn Văn An"
    assert int(spokesperson["accepted"]) > 0 and spokesperson["refused"] == "0"
    missed = [r for r in tables["timeline.csv"] if r["team"] == "Đội silent" and r["category"] == "deadline_missed"]
    assert [r["time"] for r in missed] == ["T+02:20", "T+05:30"] and missed[0]["category_vi"] == "Quá hạn trả lời"
    calls = [r for r in tables["timeline.csv"] if r["team"] == "Đội silent" and r["response"]]
    assert [(r["deadline"], r["response"]) for r in calls] == [("T+02:20", "missed"), ("T+05:30", "missed")]
    rule = next(r for r in tables["rules.csv"] if r["rule_id"] == "initial_information")
    assert rule["source_vi"].startswith("Nghị định 244/2026/NĐ-CP, Điều 7.3")
    plan = tables["improvement_plan.csv"]
    assert len(plan) == len(document["improvement_plan"]["items"]) and plan[0]["due"] == "2026-10-15"
    assert plan[0]["status_vi"] == "Chưa thực hiện" and plan[0]["role_vi"]
    ratings = {(r["team"], r["objective"]): r["rating"] for r in tables["objectives.csv"]}
    assert ratings[("Đội exemplary", "verify")] == "P" and ratings[("Đội silent", "verify")] == "U"


def test_the_same_document_gives_the_same_archive(document):
    first, second = io.BytesIO(), io.BytesIO()
    write(document, "csv", first)
    write(document, "csv", second)
    assert first.getvalue() == second.getvalue()


def test_formats_by_name_and_by_file_extension():
    assert available() == ["json", "csv", "pdf", "docx", "xlsx"] and writer("csv") is FORMATS["csv"]
    with pytest.raises(ExportError, match="Không có định dạng 'odt'"):
        writer("odt")
    assert [format_of(p) for p in ("a.json", "b.ZIP", "c.pdf", "d.docx", "e.xlsx")] == ["json", "csv", "pdf", "docx", "xlsx"]
    with pytest.raises(ExportError, match=r"Không rõ định dạng của 'report\.csv'"):
        format_of("report.csv")
