"""Words shown to people, in Chinese and English. Keys are stable slugs."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

_TEXT = {
    # statuses, method 1
    "achieved": ("已完成", "achieved"),
    "not_achieved": ("未完成", "not achieved"),
    "ahead": ("快于预期", "ahead"),
    "on_track": ("符合预期", "on track"),
    "behind": ("滞后于预期", "behind"),
    "moving_away": ("倒退", "moving away"),
    "no_target": ("无目标", "no target"),
    "no_data": ("暂无数据", "no data"),
    "qualitative": ("定性", "qualitative"),
    # method 2 classes
    "significant": ("显著进展", "significant progress"),
    "moderate": ("一般进展", "moderate progress"),
    "insufficient": ("进展不足", "insufficient progress"),
    "movement_away": ("背离目标", "movement away"),
    # without a target Eurostat classes the direction of change alone; the
    # words say so, or a summary would list "significant progress" twice
    "significant_progress": ("显著改善（无目标）", "significant progress (no target)"),
    "moderate_progress": ("一般改善（无目标）", "moderate progress (no target)"),
    "moderate_movement_away": ("轻度恶化（无目标）", "moderate movement away (no target)"),
    "significant_movement_away": ("显著恶化（无目标）", "significant movement away (no target)"),
    # attributes (属性) and target bounds
    # the completion table's CSV and .xlsx columns (show/review.py)
    "column_attribute": ("属性", "Attribute"),
    "column_attribute_code": ("属性代码", "Attribute code"),
    "column_target_stated": ("目标值（原文）", "Target as stated"),
    "column_year": ("当年", "Year"),
    "column_value": ("当年值", "Value"),
    "column_data_status": ("数据状态", "Data status"),
    "column_required_growth": ("规划年均增速", "Required growth/yr"),
    "column_required_change": ("规划年均增量", "Required change/yr"),
    "column_actual_growth": ("实际年均增速", "Actual growth/yr"),
    "column_actual_change": ("实际年均增量", "Actual change/yr"),
    "column_time_elapsed": ("时间进度", "Time elapsed"),
    "column_assessment": ("评价", "Assessment"),
    "column_baseline_year": ("基期值年份", "Baseline year"),
    "column_target_year": ("目标值年份", "Target year"),
    "note_preliminary": (
        "标注“（初步）”的为初步核算数，尚待最终核实。",
        "Figures marked (prelim.) are preliminary estimates, not yet final.",
    ),
    "note_points": ("比率类指标的年均增长以百分点计。", "For shares in %, growth per year is in percentage points."),
    "attribute": ("属性", "Attribute"),
    "value_of_year": ("{year}年值", "Value {year}"),
    "value_this_year": ("当年值", "Value"),
    "growth_required": ("年均增长（规划）", "Growth/yr required"),
    "growth_actual": ("年均增长（实际）", "Growth/yr actual"),
    "time_elapsed": ("时间进度", "Time elapsed"),
    "assessment": ("评价", "Assessment"),
    "binding": ("约束性", "binding"),
    "attribute_expected": ("预期性", "expected"),
    "about_bound": ("左右", "about"),
    "verdict_awaits": ("终期结论待{year}年数据", "the final verdict awaits {year} data"),
    "next_milestone": ("下一阶段目标", "Next milestone"),
    "replaced_target": (
        "替代了原目标 {old}（{until}年起调整）",
        "replaces the earlier target {old} (revised from {until})",
    ),
    "milestones": ("阶段目标", "Milestones"),
    "milestone": ("阶段目标值", "Milestone"),
    "target_form": ("目标形式", "Target form"),
    "bound": ("达标规则", "Bound"),
    "milestone_needs": ("{year}年阶段目标 {value}", "{year} milestone {value}"),
    "binding_first": ("约束性指标滞后或未完成", "Binding indicators behind or not achieved"),
    "others_off_course": ("其他滞后、倒退或未完成的指标", "Other indicators behind, moving away or not achieved"),
    # models and qualifiers
    "compound": ("复合增长", "compound"),
    "linear": ("线性", "linear"),
    "over": ("超过", "over"),
    "about": ("约", "about"),
    "at_most": ("至多", "at most"),
    "at_least": ("至少", "at least"),
    "per_year": ("/年", "/yr"),
    "pp": ("个百分点", "pp"),
    # column headers
    "key": ("代码", "Key"),
    "indicator": ("指标", "Indicator"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "unit": ("单位", "Unit"),
    "unit_code": ("单位代码", "Unit code"),
    "model_code": ("增长模型代码", "Growth model code"),
    "direction_code": ("方向代码", "Direction code"),
    "model": ("增长模型", "Growth model"),
    "direction": ("方向", "Direction"),
    "baseline": ("基期值", "Baseline"),
    "latest": ("最新值", "Latest"),
    "target": ("目标值", "Target"),
    "gap": ("差距", "Gap"),
    "relative_gap": ("相对差距", "Relative gap"),
    "needed": ("年均所需", "Needed per year"),
    "required_growth": ("年均所需增速", "Required growth per year"),
    "required_change": ("年均所需增量", "Required change per year"),
    "progress": ("完成/预期进度", "Done / expected"),
    "completion": ("完成进度", "Completion"),
    "expected": ("预期进度", "Expected progress"),
    "ratio": ("进度比", "Ratio"),
    "actual_growth": ("实际年均增速", "Actual growth per year"),
    "growth_ratio_line": ("增速比（方法二）", "Growth ratio (method 2)"),
    "growth_vs_required": ("实际/所需增速", "Actual / required growth"),
    "status": ("状态", "Status"),
    "status_slug": ("状态代码", "Status code"),
    "year": ("年份", "Year"),
    "value": ("数值", "Value"),
    "observations": ("观测值", "Observations"),
    "qualifier": ("限定", "Qualifier"),
    "upper": ("上限", "Upper"),
    "stated": ("原文", "As stated"),
    "note": ("说明", "Note"),
    "status_reason": ("状态说明", "Why this status"),
    "growth_undefined": ("增速无法计算的原因", "Why no required growth"),
    "notes": ("备注", "Notes"),
    "source": ("出处", "Source"),
    "responsible": ("责任部门", "Responsible"),
    "increase": ("越大越好", "more is better"),
    "decrease": ("越小越好", "less is better"),
    # sections and sentences
    "goals": ("定性目标（状态：定性）", "Qualitative goals (status: qualitative)"),
    "actual": ("实际值", "Actual"),
    "preliminary": ("初步核算", "preliminary"),
    "final": ("最终核实", "final"),
    # the fill-in sheet (show/template.py)
    "sheet_title": ("{year}年数据", "Data {year}"),
    "unassigned": ("未指定", "Unassigned"),
    # an indicator's name with its unit, where a narrow table has no unit column
    "name_with_unit": ("{name}（{unit}）", "{name} ({unit})"),
    "completion_table": ("主要指标完成情况", "Main indicators: completion"),
    "attention": ("需关注", "Needs attention"),
    "tasks": ("主要任务", "Main tasks"),
    "wide_hint": (
        "终端较窄，只显示主要列；加 --wide 显示全部列（CSV、JSON 总是全部）",
        "Only the main columns fit the terminal; --wide shows them all (CSV and JSON always have all)",
    ),
    "summary": ("状态汇总", "Summary"),
    "plan_period": ("基期 {base} 年，目标 {target} 年", "base year {base}, target year {target}"),
    "data_to": ("数据截至 {year} 年", "data up to {year}"),
    "data_latest": ("使用最新数据", "latest data"),
    "observed_baseline": (
        "规划未给出基期值，以 {year} 年观测值代替",
        "the plan states no baseline; the {year} observation stands in",
    ),
    "lower_bound_note": (
        "基期值为下限（“超过”），所需增速为上限",
        'the baseline is a lower bound ("over"), so the required growth is an upper bound',
    ),
    "trajectory": ("所需路径", "Required trajectory"),
    "trajectory_from_latest": ("自最新值起的所需路径", "Required trajectory from the latest value"),
    "from_baseline": ("自基期起", "From the baseline"),
    "from_latest": ("自最新值起", "From the latest value"),
    "undefined": ("无法计算", "undefined"),
    "none": ("无", "none"),
    "projection": ("按现有速度预测", "Projection at the pace so far"),
    "count": ("个数", "Count"),
    "all_indicators": ("全部指标", "All indicators"),
    "by_indicator": ("分指标说明", "Indicator by indicator"),
    "sources_and_method": ("数据来源与方法", "Sources and method"),
    "plan_source": ("规划来源", "Plan source"),
    "observation_sources": ("观测值来源", "Sources of the observations"),
    "no_charts": (
        "图表需要 matplotlib：pip install 'jmplan[charts]'；本报告未含图表。",
        "Charts need matplotlib: pip install 'jmplan[charts]'; this report has none.",
    ),
    "method_time": ("方法一：时间进度法", "method 1: time progress"),
    "method_eurostat": ("方法二：增速比法（欧盟统计局）", "method 2: growth ratio (Eurostat)"),
    "method_time_long": (
        "方法一（时间进度法）：完成进度 = (实际值 − 基期值) / (目标值 − 基期值)，与按所需路径应完成的预期进度相比；"
        "进度比不低于 {ahead} 为快于预期，不低于 {on_track} 为符合预期，否则为滞后于预期；实际值低于基期值为倒退。",
        "Method 1 (time progress): completion = (actual - baseline) / (target - baseline), compared with the share "
        "the required path would have covered by now; a ratio of at least {ahead} is ahead, at least {on_track} on "
        "track, below that behind; below the baseline is moving away.",
    ),
    "method_eurostat_long": (
        "方法二（增速比法，欧盟统计局可持续发展监测方法）：R = 实际年均增速 / 所需年均增速；R ≥ 0.95 为显著进展，"
        "0.60 ≤ R < 0.95 为一般进展，0 ≤ R < 0.60 为进展不足，R < 0 为背离目标。",
        "Method 2 (growth ratio, as Eurostat's SDG monitoring): R = actual / required compound growth per year; "
        "R >= 0.95 significant progress, 0.60 to 0.95 moderate, 0 to 0.60 insufficient, below 0 movement away.",
    ),
    "made_by": ("由 jmplan {version} 生成。", "Made with jmplan {version}."),
    "projected": ("{year}年将达{value}", "{value} in {year}"),
    # a projection that the pace would carry past what the indicator can take
    "projected_limit": ("{year}年即达{value}（{why}）", "{value} in {year} ({why})"),
    "limit_share": ("比例不能超过100%", "a share cannot exceed 100%"),
    "limit_level": ("不能低于0", "it cannot fall below 0"),
    "report_projected": (
        "按现有速度，{year}年将达{value}，{verdict}",
        "at the pace so far it would be {value} in {year}, {verdict}",
    ),
    "report_projected_limit": (
        "按现有速度，{year}年即达{value}（{why}），{verdict}",
        "at the pace so far it would reach {value} in {year} ({why}), {verdict}",
    ),
    "meeting": ("可达到目标", "meeting the target"),
    "falling_short": ("未达到目标", "short of the target"),
    "meets": ("可达到目标", "meets the target"),
    "falls_short": ("未达到目标", "short of the target"),
    "reached_in": ("预计{year}年达到目标", "target reached in {year}"),
    "never_reached": ("按此速度无法达到目标", "never reached at this pace"),
}

_REASONS = {
    "the target year has been reached": "目标年份已到",
    "the starting value is not positive": "起点值不为正",
    "the target is not positive": "目标值不为正",
    "no observation after the baseline yet": "基期后尚无观测值",
    "the plan states no baseline and nothing is observed yet": "规划未给出基期值，且尚无观测值",
    "the target equals the baseline": "目标值与基期值相同",
    "the baseline is not positive": "基期值不为正",
    "the latest value is not positive": "最新值不为正",
}


def text(key: str, lang: str, **values) -> str:
    zh, en = _TEXT[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**values) if values else chosen


def reason(message: str | None, lang: str) -> str:
    if not message:
        return ""
    return _REASONS.get(message, message) if lang == "zh" else message


def default_lang(environ=os.environ) -> str:
    """JMPLAN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    chosen = environ.get("JMPLAN_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
