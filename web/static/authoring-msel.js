/* The drill editor's MSEL (Master Scenario Events List, docs/MSEL.md): download the drill as XLSX or CSV,
   upload a sheet to replace the injects.

   An upload is read onto the text being edited (its base); every row that could not be read is listed as
   "dòng N, cột 'X': …"; what could be read is loaded into the editor as the draft (a version only once
   saved), and the editor's previous text can be brought back with one click.
   AuthoringMsel.download(url, yaml, format, csrf) -> Promise of an error or null;
   The report also lists the values filled in by default (warnings) and how each column of the sheet was read,
   with a choice per column; "Đọc lại" reads the sheet again with the choices made (reread(mapping)).
   AuthoringMsel.read(file) -> Promise of base64; AuthoringMsel.report(panel, body, undo, reread). */
(function () {
  "use strict";
  var D = window.Drill, el = D.el;
  var MAX_FILE = 300 * 1024;

  function download(url, yaml, format, csrf) {
    return window.AuthoringNet.post(url, { yaml: yaml, format: format }, csrf, true).then(function (res) {
      if (!res.ok) return res.body.error || _("Không tải được bảng sự kiện.");
      var link = el("a", { href: URL.createObjectURL(res.body), download: res.name || "msel." + format });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      return null;
    });
  }

  function read(file) {
    return new Promise(function (resolve, reject) {
      if (file.size > MAX_FILE) { reject(_("Tệp quá lớn (tối đa 300 KiB).")); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).replace(/^data:[^,]*,/, "")); };
      reader.onerror = function () { reject(_("Không đọc được tệp.")); };
      reader.readAsDataURL(file);
    });
  }

  function lines(items, cls) {
    return el("ul", { class: cls }, items.map(function (p) {
      return el("li", null, D.vi(p));
    }));
  }

  /* How the sheet's header was read: one row per column of the file, a choice of what it holds. */
  function mapping(body, reread) {
    var keys = body.keys || [], selects = [];
    var rows = (body.columns || []).map(function (col) {
      var select = el("select", { "data-header": col.header, "aria-label": col.header },
        [el("option", { value: "" }, "— " + _("bỏ qua") + " —")].concat(keys.map(function (k) {
          return el("option", { value: k.key }, D.vi(k) + (k.derived ? " " + _("(không đọc)") : ""));
        })));
      select.value = col.key || "";
      selects.push(select);
      return el("tr", null, el("th", { scope: "row" }, col.header), el("td", null, select));
    });
    if (!rows.length) return null;
    return el("details", { class: "msel-mapping", open: (body.problems || []).length ? "open" : null },
      el("summary", null, _("Cách đọc các cột (%(count)s)", { count: rows.length })),
      el("table", null, el("thead", null, el("tr", null, el("th", null, _("Cột trong tệp")),
        el("th", null, _("Đọc là")))), el("tbody", null, rows)),
      el("p", null, el("button", { type: "button", class: "small", "data-msel-reread": "", onclick: function () {
        var chosen = {};
        selects.forEach(function (s) { chosen[s.getAttribute("data-header")] = s.value || null; });
        reread(chosen);
      } }, _("Đọc lại với cách đọc này"))));
  }

  /* What the upload did: the rows left out and why, the values filled in, how the columns were read, a way back. */
  function report(panel, body, undo, reread) {
    D.clear(panel);
    panel.hidden = false;
    var problems = body.problems || [], notes = body.notes || [];
    panel.appendChild(el("h2", null, _("Nhập bảng sự kiện")));
    panel.appendChild(problems.length
      ? el("p", { class: "ack ack-error", role: "alert" },
          _("Có %(count)s vấn đề; các dòng lỗi đã bị bỏ qua. Phần đọc được đã nạp vào trình soạn như bản nháp.", { count: problems.length }))
      : el("p", { class: "ack ack-ok", role: "status" }, _("Đã nạp các tin từ bảng sự kiện vào trình soạn như bản nháp; lưu để tạo phiên bản mới.")));
    if (problems.length) panel.appendChild(lines(problems, "msel-problems"));
    var warnings = body.warnings || [];
    if (warnings.length) panel.appendChild(el("details", { open: "open" }, el("summary", null,
      _("%(count)s cảnh báo: giá trị mặc định, cần xem lại", { count: warnings.length })), lines(warnings, "msel-warnings")));
    var columns = reread && mapping(body, reread);
    if (columns) panel.appendChild(columns);
    if (notes.length) panel.appendChild(el("details", null, el("summary", null, _("%(count)s ghi chú", { count: notes.length })), lines(notes, "msel-notes")));
    panel.appendChild(el("p", null, el("button", { type: "button", class: "secondary small", onclick: function () { undo(); panel.hidden = true; } },
      _("Hoàn tác nhập bảng sự kiện"))));
  }

  window.AuthoringMsel = { download: download, read: read, report: report };
})();
