"""Citations: where a plan names its source_file, what it quotes must be the
text's own words (the refusals are in tests/bad_inputs/500-503)."""

import shutil

from conftest import SHIPPED

from jmplan import read_plan


def _copy(tmp_path):
    folder = tmp_path / "jiangmen"
    shutil.copytree(SHIPPED, folder)
    return folder


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_plan_cites_its_text_exactly(tmp_path):
    plan, problems = read_plan(_copy(tmp_path))
    assert problems == [] and plan.info.source_file == "source_zh.txt"


def test_an_edited_target_sentence_is_found(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "targets.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[52].startswith("    source:")  # line 53: ecommerce's source (the same sentence as two others)
    lines[52] = lines[52].replace("1700亿元", "1800亿元")
    path.write_text("".join(lines), encoding="utf-8")
    _plan, problems = read_plan(folder)
    assert [p.message for p in problems] == [
        "the source of the 2020 target of 'ecommerce' is not a passage of source_zh.txt"
    ]
    assert problems[0].where.file.name == "targets.yaml" and problems[0].where.line == 53  # its `source:` line


def test_a_stated_text_from_a_table_is_exempt(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "baseline_2015.yaml", "stated: 7.76万公里", "stated: 光缆线路长度（万公里）7.76")
    _plan, problems = read_plan(folder)
    assert [p.message for p in problems] == [
        "the stated text '光缆线路长度（万公里）7.76' of the baseline of 'fibre_length' does not appear in its source"
    ]
    _edit(
        folder / "baseline_2015.yaml",
        "stated: 光缆线路长度（万公里）7.76",
        "stated: 光缆线路长度（万公里）7.76\n    from_table: true",
    )
    assert read_plan(folder)[1] == []


def test_observation_sources_are_free_text(tmp_path):
    folder = _copy(tmp_path)
    (folder / "actuals.yaml").write_text(
        "observations:\n  ecommerce:\n    2016: {value: 850, source: 江门市2016年国民经济和社会发展统计公报}\n",
        encoding="utf-8",
    )
    assert read_plan(folder)[1] == []


def test_without_source_file_nothing_is_checked(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "plan.yaml", "  source_file: source_zh.txt\n", "")
    _edit(folder / "targets.yaml", "电子商务交易额达到1700亿元；", "电子商务交易额达到1800亿元；")
    assert read_plan(folder)[1] == []
