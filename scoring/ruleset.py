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

The shape is the Pydantic model `scoring.ruleset_model.RuleSetFile` (published as
`scoring/ruleset.schema.json`); what needs the whole set is checked here. Every
problem is reported at once, each naming the file, the line and the field, as
``PATH:LINE: rules[3].weight: message`` (`scenarios.yaml_issues`, shared with the
scenario loader).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from scenarios.texts import Text
from scenarios.yaml_issues import Location, YamlInvalid, YamlIssue, issue_at, model_issues, read_document, read_text_file
from scoring.rules import RULES, Rule
from scoring.ruleset_model import RuleSetFile

RULESETS = Path(__file__).parent / "rulesets"


class RuleSetError(YamlInvalid):
    """A rule set file with errors; `issues` lists them all, `problems` the same as text."""

    @property
    def problems(self) -> list[str]:
        return [str(issue) for issue in self.issues]


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


def _whole_set_problems(file: RuleSetFile, named: str | None) -> list[tuple[Location, str]]:
    """What needs the whole set: the file's name, unique ids, lateness naming rules of the set, weights summing to 100."""
    problems: list[tuple[Location, str]] = []
    if named is not None and file.id != named:
        problems.append((("id",), f"'id' is {file.id!r} but the file is named {named}.yaml"))
    seen: dict[str, int] = {}
    for n, entry in enumerate(file.rules):
        if entry.rule_id in seen:
            problems.append(
                (
                    ("rules", n, "id"),
                    (
                        f"duplicate id {entry.rule_id!r}, already used by "
                        f"rules[{seen[entry.rule_id]}]; give one of them its own 'id'"
                    ),
                )
            )
        seen.setdefault(entry.rule_id, n)
    if file.lateness is not None:
        missing = [r for r in file.lateness.rules if r not in seen]
        if missing:
            problems.append(
                (
                    ("lateness", "rules"),
                    (f"names {', '.join(map(repr, missing))}, not in this set (its rules: {', '.join(sorted(seen))})"),
                )
            )
    legal = [e for e in file.rules if not e.bonus]
    total = sum(e.weight for e in legal)
    if abs(total - 100) > 1e-6:
        parts = ", ".join(f"{e.rule_id} {e.weight:g}" for e in legal)
        problems.append((("rules",), f"the weights of the non-bonus rules sum to {total:g}, not 100 ({parts})"))
    return problems


def _rule_set(file: RuleSetFile, path: str) -> RuleSet:
    """The checked file as the rule set scoring uses: each entry's rule built with its parameters."""
    entries = tuple(
        RuleEntry(rule=RULES[e.rule](e.params, id=e.rule_id), weight=float(e.weight), bonus=e.bonus, source=e.source.text)
        for e in file.rules
    )
    late = file.lateness
    lateness = LatenessPolicy(span=float(late.span), within=float(late.within), rules=late.rules) if late else None
    title = file.title.text if file.title else Text(file.id, file.id)
    return RuleSet(id=file.id, title=title, entries=entries, path=path, lateness=lateness)


def parse_rule_set(text: str, path: str = "<text>", named: str | None = None) -> RuleSet:
    """Parse and check a rule set's YAML text (`named`: the id its file name gives).

    Raise RuleSetError listing every problem.
    """
    try:
        root, data = read_document(text, path, "a rule set is a mapping with 'id', 'title' and 'rules'")
    except YamlInvalid as exc:
        raise RuleSetError(exc.issues) from None
    file, issues = model_issues(RuleSetFile, root, data, path)
    if file is not None:
        issues += [issue_at(root, path, loc, message) for loc, message in _whole_set_problems(file, named)]
    if issues or file is None:
        raise RuleSetError(sorted(issues, key=lambda i: i.line))
    return _rule_set(file, path)


def load_rule_set_file(path: str | Path, named: str | None = None) -> RuleSet:
    """Load a rule set from a YAML file anywhere."""
    try:
        text = read_text_file(Path(path))
    except YamlInvalid as exc:
        raise RuleSetError(exc.issues) from None
    return parse_rule_set(text, str(path), named)


def rule_set_ids() -> list[str]:
    """Ids of the packaged rule sets, sorted."""
    return sorted(p.stem for p in RULESETS.glob("*.yaml"))


@functools.cache
def load_rule_set(rule_set_id: str) -> RuleSet:
    """A packaged rule set by id (cached: the files are read once per process)."""
    path = RULESETS / f"{rule_set_id}.yaml"
    if not path.is_file():
        packaged = ", ".join(rule_set_ids()) or "none"
        raise RuleSetError([YamlIssue(str(path), 1, "(file)", f"no rule set {rule_set_id!r} (packaged: {packaged})")])
    return load_rule_set_file(path, named=rule_set_id)
