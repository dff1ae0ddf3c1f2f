"""The code checks, run by the test command: ruff's lint rules and formatting, mypy's types, the pre-commit hooks.

Each tool runs as a subprocess of this interpreter (the venv's ruff and mypy, from the test extra) on the whole tree,
with the settings of pyproject.toml; a failure shows what the tool printed. `ruff check --fix .` and `ruff format .`
fix most of what the first two find. The pre-commit hooks (.pre-commit-config.yaml) run the same tools on a commit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHOWN_LINES = 200  # of a tool's output in a failure


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m TOOL ARGS...` from the project's root."""
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    if "No module named" in result.stderr:
        pytest.fail(f"{result.stderr.strip()}: the test extra installs it (pip install -e '.[test]')")
    lines = (result.stdout + result.stderr).splitlines()
    if len(lines) > SHOWN_LINES:
        lines = [*lines[:SHOWN_LINES], f"... and {len(lines) - SHOWN_LINES} more lines"]
    shown = "\n".join(lines)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(result.args[2:])} exited {result.returncode}:\n{shown}", pytrace=False)


def test_ruff_finds_no_lint_error():
    assert_clean(run_tool("ruff", "check", "--no-fix", "--output-format", "concise", "."))


def test_the_code_is_formatted_as_ruff_formats_it():
    assert_clean(run_tool("ruff", "format", "--check", "--output-format", "concise", "."))


def test_mypy_finds_no_type_error():
    assert_clean(run_tool("mypy"))


def test_the_pre_commit_hooks_are_valid_and_run_the_local_tools():
    assert_clean(run_tool("pre_commit", "validate-config", ".pre-commit-config.yaml"))
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    entries = {hook["id"]: hook["entry"].split()[0] for hook in config["repos"][0]["hooks"]}
    assert entries == {"ruff": ".venv/bin/ruff", "ruff-format": ".venv/bin/ruff", "mypy": ".venv/bin/mypy"}
