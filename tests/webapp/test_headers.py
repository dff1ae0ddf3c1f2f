"""The security headers (web/headers.py): a strict Content-Security-Policy on every page, HSTS only behind TLS.

And what lets the policy be strict without breaking a page: no template or script writes an inline script,
style or event handler (the browser tests fail on any page's CSP violation: `browser_helpers.page_errors`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted([*(ROOT / "web" / "templates").rglob("*.html"), *(ROOT / "instructor" / "templates").rglob("*.html")])
SCRIPTS = sorted(p for p in (ROOT / "web" / "static").glob("*.js"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)


def directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("path", ["/", "/login", "/join", "/practice/", "/no-such-page"])
def test_every_page_has_a_strict_content_security_policy(app, path):
    response = app.test_client().get(path)
    policy = directives(response.headers["Content-Security-Policy"])
    for name in ("default-src", "script-src", "style-src", "connect-src", "font-src"):
        assert policy[name] == "'self'", (name, policy)
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY" and response.headers["Referrer-Policy"] == "same-origin"


def test_the_instructor_pages_have_it_too(platform):
    exercise_id, _ = platform.exercise()
    client = platform.instructor_client()
    for path in ("/instructor/", f"/instructor/exercises/{exercise_id}", "/instructor/drills/", "/review/"):
        response = client.get(path)
        assert response.status_code == 200 and "script-src 'self';" in response.headers["Content-Security-Policy"], path


@pytest.mark.parametrize(
    "trusted_proxies, request_kwargs, hsts",
    [
        (0, {}, False),  # a classroom on plain HTTP: never told to switch
        (1, {"headers": {"X-Forwarded-Proto": "https"}}, True),  # a trusted TLS proxy in front (web.proxies)
        (0, {"headers": {"X-Forwarded-Proto": "https"}}, False),  # the same header, forged: no proxy is trusted
        (0, {"base_url": "https://dientap.example.vn"}, True),  # TLS to the server itself
    ],
)
def test_hsts_only_behind_tls(app, trusted_proxies, request_kwargs, hsts):
    app.config["TRUSTED_PROXIES"] = trusted_proxies
    header = app.test_client().get("/", **request_kwargs).headers.get("Strict-Transport-Security")
    assert (header == "max-age=31536000") if hsts else header is None, header


def test_no_template_has_an_inline_script_style_or_handler():
    assert TEMPLATES
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in TEMPLATES
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, HANDLER)
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_script_writes_a_style_attribute():
    """`el(tag, {style: ...})` becomes a style attribute, which the policy refuses; the CSSOM (`node.style.x`) is allowed."""
    assert SCRIPTS
    found = [
        f"{path.name}: {line.strip()}"
        for path in SCRIPTS
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"[{,]\s*style\s*:|setAttribute\(\s*[\"']style|\.innerHTML\s*=", line)
    ]
    assert found == []


ELSEWHERE = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']|\burl\(\s*["']?|\bimport\s*\(?\s*["'])(?:https?:)?//""", re.I)


def test_no_page_script_or_style_loads_from_another_site():
    """Exercises run on offline networks: every template, script and stylesheet names the app's own assets only
    (the policy would refuse another site's; this says where one was written)."""
    assets = [
        *TEMPLATES,
        *sorted((ROOT / "web" / "static").rglob("*.js")),
        *sorted((ROOT / "web" / "static").rglob("*.css")),
    ]
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in assets
        if "vendor" not in path.parts
        for match in ELSEWHERE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
