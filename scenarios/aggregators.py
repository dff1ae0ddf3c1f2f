"""Which items come from a general information site (trang thông tin điện tử tổng hợp), which is not press.

Such a site ("báo hóa": run like a paper without a press licence) is not a press agency, so
written feedback under Decree 244/2026 Art. 7.6 is not its route: the provincial culture
department asks it to remove the false item under Decree 147/2024/NĐ-CP, within 24 hours.
A scenario marks such an item by naming the site's kind in the inject's sender, e.g.
"Trang thông tin điện tử tổng hợp 'Nhịp sống Hòa Giang'" (docs/PROCEDURE_PARTS.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

MARKERS = ("trang thông tin điện tử tổng hợp", "trang tin điện tử tổng hợp", "trang tin tổng hợp")


def is_aggregator(sender: str | None) -> bool:
    """Whether an inject's Vietnamese sender names a general information site."""
    if not isinstance(sender, str):
        return False
    text = unicodedata.normalize("NFC", sender).casefold()
    return any(marker in text for marker in MARKERS)


def delivered_from_aggregator(scenario: Any, delivery: Mapping[str, Any]) -> bool:
    """Whether a delivered item (an `inject` event) comes from a general information site.

    The scenario's inject decides; an item the world made (a journalist's article) is read from
    its event's sender.
    """
    inject = scenario.inject(delivery.get("inject"))
    if inject is not None:
        return is_aggregator(inject.sender.vi)
    sender = delivery.get("sender")
    return is_aggregator(sender.get("vi") if isinstance(sender, Mapping) else None)
