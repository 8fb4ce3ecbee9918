"""Quotes a translated text keeps in the document's words, between « and », marked with the
document's language (`render/quotemarks.py`): found by their folded words in the event's
quotes or its English, escaped as all contributor text is, never marked inside a tag."""

from __future__ import annotations

import yaml

from desclasificado.records.models import Event
from desclasificado.render.i18n import activate, language
from desclasificado.render.markup import esc
from desclasificado.render.quotemarks import kept_spans, mark_quotes, quote_language
from tests.conftest import GOOD_EVENT

SPANISH = "Texto en español: la red tiene su centro en París."


def _event(title: str = "CIA source names Paris as the hub of the network") -> Event:
    data = yaml.safe_load(GOOD_EVENT)
    data["title"] = title
    data["sources"].append({"document": "176-10036-10058", "pages": "3", "quote": SPANISH,
                            "lang": "es"})
    return Event.model_validate(data)


def test_a_quote_is_in_the_language_of_the_words_it_repeats() -> None:
    event = _event()
    assert quote_language("Paris has emerged as the CENTER,", event) == "en"  # folded
    assert quote_language("la red tiene su centro en Paris", event) == "es"  # accents folded
    assert quote_language("names Paris", event) == "en"  # the English title
    assert quote_language("París es el centro", event) is None  # translated
    assert quote_language("Pari", event) is None  # whole words only
    assert quote_language("...", event) is None


def test_only_a_quote_in_another_language_than_the_page_is_marked() -> None:
    event = _event()
    text = esc("Dijo «Paris has emerged as the center» («París es el centro») y «la red tiene "
               "su centro en París»")
    with activate(language("es")):
        marked = mark_quotes(text, event)
        spans = kept_spans("Dijo «names Paris» y «otra cosa»", event)
    assert marked == ('Dijo «<span lang="en">Paris has emerged as the center</span>» («París es '
                      "el centro») y «la red tiene su centro en París»")
    assert spans == ((6, 17, "en"),)
    with activate(language("en")):  # on a page in English, only the Spanish quote
        assert mark_quotes(text, event) == text.replace(
            "«la red tiene su centro en París»",
            '«<span lang="es">la red tiene su centro en París</span>»')


def test_marks_are_escaped_and_stay_out_of_tags() -> None:
    event = _event('He wrote "A <b> & B" in the cable')
    with activate(language("es")):
        marked = mark_quotes(esc("Escribió «A <b> & B»"), event)
        attribute = '<a title="«A &lt;b&gt; &amp; B»">«A &lt;b&gt; &amp; B»</a>'
        in_tag = mark_quotes(attribute, event)
    assert marked == 'Escribió «<span lang="en">A &lt;b&gt; &amp; B</span>»'
    assert in_tag == '<a title="«A &lt;b&gt; &amp; B»">«<span lang="en">A &lt;b&gt; &amp; B</span>»</a>'


def test_an_actor_or_theme_keeps_english_words_of_its_description() -> None:
    """'Sus documentos la llaman «the Agency»': the words of the English description, marked
    English in the Spanish description (texts.actor_description, theme_title...)."""
    from desclasificado.records.models import Actor, Theme
    from desclasificado.render.texts import actor_description, theme_title

    actor = Actor.model_validate({
        "name": "Central Intelligence Agency", "kind": "agency",
        "description": "The foreign intelligence service. Its documents call it the Agency.",
        "translations": {"es": {"description": "El servicio de inteligencia exterior. Sus "
                                "documentos la llaman «the Agency», la Agencia."}}})
    theme = Theme.model_validate({
        "title": "Exile networks", "description": "Exiles organizing abroad.",
        "translations": {"es": {"title": "Las «exile networks»", "description": "Exiliados."}}})
    with activate(language("es")):
        assert actor_description(actor).marked.endswith(
            'la llaman «<span lang="en">the Agency</span>», la Agencia.')
        assert theme_title(theme).html == 'Las «<span lang="en">exile networks</span>»'
    with activate(language("en")):
        assert "<span" not in actor_description(actor).marked
