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
  var D = window.Drill, el = D.el, L = D.L;
  var MAX_FILE = 300 * 1024;

  function download(url, yaml, format, csrf) {
    return window.AuthoringNet.post(url, { yaml: yaml, format: format }, csrf, true).then(function (res) {
      if (!res.ok) return res.body.error || L("Không tải được bảng sự kiện.", "The MSEL could not be downloaded.");
      var link = el("a", { href: URL.createObjectURL(res.body), download: res.name || "msel." + format });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      return null;
    });
  }

  function read(file) {
    return new Promise(function (resolve, reject) {
      if (file.size > MAX_FILE) { reject(L("Tệp quá lớn (tối đa 300 KiB).", "The file is too large (300 KiB at most).")); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).replace(/^data:[^,]*,/, "")); };
      reader.onerror = function () { reject(L("Không đọc được tệp.", "The file could not be read.")); };
      reader.readAsDataURL(file);
    });
  }

  function lines(items, cls) {
    return el("ul", { class: cls }, items.map(function (p) {
      return el("li", null, el("span", { class: "vi" }, p.vi), el("span", { class: "en", lang: "en" }, p.en));
    }));
  }

  /* How the sheet's header was read: one row per column of the file, a choice of what it holds. */
  function mapping(body, reread) {
    var keys = body.keys || [], selects = [];
    var rows = (body.columns || []).map(function (col) {
      var select = el("select", { "data-header": col.header, "aria-label": col.header },
        [el("option", { value: "" }, "— bỏ qua / ignore —")].concat(keys.map(function (k) {
          return el("option", { value: k.key }, k.vi + " / " + k.en + (k.derived ? " (không đọc / not read)" : ""));
        })));
      select.value = col.key || "";
      selects.push(select);
      return el("tr", null, el("th", { scope: "row" }, col.header), el("td", null, select));
    });
    if (!rows.length) return null;
    return el("details", { class: "msel-mapping", open: (body.problems || []).length ? "open" : null },
      el("summary", null, "Cách đọc các cột (" + rows.length + ") ", el("small", { class: "en", lang: "en" }, "How the columns were read")),
      el("table", null, el("thead", null, el("tr", null, el("th", null, "Cột trong tệp ", el("small", null, "Column in the file")),
        el("th", null, "Đọc là ", el("small", null, "Read as")))), el("tbody", null, rows)),
      el("p", null, el("button", { type: "button", class: "small", "data-msel-reread": "", onclick: function () {
        var chosen = {};
        selects.forEach(function (s) { chosen[s.getAttribute("data-header")] = s.value || null; });
        reread(chosen);
      } }, "Đọc lại với cách đọc này ", el("small", null, "Read again with these columns"))));
  }

  /* What the upload did: the rows left out and why, the values filled in, how the columns were read, a way back. */
  function report(panel, body, undo, reread) {
    D.clear(panel);
    panel.hidden = false;
    var problems = body.problems || [], notes = body.notes || [];
    panel.appendChild(el("h2", null, "Nhập bảng sự kiện ", el("small", { class: "en", lang: "en" }, "MSEL import")));
    panel.appendChild(problems.length
      ? el("p", { class: "ack ack-error", role: "alert" }, "Có " + problems.length + " vấn đề; các dòng lỗi đã bị bỏ qua. Phần đọc được đã nạp vào trình soạn như bản nháp. ",
          el("small", { class: "en", lang: "en" }, problems.length + " problem(s); the rows in error were left out. What could be read is in the editor as a draft."))
      : el("p", { class: "ack ack-ok", role: "status" }, "Đã nạp các tin từ bảng sự kiện vào trình soạn như bản nháp; lưu để tạo phiên bản mới. ",
          el("small", { class: "en", lang: "en" }, "The sheet's injects are in the editor as a draft; save to make a new version.")));
    if (problems.length) panel.appendChild(lines(problems, "msel-problems"));
    var warnings = body.warnings || [];
    if (warnings.length) panel.appendChild(el("details", { open: "open" }, el("summary", null, warnings.length + " cảnh báo: giá trị mặc định, cần xem lại ",
      el("small", { class: "en", lang: "en" }, warnings.length + " warning(s): defaults to check")), lines(warnings, "msel-warnings")));
    var columns = reread && mapping(body, reread);
    if (columns) panel.appendChild(columns);
    if (notes.length) panel.appendChild(el("details", null, el("summary", null, notes.length + " ghi chú / note(s)"), lines(notes, "msel-notes")));
    panel.appendChild(el("p", null, el("button", { type: "button", class: "secondary small", onclick: function () { undo(); panel.hidden = true; } },
      "Hoàn tác nhập bảng sự kiện ", el("small", null, "Undo the import"))));
  }

  window.AuthoringMsel = { download: download, read: read, report: report };
})();
