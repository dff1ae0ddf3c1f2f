"""Where an export writes: a file path, or a binary stream the caller owns (e.g. io.BytesIO for a download)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Union

Target = Union[str, "os.PathLike[str]", IO[bytes]]


@contextmanager
def binary_output(target: Target) -> Iterator[IO[bytes]]:
    """A binary stream to write to: the file at a path (created or replaced, closed after), or the stream given
    (left open)."""
    if isinstance(target, (str, os.PathLike)):
        with open(target, "wb") as handle:
            yield handle
    else:
        yield target
