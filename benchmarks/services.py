"""Throwaway PostgreSQL and Redis for a benchmark run: `scripts/postgres` / `scripts/redis` started in a folder of
their own and stopped (the folder deleted) when the run ends, unless a URL is given (then that one is used as is)."""

from __future__ import annotations

import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def throwaway(service: str, url: str | None = None) -> Iterator[str]:
    """The URL of `service` ("postgres" or "redis"): `url` if given, else one started by scripts/<service> for the block."""
    if url:
        yield url
        return
    folder = Path(tempfile.gettempdir()) / f"bench-{service}-{uuid.uuid4().hex[:8]}"  # the script makes it (and owns it)
    script = str(ROOT / "scripts" / service)
    started = subprocess.run([script, "start", str(folder)], capture_output=True, text=True)
    if started.returncode:
        subprocess.run([script, "stop", str(folder)], capture_output=True)
        raise SystemExit(f"scripts/{service} start: {started.stderr.strip() or started.stdout.strip()}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([script, "stop", str(folder)], capture_output=True)
