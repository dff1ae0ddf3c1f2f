"""`run.py serve` (and `run.py` alone): start the platform on its embedded defaults."""

from __future__ import annotations

import argparse
import os

from scenarios.messages import MessageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument(
        "--public-url",
        help="the address trainees reach, for the join links "
        "(default: CRISIS_PUBLIC_URL; with --host 0.0.0.0, this machine's network address)",
    )


def main(args: argparse.Namespace) -> int:
    from web import serve
    from web.console import say
    from web.join_links import checked_public_url

    public_url = args.public_url or os.environ.get("CRISIS_PUBLIC_URL")
    if public_url:
        try:
            public_url = checked_public_url(public_url)
        except MessageError as exc:  # it could not be the base of a link: say so before starting
            print(say(exc.message))
            return 2
    serve(args.host, args.port, public_url)
    return 0
