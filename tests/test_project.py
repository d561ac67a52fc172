"""The project's own promises about its files: what the package ships and what CI checks."""

from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_says_it_is_typed():
    # PEP 561: without this marker, type checkers ignore jmplan's annotations in the user's code
    assert resources.files("jmplan").joinpath("py.typed").is_file()


def test_ci_checks_style_and_types():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("ruff check .", "ruff format --check .", "mypy"):
        assert f"python3 -m {command}" in ci, f".ci/run does not run {command}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m ruff check . && python3 -m ruff format --check . && python3 -m mypy" in readme


def test_the_license_file_is_the_one_pyproject_names():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in text and 'license-files = ["LICENSE"]' in text
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_the_changelog_has_a_section_for_unreleased_changes():
    # CONTRIBUTING asks for every user-visible change to be listed there
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
