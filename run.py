"""The single entry point: `python run.py [command]`.

    python run.py                             start the platform on 127.0.0.1:5000 (same as `serve`)
    python run.py serve [--host H] [--port P] start the platform
    python run.py validate PATH...            check scenario files
    python run.py simulate SCENARIO [...]     play a drill headless and print its score card
    python run.py scenarios                   list the built-in drills
    python run.py schema                      regenerate scenarios/scenario.schema.json
"""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Diễn tập xử lý khủng hoảng truyền thông / media-crisis drills")
    commands = parser.add_subparsers(dest="command")
    validate = commands.add_parser("validate", help="check scenario files (exit 1 on any error)")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="scenario file or built-in id")
    simulate = commands.add_parser("simulate", help="play a drill headless and print its score card")
    simulate.add_argument("scenario", metavar="SCENARIO", help="scenario file or built-in id")
    simulate.add_argument("--actions", metavar="FILE.jsonl", help="stamped actions, one JSON object a line")
    simulate.add_argument("--seed", type=int, default=0)
    simulate.add_argument("--until", type=float, metavar="MINUTE", help="stop at this scenario minute")
    simulate.add_argument("--json", action="store_true", help="print one JSON document")
    serve = commands.add_parser("serve", help="start the platform (the default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    commands.add_parser("scenarios", help="list the built-in drills")
    commands.add_parser("schema", help="regenerate the published JSON Schema of scenario files")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        from commands import validate

        return validate.run(args.paths)
    if args.command == "simulate":
        from commands import simulate

        return simulate.run(args.scenario, args.actions, args.seed, args.until, args.json)
    if args.command == "schema":
        from scenarios.schema import write_schema

        print(write_schema())
        return 0
    if args.command == "scenarios":
        from commands import listing

        return listing.run()
    from web import serve

    serve(getattr(args, "host", "127.0.0.1"), getattr(args, "port", 5000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
