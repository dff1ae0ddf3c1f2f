"""The fuzzing suite: hostile inputs for every public entry point, each case under a time budget.

Each `test_<target>.py` defines one `TARGET` (its cases and what a clean result
or a clear error is) and runs it; `benchmarks/fuzz_report.py` runs the same
targets with more cases and counts the outcomes (docs/BENCHMARKS.md).
"""
