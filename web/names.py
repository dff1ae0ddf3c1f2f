"""People's names as typed: one spelling kept, and one key to match them by.

A trainee may type "đỗ minh quân" for "Đỗ Minh Quân", or send the same letters
decomposed (NFD, as some keyboards and phones do) or with extra spaces: all name
the same person. `clean_name` is the spelling stored (NFC, single spaces);
`name_key` is what two names are compared by (that, case-folded).
"""

from __future__ import annotations

import unicodedata


def clean_name(name: str) -> str:
    """The name as stored and shown: composed (NFC), spaces collapsed, none at either end."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_key(name: str) -> str:
    """What names are matched by: the clean name, case-folded, composed again."""
    return unicodedata.normalize("NFC", clean_name(name).casefold())
