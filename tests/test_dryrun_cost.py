"""The dry run says what a drill costs to play: opinion samples and events a run, runs, and their seconds."""

from __future__ import annotations

import json
from pathlib import Path

import run
from scenarios.loader import load_scenario
from sim.dryrun import dry_run

MINIMAL = load_scenario(Path(__file__).parent / "fixtures" / "minimal.yaml")


def test_the_report_counts_the_samples_and_events_of_the_costliest_run_and_times_the_plays():
    report = dry_run(MINIMAL, seeds=(0, 1))
    cost = report.cost
    assert cost.samples_per_run == MINIMAL.duration / MINIMAL.opinion.sample_every == 60
    assert cost.events_per_run == max(r.events for result in report.results for r in result.runs) > cost.samples_per_run
    assert cost.runs == 3 * 2 and cost.seconds > 0
    document = json.loads(json.dumps(report.as_dict()))
    assert document["cost"]["samples_per_run"] == 60 and document["cost"]["runs"] == 6
    assert all(run["samples"] == 60 for bot in document["bots"] for run in bot["runs"])


def test_sampling_more_often_shows_in_the_cost():
    often = MINIMAL.model_copy(update={"opinion": MINIMAL.opinion.model_copy(update={"sample_every": 1.0})})
    assert dry_run(often, seeds=(0,)).cost.samples_per_run == 600


def test_two_dry_runs_of_one_drill_are_equal_whatever_their_seconds():
    assert dry_run(MINIMAL, seeds=(0,)) == dry_run(MINIMAL, seeds=(0,))


def test_the_command_prints_the_cost_in_the_chosen_language(capsys):
    run.main(["dryrun", str(Path(__file__).parent / "fixtures" / "minimal.yaml"), "--seeds", "1"])
    out = capsys.readouterr().out
    assert "Chi phí: tối đa 60 lần lấy mẫu dư luận" in out and "3 lượt chạy trong" in out and "Cost" not in out
    run.main(["--lang", "en", "dryrun", str(Path(__file__).parent / "fixtures" / "minimal.yaml"), "--seeds", "1"])
    out = capsys.readouterr().out
    assert "Cost: up to 60 opinion samples" in out and "3 runs in" in out and "Chi phí" not in out
