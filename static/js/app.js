// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function countWords(text) {
    var m = text.match(/\S+/g);
    return m ? m.length : 0;
  }

  function setupEditor(area) {
    var output = document.getElementById("word-count");
    var saved = area.value;
    var url = area.getAttribute("data-autosave-url");
    var form = area.form;

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

    // htmx reports each successful autosave; remember what the server has.
    area.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) saved = area.value;
    });
    if (form) {
      form.addEventListener("submit", function () { saved = area.value; });
    }

    // Leaving the page (closing the tab, following a link, phone locking): send the
    // last words with a beacon, which survives the page going away.
    function flush() {
      if (area.value === saved || !navigator.sendBeacon || !form) return;
      var data = new FormData();
      data.append("text", area.value);
      var token = form.querySelector("input[name=csrfmiddlewaretoken]");
      if (token) data.append("csrfmiddlewaretoken", token.value);
      if (navigator.sendBeacon(url, data)) saved = area.value;
    }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") flush();
    });
  }

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
