/* Inside an embedded page (embed/...; render/embed.py). Optional: without it (a sandbox
   without allow-scripts) the page shows every year and keeps the frame's height.
   1. On a timeline, ?from=YYYY&to=YYYY shows only the years that overlap that range.
   2. The page tells its parent how tall it is, whenever that changes:
      parent.postMessage({type: "desclasificado:height", height: N, href: location.href}, "*")
      N is in CSS pixels. A page that embeds it may set the frame's height from it (see the
      guide for teachers). Nothing is read from the parent. */
(function () {
  "use strict";

  /* 1. Years */
  function year(params, name) {
    var value = params.get(name);
    return value && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : null;
  }

  function plural(count) {
    return count + (count === 1 ? " event" : " events");
  }

  var list = document.querySelector(".embed-list");
  if (list && window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    var from = year(params, "from");
    var to = year(params, "to");
    if (from !== null || to !== null) {
      var low = from === null ? -Infinity : from;
      var high = to === null ? Infinity : to;
      if (low > high) { var swap = low; low = high; high = swap; }
      var shown = 0;
      Array.prototype.forEach.call(list.querySelectorAll("section.year"), function (section) {
        var keep = section.hasAttribute("data-from") &&
          Number(section.getAttribute("data-to")) >= low &&
          Number(section.getAttribute("data-from")) <= high;
        section.hidden = !keep;
        if (keep) { shown += section.querySelectorAll(".entry").length; }
      });
      var span = low === high ? "in " + low : low === -Infinity ? "until " + high :
        high === Infinity ? "from " + low : "from " + low + " to " + high;
      var range = list.querySelector(".range");
      if (range) {
        range.textContent = (shown ? plural(shown) : "No event") + " " + span + ".";
        range.hidden = false;
      }
    }
  }

  /* 2. Height */
  if (window.parent === window) {
    return;
  }
  var last = 0;
  function report(always) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last || always === true) {
      last = height;
      window.parent.postMessage({ type: "desclasificado:height", height: height,
                                  href: window.location.href }, "*");
    }
  }
  report(true);
  window.addEventListener("load", function () { report(true); });
  if (window.ResizeObserver) {
    new window.ResizeObserver(report).observe(document.body);
  } else {
    window.addEventListener("resize", report);
  }
})();
