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
    "path_empty": ("路径为空。", "the path is empty."),
    # --- spelling (plan/spelling.py)
    "did_you_mean": ("是否想写 {choices}？", "did you mean {choices}?"),
    # --- reading a YAML file (plan/yamlfile.py)
    "yaml_syntax": ("YAML 语法错误：{what}", "YAML syntax error: {what}"),
    "yaml_where_began": ("{what}（{context}，始于第 {line} 行）", "{what} ({context}, which starts on line {line})"),
    "yaml_unquoted_percent": (
        "YAML 值不能以不带引号的 {text!r} 开头",
        "an unquoted {text!r} cannot start a YAML value",
    ),
    "hint_quote_it": ('加上引号：{key} "{text}"', 'quote it: {key} "{text}"'),
    "hint_yaml_tabs": ("YAML 不允许用制表符缩进，请改用空格", "YAML does not allow tabs for indentation; use spaces"),
    "control_character": ("YAML 不允许的控制字符（{code}）", "a control character ({code}) that YAML does not allow"),
    "bidi_character": (
        "文本中有双向控制字符（{code}）",
        "a bidirectional control character ({code}) in the text",
    ),
    "hint_bidi_character": (
        "删除它：它会改变文本的显示顺序，使读者看到的与实际写的不同",
        "delete it: it changes the order in which text is shown, so what a reader sees is not what is written",
    ),
    "escaped_control_character": (
        "带引号文本中的转义写入了控制字符（{code}）",
        "an escape in quoted text writes a control character ({code}) into it",
    ),
    "hint_escaped_control_character": (
        "去掉它：控制字符会进入阅读输出者的终端",
        "write the text without it: a control character would reach the terminal of whoever reads the output",
    ),
    "field_holds_character": (
        "{name} 含有{what}（{code}），jmplan 不接受任何文本中有此类字符",
        "the {name} holds {what} ({code}), which jmplan refuses in any text",
    ),
    "what_bidi_character": ("双向控制字符", "a bidirectional control character"),
    "what_control_character": ("控制字符", "a control character"),
    "hint_control_character": (
        "删除它：多数编辑器不显示它，它常随从其他程序复制的文本而来",
        "delete it: most editors do not show it; it comes with text copied from another program",
    ),
    "cannot_read_yaml": ("无法读取 YAML：{error}", "cannot read YAML: {error}"),
    "file_empty": ("文件为空（或只有注释）", "the file is empty (or holds only comments)"),
    "hint_see_layout": (
        "应有的格式见 jmplan 仓库的 data/ 文件夹",
        "see data/ of the jmplan repository for the expected layout",
    ),
    "file_too_large": (
        "文件大小为 {size} MB，超过 jmplan 对数据文件 {limit} MB 的上限",
        "the file is {size} MB, over jmplan's limit of {limit} MB for a data file",
    ),
    "file_over_limit": (
        "文件超过 jmplan 对数据文件 {limit} MB 的上限",
        "the file is larger than jmplan's limit of {limit} MB for a data file",
    ),
    "not_regular_data_file": (
        "不是普通文件（而是设备、命名管道或套接字），因此未读取",
        "is not a regular file (a device, FIFO or socket), so it is not read",
    ),
    "hint_not_regular_data_file": (
        "规划文件是文本文件：请检查文件名，或其链接指向何处",
        "a plan file is a text file: check the name, or where its link leads",
    ),
    "hint_right_file": (
        "规划文件存放手工填写的数据，请确认文件是否选对",
        "a plan file holds hand-written figures; check that this is the right file",
    ),
    "line_too_long": (
        "该行长 {length:,} 个字符，超过 jmplan 的上限 {limit:,}",
        "the line is {length:,} characters long, over jmplan's limit of {limit:,}",
    ),
    "hint_right_file_sentences": (
        "规划文件存放手工填写的数据和语句，请确认文件是否选对",
        "a plan file holds hand-written figures and sentences; check that this is the right file",
    ),
    "file_not_found": ("文件不存在", "file not found"),
    "is_a_folder": ("这是文件夹，不是文件", "is a folder, not a file"),
    "permission_denied": ("没有权限，无法读取该文件", "permission denied: cannot read the file"),
    "cannot_read_file": ("无法读取该文件：{error}", "cannot read the file: {error}"),
    "file_utf16": (
        "文件是 UTF-16 编码（记事本中的“Unicode”），不是 UTF-8",
        'the file is UTF-16 ("Unicode" in Notepad), not UTF-8',
    ),
    "hint_save_utf8": (
        "请把文件另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
        "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
    ),
    "file_nul_byte": (
        "文件含有 NUL 字节：它是二进制文件或已损坏",
        "the file contains a NUL byte: it is binary or damaged",
    ),
    "hint_nul_byte": (
        "用文本编辑器打开，再另存为 UTF-8 文本",
        "open it in a text editor and save it again as UTF-8 text",
    ),
    "file_gbk": (
        "文件不是 UTF-8 编码，看来是 GBK/GB18030（中文 Windows 的编码）",
        "the file is not UTF-8; it looks like GBK/GB18030 (a Chinese Windows encoding)",
    ),
    "file_not_utf8": ("文件不是有效的 UTF-8 文本", "the file is not valid UTF-8 text"),
    "second_document": (
        "YAML 语法错误：此处开始了第二个文档，而规划文件只能有一个",
        "YAML syntax error: a second document starts here, and a plan file holds one",
    ),
    "hint_second_document": (
        "规划文件只有一个文档：删除 `---` 行及其后的内容，或移到单独的文件中",
        "a plan file is one document: remove the `---` line and what follows, or move it to a file of its own",
    ),
    "key_not_text": ("键必须是普通文本，不能是列表或映射", "a key must be plain text, not a list or mapping"),
    "duplicate_key": ("键 {key!r} 重复（首次出现在第 {line} 行）", "duplicate key {key!r} (first at line {line})"),
    "hint_duplicate_key": (
        "YAML 只会保留其中一个：删除或改名其一",
        "YAML keeps only one of them; remove or rename one",
    ),
    "merge_key": ("规划文件不支持合并键（<<）", "merge keys (<<) are not supported in plan files"),
    "hint_write_out": ("把各字段完整写出", "write the fields out in full"),
    "aliases": ("规划文件不支持锚点和别名（& 和 *）", "anchors and aliases (& and *) are not supported in plan files"),
    "hint_write_value_out": ("把值完整写出", "write the value out in full"),
    "tag_refused": ("规划文件不允许使用标签 {tag}", "the tag {tag} is not allowed in a plan file"),
    "hint_remove_tag": ("删除标签（以 ! 开头的部分）", "remove the tag (the part starting with !)"),
    "found_mapping": ("映射", "a mapping"),
    "found_list": ("列表", "a list"),
    "found_nothing": ("空值", "nothing"),
    "found_refused": ("被拒绝的值", "a refused value"),
    # --- typed fields (plan/fields.py)
    "not_plain_number": ("{text!r} 不是普通数字", "{text!r} is not a plain number"),
    "hint_leading_zero": (
        "去掉开头的 0（YAML 1.1 会把 {text} 读作八进制数）",
        "remove the leading zero (YAML 1.1 reads {text} as an octal number)",
    ),
    "hint_no_separators": ("不要写千位分隔符：{plain}", "write it without separators: {plain}"),
    "hint_wan_yi": (
        "按指标的单位写数字（万 = 10,000；亿 = 100,000,000）：7.76万公里写作 77600",
        "write the number in the indicator's unit (万 = 10,000; 亿 = 100,000,000): 7.76万 km is 77600",
    ),
    "hint_no_percent": ("写 {plain}（单位 % 在 plan.yaml 中设定）", "write {plain} (the unit % is set in plan.yaml)"),
    "not_finite": ("{text!r} 不是有限的数", "{text!r} is not a finite number"),
    "too_large_number": ("{text!r} 不是有限的数：它太大了", "{text!r} is not a finite number: it is too large"),
    "hint_write_figure": ("写出数值本身", "write the figure itself"),
    "expected_number": ("应为数字，却是 {text!r}", "expected a number, found {text!r}"),
    "out_of_range": (
        "{text!r} 超出 jmplan 接受的范围：0，或大小在 {low} 到 {high} 之间",
        "{text!r} is outside the range jmplan accepts: 0, or a size from {low} to {high}",
    ),
    "hint_out_of_range": (
        "检查数字位数；特别大或特别小的数换个单位（亿元、万人）更好读",
        "check the number of digits; a very large or very small figure reads better in another unit (亿元, 万人)",
    ),
    "bad_key": ("{what}的键 {key!r} {why}", "the {what} key {key!r} is {why}"),
    "key_too_long": ("超过 {limit} 个字符", "over {limit} characters"),
    "key_not_a_name": ("不是普通的名称", "not a plain name"),
    "hint_bad_key": (
        "键由字母（任何文字，包括汉字）、数字和 _ 组成，不以数字开头，最多 {limit} 个字符："
        "不能有空格、点、斜杠或连字符（例如 fibre_length）",
        "a key is letters (any script, Chinese too), digits and _, not starting with a digit, "
        "at most {limit} characters: no spaces, dots, slashes or dashes (e.g. fibre_length)",
    ),
    "kind_indicator": ("指标", "indicator"),
    "kind_common_indicator": ("通用指标", "common indicator"),
    "kind_goal": ("目标", "goal"),
    "kind_task": ("任务", "task"),
    "hint_add_line": ("加一行 `{name}: ...`", "add a line `{name}: ...`"),
    "hint_misspelt_field": (
        "第 {line} 行的 {close!r} 是不是它的笔误？",
        "is {close!r} on line {line} a misspelling of it?",
    ),
    "field_missing": ("{what} 缺少 {name!r}", "{what} has no {name!r}"),
    "should_be_text": ("{name!r} 应为文本，却是{found}", "{name!r} should be text, found {found}"),
    "must_be_one_of": (
        "{name!r} 必须是 {choices} 之一；却是{found}",
        "{name!r} must be one of {choices}; found {found}",
    ),
    "should_be_mapping": (
        "{what} 应为 `键: 值` 各行组成的映射，却是{found}",
        "{what} should be a mapping of `key: value` lines, found {found}",
    ),
    "should_be_list": (
        "{name!r} 应为 `- ...` 各项组成的列表，却是{found}",
        "{name!r} should be a list of `- ...` items, found {found}",
    ),
    "unknown_field": ("{what} 中有未知字段 {name!r}", "unknown field {name!r} in {what}"),
    "known_fields": ("已知字段：{known}", "known fields: {known}"),
    "should_be_number": ("{name!r} 应为数字，却是{found}", "{name!r} should be a number, found {found}"),
    "number_quoted": ("{name!r} 应为数字，却是文本 {text!r}", "{name!r} should be a number, found the text {text!r}"),
    "hint_remove_quotes": ("去掉引号", "remove the quotes"),
    "named": ("{name!r}：{message}", "{name!r}: {message}"),
    "should_be_year": (
        "{name!r} 应为年份（如 2020），却是{found}",
        "{name!r} should be a year like 2020, found {found}",
    ),
    # --- a plan folder (plan/loader.py)
    "plan_folder_not_found": ("找不到规划文件夹", "plan folder not found"),
    "hint_pass_data_dir": (
        "用 --data-dir 指定含有 plan.yaml、targets.yaml 和 baseline_<year>.yaml 的文件夹",
        "pass --data-dir with a folder holding plan.yaml, targets.yaml and baseline_<year>.yaml",
    ),
    "not_a_plan_folder": ("这是文件，不是规划文件夹", "is a file, not a plan folder"),
    "hint_data_dir_folder": (
        "--data-dir 应指向含有 plan.yaml 的文件夹",
        "--data-dir takes the folder that holds plan.yaml",
    ),
    "no_plan_in_folder": ("文件不存在：这个文件夹里没有规划", "file not found: this folder holds no plan"),
    "hint_plan_folder_files": (
        "规划文件夹含有 plan.yaml、targets.yaml 和 baseline_<year>.yaml；见 README 的“Data files”一节",
        "a plan folder holds plan.yaml, targets.yaml and baseline_<year>.yaml; see the README's 'Data files' section",
    ),
    "target_not_after_base": (
        "target_year {target} 不晚于 base_year {base}",
        "target_year {target} is not after base_year {base}",
    ),
    "hint_plan_years": ("规划从基期年延续到较晚的目标年", "a plan runs from its base year to a later target year"),
    "what_indicator": ("指标 {key!r}", "indicator {key!r}"),
    "what_common_indicator": ("通用指标 {key!r}", "common indicator {key!r}"),
    "what_goal": ("目标 {key!r}", "goal {key!r}"),
    "what_task": ("任务 {key!r}", "task {key!r}"),
    # --- citations against the plan's source text (plan/citations.py)
    "cited_baseline": ("{key!r} 的基期值", "the baseline of {key!r}"),
    "cited_target": ("{key!r} 的 {year} 年目标值", "the {year} target of {key!r}"),
    "citation_not_in_source": (
        "{what}的 source 不是 {file} 中的原文",
        "the source of {what} is not a passage of {file}",
    ),
    "hint_citation_differs": (
        "从原文中逐字复制；与原文一致到“…{agreed}”，此后为“{rest}…”",
        "copy it exactly from the text; it agrees up to '…{agreed}', then reads '{rest}…'",
    ),
    "hint_citation_nowhere": (
        "从原文中逐字复制该句，或改正 plan.yaml 的 source_file",
        "copy the sentence exactly from the text, or correct source_file in plan.yaml",
    ),
    "stated_not_in_source": (
        "{what}的 stated {stated!r} 不在其 source 中",
        "the stated text {stated!r} of {what} does not appear in its source",
    ),
    "hint_stated_not_in_source": (
        "按原文写法照抄；取自表格（表头加单元格）的数值可写 `from_table: true`",
        "copy it as the source writes it; for a figure read from a table (header plus cell) write `from_table: true`",
    ),
    "source_file_unreadable": ("source_file {file} 无法读取：{reason}", "source_file {file} cannot be read: {reason}"),
    "source_file_outside": (
        "source_file {file!r} 不在规划文件夹内",
        "source_file {file!r} is not inside the plan folder",
    ),
    "source_file_not_utf8": ("原文文件不是 UTF-8 编码", "the source text is not UTF-8"),
    "what_figure": ("{key!r} 的数值", "the figure for {key!r}"),
    "what_history": ("{key!r} {year} 年的一条历史记录", "a history entry of {key!r} {year}"),
    "what_section_of": ("{key!r} 的 {section}", "the {section} of {key!r}"),
    "no_indicators": ("规划没有定义任何指标", "the plan defines no indicators"),
    "too_many_indicators": (
        "规划定义了 {count} 个指标，超过 jmplan 的上限 {limit} 个",
        "the plan defines {count} indicators, over jmplan's limit of {limit}",
    ),
    "hint_too_many_indicators": (
        "把它分成几个规划文件夹（例如按部门），每个都可单独使用",
        "split it into several plan folders (by department, say); each works on its own",
    ),
    "thresholds_order": (
        "thresholds 必须满足 `0 < on_track <= 1 <= ahead`；现为 `on_track` {on_track}，`ahead` {ahead}",
        "thresholds must satisfy 0 < on_track <= 1 <= ahead; found on_track {on_track}, ahead {ahead}",
    ),
    "hint_thresholds": (
        "通常取 `on_track: 0.90` 和 `ahead: 1.10`",
        "the usual values are on_track: 0.90 and ahead: 1.10",
    ),
    "file_year_mismatch": (
        "年份 {year} 与规划为该文件设定的年份 {expected} 不符",
        "year {year} does not match the plan's year {expected} for this file",
    ),
    "hint_file_year": ("年份由 plan.yaml 设定；请写 year: {expected}", "plan.yaml sets it; write year: {expected}"),
    "hint_file_year_by_name": (
        "年份由文件名设定；请写 year: {expected}",
        "the file's name sets it; write year: {expected}",
    ),
    "range_without_upper": ("{what} 是一个区间，却没有 'upper'", "{what} is a range but has no 'upper'"),
    "hint_range_upper": ("加上 `upper: <上限>`；`value` 是下限", "add `upper: <the high end>`; `value` is the low end"),
    "upper_below_value": (
        "{what}：`upper` {upper} 小于 `value` {value}",
        "{what}: upper {upper} is below value {value}",
    ),
    "should_be_date": (
        "{name!r} 应为日期（如 2019-03-31），却是 {written!r}",
        "{name!r} should be a date like 2019-03-31, found {written!r}",
    ),
    "hint_date": ("写作 YYYY-MM-DD", "write YYYY-MM-DD"),
    "note_not_text": ("说明应为文本，却是{found}", "a note should be text, found {found}"),
    "not_a_year": ("{text!r} 不是年份", "{text!r} is not a year"),
    "hint_year_entry": ("每一项写作 `YEAR: value`，例如 `2017: 950`", "each entry is `YEAR: value`, e.g. `2017: 950`"),
    # --- a target as the plan writes it (plan/stated.py)
    "stated_problem": ("{what}：`stated`：{message}", "{what}: 'stated': {message}"),
    "stated_unreadable": ("无法把 {text!r} 读作目标：{problem}", "cannot read {text!r} as a target: {problem}"),
    "stated_unreadable_understood": (
        "无法把 {text!r} 读作目标：{problem}（已读懂：{understood}）",
        "cannot read {text!r} as a target: {problem} (understood so far: {understood})",
    ),
    "stated_examples": (
        "例如 ≥90%、90%以上、5.5%左右、〔30〕、〔>30〕、累计下降15%、年均增长7%、1700亿元、3—5个、保持100%",
        "e.g. ≥90%, 90%以上, 5.5%左右, 〔30〕, 〔>30〕, 累计下降15%, 年均增长7%, 1700亿元, 3—5个, 保持100%",
    ),
    "stated_read": ("{word}（{gloss}）", "{word} ({gloss})"),
    "stated_read_amount": ("{word}（{number} {unit}）", "{word} ({number} {unit})"),
    "stated_gloss_keep": ("保持基期水平", "keep at the baseline"),
    "stated_gloss_bracket": ("累计变化", "a cumulative change"),
    "stated_gloss_cumulative": ("整个规划期", "cumulative"),
    "stated_gloss_per_year": ("每年", "per year"),
    "stated_gloss_rise": ("上升", "a rise"),
    "stated_gloss_fall": ("下降", "a fall"),
    "stated_gloss_reached": ("达到的水平", "the level reached"),
    "stated_gloss_percent": ("百分数", "percent"),
    "stated_gloss_points": ("百分点", "percentage points"),
    "stated_gloss_at_least": ("至少", "at_least"),
    "stated_gloss_at_most": ("至多", "at_most"),
    "stated_gloss_about": ("约", "about"),
    "stated_empty": ("内容为空", "it is empty"),
    "hint_stated_empty": ("按规划原文写出目标，{examples}", "write the target as the plan states it, {examples}"),
    "stated_keep_change": (
        "保持 是保持某一水平，但其余部分写的是变化",
        "保持 keeps a level, but the rest states a change",
    ),
    "hint_stated_keep_change": (
        "保持 后写要保持的水平（保持100%），或只写变化",
        "write 保持 with the level to keep (保持100%), or the change alone",
    ),
    "stated_bracket_unclosed": ("〔 没有用 〕 闭合", "〔 is not closed by 〕"),
    "hint_stated_bracket": ("累计变化写作 〔30〕 或 〔>30〕", "write a cumulative change as 〔30〕 or 〔>30〕"),
    "stated_second_bound": ("数字前有第二个界限词（{word!r}）", "a second bound before the number ({word!r})"),
    "hint_stated_one_bound": ("只写一个界限", "state one bound"),
    "stated_second_verb": ("第二个动词（{word!r}）", "a second verb ({word!r})"),
    "hint_stated_one_verb": ("只写一个：增长/提高 或 下降/降低", "state one: 增长/提高 or 下降/降低"),
    "stated_both_cumulative_and_yearly": ("同时写了 累计 和 年均", "both 累计 and 年均"),
    "hint_stated_cumulative_or_yearly": (
        "目标要么是累计的（累计下降15%），要么是每年的（年均增长7%）",
        "a target is either cumulative (累计下降15%) or per year (年均增长7%)",
    ),
    "stated_reached_and_change": (
        "{which} 与 {verb}到 同用，而 {verb}到 表示达到的水平",
        "{which} with {verb}到, which states the level reached",
    ),
    "hint_stated_reached_and_change": (
        "水平写作 {verb}到65%，变化写作 {which}{verb}7%",
        "write {verb}到65% for a level, or {which}{verb}7% for a change",
    ),
    "stated_without_verb": ("{which} 后没有动词", "{which} without a verb"),
    "hint_stated_which_way": (
        "写明方向：累计提高30个百分点、累计下降15%、年均增长7%",
        "say which way: 累计提高30个百分点, 累计下降15%, 年均增长7%",
    ),
    "stated_sign_after_verb": ("动词后又带正负号", "a sign after a verb"),
    "hint_stated_sign_after_verb": (
        "方向由动词表示：写 下降4%，不写 下降-4%（上升写 增长4%）",
        "the verb gives the direction: write 下降4%, not 下降-4% (or 增长4% for a rise)",
    ),
    "stated_sign_before_level": ("水平值前带正负号（{body!r}）", "a sign before a level ({body!r})"),
    "hint_stated_sign_before_level": (
        "变化写作 〔30〕、累计提高30个百分点 或 下降15%；水平值不带符号：30",
        "a change is written 〔30〕, 累计提高30个百分点 or 下降15%; a level without a sign: 30",
    ),
    "stated_points_without_verb": ("百分点前没有动词", "percentage points without a verb"),
    "hint_stated_points_which_way": (
        "以百分点表示的变化要写明方向：累计提高30个百分点，或 〔30〕",
        "a change in points says which way: 累计提高30个百分点, or 〔30〕",
    ),
    "stated_range_with_bound": ("区间带有界限词", "a range with a bound"),
    "hint_stated_range_with_bound": (
        "只写区间（3—5个），或写一个数字及其界限",
        "write the range alone (3—5个) or one figure with its bound",
    ),
    "stated_range_reversed": (
        "区间下限 {low!r} 不小于上限 {high!r}",
        "the range's low end {low!r} is not below its high end {high!r}",
    ),
    "hint_stated_range_reversed": ("先写下限：3—5", "write the low end first: 3—5"),
    "stated_yearly_points": ("以百分点表示的年均变化", "a yearly change in percentage points"),
    "hint_stated_yearly_points": (
        "请写规划期内的累计变化：累计提高5个百分点 或 〔5〕",
        "state the cumulative change over the plan: 累计提高5个百分点 or 〔5〕",
    ),
    "stated_rise_ambiguous": (
        "{text} 既可能是每年的，也可能是整个规划期的",
        "{text} could be per year or over the whole plan",
    ),
    "hint_stated_rise_ambiguous": (
        "每年的写 年均{text}，整个规划期的写 累计{text}",
        "write 年均{text} for a rate per year, or 累计{text} for the whole plan",
    ),
    "stated_bounds_disagree": (
        "两个界限相互矛盾（{first} 与 {second}）",
        "two bounds that disagree ({first} and {second})",
    ),
    "hint_stated_bounds_disagree": (
        "只写一个：≥90% 或 90%以上（至少），不超过5.5% 或 5.5%以内（至多），5.5%左右（约）",
        "state one: ≥90% or 90%以上 (at least), 不超过5.5% or 5.5%以内 (at most), 5.5%左右 (about)",
    ),
    "stated_not_percent": ("{body!r} 不是百分数", "{body!r} is not a percentage"),
    "hint_stated_not_percent": ("相对变化要带 %：{example}", "a relative change is written with %: {example}"),
    "stated_points_not_percent": (
        "写的是百分点，但该指标的单位是 {unit}",
        "percentage points, but the indicator is measured in {unit}",
    ),
    "hint_stated_points_not_percent": (
        "百分点只用于单位为 % 的指标：请按指标的单位写变化",
        "percentage points are for indicators in %: give the change in the indicator's unit",
    ),
    "stated_no_number": ("没有数字", "no number"),
    "hint_stated_no_number": ("请写出数字：{example}", "write the figure: {example}"),
    "stated_no_digits": ("{body!r} 中没有用阿拉伯数字写的数", "{body!r} has no figure in digits"),
    "hint_stated_no_digits": (
        "请用阿拉伯数字写出数值，目标的写法{examples}；规划中没有数字的目标请写在 `plan.yaml` 的 `goals:` 下",
        "write the figure in digits, as a target reads: {examples}; "
        "a goal the plan states without a number belongs under `goals:` in `plan.yaml`",
    ),
    "hint_stated_number": ("{hint}；目标的写法{examples}", "{hint}; a target reads like {examples}"),
    "stated_example_bracket": (
        "〔30〕 或 〔>30〕：按指标单位的变化",
        "〔30〕 or 〔>30〕: the change in the indicator's unit",
    ),
    "stated_example_range": ("3—5个：用连接号连起的两个数", "3—5个: two figures joined by a dash"),
    "stated_example_level": (
        "按指标单位的水平值，例如 90%、1700亿元",
        "the level in the indicator's unit, e.g. 90%, 1700亿元",
    ),
    "stated_example_percent": ("年均增长7%、累计下降15%、降低18%", "年均增长7%, 累计下降15%, 降低18%"),
    "stated_example_points": ("累计提高30个百分点", "累计提高30个百分点"),
    "stated_example_change": (
        "累计增加3000公里：按指标单位的变化",
        "累计增加3000公里: the change in the indicator's unit",
    ),
    # --- targets and milestones (plan/targets.py, plan/loader.py)
    "stated_disagrees": (
        "{what}：`stated` {stated!r} 读作{read}，但{but}",
        "{what}: 'stated' {stated!r} reads as {read}, but {but}",
    ),
    "hint_stated_disagrees": (
        "请使两者一致，或去掉显式写法，只用 `stated` 表述",
        "make them agree, or leave out the explicit form and let `stated` say it",
    ),
    "reads_value": ("水平值 {amount}", "a level of {amount}"),
    "reads_range": ("区间 {amount}", "a range of {amount}"),
    "reads_change": ("累计变化 {amount}", "a change of {amount}"),
    "reads_change_percent": ("累计变化 {amount} %", "a change of {amount} %"),
    "reads_annual_growth_percent": ("年均增长 {amount} %", "an average growth of {amount} % a year"),
    "reads_bounded": ("{what}（{bound}）", "{what}, {bound}"),
    "bound_at_least": ("不低于", "at least"),
    "bound_at_most": ("不高于", "at most"),
    "bound_about": ("左右", "about"),
    "written_as": ("目标写成了{form}", "the target is written as {form}"),
    "written_figure": ("写出的数值是 {figure}", "the figure written is {figure}"),
    "written_bound": ("写的是 `bound: {bound}`", "`bound: {bound}` is written"),
    "form_value": ("水平值（`value:`）", "a level (`value:`)"),
    "form_range": ("区间（`value:` 与 `upper:`）", "a range (`value:` and `upper:`)"),
    "form_change": ("累计变化（`change:`）", "a change (`change:`)"),
    "form_change_percent": ("累计变化百分比（`change_percent:`）", "a change in percent (`change_percent:`)"),
    "form_annual_growth_percent": (
        "年均增速（`annual_growth_percent:`）",
        "a growth a year (`annual_growth_percent:`)",
    ),
    "flow_total": (
        "{what}：单位为 {unit!r} 的指标上的 {stated!r} 是规划期内逐年流量的累计数（〔〕，累计），不是水平值的变化",
        "{what}: {stated!r} on an indicator in {unit!r} is a total of yearly flows over the plan's years "
        "(〔〕, 累计), not a change in a level",
    ),
    "hint_flow_total": (
        "jmplan 评估的是水平值：请改为按年度目标跟踪这一年度流量；若水平值确实变化这么多，"
        "请写 `change:` 并去掉 `stated` 中的〔〕（相对下降写 `change_percent:`）",
        "jmplan assesses levels: track the yearly flow with a yearly target instead; if the level really "
        "changes by this much, write `change:` and drop the 〔〕 from `stated` (a relative fall is "
        "`change_percent:`)",
    ),
    "milestone_without_target": (
        "{key!r} 有阶段目标，但 targets.yaml 中没有它的目标",
        "milestone for {key!r}, which has no target in targets.yaml",
    ),
    "hint_milestone_without_target": (
        "阶段目标是通往目标的一步：请补上目标，或把这一目标移到 targets.yaml",
        "a milestone is a step on the way to a target: add the target, or move this one there",
    ),
    "milestone_year_mismatch": (
        "年份 {year} 与文件名中的年份 {expected} 不符",
        "year {year} does not match the year {expected} in the file's name",
    ),
    "unread_yaml_file": (
        "规划文件夹中有 jmplan 不读取的 YAML 文件",
        "a YAML file jmplan does not read in a plan folder",
    ),
    "hint_milestone_years": (
        "阶段目标用于基期年 {base} 与目标年 {target} 之间的年份；目标年的目标写在 {file} 中",
        "milestones are for the years between the base year {base} and the target year {target}; "
        "the target year's targets go in {file}",
    ),
    "hint_baseline_file": (
        "plan.yaml 中的基期年是 {base}：基期值文件是 {file}",
        "the base year in plan.yaml is {base}: the baseline file is {file}",
    ),
    "hint_interim_targets": (
        "阶段目标写在 targets_<year>.yaml 中（例如 {example}）",
        "interim targets go in targets_<year>.yaml (e.g. {example})",
    ),
    "hint_plan_folder_holds": (
        "规划文件夹含有 {plan}、{baseline}、{targets}、targets_<year>.yaml 和 {actuals}；请把其他文件移走",
        "a plan folder holds {plan}, {baseline}, {targets}, targets_<year>.yaml and {actuals}; "
        "move other files elsewhere",
    ),
    "about_out_of_range": (
        "thresholds：`about` 必须是 0 到 1 之间的比例（0.05 即 5 %）；现为 {about}",
        "thresholds: about must be a share from 0 up to 1 (0.05 is 5 %); found {about}",
    ),
    "hint_about": (
        "以“左右”表述的目标，在其上下这一比例之内即算达到；默认为 0.05",
        "a target stated as about (左右) is met within this share of it; the default is 0.05",
    ),
    "change_year_missing": (
        "{key!r} 的 {year} 年观测值：该指标按年度变化观测，年份须自 {first} 年起逐年连续，缺少 {expected} 年",
        "observation for {key!r} in {year}: it is observed as yearly changes, "
        "so its years run one by one from {first}, and {expected} is missing",
    ),
    "change_in_base_year": (
        "{key!r} 的 {year} 年观测值：该指标按年度变化观测，应从基期年 {base} 的下一年开始",
        "observation for {key!r} in {year}: it is observed as yearly changes, "
        "which start in the year after the base year {base}",
    ),
    "hint_change_year_missing": (
        "补上 {expected} 年的变化，或改为按水平值观测该指标",
        "add the change of {expected}, or observe the indicator as levels",
    ),
    "hint_change_in_base_year": ("删除它：基期值就是起点水平", "remove it: the baseline is the starting level"),
    "observed_change_leaves_nothing": (
        "{key!r} 的 {year} 年观测值是 {value} % 的变化，将一无所剩",
        "the observation of {key!r} for {year} is a change of {value} %, which would leave nothing",
    ),
    "hint_change_above_minus_100": (
        "以百分比表示的年度变化大于 -100（下降4.0% 写作 -4.0）",
        "a yearly change in percent is above -100 (下降4.0% is -4.0)",
    ),
    "target_two_forms": (
        "{what} 同时写成了 {first!r} 和 {second!r}",
        "{what} is stated both as {first!r} and as {second!r}",
    ),
    "hint_target_two_forms": (
        "目标只用一种方式表述：保留规划原文所用的那种",
        "a target is stated one way: keep the one the plan writes",
    ),
    "target_no_value": ("{what} 缺少 'value'", "{what} has no 'value'"),
    "hint_target_no_value": (
        "加上 `value:`（水平值），或写成 `change:`、`change_percent:` 或 `annual_growth_percent:`，"
        "或像规划原文那样写在 `stated:` 中（≥90%、〔30〕、年均增长7%……）",
        "add `value:` (a level), state it as `change:`, `change_percent:` or `annual_growth_percent:`, "
        "or write it as the plan does in `stated:` (≥90%, 〔30〕, 年均增长7%, ...)",
    ),
    "target_qualifier": (
        "{what}：'qualifier: {qualifier}' 描述的是已陈述的事实，而非目标如何算达到",
        "{what}: 'qualifier: {qualifier}' describes a stated fact, not how a target is met",
    ),
    "hint_target_qualifier": (
        "改写为 `bound: {replacement}`（可选 `at_least`、`at_most` 或 `about`）",
        "write `bound: {replacement}` (at_least, at_most or about) instead",
    ),
    "target_upper_not_level": (
        "{what}：'upper' 属于区间，区间用 `value:`（下限）表述",
        "{what}: 'upper' belongs to a range, which is stated with `value:` (its low end)",
    ),
    "hint_target_upper_not_level": (
        "删除 `upper`，或把区间写成 `value: LOW` 和 `upper: HIGH`",
        "remove `upper`, or write the range as `value: LOW` and `upper: HIGH`",
    ),
    "previous_not_list": (
        "{what} 的 'previous' 应为早先各版本组成的列表，却是{found}",
        "'previous' of {what} should be a list of earlier versions, found {found}",
    ),
    "hint_previous_list": (
        "每个版本写作 `- {{value: ..., until: YEAR, source: ...}}`",
        "write each version as `- {{value: ..., until: YEAR, source: ...}}`",
    ),
    "what_previous_version": ("{what}的一个早先版本", "a previous version of {what}"),
    "until_not_after": (
        "{what}：`until` {until} 不晚于前一版本（`until` {last}）",
        "{what}: until {until} is not after the version before it (until {last})",
    ),
    "hint_until_order": (
        "按从旧到新列出早先版本，每个都在更晚的年份被替换",
        "list the previous versions oldest first, each replaced in a later year",
    ),
    "until_outside": (
        "{what}：`until` {until} 不在规划年份 {first}–{last} 之内",
        "{what}: until {until} is outside the plan's years {first}–{last}",
    ),
    "hint_until": ("`until: YEAR` 是该版本被替换的年份", "`until: YEAR` is the year the version was replaced"),
    "what_target_of": ("{year} 年目标", "the {year} target"),
    "what_target_replaced": ("{year} 年目标（{until} 年被替换的版本）", "the {year} target replaced in {until}"),
    "needs_yearly_changes": (
        "或按年度变化观测该指标（`observed_as: annual_change_percent`），以 100 为指数起点",
        "or observe the indicator as yearly changes (`observed_as: annual_change_percent`), "
        "which runs on an index of 100",
    ),
    "needs_level": ("或把目标写成水平值（`value:`）", "or write the target as a level (`value:`)"),
    "target_needs_baseline": (
        "{key!r} 的{what}写成 {form!r}，它从基期值起算，而规划未给出该指标的基期值",
        "{what} for {key!r} is stated as {form!r}, which counts from the baseline, "
        "but the plan states no baseline for it",
    ),
    "hint_target_needs_baseline": (
        "在基期值文件中加上它的基期值，{needs}",
        "add its baseline to the baseline file, {needs}",
    ),
    "wrong_side_below": (
        "{key!r} 的{what}为 {value}，低于基期值 {baseline}，而该指标越大越好",
        "{what} for {key!r} comes to {value}, below the baseline {baseline}, though more is better for this indicator",
    ),
    "wrong_side_above": (
        "{key!r} 的{what}为 {value}，高于基期值 {baseline}，而该指标越小越好",
        "{what} for {key!r} comes to {value}, above the baseline {baseline}, though less is better for this indicator",
    ),
    "hint_wrong_side_level": (
        "是否想写 `change: {amount}`（相对基期值的变化），或在 plan.yaml 中写 `direction: {direction}`？"
        "基期值已满足的上限或下限用 `bound:` 表述",
        "did you mean `change: {amount}` (a change from the baseline), or `direction: {direction}` in plan.yaml? "
        "A ceiling or floor the baseline already meets is written with `bound:`",
    ),
    "hint_wrong_side_change": (
        "检查正负号（下降为负），或 plan.yaml 中该指标的 `direction:`",
        "check the sign (a fall is negative), or the indicator's `direction:` in plan.yaml",
    ),
    # --- checks across files (plan/validate.py)
    "what_baseline": ("基期值", "baseline"),
    "what_target": ("目标值", "target"),
    "what_observation_in": ("{year} 年观测值", "observation for {year}"),
    "what_milestone_in": ("{year} 年阶段目标", "milestone for {year}"),
    "figure_for_undefined": (
        "{key!r} 的{what}，而 plan.yaml 没有定义该指标",
        "{what} for {key!r}, which plan.yaml does not define",
    ),
    "hint_add_indicator": ("在 plan.yaml 的 `indicators:` 下添加它", "add it under `indicators:` in plan.yaml"),
    "figure_unit_mismatch": (
        "{key!r} 的{what}单位是 {unit!r}，而该指标以 {expected!r} 计量",
        "the {what} of {key!r} is in {unit!r}, but the indicator is measured in {expected!r}",
    ),
    "hint_convert_unit": (
        "把数值换算成 {unit}，或改正 plan.yaml 中的单位",
        "convert the value to {unit} or fix the unit in plan.yaml",
    ),
    "why_share_negative": ("百分比不能为负", "a share in % cannot be negative"),
    "why_compound_negative": (
        "复合增长指标不能为负（其增速是水平值之比）",
        "a compound indicator cannot be negative (its growth rate compares levels)",
    ),
    "figure_negative": ("{key!r} 的{what}为 {value}：{why}", "the {what} of {key!r} is {value}: {why}"),
    "hint_check_sign": (
        "检查正负号；下降目标用 `direction: decrease` 设定",
        "check the sign; a decrease is set with `direction: decrease`",
    ),
    "share_over_100": ("{key!r} 的{what}为 {value} %，超过 100 %", "the {what} of {key!r} is {value} %, over 100 %"),
    "hint_share_range": (
        "百分比介于 0 和 100 之间；其他比率请用别的单位",
        "a share in % lies between 0 and 100; for other ratios use another unit",
    ),
    "observation_outside_years": (
        "{key!r} 的观测年份 {year} 不在规划期 {first}–{last} 之内",
        "observation for {key!r} in {year}, outside the plan's years {first}–{last}",
    ),
    "hint_year_range": ("请用 {first} 至 {last} 之间的年份", "use a year from {first} to {last}"),
    "note_for_unknown": (
        "{key!r} 的说明，而规划中没有这个目标、任务或指标",
        "note for {key!r}, which is no goal, task or indicator of the plan",
    ),
    "common_redefined": (
        "通用指标 {key!r} 已在 jmplan 的通用指标表中",
        "common indicator {key!r} is already in jmplan's common list",
    ),
    "hint_common_redefined": (
        "直接使用它（`same_as: {key}`），或给你的指标另取一个键",
        "use it as it is (`same_as: {key}`), or give yours another key",
    ),
    "same_as_empty": ("指标 {key!r} 的 same_as 为空", "indicator {key!r}: same_as is empty"),
    "hint_same_as_empty": (
        "填写通用指标表中的一个键（见 README），或删去这一行",
        "give a key of the common list (see the README), or remove the line",
    ),
    "same_as_unknown": ("same_as：{key!r} 不是通用指标表中的键", "same_as: {key!r} is not a key of the common list"),
    "hint_same_as_unknown": (
        "见 README 中的通用指标表，或在 plan.yaml 的 `common:` 下添加",
        "see the README's list of common indicators, or add yours under `common:` in plan.yaml",
    ),
    "same_as_unit": (
        "{key!r} 以 {unit!r} 计量，无法换算为通用指标 {common!r} 的单位 {common_unit!r}",
        "{key!r} is measured in {unit!r}, which does not convert to {common_unit!r}, "
        "the unit of common indicator {common!r}",
    ),
    "hint_same_as_unit": (
        "same_as 连接计量同一事物的指标：给 {key!r} 用 {common_unit!r} 或其倍数"
        "（万、亿；速率用 k、M、G、T），或删去 same_as",
        "same_as joins indicators that measure the same thing: give {key!r} {common_unit!r} or a multiple of it "
        "(万, 亿; k, M, G, T for rates), or remove same_as",
    ),
    "same_as_twice": (
        "{key!r} 和 {other!r} 都会作为 {common!r} 比较",
        "{key!r} and {other!r} would both be compared as {common!r}",
    ),
    "hint_same_as_twice": (
        "规划中只能有一个指标代表某个通用指标；删去其中一个 same_as",
        "one indicator of a plan stands for a common indicator; remove one same_as",
    ),
    # --- a value as typed (plan/quantity.py)
    "too_large_figure": ("{text!r} 太大，不可能是统计数", "{text!r} is too large to be a figure"),
    "hint_check_digits": ("检查数字位数", "check the number of digits"),
    "not_a_number": ("{text!r} 不是数字", "{text!r} is not a number"),
    "hint_type_digits": (
        "输入数字，可带万或亿及单位：850、1,700、7.76万、82%",
        "type digits, optionally with 万 or 亿 and the unit: 850, 1,700, 7.76万, 82%",
    ),
    "hint_thousands": ("千位分隔符每三位一个：1,700", "thousands separators go every three digits: 1,700"),
    "other_unit": (
        "{text!r} 的单位是 {suffix!r}，而该指标以 {units} 计量",
        "{text!r} is in {suffix!r}, but this indicator is measured in {units}",
    ),
    "hint_other_unit": ("请以 {unit} 为单位给出数值，或只写数字", "give the value in {unit}, or the number alone"),
    "other_unit_none": (
        "{text!r} 的单位是 {suffix!r}，而该指标没有单位",
        "{text!r} is in {suffix!r}, but this indicator has no unit",
    ),
    "hint_other_unit_none": (
        "在 plan.yaml 中写明该指标的单位（unit: ...），或只写数字",
        "give the indicator its unit in plan.yaml (unit: ...), or write the number alone",
    ),
    # --- finding an indicator (plan/lookup.py, cli.py)
    "metric_empty": ("{query!r} 为空：请给出指标的代码或名称", "{query!r} is empty: give an indicator's key or name"),
    "metric_ambiguous": ("{query!r} 与多个指标相符", "{query!r} matches several indicators"),
    "metric_unknown": ("{query!r} 不是本规划的指标", "{query!r} is not an indicator of this plan"),
    "unknown_metric": ("{problem}。`jmplan metrics` 列出全部指标。", "{problem}. `jmplan metrics` lists them all."),
    "unknown_metric_close": (
        "{problem}。是否想用：{candidates}？`jmplan metrics` 列出全部指标。",
        "{problem}. Did you mean: {candidates}? `jmplan metrics` lists them all.",
    ),
    # --- record (write/record.py)
    "cannot_lock": ("{path}：无法锁定规划文件夹：{error}", "{path}: cannot lock the plan folder: {error}"),
    "hint_lock": (
        "record 在规划文件夹中使用锁文件 .jmplan.lock：请检查该文件夹可写，且 .jmplan.lock 是文件",
        "record keeps a lock file, .jmplan.lock, in the plan folder: check that the folder is writable "
        "and that .jmplan.lock is a file",
    ),
    "year_outside": ("{year} 不在规划期 {first}–{last} 之内", "{year} is outside the plan's years {first}–{last}"),
    "already_recorded": (
        "{key} 已有 {year} 年的值 {value}（{where}）",
        "{key} already has {value} for {year} ({where})",
    ),
    "hint_replace": ("加 --replace 以覆盖", "add --replace to overwrite it"),
    # record's guards against slips (write/record.py)
    "record_base_year": (
        "规划已给出 {key} 的 {year} 年基期值 {value}；同年的观测值不会被使用",
        "the plan states the {year} baseline of {key}, {value}; an observation of the same year would never be used",
    ),
    "hint_record_base_year": (
        "记录之后年份的观测值；若基期值有误，请在 {file} 中改正",
        "record a later year; if the baseline is wrong, correct it in {file}",
    ),
    "record_shrunk": (
        "{text!r} 换算后为 {value} {unit}：所写的单位比指标单位 {unit} 小，数值被缩小了",
        "{text!r} is {value} {unit}: it is written in a smaller unit than the indicator's {unit}, which shrinks it",
    ),
    "record_slip": (
        "{key} {year} 年的 {value} {unit} 与 {other_year} 年的 {other} {unit} 相差 10 倍或以上",
        "{value} {unit} for {key} in {year} is 10 times or more away from {other} {unit} in {other_year}",
    ),
    "record_slip_change": (
        "{key} 增长 {value}% 会使水平值变为原来的 {ratio} 倍",
        "a change of {value}% would take the level of {key} to {ratio} times what it was",
    ),
    "hint_force": (
        "请核对所写的数值；若确实无误，加 --force",
        "check the figure as typed; if it is right, add --force",
    ),
    "would_not_read_back": (
        "修改后的文件无法正确读回；未写入任何内容",
        "the edited file would not read back correctly; nothing was written",
    ),
    "cannot_write": ("{path}：无法写入：{error}", "{path}: cannot write: {error}"),
    "hint_writable": ("检查该文件及其文件夹是否可写", "check that the file and its folder are writable"),
    "read_only": ("{path} 是只读文件", "{path} is read-only"),
    "hint_read_only": ("如果数值应写入该文件，请先使其可写", "make it writable first if the figure belongs in it"),
    "cannot_be_negative": ("{key} 不能为负（{value} {unit}）", "{key} cannot be negative ({value} {unit})"),
    "change_leaves_nothing": (
        "{key} 以年度变化率观测；变化 {value} % 将一无所剩",
        "{key} is observed as yearly changes; a change of {value} % would leave nothing",
    ),
    "share_value_over_100": ("{key} 是百分比；{value} 超过 100", "{key} is a share in %; {value} is over 100"),
    # --- the command line (cli.py)
    "note": ("jmplan：注意：{text}", "jmplan: note: {text}"),
    "warning": ("jmplan：警告：{text}", "jmplan: warning: {text}"),
    "internal_error": (
        "jmplan：内部错误（jmplan 的缺陷），运行 `{command}` 时：{what}。加 --debug（或设 JMPLAN_DEBUG=1）"
        "再运行一次以查看完整的回溯信息，并报告此问题。",
        "jmplan: internal error (a bug in jmplan) while running `{command}`: {what}. "
        "Run again with --debug (or JMPLAN_DEBUG=1) for the full traceback, and report it.",
    ),
    "year_outside_cli": (
        "{year} 不在规划期 {first}–{last} 之内。",
        "{year} is outside the plan's years {first}–{last}.",
    ),
    "off_course": (
        "jmplan：有 {count} 个指标滞后、倒退或未完成：{keys}",
        "jmplan: {count} indicator{plural} behind, moving away or not achieved: {keys}",
    ),
    "departments": ("本规划的责任部门：{names}。", "Departments in this plan: {names}."),
    "no_departments": ("没有指标写明责任部门（responsible:）。", "No indicator names one (responsible:)."),
    "no_responsibility": (
        "没有指标由 {responsible!r} 负责。{known}",
        "no indicator is the responsibility of {responsible!r}. {known}",
    ),
    "xlsx_format_conflict": (
        "--format {fmt} 与 -o {name} 冲突：.xlsx 文件是工作簿。",
        "--format {fmt} conflicts with -o {name}: an .xlsx file is a workbook.",
    ),
    "report_format_conflict": (
        "--format {fmt} 与 -o {name} 冲突：请把文件名改为以 {suffix} 结尾，或去掉 --format。",
        "--format {fmt} conflicts with -o {name}: give the file a name ending in {suffix}, or leave out --format.",
    ),
    "charts_need_output": (
        "图表作为文件写在报告旁边：请给出 -o FILE",
        "charts are written as files beside the report: give -o FILE",
    ),
    "cannot_write_charts": ("{path}：无法写入图表：{error}", "{path}: cannot write the charts: {error}"),
    "chart_size_not_wxh": (
        "{text!r} 不是以厘米计的“宽x高”，例如 16x9",
        "{text!r} is not WIDTHxHEIGHT in centimetres, such as 16x9",
    ),
    "chart_size_out_of_range": (
        "{text!r}：宽和高须在 4 x 3 到 60 x 60 厘米之间",
        "{text!r}: width and height must lie between 4 x 3 and 60 x 60 centimetres",
    ),
    "chart_suffix": ("{name}：文件名必须以 .svg 或 .png 结尾。", "{name}: the file must end in .svg or .png."),
    "nothing_to_draw": (
        "{name}还没有可画的内容：需要基期值和目标值，或两个不同年份的值。",
        "{name} has nothing to draw yet: it needs a baseline and a target, or two values over time.",
    ),
    "xlsx_needs_openpyxl": (
        "读写 .xlsx 文件需要 openpyxl：pip install 'jmplan[office]'",
        ".xlsx files need openpyxl: pip install 'jmplan[office]'",
    ),
    "word_needs_python_docx": (
        "Word 文档需要 python-docx：pip install 'jmplan[office]'",
        "Word documents need python-docx: pip install 'jmplan[office]'",
    ),
    "pdf_needs_weasyprint": (
        "PDF 报告需要 WeasyPrint：pip install 'jmplan[pdf]'（{error}）",
        "PDF reports need WeasyPrint: pip install 'jmplan[pdf]' ({error})",
    ),
    "stdout_closed": (
        "标准输出已关闭，无法写入；请加 -o FILE，或重定向标准输出",
        "standard output is closed: cannot write; give -o FILE, or redirect it",
    ),
    "stdout_cannot_write": ("标准输出：无法写入：{error}", "standard output: cannot write: {error}"),
    "output_cannot_write": ("jmplan：无法写入：{error}", "jmplan: cannot write: {error}"),
    "progress": (
        "jmplan：{what}：已完成 {done:,} / {total:,} 个指标",
        "jmplan: {what}: {done:,} of {total:,} indicators",
    ),
    "not_a_date": (
        "{value!r} 不是 YYYY-MM-DD 格式的日期，例如 2019-03-31。",
        "{value!r} is not a date written YYYY-MM-DD, such as 2019-03-31.",
    ),
    "charts_need_matplotlib": (
        "图表需要 matplotlib：pip install 'jmplan[charts]'",
        "charts need matplotlib: pip install 'jmplan[charts]'",
    ),
    "no_cjk_font": (
        "未找到中文字体，图表标签改用英文；"
        "安装一个中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）即可显示中文",
        "no Chinese font found, so the chart's labels are in English; install one "
        "(Debian/Ubuntu: apt-get install fonts-noto-cjk) for Chinese labels",
    ),
    "record_needs_data_dir": (
        "record 需要写入的规划文件夹：请给出 --data-dir DIR 或设置 JMPLAN_DATA_DIR。"
        "若要从内置的江门规划开始，请先运行 `jmplan init DIR`。",
        "record needs the plan folder to write to: give --data-dir DIR or set JMPLAN_DATA_DIR. "
        "To start from the embedded Jiangmen plan, run `jmplan init DIR` first.",
    ),
    "template_suffix": ("{name}：文件名必须以 .xlsx 或 .csv 结尾。", "{name}: the file must end in .xlsx or .csv."),
    "by_department_needs_xlsx": (
        "--by-department 为每个部门写一张工作表：需要 .xlsx 文件。",
        "--by-department writes one sheet per department: it needs an .xlsx file.",
    ),
    "import_needs_data_dir": (
        "import 需要写入的规划文件夹：请给出 --data-dir DIR 或设置 JMPLAN_DATA_DIR。"
        "若要从内置的江门规划开始，请先运行 `jmplan init DIR`。",
        "import needs the plan folder to write to: give --data-dir DIR or set JMPLAN_DATA_DIR. "
        "To start from the embedded Jiangmen plan, run `jmplan init DIR` first.",
    ),
    "no_such_file": ("{path}：文件不存在。", "{path}: no such file."),
    "year_outside_every_plan": (
        "{year} 不在任何一个规划的年份之内（{first}–{last}）。",
        "{year} is outside the years of every plan ({first}–{last}).",
    ),
    "compare_folder_missing": (
        "{folder} 不存在：请给出规划文件夹，或其子文件夹为规划文件夹的文件夹。",
        "{folder} does not exist: give plan folders, or a folder whose sub-folders are plan folders.",
    ),
    "given_twice": ("{folder} 给了两次。", "{folder} is given twice."),
    "no_plan_folders": (
        "{folder} 中既没有 plan.yaml，也没有含 plan.yaml 的子文件夹："
        "请给出规划文件夹，或其子文件夹为规划文件夹的文件夹。",
        "{folder} holds no plan.yaml and no folder with one: give plan folders, "
        "or a folder whose sub-folders are plan folders.",
    ),
    "compare_needs_two": (
        "compare 需要两个或更多规划：请给出两个规划文件夹，或一个包含多个规划的文件夹。",
        "compare needs two or more plans: give two plan folders, or a folder holding several.",
    ),
    "metric_several_shared": ("{query!r} 与多个共有指标相符", "{query!r} matches several shared indicators"),
    "metric_in_one_plan": (
        "{query!r} 只在一个规划中，无从比较",
        "{query!r} is in one plan only, so there is nothing to compare it with",
    ),
    "metric_not_shared_by_plans": ("{query!r} 不是各规划共有的指标", "{query!r} is not an indicator the plans share"),
    "none_shared": ("无", "none"),
    "metric_not_shared": ("{problem}。各规划共有：{shared}。", "{problem}. The plans share: {shared}."),
    "metric_not_shared_close": (
        "{problem}。是否想用：{candidates}？各规划共有：{shared}。",
        "{problem}. Did you mean: {candidates}? The plans share: {shared}.",
    ),
    "folder_exists": (
        "{folder} 已存在且不是空文件夹；请另选一个。",
        "{folder} already exists and is not an empty folder; choose a new one.",
    ),
    "cannot_create": ("{path}：无法创建：{error}", "{path}: cannot create: {error}"),
    "cannot_change_file": ("{path}：无法修改该文件：{error}", "{path}: cannot change the file: {error}"),
    "would_not_load": (
        "{path}：作此修改后规划将无法读取：{problem}",
        "{path}: with this change the plan would not load: {problem}",
    ),
    "no_plan": ("没有规划", "no plan"),
    "would_not_read_back_as_intended": (
        "{path}：修改后的文件读回的内容与预期不符；未写入任何内容",
        "{path}: the edited file would not read back as intended; nothing was written",
    ),
    "hint_report_bug": (
        "这是 jmplan 的缺陷：请连同该文件一起报告",
        "this is a bug in jmplan: please report it with the file",
    ),
    "changed_twice": ("{key} {year} 在同一批修改中出现了两次", "{key} {year} is changed twice in one batch"),
    "value_must_be_number": ("{key} {year}：值必须是数字", "{key} {year}: the value must be a number"),
    "bad_field_name": ("{name!r} 不能作为字段名", "{name!r} cannot be the name of a field"),
    "bad_field_value": ("{key} {year}：{name}：{error}", "{key} {year}: {name}: {error}"),
    "no_observation_to_change": (
        "{key} 没有 {year} 年的观测值可供 {action}",
        "{key} has no observation for {year} to {action}",
    ),
    "link_outside": (
        "{path} 是指向规划文件夹之外 {target} 的链接；record 只在规划文件夹内写入",
        "{path} is a link to {target}, outside the plan folder; record writes only inside the plan folder",
    ),
    "hint_link_outside": (
        "要记录到那个文件，请使用它所属的规划文件夹；要把数据留在本规划中，请用副本替换链接："
        "`cp --remove-destination {target} {path}`",
        "to record into that file, use the plan folder it belongs to; to keep the figures with this plan, "
        "replace the link by a copy: `cp --remove-destination {target} {path}`",
    ),
    "link_dangling": (
        "{path} 是指向 {target} 的链接，而后者不存在",
        "{path} is a link to {target}, which does not exist",
    ),
    "not_regular_file": ("{path} 不是普通文件", "{path} is not a regular file"),
    "hint_not_regular_file": (
        "actuals.yaml 必须是文本文件；请移走占用此名的东西",
        "actuals.yaml must be a text file; remove what has its name",
    ),
    # --- the plan folder's lock (write/lock.py)
    "waiting": ("jmplan：{text}", "jmplan: {text}"),
    "lock_waiting": (
        "正在等待 {folder} 的锁，它由{holder}持有（{wait} 秒后放弃）",
        "waiting for the lock on {folder}, held by {holder} (giving up after {wait} s)",
    ),
    "lock_still_held": (
        "{path}：等待 {wait} 秒后规划文件夹仍被{holder}锁定",
        "{path}: the plan folder is still locked by {holder} after waiting {wait} s",
    ),
    "hint_lock_held": (
        "另一个 jmplan 正在写入此文件夹：等它完成后再运行，或给出更长的 --wait；若该进程卡住，请结束它",
        "another jmplan is writing to this folder; run again when it has finished, give a longer --wait, "
        "or, if that process is stuck, stop it",
    ),
    "lock_not_a_file": ("{path}：锁文件不是普通文件", "{path}: the lock file is not a regular file"),
    "hint_lock_not_a_file": (
        "删除它（{name} 是 jmplan 创建的空文件；此名下不应有其他东西）",
        "remove it ({name} is an empty file jmplan creates; nothing else belongs under that name)",
    ),
    "lock_symlink": (
        "{path}：锁文件是符号链接，jmplan 不跟随链接",
        "{path}: the lock file is a symbolic link, which jmplan does not follow",
    ),
    "hint_lock_symlink": (
        "删除该链接；jmplan 会自行创建空文件 {name}",
        "remove the link; jmplan creates {name} as an empty file of its own",
    ),
    "lock_cannot_create": ("{path}：无法创建锁文件：{error}", "{path}: cannot create the lock file: {error}"),
    "hint_lock_create": (
        "record 需要在规划文件夹中创建一次 {name}：请使文件夹可写，"
        "或请有写权限的人运行 `touch {path}`（人人可读的锁文件即可）",
        "record needs to create {name} in the plan folder once: make the folder writable, or ask "
        "someone who can write it to run `touch {path}` (a lock file anyone can read is enough)",
    ),
    "lock_cannot_open": ("{path}：无法打开锁文件：{error}", "{path}: cannot open the lock file: {error}"),
    "lock_cannot_lock": ("{path}：无法加锁：{error}", "{path}: cannot lock: {error}"),
    "hint_check_folder": ("检查规划文件夹", "check the plan folder"),
    "holder_unknown": ("另一个进程", "another process"),
    "holder_process": ("进程 {pid}", "process {pid}"),
    "holder_user": ("用户 {user}", "user {user}"),
    "holder_command": ("运行 `{command}`", "running `{command}`"),
    "holder": ("{words}", "{words}"),
    # --- the year's report (show/report.py)
    "report_title": ("{name}：{year}年度实施进展报告", "{name}: progress report {year}"),
    "report_period": ("{period}；{when}；{method}。", "{period}; {when}; {method}."),
    "with_status": ("{name}（{status}）", "{name} ({status})"),
    "with_reason": ("{text}（{why}）", "{text} ({why})"),
    "preliminary_mark": ("（初步）", " (prelim.)"),
    "revised": ("修订：{steps}", "Revised: {steps}"),
    "labelled": ("{label}：{value}", "{label}: {value}"),
    "full_stop": ("。", "."),
    "next_sentence": ("{text}。", " {text}."),
    "report_latest_first_observed": (
        "{year}年为{value}（{base_year}年首次观测值{base}）",
        "{value} in {year} (first observed at {base} in {base_year})",
    ),
    "report_latest": (
        "{year}年为{value}（{base_year}年基期{base}）",
        "{value} in {year} (baseline {base} in {base_year})",
    ),
    "report_only_first_observation": (
        "{year}年首次观测值为{value}（规划未给出基期值），尚无可比较的后续观测值",
        "{value} in {year}, its first observation (the plan states no baseline), with nothing later to compare",
    ),
    "report_only_baseline": (
        "{year}年基期{value}，暂无此后的观测值",
        "{value} in the base year {year}, with no observation since",
    ),
    "report_no_target": ("规划未设目标值", "the plan sets no target"),
    "report_reached": ("已达到{year}年目标{target}", "it has reached the {year} target of {target}"),
    "report_short": (
        "距{year}年目标{target}尚差{gap}，{needed}",
        "{gap} short of the {year} target of {target}, {needed}",
    ),
    "report_status": ("状态：{status}", "status: {status}"),
    "report_responsible": ("（{label}：{who}）", " ({label}: {who}.)"),
    "report_needs_growth": ("今后需年均增长{rate}", "it needs growth of {rate} a year from now"),
    "report_needs_rise": ("今后需年均提高{step}", "it needs a rise of {step} a year from now"),
    "report_needs_fall": ("今后需年均降低{step}", "it needs a fall of {step} a year from now"),
    # --- template and import (cli.py)
    "template_written": (
        "已写入 {path}：{year} 年填报表，{count} 个指标。",
        "Wrote {path}: the {year} sheet, {count} indicators.",
    ),
    "sheet_problems": (
        "jmplan：表格中有 {count} 个问题，未写入任何数值。",
        "jmplan: {count} problem{plural} in the sheets; nothing was recorded.",
    ),
    "imported": ("已导入 {count} 个数值（{path}）。", "Recorded {count} figure{plural} ({path})."),
    "preliminary_value": ("{value}（初步核算）", "{value} (preliminary)"),
    "incoming_replaced": ("{name} {year} 年：{old} → {new}", "{name} {year}: {old} → {new}"),
    "incoming": ("{name} {year} 年：{new}", "{name} {year}: {new}"),
    "unchanged_figures": (
        "另有 {count} 个数值与已记录的相同，未改动。",
        "{count} more already recorded as given: left as they are.",
    ),
    "dry_run": (
        "试运行：将导入 {count} 个数值；未写入任何内容。",
        "Dry run: {count} figure(s) would be recorded; nothing was written.",
    ),
    "nothing_to_import": ("没有需要导入的新数值。", "No new figures to record."),
    # --- reading filled-in sheets (write/importer.py)
    "sheet_given_twice": (
        "{name} {year} 年的值填了两次（第一次在 {first}）",
        "{name} {year} is given twice (first at {first})",
    ),
    "hint_keep_one_row": ("只保留其中一行", "keep one of the two rows"),
    "sheet_cannot_read": ("无法读取：{error}", "cannot read: {error}"),
    "sheet_too_big": (
        "文件有 {size:.0f} MB，超过填报表允许的 {limit} MB",
        "the file is {size:.0f} MB, over the {limit} MB a sheet may have",
    ),
    "hint_sheet_too_big": (
        "一年的填报表远小于此，请确认文件是否正确",
        "a year's fill-in sheet is far smaller: check that this is the right file",
    ),
    "hint_save_as_xlsx": ("请在 Excel 中另存为 .xlsx（或 CSV）", "save it from Excel as .xlsx (or CSV)"),
    "sheet_xls": ("无法读取 .xls 文件（Excel 97-2003 格式）", "an .xls file (Excel 97-2003) cannot be read"),
    "sheet_not_a_sheet": ("不是 jmplan 可读取的表格（{what}）", "not a sheet jmplan reads ({what})"),
    "no_extension": ("无扩展名", "no extension"),
    "sheet_not_zip": ("不是 .xlsx 工作簿（不是 zip 文件）", "not an .xlsx workbook (not a zip file)"),
    "hint_resave_as_xlsx": ("请用 Excel 打开并另存为 .xlsx", "open it in Excel and save it as .xlsx"),
    "sheet_unpacks_too_big": (
        "工作簿解压后有 {size:.0f} MB，超过允许的 {limit} MB",
        "the workbook unpacks to {size:.0f} MB, over the {limit} MB allowed",
    ),
    "hint_workbook_too_big": (
        "填报表远小于此，请确认文件是否正确",
        "a fill-in sheet is far smaller: check that this is the right file",
    ),
    "sheet_too_many_rows": ("超过 {rows:,} 行", "more than {rows:,} rows"),
    "hint_one_row_per_indicator": ("每个指标一行", "one row per indicator"),
    "sheet_nul": ("文件含有 NUL 字符，不是文本文件", "the file holds NUL characters: it is not text"),
    "hint_save_as_csv_or_xlsx": ("请另存为 CSV 或 .xlsx", "save it as CSV or .xlsx"),
    "sheet_utf16": ("文件为 UTF-16 编码（Excel 的“Unicode 文本”）", "the file is UTF-16 (Excel's 'Unicode Text')"),
    "hint_save_as_csv_utf8": (
        "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
        "save it from Excel as 'CSV UTF-8 (Comma delimited)' or as .xlsx",
    ),
    "sheet_not_utf8_or_gbk": ("文件既不是 UTF-8 也不是 GBK 编码的文本", "the file is neither UTF-8 nor GBK text"),
    "sheet_xml_entities": (
        "工作簿的 XML 含有实体声明（{kind}），jmplan 拒绝读取",
        "the workbook's XML declares entities ({kind}), which jmplan refuses",
    ),
    "hint_xml_entities": (
        "实体可使小文件耗尽内存或读取其他文件；请用 Excel 重新保存该表格",
        "entities can make a small file fill the memory or read other files; save the sheet again from Excel",
    ),
    "sheet_unreadable_workbook": ("无法读取工作簿：{kind}: {error}", "cannot read the workbook: {kind}: {error}"),
    "hint_open_and_save": ("请用 Excel 打开后重新保存", "open and save it in Excel"),
    "sheet_too_many_cells": (
        "一次导入的文件共超过 {cells:,} 个单元格",
        "more than {cells:,} cells in the files of one import",
    ),
    "hint_import_separately": ("请按部门分别导入", "import the sheets of each department separately"),
    "sheet_no_header": (
        "找不到含“代码”（或“指标”）和“本年值”列的表头行",
        "no header row with the columns 代码/Key (or 指标/Indicator) and 本年值/Value",
    ),
    "hint_keep_header": (
        "请填写由 `jmplan template` 生成的表格，并保留表头行",
        "fill in a sheet made by `jmplan template`, keeping its header row",
    ),
    "sheet_unknown_status": ("{text!r} 不是数据状态", "{text!r} is not a status of a figure"),
    "hint_sheet_status": (
        "请填“初步核算”或“最终核实”，留空即为最终核实",
        "write 初步核算 (preliminary) or 最终核实 (final), or leave it empty for final",
    ),
    "sheet_already_recorded": (
        "{name} {year} 年已有数值 {value}（{where}）",
        "{name} already has {value} for {year} ({where})",
    ),
    "hint_sheet_replace": (
        "加 --replace 可覆盖（原数值保留在 `history` 中）",
        "add --replace to overwrite it (the old figure is kept in its history)",
    ),
    "hint_keep_key_column": (
        "代码列由 `jmplan template` 生成，请勿修改",
        "the key column comes from `jmplan template`: do not change it",
    ),
    "sheet_row_without_indicator": ("该行未写明指标", "the row names no indicator"),
    "hint_keep_row_key": ("请保留每行的代码", "keep the key (代码/Key) of each row"),
    "sheet_not_a_year": ("{text!r} 不是年份", "{text!r} is not a year"),
    "hint_year_like": ("请写成 2019", "write it as 2019"),
    "sheet_row_without_year": ("该行没有年份", "the row has no year"),
    "hint_sheet_year": ("请填写“年份”列，或加 --year", "fill in the 年份/Year column, or give --year"),
    "sheet_year_outside": (
        "{year} 年不在规划期 {first}—{last} 年内",
        "{year} is outside the plan's years {first}–{last}",
    ),
    "sheet_not_a_number": ("{value} 不是数值", "{value} is not a number"),
    "hint_sheet_number": ("请填写数值，如 850、7.9万、82%", "type the figure: 850, 7.9万, 82%"),
    "sheet_negative": ("{name}不能为负数（{value}）", "{name} cannot be negative ({value})"),
    "sheet_share_over_100": ("{name}是百分比，{value} 超过了 100", "{name} is a share in %; {value} is over 100"),
    "sheets_need_openpyxl": (
        "读取 .xlsx 文件需要 openpyxl 和 defusedxml：pip install 'jmplan[office]'",
        "reading .xlsx files needs openpyxl and defusedxml: pip install 'jmplan[office]'",
    ),
    "openpyxl_without_defusedxml": (
        "openpyxl 在未启用 defusedxml 时已被载入，拒绝用它读取工作簿",
        "openpyxl was loaded without defusedxml; refusing to read a workbook with it",
    ),
    # --- numbers with words (show/fmt.py): Chinese writes them together, English with a space
    "after_number": ("{word}", " {word}"),
    "before_number": ("{word}{value}", "{word} {value}"),
    "percentage_points": ("{value}个百分点", "{value} pp"),
    "stated_change_percent": ("累计{amount}%", "{amount}% in all"),
    "stated_annual_growth": ("年均增长{amount}%", "{amount}%/yr on average"),
    "stated_about": ("{value}左右", "about {value}"),
    "stated_keep": ("保持{value}", "keep {value}"),
    # --- record and init (cli.py)
    "recorded": ("已记录{name} {year} 年的值：{value}（{path}）", "Recorded {name} {year}: {value} ({path})"),
    "removed": ("已删除{name} {year} 年的值：{value}（{path}）", "Removed {name} {year}: {value} ({path})"),
    "kept_source": ("保留原出处：{source}", "kept the source: {source}"),
    "kept_note": ("保留原说明：{note}", "kept the note: {note}"),
    "replaced_in_history_plain": (
        "被替换的值 {old} 保存在该条目的 history 中",
        "the replaced value {old} is kept in the entry's history",
    ),
    "replaced_in_history": (
        "被替换的值 {old} 连同其出处保存在该条目的 history 中",
        "the replaced value {old} is kept, with its source, in the entry's history",
    ),
    "remove_takes_no_value": ("--remove 不带 VALUE", "--remove takes no VALUE"),
    "value_missing": ("缺少 VALUE", "missing VALUE"),
    "replaced": (
        "已替换{name} {year} 年的值：{old} → {new}（{path}）",
        "Replaced {name} {year}: {old} → {new} ({path})",
    ),
    "created": (
        "已创建 {folder}。使用时加 --data-dir {folder}（或设 JMPLAN_DATA_DIR={folder}）。",
        "Created {folder}. Use it with --data-dir {folder} (or JMPLAN_DATA_DIR={folder}).",
    ),
}
