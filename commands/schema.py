"""`run.py schema`: regenerate the published JSON Schema of scenario files."""

from __future__ import annotations

import argparse

from scenarios.schema import write_schema


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def main(args: argparse.Namespace) -> int:
    print(write_schema())
    return 0
