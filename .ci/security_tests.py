"""Fail unless the security tests ran and passed: every test function of the modules below.

A change to conftest.py, pytest.ini, pyproject.toml or the like could deselect, skip or drop
them while the run stays green. `.ci/run` and the pull request's "code" job therefore have
pytest write a JUnit report (PYTEST_ADDOPTS, so the test command itself stays the README's)
and run this on it:

    python .ci/security_tests.py REPORT.xml

Exit 0 if every `def test_...` of each module has at least one case that passed; otherwise
one line per test that did not run or did not pass, and exit 1.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from defusedxml import ElementTree as ET

REPO = Path(__file__).resolve().parents[1]
SECURITY_MODULES = ("tests/test_hostile.py", "tests/test_site_security.py")


def expected(repo: Path = REPO) -> dict[str, set[str]]:
    """Each security module (as pytest's `classname`) and the names of its test functions."""
    found = {}
    for module in SECURITY_MODULES:
        tree = ast.parse((repo / module).read_text(encoding="utf-8"))
        found[module.removesuffix(".py").replace("/", ".")] = {
            node.name for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test")}
    return found


def passed(report: Path) -> set[tuple[str, str]]:
    """(classname, function) of every test case in the JUnit `report` that passed."""
    cases = set()
    for case in ET.parse(report).getroot().iter("testcase"):
        if any(child.tag in ("failure", "error", "skipped") for child in case):
            continue
        cases.add((case.get("classname", ""), case.get("name", "").split("[")[0]))
    return cases


def problems(report: Path, repo: Path = REPO) -> list[str]:
    if not report.is_file():
        return [f"error: no test report at {report}: the security tests cannot be shown to "
                "have run"]
    ran = passed(report)
    return [f"error: the security test {module.replace('.', '/')}.py::{name} did not run or did "
            "not pass: a change to the test configuration must not drop it"
            for module, names in sorted(expected(repo).items()) for name in sorted(names)
            if (module, name) not in ran]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python .ci/security_tests.py REPORT.xml", file=sys.stderr)
        return 2
    found = problems(Path(argv[0]))
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        count = sum(len(names) for names in expected().values())
        print(f"the {count} security tests of {', '.join(SECURITY_MODULES)} ran and passed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
