"""The English catalogue is whole and compiled, and no page still shows its two languages side by side.

Every message id (a Vietnamese text) has its English; the committed `.mo` is what `pybabel compile`
makes of the committed `.po` (a `.po` edited without compiling would not reach the pages). A template says
each text once, through `_()` / `{% trans %}`: no literal "tiếng Việt / English" pair, no `lang="en"`
English beside the Vietnamese.
A page script says its words through `_("…")` (static/texts.js): no other string literal of Vietnamese words (but
the Vietnamese side of a drill text it writes, `{vi: "…", en: "…"}`), no `lang: "en"` element of English beside them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "web" / "translations" / "en" / "LC_MESSAGES"
TEMPLATES = sorted((ROOT / "web" / "templates").rglob("*.html")) + sorted((ROOT / "instructor").rglob("*.html"))
# The page scripts; labels.js renders the tables' {vi, en} labels and is not one of them.
SCRIPTS = sorted(path for path in (ROOT / "web" / "static").glob("*.js") if path.name != "labels.js")
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.DOTALL)
TRANSLATED = re.compile(r'_\("(?:[^"\\]|\\.)*"|\bvi: "(?:[^"\\]|\\.)*"')  # _("…"), or a drill text's {vi: "…"}
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
# A pair: Vietnamese words, " / ", then English words (a letter-led run of ASCII: "Đăng nhập / Log in").
PAIR = re.compile(r"(\S*[^\x00-\x7f]\S*[^/<>\"]{0,40}) / ([A-Za-z][A-Za-z ,'()-]{2,})")


def _messages():
    with open(CATALOGUE / "messages.po", "rb") as po:
        return [message for message in read_po(po) if message.id]


def test_every_message_has_its_english():
    untranslated = [
        message.id
        for message in _messages()
        if not all(message.string)
        if isinstance(message.string, tuple) or not message.string
    ]
    assert not untranslated, untranslated[:10]


def test_no_message_is_left_fuzzy():
    assert not [message.id for message in _messages() if message.fuzzy]


def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path):
    compiled = tmp_path / "messages.mo"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "compile",
            "-i",
            str(CATALOGUE / "messages.po"),
            "-o",
            str(compiled),
            "-l",
            "en",
        ],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (CATALOGUE / "messages.mo").read_bytes(), "run: pybabel compile -d web/translations"


def test_the_pair_finder_finds_a_pair():
    assert PAIR.search("Đăng nhập / Log in") and not PAIR.search("Đăng nhập") and not PAIR.search("12 / 20")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_shows_both_languages_side_by_side(template):
    source = template.read_text(encoding="utf-8")
    visible = JINJA.sub(" ", source)
    pairs = [match.group(0) for match in PAIR.finditer(visible) if VIETNAMESE.search(match.group(1))]
    assert not pairs, pairs
    assert 'lang="en"' not in source, "the English beside the Vietnamese: the catalogue gives it instead"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_page_script_says_its_words_through_the_catalogue(script):
    code = TRANSLATED.sub(" ", COMMENT.sub(" ", script.read_text(encoding="utf-8")))
    untranslated = [text for text in STRING.findall(code) if VIETNAMESE.search(text)]
    assert not untranslated, untranslated[:5]
    assert 'lang: "en"' not in code


def test_the_script_finder_finds_an_untranslated_string():
    code = TRANSLATED.sub(" ", 'a(_("Đã kết nối"), "Mất kết nối", { vi: "Cấp 1" }) /* "Bỏ qua" */')
    assert [text for text in STRING.findall(COMMENT.sub(" ", code)) if VIETNAMESE.search(text)] == ['"Mất kết nối"']
