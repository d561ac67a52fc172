"""`report`, `chart`, `status --method eurostat` and `status --check`."""

import json
import re
import sys
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from conftest import write_plan


@pytest.fixture
def recorded(run, shipped_copy):
    """The Jiangmen plan with a few years recorded: e-commerce exactly on its
    required path (on track), fibre to the home first observed in 2018 and
    falling behind, and a note on one task."""
    for args in (
        ["ecommerce", "2016", "835.93", "--source", "2016年统计公报"],
        ["ecommerce", "2018", "1192.09"],
        ["fibre_to_home", "2018", "50"],
        ["fibre_to_home", "2019", "60"],
    ):
        assert run("record", *args, "--data-dir", shipped_copy).exit_code == 0
    with (shipped_copy / "actuals.yaml").open("a", encoding="utf-8") as handle:
        handle.write("notes:\n  e_government:\n    2019: 网上办事大厅已上线\n")
    return shipped_copy


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_report(run, recorded, tmp_path, lang):
    target = tmp_path / "report.html"
    result = run("report", "--year", "2019", "--lang", lang, "--data-dir", recorded, "-o", target)
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(html)
    text = "".join(parser.text)
    from jmplan import load_plan

    for indicator in load_plan(recorded).indicators.values():
        assert indicator.name(lang) in text
    # a chart for each indicator with data to draw: e-commerce and fibre to the home
    assert parser.tags.count("svg") == 2
    # nothing to fetch: no scripts, stylesheets, images or fonts from elsewhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)|<link|<script|url\(\s*["']?(https?:|//)""", html)
    assert "@page { size: A4" in html
    if lang == "zh":
        assert "网上办事大厅已上线" in text and "符合预期" in text and "滞后于预期" in text
        assert "今后需年均提高30个百分点" in text
    else:
        assert "it needs a rise of 30 pp a year from now" in text and "on track" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_report_with_chart_files(run, recorded, tmp_path, lang):
    target = tmp_path / "report.md"
    result = run("report", "--year", "2019", "--lang", lang, "--data-dir", recorded, "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "![" in text and "](report_charts/ecommerce.svg)" in text
    ElementTree.parse(tmp_path / "report_charts" / "ecommerce.svg")  # valid SVG
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) >= 2 + 22  # the table of every indicator renders as a Markdown table
    assert "|:--" in text or "|---" in text


def test_markdown_report_to_stdout_says_where_charts_go(run, recorded):
    result = run("report", "--data-dir", recorded, "--lang", "en")
    assert result.exit_code == 0 and result.stdout.startswith("# ")
    assert "give -o FILE" in result.stderr


def test_without_matplotlib_svg_charts_are_drawn_and_png_ones_say_how(run, recorded, tmp_path, monkeypatch):
    """matplotlib (the charts extra) draws PNG only: an HTML report and an
    SVG chart need nothing beyond a plain install; a Word report, whose
    charts are PNG, is complete but for them and says how to get them."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    target = tmp_path / "report.html"
    result = run("report", "--lang", "en", "--data-dir", recorded, "-o", target)
    assert result.exit_code == 0 and "jmplan[charts]" not in result.stderr
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") >= 2 and "jmplan[charts]" not in html
    assert run("chart", "--metric", "ecommerce", "--data-dir", recorded, "-o", tmp_path / "c.svg").exit_code == 0
    assert (tmp_path / "c.svg").read_bytes().startswith(b"<?xml")

    pytest.importorskip("docx")
    word = tmp_path / "report.docx"
    result = run("report", "--lang", "en", "--data-dir", recorded, "-o", word)
    assert result.exit_code == 0 and "pip install 'jmplan[charts]'" in result.stderr
    from docx import Document

    paragraphs = [p.text for p in Document(str(word)).paragraphs]
    assert any("pip install 'jmplan[charts]'" in p for p in paragraphs)
    assert "E-commerce transaction volume" in paragraphs and not Document(str(word)).inline_shapes
    failed = run("chart", "--metric", "ecommerce", "--data-dir", recorded, "-o", tmp_path / "c.png")
    assert failed.exit_code == 1 and "pip install 'jmplan[charts]'" in failed.stderr
    assert not (tmp_path / "c.png").exists()


def test_chart_svg_and_png(run, recorded, tmp_path):
    svg = tmp_path / "ecommerce.svg"
    assert run("chart", "--metric", "ecommerce", "--lang", "zh", "--data-dir", recorded, "-o", svg).exit_code == 0
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "电子商务交易额" in svg.read_text(encoding="utf-8")  # kept as text, for the browser to draw
    png = tmp_path / "ecommerce.png"
    result = run("chart", "--metric", "ecommerce", "--lang", "zh", "--data-dir", recorded, "-o", png)
    assert result.exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from jmplan.show.chart import installed_cjk_font

    if installed_cjk_font() is None:  # never empty boxes: English labels, and a note saying why
        assert "no Chinese font found" in result.stderr


def test_chart_refuses_other_formats_and_empty_indicators(run, tmp_path):
    assert run("chart", "-m", "ecommerce", "-o", tmp_path / "c.gif").exit_code == 2
    nothing = run("chart", "-m", "fibre_to_home", "-o", tmp_path / "c.svg")
    assert nothing.exit_code == 1 and "nothing to draw" in nothing.stderr


def test_eurostat_method_worked_case(run, tmp_path):
    """methods.md case A: 100 -> 120 by 2018, target 150: R = 0.7418, moderate."""
    folder = write_plan(tmp_path / "p", actuals="observations:\n  sales:\n    2018: 120\n")
    data = json.loads(run("status", "--method", "eurostat", "-f", "json", "--data-dir", folder).stdout)
    sales = next(m for m in data["metrics"] if m["key"] == "sales")
    assert data["method"] == "eurostat" and sales["method"] == "eurostat"
    assert sales["status"] == "moderate" and sales["ratio"] == pytest.approx(0.7418, abs=5e-5)
    assert sales["actual_growth"] == pytest.approx(0.062659, abs=5e-7)
    table = run("status", "--method", "eurostat", "--lang", "en", "--data-dir", folder).stdout
    assert "moderate progress" in table and "6.3% / 8.4%" in table


def test_check_exits_3_when_an_indicator_is_behind(run, tmp_path, recorded):
    result = run("status", "--check", "--year", "2019", "--data-dir", recorded, "-f", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["counts"]["behind"] == 1  # the output is still whole
    assert "1 indicator is behind, moving away or not achieved: fibre_to_home" in result.stderr
    on_track = run("status", "--check", "--year", "2018", "--data-dir", recorded, "-f", "json")
    assert on_track.exit_code == 0


def test_gap_shows_projection_in_json(run, recorded):
    data = json.loads(run("gap", "-m", "fibre_to_home", "-f", "json", "--data-dir", recorded).stdout)
    # 50 (2018) -> 60 (2019): 10 points a year reaches 70 in 2020, short of 90; 90 in 2022
    assert data["projection"] == {
        "value": pytest.approx(70),
        "meets_target": False,
        "year_reached": 2022,
        "limit": None,
    }


def test_the_shipped_notes_read_in_the_reports_language(run):
    """The shipped baseline's notes were English in the Chinese report; each
    now has its Chinese text (`note`) and its English one (`note_en`)."""
    import re

    zh = run("report", "--lang", "zh").stdout
    en = run("report", "--lang", "en").stdout
    notes_zh = [line for line in zh.splitlines() if "说明：" in line]
    notes_en = [line for line in en.splitlines() if "Note: " in line]
    assert len(notes_zh) == len(notes_en) == 4
    for line in notes_zh:  # nothing in English but what the source itself writes (735G, Gbps)
        assert not re.search(r"[A-Za-z]{3,}", line.replace("Gbps", "")), line
    assert "原文写作“735G”，按 Gbps 读取，这是出口带宽的常用单位。" in notes_zh[0]
    assert 'The text writes "735G"; read as Gbps, the usual unit for exit bandwidth.' in notes_en[0]


def test_a_note_without_note_en_shows_as_written_in_english(tmp_path):
    from conftest import SMALL_PLAN, SMALL_TARGETS, write_plan

    from jmplan import load_plan
    from jmplan.measure.assess import assess_plan
    from jmplan.show.views import figure_remarks

    baseline = (
        "year: 2015\nvalues:\n"
        "  sales: {value: 100, note: 只有中文}\n"
        "  share: {value: 40, note: 中文, note_en: English}\n"
    )
    plan = load_plan(write_plan(tmp_path / "p", SMALL_PLAN, baseline, SMALL_TARGETS))
    rows = {row.key: row for row in assess_plan(plan).rows}
    assert figure_remarks(rows["sales"], "en")[0].endswith("Note: 只有中文")
    assert figure_remarks(rows["share"], "en")[0].endswith("Note: English")
    assert figure_remarks(rows["share"], "zh")[0].endswith("说明：中文")
