/* The drill editor's dry-run panel: the report of `sim.dryrun.dry_run` on the current text.

   The warnings (Vietnamese, then English) come first; then each bot's score range over the seeds, its
   final and highest crisis levels, the rules it failed; then the three bots' opinion curves (share who
   believe the rumour, trust in the authorities) drawn with the vendored Chart.js.
   AuthoringDryRun.render(panel, report, ruleTitles); the editor adds the class "stale" to the panel when the
   drill changes afterwards. Text goes in as text, never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el, L = D.L;
  var BOTS = {
    exemplary: { label: L("Đội làm đúng quy trình", "Exemplary team"), color: "#2e7d32",
                 what: L("Làm đủ 4 bước, đúng hạn, một đầu mối.", "The four steps, on time, one focal point.") },
    silent: { label: L("Đội im lặng", "Silent team"), color: "#c62828",
              what: L("Không làm gì cả.", "Does nothing at all.") },
    off_focal_point: { label: L("Đội có hai đầu mối", "Two voices to the press"), color: "#d08a0b",
                       what: L("Như đội làm đúng, thêm một vai khác trả lời báo chí.", "Exemplary, plus a second role talking to the press.") }
  };
  var chart = null;

  function range(values) {
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    return lo === hi ? String(lo) : lo + "–" + hi;
  }

  function warnings(report) {
    if (!report.warnings.length) {
      return el("div", { class: "dr-ok", role: "status" }, "✓ Không có cảnh báo: kịch bản phân biệt rõ đội làm đúng với đội im lặng. ",
        el("small", { class: "en", lang: "en" }, "No warnings: the drill tells the exemplary team from the silent one."));
    }
    return el("div", { class: "dr-warnings", role: "alert" },
      el("h3", null, "⚠ " + report.warnings.length + " cảnh báo ", el("small", { class: "en", lang: "en" }, report.warnings.length + " warning(s)")),
      el("ul", null, report.warnings.map(function (w) {
        return el("li", { "data-code": w.code }, el("span", { class: "vi" }, w.vi), el("span", { class: "en", lang: "en" }, w.en));
      })));
  }

  function botCard(bot, rules) {
    var info = BOTS[bot.bot] || { label: L(bot.bot, bot.bot), color: "#5b6877", what: null };
    var finals = bot.runs.map(function (r) { return r.final_level; }), highs = bot.runs.map(function (r) { return r.max_level; });
    var card = el("article", { class: "dr-bot", "data-bot": bot.bot },
      el("h3", null, D.bi(info.label)),
      info.what ? el("p", { class: "hint" }, D.vi(info.what)) : null,
      el("p", { class: "dr-score" }, el("span", { class: "val" }, range([bot.min_total, bot.max_total])), el("span", { class: "of" }, " / 100 điểm")),
      el("dl", { class: "params" },
        el("dt", null, "Cấp cuối / Final level"), el("dd", null, range(finals)),
        el("dt", null, "Cấp cao nhất / Max level"), el("dd", null, range(highs)),
        el("dt", null, "Điểm cộng CERC / Bonus"), el("dd", null, range(bot.runs.map(function (r) { return r.bonus; })))),
      bot.failed_rules.length
        ? el("ul", { class: "failed" }, bot.failed_rules.map(function (rule) {
            return el("li", null, D.vi(rules[rule], rule), el("span", { class: "why" }, (rules[rule] && rules[rule].en ? rules[rule].en + " · " : "") + rule));
          }))
        : el("p", { class: "dr-none" }, "Không trượt quy tắc nào / No rule failed"));
    card.style.borderTopColor = info.color;  // through the CSSOM: the Content-Security-Policy refuses style attributes
    return card;
  }

  function curves(canvas, report) {
    if (chart) { chart.destroy(); chart = null; }
    if (typeof window.Chart !== "function") return;
    var datasets = [];
    report.bots.forEach(function (bot) {
      var info = BOTS[bot.bot] || { label: L(bot.bot, bot.bot), color: "#5b6877" };
      var points = function (key) { return bot.curve.map(function (p) { return { x: p.t / 60, y: p[key] * 100 }; }); };
      datasets.push({ label: D.vi(info.label) + " — tin tin đồn / belief", data: points("belief"), borderColor: info.color,
                      backgroundColor: info.color, borderWidth: 2, pointRadius: 0, tension: 0.15 });
      datasets.push({ label: D.vi(info.label) + " — niềm tin / trust", data: points("trust"), borderColor: info.color,
                      backgroundColor: info.color, borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, tension: 0.15 });
    });
    chart = new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: { type: "linear", title: { display: true, text: "Giờ kịch bản (seed " + report.seeds[0] + ") / Scenario hours" } },
          y: { min: 0, max: 100, title: { display: true, text: "% dân số / % of the population" } }
        },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 18, font: { size: 11 } } } }
      }
    });
  }

  function render(panel, report, rules) {
    D.clear(panel);
    panel.hidden = false;
    panel.classList.remove("stale");
    panel.appendChild(el("h2", null, "Kết quả chạy thử ", el("small", { class: "en", lang: "en" },
      "Dry run — 3 bots × seeds " + report.seeds.join(", "))));
    panel.appendChild(el("p", { class: "dr-stale ack ack-pending" }, "Kịch bản đã thay đổi sau lần chạy thử này: hãy chạy lại. ",
      el("small", { class: "en", lang: "en" }, "The drill changed since this dry run: run it again.")));
    panel.appendChild(warnings(report));
    panel.appendChild(el("div", { class: "dr-bots" }, report.bots.map(function (bot) { return botCard(bot, rules); })));
    var canvas = el("canvas", { "aria-label": "Đường dư luận của ba đội ảo / Opinion curves of the three bots", role: "img" });
    panel.appendChild(el("div", { class: "dr-chart" }, el("h3", null, "Dư luận theo thời gian ",
      el("small", { class: "en", lang: "en" }, "Opinion over time: belief (solid), trust (dashed)")), el("div", { class: "dr-canvas" }, canvas)));
    curves(canvas, report);
  }

  function pending(panel) {
    D.clear(panel);
    panel.hidden = false;
    panel.appendChild(el("p", { class: "hint", role: "status" }, "Đang chạy thử với ba đội ảo… ",
      el("small", { class: "en", lang: "en" }, "Running the three bots…")));
  }

  window.AuthoringDryRun = { render: render, pending: pending };
})();
