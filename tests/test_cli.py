"""Every command and format through the CLI, stdout and stderr checked apart."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_plan

ROOT = Path(__file__).resolve().parent.parent
TRAJECTORY_TEXT = ["835.93", "998.25", "1,192.09", "1,423.57", "1,700"]


# --- the embedded Jiangmen plan --------------------------------------------


def test_status_in_chinese(run):
    result = run("status", "--lang", "zh")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert "江门市国民经济和社会信息化“十三五”规划" in out
    assert "电子商务交易额" in out and "超过700" in out and "1,700" in out
    assert "至多19.4%/年" in out  # 700 -> 1,700 needs 19.418 % a year, at most: 700 is a lower bound
    assert "7.76万" not in out and "77,600" in out  # values in the indicator's unit
    assert "3–5" in out  # the range target is shown as a range
    assert "定性目标" in out and "成为珠西信息枢纽城市" in out
    assert "10. 加强网络安全建设、提高网络安全整体防控水平" in out


def test_status_in_english(run):
    result = run("status", "--lang", "en")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert "E-commerce transaction volume" in out and "over 700" in out
    assert "at most 19.4%/yr" in out
    assert "Qualitative goals" in out and "Main tasks" in out
    assert "no target 11, no data 11" in out


def test_chinese_columns_line_up(run):
    """wcwidth counts a Chinese character as two columns, so every row of the
    table is as wide on screen as the rule under the header."""
    from wcwidth import wcswidth

    lines = run("status", "--lang", "zh").stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("----"))
    width = wcswidth(lines[rule])
    for line in lines[rule + 1 : rule + 23]:
        assert wcswidth(line) <= width


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gap_ecommerce_shows_the_trajectory(run, lang):
    result = run("gap", "--metric", "ecommerce", "--lang", lang)
    assert result.exit_code == 0 and result.stderr == ""
    for figure in TRAJECTORY_TEXT:
        assert figure in result.stdout
    assert ("19.4%/年" if lang == "zh" else "19.4%/yr") in result.stdout
    assert ("+200亿元/年" if lang == "zh" else "+200 × 100 million yuan/yr") in result.stdout


def test_gap_json_is_the_contract(run):
    result = run("gap", "--metric", "ecommerce", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["key"] == "ecommerce" and data["unit"] == "亿元" and data["growth_model"] == "compound"
    assert data["baseline"] == {
        "year": 2015,
        "value": 700,
        "qualifier": "over",
        "stated": "超过700亿元",
        "source": data["baseline"]["source"],
        "observed": False,
    }
    assert data["target"]["value"] == 1700 and data["target"]["year"] == 2020
    assert data["gap"] == 1000
    assert data["required_annual_growth"] == pytest.approx(0.19418, abs=5e-6)
    assert data["required_annual_change"] == pytest.approx(200)
    assert data["required_growth_bound"] == "at_most"
    assert data["status"] == "no_data"
    values = [round(p["value"], 2) for p in data["trajectory"]]
    assert values == [700, 835.93, 998.25, 1192.09, 1423.57, 1700.00]


def test_status_json_has_every_metric(run):
    result = run("status", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["plan"]["base_year"] == 2015 and data["plan"]["target_year"] == 2020
    assert len(data["metrics"]) == 22 and len(data["goals"]) == 8 and len(data["tasks"]) == 10
    required = {
        "key",
        "name_zh",
        "name_en",
        "unit",
        "growth_model",
        "baseline",
        "latest",
        "target",
        "gap",
        "required_annual_growth",
        "required_annual_change",
        "completion",
        "expected_progress",
        "status",
    }
    for metric in data["metrics"]:
        assert required <= set(metric)
    ecommerce = next(m for m in data["metrics"] if m["key"] == "ecommerce")
    assert ecommerce["required_annual_growth"] == pytest.approx(0.19418, abs=5e-6)
    fibre = next(m for m in data["metrics"] if m["key"] == "fibre_length")
    assert fibre["baseline"]["value"] == 77600 and fibre["target"] is None and fibre["status"] == "no_target"
    assert all(g["status"] == "qualitative" for g in data["goals"] + data["tasks"])


def _read_csv(text: str):
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def test_status_csv_opens_in_excel(run):
    result = run("status", "--format", "csv", "--lang", "zh")
    assert result.exit_code == 0 and result.stderr == ""
    rows = _read_csv(result.stdout)
    header, body = rows[0], rows[1:]
    assert header[:3] == ["代码", "指标", "单位"]
    assert len(body) == 22
    ecommerce = dict(zip(header, next(r for r in body if r[0] == "ecommerce"), strict=True))
    assert ecommerce["指标"] == "电子商务交易额"
    assert ecommerce["基期值"] == "700" and ecommerce["目标值"] == "1700"  # bare numbers
    assert float(ecommerce["年均所需增速"]) == pytest.approx(0.19418, abs=5e-6)
    assert (ecommerce["单位"], ecommerce["单位代码"]) == ("亿元", "亿元")
    assert (ecommerce["增长模型"], ecommerce["增长模型代码"]) == ("复合增长", "compound")
    assert (ecommerce["状态"], ecommerce["状态代码"]) == ("暂无数据", "no_data")


def test_status_csv_in_english_shows_the_words_beside_the_codes(run):
    rows = _read_csv(run("status", "--format", "csv", "--lang", "en").stdout)
    fibre = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "fibre_length"), strict=True))
    assert (fibre["Unit"], fibre["Unit code"], fibre["Growth model"], fibre["Growth model code"]) == (
        "km",
        "km",
        "compound",
        "compound",
    )
    share = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "ecommerce"), strict=True))
    assert (share["Unit"], share["Unit code"]) == ("100 million yuan", "亿元")


def test_gap_csv_is_year_by_year(run):
    rows = _read_csv(run("gap", "-m", "ecommerce", "-f", "csv", "--lang", "en").stdout)
    assert rows[0][:4] == ["Year", "Unit", "Unit code", "Required trajectory"]
    assert rows[1][1:3] == ["100 million yuan", "亿元"]  # the unit as shown, beside the unit as written
    assert [r[0] for r in rows[1:]] == ["2015", "2016", "2017", "2018", "2019", "2020"]
    assert [round(float(r[3]), 2) for r in rows[1:]] == [700, 835.93, 998.25, 1192.09, 1423.57, 1700]


def test_markdown_tables(run):
    out = run("status", "--format", "markdown", "--lang", "en").stdout
    assert out.startswith("## Jiangmen Plan")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 22  # header, rule, a row per indicator
    assert set(table[1]) <= set("|:- ")


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_metrics_every_format(run, fmt):
    result = run("metrics", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0 and result.stderr == ""
    assert "fibre_to_home" in result.stdout and "ecommerce" in result.stdout
    if fmt == "json":
        metrics = json.loads(result.stdout)["metrics"]
        assert [m["key"] for m in metrics][:2] == ["fibre_length", "bandwidth"]
        assert next(m for m in metrics if m["key"] == "ecommerce")["target"]["value"] == 1700


@pytest.mark.parametrize("query", ["ecommerce", "电子商务交易额", "电子商务", "ecom", "E-commerce"])
def test_metric_by_key_name_or_prefix(run, query):
    result = run("gap", "--metric", query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["key"] == "ecommerce"


def test_unknown_metric_exits_2_with_close_matches(run):
    result = run("gap", "--metric", "ecommrce")
    assert result.exit_code == 2 and result.stdout == ""
    assert "'ecommrce' is not an indicator of this plan" in result.stderr
    assert "ecommerce" in result.stderr


def test_ambiguous_metric_lists_the_candidates(run):
    result = run("gap", "--metric", "fibre")
    assert result.exit_code == 2
    assert "fibre_length" in result.stderr and "fibre_users" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--year", "2030"],
        ["status", "--year", "1999"],
        ["status", "--format", "xml"],
        ["status", "--lang", "fr"],
        ["gap"],
        ["gap", "--metric", ""],
        ["nonsense"],
        ["status", "--no-such-option"],
    ],
)
def test_wrong_command_lines_exit_2(run, args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Error" in result.stderr and "Traceback" not in result.stderr


def test_version_and_help(run):
    from jmplan import __version__

    assert run("--version").stdout.strip() == f"jmplan, version {__version__}"
    for command in ("status", "gap", "metrics"):
        help_text = run(command, "--help").stdout
        assert "Examples:" in help_text and f"jmplan {command}" in help_text
        assert "--format" in help_text and "--data-dir" in help_text and "--lang" in help_text


def test_language_from_environment_and_locale(run):
    assert "电子商务交易额" in run("status", env={"JMPLAN_LANG": "zh"}).stdout
    assert "E-commerce" in run("status", env={"JMPLAN_LANG": "en", "LANG": "zh_CN.UTF-8"}).stdout
    assert "电子商务交易额" in run("status", env={"LANG": "zh_CN.UTF-8", "LC_ALL": None}).stdout
    assert "E-commerce" in run("status", env={"LANG": "C.UTF-8", "LC_ALL": None}).stdout


def test_output_file(run, tmp_path):
    target = tmp_path / "status.csv"
    result = run("status", "-f", "csv", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "电子商务" in target.read_text(encoding="utf-8-sig") or "E-commerce" in target.read_text("utf-8-sig")


# --- another plan, with observations ----------------------------------------


def test_status_with_observations(run, small_plan):
    """sales is methods.md's case A (100 -> 120 by 2018, target 150): behind;
    share goes 40 -> 70 by 2018 of 40 -> 90 by 2020, exactly the time share: on track."""
    result = run("status", "--data-dir", small_plan, "--format", "json")
    metrics = {m["key"]: m for m in json.loads(result.stdout)["metrics"]}
    sales, share = metrics["sales"], metrics["share"]
    assert sales["status"] == "behind" and sales["ratio"] == pytest.approx(0.7262, abs=5e-5)
    assert sales["latest"] == {"year": 2018, "value": 120, "qualifier": None}
    assert sales["required_annual_growth"] == pytest.approx(0.118034, abs=5e-7)
    assert sales["projection"]["value"] == pytest.approx(135.5092, abs=5e-5)
    assert sales["projection"]["year_reached"] == 2022
    assert share["status"] == "on_track" and share["required_annual_change"] == pytest.approx(10)


def test_status_year_uses_observations_up_to_it(run, small_plan):
    data = json.loads(run("status", "--data-dir", small_plan, "-f", "json", "--year", "2017").stdout)
    share = next(m for m in data["metrics"] if m["key"] == "share")
    assert share["latest"]["year"] == 2017 and share["status"] == "behind"  # 30 % done, 40 % of the time
    assert data["year"] == 2017


def test_data_dir_from_environment(run, small_plan):
    result = run("metrics", "-f", "json", env={"JMPLAN_DATA_DIR": str(small_plan)})
    assert [m["key"] for m in json.loads(result.stdout)["metrics"]] == ["sales", "share"]


def test_earliest_observation_stands_in_for_a_missing_baseline(run, tmp_path):
    folder = write_plan(
        tmp_path / "p",
        baseline="year: 2015\nvalues:\n  sales: 100\n",
        actuals="observations:\n  share:\n    2016: 50\n    2018: 66\n",
    )
    data = json.loads(run("gap", "-m", "share", "--data-dir", folder, "-f", "json").stdout)
    assert data["baseline"]["year"] == 2016 and data["baseline"]["observed"] is True
    # 16 of 40 points in 2 of 4 years: 40 % done against 50 % expected
    assert data["completion"] == pytest.approx(0.4) and data["expected_progress"] == pytest.approx(0.5)
    assert data["status"] == "behind"
    text = run("gap", "-m", "share", "--data-dir", folder, "--lang", "en").stdout
    assert "the plan states no baseline; the 2016 observation stands in" in text


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "jmplan", "gap", "--metric", "ecommerce", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert "1,192.09" in result.stdout


def test_internal_error_is_one_line_and_exit_70(monkeypatch, capsys):
    from jmplan import cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("jmplan.measure.assess.assess_plan", broken)
    monkeypatch.delenv("JMPLAN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["status"])
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert "internal error (a bug in jmplan) while running `status`" in err and len(err.splitlines()) == 1
    assert "Traceback" not in err
