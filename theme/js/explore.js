/* Explore the timeline: turns the explore panel's link lists into a form that filters the
   timeline in place by country, theme, actor and years, combined.

   Without this script the panel's lists link to the country, theme and actor pages. With it,
   each list becomes a select whose options show how many events each value would leave,
   given the other filters; the filters live in the address (?country=pe&theme=...&from=1959
   &to=1965), so a view can be shared, bookmarked and left with the back button; a live
   region says how many events are shown. Every entry carries data-countries, data-themes,
   data-actors, data-year (and data-year-end for spans). No framework, no request. */
(function () {
  "use strict";

  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t, tn = MESSAGES.tn;

  var panel = document.querySelector(".explore");
  var facetsBox = panel && panel.querySelector(".facets");
  if (!facetsBox || !window.URLSearchParams || !window.history || !history.pushState) {
    return;
  }
  var FACETS = ["country", "theme", "actor"];
  var ATTRIBUTES = { country: "countries", theme: "themes", actor: "actors" };
  var status = panel.querySelector(".explore-status");
  var total = Number(panel.getAttribute("data-total")) || 0;
  var firstYear = Number(panel.getAttribute("data-first-year"));
  var lastYear = Number(panel.getAttribute("data-last-year"));

  function words(text) {
    return text ? text.split(" ").filter(Boolean) : [];
  }

  var entries = Array.prototype.map.call(
    document.querySelectorAll(".timeline .entry"),
    function (li) {
      var item = { el: li };
      FACETS.forEach(function (facet) {
        item[facet] = words(li.getAttribute("data-" + ATTRIBUTES[facet]));
      });
      var year = li.getAttribute("data-year");
      item.first = year ? Number(year) : null;
      item.last = li.getAttribute("data-year-end") ? Number(li.getAttribute("data-year-end")) : item.first;
      return item;
    }
  );

  /* ---- The form, built from the link lists ---- */

  var controls = {};   // facet -> select
  var options = {};    // facet -> [{option, value, label}]

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (text) { el.textContent = text; }
    return el;
  }

  function field(id, labelText, select) {
    var box = element("div", { "class": "field" });
    box.appendChild(element("label", { "for": id }, labelText));
    box.appendChild(select);
    return box;
  }

  var form = element("form", { "class": "explore-form", "aria-label": t("Filters"), "action": "" });
  Array.prototype.forEach.call(facetsBox.querySelectorAll(".facet"), function (details) {
    var facet = details.getAttribute("data-facet");
    var id = "filter-" + facet;
    var select = element("select", { id: id, name: facet });
    var all = element("option", { value: "" }, details.getAttribute("data-all"));
    select.appendChild(all);
    options[facet] = [{ option: all, value: "", label: details.getAttribute("data-all") }];
    Array.prototype.forEach.call(details.querySelectorAll("a[data-value]"), function (link) {
      var value = link.getAttribute("data-value");
      var label = link.textContent;
      var option = element("option", { value: value }, label);
      select.appendChild(option);
      options[facet].push({ option: option, value: value, label: label });
    });
    controls[facet] = select;
    form.appendChild(field(id, details.getAttribute("data-label"), select));
  });

  function yearSelect(id, name, anyText) {
    var select = element("select", { id: id, name: name });
    select.appendChild(element("option", { value: "" }, anyText));
    for (var y = firstYear; y <= lastYear; y++) {
      select.appendChild(element("option", { value: String(y) }, String(y)));
    }
    return select;
  }

  if (firstYear && lastYear) {
    var years = element("fieldset", { "class": "years" });
    years.appendChild(element("legend", {}, t("Years")));
    controls.from = yearSelect("filter-from", "from", t("From the first"));
    controls.to = yearSelect("filter-to", "to", t("To the last"));
    years.appendChild(field("filter-from", t("From"), controls.from));
    years.appendChild(field("filter-to", t("To"), controls.to));
    form.appendChild(years);
  }
  var clear = element("button", { type: "button", "class": "explore-clear" }, t("Show all events"));
  form.appendChild(clear);
  facetsBox.parentNode.replaceChild(form, facetsBox);
  var foldSummary = panel.querySelector(".explore-fold > summary");
  if (foldSummary) { foldSummary.textContent = t("Filter the timeline"); }
  var intro = panel.querySelector(".explore-intro");
  if (intro) {
    intro.textContent = t("Choose a country, a theme, an actor or years: the timeline below shows only the events that match all of them. The address of the page keeps your choice, to share or bookmark. Each list says how many events each choice would show.");
  }

  /* On paper the filters do not print: a line under them says which ones the printed
     timeline shows (the chart and the page's count, of every event, are left out). */
  var printed = element("p", { "class": "explore-printed" });
  panel.parentNode.insertBefore(printed, panel.nextSibling);

  function described(state) {
    var parts = [];
    FACETS.forEach(function (facet) {
      (options[facet] || []).forEach(function (o) {
        if (state[facet] && o.value === state[facet]) { parts.push(o.label); }
      });
    });
    if (state.from !== null && state.to !== null) {
      parts.push(state.from === state.to ? String(state.from) : state.from + "\u2013" + state.to);
    } else if (state.from !== null) {
      parts.push(t("from {year}").split("{year}").join(String(state.from)));
    } else if (state.to !== null) {
      parts.push(t("until {year}").split("{year}").join(String(state.to)));
    }
    return t("Filtered: {filters}.").split("{filters}").join(parts.join(" \u00b7 "));
  }

  /* An event page opened from a filtered list steps through the events it showed
     (theme/js/neighbours.js reads this): the shown events, in order, for this tab only. */
  var STEPS = "desclasificado:steps";
  function remember(state) {
    try {
      if (!active(state)) { window.sessionStorage.removeItem(STEPS); return; }
      var shown = [];
      entries.forEach(function (item) {
        var link = item.el.querySelector(".entry-title a");
        var date = item.el.querySelector(".entry-date");
        if (!item.el.hidden && link) {
          shown.push([link.pathname, link.textContent, date ? date.textContent : ""]);
        }
      });
      window.sessionStorage.setItem(STEPS, JSON.stringify({
        filter: described(state), list: window.location.pathname + window.location.search,
        events: shown }));
    } catch (error) { /* storage refused (private mode, a sandbox): the timeline's order */ }
  }

  /* ---- State: the address <-> the form ---- */

  function known(facet, value) {
    return options[facet].some(function (o) { return o.value === value; });
  }

  function yearParam(value) {
    var n = Number(value);
    return value && n >= firstYear && n <= lastYear ? n : null;
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FACETS.forEach(function (facet) {
      var value = params.get(facet) || "";
      state[facet] = controls[facet] && known(facet, value) ? value : "";
    });
    state.from = yearParam(params.get("from"));
    state.to = yearParam(params.get("to"));
    if (state.from !== null && state.to !== null && state.from > state.to) {
      var swap = state.from; state.from = state.to; state.to = swap;
    }
    return state;
  }

  function fromForm() {
    var state = {};
    FACETS.forEach(function (facet) { state[facet] = controls[facet] ? controls[facet].value : ""; });
    state.from = controls.from ? yearParam(controls.from.value) : null;
    state.to = controls.to ? yearParam(controls.to.value) : null;
    return state;
  }

  function toForm(state) {
    FACETS.forEach(function (facet) { if (controls[facet]) { controls[facet].value = state[facet]; } });
    if (controls.from) {
      controls.from.value = state.from === null ? "" : String(state.from);
      controls.to.value = state.to === null ? "" : String(state.to);
    }
  }

  function address(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) { if (state[facet]) { params.set(facet, state[facet]); } });
    if (state.from !== null) { params.set("from", String(state.from)); }
    if (state.to !== null) { params.set("to", String(state.to)); }
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function active(state) {
    return FACETS.some(function (f) { return state[f]; }) || state.from !== null || state.to !== null;
  }

  /* ---- Filtering and counting ---- */

  function matches(item, state, skip) {
    for (var i = 0; i < FACETS.length; i++) {
      var facet = FACETS[i];
      if (facet !== skip && state[facet] && item[facet].indexOf(state[facet]) < 0) { return false; }
    }
    if (state.from !== null || state.to !== null) {
      if (item.first === null) { return false; }
      if (state.from !== null && item.last < state.from) { return false; }
      if (state.to !== null && item.first > state.to) { return false; }
    }
    return true;
  }

  function updateCounts(state) {
    FACETS.forEach(function (facet) {
      if (!controls[facet]) { return; }
      var counts = {};
      var all = 0;
      entries.forEach(function (item) {
        if (!matches(item, state, facet)) { return; }
        all += 1;
        item[facet].forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
      options[facet].forEach(function (o) {
        var n = o.value ? counts[o.value] || 0 : all;
        o.option.textContent = o.label + " (" + n.toLocaleString(MESSAGES.lang || "en") + ")";
      });
    });
  }

  function showSections() {
    var shown = {};
    Array.prototype.forEach.call(document.querySelectorAll(".timeline section.year"), function (section) {
      var visible = section.querySelector(".entry:not([hidden])") !== null;
      section.hidden = !visible;
      var heading = section.querySelector("h3[id]");
      if (heading) { shown[heading.id] = visible; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".timeline section.decade"), function (section) {
      var visible = section.querySelector("section.year:not([hidden])") !== null;
      section.hidden = !visible;
      var heading = section.querySelector("h2[id]");
      if (heading) { shown[heading.id] = visible; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".jump a[href^='#']"), function (link) {
      var id = link.getAttribute("href").slice(1);
      if (id in shown) {
        link.hidden = !shown[id];
        if (link.classList.contains("jump-decade") && link.parentNode) { link.parentNode.hidden = !shown[id]; }
      }
    });
  }

  function apply(state) {
    var count = 0;
    entries.forEach(function (item) {
      var visible = matches(item, state, null);
      item.el.hidden = !visible;
      if (visible) { count += 1; }
    });
    showSections();
    updateCounts(state);
    clear.hidden = !active(state);
    var text = !active(state) ? tn("All {n} event shown.", "All {n} events shown.", total) :
      count === 0 ? t("No event matches these filters.") :
      tn("{count} of {n} event shown.", "{count} of {n} events shown.", total)
        .split("{count}").join(count.toLocaleString(MESSAGES.lang || "en"));
    if (status) { status.textContent = text; }
    printed.textContent = active(state) ? described(state) + " " + text : "";
    remember(state);
    panel.classList.toggle("filtered", active(state));
  }

  function changed() {
    var state = fromForm();
    if (state.from !== null && state.to !== null && state.from > state.to) {
      if (this === controls.from) { state.to = state.from; } else { state.from = state.to; }
      toForm(state);
    }
    history.pushState(null, "", address(state));
    apply(state);
    toResults();
  }

  /* On a phone the filters fill the screen: after a choice, the count of events shown (a
     live region, which also announces it) is scrolled to the top, the entries under it.
     Focus stays on the control, to choose another filter; wider screens do not move. */
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 40rem)") : null;
  function toResults() {
    if (narrow && narrow.matches && status && status.scrollIntoView) {
      status.scrollIntoView({ block: "start" });
    }
  }

  Object.keys(controls).forEach(function (name) { controls[name].addEventListener("change", changed); });
  form.addEventListener("submit", function (event) { event.preventDefault(); changed.call(null); });
  function showAll() {
    var state = { from: null, to: null };
    FACETS.forEach(function (facet) { state[facet] = ""; });
    toForm(state);
    history.pushState(null, "", address(state));
    apply(state);
  }

  clear.addEventListener("click", function () {
    showAll();
    (controls.country || controls.from).focus();
  });
  window.addEventListener("popstate", function () {
    var state = fromAddress();
    toForm(state);
    apply(state);
  });

  /* A link to a year or decade hidden by the filters (the chart, the jump list) shows
     everything again before the browser goes there. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href*='#']") : null;
    if (!link) { return; }
    var url = new URL(link.getAttribute("href"), window.location.href);  // SVG links too
    if (url.pathname !== window.location.pathname || !url.hash) { return; }
    var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    var section = target && target.closest("section.year, section.decade");
    if (section && section.hidden) { showAll(); }
  });

  var initial = fromAddress();
  toForm(initial);
  apply(initial);
})();
