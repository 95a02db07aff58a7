// The teacher's review page: keyboard marking and comments anchored to a selection.
// Progressive enhancement only: without this file every control is a form that posts.
(function () {
  "use strict";

  var root = document.querySelector("[data-review]");
  if (!root) return;
  document.documentElement.classList.add("js");

  var pending = 0;
  document.body.addEventListener("htmx:beforeRequest", function () { pending += 1; });
  document.body.addEventListener("htmx:afterRequest", function () { pending = Math.max(0, pending - 1); });

  // Leave only once every save has reached the server.
  function go(url) {
    if (!url) return;
    var tries = 0;
    (function wait() {
      if (pending === 0 || tries > 50) {
        window.location.assign(url);
      } else {
        tries += 1;
        window.setTimeout(wait, 100);
      }
    })();
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) return true;
    if (tag === "input") {
      var type = (target.getAttribute("type") || "text").toLowerCase();
      return ["radio", "checkbox", "button", "submit"].indexOf(type) === -1;
    }
    return false;
  }

  // --- criteria ---------------------------------------------------------------------------
  function criteria() { return Array.prototype.slice.call(root.querySelectorAll("[data-criterion]")); }

  function currentCriterion() {
    var list = criteria();
    var focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("[data-criterion]") : null;
    if (focused) return focused;
    var marked = root.querySelector("[data-criterion][data-current]");
    return marked || list[0] || null;
  }

  function setCurrent(fieldset) {
    criteria().forEach(function (f) { f.removeAttribute("data-current"); });
    if (fieldset) fieldset.setAttribute("data-current", "");
  }

  root.addEventListener("focusin", function (event) {
    var fieldset = event.target.closest && event.target.closest("[data-criterion]");
    if (fieldset) setCurrent(fieldset);
  });

  function chooseLevel(n) {
    var fieldset = currentCriterion();
    if (!fieldset) return;
    var radio = fieldset.querySelector('input[type=radio][data-level-key="' + n + '"]');
    if (!radio) return;
    radio.checked = true;
    radio.dispatchEvent(new Event("input", { bubbles: true }));
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    var list = criteria();
    var next = list[list.indexOf(fieldset) + 1];
    if (next) {
      setCurrent(next);
      var target = next.querySelector("input[type=radio]:checked") || next.querySelector("input[type=radio]");
      if (target) target.focus();
    } else {
      radio.focus();
    }
  }

  // --- notes ------------------------------------------------------------------------------
  function notes() { return Array.prototype.slice.call(root.querySelectorAll("[data-note]")); }

  function currentNote() {
    var el = document.activeElement;
    return el && el.closest ? el.closest("[data-note]") : null;
  }

  function moveNote(step) {
    var list = notes();
    if (!list.length) return;
    var index = list.indexOf(currentNote());
    var next = list[index === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step))];
    var button = next.querySelector("[data-note-accept]");
    if (button) button.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  function noteAction(selector) {
    var note = currentNote();
    if (!note) return;
    var control = note.querySelector(selector);
    if (!control) return;
    if (control.tagName.toLowerCase() === "summary") {
      control.parentElement.open = true;
      var area = control.parentElement.querySelector("textarea");
      if (area) area.focus();
    } else {
      control.click();
    }
  }

  // --- shortcuts --------------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && typing(event.target)) {
      event.target.blur();
      return;
    }
    if (typing(event.target)) return;
    var key = event.key;
    var handled = true;
    if (key === "j") go(root.getAttribute("data-next"));
    else if (key === "k") go(root.getAttribute("data-previous"));
    else if (key === "u") {
      var link = root.querySelector("[data-shortcut-unmarked]");
      if (link) go(link.getAttribute("href")); else handled = false;
    } else if (/^[1-9]$/.test(key)) chooseLevel(key);
    else if (key === "]") moveNote(1);
    else if (key === "[") moveNote(-1);
    else if (key === "a") noteAction("[data-note-accept]");
    else if (key === "d") noteAction("[data-note-dismiss]");
    else if (key === "e") noteAction("[data-note-edit]");
    else if (key === "c") focusId("overall-comment");
    else if (key === "n") focusId("comment-text");
    else if (key === "/") focusId("bank-search");
    else if (key === "r") focusId("release-button");
    else if (key === "?") {
      var help = document.getElementById("shortcuts");
      if (help) { help.open = !help.open; help.querySelector("summary").focus(); }
    } else handled = false;
    if (handled) event.preventDefault();
  });

  function focusId(id) {
    var el = document.getElementById(id);
    if (el) { el.focus(); el.scrollIntoView({ block: "nearest" }); }
  }

  // --- comments anchored to a selection ---------------------------------------------------
  var text = root.querySelector("[data-essay-text]");

  function offsetOf(node, offset) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    var seg = el && el.closest ? el.closest("[data-o]") : null;
    if (!seg || !text.contains(seg)) return null;
    // characters before `node` inside the segment (a mark holds a link and a number)
    var walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
    var count = 0;
    var current;
    while ((current = walker.nextNode())) {
      if (current === node) return parseInt(seg.getAttribute("data-o"), 10) + count + offset;
      if (current.parentElement && current.parentElement.tagName.toLowerCase() === "sup") continue;
      count += current.textContent.length;
    }
    return parseInt(seg.getAttribute("data-o"), 10) + (node.nodeType === 3 ? 0 : count);
  }

  function captureSelection() {
    var form = document.querySelector("[data-comment-form]");
    if (!form || !text) return;
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    form.querySelector("[data-anchor-start]").value = String(start);
    form.querySelector("[data-anchor-end]").value = String(end);
    var quote = form.querySelector("[data-anchor-quote]");
    var shown = selection.toString().replace(/\s+/g, " ").trim();
    quote.textContent = (form.getAttribute("data-quote-label") || "Comment on:") + " “" + (shown.length > 120 ? shown.slice(0, 120) + "…" : shown) + "”";
    quote.hidden = false;
    var para = range.startContainer.nodeType === 3 ? range.startContainer.parentElement : range.startContainer;
    para = para.closest("[data-paragraph]");
    var select = form.querySelector("[data-anchor-paragraph]");
    if (para && select) select.value = para.getAttribute("data-paragraph");
  }

  if (text) {
    text.addEventListener("mouseup", captureSelection);
    text.addEventListener("keyup", captureSelection);
  }
  // A new comment form arrives after each save: the anchor starts empty again.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "comments") {
      var area = document.getElementById("comment-text");
      if (area) area.focus();
    }
  });
})();
