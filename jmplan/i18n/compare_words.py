"""Words of `jmplan compare` (headers, ranks, successions) and its notices,
in Chinese and English: key -> (zh, en)."""

from __future__ import annotations

COMPARE_WORDS: dict[str, tuple[str, str]] = {
    "compare_title": ("{n} 个规划对比", "Comparison of {n} plans"),
    "plans": ("规划", "Plans"),
    "plan": ("规划", "Plan"),
    "plan_name": ("规划名称", "Plan name"),
    "region": ("地区", "Region"),
    "years": ("年份", "Years"),
    "folder": ("目录", "Folder"),
    "rank": ("排名", "Rank"),
    "rank_year": ("排名年份", "Rank year"),
    "milestones": ("阶段目标", "Interim targets"),
    "ranks": ("排名一览", "Ranks at a glance"),
    "rank_value": ("排名所用值", "Value ranked"),
    "rank_reason": ("未排名原因", "Why not ranked"),
    "ranked_on": ("按 {year} 年数值排名", "ranked on the {year} values"),
    "not_ranked": ("不排名：{why}", "not ranked: {why}"),
    "shared_counts": ("共有指标的状态", "Statuses on the shared indicators"),
    "nothing_shared": ("这些规划没有共同的指标。", "The plans share no indicator."),
    "own_key": ("本规划代码", "Plan's key"),
    "plan_unit": ("本规划单位", "Plan's unit"),
    "metric_key": ("对比代码", "Compare key"),
    "successions": ("前后两期规划的衔接", "Plan and successor"),
    "succession_head": (
        "{before} → {after}：前一规划 {year} 年的终值与后一规划的基期值",
        "{before} → {after}: the predecessor's {year} values beside the successor's baseline",
    ),
    "final": ("前期终值", "Final value"),
    "pred_target": ("前期目标", "Predecessor's target"),
    "succ_baseline": ("后期基期值", "Successor's baseline"),
    "difference": ("差异", "Difference"),
    "target_met": ("目标是否完成", "Target met"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "agree": ("一致", "agree"),
    "mismatch": ("不一致", "MISMATCH"),
    "trajectories": ("逐年数值与所需路径", "Year by year: values and required paths"),
    "warning": ("警告", "warning"),
    # why a plan has no rank
    "no_shared_year": ("没有两个以上规划都有数值的年份", "no year in which two or more plans have a value"),
    "fewer_than_two_in_year": ("该年有数值的规划少于两个", "fewer than two plans have a value for that year"),
    "no_value_in_year": ("排名年份无数值", "no value in the rank year"),
    "outside_years": ("该年份不在本规划期内", "the year is outside this plan's years"),
    "unit_refused": ("单位无法换算", "its unit does not convert"),
    "direction_differs": ("指标方向不同", "the indicator's direction differs"),
}

COMPARE_NOTICES: dict[str, tuple[str, str]] = {
    "unit_refused": (
        "{metric}：{plan} 的单位 {unit} 无法换算为 {to}，不参与比较",
        "{metric}: {plan} measures it in {unit}, which does not convert to {to}; it is left out of the comparison",
    ),
    "direction_differs": (
        "{metric}：{plan} 的指标方向与其他规划不同（{direction}），不参与排名",
        "{metric}: {plan} sets the opposite direction ({direction}); it is left out of the ranking",
    ),
    "baseline_mismatch": (
        "{metric}：{before} 的 {year} 年终值 {final} 与 {after} 的基期值 {baseline} 相差 {relative}"
        "——统计数据可能已修订，或数据录入有误",
        "{metric}: {before}'s final value for {year} ({final}) differs from {after}'s baseline ({baseline}) by "
        "{relative}: the statistics were revised, or a figure was mistyped",
    ),
}
