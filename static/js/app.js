// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function countWords(text) {
    var m = text.match(/\S+/g);
    return m ? m.length : 0;
  }

  function setupEditor(area) {
    var output = document.getElementById("word-count");

    function updateCount() {
      if (!output) return;
      var n = countWords(area.value);
      var max = parseInt(output.getAttribute("data-max") || "0", 10);
      var one = output.getAttribute("data-one") || "1 word";
      var many = output.getAttribute("data-many") || "%(n)s words";
      output.textContent = n === 1 ? one : many.replace("%(n)s", n);
      if (max && n > max) {
        var over = output.getAttribute("data-over") || "(over the %(max)s-word limit)";
        output.textContent += " " + over.replace("%(max)s", max);
        output.classList.add("field-error");
      } else {
        output.classList.remove("field-error");
      }
    }
    area.addEventListener("input", updateCount);
    updateCount();

    if (area.hasAttribute("data-autosave-url")) setupAutosave(area, updateCount);
  }

  // Autosave that tells the truth. Each save carries the draft version it was based on; the
  // server refuses (409) a save on top of a newer draft from another tab. Words the server
  // has not confirmed stay in localStorage, and come back on reload if they are not there.
  function setupAutosave(area, updateCount) {
    var url = area.getAttribute("data-autosave-url");
    var form = area.form;
    var status = document.getElementById("save-status");
    var conflict = document.getElementById("save-conflict");
    var key = "essaycoach-draft-" + area.getAttribute("data-draft-key");
    var base = area.getAttribute("data-version") || "";
    var saved = area.defaultValue; // the text the server holds, as far as this page knows
    var timer, busy = false, sending = null, wait = 0, stuck = null, leaving = false;

    function norm(s) { return s.replace(/\r\n/g, "\n").trim(); }
    function setBase(v) { base = v; if (form && form.elements.base) form.elements.base.value = v; }
    function keep() {
      try { localStorage.setItem(key, JSON.stringify({ text: area.value, base: base, sent: sending })); } catch (e) { /* full or off */ }
    }
    function forget() { try { localStorage.removeItem(key); } catch (e) { /* off */ } }
    function body(text) {
      var data = new FormData();
      data.append("text", text);
      data.append("base", base);
      data.append("autosave", "1");
      if (form && form.elements.csrfmiddlewaretoken) data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
      return data;
    }
    function later(ms) { clearTimeout(timer); timer = setTimeout(save, ms); }
    function retry(message) {
      status.textContent = status.getAttribute(message);
      wait = Math.min(wait ? wait * 2 : 2000, 60000);
      later(wait);
    }
    function save() {
      clearTimeout(timer);
      var text = area.value;
      if (busy || stuck !== null || text === saved) return;
      busy = true;
      sending = text;
      keep();
      fetch(url, { method: "POST", body: body(text), headers: { "X-Autosave": "1" } }).then(function (res) {
        return res.text().then(function (html) {
          var version = res.headers.get("X-Draft-Version");
          busy = false;
          sending = null;
          if (res.status === 200 && version !== null) {
            wait = 0;
            saved = text;
            setBase(version);
            status.innerHTML = html;
            if (area.value === text) forget(); else { keep(); later(800); }
          } else if (res.status === 409 && version !== null) {
            stuck = version;
            conflict.hidden = false;
            status.innerHTML = html;
          } else if (res.status === 422) {
            status.innerHTML = html; // too long: the next edit tries again
          } else if (res.status === 403 || res.redirected) {
            status.textContent = status.getAttribute("data-reload"); // signed out, or a stale form
          } else {
            retry("data-error");
          }
        });
      }).catch(function () { // no answer, or the connection dropped while it came
        busy = false;
        sending = null;
        retry("data-offline");
      });
    }

    // Words typed here that never reached the server: offline, a refused beacon, a reload
    // faster than the autosave. Restored unless the server already has them.
    var local = null;
    try { local = JSON.parse(localStorage.getItem(key)); } catch (e) { /* none */ }
    if (local && typeof local.text === "string" && norm(local.text) !== norm(saved)) {
      area.value = local.text;
      // Based on an older draft, unless that draft is our own save that landed meanwhile;
      // then the server says so (409) and the student chooses.
      if (local.base !== base && !(local.sent && norm(local.sent) === norm(saved))) setBase(local.base);
      document.getElementById("save-restored").hidden = false;
      updateCount();
      save();
    } else {
      forget();
      area.value = saved;
    }

    area.addEventListener("input", function () { keep(); later(800); });
    area.addEventListener("change", save);
    window.addEventListener("online", function () { wait = 0; save(); });
    conflict.addEventListener("click", function (event) {
      var choice = event.target.getAttribute("data-conflict");
      if (choice === "keep") {
        setBase(stuck);
        stuck = null;
        conflict.hidden = true;
        save();
      } else if (choice === "load") {
        forget();
        leaving = true;
        location.reload();
      }
    });
    // Submitting or uploading sends (or replaces) the text itself.
    document.querySelectorAll("form[data-draft-form]").forEach(function (f) {
      f.addEventListener("submit", function () { leaving = true; forget(); });
    });
    // Leaving the page: a beacon survives it, and the server applies the same version rule.
    window.addEventListener("pagehide", function () {
      if (leaving || stuck !== null || area.value === saved || !navigator.sendBeacon) return;
      navigator.sendBeacon(url, body(area.value));
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
  }

  // The feedback page's stream status line (templates/coaching/feedback.html): a stream
  // turned away for "too many pages open" is asked again at every retry. Keep the line
  // as it is when the server repeats what it already says, so a screen reader does not
  // announce it again each time.
  document.addEventListener("htmx:sseBeforeMessage", function (event) {
    var line = event.target;
    if (line && line.id === "stream-status" && event.detail && line.textContent === event.detail.data) {
      event.preventDefault();
    }
  });

  function setup() {
    // Sign-up: tell the server the browser's time zone, so times show in it from the start.
    var zone = document.querySelector("input[type=hidden][name=time_zone]");
    if (zone && !zone.value && window.Intl) {
      try { zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* keep the server's */ }
    }
    var area = document.getElementById("essay-text");
    if (area) setupEditor(area);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
