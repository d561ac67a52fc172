"""The planning office's year: responsible departments, provenance of
observations, and the standard completion table (status --layout review,
CSV, .xlsx). Expected figures are worked by hand in the comments."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SMALL_BASELINE, SMALL_TARGETS, write_plan

# users first in the file, without a target: the completion table puts it last
OFFICE_PLAN = """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
  users:
    name_zh: 用户数
    name_en: Users
    unit: 户
    growth_model: compound
  sales:
    name_zh: 销售额
    name_en: Sales
    unit: 亿元
    unit_en: 100 million yuan
    growth_model: compound
    responsible: 市商务局
    responsible_en: Municipal Bureau of Commerce
  share:
    name_zh: 覆盖率
    name_en: Coverage
    unit: "%"
    growth_model: linear
    responsible: 市工业和信息化局
"""

OFFICE_ACTUALS = """\
observations:
  users:
    2016: 10
  sales:
    2018: {value: 120, data_status: preliminary, source: 统计快报, recorded: 2019-01-20}
  share:
    2017: 55
    2018:
      value: 70
      source: 统计公报
      recorded: 2019-04-02
      history:
        - {value: 68, data_status: preliminary, source: 统计快报, recorded: 2019-01-20}
"""


@pytest.fixture
def office_plan(tmp_path):
    return write_plan(tmp_path / "plan", OFFICE_PLAN, SMALL_BASELINE, SMALL_TARGETS, OFFICE_ACTUALS)


def test_responsible_in_json_and_table(run, office_plan):
    data = json.loads(run("status", "-f", "json", "--data-dir", office_plan).stdout)
    by_key = {m["key"]: m for m in data["metrics"]}
    assert by_key["sales"]["responsible"] == "市商务局"
    assert by_key["sales"]["responsible_en"] == "Municipal Bureau of Commerce"
    assert by_key["users"]["responsible"] == ""
    zh = run("status", "--lang", "zh", "--data-dir", office_plan).stdout
    assert "责任部门" in zh and "市工业和信息化局" in zh
    # in English the English name where the plan gives one, else the Chinese
    en = run("status", "--lang", "en", "--data-dir", office_plan).stdout
    assert "Municipal Bureau of Commerce" in en and "市工业和信息化局" in en
    metrics = run("metrics", "--lang", "zh", "--data-dir", office_plan).stdout
    assert "市商务局" in metrics


def test_a_plan_without_departments_has_no_empty_column(run):
    assert "责任部门" not in run("status", "--lang", "zh").stdout


@pytest.mark.parametrize("query", ["商务", "commerce", "COMMERCE"])
def test_status_responsible_filters(run, office_plan, query):
    result = run("status", "--responsible", query, "--lang", "zh", "--data-dir", office_plan)
    assert result.exit_code == 0
    assert "销售额" in result.stdout
    assert "覆盖率" not in result.stdout and "用户数" not in result.stdout
    data = json.loads(run("status", "--responsible", query, "-f", "json", "--data-dir", office_plan).stdout)
    assert [m["key"] for m in data["metrics"]] == ["sales"]
    assert data["counts"] == {"behind": 1}


def test_status_responsible_unknown_names_the_departments(run, office_plan):
    result = run("status", "--responsible", "交通", "--data-dir", office_plan)
    assert result.exit_code == 2
    assert "市商务局, 市工业和信息化局" in result.stderr


def test_provenance_is_read(office_plan):
    from jmplan import load_plan

    plan = load_plan(office_plan)
    sales = plan.observations["sales"][2018]
    assert (sales.data_status, sales.quote, sales.recorded) == ("preliminary", "统计快报", "2019-01-20")
    share = plan.observations["share"][2018]
    assert share.data_status == "final"  # the default
    assert [(h.value, h.data_status, h.recorded) for h in share.history] == [(68, "preliminary", "2019-01-20")]
    assert plan.observations["share"][2017].data_status == "final"


def test_review_table_figures(run, office_plan):
    # sales: 100 -> 150 in 2015-2020, 120 in 2018 (preliminary).
    #   required growth (150/100)^(1/5) - 1 = 8.447 %; actual (120/100)^(1/3) - 1 = 6.266 %
    #   completion (120-100)/(150-100) = 40 %; time elapsed 3/5 = 60 %
    #   expected (1.08447^3 - 1)/(1.08447^5 - 1) = 0.27549/0.5 = 55.1 %; r = 0.726: behind
    # share: 40 -> 90, linear: required (90-40)/5 = +10 pp/yr; 70 in 2018: actual (70-40)/3 = +10 pp/yr,
    #   completion 30/50 = 60 %, time 60 %, expected 60 %: on track
    out = run("status", "--layout", "review", "--lang", "zh", "--data-dir", office_plan).stdout
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("指标"))
    for word in ("属性", "基期值 (2015)", "目标值 (2020)", "2018年值", "年均增长（规划）", "年均增长（实际）"):
        assert word in header
    for word in ("完成进度", "时间进度", "预期进度", "评价"):
        assert word in header
    sales = next(line for line in lines if line.startswith("销售额")).split()
    # attribute: none written, so the default 预期性 (expected)
    assert sales[2:] == ["预期性", "100", "150", "120（初步）", "8.4%", "6.3%", "40.0%", "60.0%", "55.1%", "滞后于预期"]
    share = next(line for line in lines if line.startswith("覆盖率")).split()
    assert share[2:] == [
        "预期性",
        "40%",
        "90%",
        "70%",
        "+10个百分点",
        "+10个百分点",
        "60.0%",
        "60.0%",
        "60.0%",
        "符合预期",
    ]
    names = [line.split()[0] for line in lines if line.split() and line.split()[0] in ("用户数", "销售额", "覆盖率")]
    assert names == ["销售额", "覆盖率", "用户数"]  # without a target last
    assert "状态汇总：滞后于预期 1，符合预期 1，无目标 1" in out
    assert "初步核算" in out


def test_review_csv_is_raw_with_codes(run, office_plan):
    result = run("status", "--layout", "review", "-f", "csv", "--lang", "en", "--data-dir", office_plan)
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    sales = rows[0]
    assert sales["Key"] == "sales" and sales["Data status"] == "preliminary"
    assert float(sales["Required growth/yr"]) == pytest.approx(1.5**0.2 - 1)
    assert float(sales["Actual growth/yr"]) == pytest.approx(1.2 ** (1 / 3) - 1)
    assert float(sales["Time elapsed"]) == pytest.approx(0.6)
    assert (sales["Assessment"], sales["Status code"]) == ("behind", "behind")
    assert float(rows[1]["Actual change/yr"]) == pytest.approx(10)
    assert rows[2]["Key"] == "users"


def test_review_xlsx(run, office_plan, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "review.xlsx"
    result = run("status", "--layout", "review", "--lang", "zh", "--data-dir", office_plan, "-o", target)
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(target).active
    headers = [c.value for c in sheet[1]]
    sales = dict(zip(headers, [c for c in sheet[2]]))
    assert sales["代码"].value == "sales"
    assert sales["完成进度"].value == pytest.approx(0.4)
    assert sales["完成进度"].number_format == "0.0%"
    assert sales["当年值"].value == 120
    assert sheet.freeze_panes == "A2"


def test_status_xlsx_refuses_another_format(run, office_plan, tmp_path):
    result = run("status", "-f", "json", "--data-dir", office_plan, "-o", tmp_path / "s.xlsx")
    assert result.exit_code == 2
    assert not (tmp_path / "s.xlsx").exists()


def test_xlsx_text_that_looks_like_a_formula_stays_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from jmplan.show.render import Table
    from jmplan.show.workbook import table_workbook

    data = table_workbook(Table(["name", "n"], [["=HYPERLINK(1)", "12"]]))
    (tmp_path / "t.xlsx").write_bytes(data)
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=HYPERLINK(1)"
    assert sheet["B2"].value == 12


def test_provenance_in_json(run, office_plan):
    data = json.loads(run("gap", "-m", "share", "-f", "json", "--data-dir", office_plan).stdout)
    latest = data["latest"]
    assert "data_status" not in latest  # final, the default
    assert latest["recorded"] == "2019-04-02"
    assert latest["history"] == [
        {
            "year": 2018,
            "value": 68,
            "qualifier": None,
            "source": "统计快报",
            "data_status": "preliminary",
            "recorded": "2019-01-20",
        }
    ]
    sales = json.loads(run("gap", "-m", "sales", "-f", "json", "--data-dir", office_plan).stdout)
    assert sales["latest"]["data_status"] == "preliminary"


@pytest.fixture
def recorded_jiangmen(run, shipped_copy):
    """The Jiangmen plan with e-commerce on its path, fibre to the home behind,
    and a preliminary figure for online services."""
    for args in (
        ["ecommerce", "2016", "835.93", "--source", "2016年统计公报"],
        ["ecommerce", "2018", "1192.09"],
        ["fibre_to_home", "2018", "50"],
        ["fibre_to_home", "2019", "60"],
        ["online_services", "2017", "40"],
        ["online_services", "2019", "70"],
    ):
        assert run("record", *args, "--data-dir", shipped_copy).exit_code == 0
    actuals = shipped_copy / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8").replace("2019: 70", "2019: {value: 70, data_status: preliminary}")
    actuals.write_text(text, encoding="utf-8")
    return shipped_copy


def test_word_report(run, recorded_jiangmen, tmp_path):
    docx = pytest.importorskip("docx")
    target = tmp_path / "报告.docx"
    result = run("report", "--lang", "zh", "--data-dir", recorded_jiangmen, "-o", target)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    # real Word heading styles: the title, sections in Heading 1, indicators in Heading 2 (names, not keys)
    assert styles[0][0] == "Title" and "2019年度实施进展报告" in styles[0][1]
    assert ("Heading 1", "主要指标完成情况") in styles and ("Heading 1", "状态汇总") in styles
    assert ("Heading 2", "光纤入户率") in styles
    assert not any("fibre_to_home" in text for _, text in styles)
    # indicators with a target come before those without one
    names = [text for style, text in styles if style == "Heading 2"]
    assert names.index("电子商务交易额") < names.index("光缆线路长度")
    summary, completion = document.tables[0], document.tables[1]
    assert [c.text for c in summary.rows[1].cells] == ["▼ 滞后于预期", "1"]  # the worst first, with its mark
    header = [c.text for c in completion.rows[0].cells]
    assert header[:3] == ["指标", "单位", "属性"] and header[-4:] == ["完成进度", "时间进度", "预期进度", "评价"]
    fibre = next(r for r in completion.rows if r.cells[0].text == "光纤入户率")
    assert fibre.cells[-1].text == "▼ 滞后于预期"
    assert fibre.cells[-1].paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor.from_string("B42318")
    online = next(r for r in completion.rows if r.cells[0].text == "基本公共服务事项网上办理率")
    assert online.cells[5].text == "70%（初步）"
    # a chart per indicator with something to draw, as PNG at print resolution
    assert len(document.inline_shapes) == 3
    from PIL import Image

    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = Image.open(io.BytesIO(document.part.related_parts[blob].blob))
    assert image.format == "PNG" and image.info["dpi"][0] == pytest.approx(300, abs=1)
    # no "[定性]" after every goal: the section heading says they are qualitative
    assert not any("[定性]" in p.text for p in document.paragraphs)
    # the completion table has landscape pages of its own; the rest is portrait
    from docx.enum.section import WD_ORIENT

    orientations = [section.orientation for section in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert document.sections[1].page_width > document.sections[1].page_height
    # headings keep with what follows them
    assert all(p.paragraph_format.keep_with_next for p in document.paragraphs if p.style.name == "Heading 2")


def test_pdf_report(run, recorded_jiangmen, tmp_path):
    pytest.importorskip("weasyprint")
    target = tmp_path / "report.pdf"
    result = run("report", "--lang", "zh", "--data-dir", recorded_jiangmen, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_report_format_conflicts_with_the_file(run, recorded_jiangmen, tmp_path):
    result = run("report", "--format", "html", "--data-dir", recorded_jiangmen, "-o", tmp_path / "r.docx")
    assert result.exit_code == 2 and "ending in .html" in result.stderr
    assert not (tmp_path / "r.docx").exists()


def test_html_report_marks_statuses_and_keeps_headings_with_their_text(run, recorded_jiangmen, tmp_path):
    target = tmp_path / "r.html"
    assert run("report", "--lang", "zh", "--data-dir", recorded_jiangmen, "-o", target).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert '<td class="left status bad"><span class="mark">▼</span> 滞后于预期</td>' in html
    assert '<section class="keep">\n<h3>光纤入户率</h3>' in html
    assert "h1, h2, h3 { break-after: avoid" in html
    # the completion table prints on landscape pages, its heading with it
    assert '<section class="landscape">\n<h2>主要指标完成情况</h2>\n<table class="wide">' in html
    assert "@page landscape { size: A4 landscape" in html
    assert "(fibre_to_home)" not in html and "[定性]" not in html


@pytest.mark.parametrize("size, pixels", [("16x9", (1890, 1063)), ("10x6", (1181, 709))])
def test_chart_size_and_print_resolution(run, recorded_jiangmen, tmp_path, size, pixels):
    from PIL import Image

    target = tmp_path / "c.png"
    result = run("chart", "-m", "ecommerce", "--chart-size", size, "--data-dir", recorded_jiangmen, "-o", target)
    assert result.exit_code == 0, result.stderr
    image = Image.open(target)
    # 16 cm at 300 pixels an inch: 16 / 2.54 * 300 = 1890
    assert image.size == pytest.approx(pixels, abs=2)


@pytest.mark.parametrize("size", ["16", "axb", "1x1", "100x9"])
def test_chart_size_refused(run, recorded_jiangmen, tmp_path, size):
    result = run(
        "chart", "-m", "ecommerce", "--chart-size", size, "--data-dir", recorded_jiangmen, "-o", tmp_path / "c.png"
    )
    assert result.exit_code == 2 and "--chart-size" in result.stderr


def test_chart_legend_sits_below_the_plot_and_the_unit_on_the_axis(recorded_jiangmen):
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from jmplan import assess_plan, load_plan
    from jmplan.show import chart

    row = next(r for r in assess_plan(load_plan(recorded_jiangmen)).rows if r.key == "ecommerce")
    figure = Figure(figsize=(16 / 2.54, 9 / 2.54), layout="constrained")
    ax = figure.subplots()
    chart._plot(ax, row, "en")
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    legend = ax.get_legend().get_window_extent(renderer)
    plot = ax.get_window_extent(renderer)
    assert legend.y1 <= plot.y0  # wholly below the plotting area: it hides no point
    assert ax.get_ylabel() == "100 million yuan"
    online = next(r for r in assess_plan(load_plan(recorded_jiangmen)).rows if r.key == "online_services")
    svg = chart.draw(online, "en", "svg")[0].decode("utf-8")
    assert "preliminary" in svg  # the open circle of a preliminary figure has its legend entry


def test_record_sets_provenance_and_keeps_the_replaced_figure(run, office_plan):
    from jmplan import load_plan

    args = ["--data-dir", office_plan]
    assert run("record", "sales", "2019", "130", "--status", "preliminary", "--source", "快报", *args).exit_code == 0
    first = load_plan(office_plan).observations["sales"][2019]
    assert (first.value, first.data_status, first.quote, first.recorded) == (130, "preliminary", "快报", "")
    result = run("record", "sales", "2019", "132", "--replace", "--source", "公报", "--recorded", "2020-04-01", *args)
    assert result.exit_code == 0, result.stderr
    final = load_plan(office_plan).observations["sales"][2019]
    assert (final.value, final.data_status, final.quote, final.recorded) == (132, "final", "公报", "2020-04-01")
    assert [(h.value, h.data_status, h.quote) for h in final.history] == [(130, "preliminary", "快报")]
    # a second replacement keeps both earlier figures, oldest first
    assert run("record", "sales", "2019", "133", "--replace", *args).exit_code == 0
    again = load_plan(office_plan).observations["sales"][2019]
    assert [h.value for h in again.history] == [130, 132]
    assert len(again.recorded) == 10  # a replacement is dated: today
    gap = run("gap", "-m", "sales", "--lang", "zh", *args).stdout
    assert "修订：130亿元（初步核算，快报） → 132亿元（最终核实，公报，2020-04-01） → 133亿元（最终核实，" in gap


def test_record_refuses_a_date_that_does_not_exist(run, office_plan):
    result = run("record", "sales", "2019", "130", "--recorded", "2019-02-30", "--data-dir", office_plan)
    assert result.exit_code == 2 and "--recorded" in result.stderr
    assert "'2019-02-30' is not a date written YYYY-MM-DD, such as 2019-03-31." in result.stderr
    chinese = run(
        "record", "sales", "2019", "130", "--recorded", "2019-02-30", "--lang", "zh", "--data-dir", office_plan
    )
    assert chinese.exit_code == 2 and "'2019-02-30' 不是 YYYY-MM-DD 格式的日期，例如 2019-03-31。" in chinese.stderr


def test_preliminary_marked_in_status_and_gap(run, office_plan):
    status = run("status", "--lang", "zh", "--data-dir", office_plan).stdout
    assert "120 (2018)（初步）" in status
    gap = run("gap", "-m", "sales", "--lang", "en", "--data-dir", office_plan).stdout
    assert "Latest (2018): 120 × 100 million yuan (prelim.)" in gap


def _page_blocks(box):
    """The block elements laid out on a page, in order."""
    if getattr(box, "element_tag", None) in ("h1", "h2", "h3", "p", "table", "figure", "li"):
        yield box.element_tag
    for child in getattr(box, "children", None) or []:
        yield from _page_blocks(child)


@pytest.mark.parametrize("lines", range(10, 60, 5))
def test_an_indicator_heading_stays_on_the_page_of_its_chart(lines):
    """Whatever comes before, an indicator's heading, paragraph and chart are
    printed on one page (without the keep-together rule, 30 to 40 lines
    before it leave the heading and paragraph at a page's foot and the chart
    on the next)."""
    weasyprint = pytest.importorskip("weasyprint")
    from jmplan.show.render import Chart, Heading, Lines, Paragraph, to_html

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="460" height="260"><rect width="460" height="260"/></svg>'
    blocks = [
        Heading("Report", 1),
        Lines([f"line {i}" for i in range(lines)]),
        Heading("Indicator", 3),
        Paragraph("text " * 60),
        Chart(svg, "chart"),
    ]
    document = weasyprint.HTML(string=to_html(blocks, "t", "en")).render()
    pages = [list(_page_blocks(page._page_box)) for page in document.pages]
    with_heading = next(tags for tags in pages if "h3" in tags)
    assert "figure" in with_heading


def test_printed_report_never_ends_a_page_with_a_heading(run, recorded_jiangmen, tmp_path):
    """Lay the report out for A4 as the PDF is made, and look at the last
    block of every page: never a heading left without what follows it."""
    weasyprint = pytest.importorskip("weasyprint")
    target = tmp_path / "r.html"
    assert run("report", "--lang", "zh", "--data-dir", recorded_jiangmen, "-o", target).exit_code == 0
    document = weasyprint.HTML(string=target.read_text(encoding="utf-8")).render()
    assert len(document.pages) >= 3
    for number, page in enumerate(document.pages, start=1):
        tags = list(_page_blocks(page._page_box))
        assert tags and tags[-1] not in ("h1", "h2", "h3"), f"page {number} ends with a heading"


def test_word_keeps_what_is_said_about_an_indicator_with_its_chart(run, recorded_jiangmen, tmp_path):
    """Every paragraph and list line from an indicator's heading to its chart
    keeps with the next, so Word moves them to the chart's page together."""
    docx = pytest.importorskip("docx")
    target = tmp_path / "r.docx"
    assert run("report", "--lang", "zh", "--data-dir", recorded_jiangmen, "-o", target).exit_code == 0
    section: list = []
    with_chart = 0
    for paragraph in docx.Document(str(target)).paragraphs:
        if paragraph.style.name.startswith(("Heading", "Title")):
            section = [paragraph] if paragraph.style.name == "Heading 2" else []
        elif paragraph._p.xpath(".//pic:pic"):
            assert section and all(p.paragraph_format.keep_with_next for p in section), section[0].text
            with_chart += 1
            section = []
        elif section:
            section.append(paragraph)
    assert with_chart == 3


def test_a_departments_own_report(run, office_plan, tmp_path):
    target = tmp_path / "r.md"
    result = run("report", "--responsible", "商务", "--lang", "zh", "--data-dir", office_plan, "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "### 销售额" in text and "覆盖率" not in text
    assert "（责任部门：市商务局）" in text
