"""The command line: `run.py validate` and `run.py simulate`, as a user runs them, in Vietnamese or in English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import run
from tests.test_translations import PAIR
from web.console import LANGUAGE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal.yaml"


def cli(capsys, *args):
    code = run.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "broken.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("channel: press_call", "chanel: press_call").replace("to: [propaganda_board]", "to: [mayor]")
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_accepts_a_valid_file(capsys):
    code, out, _ = cli(capsys, "validate", FIXTURE)
    assert code == 0 and "OK" in out


def test_validate_reports_every_error_with_its_line_and_exits_1(capsys, broken):
    code, _, err = cli(capsys, "validate", FIXTURE, broken)
    lines = [line for line in err.splitlines() if line.startswith(str(broken))]
    assert code == 1
    assert any(
        ":45: injects[1].chanel: trường 'chanel' không có trong mẫu (có phải là 'channel'?)" in line for line in lines
    ), lines
    assert any(":64: injects[3].to[0]: vai 'mayor' không có trong kịch bản" in line for line in lines), lines


def test_simulate_json_has_the_documented_fields(capsys, tmp_path):
    actions = tmp_path / "play.jsonl"
    actions.write_text(
        '{"at": 10, "role": "info_department", "type": "report_up", "to": "propaganda_board", "summary": "Tin đồn"}\n'
        "\n"
        '{"at": 12, "role": "propaganda_board", "type": "propose_spokesperson", "speaker": "spokesperson"}\n',
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, "simulate", FIXTURE, "--actions", actions, "--seed", 4, "--json")
    document = json.loads(out)
    assert code == 0
    assert document["scenario"] == "test-minimal" and document["seed"] == 4
    assert document["final_level"] in (1, 2) and document["events"][-1]["kind"] == "end"
    assert 0 <= document["score"]["total"] <= 100
    rule = document["score"]["rules"][0]
    assert {"id", "passed", "points", "max_points", "evidence", "explanation"} <= set(rule)
    assert [e["type"] for e in document["events"] if e["kind"] == "action"] == ["report_up", "propose_spokesperson"]


def test_simulate_until_stops_early(capsys):
    code, out, _ = cli(capsys, "simulate", FIXTURE, "--until", 100, "--json")
    document = json.loads(out)
    assert code == 0 and document["until"] == 100
    assert max(e["t"] for e in document["events"]) < 100
    assert not any(e["kind"] == "end" for e in document["events"])


def test_simulate_prints_a_readable_card(capsys):
    code, out, _ = cli(capsys, "simulate", FIXTURE)
    assert code == 0
    assert "Cấp độ cuối: 2" in out and "Final level" not in out
    assert "one_focal_point" in out or "Một đầu mối" in out


def test_a_bad_action_line_is_named_by_its_number(capsys, tmp_path):
    actions = tmp_path / "bad.jsonl"
    actions.write_text(
        '{"at": 1, "role": "spokesperson", "type": "message", "text": "a"}\n{"at": "soon"}\n', encoding="utf-8"
    )
    code, out, err = cli(capsys, "simulate", FIXTURE, "--actions", actions)
    assert code == 1 and out == ""
    assert f"{actions}:2:" in err


def test_a_missing_scenario_is_a_clear_error(capsys, tmp_path):
    code, _, err = cli(capsys, "simulate", tmp_path / "nope.yaml")
    assert code == 1 and "nope.yaml:1: (file): không đọc được tệp" in err


@pytest.fixture
def vietnamese_console(monkeypatch):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)


def test_by_default_the_commands_speak_vietnamese_only(capsys, broken, vietnamese_console):
    _, simulated, _ = cli(capsys, "simulate", FIXTURE)
    _, listed, _ = cli(capsys, "scenarios")
    _, _, refused = cli(capsys, "validate", broken)
    printed = simulated + listed + refused
    assert "Kịch bản: " in simulated and "Tổng điểm" in simulated and "Kịch bản có sẵn:" in listed
    assert "không có trong kịch bản" in refused and "file(s) invalid" not in refused and "tệp không hợp lệ" in refused
    for english in ("Scenario", "Final level", "SCORE CARD", "EN:", "Built-in drills", "Try:", "is not in the drill"):
        assert english not in printed
    assert not [line for line in printed.splitlines() if PAIR.search(line)]


def test_lang_en_before_or_after_the_command_speaks_english(capsys, broken, vietnamese_console):
    _, simulated, _ = cli(capsys, "--lang", "en", "simulate", FIXTURE)
    assert "Final level: 2" in simulated and "SCORE CARD — test-minimal" in simulated and "Total: " in simulated
    _, listed, _ = cli(capsys, "scenarios", "--lang", "en")
    assert listed.startswith("Built-in drills:\n") and "reference plays: " in listed and "Try: python run.py" in listed
    code, _, refused = cli(capsys, "--lang", "en", "validate", broken)
    assert code == 1 and ":64: injects[3].to[0]: " in refused and "1 of 1 file(s) invalid" in refused
    printed = simulated + listed + refused
    for vietnamese in ("Kịch bản", "Cấp độ cuối", "BẢNG ĐIỂM", "Thử:", "không có trong kịch bản", "tệp không hợp lệ"):
        assert vietnamese not in printed
    with pytest.raises(SystemExit):
        run.main(["--lang", "fr", "scenarios"])


def test_crisis_language_chooses_english_and_lang_overrides_it(capsys, monkeypatch):
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")
    _, out, _ = cli(capsys, "validate", FIXTURE)
    assert "injects, levels 1-" in out
    _, out, _ = cli(capsys, "--lang", "vi", "validate", FIXTURE)
    assert "tình huống, cấp 1-" in out


def test_the_real_command_runs_as_a_subprocess():
    result = subprocess.run(
        [sys.executable, "run.py", "simulate", str(FIXTURE), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["scenario"] == "test-minimal"


def test_two_processes_give_the_same_json_byte_for_byte():
    """Same scenario, seed and actions in two fresh interpreters, with different hash seeds."""
    play_file = ROOT / "scenarios" / "library" / "ngo-doc-truong-hoc" / "plays" / "exemplary.jsonl"
    outputs = []
    for hash_seed in ("1", "2"):
        result = subprocess.run(
            [
                sys.executable,
                "run.py",
                "simulate",
                "ngo-doc-truong-hoc",
                "--actions",
                str(play_file),
                "--seed",
                "9",
                "--json",
            ],
            cwd=ROOT,
            capture_output=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10_000
