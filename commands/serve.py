"""`run.py serve` (and `run.py` alone): start the platform on its embedded defaults."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)


def main(args: argparse.Namespace) -> int:
    from web import serve

    serve(args.host, args.port)
    return 0
