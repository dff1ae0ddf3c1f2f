"""The architecture holds: the packages stand in layers with no import cycle between them (docs/ARCHITECTURE.md).

The contracts are import-linter's, in pyproject.toml (`[tool.importlinter]`); `lint-imports` checks the same.
A new import from a package to one above it (web importing instructor, scoring importing sim, ...) fails here,
with the chain of imports that breaks the layering.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACTS = PYPROJECT["tool"]["importlinter"]


def test_the_packages_keep_their_layers_and_the_core_stays_pure(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)  # the worktree's packages, not an installed copy
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report
    assert f"Contracts: {len(CONTRACTS['contracts'])} kept, 0 broken." in report


def test_every_package_of_the_project_has_its_layer():
    packages = {pattern.rstrip("*") for pattern in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]}
    layers = next(contract for contract in CONTRACTS["contracts"] if contract["type"] == "layers")["layers"]
    layered = {name.strip() for layer in layers for name in layer.split("|")}
    assert set(CONTRACTS["root_packages"]) == packages
    assert layered == packages
