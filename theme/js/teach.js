/* Teachers' tools on event, document and timeline pages (render/teaching.py).

   Everything works without this script: the Cite and Embed panels are <details>, and the
   text in them can be selected by hand. The script adds:
   1. the site's address where the build did not know it (no site_url): the placeholder
      SITE-ADDRESS/ becomes the address of the site's root, worked out from the page's own
      address and the panel's data-site-root (a relative path such as "../../");
   1b. the access dates of citations: the reader's day instead of the build's;
   2. copy buttons (hidden until now): plain text, and HTML too where the browser allows it,
      so that italics survive a paste into a word processor;
   3. for a timeline's embed code, fields to show only some years (the page of the decade
      that holds them, which needs no script, and ?from=YYYY&to=YYYY);
   4. the parent side of embedding: an embedded page of this site that reports its height
      (postMessage {type: "desclasificado:height", height: N}) gets that height, up to 80%
      of the window's. */
(function () {
  "use strict";

  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t, tn = MESSAGES.tn;

  var PLACEHOLDER = "SITE-ADDRESS/";

  function each(selector, root, callback) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), callback);
  }

  /* 1. The site's address */
  each(".reuse[data-site-root]", null, function (panel) {
    var root;
    try {
      root = new URL(panel.getAttribute("data-site-root"), window.location.href).href;
    } catch (error) {
      return;
    }
    var bare = root.replace(/^https?:\/\//, "");  /* MLA writes addresses without it */
    var walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var parent = node.parentNode;
      if (node.nodeValue.indexOf(PLACEHOLDER) !== -1 && !parent.closest(".needs-address")) {
        node.nodeValue = node.nodeValue.split(PLACEHOLDER).join(
          parent.closest("[data-bare-address]") ? bare : root);
      }
    }
    each("textarea", panel, function (area) {
      area.value = area.value.split(PLACEHOLDER).join(root);
    });
    each(".needs-address", panel, function (note) { note.hidden = true; });
  });

  /* 1b. Access dates: the build's day becomes the reader's, in the citation's form
     (render/citations.py, Day): "us" May 3, 2025; "mla" 3 May 2025; "lang" the page's
     language's long form (4 de diciembre de 2026). */
  var MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
                    "Oct.", "Nov.", "Dec."];
  function dayText(day, form) {
    if (form === "mla") {
      return day.getDate() + " " + MLA_MONTHS[day.getMonth()] + " " + day.getFullYear();
    }
    var lang = form === "us" ? "en-US" : (MESSAGES.lang || document.documentElement.lang || "en");
    try {
      return new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" })
        .format(day);
    } catch (error) {
      return null;
    }
  }
  (function () {
    var today = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var iso = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
    var changed = false;
    each("time.accessed[data-form]", null, function (time) {
      var text = dayText(today, time.getAttribute("data-form"));
      if (text) {
        time.textContent = text;
        time.setAttribute("datetime", iso);
        changed = true;
      }
    });
    if (changed) {
      each(".accessed-note", null, function (note) {
        note.textContent = t("The access dates are today's: the day you are reading this page.");
      });
    }
  })();

  /* 2. Copy buttons */
  function fallbackCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function copy(text, html) {
    var clipboard = navigator.clipboard;
    if (!clipboard || !window.isSecureContext) {
      return fallbackCopy(text);
    }
    if (html && window.ClipboardItem && clipboard.write) {
      var item = new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      return clipboard.write([item]).catch(function () { return clipboard.writeText(text); });
    }
    return clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
  }

  each("button.copy[data-copy]", null, function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) {
      return;
    }
    var panel = button.closest(".reuse");
    /* a source's own Cite reports in the page's status line */
    var status = (panel && panel.querySelector(".copy-status")) ||
      document.querySelector(".copy-status");
    var label = button.firstChild.nodeValue;
    button.hidden = false;
    button.addEventListener("click", function () {
      var isField = target.tagName === "TEXTAREA";
      var text = isField ? target.value : target.innerText.trim();
      copy(text, isField ? null : target.innerHTML).then(function () {
        button.firstChild.nodeValue = t("Copied");
        if (status) { status.textContent = t("Copied to the clipboard."); }
      }, function () {
        if (isField) { target.select(); }
        if (status) { status.textContent = t("Copying was refused: select the text and copy it."); }
      });
      window.setTimeout(function () { button.firstChild.nodeValue = label; }, 2000);
    });
  });

  /* 3. A timeline's years: the address of the decade's page that holds them (data-ranges:
     "1950-1959 1960-1969 ..."), or of the whole timeline, then ?from=&to= for frames that
     run scripts and #years-FIRST-LAST for those that do not: a decade's page applies any
     range within it, the whole timeline's a range across decades of at most data-longest
     years, within its own (render/ranges.py, `chosen` and `asked`). */
  each(".embed-range", null, function (fieldset) {
    var body = fieldset.closest(".tool-body");
    var code = body && body.querySelector("textarea[data-embed-code]");
    if (!code) {
      return;
    }
    var original = code.value;
    var inputs = fieldset.querySelectorAll("input");
    var note = fieldset.querySelector(".range-note");
    var longest = Number(fieldset.getAttribute("data-longest") || 0);
    var ranges = (fieldset.getAttribute("data-ranges") || "").split(" ").filter(Boolean)
      .map(function (slug) {
        var years = slug.split("-");
        return { first: Number(years[0]), last: Number(years[1]), slug: slug };
      });
    fieldset.hidden = false;
    each(".range-help", body, function (help) { help.hidden = true; });
    function update() {
      var query = [];
      var asked = {};
      Array.prototype.forEach.call(inputs, function (input) {
        var value = input.value.trim();
        asked[input.name] = Number(/^\d{1,4}$/.test(value) ? value : input.getAttribute(
          input.name === "from" ? "min" : "max"));
        if (/^\d{1,4}$/.test(value)) { query.push(input.name + "=" + value); }
      });
      var low = Math.min(asked.from, asked.to);
      var high = Math.max(asked.from, asked.to);
      var best = null;
      ranges.forEach(function (range) {
        if (query.length && !best && range.first <= low && range.last >= high) {
          best = range;
        }
      });
      var min = Number(inputs[0].getAttribute("min"));
      var max = Number(inputs[0].getAttribute("max"));
      var applied = query.length && (best ? !(best.first === low && best.last === high) :
        high - low < longest && low >= min && high <= max && !(low === min && high === max));
      code.value = original.replace(/src="([^"?]*)[^"]*"/, function (match, src) {
        return 'src="' + src + (best ? best.slug + "/" : "") +
          (query.length ? "?" + query.join("&amp;") : "") +
          (applied ? "#years-" + low + "-" + high : "") + '"';
      });
      if (note) {
        var shown = t("Where the frame cannot run scripts, it shows the years {first} to {last}.");
        note.textContent = applied || best ? shown.split("{first}").join(String(applied ? low : best.first))
          .split("{last}").join(String(applied ? high : best.last)) :
          t("Where the frame cannot run scripts, it shows every year.");
        note.hidden = !query.length;
      }
    }
    Array.prototype.forEach.call(inputs, function (input) {
      input.addEventListener("input", update);
    });
  });

  /* 4. Embedded pages of this site, shown on this site, take the height they report, up
     to 80% of the window's: a longer one scrolls inside its frame. */
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "desclasificado:height" || typeof data.height !== "number") {
      return;
    }
    var most = Math.max(240, Math.round(window.innerHeight * 0.8));
    each("iframe", null, function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.min(Math.max(Math.round(data.height), 80), most) + "px";
      }
    });
  });
})();
