"""Fuzz the MSEL import: any file gives the new drill with every unreadable row reported, or an `MselError`.

`import_msel` is what `run.py msel import` and the editor's upload call. A clean
result is an `ImportResult`; one with problems is a clear error if each problem
says what went wrong in both languages and names a spreadsheet row (or none, for
the drill as a whole).
"""

from __future__ import annotations

import contextlib
import io

from message_helpers import english
from msel import MselError, import_msel

from .harness import Made, Outcome, Target, fuzz_test
from .msel_files import msel_files


def check_msel(made: Made) -> Outcome:
    data, base = made.content
    try:
        result = import_msel(io.BytesIO(data), base=base)
    except MselError as exc:
        assert exc.message.text().strip() and english(exc.message).strip(), f"an MselError without a message: {exc!r}"
        return Outcome.ERROR
    for problem in (*result.problems, *result.notes):
        assert problem.message.text().strip() and english(problem.message).strip(), (
            f"a problem without a message: {problem!r}"
        )
        assert problem.row is None or (isinstance(problem.row, int) and problem.row >= 1), f"row {problem.row!r}"
    assert result.scenario is not None or result.problems, "an invalid drill with no problem said"
    return Outcome.CLEAN if result.ok else Outcome.ERROR


TARGET = Target("msel_import", msel_files(), lambda: contextlib.nullcontext(check_msel), ci_examples=80)
test_any_msel_file_imports_or_reports_its_rows = fuzz_test(TARGET)
