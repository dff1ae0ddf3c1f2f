"""Benchmark of statement analysis: prints precision and recall per class, and speed; asserts nothing.

    python benchmarks/bench_statements.py [--repeat N] [--tokenizer NAME=PYTHON ...]

Classifies every labelled statement (tests/fixtures/statements/labelled.jsonl,
and heldout.jsonl, written after the rules were settled and never tuned on)
three ways, in the same run:

1. baseline: the former matcher, keywords as substrings of the folded text;
2. `sim.statements.analyse_statement`: whole words of the folded text, denials,
   briefed facts, grounded assurances;
3. for each `--tokenizer underthesea=/tmp/tokvenv/bin/python` (or `pyvi=…`): the
   same, but a keyword counts only where the Vietnamese word segmenter puts a
   word boundary at both its ends. The segmenter runs in that interpreter (a
   throwaway venv), so the project never depends on it; its import and
   segmentation times and the venv's size are printed beside the figures.

Then the median time to analyse one statement (best of N runs of the whole set).
Record the figures in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import sim.statements as statements  # noqa: E402
from statement_labels import (  # noqa: E402
    CLASSES,
    HELDOUT,
    LABELLED,
    analysed_class,
    drill,
    load_labelled,
    measures,
    substring_class,
)
from timing import timed  # noqa: E402 - benchmarks/timing.py, beside this script


# Run inside the tokenizer's interpreter: texts (JSON list) on stdin; word spans and seconds on stdout.
SEGMENT = r"""
import json, sys, time
started = time.perf_counter()
name = sys.argv[1]
if name == "underthesea":
    from underthesea import word_tokenize
    words = lambda text: word_tokenize(text)
else:
    from pyvi import ViTokenizer
    words = lambda text: [w.replace("_", " ") for w in ViTokenizer.tokenize(text).split()]
imported = time.perf_counter()
texts, spans = json.load(sys.stdin), []
for text in texts:
    found, at = [], 0
    for word in words(text):
        parts = word.split()
        start = text.find(parts[0], at) if parts else -1
        if start < 0:
            continue
        end = start
        for part in parts:
            index = text.find(part, end)
            end = index + len(part) if index >= 0 else end
        found.append((start, end))
        at = end
    spans.append(found)
print(json.dumps({"import": imported - started, "segment": time.perf_counter() - imported, "spans": spans}))
"""


def segmented(name: str, python: str, texts: list[str]) -> dict:
    """Word spans of each text by the named segmenter, run in `python`."""
    run = subprocess.run(
        [python, "-c", SEGMENT, name], input=json.dumps(texts), capture_output=True, text=True, check=True, timeout=600
    )
    return json.loads(run.stdout)


def venv_size(python: str) -> str:
    run = subprocess.run(["du", "-sh", str(Path(python).absolute().parent.parent)], capture_output=True, text=True)
    return run.stdout.split()[0] if run.returncode == 0 else "?"


def on_word_boundaries(boundaries: dict[str, tuple[set[int], set[int]]]):
    """`keyword_spans` that keeps a match only where the segmenter starts and ends a word."""
    plain = statements.keyword_spans

    def spans(folded: str, keyword: str) -> list[tuple[int, int]]:
        found = plain(folded, keyword)
        if folded not in boundaries:
            return found
        starts, ends = boundaries[folded]
        return [(s, e) for s, e in found if s in starts and e in ends]

    return spans


def table(title: str, rows: dict[str, dict[str, tuple[float, float, int]]]) -> None:
    print(f"\n{title}")
    print("| matcher | " + " | ".join(f"{c} P / R" for c in CLASSES) + " |")
    print("|---|" + "---|" * len(CLASSES))
    for name, figures in rows.items():
        print(f"| {name} | " + " | ".join(f"{figures[c][0]:.2f} / {figures[c][1]:.2f}" for c in CLASSES) + " |")
    first = next(iter(rows.values()))
    print("(statements per class: " + ", ".join(f"{c} {first[c][2]}" for c in CLASSES) + ")")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--tokenizer",
        action="append",
        default=[],
        metavar="NAME=PYTHON",
        help="underthesea=PYTHON or pyvi=PYTHON: a segmenter installed for that interpreter",
    )
    args = parser.parse_args()
    sets = {"labelled.jsonl": load_labelled(LABELLED), "heldout.jsonl": load_labelled(HELDOUT)}
    everything = [item for items in sets.values() for item in items]
    matchers = {"substring (baseline)": substring_class, "word boundaries (analyse_statement)": analysed_class}
    results = {name: {n: measures(items, f) for n, f in matchers.items()} for name, items in sets.items()}
    texts = [unicodedata.normalize("NFC", item.text) for item in everything]
    for spec in args.tokenizer:
        name, _, python = spec.partition("=")
        out = segmented(name, python, texts)
        boundaries = {
            statements.fold_aligned(t): ({s for s, _ in spans}, {e for _, e in spans})
            for t, spans in zip(texts, out["spans"], strict=True)
        }
        plain, statements.keyword_spans = statements.keyword_spans, on_word_boundaries(boundaries)
        try:
            label = f"{name} words"
            for set_name, items in sets.items():
                results[set_name][label] = measures(items, analysed_class)
        finally:
            statements.keyword_spans = plain
        print(
            f"{name}: venv {venv_size(python)}, import {out['import']:.2f} s, "
            f"segmenting {len(texts)} statements {out['segment'] * 1000:.0f} ms "
            f"({out['segment'] / len(texts) * 1e6:.0f} µs each)"
        )
    for set_name, rows in results.items():
        table(f"{set_name} ({len(sets[set_name])} statements)", rows)
    print()
    for name, classify in matchers.items():

        def run(classify=classify):
            statements.fold_aligned.cache_clear()
            for item in everything:
                classify(item)

        median, best = timed(run, args.repeat)
        print(
            f"{name}: {median / len(everything) * 1e6:.0f} µs a statement "
            f"(median; best {best / len(everything) * 1e6:.0f} µs)"
        )
    drill.cache_clear()


if __name__ == "__main__":
    main()
