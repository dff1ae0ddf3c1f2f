"""Loading scenario files: YAML in, a typed `Scenario` or every error with its line out.

Errors are reported all at once, each as ``PATH:LINE: field.path: message``, the message a
`scenarios.messages.Message` (Vietnamese as text; the web layer shows it in the user's language).
Line numbers come from PyYAML's node tree, which keeps the position of every
key and value; the file is read once, within the limits of
`scenarios.bounded_yaml` (no aliases, a bounded size and depth); the shape is
checked by Pydantic and the cross-references by `scenarios.references`.
"""

from __future__ import annotations

from pathlib import Path

from scenarios.messages import N_, Message
from scenarios.model import Scenario
from scenarios.references import find_problems
from scenarios.yaml_issues import YamlInvalid, YamlIssue, field_path, issue_at, model_issues, read_document, read_text_file

ScenarioIssue = YamlIssue  # one error in a scenario file


class ScenarioInvalid(YamlInvalid):
    """A scenario file with errors; `issues` lists them all."""


def parse_scenario(text: str, path: str = "<text>") -> Scenario:
    """Parse scenario YAML; raise `ScenarioInvalid` listing every error."""
    try:
        root, data = read_document(text, path, Message(N_("tệp kịch bản phải là một nhóm các trường (id, title, …)")))
    except YamlInvalid as exc:
        raise ScenarioInvalid(exc.issues) from None
    scenario, issues = model_issues(Scenario, root, data, path)
    shape_errors = {issue.field for issue in issues}
    issues += [
        issue_at(root, path, loc, message) for loc, message in find_problems(data) if field_path(loc) not in shape_errors
    ]
    if issues or scenario is None:
        raise ScenarioInvalid(sorted(issues, key=lambda i: i.line))
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Load and check one scenario file."""
    try:
        text = read_text_file(Path(path))
    except YamlInvalid as exc:
        raise ScenarioInvalid(exc.issues) from None
    return parse_scenario(text, str(path))
