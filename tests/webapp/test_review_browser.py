"""The debrief pages in a real browser (Debian Chromium, driven by Playwright), against the real server.

The server's database is prepared before it starts: two exercises of the demo instructor whose teams played
reference plays of the water drill (one team leaves a press call unanswered and has an act refused), and a
course of both. The review page draws its chart and marks the missed deadline; the side-by-side and course
pages draw and count; the replay steps, scrubs and shows each seat only what its audience let it see.
Screenshots of every page are left in the test's temporary folder.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import LiveServer, log_in, new_context, page_errors, require_chromium
from review_helpers import prepare

pytestmark = pytest.mark.browser

# Counts the canvas's painted pixels and reads what Chart.js holds for it.
CHART_STATE = """id => {
  const canvas = document.getElementById(id);
  const chart = Chart.getChart(canvas);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
  return {painted, datasets: chart ? chart.data.datasets.map(d => d.label) : null,
          yMax: chart ? chart.options.scales.y.max : null};
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    workdir = tmp_path_factory.mktemp("review-browser")
    ids = prepare(workdir)
    live = LiveServer(workdir)
    live.ids, live.shots = ids, workdir
    yield live
    live.stop()


@pytest.fixture(scope="module")
def page(server, chromium):
    opened = new_context(chromium).new_page()
    errors = page_errors(opened)
    log_in(opened, server.url)
    yield opened
    assert not errors, errors


def test_the_review_page_draws_the_chart_and_marks_the_missed_deadline(server, page):
    page.goto(f"{server.url}/review/teams/{server.ids['team']}")
    expect(page.locator("h1")).to_contain_text("Đội Hòa Thạnh")
    chart = page.evaluate(CHART_STATE, "opinion-chart")
    assert chart["datasets"] and len(chart["datasets"]) == 4 and "Cấp độ khủng hoảng" in chart["datasets"]
    assert chart["painted"] > 5000  # lines, axes and labels, not a blank canvas
    missed = page.locator("#timeline li.k-deadline_missed.missed")
    expect(missed).to_have_count(1)
    expect(missed).to_contain_text("Không trả lời")
    expect(page.locator("#timeline li.k-refused")).to_contain_text("Nguyễn Văn An 1")
    page.screenshot(path=server.shots / "review.png", full_page=True)

    page.select_option("#filter-category", "deadline_missed")
    expect(page.locator("#timeline li[data-category]:visible")).to_have_count(1)
    page.select_option("#filter-category", "")
    page.select_option("#filter-role", "spokesperson")
    hidden = page.locator("#timeline li[data-category='inject'][hidden]").filter(has_text="Hóng biến Hòa Giang")
    expect(hidden.first).to_be_attached()  # the post only the info department saw

    evidence = page.locator("#rule-press_requests_answered .evidence a.jump").last
    target = evidence.get_attribute("href")[1:]
    evidence.click()
    expect(page.locator(f"#timeline #{target}")).to_be_visible()  # the filter that hid it is cleared
    expect(page.locator(f"#timeline #{target}")).to_have_class(re.compile(r"\bhighlight\b"))


def test_teams_side_by_side_and_the_course(server, page):
    page.goto(f"{server.url}/review/exercises/{server.ids['exercise']}")
    chart = page.evaluate(CHART_STATE, "overlay-chart")
    assert chart["datasets"] == ["Đội Hòa Thạnh", "Đội Phú Xuân", "Đội Tân An"] and chart["painted"] > 5000
    assert chart["yMax"] is None  # belief: scaled to the data
    page.select_option("#metric", "trust")
    assert page.evaluate(CHART_STATE, "overlay-chart")["yMax"] == 1
    expect(page.locator("#matrix tr[data-rule='one_focal_point'] td.cell.fail")).to_have_count(2)
    expect(page.locator(".exports a.export[data-format='json']")).to_be_visible()
    page.screenshot(path=server.shots / "side-by-side.png", full_page=True)

    page.goto(f"{server.url}/review/courses/{server.ids['course']}")
    expect(page.locator("h1")).to_contain_text("Lớp bồi dưỡng Q2/2026 – Người phát ngôn")
    expect(page.locator(".course-exercise")).to_have_count(2)
    expect(page.locator("#most-failed tbody tr").first).to_be_visible()
    page.screenshot(path=server.shots / "course.png", full_page=True)


def seat(page, role: str) -> None:
    page.locator(f"#roles input[value='{role}']").check()


def test_the_replay_steps_scrubs_and_shows_each_seat_what_it_saw(server, page):
    page.goto(f"{server.url}/review/teams/{server.ids['team']}/replay")
    data = page.evaluate("() => JSON.parse(document.getElementById('replay-data').textContent)")
    post = next(e["seq"] for e in data["events"] if e.get("inject") == "post-video")
    hotline = next(e["seq"] for e in data["events"] if e.get("inject") == "hotline-residents")
    expect(page.locator("#clock")).to_have_text("T+00:00")
    expect(page.locator("#current")).to_contain_text("Trước sự kiện đầu tiên")

    page.keyboard.press("ArrowRight")  # the instructor's seat: the first event, the post for the info department
    expect(page.locator("#clock")).to_have_text("T+00:10")
    expect(page.locator("#feed-media .item")).to_have_count(1)
    expect(page.locator("#feed-media")).to_contain_text("Nước máy nhiễm độc")
    page.keyboard.press("ArrowRight")  # the first opinion sample: only the instructor's seat shows it
    expect(page.locator("#panel-opinion")).to_be_visible()
    expect(page.locator("#opinion")).to_contain_text("tin tin đồn")

    seat(page, "spokesperson")
    expect(page.locator("#panel-opinion")).to_be_hidden()
    expect(page.locator("#feed-media .item")).to_have_count(0)  # the post went to the info department only
    seat(page, "info_department")
    expect(page.locator(f"#feed-media #r-{post}")).to_be_visible()

    page.locator("#scrub").fill(str(hotline))  # scrub to the hotline call (T+00:35), for both seats
    expect(page.locator("#clock")).to_have_text("T+00:35")
    expect(page.locator(f"#feed-inbox #r-{hotline}")).to_have_class(re.compile(r"\bnow\b"))
    seat(page, "spokesperson")
    expect(page.locator(f"#feed-inbox #r-{hotline}")).to_be_visible()
    expect(page.locator("#feed-media .item")).to_have_count(0)

    seen = set(data["visible"]["spokesperson"])
    for _ in range(3):  # the spokesperson's seat steps only through what the spokesperson saw
        page.locator("#next").click()
        position = int(page.locator("#scrub").input_value())
        assert position in seen and position > hotline
        expect(page.locator("#current")).not_to_have_class(re.compile("unseen"))
    page.keyboard.press("ArrowLeft")
    back = int(page.locator("#scrub").input_value())
    assert back in seen and back < position

    page.locator("#scrub").fill(str(data["events"][-1]["seq"]))  # the end: the newspaper's call was never answered
    expect(page.locator("#feed-inbox .countdown[data-call='missed']")).to_have_count(1)
    expect(page.locator("#feed-inbox .countdown[data-call='answered']")).to_have_count(1)
    expect(page.locator("#score")).to_have_text(f"{data['events'][-1]['score']:.1f}".replace(".", ",") + "/100")
    page.screenshot(path=server.shots / "replay.png", full_page=True)


def test_the_instructor_overrides_a_verdict_with_a_reason_and_sees_both_verdicts(server, page):
    page.goto(f"{server.url}/review/teams/{server.ids['team']}")
    rule = page.locator("#rule-press_requests_answered")
    expect(rule.locator(".verdict")).to_contain_text("Chưa đạt")
    before = page.locator("#total .score").inner_text()
    rule.locator("details.override-form summary").click()
    rule.locator("input[name=verdict][value=met]").check()
    rule.locator("textarea[name=reason]").fill("Báo Hòa Giang đã được trả lời qua điện thoại; có biên bản.")
    rule.locator("details.override-form form").first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    rule = page.locator("#rule-press_requests_answered")
    expect(rule.locator(".verdict")).to_contain_text("Giảng viên")
    expect(rule.locator(".verdict")).to_contain_text("Đạt")
    expect(rule.locator(".override")).to_contain_text("Kết luận tự động")
    expect(rule.locator(".override")).to_contain_text("Chưa đạt")
    expect(rule.locator(".override")).to_contain_text("Giảng viên demo")
    expect(rule.locator(".override .reason")).to_have_text("Báo Hòa Giang đã được trả lời qua điện thoại; có biên bản.")
    expect(page.locator("#overridden")).to_contain_text("Có kết luận điều chỉnh của giảng viên")
    assert page.locator("#total .score").inner_text() != before
    rule.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/review-override.png")
    rule.screenshot(path="/tmp/review-override-rule.png")
