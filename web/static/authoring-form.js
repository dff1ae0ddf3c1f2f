/* The drill editor's form: one section per part of the drill, built from the drill's data.

   AuthoringForm.render(container, ctx, nav) rebuilds the form (and the section links in `nav`) from
   ctx.data(); ctx = {data(), edit(mutate, how), readonly, config}. Injects get a form per channel:
   a post its reach and false claims, a press call its question and response window; each is timed
   (`at`), conditional (`when`) or released by a level. Returns {refresh} to rebuild the dependent parts. */
(function () {
  "use strict";
  var D = window.Drill, M = window.AuthoringModel, F = window.AuthoringFields, el = D.el, L = D.L;

  var SECTIONS = [
    ["general", L(_("Thông tin chung"))], ["roles", L(_("Vai"))],
    ["levels", L(_("Cấp độ và ngưỡng"))], ["injects", L(_("Tin kịch bản"))],
    ["facts", L(_("Sự thật đã xác minh"))], ["false_claims", L(_("Tin sai"))],
    ["key_messages", L(_("Thông điệp chính"))], ["opinion", L(_("Dư luận và các bên"))],
    ["cast", L(_("Nhân vật"))]
  ];
  var RULE_SETS = [["vn-2026", L(_("vn-2026 — Nghị định 244/2026"))],
                   ["vn-2021", L(_("vn-2021 — quy định trước 7/2026"))]];
  var YES_NO = [[true, L(_("Có"))], [false, L(_("Không"))]];
  var PLAYED_BY = [["trainee", L(_("Học viên"))], ["simulation", L(_("Mô phỏng"))]];
  var CAST_KINDS = [["name", L(_("Họ tên"))], ["male_name", L(_("Họ tên nam"))],
                    ["female_name", L(_("Họ tên nữ"))], ["last_name", L(_("Họ"))]];
  var STANDARD_ROLES = ["spokesperson", "propaganda_board", "info_department", "standing_committee", "agency_head", "police"];
  var OPINION = [
    ["population", L(_("Dân số trên mạng")), L(_("người có thể thấy tin đồn"))],
    ["initial_seen", L(_("Đã thấy lúc đầu")), null],
    ["spread_rate", L(_("Tốc độ lan")), L(_("người xem mới mỗi người tin mỗi phút"))],
    ["belief_rate", L(_("Tỷ lệ tin tin đồn")), L(_("0–1: phần người xem mới tin tin đồn"))],
    ["initial_trust", L(_("Niềm tin ban đầu")), L(_("0–1"))],
    ["statement_effect", L(_("Hiệu quả phát ngôn")), L(_("0–1: phần người tin được thuyết phục lại"))],
    ["timeliness_half_life", L(_("Thời gian hiệu quả giảm một nửa (phút)")), null],
    ["silence_trust_loss", L(_("Mất niềm tin mỗi giờ im lặng")), L(_("0–1"))],
    ["takedown_damping", L(_("Giảm lan khi gỡ bài")), L(_("0–1"))],
    ["media_pressure_decay", L(_("Giảm sức ép báo chí mỗi giờ")), L(_("0–1"))],
    ["sample_every", L(_("Đo dư luận mỗi (phút)")), null]
  ];
  var ACTOR_DELAYS = [
    ["standing_committee", L(_("Thường trực Tỉnh ủy"))], ["police", L(_("Công an tỉnh"))],
    ["platform", L(_("Nền tảng mạng xã hội"))], ["outlet_correction", L(_("Báo cải chính"))],
    ["journalist_followup", L(_("Phóng viên hỏi lại"))]
  ];
  var TIMING = [["at", L(_("Theo giờ"))], ["when", L(_("Theo điều kiện"))],
                ["level", L(_("Chỉ khi lên cấp"))]];

  function hours(minutes) {
    if (typeof minutes !== "number" || !isFinite(minutes)) return "";
    return "= " + D.fmtMinutes(minutes) + " · " + D.fmtT(minutes);
  }

  function section(key, label, ctx, F_, body, actions) {
    return el("section", { class: "card au-section", id: "sec-" + key, "data-field": key === "general" || key === "opinion" ? null : key },
      el("h2", null, D.bi(label)), F_.errorsList(), body, actions ? el("div", { class: "au-add" }, actions) : null);
  }

  function removeButton(f, ctx, key, index) {
    return f.button(L(_("Xóa")), function () {
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
        el("p", { class: "hint" }, _("Mục %(number)s không phải một nhóm trường: sửa trong thẻ YAML.", { number: i + 1 })),
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
      f.checks(L(_("Cơ quan nhận thông tin qua tin")), "incident.received_by", injects, { oneOrMany: true }),
      el("p", { class: "hint" }, _("với vn-2026, hạn 24 giờ cung cấp thông tin ban đầu tính từ tin đến sớm nhất trong các tin đã chọn")));
    return el("div", { class: "grid-2" },
      f.id(L(_("Mã kịch bản")), "id", null,
        { hint: _("chữ thường không dấu, số, '-' và '_'") }),
      f.select(L(_("Loại khủng hoảng")), "crisis_type", cfg.crisis_types.map(function (c) { return [c.id, c]; })),
      f.localText(L(_("Tên kịch bản")), "title", { cls: "wide" }),
      f.localText(L(_("Tóm tắt tình huống")), "brief", { cls: "wide", area: true, rows: 5 }),
      f.localText(L(_("Bối cảnh (nơi, thời gian)")), "setting", { cls: "wide", optional: true }),
      f.select(L(_("Cấp độ diễn tập")), "level", [1, 2, 3, 4, 5].map(function (n) { return [n, _("Cấp %(level)s", { level: n })]; }),
        { hint: _("phải là cấp cao nhất trong phần Cấp độ") }),
      f.select(L(_("Bộ quy tắc chấm")), "rule_set", RULE_SETS),
      f.number(L(_("Thời lượng (phút kịch bản)")), "duration", { describe: hours }),
      f.number(L(_("Sự cố xảy ra lúc (phút)")), "incident.occurred_at",
        { hint: _("số âm: trước khi diễn tập bắt đầu") }),
      received,
      f.flag(L(_("Vụ việc có nhiều luồng ý kiến trái chiều")), "incident.opinion_divided", { cls: "wide",
        hint: _("Điều 7.4 Nghị định 244/2026: 24 giờ tính từ khi cơ quan xác định được tác động") }),
      f.lines(L(_("Nguồn, văn bản căn cứ")), "sources", { cls: "wide", optional: true }));
  }

  function roles(f, ctx) {
    return items(f, ctx, "roles", function (role, i, p) {
      var summary = [el("span", { class: "tag" }, role.played_by === "simulation" ? _("mô phỏng") : _("học viên")), " ",
                     el("strong", null, D.vi(role.label, role.id || "?")), " ", el("code", null, role.id || "")];
      return f.card(p, summary, [
        el("div", { class: "grid-2" },
          f.id(L(_("Mã vai")), p + ".id", "roles", { list: "au-standard-roles" }),
          f.select(L(_("Ai đảm nhận")), p + ".played_by", PLAYED_BY, { optional: true })),
        f.localText(L(_("Tên vai")), p + ".label"),
        f.localText(L(_("Nhiệm vụ của vai")), p + ".brief", { area: true, rows: 4 }),
        el("div", { class: "grid-3" },
          f.select(L(_("Người phát ngôn thường xuyên")), p + ".regular_spokesperson", YES_NO,
            { optional: true, hint: _("“—”: mặc định là vai có mã spokesperson (Nghị định 244/2026 Điều 3.2.b)") }),
          f.select(L(_("Người đứng đầu cơ quan hành chính")), p + ".head_of_agency", YES_NO,
            { optional: true, hint: _("“—”: mặc định là vai có mã agency_head (Điều 3.2.a, 4.1)") }),
          f.flag(L(_("Cơ quan chỉ huy tác nghiệp")), p + ".operational",
            { hint: _("báo cáo tình hình của vai này không phải tiếng nói thứ hai") })),
        el("div", { class: "item-actions" }, removeButton(f, ctx, "roles", i))]);
    });
  }

  function variablesHelp(ctx) {
    return el("details", { class: "variables" },
      el("summary", null, _("Biến dùng trong điều kiện")),
      el("p", { class: "hint" }, _("Ví dụ:") + " ", el("code", null, "belief > 0.05 or media_pressure >= 0.6"), " · ",
        el("code", null, "statements == 0 and minute >= 240")),
      el("dl", { class: "vars" }, ctx.config.variables.map(function (v) {
        return [el("dt", null, el("code", null, v.name)), el("dd", null, D.vi(v))];
      })));
  }

  function levels(f, ctx) {
    var start = M.startLevel(ctx.data());
    return [variablesHelp(ctx)].concat(items(f, ctx, "levels", function (level, i, p) {
      var releases = f.dep(el("div", { class: "af", "data-field": p + ".releases" }), function (node) {
        var ids = M.get(ctx.data(), p + ".releases");
        node.appendChild(el("div", { class: "flabel" }, _("Tin phát hành khi lên cấp")));
        node.appendChild(el("div", { class: "chips" }, Array.isArray(ids) && ids.length ? ids.map(function (id) {
          return el("span", { class: "chip" }, String(id));
        }) : el("span", { class: "hint" }, "— (" + _("chọn trong thẻ của từng tin") + ")")));
        node.appendChild(f.errorsList());
      });
      return el("div", { class: "row-card", "data-field": p }, f.errorsList(),
        el("div", { class: "grid-3" },
          f.number(L(_("Cấp")), p + ".level", { how: "deps" }),
          f.localText(L(_("Tên cấp")), p + ".name", { cls: "span-2" })),
        level.level === start && !level.escalate_when
          ? el("p", { class: "hint" }, _("Cấp khởi đầu: không có điều kiện leo thang."))
          : f.text(L(_("Leo thang khi")), p + ".escalate_when", { mono: true, cls: "condition",
              hint: _("điều kiện trên các biến ở trên") }),
        releases,
        el("div", { class: "item-actions" }, removeButton(f, ctx, "levels", i)));
    }));
  }

  function injectSummary(ctx, inject) {
    var mode = M.timing(ctx.data(), inject);
    var when = mode === "at" ? D.fmtT(inject.at) : mode === "when" ? _("điều kiện") : _("cấp %(level)s", { level: M.levelsReleasing(ctx.data(), inject.id).join(", ") });
    return [el("span", { class: "t" }, when), " ",
            el("span", { class: "ch-chip ch-" + inject.channel }, D.vi(D.labelOf(D.INJECT_CHANNELS, inject.channel))), " ",
            el("code", null, inject.id || "?"), " ",
            el("span", { class: "preview" }, D.preview(D.vi(inject.title) || D.vi(inject.content), 70)),
            el("span", { class: "err-count" })];
  }

  function timing(f, ctx, inject, i, p) {
    var mode = M.timing(ctx.data(), inject);
    var name = "timing-" + i;
    var radios = el("div", { class: "radios", role: "radiogroup", "aria-label": _("Thời điểm phát") },
      TIMING.map(function (t) {
        var radio = el("input", { type: "radio", name: name, value: t[0], "data-focus": p + "#timing=" + t[0] });
        radio.checked = mode === t[0];
        radio.addEventListener("change", function () { ctx.edit(function (d) { M.setTiming(d, i, t[0]); }, "form"); });
        return el("label", { class: "check" }, radio, " ", D.bi(t[1]));
      }));
    var start = M.startLevel(ctx.data());
    var levelOptions = function () {
      return M.list(ctx.data(), "levels").filter(function (lv) { return lv && lv.level !== start; })
        .map(function (lv) { return [lv.level, L(_("Cấp %(level)s", { level: lv.level }) + (lv.name ? " – " + D.levelName(lv.name) : ""), null)]; });
    };
    var released = f.dep(el("div", { class: "af-slot" }), function (node) {
      var group = el("div", { class: "af af-checks" }, el("div", { class: "flabel" }, _("Phát hành khi lên cấp")));
      var row = el("div", { class: "checks-row" });
      var on = M.levelsReleasing(ctx.data(), ctx.data().injects[i].id);
      var options = levelOptions();
      if (!options.length) row.appendChild(el("span", { class: "hint" }, "— " + _("chưa có cấp nào ngoài cấp khởi đầu")));
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
      fields.appendChild(f.number(L(_("Phút phát")), p + ".at", { describe: hours }));
    }
    if (inject.when !== undefined) {
      fields.appendChild(f.text(L(_("Phát khi")), p + ".when", { mono: true, cls: "condition span-2",
        hint: _("ví dụ:") + " seen > 20000" }));
    }
    if (mode !== "at" || M.levelsReleasing(ctx.data(), inject.id).length) {
      fields.appendChild(f.number(L(_("Trễ (phút)")), p + ".delay", { optional: true,
        hint: _("sau khi điều kiện đúng hoặc lên cấp") }));
    }
    return el("div", { class: "timing" }, el("div", { class: "flabel" }, _("Thời điểm phát")),
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
          f.id(L(_("Mã tin")), p + ".id", "injects"),
          f.select(L(_("Kênh")), p + ".channel", channels,
            { how: "form", set: function (d, channel) { M.setChannel(d.injects[i], channel); } })),
        timing(f, ctx, inject, i, p),
        f.localText(L(_("Người gửi, nguồn tin")), p + ".sender"),
        f.checks(L(_("Gửi tới vai")), p + ".to", roleOptions),
        f.localText(L(_("Tiêu đề")), p + ".title", { optional: true }),
        f.localText(L(_("Nội dung")), p + ".content", { area: true, rows: 4 })];
      if (channel === "press_call" || inject.question !== undefined) {
        body.push(el("div", { class: "channel-box ch-" + channel },
          f.localText(L(_("Câu hỏi của phóng viên")), p + ".question", { area: true, rows: 2 }),
          f.number(L(_("Thời hạn trả lời (phút)")), p + ".response_window",
            { hint: _("thời hạn phóng viên đề nghị; quá hạn, báo đăng bài không có trả lời") })));
      }
      if (M.REACH_SHOWN.indexOf(channel) >= 0 || inject.reach !== undefined) {
        body.push(f.number(L(_("Lượt tiếp cận")), p + ".reach", {
          optional: channel !== "social_post" && channel !== "press_article", hint: _("số người bài đăng, bài báo tiếp cận") }));
      }
      body.push(f.checks(L(_("Tin sai mà tin này lan truyền")), p + ".claims", claimOptions,
        { dropEmpty: true, empty: "— " + _("chưa có tin sai nào (xem phần Tin sai)") }));
      body.push(el("div", { class: "item-actions" },
        f.button(L(_("Nhân bản")), function () {
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
    var choose = el("select", { "aria-label": _("Kênh của tin mới") },
      Object.keys(D.INJECT_CHANNELS).map(function (c) { return el("option", { value: c }, D.vi(D.INJECT_CHANNELS[c])); }));
    return [choose, f.button(L(_("Thêm tin")), function () {
      ctx.edit(function (d) { f.open["injects[" + M.addItem(d, "injects", choose.value) + "]"] = true; }, "form");
    })];
  }

  function facts(f, ctx) {
    return items(f, ctx, "facts", function (fact, i, p) {
      return f.card(p, [el("code", null, fact.id || "?"), " ", el("span", { class: "preview" }, D.preview(D.vi(fact.statement), 80))], [
        el("div", { class: "grid-3" },
          f.id(L(_("Mã")), p + ".id", "facts"),
          f.text(L(_("Cơ quan xác nhận")), p + ".source", { mono: true, list: "au-agencies" }),
          f.number(L(_("Trả lời sau (phút)")), p + ".delay")),
        f.localText(L(_("Tên ngắn")), p + ".label", { optional: true, how: "deps" }),
        f.localText(L(_("Nội dung đã xác minh")), p + ".statement", { area: true, rows: 3 }),
        el("div", { class: "grid-2" },
          f.flag(L(_("Đã có trong tóm tắt tình huống")), p + ".briefed",
            { hint: _("học viên biết từ đầu, không cần xác minh") }),
          f.flag(L(_("Làm căn cứ cho khẳng định an toàn")), p + ".assures",
            { hint: _("khẳng định “an toàn” trước khi xác minh sự thật này là chưa được kiểm chứng") })),
        f.lines(L(_("Từ khóa cho thấy phát ngôn dùng sự thật này")), p + ".keywords"),
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
          f.localText(L(_("Nội dung")), p + ".text", { cls: "span-2", area: true, rows: 2 })),
        f.lines(L(_("Từ khóa")), p + ".keywords"),
        key === "false_claims" ? f.checks(L(_("Sự thật làm căn cứ bác bỏ tin sai này")), p + ".refuted_by",
          factOptions, { dropEmpty: true, empty: "— " + _("chưa có sự thật nào") }) : null,
        el("div", { class: "item-actions" }, removeButton(f, ctx, key, i)));
    });
  }

  function opinion(f) {
    return [
      el("h3", null, _("Mô hình dư luận")),
      el("div", { class: "grid-4", "data-field": "opinion" }, OPINION.map(function (o) {
        return f.number(o[1], "opinion." + o[0], { hint: o[2] ? D.vi(o[2]) : null });
      }), f.errorsList()),
      el("h3", null, _("Độ trễ của các bên do mô phỏng đảm nhận (phút)")),
      el("div", { class: "grid-4", "data-field": "actors" }, ACTOR_DELAYS.map(function (a) {
        return f.number(a[1], "actors." + a[0], { optional: true });
      }), f.errorsList())];
  }

  function cast(f, ctx) {
    var data = ctx.data();
    var members = data.cast && typeof data.cast === "object" && !Array.isArray(data.cast) ? data.cast : {};
    return [el("p", { class: "hint" }, _("Nhắc tới trong nội dung tin bằng {mã}, ví dụ {reporter}; họ tên sinh ngẫu nhiên theo seed."))].concat(
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
            f.wrap(p + "#key", L(_("Mã nhân vật")), keyInput),
            f.select(L(_("Kiểu tên")), p + ".kind", CAST_KINDS, { optional: true }),
            f.localText(L(_("Chức danh")), p + ".title", { optional: true })),
          el("div", { class: "item-actions" }, f.button(L(_("Xóa")), function () {
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
      roles: [roles(f, ctx), [addButton(f, ctx, "roles", L(_("Thêm vai")))]],
      levels: [levels(f, ctx), [addButton(f, ctx, "levels", L(_("Thêm cấp")))]],
      injects: [injects(f, ctx), addInject(f, ctx)],
      facts: [facts(f, ctx), [addButton(f, ctx, "facts", L(_("Thêm sự thật")))]],
      false_claims: [texts(f, ctx, "false_claims", L(_("Mã tin sai"))), [addButton(f, ctx, "false_claims", L(_("Thêm tin sai")))]],
      key_messages: [texts(f, ctx, "key_messages", L(_("Mã thông điệp"))), [addButton(f, ctx, "key_messages", L(_("Thêm thông điệp")))]],
      opinion: [opinion(f)],
      cast: [cast(f, ctx), [f.button(L(_("Thêm nhân vật")), function () { ctx.edit(function (d) { M.addCast(d); }, "form"); })]]
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
