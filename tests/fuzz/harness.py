"""Running fuzz targets: each case under a time budget ends clean, in a clear error, or fails the test.

A `Target` names its cases (a Hypothesis strategy) and a `session`: a context
manager that sets up what the cases need once (a temporary folder, an app with
logged-in clients) and yields `check(case) -> Outcome`. `check` returns
`Outcome.CLEAN` or `Outcome.ERROR`; anything else it does (an exception, a
failed assertion about the answer's shape, a case past the budget) is a crash.
"""

from __future__ import annotations

import enum
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis.strategies import SearchStrategy

from .profiles import BUDGET_SECONDS, HANG_FACTOR, case_count

Check = Callable[[Any], "Outcome"]


class Outcome(enum.Enum):
    CLEAN = "clean"
    ERROR = "clear error"


class OverBudget(Exception):
    """A case still running at its hard time limit."""


@dataclass(frozen=True)
class Target:
    """A fuzz target: its name, its cases, how to check one, and how many cases CI runs."""

    name: str
    cases: SearchStrategy
    session: Callable[[], AbstractContextManager[Check]]
    ci_examples: int
    budget: float = BUDGET_SECONDS


def describe(case: Any, limit: int = 600) -> str:
    """The case's repr, cut to `limit` characters (a fuzz case can be tens of kilobytes)."""
    text = repr(case)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters in all)"


@contextmanager
def hard_limit(seconds: float, case: Any) -> Iterator[None]:
    """Raise `OverBudget` naming the case if the block runs past `seconds` (SIGALRM: main thread, POSIX)."""

    def expire(_signal, _frame):
        raise OverBudget(f"case still running after {seconds:g} s: {describe(case)}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_case(check: Check, case: Any, budget: float) -> Outcome:
    """One case through `check`, cut off at budget × HANG_FACTOR; its outcome, or the crash raised."""
    with hard_limit(budget * HANG_FACTOR, case):
        outcome = check(case)
    assert isinstance(outcome, Outcome), f"check returned {outcome!r} for {describe(case)}"
    return outcome


def fuzz_test(target: Target) -> Callable[[], None]:
    """A pytest test that runs the target's cases (as many as the profile says) and fails on the first crash."""

    def test() -> None:
        with target.session() as check:

            @settings(max_examples=case_count(target.ci_examples), deadline=target.budget * 1000)
            @given(case=target.cases)
            def one_case(case):
                event(run_case(check, case, target.budget).value)

            one_case()

    test.__name__ = test.__qualname__ = f"test_every_{target.name}_case_ends_clean_or_in_a_clear_error"
    return test


@contextmanager
def with_folder(make_check: Callable[[Path], Check]) -> Iterator[Check]:
    """A session for checks that write their case to a file: `make_check` gets a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        yield make_check(Path(folder))


@dataclass(frozen=True)
class Made:
    """A case and how it was made: shown by its recipe, since the content can be tens of kilobytes."""

    content: Any
    recipe: str

    def __repr__(self) -> str:
        return f"Made({self.recipe})"

    def _repr_pretty_(self, printer, cycle) -> None:  # how Hypothesis prints a failing case
        printer.text(repr(self))
