"""The labelled statements (tests/fixtures/statements/labelled.jsonl) and precision and recall on them.

Each line is one statement a trainee might make in a built-in drill: the drill's
id, the facts verified when it is said, its text and the class a reader fluent
in Vietnamese press practice gives it:

- `repeat`: the agency states, hedges or leaves open a false claim of the rumour;
- `refute`: it denies a false claim, on facts already known;
- `unverified`: it uses a fact not yet known, or gives a safety assurance or a
  denial before the fact that grounds it is known (and repeats nothing);
- `neutral`: none of these.

Used by tests/test_statements.py (floors) and benchmarks/bench_statements.py
(the figures in docs/BENCHMARKS.md). `substring_class` is the matcher this
project had before, kept only as the baseline those figures compare against.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from sim.statements import analyse_statement, fold

LABELLED = Path(__file__).parent / "fixtures" / "statements" / "labelled.jsonl"
HELDOUT = LABELLED.parent / "heldout.jsonl"  # written after the rules were settled, never tuned on
CLASSES = ("repeat", "refute", "neutral", "unverified")


@dataclass(frozen=True)
class Labelled:
    """One labelled statement."""

    line: int
    scenario: str
    text: str
    verified: frozenset[str]
    expected: str


@cache
def drill(scenario_id: str) -> Scenario:
    return load_scenario(scenario_path(scenario_id))


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    """Every labelled statement; a malformed line is an error naming its line and what is wrong."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or row.get("scenario") not in builtin_ids():
            raise ValueError(f"{path.name}:{number}: 'scenario' must be a built-in drill's id")
        if row.get("class") not in CLASSES or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise ValueError(f"{path.name}:{number}: needs a non-empty 'text' and a 'class' among {', '.join(CLASSES)}")
        facts = {f.id for f in drill(row["scenario"]).facts}
        verified = row.get("verified", [])
        if not isinstance(verified, list) or not set(verified) <= facts:
            raise ValueError(f"{path.name}:{number}: 'verified' must list facts of {row['scenario']}")
        items.append(Labelled(number, row["scenario"], row["text"], frozenset(verified), row["class"]))
    return items


def analysed_class(item: Labelled) -> str:
    """The class `sim.statements.analyse_statement` gives the statement."""
    return analyse_statement(drill(item.scenario), item.text, set(item.verified)).category


def substring_class(item: Labelled) -> str:
    """The class the former matcher gave: keywords as substrings of the folded text, no denials, no briefing."""
    scenario, text = drill(item.scenario), fold(item.text)
    if any(fold(k) in text for c in scenario.false_claims for k in c.keywords):
        return "repeat"
    used = [f.id for f in scenario.facts if any(fold(k) in text for k in f.keywords)]
    return "unverified" if set(used) - item.verified else "neutral"


def measures(items: Iterable[Labelled], classify: Callable[[Labelled], str]) -> dict[str, tuple[float, float, int]]:
    """Per class: (precision, recall, number labelled so); a class never predicted has precision 0."""
    pairs = [(item.expected, classify(item)) for item in items]
    result = {}
    for cls in CLASSES:
        hits = sum(1 for e, p in pairs if e == cls and p == cls)
        predicted = sum(1 for _, p in pairs if p == cls)
        labelled = sum(1 for e, _ in pairs if e == cls)
        result[cls] = (hits / predicted if predicted else 0.0, hits / labelled if labelled else 0.0, labelled)
    return result


def misclassified(items: Iterable[Labelled], classify: Callable[[Labelled], str]) -> list[tuple[Labelled, str]]:
    """The statements a classifier gets wrong, with what it said."""
    return [(item, got) for item in items if (got := classify(item)) != item.expected]
