"""The dry run (sim/dryrun.py) and `run.py dryrun`: the built-in drills pass, broken drills are named.

The broken drills are copies of tests/fixtures/minimal.yaml with one thing changed: thresholds
silence never reaches, a rumour nobody can stop, a team of one role, a drill with nothing to
judge.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import run
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from sim.dryrun import MIN_SPREAD, SILENT_MAX_TOTAL, dry_run

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
MINIMAL = load_scenario(FIXTURE)
CALM_THRESHOLD = 'escalate_when: "belief > 0.99"'


def codes(report) -> list[str]:
    return [w.code for w in report.warnings]


def calm(scenario: Scenario) -> Scenario:
    """Thresholds so high that silence never escalates."""
    levels = tuple(
        lv.model_copy(update={"escalate_when": "belief > 0.99"}) if lv.escalate_when else lv for lv in scenario.levels
    )
    return scenario.model_copy(update={"levels": levels})


def unstoppable(scenario: Scenario) -> Scenario:
    """Statements win nobody back and takedowns slow nothing: the rumour spreads whatever the team does."""
    opinion = scenario.opinion.model_copy(update={"statement_effect": 0.0, "takedown_damping": 0.0, "spread_rate": 0.05})
    return scenario.model_copy(update={"opinion": opinion})


def alone(scenario: Scenario, role_id: str) -> Scenario:
    """Trainees play `role_id` only; the simulation plays every other role."""
    roles = tuple(r if r.id == role_id else r.model_copy(update={"played_by": "simulation"}) for r in scenario.roles)
    return scenario.model_copy(update={"roles": roles})


def nothing_to_judge(scenario: Scenario) -> Scenario:
    """No press call, no false article, the case never formally received, a rumour that does not spread."""
    injects = tuple(
        i.model_copy(update={"when": "seen > 999999"}) if i.id == "hotline-1" else i
        for i in scenario.injects
        if i.id not in ("call-1", "article-1")
    )
    return scenario.model_copy(
        update={
            "injects": injects,
            "incident": scenario.incident.model_copy(update={"received_by": "hotline-1"}),
            "levels": tuple(lv.model_copy(update={"releases": ()}) for lv in scenario.levels),
            "opinion": scenario.opinion.model_copy(update={"spread_rate": 0.0}),
        }
    )


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_every_builtin_drill_passes_its_dry_run(scenario_id):
    scenario = load_scenario(scenario_path(scenario_id))
    report = dry_run(scenario)
    assert not report.warnings, [w.text.en for w in report.warnings]
    assert report.result("exemplary").min_total == 100
    assert report.result("silent").max_total <= SILENT_MAX_TOTAL
    assert report.result("off_focal_point").failed == ("one_focal_point",)


def test_the_report_as_the_web_gets_it():
    report = dry_run(MINIMAL, seeds=(0, 1))
    document = json.loads(json.dumps(report.as_dict(), ensure_ascii=False))
    assert document["scenario"] == "test-minimal" and document["seeds"] == [0, 1] and document["ok"] is True
    bots = {b["bot"]: b for b in document["bots"]}
    assert set(bots) == {"exemplary", "silent", "off_focal_point"}
    silent = bots["silent"]
    assert [r["seed"] for r in silent["runs"]] == [0, 1] and silent["max_total"] == max(r["total"] for r in silent["runs"])
    curve = silent["curve"]
    assert len(curve) == MINIMAL.duration / MINIMAL.opinion.sample_every
    assert set(curve[0]) == {"t", "belief", "trust", "level"}
    assert curve[-1]["level"] == MINIMAL.top_level and curve[-1]["belief"] > curve[0]["belief"]


def test_a_drill_silence_never_escalates_is_warned():
    report = dry_run(calm(MINIMAL))
    assert codes(report) == ["silence_never_escalates"]
    warning = report.warnings[0]
    assert "cấp cao nhất" in warning.text.vi and "top level" in warning.text.en and "seed 0, 1, 2" in warning.text.en


def test_a_drill_nobody_can_win_names_the_rule_that_fails():
    report = dry_run(unstoppable(MINIMAL))
    assert codes(report) == ["exemplary_below_top", "exemplary_escalates"]
    assert report.warnings[0].text.en.endswith("rules failed: outcome.")
    assert "không đạt: outcome" in report.warnings[0].text.vi


def test_a_spokesperson_alone_speaks_as_the_regular_spokesperson_but_is_never_assigned_for_the_case():
    report = dry_run(alone(MINIMAL, "spokesperson"), seeds=(0,))
    exemplary = report.result("exemplary")
    assert "exemplary_below_top" in codes(report) and "small_spread" not in codes(report)
    assert "spokesperson_first" in exemplary.failed  # nobody proposes, so the case assignment never comes
    assert "one_focal_point" not in exemplary.failed  # the regular spokesperson speaks lawfully (Decree 244 Art. 3.2)
    assert exemplary.min_total - report.result("silent").max_total >= MIN_SPREAD


def test_a_board_alone_is_a_party_organ_and_never_the_speaker_so_nobody_speaks():
    report = dry_run(alone(MINIMAL, "propaganda_board"), seeds=(0,))
    assert "small_spread" in codes(report)
    assert "one_focal_point" in report.result("exemplary").failed  # no statement at all: no focal point
    assert report.result("exemplary").min_total - report.result("silent").max_total < MIN_SPREAD


def test_a_drill_with_nothing_to_judge_lets_silence_score_high():
    report = dry_run(nothing_to_judge(MINIMAL), seeds=(0,))
    assert "silent_scores_high" in codes(report)
    assert report.result("silent").max_total > SILENT_MAX_TOTAL


def test_a_dry_run_needs_a_seed():
    with pytest.raises(ValueError):
        dry_run(MINIMAL, seeds=())


# --- the command line ---------------------------------------------------------------------------


def cli(capsys, *args):
    code = run.main(["dryrun", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_dryrun_of_a_builtin_drill_prints_each_bot_and_exits_0(capsys):
    code, out, _ = cli(capsys, builtin_ids()[0], "--seeds", 2)
    assert code == 0
    assert "seed 0–1" in out and "Không có cảnh báo." in out and "No warnings" not in out
    for bot in ("exemplary", "silent", "off_focal_point"):
        assert any(line.strip().startswith(bot) and "tổng " in line for line in out.splitlines()), out


def test_dryrun_of_a_drill_with_warnings_prints_them_and_exits_2(capsys, tmp_path):
    path = tmp_path / "calm.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count('escalate_when: "belief > 0.02 or media_pressure >= 0.6"') == 1
    path.write_text(
        text.replace('escalate_when: "belief > 0.02 or media_pressure >= 0.6"', CALM_THRESHOLD), encoding="utf-8"
    )
    code, out, _ = cli(capsys, path, "--seeds", 1)
    assert code == 2
    assert "Cảnh báo (1):" in out and "cấp cao nhất" in out and "Silence never" not in out


def test_dryrun_of_an_invalid_or_missing_file_exits_1(capsys, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        FIXTURE.read_text(encoding="utf-8").replace("channel: press_call", "chanel: press_call"), encoding="utf-8"
    )
    code, _, err = cli(capsys, broken)
    assert code == 1 and "chanel" in err
    code, _, err = cli(capsys, tmp_path / "missing.yaml")
    assert code == 1 and "missing.yaml" in err
    code, _, err = cli(capsys, FIXTURE, "--seeds", 0)
    assert code == 1 and "--seeds" in err
