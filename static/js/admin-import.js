// The admin's "Import a meeting record": while the server reads the document (one request, no
// background job), say what it is reading, how long it has been and how long it may take at
// most; the server stops reading at that limit and answers with the reason. Without JavaScript
// the form works the same, only without this notice.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  var status = document.getElementById("import-status");
  if (!form || !status) return;
  var limit = parseInt(status.dataset.seconds, 10) || 30;
  var timer = null;

  function paragraphs(text) {
    return text.split(/\n\s*\n/).filter(function (block) { return block.trim(); }).length;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function describe() {
    var file = form.querySelector("input[type=file]");
    if (file && file.files && file.files.length) {
      var size = file.files[0].size;
      return fill(status.dataset.readingFile, {
        name: file.files[0].name,
        size: size >= 1048576 ? (size / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(size / 1024)) + " KB",
      });
    }
    var text = form.querySelector("textarea");
    var count = text ? paragraphs(text.value) : 0;
    return fill(status.dataset.readingText, { count: count.toLocaleString(document.documentElement.lang || undefined) });
  }

  function reset() {
    if (timer) window.clearInterval(timer);
    timer = null;
    status.hidden = true;
    form.removeAttribute("aria-busy");
    form.querySelectorAll("[type=submit]").forEach(function (button) { button.disabled = false; });
  }

  form.addEventListener("submit", function () {
    var started = Date.now();
    var what = status.querySelector(".import-status-what");
    var time = status.querySelector(".import-status-time");
    var bar = status.querySelector("progress");
    what.textContent = describe();
    status.hidden = false;
    form.setAttribute("aria-busy", "true");
    // Disabled after the browser has collected the form, so the button still submits once.
    window.setTimeout(function () {
      form.querySelectorAll("[type=submit]").forEach(function (button) { button.disabled = true; });
    }, 0);
    function tick() {
      var seconds = Math.floor((Date.now() - started) / 1000);
      bar.value = Math.min(seconds, limit);
      time.textContent = fill(seconds <= limit ? status.dataset.waiting : status.dataset.late, {
        seconds: seconds,
        limit: limit,
      });
    }
    tick();
    timer = window.setInterval(tick, 1000);
  });
  // Back from the preview (the page restored from the browser's cache): the form is usable again.
  window.addEventListener("pageshow", reset);
})();
