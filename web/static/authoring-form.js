/* The drill editor's form: one section per part of the drill, built from the drill's data.

   AuthoringForm.render(container, ctx, nav) rebuilds the form (and the section links in `nav`) from
   ctx.data(); ctx = {data(), edit(mutate, how), readonly, config}. Injects get a form per channel:
   a post its reach and false claims, a press call its question and response window; each is timed
   (`at`), conditional (`when`) or released by a level. Returns {refresh} to rebuild the dependent parts. */
(function () {
  "use strict";
  var D = window.Drill, M = window.AuthoringModel, F = window.AuthoringFields, el = D.el, L = D.L;

  var SECTIONS = [
    ["general", L("Thông tin chung", "General")], ["roles", L("Vai", "Roles")],
    ["levels", L("Cấp độ và ngưỡng", "Levels and thresholds")], ["injects", L("Tin kịch bản", "Injects")],
    ["facts", L("Sự thật đã xác minh", "Verified facts")], ["false_claims", L("Tin sai", "False claims")],
    ["key_messages", L("Thông điệp chính", "Key messages")], ["opinion", L("Dư luận và các bên", "Opinion and actors")],
    ["cast", L("Nhân vật", "Cast")]
  ];
  var RULE_SETS = [["vn-2026", L("vn-2026 — Nghị định 244/2026", "vn-2026 — Decree 244/2026")],
                   ["vn-2021", L("vn-2021 — quy định trước 7/2026", "vn-2021 — rules before July 2026")]];
  var YES_NO = [[true, L("Có", "Yes")], [false, L("Không", "No")]];
  var PLAYED_BY = [["trainee", L("Học viên", "Trainee")], ["simulation", L("Mô phỏng", "Simulation")]];
  var CAST_KINDS = [["name", L("Họ tên", "Full name")], ["male_name", L("Họ tên nam", "Male name")],
                    ["female_name", L("Họ tên nữ", "Female name")], ["last_name", L("Họ", "Last name")]];
  var STANDARD_ROLES = ["spokesperson", "propaganda_board", "info_department", "standing_committee", "agency_head", "police"];
  var OPINION = [
    ["population", L("Dân số trên mạng", "Online population"), L("người có thể thấy tin đồn", "people the rumour can reach")],
    ["initial_seen", L("Đã thấy lúc đầu", "Seen at the start"), null],
    ["spread_rate", L("Tốc độ lan", "Spread rate"), L("người xem mới mỗi người tin mỗi phút", "new viewers per believer per minute")],
    ["belief_rate", L("Tỷ lệ tin tin đồn", "Belief rate"), L("0–1: phần người xem mới tin tin đồn", "0–1: share of new viewers who believe")],
    ["initial_trust", L("Niềm tin ban đầu", "Initial trust"), L("0–1", "0–1")],
    ["statement_effect", L("Hiệu quả phát ngôn", "Statement effect"), L("0–1: phần người tin được thuyết phục lại", "0–1: believers won back")],
    ["timeliness_half_life", L("Thời gian hiệu quả giảm một nửa (phút)", "Effect half-life (min)"), null],
    ["silence_trust_loss", L("Mất niềm tin mỗi giờ im lặng", "Trust lost per silent hour"), L("0–1", "0–1")],
    ["takedown_damping", L("Giảm lan khi gỡ bài", "Takedown damping"), L("0–1", "0–1")],
    ["media_pressure_decay", L("Giảm sức ép báo chí mỗi giờ", "Media pressure decay per hour"), L("0–1", "0–1")],
    ["sample_every", L("Đo dư luận mỗi (phút)", "Sample every (min)"), null]
  ];
  var ACTOR_DELAYS = [
    ["standing_committee", L("Thường trực Tỉnh ủy", "Standing members of the Party committee")], ["police", L("Công an tỉnh", "Police")],
    ["platform", L("Nền tảng mạng xã hội", "Platform")], ["outlet_correction", L("Báo cải chính", "Outlet correction")],
    ["journalist_followup", L("Phóng viên hỏi lại", "Journalist follow-up")]
  ];
  var TIMING = [["at", L("Theo giờ", "At a minute")], ["when", L("Theo điều kiện", "On a condition")],
                ["level", L("Chỉ khi lên cấp", "Only on escalation")]];

  function hours(minutes) {
    if (typeof minutes !== "number" || !isFinite(minutes)) return "";
    return "= " + D.fmtMinutes(minutes) + " · " + D.fmtT(minutes);
  }

  function section(key, label, ctx, F_, body, actions) {
    return el("section", { class: "card au-section", id: "sec-" + key, "data-field": key === "general" || key === "opinion" ? null : key },
      el("h2", null, D.bi(label)), F_.errorsList(), body, actions ? el("div", { class: "au-add" }, actions) : null);
  }

  function removeButton(f, ctx, key, index) {
    return f.button(L("Xóa", "Remove"), function () {
      ctx.edit(function (d) { M.removeItem(d, key, index); F.shiftOpen(f.open, key, index, -1); }, "form");
    }, "danger");
  }

  function addButton(f, ctx, key, label) {
    return f.button(label, function () {
      ctx.edit(function (d) { f.open[key + "[" + M.addItem(d, key) + "]"] = true; }, "form");
    });
  }

  /* The items of a list, each drawn by draw(item, index, path); an item that is not a mapping (typed in
     YAML) gets a placeholder that carries its errors. */
  function items(f, ctx, key, draw) {
    return M.list(ctx.data(), key).map(function (item, i) {
      var p = key + "[" + i + "]";
      if (item && typeof item === "object" && !Array.isArray(item)) return draw(item, i, p);
      return el("div", { class: "row-card", "data-field": p }, f.errorsList(),
        el("p", { class: "hint" }, "Mục " + (i + 1) + " không phải một nhóm trường: sửa trong thẻ YAML. ",
          el("small", { class: "en", lang: "en" }, "Item " + (i + 1) + " is not a mapping: fix it in the YAML tab.")),
        el("div", { class: "item-actions" }, removeButton(f, ctx, key, i)));
    });
  }

  /* ---- the sections ---------------------------------------------------------------------------- */

  function general(f, ctx) {
    var cfg = ctx.config;
    var injects = function () {
      return M.list(ctx.data(), "injects").filter(function (i) { return i && i.id; }).map(function (i) {
        return [i.id, L(D.preview(D.vi(i.title) || D.vi(i.content) || i.id, 50), null)];
      });
    };
    var received = el("div", { class: "wide" },
      f.checks(L("Cơ quan nhận thông tin qua tin", "Received through inject(s)"), "incident.received_by", injects, { oneOrMany: true }),
      el("p", { class: "hint" }, "với vn-2026, hạn 24 giờ cung cấp thông tin ban đầu tính từ tin đến sớm nhất trong các tin đã chọn · " +
        "under vn-2026 the 24 hours run from the first of them delivered"));
    return el("div", { class: "grid-2" },
      f.id(L("Mã kịch bản", "Drill id"), "id", null,
        { hint: "chữ thường không dấu, số, '-' và '_' · lower-case letters, digits, - and _" }),
      f.select(L("Loại khủng hoảng", "Crisis type"), "crisis_type", cfg.crisis_types.map(function (c) { return [c.id, c]; })),
      f.localText(L("Tên kịch bản", "Title"), "title", { cls: "wide" }),
      f.localText(L("Tóm tắt tình huống", "Brief"), "brief", { cls: "wide", area: true, rows: 5 }),
      f.localText(L("Bối cảnh (nơi, thời gian)", "Setting (place, time)"), "setting", { cls: "wide", optional: true }),
      f.select(L("Cấp độ diễn tập", "Drill level"), "level", [1, 2, 3, 4, 5].map(function (n) { return [n, "Cấp " + n + " / Level " + n]; }),
        { hint: "phải là cấp cao nhất trong phần Cấp độ · must be the highest of the levels" }),
      f.select(L("Bộ quy tắc chấm", "Rule set"), "rule_set", RULE_SETS),
      f.number(L("Thời lượng (phút kịch bản)", "Duration (scenario minutes)"), "duration", { describe: hours }),
      f.number(L("Sự cố xảy ra lúc (phút)", "Incident occurred at (minute)"), "incident.occurred_at",
        { hint: "số âm: trước khi diễn tập bắt đầu · negative: before the drill starts" }),
      received,
      f.flag(L("Vụ việc có nhiều luồng ý kiến trái chiều", "Public opinion is divided"), "incident.opinion_divided", { cls: "wide",
        hint: "Điều 7.4 Nghị định 244/2026: 24 giờ tính từ khi cơ quan xác định được tác động · Decree 244/2026 Art. 7.4: the 24 hours run from when the agency determined the impact" }),
      f.lines(L("Nguồn, văn bản căn cứ", "Sources"), "sources", { cls: "wide", optional: true }));
  }

  function roles(f, ctx) {
    return items(f, ctx, "roles", function (role, i, p) {
      var summary = [el("span", { class: "tag" }, role.played_by === "simulation" ? "mô phỏng" : "học viên"), " ",
                     el("strong", null, D.vi(role.label, role.id || "?")), " ", el("code", null, role.id || "")];
      return f.card(p, summary, [
        el("div", { class: "grid-2" },
          f.id(L("Mã vai", "Role id"), p + ".id", "roles", { list: "au-standard-roles" }),
          f.select(L("Ai đảm nhận", "Played by"), p + ".played_by", PLAYED_BY, { optional: true })),
        f.localText(L("Tên vai", "Label"), p + ".label"),
        f.localText(L("Nhiệm vụ của vai", "Brief"), p + ".brief", { area: true, rows: 4 }),
        el("div", { class: "grid-3" },
          f.select(L("Người phát ngôn thường xuyên", "Regular spokesperson"), p + ".regular_spokesperson", YES_NO,
            { optional: true, hint: "“—”: mặc định là vai có mã spokesperson (Nghị định 244/2026 Điều 3.2.b) · “—”: the role spokesperson by default" }),
          f.select(L("Người đứng đầu cơ quan hành chính", "Head of the agency"), p + ".head_of_agency", YES_NO,
            { optional: true, hint: "“—”: mặc định là vai có mã agency_head (Điều 3.2.a, 4.1) · “—”: the role agency_head by default" }),
          f.flag(L("Cơ quan chỉ huy tác nghiệp", "Operational command"), p + ".operational",
            { hint: "báo cáo tình hình của vai này không phải tiếng nói thứ hai · its situation reports are no second voice" })),
        el("div", { class: "item-actions" }, removeButton(f, ctx, "roles", i))]);
    });
  }

  function variablesHelp(ctx) {
    return el("details", { class: "variables" },
      el("summary", null, "Biến dùng trong điều kiện ", el("small", { class: "en", lang: "en" }, "Variables a condition may use")),
      el("p", { class: "hint" }, "Ví dụ / e.g. ", el("code", null, "belief > 0.05 or media_pressure >= 0.6"), " · ",
        el("code", null, "statements == 0 and minute >= 240")),
      el("dl", { class: "vars" }, ctx.config.variables.map(function (v) {
        return [el("dt", null, el("code", null, v.name)), el("dd", null, v.vi, el("small", { class: "en", lang: "en" }, " " + v.en))];
      })));
  }

  function levels(f, ctx) {
    var start = M.startLevel(ctx.data());
    return [variablesHelp(ctx)].concat(items(f, ctx, "levels", function (level, i, p) {
      var releases = f.dep(el("div", { class: "af", "data-field": p + ".releases" }), function (node) {
        var ids = M.get(ctx.data(), p + ".releases");
        node.appendChild(el("div", { class: "flabel" }, "Tin phát hành khi lên cấp ", el("small", { class: "en", lang: "en" }, "Released on reaching it")));
        node.appendChild(el("div", { class: "chips" }, Array.isArray(ids) && ids.length ? ids.map(function (id) {
          return el("span", { class: "chip" }, String(id));
        }) : el("span", { class: "hint" }, "— (chọn trong thẻ của từng tin / choose in each inject's card)")));
        node.appendChild(f.errorsList());
      });
      return el("div", { class: "row-card", "data-field": p }, f.errorsList(),
        el("div", { class: "grid-3" },
          f.number(L("Cấp", "Level"), p + ".level", { how: "deps" }),
          f.localText(L("Tên cấp", "Name"), p + ".name", { cls: "span-2" })),
        level.level === start && !level.escalate_when
          ? el("p", { class: "hint" }, "Cấp khởi đầu: không có điều kiện leo thang. / The starting level: no escalation condition.")
          : f.text(L("Leo thang khi", "Escalate when"), p + ".escalate_when", { mono: true, cls: "condition",
              hint: "điều kiện trên các biến ở trên · a condition over the variables above" }),
        releases,
        el("div", { class: "item-actions" }, removeButton(f, ctx, "levels", i)));
    }));
  }

  function injectSummary(ctx, inject) {
    var mode = M.timing(ctx.data(), inject);
    var when = mode === "at" ? D.fmtT(inject.at) : mode === "when" ? "điều kiện" : "cấp " + M.levelsReleasing(ctx.data(), inject.id).join(", ");
    return [el("span", { class: "t" }, when), " ",
            el("span", { class: "ch-chip ch-" + inject.channel }, D.vi(D.labelOf(D.INJECT_CHANNELS, inject.channel))), " ",
            el("code", null, inject.id || "?"), " ",
            el("span", { class: "preview" }, D.preview(D.vi(inject.title) || D.vi(inject.content), 70)),
            el("span", { class: "err-count" })];
  }

  function timing(f, ctx, inject, i, p) {
    var mode = M.timing(ctx.data(), inject);
    var name = "timing-" + i;
    var radios = el("div", { class: "radios", role: "radiogroup", "aria-label": "Thời điểm phát / When it is delivered" },
      TIMING.map(function (t) {
        var radio = el("input", { type: "radio", name: name, value: t[0], "data-focus": p + "#timing=" + t[0] });
        radio.checked = mode === t[0];
        radio.addEventListener("change", function () { ctx.edit(function (d) { M.setTiming(d, i, t[0]); }, "form"); });
        return el("label", { class: "check" }, radio, " ", D.bi(t[1]));
      }));
    var start = M.startLevel(ctx.data());
    var levelOptions = function () {
      return M.list(ctx.data(), "levels").filter(function (lv) { return lv && lv.level !== start; })
        .map(function (lv) { return [lv.level, L("Cấp " + lv.level + (lv.name ? " – " + D.levelName(lv.name) : ""), null)]; });
    };
    var released = f.dep(el("div", { class: "af-slot" }), function (node) {
      var group = el("div", { class: "af af-checks" }, el("div", { class: "flabel" }, "Phát hành khi lên cấp ",
        el("small", { class: "en", lang: "en" }, "Released on reaching level")));
      var row = el("div", { class: "checks-row" });
      var on = M.levelsReleasing(ctx.data(), ctx.data().injects[i].id);
      var options = levelOptions();
      if (!options.length) row.appendChild(el("span", { class: "hint" }, "— chưa có cấp nào ngoài cấp khởi đầu / no level above the start"));
      options.forEach(function (o) {
        var box = el("input", { type: "checkbox", value: String(o[0]), "data-focus": p + "#release=" + o[0] });
        box.checked = on.indexOf(o[0]) >= 0;
        box.addEventListener("change", function () {
          ctx.edit(function (d) {
            var index = d.levels.findIndex(function (lv) { return lv && lv.level === o[0]; });
            M.setReleased(d, index, d.injects[i].id, box.checked);
          }, "deps");
        });
        row.appendChild(el("label", { class: "check" }, box, " ", D.vi(o[1])));
      });
      group.appendChild(row);
      node.appendChild(group);
    });
    var fields = el("div", { class: "grid-3" });
    if (inject.at !== undefined) {
      fields.appendChild(f.number(L("Phút phát", "At minute"), p + ".at", { describe: hours }));
    }
    if (inject.when !== undefined) {
      fields.appendChild(f.text(L("Phát khi", "When"), p + ".when", { mono: true, cls: "condition span-2",
        hint: "ví dụ / e.g. seen > 20000" }));
    }
    if (mode !== "at" || M.levelsReleasing(ctx.data(), inject.id).length) {
      fields.appendChild(f.number(L("Trễ (phút)", "Delay (min)"), p + ".delay", { optional: true,
        hint: "sau khi điều kiện đúng hoặc lên cấp · after the condition holds or the level is reached" }));
    }
    return el("div", { class: "timing" }, el("div", { class: "flabel" }, "Thời điểm phát ", el("small", { class: "en", lang: "en" }, "When it is delivered")),
      radios, fields, released);
  }

  function injects(f, ctx) {
    var roleOptions = function () {
      return M.list(ctx.data(), "roles").filter(function (r) { return r && r.id; })
        .map(function (r) { return [r.id, L(D.vi(r.label, r.id), null)]; });
    };
    var claimOptions = function () {
      return M.list(ctx.data(), "false_claims").filter(function (c) { return c && c.id; })
        .map(function (c) { return [c.id, L(D.preview(D.vi(c.text, c.id), 60), null)]; });
    };
    var channels = Object.keys(D.INJECT_CHANNELS).map(function (c) { return [c, D.INJECT_CHANNELS[c]]; });
    return items(f, ctx, "injects", function (inject, i, p) {
      var channel = inject.channel;
      var body = [
        el("div", { class: "grid-2" },
          f.id(L("Mã tin", "Inject id"), p + ".id", "injects"),
          f.select(L("Kênh", "Channel"), p + ".channel", channels,
            { how: "form", set: function (d, channel) { M.setChannel(d.injects[i], channel); } })),
        timing(f, ctx, inject, i, p),
        f.localText(L("Người gửi, nguồn tin", "From (sender)"), p + ".sender"),
        f.checks(L("Gửi tới vai", "To roles"), p + ".to", roleOptions),
        f.localText(L("Tiêu đề", "Title"), p + ".title", { optional: true }),
        f.localText(L("Nội dung", "Content"), p + ".content", { area: true, rows: 4 })];
      if (channel === "press_call" || inject.question !== undefined) {
        body.push(el("div", { class: "channel-box ch-" + channel },
          f.localText(L("Câu hỏi của phóng viên", "The journalist's question"), p + ".question", { area: true, rows: 2 }),
          f.number(L("Thời hạn trả lời (phút)", "Response window (min)"), p + ".response_window",
            { hint: "thời hạn phóng viên đề nghị; quá hạn, báo đăng bài không có trả lời · the time the reporter asks for; past it the article runs without an answer" })));
      }
      if (M.REACH_SHOWN.indexOf(channel) >= 0 || inject.reach !== undefined) {
        body.push(f.number(L("Lượt tiếp cận", "Reach"), p + ".reach", {
          optional: channel !== "social_post" && channel !== "press_article", hint: "số người bài đăng, bài báo tiếp cận · people it reaches" }));
      }
      body.push(f.checks(L("Tin sai mà tin này lan truyền", "False claims it spreads"), p + ".claims", claimOptions,
        { dropEmpty: true, empty: "— chưa có tin sai nào (xem phần Tin sai) / no false claims yet" }));
      body.push(el("div", { class: "item-actions" },
        f.button(L("Nhân bản", "Duplicate"), function () {
          ctx.edit(function (d) { var at = M.duplicateInject(d, i); F.shiftOpen(f.open, "injects", at, 1); f.open["injects[" + at + "]"] = true; }, "form");
        }),
        removeButton(f, ctx, "injects", i)));
      var node = f.card(p, injectSummary(ctx, inject), body);
      node.classList.add("inject-card", "ch-" + channel);
      node.id = "inject-" + i;
      return node;
    });
  }

  function addInject(f, ctx) {
    var choose = el("select", { "aria-label": "Kênh của tin mới / Channel of the new inject" },
      Object.keys(D.INJECT_CHANNELS).map(function (c) { return el("option", { value: c }, D.vi(D.INJECT_CHANNELS[c]) + " / " + D.INJECT_CHANNELS[c].en); }));
    return [choose, f.button(L("Thêm tin", "Add inject"), function () {
      ctx.edit(function (d) { f.open["injects[" + M.addItem(d, "injects", choose.value) + "]"] = true; }, "form");
    })];
  }

  function facts(f, ctx) {
    return items(f, ctx, "facts", function (fact, i, p) {
      return f.card(p, [el("code", null, fact.id || "?"), " ", el("span", { class: "preview" }, D.preview(D.vi(fact.statement), 80))], [
        el("div", { class: "grid-3" },
          f.id(L("Mã", "Id"), p + ".id", "facts"),
          f.text(L("Cơ quan xác nhận", "Confirmed by"), p + ".source", { mono: true, list: "au-agencies" }),
          f.number(L("Trả lời sau (phút)", "Answers after (min)"), p + ".delay")),
        f.localText(L("Tên ngắn", "Short label"), p + ".label", { optional: true, how: "deps" }),
        f.localText(L("Nội dung đã xác minh", "Statement"), p + ".statement", { area: true, rows: 3 }),
        el("div", { class: "grid-2" },
          f.flag(L("Đã có trong tóm tắt tình huống", "Told in the brief"), p + ".briefed",
            { hint: "học viên biết từ đầu, không cần xác minh · known from the start, no verification needed" }),
          f.flag(L("Làm căn cứ cho khẳng định an toàn", "Grounds a safety assurance"), p + ".assures",
            { hint: "khẳng định “an toàn” trước khi xác minh sự thật này là chưa được kiểm chứng · an assurance before it is verified is unverified" })),
        f.lines(L("Từ khóa cho thấy phát ngôn dùng sự thật này", "Keywords that show a statement uses it"), p + ".keywords"),
        el("div", { class: "item-actions" }, removeButton(f, ctx, "facts", i))]);
    });
  }

  function texts(f, ctx, key, idLabel) {
    var factOptions = function () {
      return M.list(ctx.data(), "facts").filter(function (fact) { return fact && fact.id; })
        .map(function (fact) { return [fact.id, L(D.preview(D.vi(fact.label) || D.vi(fact.statement) || fact.id, 60), null)]; });
    };
    return items(f, ctx, key, function (item, i, p) {
      return el("div", { class: "row-card", "data-field": p }, f.errorsList(),
        el("div", { class: "grid-3" },
          f.id(idLabel, p + ".id", key === "false_claims" ? "false_claims" : null),
          f.localText(L("Nội dung", "Text"), p + ".text", { cls: "span-2", area: true, rows: 2 })),
        f.lines(L("Từ khóa", "Keywords"), p + ".keywords"),
        key === "false_claims" ? f.checks(L("Sự thật làm căn cứ bác bỏ tin sai này", "Facts that ground its denial"), p + ".refuted_by",
          factOptions, { dropEmpty: true, empty: "— chưa có sự thật nào / no facts yet" }) : null,
        el("div", { class: "item-actions" }, removeButton(f, ctx, key, i)));
    });
  }

  function opinion(f) {
    return [
      el("h3", null, "Mô hình dư luận ", el("small", { class: "en", lang: "en" }, "Opinion model")),
      el("div", { class: "grid-4", "data-field": "opinion" }, OPINION.map(function (o) {
        return f.number(o[1], "opinion." + o[0], { hint: o[2] ? D.vi(o[2]) + " · " + o[2].en : null });
      }), f.errorsList()),
      el("h3", null, "Độ trễ của các bên do mô phỏng đảm nhận (phút) ", el("small", { class: "en", lang: "en" }, "Actors' delays (min)")),
      el("div", { class: "grid-4", "data-field": "actors" }, ACTOR_DELAYS.map(function (a) {
        return f.number(a[1], "actors." + a[0], { optional: true });
      }), f.errorsList())];
  }

  function cast(f, ctx) {
    var data = ctx.data();
    var members = data.cast && typeof data.cast === "object" && !Array.isArray(data.cast) ? data.cast : {};
    return [el("p", { class: "hint" }, "Nhắc tới trong nội dung tin bằng {mã}, ví dụ {reporter}; họ tên sinh ngẫu nhiên theo seed. ",
      el("small", { class: "en", lang: "en" }, "Name them in texts as {id}; names come from the run's seed."))].concat(
      Object.keys(members).map(function (key) {
        var p = "cast." + key;
        var keyInput = el("input", { type: "text", value: key, class: "mono", spellcheck: "false", "data-focus": p + "#key", autocomplete: "off" });
        keyInput.addEventListener("change", function () {
          var to = keyInput.value.trim();
          if (to && to !== key && !(to in ctx.data().cast)) ctx.edit(function (d) { M.renameCast(d, key, to); }, "form");
          else keyInput.value = key;
        });
        return el("div", { class: "row-card", "data-field": p }, f.errorsList(),
          el("div", { class: "grid-3" },
            f.wrap(p + "#key", L("Mã nhân vật", "Id"), keyInput),
            f.select(L("Kiểu tên", "Kind of name"), p + ".kind", CAST_KINDS, { optional: true }),
            f.localText(L("Chức danh", "Title"), p + ".title", { optional: true })),
          el("div", { class: "item-actions" }, f.button(L("Xóa", "Remove"), function () {
            ctx.edit(function (d) { delete d.cast[key]; }, "form");
          }, "danger")));
      }));
  }

  /* ---- the form -------------------------------------------------------------------------------- */

  function datalists(ctx) {
    return [el("datalist", { id: "au-standard-roles" }, STANDARD_ROLES.map(function (r) { return el("option", { value: r }); })),
            el("datalist", { id: "au-agencies" }, ctx.config.agencies.map(function (a) { return el("option", { value: a }); }))];
  }

  function render(container, ctx, nav) {
    var f = F.make(ctx);
    var focus = document.activeElement && container.contains(document.activeElement) ? document.activeElement.getAttribute("data-focus") : null;
    var parts = {
      general: [general(f, ctx)],
      roles: [roles(f, ctx), [addButton(f, ctx, "roles", L("Thêm vai", "Add role"))]],
      levels: [levels(f, ctx), [addButton(f, ctx, "levels", L("Thêm cấp", "Add level"))]],
      injects: [injects(f, ctx), addInject(f, ctx)],
      facts: [facts(f, ctx), [addButton(f, ctx, "facts", L("Thêm sự thật", "Add fact"))]],
      false_claims: [texts(f, ctx, "false_claims", L("Mã tin sai", "Claim id")), [addButton(f, ctx, "false_claims", L("Thêm tin sai", "Add false claim"))]],
      key_messages: [texts(f, ctx, "key_messages", L("Mã thông điệp", "Message id")), [addButton(f, ctx, "key_messages", L("Thêm thông điệp", "Add key message"))]],
      opinion: [opinion(f)],
      cast: [cast(f, ctx), [f.button(L("Thêm nhân vật", "Add person"), function () { ctx.edit(function (d) { M.addCast(d); }, "form"); })]]
    };
    D.clear(container);
    container.appendChild(el("div", null, datalists(ctx)));
    SECTIONS.forEach(function (s) {
      container.appendChild(section(s[0], s[1], ctx, f, parts[s[0]][0], parts[s[0]][1]));
    });
    if (nav) {
      D.clear(nav);
      nav.appendChild(el("ol", null, SECTIONS.map(function (s) {
        return el("li", null, el("a", { href: "#sec-" + s[0], "data-section": s[0] }, D.vi(s[1]), el("span", { class: "err-count" })));
      })));
    }
    if (focus) {
      var again = container.querySelector('[data-focus="' + CSS.escape(focus) + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    return { refresh: f.refresh, summaries: function () { summaries(container, ctx); } };
  }

  /* The inject cards' summary lines follow the values typed (their error counts are kept). */
  function summaries(container, ctx) {
    M.list(ctx.data(), "injects").forEach(function (inject, i) {
      var card = container.querySelector("#inject-" + i + " > summary");
      if (!card || !inject) return;
      var count = card.querySelector(".err-count");
      var fresh = injectSummary(ctx, inject);
      D.clear(card);
      D.append(card, fresh);
      if (count) card.querySelector(".err-count").textContent = count.textContent;
    });
  }

  window.AuthoringForm = { render: render };
})();
