"""The constant texts of the simulation, read once from its YAML data files (package data) and checked.

`load_texts(name, model)` reads `sim/<name>.yaml` into `model`, a frozen Pydantic
model whose fields are the texts the file must hold (each a `scenarios.texts.Text`).
A missing text, an unknown key, an empty Vietnamese or a file that is not a mapping
fails at once, when the module that needs the texts is imported, with an error
naming the file and the key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

DATA_DIR = Path(__file__).parent
Texts = TypeVar("Texts", bound=BaseModel)


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
        raise TextDataError("\n".join(f"{path}: {'.'.join(map(str, error['loc']))}: {error['msg']}"
                                      for error in exc.errors())) from None
