"""The engine's hooks file (`hooks:` in mkdocs.yml): hands each event to the build's `SiteBuild`.

The engine loads this file by path and calls its `on_*` functions; each one finds the
`SiteBuild` of the build it is called for on the engine's config and lets it do the work
(see `plugin.py`), so that no state lives here. The engine is reached only through
`desclasificado.publish.engine`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:  # the engine loads this file by path, not as part of the package
    sys.path.insert(0, _ROOT)

from desclasificado.publish import engine  # noqa: E402
from desclasificado.publish.plugin import SiteBuild  # noqa: E402


def on_files(files: Any, config: Any) -> Any:
    return SiteBuild.of(config).on_files(files, config)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    return SiteBuild.of(config).on_nav(nav, config, files)


def on_env(env: Any, config: Any, files: Any) -> Any:
    return SiteBuild.of(config).on_env(env, config, files)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return SiteBuild.of(config).on_page_content(html, page)


@engine.event_priority(100)  # before any plugin reads the page
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return SiteBuild.of(config).on_page_context(context, page, config)


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    return SiteBuild.of(config).on_template_context(context, template_name, config)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return SiteBuild.of(config).on_post_page(output, page)


def on_post_build(config: Any) -> None:
    SiteBuild.of(config).on_post_build(config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    return SiteBuild.of(config).on_serve(server, config, builder)
