"""Property-based tests: no input makes the loader or the checks crash with a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desclasificado.check.project import check_project
from desclasificado.load.yamlsafe import read_yaml
from desclasificado.problems import ContentError
from tests.conftest import GOOD_EVENT, Project

YAML_ALPHABET = st.sampled_from(
    [*"abcdefXYZ019 :-?[]{},#&*!|>'\"\n\t%@`~.\\/_<=", "\u00e9", "\u202e", "\x00", "\ufeff"])
yaml_like = st.text(YAML_ALPHABET, max_size=200)

# Mutations of a valid event: a line replaced by arbitrary YAML-ish text.
valid_lines = GOOD_EVENT.splitlines()


@given(st.binary(max_size=400))
@settings(max_examples=300)
def test_read_yaml_on_arbitrary_bytes(data: bytes) -> None:
    try:
        read_yaml(data, "x.yaml")
    except ContentError as exc:
        assert exc.problems and all(p.path == "x.yaml" and p.line >= 1 for p in exc.problems)


@given(yaml_like)
@settings(max_examples=500)
def test_read_yaml_on_yaml_like_text(text: str) -> None:
    try:
        read_yaml(text.encode("utf-8"), "x.yaml")
    except ContentError as exc:
        assert all("\n" not in p.message for p in exc.problems)


@given(st.integers(0, len(valid_lines) - 1), yaml_like)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_check_never_crashes_on_a_mutated_event(tmp_path_factory, line: int, text: str) -> None:
    project = Project(Path(tmp_path_factory.mktemp("p")))
    lines = list(valid_lines)
    lines[line] = text
    project.write("events/1963-04-11-paris.yaml", "\n".join(lines) + "\n")
    result = check_project(project.root)
    for problem in result.problems:
        assert problem.path.startswith("events/") and problem.line >= 1 and problem.column >= 1
        assert "\n" not in problem.message
