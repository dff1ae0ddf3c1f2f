"""Pytest setup of the fuzzing suite: the Hypothesis profile, and the `fuzz` marker on every test here."""

from __future__ import annotations

from pathlib import Path

import pytest

from .profiles import load_profile

load_profile()
_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if _HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.fuzz)
