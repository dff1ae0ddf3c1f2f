"""`run.py schema`: regenerate the published JSON Schemas of scenario and rule-set files."""

from __future__ import annotations

import argparse

from scenarios.schema import SCHEMA_PATH, schema_text
from scoring.ruleset_schema import RULE_SET_SCHEMA_PATH, rule_set_schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def main(args: argparse.Namespace) -> int:
    for path, text in ((SCHEMA_PATH, schema_text()), (RULE_SET_SCHEMA_PATH, rule_set_schema_text())):
        path.write_text(text, encoding="utf-8")
        print(path)
    return 0
