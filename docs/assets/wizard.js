/* Troubleshooter pages: move focus to the new question or result, and offer a
 * printable summary. Everything else on these pages works without JavaScript. */
(function () {
  "use strict";

  function enhance() {
    var heading = document.querySelector("h1#question, h1#outcome");
    if (!heading) return;
    // A new step replaces the page: start keyboard and screen-reader users at its heading.
    heading.focus({ preventScroll: false });
    var actions = document.querySelector(".wizard-actions");
    if (!actions || actions.querySelector(".wizard-print")) return;
    var print = document.createElement("button");
    print.type = "button";
    print.className = "md-button wizard-print";
    print.textContent = actions.getAttribute("data-print-label") || "Print";
    print.addEventListener("click", function () { window.print(); });
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(print);
  }

  if (window.document$) {
    window.document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
