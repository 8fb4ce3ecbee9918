/* Inside an embedded page (embed/...; render/embed.py). Optional: without it (a sandbox
   without allow-scripts) the page shows every year and keeps the frame's height.
   1. On a timeline, ?from=YYYY&to=YYYY shows only the years that overlap that range.
   2. The page tells its parent how tall it is, whenever that changes:
      parent.postMessage({type: "desclasificado:height", height: N, href: location.href}, "*")
      N is in CSS pixels. A page that embeds it may set the frame's height from it (see the
      guide for teachers). Nothing is read from the parent. */
(function () {
  "use strict";

  /* Messages come from the page, in its language (render/i18n.py, script_messages). */
  var MESSAGES = (function () {
    var block = document.getElementById("messages");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (error) { return {}; }
  })();
  function t(text) {
    var found = MESSAGES.messages && MESSAGES.messages[text];
    return typeof found === "string" ? found : text;
  }
  function tn(one, other, n) {
    var forms = MESSAGES.messages && MESSAGES.messages[one];
    var lang = MESSAGES.lang || "en";
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) :
      (n === 1 ? "one" : "other");
    var text = forms && typeof forms === "object" ? forms[category] || forms.other :
      (n === 1 ? one : other);
    return text.split("{n}").join(n.toLocaleString(lang));
  }

  /* 1. Years */
  function year(params, name) {
    var value = params.get(name);
    return value && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : null;
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
      var span = low === high ? t("{count} in {year}.") : low === -Infinity ? t("{count} until {year}.") :
        high === Infinity ? t("{count} from {year}.") : t("{count} from {first} to {last}.");
      var range = list.querySelector(".range");
      if (range) {
        var count = shown ? tn("{n} event", "{n} events", shown) : t("No event");
        range.textContent = span.split("{count}").join(count)
          .split("{year}").join(String(low === -Infinity ? high : low))
          .split("{first}").join(String(low)).split("{last}").join(String(high));
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
