/* Previous and next on an event page follow the reader's filter: when the page was opened
   from a filtered list of this site (explore.js keeps its events, in order, in this tab's
   sessionStorage), both the short links at the top and the full ones at the foot lead to
   the previous and next events of that list, and a line under the top links names the
   filter and leads back to the list. Without the script, or from anywhere else, they
   follow the whole timeline, as the page was built. */
(function () {
  "use strict";
  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t;
  var steps;
  try { steps = JSON.parse(window.sessionStorage.getItem("desclasificado:steps") || "null"); }
  catch (error) { return; }
  if (!steps || !steps.events) { return; }
  var at = -1;
  steps.events.forEach(function (event, n) { if (event[0] === window.location.pathname) { at = n; } });
  if (at < 0) { return; }
  var around = { prev: steps.events[at - 1], next: steps.events[at + 1] };
  var WORDS = { prev: [t("Previous"), t("Previous event")], next: [t("Next"), t("Next event")] };

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (text) { el.textContent = text; }
    return el;
  }
  var top = document.querySelector("nav.steps");
  var foot = document.querySelector("nav.prevnext");
  if (top) {
    while (top.firstChild) { top.removeChild(top.firstChild); }
    ["prev", "next"].forEach(function (rel) {
      var event = around[rel];
      if (!event) { return; }
      var link = element("a", { rel: rel, "class": rel, href: event[0] }, WORDS[rel][0]);
      link.appendChild(element("span", { "class": "visually-hidden" }, ": " + event[1]));
      top.appendChild(link);
    });
    var note = element("p", { "class": "steps-filter" });
    note.appendChild(element("a", { href: steps.list }, steps.filter));
    top.parentNode.insertBefore(note, top.nextSibling);
  }
  if (foot) {
    while (foot.firstChild) { foot.removeChild(foot.firstChild); }
    ["prev", "next"].forEach(function (rel) {
      var event = around[rel];
      if (!event) { foot.appendChild(element("span", {})); return; }
      var link = element("a", { rel: rel, "class": rel, href: event[0] });
      link.appendChild(element("span", { "class": "label" }, WORDS[rel][1]));
      link.appendChild(document.createTextNode(" "));
      link.appendChild(element("span", { "class": "when" }, event[2]));
      link.appendChild(document.createTextNode(" "));
      link.appendChild(element("span", { "class": "what" }, event[1]));
      foot.appendChild(link);
    });
  }
})();
