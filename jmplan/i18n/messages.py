"""Messages in Chinese and English: key -> (zh, en), filled with str.format.

Chinese messages use Chinese punctuation (：，；？（）) and no spaces around
Chinese words; keys, file names, numbers and units stay as the user wrote
them. A message that names a value quotes it with {name!r} in both languages.
Group keys by where they are used; a key is a stable slug, never shown.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- printing problems (plan/problems.py, cli.py)
    "hint": ("提示：{hint}", "hint: {hint}"),
    "data_problems": (
        "jmplan：规划数据中有 {count} 个问题，未作计算。",
        "jmplan: {count} problem{plural} in the plan's data; nothing was computed.",
    ),
    "nothing_written": ("未写入任何内容。", "Nothing was written."),
    "option_not_taken": ("{command} 命令没有 {option} 选项。", "{command} does not take {option}."),
    # --- record and init (cli.py)
    "recorded": ("已记录{name} {year} 年的值：{value}（{path}）", "Recorded {name} {year}: {value} ({path})"),
    "replaced": (
        "已替换{name} {year} 年的值：{old} → {new}（{path}）",
        "Replaced {name} {year}: {old} → {new} ({path})",
    ),
    "created": (
        "已创建 {folder}。使用时加 --data-dir {folder}（或设 JMPLAN_DATA_DIR={folder}）。",
        "Created {folder}. Use it with --data-dir {folder} (or JMPLAN_DATA_DIR={folder}).",
    ),
}
