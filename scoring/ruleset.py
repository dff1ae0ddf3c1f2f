"""Rule sets: data files naming rules, their parameters, weights and the source each rests on.

A rule set is a YAML file in `scoring/rulesets/` (the packaged ones, loaded by
id and cached) or anywhere else (`load_rule_set_file`). Its shape:

```yaml
id: vn-2026
title: {vi: "...", en: "..."}
lateness:                            # optional: silence past the first deadline costs these rules' points
  span: 1440                         # minutes of silence that take all their points (linear)
  within: 1440                       # minutes after the case is received by which the agency must speak anyway
  rules: [procedure_order, spokesperson_first]   # ids of rules in this set
rules:
  - rule: initial_information        # a name in scoring.rules.RULES
    id: initial_information          # optional, defaults to the rule name; unique in the set
    weight: 15                       # points; the non-bonus weights sum to 100
    params: {from: received, within: 1440}
    source: "Nghị định 244/2026/NĐ-CP, Điều 7.3"   # or {vi: ..., en: ...}
    bonus: false                     # a bonus adds to the total (capped at 100), never a legal failure
```

Every problem is reported at once, each naming the file and the entry, as
``PATH: rules[3] (initial_information): message``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scenarios.text import Text
from scoring.rules import RULES, Rule, RuleParamError

RULESETS = Path(__file__).parent / "rulesets"
ENTRY_KEYS = {"rule", "id", "weight", "params", "source", "bonus"}
TOP_KEYS = {"id", "title", "description", "lateness", "rules"}
LATENESS_KEYS = {"span", "within", "rules"}


class RuleSetError(ValueError):
    """A rule set file with errors; `problems` lists them all, each naming the file and entry."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class RuleEntry:
    """One rule of a rule set, with its weight, whether it is a bonus, and its source."""

    rule: Rule
    weight: float
    bonus: bool
    source: Text

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass(frozen=True)
class LatenessPolicy:
    """Which rules lose points to silence past the first deadline, and how fast (`scoring.deadlines.lateness`)."""

    span: float
    within: float
    rules: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    """A named, weighted list of rules, and the rules lateness costs (None: lateness costs no rule)."""

    id: str
    title: Text
    entries: tuple[RuleEntry, ...]
    path: str = "<text>"
    lateness: LatenessPolicy | None = None


def _text(value: Any) -> Text | None:
    """A string (same in both languages) or {vi, en} as Text; None if neither."""
    if isinstance(value, str) and value.strip():
        return Text(value, value)
    if isinstance(value, dict) and set(value) <= {"vi", "en"} and isinstance(value.get("vi"), str) and value["vi"].strip():
        en = value.get("en")
        return Text(value["vi"], en if isinstance(en, str) and en.strip() else value["vi"])
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _entry(item: Any, where: str, problems: list[str]) -> RuleEntry | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: each rule must be a mapping with 'rule', 'weight' and 'source'")
        return None
    name = item.get("rule")
    where = f"{where} ({name})" if isinstance(name, str) else where
    before = len(problems)
    unknown = sorted(set(item) - ENTRY_KEYS)
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(ENTRY_KEYS))})")
    if name not in RULES:
        problems.append(f"{where}: unknown rule {name!r} (known: {', '.join(sorted(RULES))})")
    weight = item.get("weight")
    if not _is_number(weight) or weight <= 0:
        problems.append(f"{where}: 'weight' must be a positive number of points, got {weight!r}")
    bonus = item.get("bonus", False)
    if not isinstance(bonus, bool):
        problems.append(f"{where}: 'bonus' must be true or false, got {bonus!r}")
    source = _text(item.get("source"))
    if source is None:
        problems.append(f"{where}: 'source' must cite a law and article or a seed document, as text or {{vi, en}}")
    params = item.get("params") or {}
    if not isinstance(params, dict):
        problems.append(f"{where}: 'params' must be a mapping, got {params!r}")
    rule_id = item.get("id", name)
    if not isinstance(rule_id, str) or not rule_id:
        problems.append(f"{where}: 'id' must be non-empty text, got {rule_id!r}")
    if len(problems) > before:
        return None
    try:
        rule = RULES[name](params, id=rule_id)
    except RuleParamError as exc:
        problems.append(f"{where}: {exc}")
        return None
    return RuleEntry(rule=rule, weight=float(weight), bonus=bonus, source=source)


def _lateness(value: Any, ids: set[str], where: str, problems: list[str]) -> LatenessPolicy | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(f"{where}: 'lateness' must be a mapping with 'span', 'within' and 'rules'")
        return None
    before = len(problems)
    unknown = sorted(set(value) - LATENESS_KEYS)
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(LATENESS_KEYS))})")
    for key in ("span", "within"):
        number = value.get(key)
        if not _is_number(number) or not 0 < number <= 1e6:
            problems.append(f"{where}: '{key}' must be a positive number of minutes (at most 1000000), got {number!r}")
    rules = value.get("rules")
    if not isinstance(rules, list) or not rules or not all(isinstance(r, str) for r in rules):
        problems.append(f"{where}: 'rules' must list the ids of rules in this set, got {rules!r}")
    else:
        missing = [r for r in rules if r not in ids]
        if missing:
            problems.append(f"{where}: 'rules' names {', '.join(map(repr, missing))}, not in this set "
                            f"(its rules: {', '.join(sorted(ids))})")
    if len(problems) > before:
        return None
    return LatenessPolicy(span=float(value["span"]), within=float(value["within"]), rules=tuple(rules))


def parse_rule_set(text: str, path: str = "<text>") -> RuleSet:
    """Parse and check a rule set's YAML text; raise RuleSetError listing every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleSetError([f"{path}: not valid YAML: {exc}"]) from None
    if not isinstance(data, dict):
        raise RuleSetError([f"{path}: a rule set is a mapping with 'id', 'title' and 'rules'"])
    problems: list[str] = []
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        problems.append(f"{path}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(TOP_KEYS))})")
    set_id = data.get("id")
    if not isinstance(set_id, str) or not set_id:
        problems.append(f"{path}: 'id' must be the rule set's name, e.g. vn-2026")
    title = _text(data.get("title")) or Text(str(set_id), str(set_id))
    items = data.get("rules")
    if not isinstance(items, list) or not items:
        problems.append(f"{path}: 'rules' must be a non-empty list")
        items = []
    entries = [_entry(item, f"{path}: rules[{n}]", problems) for n, item in enumerate(items)]
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries):
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"{path}: rules[{n}] ({entry.id}): duplicate id, already used by rules[{seen[entry.id]}]; "
                            "give one of them its own 'id'")
        seen.setdefault(entry.id, n)
    lateness = _lateness(data.get("lateness"), set(seen), f"{path}: lateness", problems)
    if not problems:
        legal = [e for e in entries if e is not None and not e.bonus]
        total = sum(e.weight for e in legal)
        if abs(total - 100) > 1e-6:
            parts = ", ".join(f"{e.id} {e.weight:g}" for e in legal)
            problems.append(f"{path}: the weights of the non-bonus rules sum to {total:g}, not 100 ({parts})")
    if problems:
        raise RuleSetError(problems)
    return RuleSet(id=set_id, title=title, entries=tuple(e for e in entries if e is not None), path=path,
                   lateness=lateness)


def load_rule_set_file(path: str | Path) -> RuleSet:
    """Load a rule set from a YAML file anywhere."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleSetError([f"{path}: cannot read: {exc.strerror}"]) from None
    return parse_rule_set(text, str(path))


def rule_set_ids() -> list[str]:
    """Ids of the packaged rule sets, sorted."""
    return sorted(p.stem for p in RULESETS.glob("*.yaml"))


@functools.lru_cache(maxsize=None)
def load_rule_set(rule_set_id: str) -> RuleSet:
    """A packaged rule set by id (cached: the files are read once per process)."""
    path = RULESETS / f"{rule_set_id}.yaml"
    if not path.is_file():
        raise RuleSetError([f"no rule set {rule_set_id!r} (packaged: {', '.join(rule_set_ids()) or 'none'})"])
    rule_set = load_rule_set_file(path)
    if rule_set.id != rule_set_id:
        raise RuleSetError([f"{path}: 'id' is {rule_set.id!r} but the file is named {rule_set_id}.yaml"])
    return rule_set
