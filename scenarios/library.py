"""The built-in scenario library: `scenarios/library/<id>/scenario.yaml` with its reference plays, and the skeleton
a new drill starts from (`SKELETON`: the standard roles of PROCEDURE.md, two levels, four injects)."""

from __future__ import annotations

from pathlib import Path

LIBRARY = Path(__file__).parent / "library"
SKELETON = Path(__file__).with_name("skeleton.yaml")


def builtin_ids() -> list[str]:
    """Ids of the built-in scenarios, sorted."""
    return sorted(p.parent.name for p in LIBRARY.glob("*/scenario.yaml"))


def scenario_path(name: str) -> Path:
    """A built-in scenario id, or a path to a scenario file, as a path."""
    candidate = LIBRARY / name / "scenario.yaml"
    return candidate if candidate.is_file() else Path(name)


def play_paths(scenario_id: str) -> dict[str, Path]:
    """The reference plays kept beside a built-in scenario, by name."""
    return {p.stem: p for p in sorted((LIBRARY / scenario_id / "plays").glob("*.jsonl"))}
