"""The platform in a real browser (Debian Chromium, driven by Playwright), against the real server.

The instructor logs in and creates an exercise; two trainees in different roles join in their own
browser contexts; the instructor starts the drill; an inject reaches the right trainee's screen and
not the other's; the trainee acts; the instructor's console shows the action and the score moves.
And: what a trainee types reaches teammates as text, never as HTML; the spokesperson answers a
journalist in part, with the lawful ground for what is held back.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import ROSTER, SPEED, create_exercise, join, log_in, submit_action

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"


def _fail_on_dialog(page, dialogs: list):
    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)


def test_a_drill_in_the_browser_inject_to_the_right_role_action_on_the_console_and_the_score_moves(server, contexts):
    base = server.url
    console = contexts().new_page()
    log_in(console, base)
    code_a, code_b = create_exercise(console, base, ROSTER, SPEED)
    assert code_a != code_b
    team_a = console.locator(".team-card").first
    expect(team_a.locator("h2")).to_have_text("Đội Hòa Thạnh")
    expect(team_a.locator(".join-link")).to_have_text(f"{base}/join?code={code_a}")
    expect(team_a.locator(".members")).to_contain_text("Lê Thị Bình")

    info = join(contexts(), base, code_a, "Lê Thị Bình")  # info_department
    speaker = join(contexts(), base, code_a, "Nguyễn Văn An")  # spokesperson
    expect(info.locator("h1")).to_contain_text("Sở Văn hóa, Thể thao và Du lịch")
    expect(speaker.locator("h1")).to_contain_text("Người phát ngôn")
    expect(speaker.locator("#action-forms details.action")).not_to_have_count(0)
    expect(speaker.locator("#action-request_takedown")).to_have_count(0)  # not the spokesperson's act
    expect(info.locator("#action-request_takedown")).to_have_count(1)

    console.locator("#controls button[data-command=start]").click()
    expect(console.locator("#control-results")).to_contain_text("Đội Hòa Thạnh: Bắt đầu — đã thực hiện")
    expect(team_a.locator(".status-badge").first).to_contain_text("Đang diễn ra")

    # The first post (minute 10) is for the info department only.
    post = info.locator("#feed-social #item-post-video")
    expect(post).to_contain_text("Nước máy nhiễm độc", timeout=15_000)
    # The hotline call (minute 35) goes to both: once the spokesperson has it, the post would have come too.
    expect(speaker.locator("#feed-phone #item-hotline-residents")).to_be_visible(timeout=15_000)
    expect(speaker.locator("#item-post-video")).to_have_count(0)
    expect(speaker.locator("#feed-social .item")).to_have_count(0)

    # Pause, so that only the trainee's act moves the score.
    team_a.locator(".team-controls button[data-command=pause]").click()
    expect(team_a.locator(".status-badge").first).to_contain_text("Tạm dừng")
    score = team_a.locator(".score-val")
    expect(score).not_to_have_text("–")
    before = score.inner_text()

    submit_action(
        info,
        "report_up",
        {"to": "propaganda_board"},
        {"summary": "Báo cáo nhanh: tin đồn nước máy nhiễm độc lan trên mạng xã hội."},
    )
    expect(info.locator("#acks .ack-ok")).to_contain_text("Báo cáo xin ý kiến chỉ đạo")
    expect(info.locator("#team-log")).to_contain_text("Báo cáo xin ý kiến chỉ đạo")

    action = team_a.locator(".timeline li.k-action").filter(has_text="Báo cáo xin ý kiến chỉ đạo")
    expect(action).to_contain_text("Sở Văn hóa, Thể thao và Du lịch")
    expect(score).not_to_have_text(before)


def test_what_a_trainee_types_reaches_teammates_as_text_not_html(server, contexts):
    base = server.url
    console = contexts().new_page()
    log_in(console, base)
    code, _ = create_exercise(console, base, ROSTER, speed=1)
    speaker = join(contexts(), base, code, "Nguyễn Văn An")
    board = join(contexts(), base, code, "Trần Văn Cường")
    dialogs: list[str] = []
    for page in (console, speaker, board):
        _fail_on_dialog(page, dialogs)

    team = console.locator(".team-card").first
    team.locator(".team-controls button[data-command=start]").click()
    expect(team.locator(".status-badge").first).to_contain_text("Đang diễn ra")

    speaker.fill("#chat-text", f"Chú ý {XSS}")
    speaker.click("#chat-form button[type=submit]")
    expect(speaker.locator("#acks .ack-ok")).to_contain_text("Trao đổi nội bộ")

    message = board.locator("#chat-log .chat-text")
    expect(message).to_have_text(f"Chú ý {XSS}")
    expect(board.locator("#chat-log .chat-msg .who")).to_have_text("Người phát ngôn UBND tỉnh")
    assert board.locator("#chat-log img").count() == 0
    assert speaker.locator("#chat-log img").count() == 0
    shown = team.locator(".timeline li.k-action").filter(has_text=XSS)
    expect(shown).to_have_count(1)
    assert console.locator(".timeline img").count() == 0
    assert board.evaluate("document.querySelectorAll('img').length") == 0
    assert dialogs == []


def test_the_board_proposes_the_spokesperson_and_the_chair_assigns_in_the_room(server, contexts):
    """Decree 244/2026 Art. 3.5, 4.1: the board has a form to propose, none to assign; the head's decision shows."""
    base = server.url
    console = contexts().new_page()
    log_in(console, base)
    code, _ = create_exercise(console, base, ROSTER, SPEED)
    board = join(contexts(), base, code, "Trần Văn Cường")
    speaker = join(contexts(), base, code, "Nguyễn Văn An")
    expect(board.locator("#action-propose_spokesperson")).to_have_count(1)
    for page in (board, speaker):  # only the head of the agency (the simulated chair here) assigns
        expect(page.locator("#action-assign_spokesperson")).to_have_count(0)
        expect(page.locator("#action-situation_report")).to_have_count(0)  # no operational command in this drill

    team = console.locator(".team-card").first
    team.locator(".team-controls button[data-command=start]").click()
    expect(team.locator(".status-badge").first).to_contain_text("Đang diễn ra")
    submit_action(board, "propose_spokesperson", {"speaker": "spokesperson"}, {"name": "Chánh Văn phòng UBND tỉnh"})
    expect(board.locator("#acks .ack-ok")).to_contain_text("Đề xuất người phát ngôn")
    decision = speaker.locator("#team-log li.log-reply").filter(has_text="Chủ tịch UBND tỉnh")
    expect(decision).to_contain_text("phân công Chánh Văn phòng UBND tỉnh", timeout=15_000)
    expect(board.locator("#team-log li.log-reply").filter(has_text="Chủ tịch UBND tỉnh")).to_have_count(1)
    board.screenshot(path="/tmp/speakers-board-room.png", full_page=True)
    speaker.screenshot(path="/tmp/speakers-spokesperson-room.png", full_page=True)


def test_the_spokesperson_answers_a_journalist_in_part_with_the_lawful_ground_for_what_is_held_back(server, contexts):
    """Issue 9: a partial answer (the facts, and a lawful ground for the part withheld) can be sent from the room."""
    base = server.url
    console = contexts().new_page()
    log_in(console, base)
    code, _ = create_exercise(console, base, ROSTER, SPEED)
    speaker = join(contexts(), base, code, "Nguyễn Văn An")
    team = console.locator(".team-card").first
    team.locator(".team-controls button[data-command=start]").click()
    call = speaker.locator("#feed-phone #item-call-paper")
    expect(call).to_be_visible(timeout=20_000)
    team.locator(".team-controls button[data-command=pause]").click()
    expect(team.locator(".status-badge").first).to_contain_text("Tạm dừng")

    call.locator("button[data-action=answer_press]").click()
    form = speaker.locator("#action-answer_press form")
    expect(form.locator("select[name=call]")).to_have_value("call-paper")
    withheld = form.locator("select[name=withheld]")
    expect(withheld).to_be_hidden()
    form.locator("input[name=answer_mode][value=partial]").check()
    expect(withheld).to_be_visible()
    expect(form.locator("textarea[name=text]")).to_be_visible()
    expect(form.locator("select[name=refusal_reason]")).to_be_hidden()
    withheld.select_option("under_investigation")
    form.locator("button[type=submit]").click()  # the text is required: nothing is sent without it
    expect(speaker.locator("#acks .ack")).to_have_count(0)
    form.locator("textarea[name=text]").fill(
        "UBND tỉnh đã lấy mẫu nước tại nhà máy, kết quả các chỉ tiêu nhanh đạt quy chuẩn; "
        "nguyên nhân sự cố đang được cơ quan chức năng điều tra nên chưa thể công bố."
    )
    form.screenshot(path="/tmp/partial-answer-form.png")
    form.locator("button[type=submit]").click()
    expect(speaker.locator("#acks .ack-ok")).to_contain_text("Trả lời báo chí")
    entry = speaker.locator("#team-log li").filter(has_text="Lý do không cung cấp một phần")
    expect(entry).to_contain_text("Vụ việc đang điều tra hoặc chưa xét xử")
    expect(entry).to_contain_text("kết quả các chỉ tiêu nhanh đạt quy chuẩn")
    expect(call).to_contain_text("Đã trả lời")
    expect(team.locator(".timeline li.k-action").filter(has_text="Trả lời báo chí")).to_have_count(1)
    speaker.screenshot(path="/tmp/partial-answer-room.png", full_page=True)
