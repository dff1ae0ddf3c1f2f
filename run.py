"""The single entry point: `python run.py [command]`.

Without a command it starts the platform on 127.0.0.1:5000 (`serve`). The
commands and what they do: `python run.py --help`, and the README.

The command line speaks Vietnamese, or English with `--lang en` (before or after the
command) or CRISIS_LANGUAGE=en (`web.console`).

Each command lives in a module of `commands/` with `add_arguments(parser)` and
`main(args) -> exit code`; `COMMANDS` names them, and a module is imported only
when its command runs or its arguments are needed.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {  # name -> (module, help)
    "serve": ("commands.serve", "start the platform (the default)"),
    "validate": ("commands.validate", "check scenario files (exit 1 on any error)"),
    "simulate": ("commands.simulate", "play a drill headless and print its score card"),
    "dryrun": ("commands.dryrun", "play a drill with the built-in bots and warn where it falls short"),
    "scenarios": ("commands.listing", "list the built-in drills"),
    "report": ("commands.report", "write the report of an exercise (json, csv, pdf, docx, xlsx)"),
    "schema": ("commands.schema", "regenerate the published JSON Schemas of scenario and rule-set files"),
    "msel": ("commands.msel", "a drill's Master Scenario Events List as XLSX/CSV, and back"),
}


def _language_option(parser: argparse.ArgumentParser) -> None:
    from web.i18n import LOCALES

    parser.add_argument(
        "--lang",
        choices=LOCALES,
        help="the language of what the command prints: vi (Vietnamese) or en (English); default: CRISIS_LANGUAGE, else vi",
    )


def _options(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The global options (--lang, wherever it is given) and the rest of the command line."""
    options = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _language_option(options)
    return options.parse_known_args(argv)


def _parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run.py",
        description="Media-crisis drills for Vietnamese provinces. "
        "What the commands print is in Vietnamese, or in English with --lang en (or CRISIS_LANGUAGE=en).",
    )
    _language_option(parser)
    commands = parser.add_subparsers(dest="command")
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, (module, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text)
        if name == chosen:  # only the command that runs needs its arguments (and its imports)
            importlib.import_module(module).add_arguments(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from web.console import speaking

    options, argv = _options(list(sys.argv[1:] if argv is None else argv))
    with speaking(options.lang):  # the arguments' own errors (a file type, a URL) in that language too
        args = _parser(argv).parse_args(argv)
        if args.command is None:
            args = _parser(["serve"]).parse_args(["serve"])
        return importlib.import_module(COMMANDS[args.command][0]).main(args)


if __name__ == "__main__":
    sys.exit(main())
