"""A writer whose module is imported the first time it writes.

fpdf2, python-docx and openpyxl take about half a second to import; with
lazy writers in `FORMATS`, a command that writes JSON (or nothing, like a
plain `run.py simulate`) does not pay for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from debrief.exports.output import Target


def lazy(module: str) -> Callable[..., None]:
    """The `write` of `debrief.exports.<module>`, imported on first call (its options, e.g. a layout, passed on)."""

    def write(document: Mapping[str, Any], target: Target, **options: Any) -> None:
        importlib.import_module(f"debrief.exports.{module}").write(document, target, **options)

    write.__qualname__ = f"lazy({module!r})"
    write.__doc__ = f"Write the document with debrief.exports.{module} (imported on first use)."
    return write
