"""The one place that names the static-site engine (MkDocs).

Everything else reaches MkDocs through the names below, so moving to a drop-in
successor such as ProperDocs (same API, package `properdocs`) is a change of the
`ENGINE` line. The render stage (`desclasificado.render`) never imports this module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

ENGINE = "mkdocs"  # a drop-in successor: "properdocs"


def _module(name: str) -> Any:
    return importlib.import_module(f"{ENGINE}.{name}")


File: Any = _module("structure.files").File
InclusionLevel: Any = _module("structure.files").InclusionLevel
Page: Any = _module("structure.pages").Page
get_toc = _module("structure.toc").get_toc
Abort: type[Exception] = _module("exceptions").Abort
load_config = _module("config").load_config
build = _module("commands.build").build
event_priority = _module("plugins").event_priority
serve = _module("commands.serve").serve
LOGGER_NAME = ENGINE
# The engine's template language (Jinja, for MkDocs and ProperDocs alike): a broken theme
# template raises this.
TemplateError: type[Exception] = importlib.import_module("jinja2").TemplateError
# A template function that reads the page being rendered (its language).
pass_context: Any = importlib.import_module("jinja2").pass_context
get_context = _module("commands.build").get_context


def take_over_rebuilds(server: Any, rebuild: Callable[[], None]) -> Callable[[], None]:
    """Have the engine's live-reload server call `rebuild` on each change instead of its
    own builder (it holds every request while it runs, then reloads the browsers); return
    a function that asks it for another such round, from any thread (`rebuild` then finds
    nothing changed, and the browsers are reloaded). The only use of the server's
    internals (MkDocs 1.6's `LiveReloadServer`, which ProperDocs keeps): its `builder`,
    and the flag and condition its watcher sets (`_want_rebuild`, `_rebuild_cond`)."""
    server.builder = rebuild

    def ask() -> None:
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    return ask
