"""The YAML parser's own phrases (libyaml's and PyYAML's) in Chinese.

The parser reports a syntax error in English phrases such as "did not find
expected key" and "while parsing a block mapping"; `yaml_phrase` gives one
that shows in the run's language. A phrase not known here stays English.
"""

from __future__ import annotations

import re

from . import Both

_PHRASES = {
    "not valid YAML": "不是有效的 YAML",
    "did not find expected key": "缺少应有的键",
    "did not find expected node content": "缺少应有的内容",
    "did not find expected '-' indicator": "缺少应有的列表项标记 '-'",
    "did not find expected <document start>": "缺少应有的文档开头",
    "did not find expected ',' or ']'": "缺少应有的 ',' 或 ']'",
    "did not find expected ',' or '}'": "缺少应有的 ',' 或 '}'",
    "could not find expected ':'": "缺少应有的 ':'",
    "found unexpected end of stream": "文件意外结束",
    "found a tab character that violates indentation": "缩进中出现了制表符",
    "found a tab character where an indentation space is expected": "应为缩进空格处出现了制表符",
    "found character that cannot start any token": "出现了不能作为开头的字符",
    "found unexpected ':'": "出现了意外的 ':'",
    "found unknown escape character": "出现了未知的转义字符",
    "found undefined tag handle": "出现了未定义的标签",
    "found unexpected document separator": "出现了意外的文档分隔符",
    "found duplicate key": "键重复",
    "mapping values are not allowed here": "此处不能出现键值对",
    "mapping values are not allowed in this context": "此处不能出现键值对",
    "mapping keys are not allowed here": "此处不能出现键",
    "sequence entries are not allowed here": "此处不能出现列表项",
    "block sequence entries are not allowed in this context": "此处不能出现列表项",
    "block mapping entries are not allowed in this context": "此处不能出现键值对",
    "invalid indentation or unclosed '[' or '{'": "缩进无效，或 '[' '{' 未闭合",
    "while parsing a block mapping": "解析键值块时",
    "while parsing a block collection": "解析块时",
    "while parsing a flow sequence": "解析方括号列表时",
    "while parsing a flow mapping": "解析花括号映射时",
    "while parsing a flow node": "解析行内内容时",
    "while parsing a block node": "解析块内容时",
    "while parsing a node": "解析内容时",
    "while parsing a tag": "解析标签时",
    "while scanning a quoted scalar": "读取带引号的文本时",
    "while scanning a double-quoted scalar": "读取带双引号的文本时",
    "while scanning a single-quoted scalar": "读取带单引号的文本时",
    "while scanning a plain scalar": "读取文本时",
    "while scanning a simple key": "读取键时",
    "while scanning a block scalar": "读取多行文本时",
    "while scanning for the next token": "读取下一项时",
    "while scanning an anchor": "读取锚点时",
    "while scanning an alias": "读取别名时",
    "while scanning a tag": "读取标签时",
    "while scanning a directive": "读取指令时",
    "while composing a mapping": "组成映射时",
}

# phrases with a value in them: (English pattern, Chinese with the same groups); patterns
# as text, compiled (by re, once) only when a parser's message is shown, not at every start
_PATTERNS = [
    (r"expected (.+), but found (.+)", "应为 {0}，却遇到 {1}"),
    (r"expected (.+), but got (.+)", "应为 {0}，却遇到 {1}"),
    (r"found character (.+) that cannot start any token", "字符 {0} 不能作为开头"),
    (r"found unknown escape character (.+)", "出现了未知的转义字符 {0}"),
    (r"found undefined alias (.+)", "出现了未定义的别名 {0}"),
]


def yaml_phrase(text: str) -> Both:
    """The parser's phrase `text`, shown in Chinese where it is known."""
    chinese = _PHRASES.get(text)
    if chinese is None:
        for pattern, template in _PATTERNS:
            match = re.fullmatch(pattern, text)
            if match:
                chinese = template.format(*match.groups())
                break
    return Both(text, chinese or text)
