/* The page scripts' words in the page's language: `_("Đang kết nối…")`, `_("Cấp %(level)s", { level: 3 })`.
   The message id is the Vietnamese text (as in the templates and Python, web/i18n.py); `window.DrillTexts`, set
   by /texts/<locale>.js just before this script (web/script_texts.py), gives its English on an English page,
   nothing on a Vietnamese one.
   Loaded by every page (base.html) before its own scripts. */
(function () {
  "use strict";
  var texts = window.DrillTexts || {};
  window._ = function (text, values) {
    var said = Object.prototype.hasOwnProperty.call(texts, text) && texts[text] ? texts[text] : text;
    return values ? said.replace(/%\((\w+)\)s|%%/g, function (all, name) {  // as Python's: %(name)s, and %% for %
      if (all === "%%") return "%";
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    }) : said;
  };
})();
