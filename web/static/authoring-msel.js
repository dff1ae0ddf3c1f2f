/* The drill editor's MSEL (Master Scenario Events List, docs/MSEL.md): download the drill as XLSX or CSV,
   upload a sheet to replace the injects.

   An upload is read onto the text being edited (its base); every row that could not be read is listed as
   "dòng N, cột 'X': …"; what could be read is loaded into the editor as the draft (a version only once
   saved), and the editor's previous text can be brought back with one click.
   AuthoringMsel.download(url, yaml, format, csrf) -> Promise of an error or null;
   AuthoringMsel.read(file) -> Promise of base64; AuthoringMsel.report(panel, body, undo). */
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

  /* What the upload did: the rows left out and why, the columns ignored, and a way back. */
  function report(panel, body, undo) {
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
    if (notes.length) panel.appendChild(el("details", null, el("summary", null, notes.length + " ghi chú / note(s)"), lines(notes, "msel-notes")));
    panel.appendChild(el("p", null, el("button", { type: "button", class: "secondary small", onclick: function () { undo(); panel.hidden = true; } },
      "Hoàn tác nhập bảng sự kiện ", el("small", null, "Undo the import"))));
  }

  window.AuthoringMsel = { download: download, read: read, report: report };
})();
