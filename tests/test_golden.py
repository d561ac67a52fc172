"""Golden files: what jmplan prints for a whole plan, compared character for
character with the files under tests/golden/, so that any change to a figure,
a label or a layout shows up as a diff to read before it lands.

Each plan gets `status` as JSON, CSV and Markdown, `gap` and `metrics` as JSON and the text
of the HTML report (tags, styles and charts left out). After changing output on
purpose, regenerate every file with

    python tests/test_golden.py

and read `git diff tests/golden` before committing: every changed line must be
one you meant to change.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def _first_with_a_gap(folder: Path) -> str:
    """The first indicator of a plan with both a starting value and a target (the one `gap` is kept for)."""
    from jmplan import assess_plan, load_plan

    rows = assess_plan(load_plan(folder)).rows
    return next((row.indicator.key for row in rows if row.from_latest is not None), "")


# plan name -> (its folder, the indicator whose `gap` is kept): the shipped
# plan, and every example plan in examples/ as it appears there
PLANS = {"jiangmen": (ROOT / "data", "ecommerce")}
for _plan_file in sorted((ROOT / "examples").glob("*/plan.yaml")):
    PLANS[_plan_file.parent.name] = (_plan_file.parent, _first_with_a_gap(_plan_file.parent))

# file name -> command line (after `--data-dir FOLDER`); {metric} is the plan's gap indicator
OUTPUTS = {
    "status.json": ["status", "--format", "json"],
    "status.zh.csv": ["status", "--format", "csv", "--lang", "zh"],
    "status.en.csv": ["status", "--format", "csv", "--lang", "en"],
    "status.zh.md": ["status", "--format", "markdown", "--lang", "zh"],
    "status.en.md": ["status", "--format", "markdown", "--lang", "en"],
    "gap.json": ["gap", "--metric", "{metric}", "--format", "json"],
    "metrics.json": ["metrics", "--format", "json"],
    "report.zh.txt": ["report", "--format", "html", "--lang", "zh"],
    "report.en.txt": ["report", "--format", "html", "--lang", "en"],
}
# The output as a user's shell would have it, with no jmplan settings
ENV = {"JMPLAN_LANG": None, "JMPLAN_DATA_DIR": None, "JMPLAN_DEBUG": None, "LC_ALL": None, "LANG": "C.UTF-8"}


class _ReportText(HTMLParser):
    """The words a reader sees in the report: one line per block, cells
    separated by ` | `; styles and charts (SVG) left out, since their bytes
    depend on the matplotlib version, not on jmplan."""

    SKIPPED = {"style", "script", "svg"}
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "tr", "figcaption", "title", "div", "table", "figure", "br", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _end_line(self) -> None:
        line = re.sub(r"[ \t]+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif not self.skipping:
            if tag in self.BLOCKS:
                self._end_line()
            elif tag in ("td", "th") and self.current:
                self.current.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping -= 1
        elif not self.skipping and tag in self.BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data.replace("\n", " "))


def report_text(html: str) -> str:
    parser = _ReportText()
    parser.feed(html)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines) + "\n"


def produce(folder: Path, metric: str, name: str) -> str:
    from jmplan import __version__
    from jmplan.cli import cli

    args = ["--data-dir", str(folder)] + [a.format(metric=metric) for a in OUTPUTS[name]]
    result = CliRunner().invoke(cli, args, env=ENV)
    assert result.exit_code == 0, f"jmplan {' '.join(args)} failed:\n{result.stderr}"
    out = result.stdout.lstrip("\ufeff")  # the CSV's BOM is checked by the CSV tests
    if name.startswith("report."):
        out = report_text(out)
    # the version changes with every release, the rest of the text does not
    return out.replace(f"jmplan {__version__}", "jmplan {version}").replace(__version__, "{version}")


CASES = [
    (plan, name)
    for plan, (folder, metric) in PLANS.items()
    for name in OUTPUTS
    if metric or not name.startswith("gap.")
]


@pytest.mark.parametrize("plan,name", CASES, ids=[f"{p}/{n}" for p, n in CASES])
def test_output_matches_its_golden_file(plan: str, name: str) -> None:
    folder, metric = PLANS[plan]
    golden = GOLDEN / plan / name
    assert golden.exists(), f"{golden} is missing: run python tests/test_golden.py"
    # bytes, so that the CSV's \r\n line ends are compared too
    assert produce(folder, metric, name) == golden.read_bytes().decode("utf-8"), (
        f"jmplan's {' '.join(OUTPUTS[name])} for {plan} differs from {golden.relative_to(ROOT)}; "
        "if the change is meant, run python tests/test_golden.py and read the diff"
    )


def test_every_golden_file_is_produced() -> None:
    # a golden file no test produces any more would pass unnoticed
    expected = {f"{plan}/{name}" for plan, name in CASES}
    present = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    assert present == expected


def test_report_text_keeps_words_and_drops_markup() -> None:
    html = (
        "<html><head><title>T</title><style>p { x: 1 }</style></head><body>"
        "<h1>Report &amp; more</h1><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<figure><svg><text>axis</text></svg><figcaption>Chart</figcaption></figure></body></html>"
    )
    assert report_text(html) == "T\nReport & more\nA | B\n1 | 2\nChart\n"


def regenerate() -> None:
    for plan, name in CASES:
        folder, metric = PLANS[plan]
        path = GOLDEN / plan / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produce(folder, metric, name), encoding="utf-8", newline="")
    for path in GOLDEN.rglob("*"):
        if path.is_file() and f"{path.parent.name}/{path.name}" not in {f"{p}/{n}" for p, n in CASES}:
            path.unlink()
            print(f"removed {path}")
    print(f"updated {len(CASES)} files under {GOLDEN}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    regenerate()
