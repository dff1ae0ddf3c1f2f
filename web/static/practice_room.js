/* The room in self-practice: the trainee's own clock (start, pause, resume, speed, end now), hints that
   cost points, and the score card at the end. Loaded after room.js, only in practice mode.

   Server (web/practice_room.py): POST control {command, args} -> {ok, state | error}; POST hint ->
   {ok, hints, used, cost, penalty}; GET card -> {ok, card, links} once the drill is over. JSON posts
   carry the CSRF token in X-CSRFToken. The room (room.js) runs the scenario clock on between messages;
   the state a control answers with sets it (`DrillRoom.anchor`), as a `status` message does.
   All data goes into the page as text (textContent): never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el, fmtT = D.fmtT, room = window.DrillRoom;
  var P = D.readJSON("practice-data");
  var CONFIRM_MS = 4000;  // "end now" asks for a second click within this time

  var cardShown = false;

  function $(id) { return document.getElementById(id); }

  function post(url, body) {
    return window.fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": P.csrf },
      body: JSON.stringify(body || {})
    }).then(answer);
  }

  function answer(response) {
    return response.json().catch(function () {
      return { ok: false, error: "Máy chủ trả lời không hợp lệ (" + response.status + "). / Bad answer from the server." };
    });
  }

  function say(kind, vi, en) {
    var box = $("pc-result");
    D.clear(box);
    if (!vi) return;
    box.appendChild(el("div", { class: "ack ack-" + kind, role: kind === "ok" ? "status" : "alert" }, vi,
      en ? el("small", { class: "en", lang: "en" }, " " + en) : null));
  }

  /* ---- the clock --------------------------------------------------------------------------- */

  function anchor(news) {
    room.anchor(news);
    room.refresh();
    showControls(room.state.status);
  }

  function showControls(status) {
    $("pc-start").hidden = status !== "ready";
    $("pc-pause").hidden = status !== "running";
    $("pc-resume").hidden = status !== "paused";
    $("pc-end").hidden = status === "ready" || status === "ended";
    $("pc-speed").disabled = status === "ended";
    var hint = $("pc-hint");
    if (hint) hint.disabled = status !== "running" && status !== "paused";
    if (status === "ended") {  // the bar's work is done: the score card takes its place
      $("practice-bar").hidden = true;
      showCard();
    }
  }

  function control(command, args, button) {
    if (button) button.disabled = true;
    post(P.urls.control, { command: command, args: args || {} }).then(function (ack) {
      if (button) button.disabled = false;
      if (!ack.ok) { say("error", ack.error || "?"); return; }
      say(null);
      $("pc-speed").value = String(ack.state.speed);
      anchor(ack.state);
    }, function () {
      if (button) button.disabled = false;
      say("error", "Không gửi được lệnh (mất kết nối?).", "Could not send (connection lost?).");
    });
  }

  ["pc-start", "pc-pause", "pc-resume"].forEach(function (id) {
    var button = $(id);
    button.addEventListener("click", function () { control(button.dataset.command, null, button); });
  });
  $("pc-speed").addEventListener("change", function (ev) {
    control("speed", { speed: parseInt(ev.target.value, 10) }, null);
  });

  var endButton = $("pc-end"), endArmed = null;
  var endLabel = Array.prototype.slice.call(endButton.childNodes);
  endButton.addEventListener("click", function () {
    if (endArmed === null) {  // first click: ask to confirm, without a dialog
      endButton.classList.add("armed");
      D.clear(endButton);
      endButton.appendChild(el("span", null, "Bấm lần nữa để kết thúc", el("small", { lang: "en" }, " Click again to end")));
      endArmed = window.setTimeout(disarm, CONFIRM_MS);
      return;
    }
    disarm();
    control("end", null, endButton);
  });
  function disarm() {
    window.clearTimeout(endArmed);
    endArmed = null;
    endButton.classList.remove("armed");
    D.clear(endButton);
    endLabel.forEach(function (node) { endButton.appendChild(node); });
  }

  /* ---- hints ----------------------------------------------------------------------------- */

  function itemLabel(id) {
    var item = room.state.items[id];
    if (!item) return id;
    var what = item.title || item.question || item.content;
    return fmtT(item.t) + " · " + D.preview(what ? what.vi : id, 80);
  }

  function hintCard(h) {
    var label = D.labelOf(D.ACTIONS, h.type);
    var params = h.params || {};
    var target = ["call", "post", "article", "item"].filter(function (p) { return typeof params[p] === "string"; })[0];
    var when = h.at > room.state.minute ? "Nên làm từ " + fmtT(h.at) : "Nên làm ngay";
    return el("li", { class: "hint-item" },
      el("strong", null, label.vi), label.en ? el("small", { class: "en", lang: "en" }, " " + label.en) : null,
      el("p", null, h.reason.vi), el("p", { class: "en", lang: "en" }, h.reason.en),
      target ? el("p", { class: "hint-target" }, D.vi(D.PARAMS[target], target) + ": " + itemLabel(params[target])) : null,
      el("p", { class: "hint-when" }, when + (typeof h.deadline === "number" ? " · hạn " + fmtT(h.deadline) : ""),
        el("small", { class: "en", lang: "en" }, typeof h.deadline === "number" ? " deadline " + fmtT(h.deadline) : "")),
      document.getElementById("action-" + h.type)
        ? el("button", { type: "button", class: "small secondary", onclick: function () { room.openForm(h.type, target, params[target]); } },
             "Mở biểu mẫu ", el("small", { lang: "en" }, "Open the form"))
        : null);
  }

  function showUsed(used, penalty) {
    $("pc-hint-used").textContent = used ? "Đã dùng " + used + " gợi ý (−" + penalty + " điểm) / " + used + " used (−" + penalty + ")" : "";
  }

  function askHint(button) {
    button.disabled = true;
    post(P.urls.hint, {}).then(function (ack) {
      button.disabled = false;
      if (!ack.ok) { say("error", ack.error || "?"); return; }
      say(null);
      showUsed(ack.used, ack.penalty);
      var box = $("pc-hints");
      D.clear(box);
      box.appendChild(el("h3", null, "Quy trình chờ vai của bạn ", el("small", { lang: "en" }, "What the procedure expects of you")));
      box.appendChild(ack.hints.length
        ? el("ol", { class: "hint-list" }, ack.hints.slice(0, 3).map(hintCard))
        : el("p", { class: "empty" }, "Lúc này quy trình chưa chờ vai của bạn làm gì. ",
             el("small", { class: "en", lang: "en" }, "Nothing is expected of your role right now.")));
      box.hidden = false;
    }, function () {
      button.disabled = false;
      say("error", "Không gửi được yêu cầu gợi ý.", "Could not ask for a hint.");
    });
  }

  if ($("pc-hint")) {
    showUsed(P.hints_used, P.hints_used * P.hint_cost);
    $("pc-hint").addEventListener("click", function (ev) { askHint(ev.currentTarget); });
  }

  /* ---- the end: the score card ------------------------------------------------------------- */

  function num(x) { return (Math.round(x * 10) / 10).toLocaleString("vi-VN"); }

  function figure(cls, vi, en, value) {
    return el("div", { class: "figure " + cls }, el("span", { class: "cap" }, vi, el("small", { lang: "en" }, " " + en)),
      el("span", { class: "val" }, value));
  }

  function failedRule(rule) {
    return el("li", null,
      el("div", { class: "rule-head" }, el("strong", null, rule.title.vi), " ",
        el("small", { class: "en", lang: "en" }, rule.title.en),
        el("span", { class: "pts" }, num(rule.points) + "/" + num(rule.max_points))),
      el("p", { class: "why" }, rule.explanation.vi),
      el("p", { class: "en", lang: "en" }, rule.explanation.en),
      el("p", { class: "source" }, "Căn cứ: " + rule.source.vi, el("small", { class: "en", lang: "en" }, " Source: " + rule.source.en)));
  }

  function renderCard(card, links) {
    var box = $("score-card");
    D.clear(box);
    box.appendChild(el("h2", null, "Kết quả tự luyện ", el("small", { lang: "en" }, "Your practice score")));
    box.appendChild(el("div", { class: "figures" },
      figure("main", "Điểm tự luyện", "Practice score", num(card.score)),
      figure("", "Điểm theo quy tắc", "Card total", num(card.total) + "/100"),
      figure("", "Điểm cộng (thực hành tốt)", "Bonus", "+" + num(card.bonus)),
      figure("", "Trừ do gợi ý", "Hint penalty",
             card.hints ? "−" + num(card.penalty) + " (" + card.hints + " × " + num(card.hint_cost) + ")" : "0")));
    if (card.complete === false) {
      box.appendChild(el("p", { class: "ack ack-error incomplete", id: "card-incomplete" },
        "Chưa hoàn thành: bạn kết thúc trước khi hết thời lượng buổi diễn tập, điểm này không tính vào lịch sử. ",
        el("small", { class: "en", lang: "en" }, "Incomplete: you ended before the drill's duration; this score is kept out of your history.")));
    }
    if (card.failed.length) {
      box.appendChild(el("h3", null, "Quy tắc chưa đạt ", el("small", { lang: "en" }, "Rules not met")));
      box.appendChild(el("ul", { class: "failed-rules" }, card.failed.map(failedRule)));
    } else {
      box.appendChild(el("p", { class: "all-passed" }, "Đạt mọi quy tắc pháp lý. ", el("small", { class: "en", lang: "en" }, "Every legal rule met.")));
    }
    if (card.not_due && card.not_due.length) {
      box.appendChild(el("h3", null, "Chưa đến hạn ", el("small", { lang: "en" }, "Not yet due (neither met nor failed)")));
      box.appendChild(el("ul", { class: "failed-rules not-due-rules" }, card.not_due.map(failedRule)));
    }
    box.appendChild(el("p", { class: "card-links" },
      el("a", { class: "button", href: links.review, id: "review-link" }, "Xem lại buổi luyện tập ", el("small", { lang: "en" }, "Review this attempt")),
      links.history
        ? el("a", { class: "button secondary", href: links.history }, "Lịch sử luyện tập ", el("small", { lang: "en" }, "History"))
        : el("a", { class: "button secondary", href: P.urls.signup }, "Đăng ký để lưu lịch sử ", el("small", { lang: "en" }, "Sign up to keep a history")),
      el("a", { class: "button secondary", href: links.index }, "Luyện tập tiếp ", el("small", { lang: "en" }, "Practise again"))));
    box.hidden = false;
    box.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function cardError(vi, en) {
    cardShown = false;
    var box = $("score-card");
    D.clear(box);
    box.appendChild(el("div", { class: "ack ack-error", role: "alert" }, vi, en ? el("small", { class: "en", lang: "en" }, " " + en) : null));
    box.hidden = false;
  }

  function showCard() {
    if (cardShown) return;
    cardShown = true;
    window.fetch(P.urls.card, { credentials: "same-origin" }).then(answer).then(function (ack) {
      if (ack.ok) renderCard(ack.card, ack.links);
      else cardError(ack.error || "?");
    }, function () { cardError("Không tải được bảng điểm; hãy tải lại trang.", "Could not load the score card; reload the page."); });
  }

  /* ---- start ---------------------------------------------------------------------------- */

  document.addEventListener("drill:status", function () { showControls(room.state.status); });
  showControls(room.state.status);
})();
