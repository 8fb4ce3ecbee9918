"""The one place that names the static-site engine (MkDocs).

Everything else reaches MkDocs through the names below, so moving to a drop-in
successor such as ProperDocs (same API, package `properdocs`) is a change of the
`ENGINE` line. The render stage (`desclasificado.render`) never imports this module.
"""

from __future__ import annotations

import importlib
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
