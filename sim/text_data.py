"""The constant texts of the simulation, read once from its YAML data files (package data) and checked.

`load_texts(name, model)` reads `sim/<name>.yaml` into `model`, a frozen Pydantic
model whose fields are the texts the file must hold (a `scenarios.texts.Text`, or
Vietnamese alone for what the bots write; `ByRuleSet` for a text that differs by rule set).
A missing text, an unknown key, an empty Vietnamese or a file that is not a mapping
fails at once, when the module that needs the texts is imported, with an error
naming the file and the key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

import yaml
from pydantic import BaseModel, Field, ValidationError

from scenarios.model import Strict

DATA_DIR = Path(__file__).parent
Texts = TypeVar("Texts", bound=BaseModel)
Value = TypeVar("Value")


class ByRuleSet(Strict, Generic[Value]):
    """A text that differs by rule set (PROCEDURE.md §4), under the rule sets' ids."""

    vn_2021: Value = Field(alias="vn-2021")
    vn_2026: Value = Field(alias="vn-2026")

    def of(self, rule_set: str | None) -> Value:
        """The rule set's text; the law in force's (vn-2026) for any other."""
        return self.vn_2021 if rule_set == "vn-2021" else self.vn_2026


class TextDataError(ValueError):
    """A text data file that does not hold the texts its model needs; the message names the file and each key."""


def load_texts(name: str, model: type[Texts], folder: Path = DATA_DIR) -> Texts:
    """The texts of `<folder>/<name>.yaml`, checked against `model`."""
    path = folder / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TextDataError(f"{path}: cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise TextDataError(f"{path}: must be a mapping of text keys to {{vi, en}}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise TextDataError(
            "\n".join(f"{path}: {'.'.join(map(str, error['loc']))}: {error['msg']}" for error in exc.errors())
        ) from None
