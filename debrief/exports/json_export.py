"""The report document as JSON: UTF-8, Vietnamese written as is (not as \\u escapes), indented."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from debrief.exports.output import Target, binary_output


def write(document: Mapping[str, Any], target: Target) -> None:
    """Write the document; `json.load` of the result gives the document back."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    with binary_output(target) as out:
        out.write(text.encode("utf-8"))
