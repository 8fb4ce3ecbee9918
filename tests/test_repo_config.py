"""GitHub workflows, issue forms, CODEOWNERS and the pre-commit hook: valid, and safe for forks.

Workflows and issue forms are validated offline against the GitHub schemas that
check-jsonschema ships (`--builtin-schema vendor.*`).
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import GOOD_EVENT, REPO, Project

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = [GITHUB / "ISSUE_TEMPLATE" / name for name in ("suggest-event.yml", "report-error.yml")]


def _load(path) -> dict:
    return yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # 'on' stays a text key


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", FORMS),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
], ids=["workflows", "issue-forms", "issue-config", "dependabot"])
def test_valid_against_github_schemas(schema: str, files: list) -> None:
    assert files and all(f.is_file() for f in files)
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                             *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail() -> None:
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", "-"], input="on: push\njobs: {x: 1}\n",
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1


def test_no_workflow_runs_untrusted_code_with_secrets() -> None:
    for path in WORKFLOWS:
        code = "\n".join(line.split(" #")[0] for line in path.read_text().splitlines()
                         if not line.lstrip().startswith("#"))
        assert "pull_request_target" not in code, path.name
        workflow = _load(path)
        assert "pull_request_target" not in workflow["on"], path.name
        assert workflow["permissions"] == {"contents": "read"}, path.name


def test_pull_requests_are_checked_tested_built_and_previewed() -> None:
    workflow = _load(GITHUB / "workflows" / "pr.yml")
    assert list(workflow["on"]) == ["pull_request"]
    content, code = workflow["jobs"]["content"], workflow["jobs"]["code"]
    runs = [step.get("run", "") for step in content["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in content["steps"]]
    assert "python -m pip install --require-hashes -r requirements-lock.txt" in runs
    assert "python build.py check --format github" in runs
    assert 'python -m pytest -q -m "not browser" tests/check tests/site tests/records' in runs
    assert any(re.search(r"\bpython build.py$", run) for run in runs)
    upload = content["steps"][uses.index("actions/upload-artifact")]
    assert upload["with"]["path"] == "site/"
    # a change outside the content folders runs everything, browser tests included
    assert code["needs"] == "changes" and "code == 'true'" in code["if"]
    full = [step for step in code["steps"] if step.get("run") == "python -m pytest -q"]
    assert full and full[0]["env"]["CHROMIUM"]
    detect = workflow["jobs"]["changes"]["steps"][-1]["run"]
    assert "^(events|documents|actors|themes|pages)/" in detect
    for job in workflow["jobs"].values():
        assert all(step["with"]["persist-credentials"] == "false"
                   for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))


def test_main_is_deployed_to_github_pages() -> None:
    workflow = _load(GITHUB / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    # the site is built with the address Pages gives it: a full sitemap, oEmbed and Cite
    pages = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    built = next(s for s in build["steps"] if "python build.py" in s.get("run", "")
                 and "check" not in s["run"])
    assert built["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert '--site-url "${SITE_URL%/}/"' in built["run"]


# --- CODEOWNERS ------------------------------------------------------------------------------

def _owners(path: str) -> list[str]:
    """Owners of `path` under .github/CODEOWNERS: the last matching pattern wins."""
    owners: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        if _matches(pattern, path):
            owners = names
    return owners


def _matches(pattern: str, path: str) -> bool:
    if pattern.endswith("/"):
        return path.startswith(pattern.lstrip("/"))
    if pattern.startswith("/"):
        return path == pattern[1:]
    return fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)


@pytest.mark.parametrize("path", [
    "desclasificado/cli.py", "desclasificado/render/markup.py", "build.py", "mkdocs_hooks.py",
    "mkdocs.yml", "theme/main.html", ".github/workflows/pr.yml", ".github/CODEOWNERS",
    "requirements.txt", "pyproject.toml", "tests/contribute/test_new.py", ".ci/run",
    "README.md", "FORMAT.md",
])
def test_code_and_automation_need_a_maintainer(path: str) -> None:
    assert _owners(path) == ["@desclasificado/maintainers"]


@pytest.mark.parametrize("path", ["events/1963-04-11-x.yaml", "documents/176-10036-10058.yaml",
                                  "documents/176-10036-10058.md", "actors/cia.yaml",
                                  "themes/coups.yaml"])
def test_content_is_unowned(path: str) -> None:
    assert _owners(path) == []


# --- pre-commit and the pull request template ------------------------------------------------

def test_pre_commit_hook_checks_changed_records(project: Project,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local"
    assert hook["entry"] == "python build.py check" and hook["pass_filenames"] is True
    # it installs what it needs: the packages of requirements.txt, exactly
    required = [line.split("#")[0].strip() for line in (REPO / "requirements.txt").read_text().splitlines()]
    assert hook["language"] == "python"
    assert hook["additional_dependencies"] == [line for line in required if line]
    for path in ("events/x.yaml", "documents/a.md", "actors/a.yaml", "themes/t.yaml"):
        assert re.search(hook["files"], path), path
    for path in ("desclasificado/cli.py", "templates/event.yaml", "README.md"):
        assert not re.search(hook["files"], path), path
    # What the hook runs, with the file names pre-commit passes (relative to the root):
    from desclasificado.cli import main

    project.write("events/bad.yaml", GOOD_EVENT.replace("title:", "titel:"))
    argv = hook["entry"].split()[2:] + ["events/bad.yaml"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project.root)
        assert main(argv, root=project.root) == 1
    assert "events/bad.yaml:2:1: error: unknown field 'titel'" in capsys.readouterr().out


def test_pull_request_template_has_the_sourcing_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text()
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) >= 5
    assert any("word for word" in item for item in items)
    assert any("According to" in item for item in items)


def test_build_py_outside_the_environment_says_how_to_set_it_up() -> None:
    """Without the project's packages (python -S: no site-packages), one line, no traceback."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-S", str(REPO / "build.py"), "check"], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: the Python package '")
    assert ".venv/bin/pip install -r requirements.txt" in done.stderr
    assert done.stderr.count("\n") == 1


# --- the security tests cannot be dropped silently -------------------------------------------

@pytest.mark.parametrize("path", [
    "conftest.py", "tests/conftest.py", "tests/browser/conftest.py", "events/conftest.py",
    "pytest.ini", ".pytest.ini", "setup.cfg", "tox.ini", "events/.pytest.ini",
    "tests/test_hostile.py", "tests/test_site_security.py", "tests/hostile/markup/events/x.yaml",
    ".ci/security_tests.py",
])
def test_what_decides_which_tests_run_needs_a_maintainer(path: str) -> None:
    assert _owners(path) == ["@desclasificado/maintainers"]


def _security_check() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("security_tests", REPO / ".ci" / "security_tests.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(path, cases: list[tuple[str, str, str]]) -> None:
    """A JUnit report with `cases` (classname, name, outcome: passed, skipped or failure)."""
    body = "".join(f'<testcase classname="{c}" name="{n}">' + ("" if o == "passed" else f"<{o}/>")
                   + "</testcase>" for c, n, o in cases)
    path.write_text(f'<testsuites><testsuite name="pytest">{body}</testsuite></testsuites>')


def test_ci_fails_unless_every_security_test_ran_and_passed(tmp_path) -> None:
    check = _security_check()
    expected = check.expected()
    assert set(expected) == {"tests.test_hostile", "tests.test_site_security"}
    assert all(expected.values()) and "test_each_payload_is_refused_with_its_position" in expected["tests.test_hostile"]
    every = [(module, f"{name}[case]", "passed") for module, names in expected.items()
             for name in sorted(names)]
    report = tmp_path / "report.xml"
    _report(report, every)
    assert check.problems(report) == []
    dropped, skipped = every[0], every[-1]
    _report(report, [case for case in every if case != dropped])
    assert check.problems(report) == [
        f"error: the security test {dropped[0].replace('.', '/')}.py::{dropped[1].split('[')[0]} "
        "did not run or did not pass: a change to the test configuration must not drop it"]
    _report(report, [*every[:-1], (skipped[0], skipped[1], "skipped")])
    assert len(check.problems(report)) == 1
    assert len(check.problems(tmp_path / "none.xml")) == 1


def test_ci_runs_the_readme_s_test_command_then_checks_the_security_tests() -> None:
    readme = (REPO / "README.md").read_text()
    command = re.search(r"```sh\n(python3 -m venv .venv .*pytest)\n```", readme).group(1)
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    assert command in lines
    after = lines[lines.index(command) + 1:]
    assert '.venv/bin/python .ci/security_tests.py "$report"' in after
    assert any("PYTEST_ADDOPTS=" in line and '--junitxml=$report' in line
               for line in lines[:lines.index(command)])
    steps = _load(GITHUB / "workflows" / "pr.yml")["jobs"]["code"]["steps"]
    tests = next(i for i, step in enumerate(steps) if step.get("run") == "python -m pytest -q")
    report = steps[tests]["env"]["PYTEST_ADDOPTS"].removeprefix("--junitxml=")
    assert steps[tests + 1]["run"] == f'python .ci/security_tests.py "{report}"'


# --- actions pinned by commit, kept up to date by Dependabot ---------------------------------

def test_every_action_is_pinned_by_commit_with_its_version_named() -> None:
    """A tag (`@v4`) can be moved to other code; a commit cannot. The comment names the
    version, which Dependabot updates together with the SHA."""
    uses = [(path.name, line.strip()) for path in WORKFLOWS for line in path.read_text().splitlines()
            if re.match(r"\s*(- )?uses:", line)]
    assert len(uses) >= 10
    for name, line in uses:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), (name, line)


def test_dependabot_updates_the_actions_and_the_python_packages() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text())
    assert {(u["package-ecosystem"], u["directory"]) for u in config["updates"]} == {
        ("github-actions", "/"), ("pip", "/")}


# --- the lock file: exact versions, with hashes, for CI and the deploy ----------------------

def _requirements(path) -> list[str]:
    lines = [line.split("#")[0].strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("-r")]


def _locked() -> dict[str, tuple[str, list[str]]]:
    """requirements-lock.txt: each package, its version and its hashes."""
    text = (REPO / "requirements-lock.txt").read_text().replace("\\\n", " ")
    locked = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pin, *hashes = line.split()
            name, version = pin.split("==")
            locked[_canonical(name)] = (version, [h.removeprefix("--hash=sha256:") for h in hashes])
    return locked


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_requirement_within_its_range_with_hashes() -> None:
    from packaging.requirements import Requirement

    locked = _locked()
    assert locked and all(re.fullmatch(r"[0-9a-f]{64}", h) for _, hashes in locked.values()
                          for h in hashes) and all(hashes for _, hashes in locked.values())
    for path in (REPO / "requirements.txt", REPO / "requirements-dev.txt"):
        for line in _requirements(path):
            wanted = Requirement(line)
            name = _canonical(wanted.name)
            assert name in locked, f"{path.name}: {wanted.name} is not in requirements-lock.txt: refresh it"
            assert wanted.specifier.contains(locked[name][0], prereleases=True), (line, locked[name][0])


def test_ci_and_the_deploy_install_the_lock_checking_hashes() -> None:
    install = "python -m pip install --require-hashes -r requirements-lock.txt"
    for path in WORKFLOWS:
        runs = [step.get("run", "") for job in _load(path)["jobs"].values() for step in job["steps"]]
        installs = [run for run in runs if "pip install" in run]
        assert installs and all(run == install for run in installs), path.name
    run = (REPO / ".ci" / "run").read_text()
    assert ".venv/bin/pip install -q --require-hashes -r requirements-lock.txt" in run
    readme = (REPO / "README.md").read_text()
    header = (REPO / "requirements-lock.txt").read_text()
    command = re.search(r"#    (pip-compile .*)", header).group(1)
    assert command in readme  # how to refresh it, documented
