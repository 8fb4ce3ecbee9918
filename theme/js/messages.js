/* The messages of the theme's scripts, in the page's language, for all of them at once.

   The page carries them as JSON in <script type="application/json" id="messages">
   (render/i18n.py, script_messages): {"lang": "es", "messages": {msgid: text, singular
   msgid: {CLDR plural category: text}}}. This script, loaded (deferred) before the others
   on every page and embeddable page that has one of them, reads the block once and offers
   window.desclasificadoMessages:
     lang             the page's language code as the block gives it (undefined without it)
     t(text)          the translation of a msgid, or the msgid itself
     tn(one, other, n) the plural form for n (Intl.PluralRules), {n} written as the
                      language writes numbers
   Without the block (or with a broken one) t and tn give the English. */
(function () {
  "use strict";
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
  window.desclasificadoMessages = { lang: MESSAGES.lang, t: t, tn: tn };
})();
