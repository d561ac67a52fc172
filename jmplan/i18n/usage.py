"""Click's own messages (usage errors, help headings) in Chinese.

Click asks gettext for each of its messages; jmplan.cli answers with these
when the run's language is Chinese. Keys are Click's English messages,
exactly as Click writes them (placeholders included); a message missing here
is shown in English.
"""

from __future__ import annotations

CLICK_ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Aborted!": "已中止！",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "No such option: {name}": "没有 {name} 这个选项",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Possible options: {possibilities})": "（可用的选项：{possibilities}）",
    "(Did you mean one of: {possibilities}?)": "（是否想用其中之一：{possibilities}？）",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数值。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 之内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值。可用的值：{states}",
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{filename!r} 不可写。",
    "default": "默认",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
}
