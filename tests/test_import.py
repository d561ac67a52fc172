"""`jmplan template` and `jmplan import`: the sheet a department fills in,
read back with every problem at its cell, and written all or nothing."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from conftest import SMALL_BASELINE, SMALL_TARGETS, write_plan

openpyxl = pytest.importorskip("openpyxl")

PLAN = """\
plan:
  name_zh: 测试规划
  name_en: Test plan
  base_year: 2015
  target_year: 2020
indicators:
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


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Messages name files relative to the working folder, as a user sees them."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def plan(tmp_path):
    return write_plan(tmp_path / "plan", PLAN, SMALL_BASELINE, SMALL_TARGETS, "observations:\n  share:\n    2016: 45\n")


def files_of(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def fill(template: Path, target: Path, values: dict[str, dict[str, object]], percent: set[str] = frozenset()):
    """Type into the template's input cells as a person would, by column header."""
    book = openpyxl.load_workbook(template)
    for sheet in book.worksheets:
        headers = [str(c.value).split(" (")[0] for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for header, value in values.get(row[0].value, {}).items():
                cell = row[headers.index(header)]
                cell.value = value
                if row[0].value in percent and header == "本年值":
                    cell.number_format = "0%"
    book.save(target)
    return target


def test_template_xlsx(run, plan, tmp_path):
    target = tmp_path / "2018.xlsx"
    result = run("template", "--year", "2018", "--lang", "zh", "--data-dir", plan, "-o", target)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(target)
    sheet = book.active
    assert sheet.title == "2018年数据"
    headers = [c.value for c in sheet[1]]
    assert headers == [
        "代码",
        "指标",
        "单位",
        "责任部门",
        "上年值 (2017)",
        "目标值 (2020)",
        "年份",
        "本年值",
        "数据状态",
        "数据来源",
    ]
    rows = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    assert rows["sales"][:8] == ["sales", "销售额", "亿元", "市商务局", None, "150", "2018", None]
    # the key column is locked, the input cells are not, and the sheet is protected
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked and not sheet["H2"].protection.locked
    assert any("初步核算" in str(v.formula1) for v in sheet.data_validations.dataValidation)


def test_template_last_year_is_the_baseline_or_the_observation(run, plan, tmp_path):
    run("template", "--year", "2016", "--lang", "en", "--data-dir", plan, "-o", tmp_path / "a.csv")
    text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Key,Indicator,Unit,Responsible,Last year (2015),Target (2020),Year,Value")
    assert "sales,Sales,100 million yuan,Municipal Bureau of Commerce,100,150,2016,,," in text
    run("template", "--year", "2017", "--lang", "zh", "--data-dir", plan, "-o", tmp_path / "b.csv")
    assert "share,覆盖率,%,市工业和信息化局,45%,90%,2017" in (tmp_path / "b.csv").read_text(encoding="utf-8-sig")


def test_template_by_department(run, plan, tmp_path):
    target = tmp_path / "by.xlsx"
    assert (
        run("template", "--year", "2018", "--by-department", "--lang", "zh", "--data-dir", plan, "-o", target).exit_code
        == 0
    )
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["市商务局", "市工业和信息化局"]
    assert [r[0].value for r in book["市商务局"].iter_rows(min_row=2)] == ["sales"]
    result = run("template", "--year", "2018", "--by-department", "--data-dir", plan, "-o", tmp_path / "x.csv")
    assert result.exit_code == 2


def test_import_round_trip(run, plan, tmp_path):
    template = tmp_path / "t.xlsx"
    run("template", "--year", "2018", "--lang", "zh", "--data-dir", plan, "-o", template)
    # as staff type them: 1.2万亿? no: 120亿元 for sales; 70% typed into a percent-formatted cell (stored 0.7)
    filled = fill(
        template,
        tmp_path / "filled.xlsx",
        {"sales": {"本年值": "120亿元", "数据状态": "初步核算", "数据来源": "统计快报"}, "share": {"本年值": 0.7}},
        percent={"share"},
    )
    before = files_of(plan)
    dry = run("import", filled, "--dry-run", "--lang", "zh", "--data-dir", plan)
    assert dry.exit_code == 0, dry.stderr
    assert "销售额 2018 年：120亿元（初步核算）" in dry.stdout and "覆盖率 2018 年：70%" in dry.stdout
    assert files_of(plan) == before  # a dry run writes nothing
    done = run("import", filled, "--lang", "zh", "--data-dir", plan)
    assert done.exit_code == 0, done.stderr
    from jmplan import load_plan

    observed = load_plan(plan).observations
    sales = observed["sales"][2018]
    assert (sales.value, sales.data_status, sales.quote) == (120, "preliminary", "统计快报")
    assert len(sales.recorded) == 10
    assert observed["share"][2018].value == 70
    assert observed["share"][2016].value == 45  # untouched
    # the same sheet again: nothing new
    again = run("import", filled, "--lang", "en", "--data-dir", plan)
    assert again.exit_code == 0 and "2 more already recorded" in again.stdout
    # the final figure replaces the preliminary one only with --replace, and keeps it in history
    final = fill(
        template, tmp_path / "final.xlsx", {"sales": {"本年值": 125, "数据状态": "最终核实", "数据来源": "统计公报"}}
    )
    refused = run("import", final, "--lang", "en", "--data-dir", plan)
    assert refused.exit_code == 1
    assert (
        refused.stderr.startswith("final.xlsx:2018年数据!H2: sales already has 120 for 2018")
        or "!H2: sales already has 120" in refused.stderr
    )
    assert run("import", final, "--replace", "--data-dir", plan).exit_code == 0
    sales = load_plan(plan).observations["sales"][2018]
    assert (sales.value, sales.data_status, sales.quote) == (125, "final", "统计公报")
    assert [(h.value, h.data_status, h.quote) for h in sales.history] == [(120, "preliminary", "统计快报")]
    report = run("status", "--layout", "review", "--lang", "zh", "--data-dir", plan).stdout
    assert "125" in report and "（初步）" not in report


def test_import_reports_every_problem_at_its_cell_and_writes_nothing(run, plan, tmp_path):
    template = tmp_path / "t.xlsx"
    run("template", "--year", "2018", "--lang", "zh", "--data-dir", plan, "-o", template)
    filled = fill(
        template,
        tmp_path / "bad.xlsx",
        {"sales": {"本年值": "120公里"}, "share": {"本年值": "130", "数据状态": "maybe"}},
    )
    before = files_of(plan)
    result = run("import", filled, "--lang", "zh", "--data-dir", plan)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith(" ")]
    # the reason `record` gives too, in the same words
    assert lines[0].startswith("bad.xlsx:2018年数据!H2：'120公里' 的单位是 '公里'，而该指标以 亿元")
    assert any(line.startswith("bad.xlsx:2018年数据!I3：'maybe' 不是数据状态") for line in lines)
    assert lines[-1] == "jmplan：表格中有 3 个问题，未写入任何数值。"
    assert files_of(plan) == before


@pytest.mark.parametrize(
    "encoding, separator",
    [("utf-8-sig", ","), ("utf-8", ","), ("gbk", ","), ("gbk", ";"), ("utf-8-sig", "\t")],
)
def test_import_csv_as_excel_writes_it(run, plan, tmp_path, encoding, separator):
    rows = [["代码", "指标", "年份", "本年值", "数据状态"], ["sales", "销售额", "2017", "1,10万亿", ""]]
    rows[1][3] = "110"
    rows.append(["share", "覆盖率", "2017", "52%", "初步"])
    target = tmp_path / "sheet.csv"
    target.write_bytes("\r\n".join(separator.join(r) for r in rows).encode(encoding))
    result = run("import", target, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    from jmplan import load_plan

    observed = load_plan(plan).observations
    assert observed["sales"][2017].value == 110
    assert (observed["share"][2017].value, observed["share"][2017].data_status) == (52, "preliminary")


def test_import_csv_problems_name_the_cell(run, plan, tmp_path):
    target = tmp_path / "s.csv"
    target.write_text("代码,年份,本年值\nsales,2017,lots\nnope,2017,5\n", encoding="utf-8")
    result = run("import", target, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "s.csv:C2: 'lots' is not a number"
    assert "s.csv:A3: 'nope' is not an indicator of this plan" in result.stderr


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("u16.csv", b"\xff\xfe\x41\x00", "the file is UTF-16"),
        ("latin.csv", "代码,本年值\n".encode() + b"\xff\xfe\xfd\x80\x81", "neither UTF-8 nor GBK"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "an .xls file (Excel 97-2003) cannot be read"),
        ("fake.xlsx", b"not a zip", "not an .xlsx workbook"),
    ],
)
def test_import_refuses_what_it_cannot_read(run, plan, tmp_path, name, data, message):
    target = tmp_path / name
    target.write_bytes(data)
    result = run("import", target, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{name}: ") and message in result.stderr.splitlines()[0]


def test_import_refuses_xml_entity_expansion(run, plan, tmp_path):
    """A workbook whose XML defines entities (the 'billion laughs') is refused
    by defusedxml instead of being expanded in memory."""
    template = tmp_path / "t.xlsx"
    run("template", "--year", "2018", "--data-dir", plan, "-o", template)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(bomb, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                declaration_end = text.find("?>") + 2 if text.startswith("<?xml") else 0
                text = text[:declaration_end] + entities + text[declaration_end:].replace("<v>", "<v>&b;", 0)
                # the entity used in a cell, where the parser would expand it
                text = text.replace(
                    "</sheetData>", '<row r="99"><c r="A99" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>'
                )
                data = text.encode("utf-8")
            target.writestr(item, data)
    before = files_of(plan)
    result = run("import", bomb, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith("bomb.xlsx: the workbook's XML declares entities (EntitiesForbidden)")
    assert files_of(plan) == before


def test_import_limits(run, plan, tmp_path, monkeypatch):
    from jmplan.write import importer

    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 100)
    target = tmp_path / "big.csv"
    target.write_text("代码,本年值\n" + "sales,1\n" * 50, encoding="utf-8")
    result = run("import", target, "--data-dir", plan)
    assert result.exit_code == 1 and "a sheet may have" in result.stderr
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 10**6)
    monkeypatch.setattr(importer, "MAX_ROWS", 10)
    result = run("import", target, "--data-dir", plan)
    assert result.exit_code == 1 and "more than 10 rows" in result.stderr


def test_import_the_same_figure_twice_in_one_batch(run, plan, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("代码,年份,本年值\nsales,2017,110\n", encoding="utf-8")
    b.write_text("代码,年份,本年值\nsales,2017,111\n", encoding="utf-8")
    result = run("import", a, b, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith("b.csv:C2: sales 2017 is given twice (first at a.csv:C2)")


IMPORT_CASES = sorted(
    p.name
    for p in (Path(__file__).parent / "bad_inputs").iterdir()
    if p.name[:3].isdigit() and 605 <= int(p.name[:3]) <= 617
)


@pytest.mark.parametrize("case", [c for c in IMPORT_CASES if "without-data-dir" not in c and "template" not in c])
def test_import_problems_read_in_chinese(case, tmp_path):
    """Each import refusal of the catalogue, with --lang zh: the message and
    its hint in Chinese, Chinese punctuation after the cell."""
    import re
    import shutil

    import yaml
    from conftest import run_main

    folder = Path(__file__).parent / "bad_inputs" / case
    spec = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    shutil.copytree(Path(__file__).parent / "bad_inputs" / "_base", tmp_path / "plan")
    shutil.copytree(folder / "plan", tmp_path / "plan", dirs_exist_ok=True)
    for path, encoding in spec.get("encode", {}).items():
        (tmp_path / path).write_bytes((tmp_path / path).read_text(encoding="utf-8").encode(encoding))
    code, _out, err = run_main([*spec["args"], "--lang", "zh"])
    assert code == 1
    first, *rest = err.splitlines()
    where, message = first.split("：", 1)
    assert where.startswith("plan/sheet.")
    assert re.search(r"[\u4e00-\u9fff]", message), first
    # no English sentence: only keys, numbers and units may be in Latin letters
    assert not re.search(r"\b(is|the|not|of|for|has|already|given)\b", message), first
    assert rest[-1].startswith("jmplan：表格中有")


def test_a_notes_sheet_added_by_a_department_is_passed_over(run, plan, tmp_path):
    template = tmp_path / "t.xlsx"
    run("template", "--year", "2018", "--data-dir", plan, "-o", template)
    filled = fill(template, tmp_path / "f.xlsx", {"sales": {"Value": 121}})
    book = openpyxl.load_workbook(filled)
    book.create_sheet("说明").append(["数据经局长审核"])
    book.save(filled)
    result = run("import", filled, "--data-dir", plan, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    from jmplan import load_plan

    assert load_plan(plan).observations["sales"][2018].value == 121


def test_the_templates_own_csv_goes_back_in(run, plan, tmp_path):
    """The CSV template, filled in a text editor or Excel and saved as CSV
    (UTF-8 with its byte-order mark), imports as it is."""
    import csv
    import io

    sheet = tmp_path / "2018.csv"
    assert run("template", "--year", "2018", "--lang", "zh", "--data-dir", plan, "-o", sheet).exit_code == 0
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    value, status = rows[0].index("本年值"), rows[0].index("数据状态")
    rows[1][value], rows[1][status] = "125公里", ""  # not in 亿元: refused below
    rows[2][value], rows[2][status] = "66%", "初步核算"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8-sig")
    refused = run("import", sheet, "--lang", "zh", "--data-dir", plan)
    assert refused.exit_code == 1 and refused.stderr.startswith("2018.csv:H2：")
    rows[1][value] = "125亿元"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8-sig")
    done = run("import", sheet, "--lang", "zh", "--data-dir", plan)
    assert done.exit_code == 0, done.stderr
    from jmplan import load_plan

    observed = load_plan(plan).observations
    assert observed["sales"][2018].value == 125
    assert (observed["share"][2018].value, observed["share"][2018].data_status) == (66, "preliminary")


def test_a_file_of_no_known_kind_is_refused_in_the_chosen_language(run, plan, tmp_path):
    """'no extension' was English inside the Chinese message."""
    target = tmp_path / "sheet"
    target.write_text("代码,本年值\nsales,1\n", encoding="utf-8")
    result = run("import", target, "--data-dir", plan, "--lang", "zh")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "sheet：不是 jmplan 可读取的表格（无扩展名）",
        "  提示：请在 Excel 中另存为 .xlsx（或 CSV）",
    ]
    english = run("import", target, "--data-dir", plan, "--lang", "en")
    assert english.stderr.splitlines()[0] == "sheet: not a sheet jmplan reads (no extension)"


@pytest.mark.parametrize("case", IMPORT_CASES)
def test_every_sheet_problem_is_a_message_of_the_catalogue(case, tmp_path):
    """Every sentence an import shows has one home, jmplan/i18n/messages.py:
    each problem's message and hint are catalogue Msgs, never text made on the spot."""
    import shutil

    import yaml

    from jmplan import load_plan
    from jmplan.i18n import Msg
    from jmplan.write.importer import collect

    folder = Path(__file__).parent / "bad_inputs" / case
    spec = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    if spec["args"][0] != "import" or "--data-dir" not in spec["args"]:
        pytest.skip("not a sheet's problem")
    shutil.copytree(Path(__file__).parent / "bad_inputs" / "_base", tmp_path / "plan")
    shutil.copytree(folder / "plan", tmp_path / "plan", dirs_exist_ok=True)
    for path, encoding in spec.get("encode", {}).items():
        (tmp_path / path).write_bytes((tmp_path / path).read_text(encoding="utf-8").encode(encoding))
    sheets = [tmp_path / a for a in spec["args"][1:] if a.startswith("plan/sheet")]
    found = collect(load_plan(tmp_path / "plan"), sheets, [s.name for s in sheets], replace="--replace" in spec["args"])
    assert found.problems
    for problem in found.problems:
        assert isinstance(problem.message, Msg), problem
        assert problem.hint is None or isinstance(problem.hint, Msg), problem


def test_the_templates_status_list_is_read_back_in_either_language(run, plan, tmp_path):
    from jmplan.plan.sheet import status_of

    for lang in ("zh", "en"):
        target = tmp_path / f"{lang}.xlsx"
        assert run("template", "--year", "2018", "--lang", lang, "--data-dir", plan, "-o", target).exit_code == 0
        sheet = openpyxl.load_workbook(target).worksheets[0]
        (validation,) = sheet.data_validations.dataValidation
        words = validation.formula1.strip('"').split(",")
        assert [status_of(w) for w in words] == ["preliminary", "final"], words
    titles = openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames
    assert titles == ["Data 2018"]
