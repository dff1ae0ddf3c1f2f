/* The drill editor's form controls. Each control is bound to a path of the drill (see authoring-model.js)
   and sits in a wrapper whose `data-field` is that path, with an empty list for its errors: the editor puts
   each error of the loader next to the control its path names. Lists of checkboxes that depend on other
   parts of the drill (roles, false claims, levels) are "dependent" parts, rebuilt when an id changes
   without rebuilding the form (the control being typed in keeps its focus).

   AuthoringFields.make(ctx) -> builders; ctx = {data(), edit(mutate, how), readonly}, where `how` is
   undefined (a value changed), "deps" (an id changed) or "form" (the form must be rebuilt).
   All data goes into the page as text or values: never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, M = window.AuthoringModel, el = D.el;
  var LANGS = [["vi", D.L(_("Tiếng Việt"))], ["en", D.L(_("Tiếng Anh"))]];

  function display(value) {
    if (value === undefined || value === null) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function errorsList() { return el("ul", { class: "af-errors" }); }

  function make(ctx) {
    var uid = 0;
    var deps = [];
    var open = make.open || (make.open = {});  // item paths whose card is open; kept across rebuilds

    function wrap(path, label, control, opts) {
      opts = opts || {};
      control.id = control.id || "af-" + (++uid);
      return el("div", { class: "af" + (opts.cls ? " " + opts.cls : ""), "data-field": path },
        el("label", { for: control.id, class: "flabel" }, D.bi(label),
          opts.optional ? el("span", { class: "opt" }, " · " + _("không bắt buộc")) : null),
        control,
        opts.hint ? el("p", { class: "hint" }, opts.hint) : null,
        errorsList());
    }

    function bind(node, path, event, onValue) {
      node.setAttribute("data-path", path);
      node.setAttribute("data-focus", path);
      node.addEventListener(event, function () { onValue(node.value); });
      return node;
    }

    function textInput(path, onValue, opts) {
      opts = opts || {};
      var node = el("input", { type: "text", value: display(M.get(ctx.data(), path)), class: opts.mono ? "mono" : null,
                               inputmode: opts.numeric ? "decimal" : null, list: opts.list, placeholder: opts.placeholder,
                               spellcheck: opts.mono ? "false" : null, autocomplete: "off" });
      return bind(node, path, "input", onValue);
    }

    /* A text field; empty means the field is absent. */
    function text(label, path, opts) {
      opts = opts || {};
      var node = textInput(path, function (value) {
        ctx.edit(function (d) { M.setValue(d, path, opts.mono ? value.trim() : value); }, opts.how);
      }, opts);
      return wrap(path, label, node, opts);
    }

    /* A number; opts.describe(number) -> a hint that follows what is typed (e.g. minutes as hours). */
    function number(label, path, opts) {
      opts = Object.assign({ numeric: true }, opts || {});
      var live = opts.describe ? el("p", { class: "hint" }, opts.describe(M.get(ctx.data(), path))) : null;
      var node = textInput(path, function (value) {
        ctx.edit(function (d) { M.setValue(d, path, M.number(value)); }, opts.how);
        if (live) live.textContent = opts.describe(M.number(value));
      }, opts);
      var wrapper = wrap(path, label, node, opts);
      if (live) wrapper.insertBefore(live, node.nextSibling);
      return wrapper;
    }

    /* An id: the references to it follow as it is typed (an empty box changes nothing). */
    function id(label, path, kind, opts) {
      var previous = M.get(ctx.data(), path);
      var node = textInput(path, function (value) {
        value = value.trim();
        ctx.edit(function (d) {
          M.setValue(d, path, value);
          if (value && kind) { M.follow(d, kind, previous, value); previous = value; }
        }, "deps");
      }, Object.assign({ mono: true }, opts || {}));
      return wrap(path, label, node, opts);
    }

    /* options: [[value, label], ...]; a value the list does not know (typed in YAML) is shown too.
       opts.set(data, value) replaces the plain assignment (a channel brings its own fields). */
    function select(label, path, options, opts) {
      opts = opts || {};
      var value = M.get(ctx.data(), path);
      var node = el("select", null);
      if (opts.optional || value === undefined) node.appendChild(el("option", { value: "" }, opts.optional ? "—" : "— " + _("chọn") + " —"));
      options.forEach(function (o) {
        node.appendChild(el("option", { value: String(o[0]) }, o[1] && o[1].vi ? D.vi(o[1]) : String(o[1] || o[0])));
      });
      if (value !== undefined && !options.some(function (o) { return String(o[0]) === String(value); })) {
        node.appendChild(el("option", { value: display(value) }, display(value) + " (?)"));
      }
      node.value = display(value);
      bind(node, path, "change", function (v) {
        var typed = options.filter(function (o) { return String(o[0]) === v; })[0];
        var value = typed ? typed[0] : v;
        ctx.edit(function (d) { if (opts.set) opts.set(d, value); else M.setValue(d, path, value); }, opts.how);
      });
      return wrap(path, label, node, opts);
    }

    function area(path, value, rows, onValue) {
      var node = el("textarea", { rows: rows || 3 }, display(value));
      return bind(node, path, "input", onValue);
    }

    /* A {vi, en} text: Vietnamese required (unless the whole text is optional), English optional. */
    function localText(label, path, opts) {
      opts = opts || {};
      var group = el("div", { class: "af af-text" + (opts.cls ? " " + opts.cls : ""), "data-field": path },
        el("div", { class: "flabel" }, D.bi(label), opts.optional ? el("span", { class: "opt" }, " · " + _("không bắt buộc")) : null),
        errorsList());
      var pair = el("div", { class: "af-pair" });
      LANGS.forEach(function (lang) {
        var sub = path + "." + lang[0];
        var onValue = function (v) { ctx.edit(function (d) { M.setText(d, path, lang[0], v, opts.optional); }, opts.how); };
        var control = opts.area ? area(sub, M.get(ctx.data(), sub), opts.rows, onValue) : textInput(sub, onValue);
        control.setAttribute("lang", lang[0]);
        control.id = "af-" + (++uid);
        pair.appendChild(el("div", { class: "af af-lang", "data-field": sub },
          el("label", { for: control.id, class: "lang" }, D.vi(lang[1])), control, errorsList()));
      });
      group.appendChild(pair);
      return group;
    }

    /* A list of short texts, one a line (keywords, sources). */
    function lines(label, path, opts) {
      var value = M.get(ctx.data(), path);
      var node = area(path, Array.isArray(value) ? value.join("\n") : display(value), Math.max(2, Array.isArray(value) ? value.length : 2),
        function (v) {
          var items = v.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
          ctx.edit(function (d) { M.set(d, path, items); });
        });
      return wrap(path, label, node, Object.assign({ hint: _("mỗi dòng một mục") }, opts || {}));
    }

    /* A part rebuilt when ids change: render(container) fills it. */
    function dep(node, render) {
      deps.push({ node: node, render: render });
      render(node);
      return node;
    }

    function refresh() {
      deps.forEach(function (d) { D.clear(d.node); d.render(d.node); });
    }

    /* A yes/no field whose absence means no: ticked is true, unticked leaves the field out. */
    function flag(label, path, opts) {
      opts = opts || {};
      var box = el("input", { type: "checkbox", "data-path": path, "data-focus": path });
      box.checked = M.get(ctx.data(), path) === true;
      box.addEventListener("change", function () {
        ctx.edit(function (d) { if (box.checked) M.set(d, path, true); else M.unset(d, path); }, opts.how);
      });
      return el("div", { class: "af af-flag" + (opts.cls ? " " + opts.cls : ""), "data-field": path },
        el("label", { class: "check" }, box, " ", D.bi(label)),
        opts.hint ? el("p", { class: "hint" }, opts.hint) : null,
        errorsList());
    }

    /* Checkboxes over a list of ids; ids the drill does not know (typed in YAML) are shown checked, marked.
       opts.oneOrMany: the field may be one id or a list (incident.received_by): one chosen is written as
       the id, several as a list. */
    function checks(label, path, options, opts) {
      opts = opts || {};
      var group = el("div", { class: "af af-checks", "data-field": path, role: "group", "aria-label": D.vi(label) },
        el("div", { class: "flabel" }, D.bi(label)), null);
      var box = dep(el("div", { class: "checks-row" }), function (node) {
        var chosen = M.get(ctx.data(), path);
        chosen = Array.isArray(chosen) ? chosen : opts.oneOrMany && typeof chosen === "string" && chosen ? [chosen] : [];
        var known = options();
        var all = known.concat(chosen.filter(function (v) { return !known.some(function (o) { return o[0] === v; }); })
          .map(function (v) { return [v, null]; }));
        if (!all.length) node.appendChild(el("span", { class: "hint" }, opts.empty || "—"));
        all.forEach(function (o) {
          var box = el("input", { type: "checkbox", value: o[0], "data-focus": path + "=" + o[0] });
          box.checked = chosen.indexOf(o[0]) >= 0;
          box.addEventListener("change", function () {
            ctx.edit(function (d) {
              var current = M.get(d, path);
              if (opts.oneOrMany && typeof current === "string" && current) current = [current];
              current = Array.isArray(current) ? current.filter(function (v) { return v !== o[0]; }) : [];
              if (box.checked) current.push(o[0]);
              if (opts.oneOrMany && current.length === 1) M.set(d, path, current[0]);
              else if (current.length || !opts.dropEmpty) M.set(d, path, current); else M.unset(d, path);
            });
          });
          node.appendChild(el("label", { class: "check" + (o[1] === null ? " unknown" : "") }, box, " ",
            o[1] ? D.vi(o[1]) : o[0] + " " + _("(không có)"), o[1] ? el("code", null, o[0]) : null));
        });
      });
      group.appendChild(box);
      group.appendChild(errorsList());
      return group;
    }

    /* A card that opens and closes; its open state survives rebuilds of the form. */
    function card(path, summary, body) {
      var node = el("details", { class: "item-card", "data-field": path }, el("summary", null, summary), errorsList(), el("div", { class: "item-body" }, body));
      node.open = !!open[path];
      node.addEventListener("toggle", function () { if (node.open) open[path] = true; else delete open[path]; });
      return node;
    }

    function button(label, onClick, cls) {
      return el("button", { type: "button", class: "small " + (cls || "secondary"), onclick: onClick }, D.bi(label));
    }

    return { text: text, number: number, id: id, select: select, localText: localText, lines: lines, checks: checks, flag: flag,
             dep: dep, refresh: refresh, card: card, button: button, wrap: wrap, errorsList: errorsList, open: open };
  }

  /* After an item is inserted or removed at `index`, the open cards after it move with it. */
  function shiftOpen(open, key, index, delta) {
    var moved = {};
    Object.keys(open).forEach(function (path) {
      var m = new RegExp("^" + key + "\\[(\\d+)\\]$").exec(path);
      if (!m) { moved[path] = true; return; }
      var i = Number(m[1]);
      if (delta < 0 && i === index) return;
      moved[i >= index ? key + "[" + (i + delta) + "]" : path] = true;
    });
    Object.keys(open).forEach(function (path) { delete open[path]; });
    Object.assign(open, moved);
  }

  window.AuthoringFields = { make: make, shiftOpen: shiftOpen };
})();
