/* Agents' pages: a copy button after each reply, a filter box over the replies;
 * wide flowcharts start centred. */
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    return Promise.resolve();
  }

  // A chart wider than a phone scrolls sideways: start at its centre, where it begins.
  function centreCharts() {
    document.querySelectorAll(".agent-flowchart").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth && !region.dataset.centred) {
        region.dataset.centred = "1";
        region.scrollLeft = (region.scrollWidth - region.clientWidth) / 2;
      }
    });
  }

  // The filter box: rows that hold every word typed (customers' words included).
  function filterRows() {
    var box = document.querySelector(".agent-filter[hidden]");
    if (!box) return;
    var input = box.querySelector("input");
    var count = box.querySelector(".agent-filter-count");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".agent-replies tbody tr"));
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
        if (!row.hidden) shown += 1;
      });
      count.textContent = words.length ? box.dataset.count
        .replace("%(shown)s", shown).replace("%(total)s", rows.length) : "";
    });
  }

  function enhance() {
    centreCharts();
    filterRows();
    document.querySelectorAll(".agent-replies").forEach(function (table) {
      var labels = table.dataset;
      table.querySelectorAll(".agent-reply:not([data-ready])").forEach(function (reply) {
        reply.setAttribute("data-ready", "");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button agent-copy";
        button.textContent = labels.copy;
        button.setAttribute("aria-label", labels.copyLabel
          .replace("%(outcome)s", reply.dataset.outcome)
          .replace("%(language)s", reply.dataset.language));
        button.addEventListener("click", function () {
          // innerText, unlike textContent, keeps the reply's line breaks (<br>).
          copy(reply.innerText.trim()).then(function () {
            button.textContent = labels.copied;
            setTimeout(function () { button.textContent = labels.copy; }, 2000);
          });
        });
        reply.after(button);
      });
    });
  }

  if (window.document$) {
    window.document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
