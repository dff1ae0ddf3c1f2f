"""The dry run: play a drill with each built-in bot over a few seeds and say whether the drill works.

A drill works when doing nothing scores low and lets the crisis climb to its
top level, the procedure followed on time scores the top of the scale and
keeps the crisis low, a second voice to the press is caught, and the score
tells the first team from the second. `dry_run` plays every bot of
`sim.bots.BOTS` at every seed, scores each play, and lists what falls short
as warnings in Vietnamese and English, with what the drill costs to play (its
opinion samples and events a run, and the seconds the plays took: a measure for
the author, never a clock the world reads); `as_dict()` is what the editor shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scenarios.model import Scenario
from scenarios.texts import Text
from scoring import score
from sim.bots import BOTS, Bot, play_with_bots

TOP_TOTAL = 100.0
# The procedure rules (procedure_order, spokesperson_first, one_focal_point, verified_facts_only: 55 of the
# 100 points in both rule sets) give silence nothing. It can earn only the other 45 (initial_information,
# press_requests_answered, corrections_requested, outcome), each when the drill brings that rule nothing to
# judge (a case never received, no press call, no false article) or the crisis calms by itself. Above 40,
# silence earns nearly all of them: the drill barely tests speaking, the press or the outcome.
SILENT_MAX_TOTAL = 40.0
# The procedure followed should beat silence by at least half the scale, or the score does not tell a team
# that did the work from one that did nothing.
MIN_SPREAD = 50.0


@dataclass(frozen=True)
class BotRun:
    """One bot at one seed."""

    seed: int
    total: float
    bonus: float
    final_level: int
    max_level: int
    failed: tuple[str, ...]  # legal rules not fully met, in the rule set's order
    events: int  # events the world wrote
    samples: int  # opinion samples among them


@dataclass(frozen=True)
class BotResult:
    """One bot over every seed, with the opinion curve of the first seed: (t, belief, trust, level)."""

    bot: str
    runs: tuple[BotRun, ...]
    curve: tuple[tuple[float, float, float, int], ...]

    @property
    def min_total(self) -> float:
        return min(r.total for r in self.runs)

    @property
    def max_total(self) -> float:
        return max(r.total for r in self.runs)

    @property
    def failed(self) -> tuple[str, ...]:
        """Rules failed at some seed, in the rule set's order."""
        return tuple(dict.fromkeys(rule for r in self.runs for rule in r.failed))

    def seeds_where(self, predicate: Callable[[BotRun], bool]) -> list[int]:
        return [r.seed for r in self.runs if predicate(r)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "bot": self.bot,
            "min_total": self.min_total,
            "max_total": self.max_total,
            "failed_rules": list(self.failed),
            "runs": [
                {
                    "seed": r.seed,
                    "total": r.total,
                    "bonus": r.bonus,
                    "final_level": r.final_level,
                    "max_level": r.max_level,
                    "failed_rules": list(r.failed),
                    "events": r.events,
                    "samples": r.samples,
                }
                for r in self.runs
            ],
            "curve": [{"t": t, "belief": belief, "trust": trust, "level": level} for t, belief, trust, level in self.curve],
        }


@dataclass(frozen=True)
class DryRunWarning:
    """Something about the drill an author should fix, with a code and a sentence in Vietnamese and English."""

    code: str
    text: Text

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, **self.text.as_dict()}


@dataclass(frozen=True)
class DryRunCost:
    """What playing the drill costs: the most opinion samples and events one run made, the runs, their seconds."""

    samples_per_run: int
    events_per_run: int
    runs: int
    seconds: float = field(compare=False)  # measured: differs from one dry run to the next

    def as_dict(self) -> dict[str, Any]:
        return {
            "samples_per_run": self.samples_per_run,
            "events_per_run": self.events_per_run,
            "runs": self.runs,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class DryRunReport:
    """Every bot's results on one drill, the warnings they raise, and what the plays cost."""

    scenario: str
    seeds: tuple[int, ...]
    results: tuple[BotResult, ...]
    warnings: tuple[DryRunWarning, ...]
    cost: DryRunCost

    def result(self, bot: str) -> BotResult:
        return next(r for r in self.results if r.bot == bot)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "seeds": list(self.seeds),
            "ok": not self.warnings,
            "bots": [r.as_dict() for r in self.results],
            "warnings": [w.as_dict() for w in self.warnings],
            "cost": self.cost.as_dict(),
        }


def _play(scenario: Scenario, bot: str, seeds: Sequence[int]) -> BotResult:
    runs: list[BotRun] = []
    curve: tuple[tuple[float, float, float, int], ...] = ()
    for seed in seeds:
        world = play_with_bots(scenario, [Bot(bot, scenario)], seed=seed)
        card = score(scenario, world.events)
        samples = sum(1 for e in world.events if e["kind"] == "opinion")
        runs.append(
            BotRun(
                seed,
                card.total,
                card.bonus,
                world.level,
                world.max_level,
                tuple(r.id for r in card.failures),
                len(world.events),
                samples,
            )
        )
        if not curve:
            curve = tuple((e["t"], e["belief"], e["trust"], e["level"]) for e in world.events if e["kind"] == "opinion")
    return BotResult(bot, tuple(runs), curve)


def _seeds(seeds: list[int]) -> str:
    return ", ".join(map(str, seeds))


def _warnings(scenario: Scenario, silent: BotResult, exemplary: BotResult, off_focal: BotResult) -> list[DryRunWarning]:
    warnings = []
    if silent.max_total > SILENT_MAX_TOTAL:
        warnings.append(
            DryRunWarning(
                "silent_scores_high",
                Text(
                    f"Đội im lặng vẫn đạt tới {silent.max_total:g} điểm (ngưỡng {SILENT_MAX_TOTAL:g}): kịch bản gần như "
                    "không kiểm tra việc phát ngôn, làm việc với báo chí và kết quả xử lý.",
                    f"The silent bot still scores up to {silent.max_total:g} (threshold {SILENT_MAX_TOTAL:g}): the drill "
                    "barely tests speaking, the press or the outcome.",
                ),
            )
        )
    low = silent.seeds_where(lambda r: r.max_level < scenario.top_level)
    if low:
        warnings.append(
            DryRunWarning(
                "silence_never_escalates",
                Text(
                    f"Im lặng không đẩy khủng hoảng lên cấp cao nhất ({scenario.top_level}) ở seed {_seeds(low)}: "
                    "các cấp trên và những tin, bài chúng giải phóng không bao giờ được diễn tập; "
                    "hãy hạ ngưỡng escalate_when.",
                    f"Silence never takes the crisis to its top level ({scenario.top_level}) at seed {_seeds(low)}: the "
                    "levels above and the injects they release are never played; lower their escalate_when thresholds.",
                ),
            )
        )
    if exemplary.min_total < TOP_TOTAL:
        rules = ", ".join(exemplary.failed)
        warnings.append(
            DryRunWarning(
                "exemplary_below_top",
                Text(
                    f"Đội làm đúng quy trình chỉ đạt {exemplary.min_total:g}/{TOP_TOTAL:g} điểm; "
                    f"quy tắc không đạt: {rules}.",
                    f"The exemplary bot scores only {exemplary.min_total:g}/{TOP_TOTAL:g}; rules failed: {rules}.",
                ),
            )
        )
    climbed = exemplary.seeds_where(lambda r: r.max_level > scenario.start_level)
    if climbed:
        warnings.append(
            DryRunWarning(
                "exemplary_escalates",
                Text(
                    f"Dù làm đúng quy trình, khủng hoảng vẫn vượt cấp ban đầu ({scenario.start_level}) "
                    f"ở seed {_seeds(climbed)}: kịch bản không cho đội nào giữ được khủng hoảng ở cấp thấp.",
                    f"Even with the procedure followed, the crisis climbs above its start level ({scenario.start_level}) at "
                    f"seed {_seeds(climbed)}: no team can keep this drill at a low level.",
                ),
            )
        )
    missed = off_focal.seeds_where(lambda r: "one_focal_point" not in r.failed)
    if missed:
        warnings.append(
            DryRunWarning(
                "off_focal_not_caught",
                Text(
                    f"Một vai khác người phát ngôn cũng nói với báo chí mà quy tắc một đầu mối (one_focal_point) "
                    f"vẫn đạt ở seed {_seeds(missed)}.",
                    f"A role other than the spokesperson talks to the press and one_focal_point still passes at seed "
                    f"{_seeds(missed)}.",
                ),
            )
        )
    spread = exemplary.min_total - silent.max_total
    if spread < MIN_SPREAD:
        warnings.append(
            DryRunWarning(
                "small_spread",
                Text(
                    f"Đội làm đúng quy trình ({exemplary.min_total:g}) chỉ hơn đội im lặng ({silent.max_total:g}) "
                    f"{spread:g} điểm (tối thiểu {MIN_SPREAD:g}): điểm số không phân biệt rõ hai đội.",
                    f"The exemplary bot ({exemplary.min_total:g}) beats the silent one ({silent.max_total:g}) by only "
                    f"{spread:g} points (at least {MIN_SPREAD:g} expected): the score does not tell them apart.",
                ),
            )
        )
    return warnings


def dry_run(scenario: Scenario, seeds: Sequence[int] = (0, 1, 2)) -> DryRunReport:
    """Play the drill with every bot at every seed, score the plays, and warn where the drill falls short."""
    seeds = tuple(seeds)
    if not seeds:
        raise ValueError("a dry run needs at least one seed")
    started = time.perf_counter()
    results = {bot: _play(scenario, bot, seeds) for bot in BOTS}
    runs = [run for result in results.values() for run in result.runs]
    cost = DryRunCost(max(r.samples for r in runs), max(r.events for r in runs), len(runs), time.perf_counter() - started)
    warnings = _warnings(scenario, results["silent"], results["exemplary"], results["off_focal_point"])
    return DryRunReport(scenario.id, seeds, tuple(results.values()), tuple(warnings), cost)
