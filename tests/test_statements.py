"""How the platform understands what trainees say (`sim.statements`) and what `verified_facts_only` makes of it.

Keywords match whole words of the folded text; a denial refutes a claim instead of repeating it; facts in
a drill's brief are known from the start; safety assurances and denials said before the fact that grounds
them is known are unverified claims; verdicts name facts and claims by their labels, never by their ids.
Floors on precision and recall per class are asserted on the labelled set of tests/fixtures/statements/.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.simulate import simulate
from message_helpers import english
from scenarios.library import builtin_ids, play_paths
from scenarios.loader import ScenarioInvalid, parse_scenario
from scenarios.actions import MAX_TEXT, read_action_file
from sim.statements import analyse_statement, fold, fold_aligned, keyword_spans
from statement_labels import (
    CLASSES,
    HELDOUT,
    LABELLED,
    analysed_class,
    drill,
    load_labelled,
    measures,
    misclassified,
    substring_class,
)
from sim_helpers import act

WATER, SCHOOL, FLOOD, FAKE = "nuoc-may-nhiem-doc", "ngo-doc-truong-hoc", "lu-quet-thuy-dien", "tin-gia-lanh-dao"
FLOOR = 0.85  # measured 0.94-1.00 on the labelled set (docs/BENCHMARKS.md)
HELDOUT_FLOOR = 0.80  # measured 0.91-1.00 on statements written after the rules were settled


def analysed(scenario_id: str, text: str, verified=()):
    return analyse_statement(drill(scenario_id), text, set(verified))


# --- the labelled set ---------------------------------------------------------------------------


def test_the_labelled_set_has_150_statements_of_every_class_from_every_drill():
    items = load_labelled()
    assert len(items) >= 150
    assert {i.expected for i in items} == set(CLASSES) and {i.scenario for i in items} == set(builtin_ids())
    assert min(sum(1 for i in items if i.expected == c) for c in CLASSES) >= 30
    assert len({i.text for i in items}) == len(items), "no statement twice"


@pytest.mark.parametrize(("path", "floor"), [(LABELLED, FLOOR), (HELDOUT, HELDOUT_FLOOR)], ids=["labelled", "heldout"])
def test_precision_and_recall_of_every_class_stay_above_the_floor(path, floor):
    items = load_labelled(path)
    wrong = [(i.line, i.expected, got, i.text) for i, got in misclassified(items, analysed_class)]
    for cls, (precision, recall, _) in measures(items, analysed_class).items():
        assert precision >= floor and recall >= floor, (cls, precision, recall, wrong)


def test_the_analysis_beats_the_former_substring_matcher_on_every_class():
    items = load_labelled()
    new, old = measures(items, analysed_class), measures(items, substring_class)
    for cls in CLASSES:
        assert new[cls][0] + new[cls][1] > old[cls][0] + old[cls][1], (cls, new[cls], old[cls])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "labelled.jsonl:2: not JSON"),
        ('{"scenario": "nowhere", "text": "x", "class": "repeat"}', "labelled.jsonl:2: 'scenario'"),
        ('{"scenario": "nuoc-may-nhiem-doc", "text": "x", "class": "maybe"}', "labelled.jsonl:2: needs"),
        (
            '{"scenario": "nuoc-may-nhiem-doc", "text": "x", "class": "repeat", "verified": ["toll"]}',
            "labelled.jsonl:2: 'verified'",
        ),
    ],
)
def test_a_bad_labelled_line_is_an_error_naming_its_line(tmp_path, line, message):
    path = tmp_path / "labelled.jsonl"
    good = json.dumps({"scenario": WATER, "text": "Chúng tôi chia sẻ lo lắng.", "class": "neutral"}, ensure_ascii=False)
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_labelled(path)


# --- words, not substrings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario_id", "text"),
    [
        (SCHOOL, "Phụ huynh có thể xem thông tin trên trang của nhà trường."),  # not "ém thông tin"
        (FLOOD, "Chính quyền xã đang phân chăn màn cho các hộ phải di dời."),  # not "ăn chặn"
        ("boi-thuong-giai-toa", "Khoản hỗ trợ thêm là 130.000 đồng/m² theo phương án."),  # not "30.000"
        ("boi-thuong-giai-toa", "Mức 30.000.000 đồng là khoản hỗ trợ ổn định đời sống."),
    ],
)
def test_a_keyword_inside_another_word_or_number_is_no_match(scenario_id, text):
    analysis = analysed(scenario_id, text)
    assert analysis.claims == () and analysis.refuted == ()


def test_the_same_keywords_still_match_as_whole_words_with_or_without_diacritics():
    assert analysed(SCHOOL, "Nhà trường ém thông tin suốt buổi chiều.").claims == ("cover-up",)
    assert analysed(FLOOD, "Tien cuu tro bi an chan.").claims == ("relief-embezzled",)
    assert keyword_spans(fold_aligned("Giá 30.000 đồng/m²"), "30.000") == [(4, 10)]


def test_every_labelled_statement_typed_without_diacritics_reads_the_same():
    for item in load_labelled() + load_labelled(HELDOUT):
        plain = analysed(item.scenario, fold(item.text).upper(), item.verified)
        assert plain.category == analysed_class(item), item.text


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_no_text_crashes_the_analysis(text):
    analysis = analysed(FLOOD, text)
    assert analysis.category in CLASSES and len(fold_aligned(text)) == len(text)
    assert set(analysis.unverified_facts) <= {f.id for f in drill(FLOOD).facts}


@pytest.mark.parametrize("text", ["", "   ", "İİİ ǅ ﬁ", "a\u0301" * 50, "\x00\n\t;;;", "Đ" * 20000, "không " * 3000])
def test_any_text_is_analysed_and_folding_keeps_every_offset(text):
    assert len(fold_aligned(text)) == len(text)
    analysis = analysed(WATER, text)
    assert analysis.category in CLASSES and 0 <= analysis.as_dict(drill(WATER))["quality"] <= 1
    assert fold("  Đường  DÂY   nóng ") == "duong day nong"


def test_the_longest_text_an_action_may_carry_is_analysed_quickly_even_when_built_to_be_slow():
    worst = ("Không nhiễm độc, yên tâm; " * 200)[:MAX_TEXT]
    started = time.process_time()
    analysis = analysed(WATER, worst)
    assert time.process_time() - started < 1.0
    assert analysis.refuted == ("toxic-water",) and analysis.unverified_facts == ("water-test",)


# --- denials ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario_id", "text", "claim"),
    [
        (FAKE, "Thông tin đồng chí Phó Chủ tịch bị bắt tạm giam là không đúng sự thật.", "arrested"),
        (SCHOOL, "Không có học sinh nào tử vong.", "deaths"),
        ("boi-thuong-giai-toa", "Chiều qua không ai bị hành hung.", "eviction-violence"),
    ],
)
def test_a_denial_that_names_the_claim_refutes_it(scenario_id, text, claim):
    verified = {f.id for f in drill(scenario_id).facts}
    analysis = analysed(scenario_id, text, verified)
    assert analysis.claims == () and analysis.refuted == (claim,) and analysis.category == "refute"


@pytest.mark.parametrize(
    ("scenario_id", "text", "claim"),
    [
        (SCHOOL, "Theo thông tin ban đầu có 2 học sinh tử vong.", "deaths"),
        (SCHOOL, "Chưa thể khẳng định có học sinh tử vong hay không.", "deaths"),
        (FAKE, "Chuyện nhận hối lộ 20 tỷ sẽ được làm rõ.", "bribe"),
        (WATER, "Nước máy không thể dùng vì nhiễm độc.", "toxic-water"),
        ("khieu-nai-di-doi-cho", "Công an có bắt giữ vài người nhưng không ai bị thương.", "traders-arrested"),
        (SCHOOL, "Bếp ăn nấu không đúng quy trình nên hơn 100 học sinh bị ngộ độc.", "mass-poisoning"),  # not a denial
        (FAKE, "Việc nhận hối lộ là sai phạm nghiêm trọng.", "bribe"),  # "là sai phạm" is not "là sai"
        (WATER, "Chúng tôi không biết nước có nhiễm độc không.", "toxic-water"),
    ],
)
def test_stating_hedging_or_leaving_a_claim_open_repeats_it(scenario_id, text, claim):
    verified = {f.id for f in drill(scenario_id).facts}
    assert analysed(scenario_id, text, verified).claims == (claim,)


def test_a_denial_before_its_grounding_fact_is_an_unverified_claim_until_the_fact_returns():
    text = "Nước máy không hề nhiễm độc."
    early = analysed(WATER, text)
    assert early.claims == () and early.refuted == ("toxic-water",) and early.unverified_facts == ("water-test",)
    assert early.unverified_claims[0]["kind"] == "denial" and early.category == "unverified"
    assert analysed(WATER, text, {"water-test"}).category == "refute"


# --- what is known: the brief, and safety assurances -------------------------------------------


def test_a_fact_told_in_the_brief_is_known_from_the_first_minute():
    assert drill(WATER).fact("pipe-flush").briefed
    analysis = analysed(WATER, "Nước đục do súc xả đường ống sau sự cố vỡ ống đêm qua.")
    assert analysis.facts == ("pipe-flush",) and analysis.unverified_facts == () and analysis.category == "neutral"


@pytest.mark.parametrize(
    ("scenario_id", "text", "grounds"),
    [
        (WATER, "Sở VHTTDL khẳng định nước máy an toàn.", "water-test"),
        (WATER, "Người dân yên tâm sử dụng nước máy.", "water-test"),
        (WATER, "Nước máy không ảnh hưởng đến sức khỏe.", "water-test"),
        (FLOOD, "Đập vẫn an toàn, bà con hạ du yên tâm.", "dam-safe"),
        (SCHOOL, "Bữa ăn bán trú hoàn toàn an toàn.", "lab-results"),
    ],
)
def test_a_safety_assurance_before_its_grounding_fact_is_verified_is_unverified(scenario_id, text, grounds):
    early = analysed(scenario_id, text)
    assert early.unverified_facts == (grounds,) and early.category == "unverified"
    (claim,) = early.unverified_claims
    assert claim["kind"] == "assurance" and claim["facts"] == [grounds] and claim["quote"] in text
    assert analysed(scenario_id, text, {grounds}).category == "neutral"


@pytest.mark.parametrize(
    ("scenario_id", "text"),
    [
        (FLOOD, "Người dân di chuyển đến nơi an toàn theo hướng dẫn của chính quyền."),
        (FLOOD, "Chúng tôi cam kết bảo đảm an toàn cho người dân."),
        (SCHOOL, "Đơn vị có giấy chứng nhận đủ điều kiện an toàn thực phẩm."),
        (WATER, "Chưa thể khẳng định nước máy an toàn; kết quả kiểm nghiệm sẽ có trong chiều nay."),
        (WATER, "Để người dân yên tâm, UBND tỉnh sẽ công bố kết quả kiểm nghiệm ngay khi có."),
    ],
)
def test_instructions_commitments_and_hedges_are_no_assurance(scenario_id, text):
    assert analysed(scenario_id, text).unverified_claims == ()


def test_every_builtin_fact_has_a_label_and_every_claim_a_grounding_fact():
    for scenario_id in builtin_ids():
        scenario = drill(scenario_id)
        assert all(f.label is not None and f.label.vi and f.label.en for f in scenario.facts), scenario_id
        assert all(c.refuted_by for c in scenario.false_claims), scenario_id


def test_a_refutation_grounded_on_an_unknown_fact_is_a_load_error():
    text = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        '    keywords: ["khí độc", "sơ tán"]\n', '    keywords: ["khí độc", "sơ tán"]\n    refuted_by: [air-nope]\n'
    )
    assert broken != text
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(broken, "drill.yaml")
    (issue,) = caught.value.issues
    assert issue.field == "false_claims[0].refuted_by[0]" and "unknown fact 'air-nope'" in english(issue.message)
    assert issue.line == broken.splitlines().index("    refuted_by: [air-nope]") + 1
    assert issue.message.text() == "sự thật 'air-nope' không có trong kịch bản"


# --- scoring ------------------------------------------------------------------------------------


def _ids(scenario_id: str) -> re.Pattern[str]:
    """Any fact or claim id quoted, or written bare where it cannot be an ordinary word (it has a hyphen)."""
    scenario = drill(scenario_id)
    ids = [f.id for f in scenario.facts] + [c.id for c in scenario.false_claims]
    hyphenated = [i for i in ids if "-" in i]
    return re.compile(
        r"'(?:" + "|".join(map(re.escape, ids)) + r")'|(?<![\w-])(?:" + "|".join(map(re.escape, hyphenated)) + r")(?![\w-])"
    )


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_verdicts_name_facts_and_claims_by_their_labels_never_their_ids(scenario_id):
    world, card = simulate(drill(scenario_id), read_action_file(str(play_paths(scenario_id)["unverified"])), seed=0)
    verdict = card.result("verified_facts_only")
    assert not verdict.passed and verdict.points == 0  # the play repeats the rumour
    for text in (verdict.explanation.vi, verdict.explanation.en):
        assert not _ids(scenario_id).search(text), text
    first = next(e for e in world.events if e["kind"] == "action" and "analysis" in e)
    label = drill(scenario_id).false_claims
    assert any(c.text.vi.rstrip(".") in verdict.explanation.vi for c in label if c.id in first["analysis"]["claims"])


def test_a_blanket_safety_claim_before_verification_is_no_strength():
    """Issue 13: 'Sở VHTTDL khẳng định nước máy an toàn', before any verification, got 15/15."""
    text = "Sở VHTTDL khẳng định nước máy an toàn, người dân yên tâm sử dụng."
    actions = [act(12, "info_department", "issue_statement", channel="social_media", form="portal_post", text=text)]
    _, card = simulate(drill(WATER), actions, seed=0)
    verdict = card.result("verified_facts_only")
    assert not verdict.passed and verdict.points < verdict.max_points
    assert "khẳng định an toàn" in verdict.explanation.vi and "Kết quả kiểm nghiệm 12 mẫu nước" in verdict.explanation.vi
    assert "safety assurance" in verdict.explanation.en and "water-test" not in str(verdict.explanation)


def test_one_unverified_statement_is_not_diluted_by_clean_ones_that_follow():
    scenario = drill(WATER)
    early = act(
        12,
        "spokesperson",
        "issue_statement",
        channel="portal",
        form="press_release",
        text="Các cơ sở y tế không tiếp nhận trường hợp nào liên quan đến nước máy.",
    )
    clean = [
        act(
            100 + 10 * n,
            "spokesperson",
            "issue_statement",
            channel="portal",
            form="press_release",
            text="Nước đục do súc xả đường ống; mọi thắc mắc xin gọi đường dây nóng 0239 3 822 000.",
        )
        for n in range(10)
    ]
    verify = act(11, "propaganda_board", "verify", agency="health_department", note="Đề nghị Sở Y tế xác minh.")
    alone = simulate(scenario, [verify, early], seed=0)[1].result("verified_facts_only")
    diluted = simulate(scenario, [verify, early, *clean], seed=0)[1].result("verified_facts_only")
    assert alone.points == diluted.points == alone.max_points / 2
    repeated = act(
        300,
        "spokesperson",
        "issue_statement",
        channel="portal",
        form="press_release",
        text="Một số người đã phải nhập viện vì nước máy.",
    )
    assert simulate(scenario, [verify, early, *clean, repeated], seed=0)[1].result("verified_facts_only").points == 0
