"""`--help` in Chinese: the help of every command and option, keyed by its
English text exactly as jmplan/cli.py writes it (a docstring as Click cleans
it). jmplan.cli swaps these in when the run's language is Chinese, the way
it answers Click's own messages from usage.py; a text missing here is shown
in English (tests/test_help.py fails on one). The examples after the help
are commands, typed the same in both languages: only their heading changes.
"""

from __future__ import annotations

from .usage import CLICK_ZH

EXAMPLES_ZH = {"Examples:": "示例：", "Example:": "示例："}

HELP_ZH: dict[str, str] = {
    # the command group and the options every command shares
    "Where each indicator of a five-year plan stands, how far it is from its\n"
    "target, and what growth per year would close the gap.\n\n"
    "--data-dir, --lang and --format may also come before the command; given\n"
    "in both places, the one after the command wins.": (
        "五年规划各项指标的进展：距目标还差多少，每年需增长多少才能完成。\n\n"
        "--data-dir、--lang 和 --format 也可写在命令之前；两处都写时，以命令之后的为准。"
    ),
    "Show the full traceback of an internal error.": "发生内部错误时显示完整的回溯信息。",
    "Plan folder to use instead of the embedded Jiangmen plan [env JMPLAN_DATA_DIR].": (
        "要使用的规划文件夹，代替内置的江门规划（环境变量 JMPLAN_DATA_DIR）。"
    ),
    "Language of names, labels and messages [env JMPLAN_LANG; default: from the locale, zh_* is Chinese].": (
        "名称、标签和消息的语言（环境变量 JMPLAN_LANG；默认按系统区域设置，zh_* 为中文）。"
    ),
    "Output format, for the command that follows.": "输出格式，用于其后的命令。",
    "Output format [default: table]. CSV carries a UTF-8 BOM so Excel shows Chinese; JSON is for scripts.": (
        "输出格式（默认：table）。CSV 带 UTF-8 BOM，Excel 能正确显示中文；JSON 供脚本使用。"
    ),
    "Write to this file instead of standard output (`-o -`: standard output).": (
        "写入该文件，而不是标准输出（`-o -`：标准输出）。"
    ),
    "Use observations up to this year [default: all there are].": "只使用截至该年的观测值（默认：全部）。",
    "time: completion against time elapsed (method 1, as Chinese plan reviews do); "
    "eurostat: actual against required growth rate (method 2).": (
        "time：完成进度对比时间进度（方法一，国内规划评估的做法）；eurostat：实际增速对比所需增速（方法二）。"
    ),
    # status
    "A row per indicator: baseline, latest value, target, gap, growth still\n"
    "needed per year, progress against time, and status.\n\n"
    "With -o FILE.xlsx the table (raw numbers, as in CSV) is written as an\n"
    "Excel workbook (needs the office extra: pip install 'jmplan[office]').": (
        "每个指标一行：基期值、最新值、目标值、差距、今后年均所需增长、完成进度对比时间进度，以及状态。\n\n"
        "用 -o FILE.xlsx 时，表格（原始数值，与 CSV 相同）写成 Excel 工作簿"
        "（需要 office 附加组件：pip install 'jmplan[office]'）。"
    ),
    "Exit with code 3 when any indicator is behind, moving away or not achieved (for scheduled jobs).": (
        "有指标滞后于预期、倒退或未完成时，以退出码 3 结束（供定时任务使用）。"
    ),
    "review: the standard completion table (主要指标完成情况表), binding indicators first.": (
        "review：标准的主要指标完成情况表，约束性指标在前。"
    ),
    "Only the indicators whose responsible department (责任部门) contains TEXT.": "只列责任部门包含 TEXT 的指标。",
    "Every column, however wide the terminal (a narrow one shows the main columns).": (
        "无论终端多宽都显示全部列（终端较窄时只显示主要列）。"
    ),
    # gap
    "One indicator in full: both ends, the gap, the required growth and\n"
    "change per year, and the required trajectory year by year.": (
        "一个指标的全部情况：起点和目标、差距、年均所需增速和增量，以及逐年的所需路径。"
    ),
    "Indicator: its key, Chinese or English name, or an unambiguous beginning of one.": (
        "指标：代码、中文或英文名称，或能唯一确定指标的名称开头。"
    ),
    # metrics
    "Every indicator: key, names, unit, growth model, and what is known.": (
        "全部指标：代码、名称、单位、增长模型，以及已有的数据。"
    ),
    # report
    "The year's progress report: counts by status, every indicator, a\n"
    "paragraph and a chart for each indicator with data, the goals and tasks,\n"
    "the sources and the method.": (
        "年度进展报告：各状态的指标数、全部指标、每个有数据的指标的一段说明和一张图表、"
        "定性目标和主要任务、数据来源和计算方法。"
    ),
    "Report format [default: from the -o FILE's extension (.html, .docx, .pdf), else markdown].": (
        "报告格式（默认：按 -o FILE 的扩展名 .html、.docx、.pdf 确定，否则为 markdown）。"
    ),
    "Write the report to this file (`-o -`: standard output). Markdown charts go into FILE_charts/ beside it.": (
        "把报告写入该文件（`-o -`：标准输出）。Markdown 报告的图表写入旁边的 FILE_charts/ 文件夹。"
    ),
    "Add a section comparing the plan with the plan in DIR (repeat for several).": (
        "增加一节，把本规划与 DIR 中的规划对比（可重复，以对比多个规划）。"
    ),
    "Chart width and height in centimetres [default: 16x9]; PNG charts have 300 pixels an inch.": (
        "图表的宽和高，单位为厘米（默认：16x9）；PNG 图表为每英寸 300 像素。"
    ),
    "A department's own report: only the indicators whose responsible department contains TEXT.": (
        "部门自己的报告：只含责任部门包含 TEXT 的指标。"
    ),
    # chart
    "Draw one indicator: baseline, required trajectory, actual values,\n"
    "projection and target (a PNG needs the charts extra: pip install 'jmplan[charts]').": (
        "绘制一个指标：基期值、所需路径、实际值、预测和目标（PNG 需要 charts 附加组件：pip install 'jmplan[charts]'）。"
    ),
    "Indicator: key, name, or its beginning.": "指标：代码、名称或名称开头。",
    "The image file to write: .svg or .png.": "要写入的图片文件：.svg 或 .png。",
    # record
    "Record the observed VALUE of indicator KEY in YEAR, in the plan's actuals.yaml.\n\n"
    "VALUE is read as typed: 850, 1,700, 7.76万, 850亿元, 82%, full-width digits.\n"
    "The file keeps its comments and layout, and is replaced in one step.": (
        "把指标 KEY 在 YEAR 年的观测值 VALUE 记入规划的 actuals.yaml。\n\n"
        "VALUE 按输入的写法读取：850、1,700、7.76万、850亿元、82%、全角数字均可。"
        "文件保留原有的注释和格式，并一步替换。"
    ),
    "Where the figure comes from (a statistical bulletin, a report).": "数据的出处（统计公报、报告等）。",
    "Anything a reader of the figure should know.": "读者需要了解的关于该数据的说明。",
    "Overwrite an observation already recorded for that year (the old one is kept in its history; "
    "its source and note stay unless new ones are given).": (
        "覆盖该年已记录的观测值（旧值保留在其 history 中；未给出新的出处和说明时，保留原有的）。"
    ),
    "Remove the observation of KEY in YEAR (give no VALUE).": "删除 KEY 在 YEAR 年的观测值（不写 VALUE）。",
    "Record a value even though it looks like a slip: 10 times or more away from the level before it, "
    "or shrunk by a unit smaller than the indicator's (850万元 on 亿元).": (
        "即使数值看似笔误也照样记录：与此前的水平相差 10 倍或以上，"
        "或因所写单位小于指标单位而被缩小（以亿元计的指标填了 850万元）。"
    ),
    "How far the figure is checked: preliminary (初步核算) or final (最终核实, the default).": (
        "数据的核实程度：preliminary（初步核算）或 final（最终核实，默认）。"
    ),
    "The date the figure was recorded [default for a replacement: today].": "数据的记录日期（替换时默认为今天）。",
    "How long to wait for another jmplan writing to the same plan folder, then give up.": (
        "另一个 jmplan 正在写同一规划文件夹时最多等待多久，超时即放弃。"
    ),
    # compare
    "Compare plans side by side: for every indicator two or more of them\n"
    "share, each plan's baseline, latest value, target, growth needed, status\n"
    "and rank. DIR is a plan folder; a single DIR may instead hold plan folders.\n"
    "A plan and its successor (same region, one's target year the other's base\n"
    "year) are checked against each other.": (
        "并列比较多个规划：两个或以上规划共有的每个指标，列出各规划的基期值、最新值、目标值、所需增长、状态和排名。"
        "DIR 是规划文件夹；只给一个 DIR 时，它也可以是存放多个规划文件夹的文件夹。"
        "同一地区前后相继的两个规划（一个的目标年是另一个的基期年）会相互核对。"
    ),
    "One shared indicator (its compare key, a plan's own key or name, or a beginning), "
    "with every plan's values and required path year by year.": (
        "一个共有指标（比较用的代码、某规划自己的代码或名称，或名称开头），逐年列出各规划的数值和所需路径。"
    ),
    "Use observations up to this year and rank on this year's values; "
    "plans whose years do not include it show no value [default: the latest].": (
        "使用截至该年的观测值，并按该年的数值排名；规划期不含该年的规划不显示数值（默认：最新）。"
    ),
    "Output format. CSV carries a UTF-8 BOM so Excel shows Chinese; JSON is for scripts.": (
        "输出格式。CSV 带 UTF-8 BOM，Excel 能正确显示中文；JSON 供脚本使用。"
    ),
    # template and import
    "A fill-in sheet for the year's figures: one row per indicator with its\n"
    "key, name, unit, responsible department, last year's value and target,\n"
    "and empty cells for the value, the status of the figure (初步核算 or\n"
    "最终核实) and its source. Departments fill it in; `jmplan import` reads it.\n"
    "In a workbook only those cells can be edited (the sheet is protected,\n"
    "without a password).": (
        "当年数据的填报表：每个指标一行，含代码、名称、单位、责任部门、上年值和目标值，"
        "并留空待填本年值、数据状态（初步核算或最终核实）和数据来源。各部门填写后，由 `jmplan import` 读入。"
        "工作簿中只有这些单元格可以编辑（工作表受保护，没有密码）。"
    ),
    "The year whose figures the sheet collects.": "填报表收集哪一年的数据。",
    "One sheet per responsible department (责任部门), for an .xlsx file.": "每个责任部门一个工作表，用于 .xlsx 文件。",
    "The sheet to write: .xlsx (a workbook, the office extra) or .csv.": (
        "要写入的表格：.xlsx（工作簿，需要 office 附加组件）或 .csv。"
    ),
    "Record the figures of filled-in sheets (.xlsx or .csv, as `jmplan\n"
    "template` writes them; several at once). Values are read as staff type\n"
    "them (850, 7.9万, 850亿元, 82%). Every file is checked first and every\n"
    "problem reported as FILE:SHEET!CELL; then all values are written in one\n"
    "step, or none.": (
        "记录已填好的表格（由 `jmplan template` 生成的 .xlsx 或 .csv，可一次多个）中的数据。"
        "数值按工作人员的写法读取（850、7.9万、850亿元、82%）。先检查全部文件，每个问题以 FILE:SHEET!CELL 报告；"
        "然后一步写入全部数值，或一个也不写。"
    ),
    "Check everything and show what would be recorded; write nothing.": (
        "检查全部内容并显示将要记录的数据，不写入任何内容。"
    ),
    "Overwrite figures already recorded (each keeps the old one in its history).": (
        "覆盖已记录的数据（旧值保留在各自的 history 中）。"
    ),
    "The year of rows whose 年份/Year cell is empty.": "“年份”单元格为空的行所属的年份。",
    # init
    "Copy the embedded Jiangmen plan into FOLDER, to record observations in\nit or to adapt it into another plan.": (
        "把内置的江门规划复制到 FOLDER，用于在其中记录观测值，或改编成另一个规划。"
    ),
}


def help_zh(english: str) -> str:
    """The Chinese help for `english` (a cleaned docstring, an option's help
    or an epilog), or `english` itself when there is none."""
    # Click's own options (--help, --version) say what Click wrote, in whatever
    # language the first help of the process was in: usage.py has their words
    found = HELP_ZH.get(english) or CLICK_ZH.get(english)
    if found is not None:
        return found
    heading, sep, rest = english.partition("\n")
    if heading in EXAMPLES_ZH:
        return EXAMPLES_ZH[heading] + sep + rest
    return english


def short_help_zh(text: str) -> str:
    """A command's help as its group lists it: up to its first colon or full
    stop ("全部指标：代码、名称……" -> "全部指标")."""
    ends = [at for at in (text.find("："), text.find("。")) if at > 0]
    return text[: min(ends)] if ends else text


def click_english(text: str) -> str:
    """One of Click's own help texts back in English, where Click wrote it
    in Chinese (usage.py); any other text as it is."""
    return _CLICK_EN.get(text, text)


_CLICK_EN = {chinese: english for english, chinese in CLICK_ZH.items()}
