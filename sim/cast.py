"""The people of a run: fictional Vietnamese names from Faker's vi_VN locale, seeded per run."""

from __future__ import annotations

from functools import lru_cache

from faker import Faker

from scenarios.model import Scenario
from scenarios.placeholders import fill
from scenarios.texts import Text


# Faker's vi_VN middle names are not split by gender (and include pairs such as "Mai Bảo"):
# common middle names for women and for men.
FEMALE_MIDDLE_NAMES = ("Thị", "Ngọc", "Thu", "Thanh", "Bảo", "Mai", "Kim")
MALE_MIDDLE_NAMES = ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân", "Hoàng", "Trọng")


@lru_cache(maxsize=1)
def _faker() -> Faker:
    # Building a Faker is the slow part; one per process, reseeded for every cast.
    return Faker("vi_VN")


def _full_name(fake: Faker, female: bool) -> str:
    """Family, middle and given name in Vietnamese order (Faker's `name()` puts the given name first)."""
    middle = fake.random_element(FEMALE_MIDDLE_NAMES if female else MALE_MIDDLE_NAMES)
    given = fake.first_name_female() if female else fake.first_name_male()
    return f"{fake.last_name()} {middle} {given}"


def make_cast(scenario: Scenario, seed: int) -> dict[str, str]:
    """A name for every cast member, the same for the same scenario and seed."""
    fake = _faker()
    fake.seed_instance(seed)
    cast = {}
    for member_id, member in sorted(scenario.cast.items()):
        if member.kind == "last_name":
            cast[member_id] = fake.last_name()
        else:
            female = member.kind == "female_name" or (member.kind == "name" and fake.boolean())
            cast[member_id] = _full_name(fake, female)
    return cast


def render(text: Text | None, cast: dict[str, str]) -> dict[str, str | None] | None:
    """A scenario text with its `{cast}` placeholders filled, as {vi, en} (any other brace stays as written)."""
    if text is None:
        return None
    return Text(fill(text.vi, cast), fill(text.en, cast) if text.en else None).as_dict()
