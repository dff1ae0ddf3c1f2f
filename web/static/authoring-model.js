/* The drill editor's model: the drill as one JSON object (the scenario file's fields), edited by path.

   A path is what the loader names a field by: "injects[3].response_window", "levels[1].escalate_when",
   "cast.reporter.title.vi". This file reads and writes such paths, keeps references in step when an id
   changes or an item goes (levels' releases, the incident, injects' recipients and claims, the facts that
   refute a false claim), and makes the
   new items the form adds. No DOM here. */
(function () {
  "use strict";

  function parsePath(path) {
    var parts = [];
    String(path).replace(/([^.[\]]+)|\[(\d+)\]/g, function (_, name, index) {
      parts.push(index !== undefined ? Number(index) : name);
      return "";
    });
    return parts;
  }

  function pathOf(parts) {
    return parts.reduce(function (acc, part) {
      return typeof part === "number" ? acc + "[" + part + "]" : (acc ? acc + "." + part : String(part));
    }, "");
  }

  function get(obj, path) {
    var parts = typeof path === "string" ? parsePath(path) : path;
    for (var i = 0; i < parts.length; i++) {
      if (obj === null || typeof obj !== "object") return undefined;
      obj = obj[parts[i]];
    }
    return obj;
  }

  function set(obj, path, value) {
    var parts = typeof path === "string" ? parsePath(path) : path;
    for (var i = 0; i < parts.length - 1; i++) {
      if (obj[parts[i]] === null || typeof obj[parts[i]] !== "object") obj[parts[i]] = typeof parts[i + 1] === "number" ? [] : {};
      obj = obj[parts[i]];
    }
    obj[parts[parts.length - 1]] = value;
  }

  function unset(obj, path) {
    var parts = typeof path === "string" ? parsePath(path) : path;
    var parent = get(obj, parts.slice(0, -1));
    if (parent && typeof parent === "object" && !Array.isArray(parent)) delete parent[parts[parts.length - 1]];
  }

  function list(data, key) { return Array.isArray(data[key]) ? data[key] : []; }

  /* An empty value means "no such field": the loader then says what is missing, on that field's path. */
  function setValue(data, path, value) {
    if (value === "" || value === null || value === undefined) unset(data, path);
    else set(data, path, value);
  }

  /* A {vi, en} text. A required one keeps an empty `vi` (the loader reports it empty); an optional one with
     neither language goes away. */
  function setText(data, path, lang, value, optional) {
    var text = get(data, path);
    text = text && typeof text === "object" && !Array.isArray(text) ? text : {};
    if (value) text[lang] = value; else delete text[lang];
    if (!text.vi && !text.en && optional) { unset(data, path); return; }
    if (text.vi === undefined) text = Object.assign({ vi: "" }, text);
    set(data, path, text);
  }

  /* What the user typed in a number box: a number when it reads as one ("7,5" too), else the text as typed,
     so that the loader says it is not a number. */
  function number(text) {
    var s = String(text).trim();
    if (s === "") return "";
    var n = Number(s.replace(",", "."));
    return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(s) && isFinite(n) ? n : s;
  }

  /* ---- references -------------------------------------------------------------------------- */

  function replaceIn(array, from, to) {
    if (!Array.isArray(array)) return array;
    return array.reduce(function (out, item) {
      var next = item === from ? to : item;
      if (next !== null && out.indexOf(next) < 0) out.push(next);
      return out;
    }, []);
  }

  /* An inject, role, fact or false claim renamed (to = new id) or removed (to = null): follow it everywhere. */
  function follow(data, kind, from, to) {
    if (!from) return;
    if (kind === "injects") {
      list(data, "levels").forEach(function (level) {
        if (level && Array.isArray(level.releases)) level.releases = replaceIn(level.releases, from, to);
      });
      var incident = data.incident;
      if (incident && Array.isArray(incident.received_by)) incident.received_by = replaceIn(incident.received_by, from, to);
      else if (to && incident && incident.received_by === from) incident.received_by = to;
    } else if (kind === "facts") {
      list(data, "false_claims").forEach(function (claim) {
        if (claim && Array.isArray(claim.refuted_by)) claim.refuted_by = replaceIn(claim.refuted_by, from, to);
      });
    } else if (kind === "roles" || kind === "false_claims") {
      var key = kind === "roles" ? "to" : "claims";
      list(data, "injects").forEach(function (inject) {
        if (inject && Array.isArray(inject[key])) inject[key] = replaceIn(inject[key], from, to);
      });
    }
  }

  function ids(data, key) {
    return list(data, key).map(function (item) { return item && item.id; }).filter(Boolean);
  }

  function uniqueId(taken, base, separator) {
    for (var n = 1; ; n++) {
      var id = base + (separator || "-") + n;
      if (taken.indexOf(id) < 0) return id;
    }
  }

  /* ---- timing --------------------------------------------------------------------------------- */

  function levelsReleasing(data, injectId) {
    return list(data, "levels").filter(function (lv) {
      return lv && Array.isArray(lv.releases) && lv.releases.indexOf(injectId) >= 0;
    }).map(function (lv) { return lv.level; });
  }

  function startLevel(data) {
    var numbers = list(data, "levels").map(function (lv) { return lv && lv.level; }).filter(function (n) { return typeof n === "number"; });
    return numbers.length ? Math.min.apply(null, numbers) : 0;
  }

  function timing(data, inject) {
    if (inject.at !== undefined && inject.at !== null) return "at";
    if (inject.when !== undefined && inject.when !== null) return "when";
    return "level";
  }

  function lastAt(data) {
    var times = list(data, "injects").map(function (i) { return i && i.at; }).filter(function (t) { return typeof t === "number"; });
    var duration = typeof data.duration === "number" ? data.duration : 720;
    return Math.min(duration, times.length ? Math.max.apply(null, times) + 30 : 60);
  }

  function setTiming(data, index, mode) {
    var inject = data.injects[index];
    var previous = typeof inject.at === "number" ? inject.at : lastAt(data);
    delete inject.at;
    delete inject.when;
    if (mode === "at") inject.at = previous;
    else if (mode === "when") inject.when = "seen > 10000";
    else if (!levelsReleasing(data, inject.id).length) {
      var top = list(data, "levels").reduce(function (best, lv) { return lv && (!best || lv.level > best.level) ? lv : best; }, null);
      if (top) top.releases = (Array.isArray(top.releases) ? top.releases : []).concat([inject.id]);
    }
  }

  function setReleased(data, levelIndex, injectId, on) {
    var level = data.levels[levelIndex];
    var releases = Array.isArray(level.releases) ? level.releases.filter(function (i) { return i !== injectId; }) : [];
    if (on) releases.push(injectId);
    if (releases.length) level.releases = releases; else delete level.releases;
  }

  /* ---- channels ------------------------------------------------------------------------------- */

  var REACH_REQUIRED = ["social_post", "press_article"];
  var REACH_SHOWN = ["social_post", "press_article", "tv"];
  var DEFAULT_TO = {
    social_post: ["info_department"], press_call: ["spokesperson"], press_article: ["info_department", "spokesperson"],
    tv: ["info_department", "spokesperson"], dispatch: ["propaganda_board"], hotline: ["spokesperson", "info_department"],
    monitoring_report: ["info_department", "propaganda_board"]
  };
  var ID_PREFIX = { social_post: "post", press_call: "call", press_article: "article", tv: "tv", dispatch: "dispatch",
                    hotline: "hotline", monitoring_report: "monitoring" };

  /* A channel brings its own fields: a press call its question and response window, a post its reach. */
  function setChannel(inject, channel) {
    inject.channel = channel;
    if (channel === "press_call") {
      if (!inject.question) inject.question = { vi: "" };
      if (inject.response_window === undefined) inject.response_window = 60;
    } else {
      delete inject.response_window;
      delete inject.question;
    }
    if (REACH_REQUIRED.indexOf(channel) >= 0 && inject.reach === undefined) inject.reach = 5000;
    if (REACH_SHOWN.indexOf(channel) < 0) delete inject.reach;
  }

  /* ---- new items -------------------------------------------------------------------------------- */

  function newInject(data, channel) {
    var roles = ids(data, "roles");
    var to = (DEFAULT_TO[channel] || []).filter(function (r) { return roles.indexOf(r) >= 0; });
    var inject = { id: uniqueId(ids(data, "injects"), ID_PREFIX[channel] || "inject"), channel: channel, at: lastAt(data),
                   sender: { vi: "" }, to: to.length ? to : roles.slice(0, 1), content: { vi: "" } };
    setChannel(inject, channel);
    return inject;
  }

  var NEW = {
    roles: function (data) {
      return { id: uniqueId(ids(data, "roles"), "vai"), label: { vi: "" }, brief: { vi: "" }, played_by: "trainee" };
    },
    levels: function (data) {
      var numbers = list(data, "levels").map(function (lv) { return lv && lv.level; }).filter(function (n) { return typeof n === "number"; });
      var next = numbers.length ? Math.max.apply(null, numbers) + 1 : 0;
      return { level: next, name: { vi: "Cấp " + next, en: "Level " + next }, escalate_when: "belief > 0.1" };
    },
    facts: function (data) {
      return { id: uniqueId(ids(data, "facts"), "fact"), statement: { vi: "" }, source: "police", delay: 60, keywords: [] };
    },
    false_claims: function (data) { return { id: uniqueId(ids(data, "false_claims"), "claim"), text: { vi: "" }, keywords: [] }; },
    key_messages: function (data) { return { id: uniqueId(ids(data, "key_messages"), "message"), text: { vi: "" }, keywords: [] }; }
  };

  function addItem(data, key, channel) {
    if (!Array.isArray(data[key])) data[key] = [];
    data[key].push(key === "injects" ? newInject(data, channel) : NEW[key](data));
    return data[key].length - 1;
  }

  function removeItem(data, key, index) {
    var item = data[key][index];
    data[key].splice(index, 1);
    if (item && item.id) follow(data, key, item.id, null);
  }

  function duplicateInject(data, index) {
    var copy = JSON.parse(JSON.stringify(data.injects[index]));
    copy.id = uniqueId(ids(data, "injects"), String(copy.id || "inject").replace(/-\d+$/, ""));
    data.injects.splice(index + 1, 0, copy);
    return index + 1;
  }

  /* The cast is a mapping: renaming a key keeps the order of the others. */
  function renameCast(data, from, to) {
    var cast = {};
    Object.keys(data.cast || {}).forEach(function (key) { cast[key === from ? to : key] = data.cast[key]; });
    data.cast = cast;
  }

  function addCast(data) {
    data.cast = data.cast && typeof data.cast === "object" ? data.cast : {};
    var key = uniqueId(Object.keys(data.cast), "nhan_vat", "_");
    data.cast[key] = { kind: "name" };
    return key;
  }

  window.AuthoringModel = {
    parsePath: parsePath, pathOf: pathOf, get: get, set: set, unset: unset, list: list, setValue: setValue,
    setText: setText, number: number, follow: follow, ids: ids, levelsReleasing: levelsReleasing,
    startLevel: startLevel, timing: timing, setTiming: setTiming, setReleased: setReleased, setChannel: setChannel,
    addItem: addItem, removeItem: removeItem, duplicateInject: duplicateInject, renameCast: renameCast, addCast: addCast,
    REACH_SHOWN: REACH_SHOWN
  };
})();
