"""Rich Text Format: a small reader of our own for the text of an RTF file.

It understands groups, ``\\ansicpg`` and per-font code pages (``\\fcharset``), ``\\'hh``
byte escapes, ``\\uN`` Unicode escapes with their ``\\ucN`` fallback skip, paragraph and line
breaks, table cells, outline levels as headings, and skips destinations that are not body
text (font and colour tables, style sheet, document info except its title, pictures,
objects, headers and footers, field instructions, anything marked ``\\*``).
"""

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.document import BlockKind, Document
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import (
    LoadContext,
    corrupt,
    default_title,
    looks_like,
    read_bytes,
)
from reader.core.loaders.rich import RichBuilder
from reader.core.structure import SpanKind

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # 1, 2: control word and its parameter
    r"|\\'([0-9a-fA-F]{2})"  # 3: a byte in the current code page
    r"|\\([^a-zA-Z])"  # 4: control symbol
    r"|([{}])"  # 5: group
    r"|[\r\n]+"  # line ends in the file mean nothing
    r"|([^\\{}\r\n]+)"  # 6: text
    r"|\\",  # a lone backslash at the end
    re.S,
)
_SKIP = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl",
        "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "fldinst",
        "xe", "tc", "bkmkstart", "bkmkend", "themedata", "colorschememapping", "latentstyles",
        "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator",
        "filetbl", "revtbl", "pgdsctbl", "mmathPr", "nonshppict", "shppict", "shpinst", "atnid",
        "atnauthor", "annotation", "operator", "author", "company", "comment", "doccomm",
        "keywords", "subject", "category", "listtext", "pntext",
    }
)  # fmt: skip
_SYMBOLS = {
    "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": "\u2003",
    "enspace": "\u2002", "qmspace": "\u2005", "tab": "\t", "line": "\n",
}  # fmt: skip
_NOT_RTF = QT_TRANSLATE_NOOP("ReaderError", "is not an RTF file{detail}")
_NO_RTF_HEADER = QT_TRANSLATE_NOOP("ReaderError", " (it does not start with {\\rtf)")
_CONTROL_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}
_CHARSETS = {
    204: "cp1251", 238: "cp1250", 161: "cp1253", 162: "cp1254", 186: "cp1257", 177: "cp1255",
    178: "cp1256", 163: "cp1258", 222: "cp874", 128: "cp932", 134: "gbk", 136: "big5",
    129: "cp949", 77: "mac_roman",
}  # fmt: skip
# One \uN with a one-character fallback, and runs of those mixed with plain text; used while
# \uc1 (the default) is in effect, which covers nearly all Kazakh and Russian RTF files.
_UNICODE_ITEM = re.compile(r"\\u(-?\d{1,6}) ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\r\n])")
_UNICODE_RUN = re.compile(r"(?:\\u-?\d{1,6} ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\r\n])|[^\\{}\r\n])+")
_CHAR_WORDS: dict[str, SpanKind] = {
    "b": "bold", "i": "italic", "ul": "underline", "uld": "underline", "uldb": "underline",
    "ulw": "underline", "strike": "strike", "striked": "strike", "super": "superscript",
    "sub": "subscript", "up": "superscript", "dn": "subscript",
}  # fmt: skip
_HANDLED = _SKIP | set(_SYMBOLS) | {
    "title", "u", "uc", "ansicpg", "pc", "pca", "mac", "f", "fcharset", "cpg", "par", "sect",
    "page", "row", "cell", "pard", "outlinelevel", "s", "ls", "upr", "ud", "footnote", "intbl",
} | set(_CHAR_WORDS) | {"plain", "ulnone", "nosupersub"}  # fmt: skip
_HEADING_STYLE = re.compile(r"^heading\s*([1-6])$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class _State:
    """What a group inherits from its parent and may change for itself."""

    skip: bool = False
    dest: str = ""  # "", "title" or "fonttbl"
    uc: int = 1
    codepage: str = "cp1252"
    # inside \upr (ANSI text, then a \ud group with the same in Unicode): where \ud returns
    upr_skip: bool = False
    upr_dest: str = ""
    chars: frozenset[SpanKind] = frozenset()  # bold, italic, ... in effect
    note: bool = False  # inside a \footnote group


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an .rtf file."""
    if head.strip() and not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise corrupt(path, _NOT_RTF, detail=looks_like(head, _NO_RTF_HEADER))
    data = read_bytes(path)
    if not data or data.isspace():
        return Document.create("", title=default_title(path), format="rtf", path=str(path))
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise corrupt(path, _NOT_RTF, detail=looks_like(data, _NO_RTF_HEADER))
    reader = _RtfReader(ctx)
    reader.feed(data.decode("latin-1"))
    reader.close_table()
    reader.flush_notes()
    return reader.builder.document(
        title=reader.title() or default_title(path),
        format="rtf",
        encoding=reader.codepage,
        path=str(path),
    )


class _RtfReader:
    def __init__(self, ctx: LoadContext) -> None:
        self.builder = RichBuilder()
        self.codepage = "cp1252"
        self._ctx = ctx
        self._state = _State()
        self._stack: list[_State] = []
        self._para: list[tuple[str, frozenset[SpanKind]]] = []  # ("\x00", id): a note ref
        self._label: list[str] = []
        self._notes: list[list[list[tuple[str, frozenset[SpanKind]]]]] = []
        self._note_para: list[tuple[str, frozenset[SpanKind]]] = []
        self._note_depth = -1
        self._intbl = False  # the paragraph is in a table (\intbl)
        self._table: tuple[int, int] | None = None  # row and column of the next cell
        self._cell_open = False
        self._title: list[str] = []
        self._pending = bytearray()
        self._pending_page = "cp1252"
        self._skip_chars = 0  # fallback characters still to skip after \uN
        self._fonts: dict[int, str] = {}
        self._font = -1
        self._outline = -1
        self._style = 0  # paragraph style number (\sN) in effect
        self._in_list = False  # the paragraph belongs to a list (\lsN)
        self._styles = _StyleSheet()
        self._sheet_depth = -1  # group depth of the \stylesheet destination
        self._group_starts = False  # just after "{": a "\*" marks the group ignorable

    def feed(self, source: str) -> None:
        pos, end = 0, len(source)
        steps = 0
        while pos < end:
            if not self._skip_chars and self._state.uc == 1 and not self._pending:
                run = _UNICODE_RUN.match(source, pos)  # fast path: text and \uN? escapes
                if run is not None:
                    self._group_starts = False
                    self._emit(_decode_unicode_run(run.group()))
                    pos = run.end()
                    continue
            match = _TOKEN.match(source, pos)
            if match is None:  # cannot happen: the last alternative matches any backslash
                break
            pos = match.end()
            word, text = match.group(1), match.group(6)
            if word is not None:
                pos = self._control(word, match.group(2), source, pos)
            elif text is not None:
                self._text(text)
            elif match.group(3) is not None:
                self._byte(int(match.group(3), 16))
            elif match.group(4) is not None:
                self._symbol(match.group(4))
            elif match.group(5) is not None:
                self._group(match.group(5))
            steps += 1
            if steps % 65536 == 0:
                self._ctx.check()
                self._ctx.progress(pos, end)
        self._end_paragraph()

    def title(self) -> str:
        return " ".join("".join(self._title).split())

    # -- tokens ----------------------------------------------------------------------
    def _group(self, brace: str) -> None:
        self._flush_bytes()
        self._skip_chars = 0
        in_sheet = self._state.dest == "stylesheet" and len(self._stack) == self._sheet_depth
        if brace == "{":
            self._stack.append(self._state)
            self._group_starts = True
            if in_sheet:
                self._styles.start()
            return
        if self._state.dest == "stylesheet" and len(self._stack) == self._sheet_depth + 1:
            self._styles.finish()
        if self._stack:
            self._state = self._stack.pop()
        if self._note_depth >= 0 and len(self._stack) < self._note_depth:
            self._end_note_paragraph()
            self._note_depth = -1
        self._group_starts = False

    def _text(self, text: str) -> None:
        self._group_starts = False
        if self._skip_chars:
            skipped = min(self._skip_chars, len(text))
            self._skip_chars -= skipped
            text = text[skipped:]
        if text:
            self._flush_bytes()
            self._emit(text)

    def _byte(self, value: int) -> None:
        self._group_starts = False
        if self._skip_chars:
            self._skip_chars -= 1
            return
        if self._pending and self._pending_page != self._state.codepage:
            self._flush_bytes()
        self._pending.append(value)
        self._pending_page = self._state.codepage

    def _symbol(self, symbol: str) -> None:
        if symbol == "*":
            if self._group_starts:
                self._state = replace(self._state, skip=True)
            return
        self._group_starts = False
        if self._skip_chars:
            self._skip_chars -= 1
            return
        self._flush_bytes()
        if symbol in "\r\n" and not self._state.skip:
            self._end_paragraph()
        elif symbol in _CONTROL_SYMBOLS:
            self._emit(_CONTROL_SYMBOLS[symbol])

    def _control(self, word: str, param: str | None, source: str, pos: int) -> int:
        """Act on a control word; returns where reading continues (``\\bin`` skips data)."""
        self._group_starts = False
        number = int(param) if param is not None else None
        if word == "bin":
            return pos + max(number or 0, 0)
        if self._skip_chars and word != "u":
            self._skip_chars -= 1
            return pos
        if word not in _HANDLED:
            return pos
        self._flush_bytes()
        if word in _SKIP:
            self._state = replace(self._state, skip=True, dest=word)
            if word == "stylesheet":
                self._sheet_depth = len(self._stack)
        elif word == "upr":
            state = self._state
            self._state = replace(
                state, skip=True, dest="upr", upr_skip=state.skip, upr_dest=state.dest
            )
        elif word == "ud":
            state = self._state
            self._state = replace(state, skip=state.upr_skip, dest=state.upr_dest)
        elif word == "footnote" and not self._state.skip and not self._state.note:
            self._state = replace(self._state, note=True, chars=frozenset())
            self._notes.append([])
            self._note_depth = len(self._stack)
            self._para.append(("\x00", frozenset({str(len(self._notes))})))  # type: ignore[arg-type]
        elif word in ("listtext", "pntext"):
            self._state = replace(self._state, skip=True, dest="listtext")
        elif word == "title" and self._state.dest == "info":
            self._state = replace(self._state, skip=False, dest="title")
        elif word == "u" and number is not None:
            self._emit(_code_point(number))
            self._skip_chars = self._state.uc
        else:
            self._setting(word, number)
        return pos

    def _setting(self, word: str, number: int | None) -> None:
        state = self._state
        if state.dest == "stylesheet":
            self._styles.word(word, number)
            return
        if word == "uc" and number is not None:
            self._state = replace(state, uc=max(0, min(number, 10)))
        elif word == "ansicpg" and number is not None:
            self.codepage = _codepage(f"cp{number}", self.codepage)
            self._state = replace(state, codepage=self.codepage)
        elif word in ("pc", "pca", "mac"):
            self.codepage = {"pc": "cp437", "pca": "cp850", "mac": "mac_roman"}[word]
            self._state = replace(state, codepage=self.codepage)
        elif word == "f" and number is not None:
            self._font_word(number)
        elif word in ("fcharset", "cpg") and number is not None and state.dest == "fonttbl":
            page = _CHARSETS.get(number) if word == "fcharset" else f"cp{number}"
            if page is not None:
                self._fonts[self._font] = _codepage(page, "")
        elif state.skip:
            return
        elif word in _CHAR_WORDS or word in ("plain", "ulnone", "nosupersub"):
            self._char_word(word, number)
        elif word == "row" and self._table is not None:
            self._table = (self._table[0] + 1, 0)
        elif word in ("par", "sect", "page", "row"):
            self._end_paragraph()
        elif word == "cell":
            self._end_paragraph("table_cell")
        elif word == "intbl":
            self._intbl = True
        elif word == "pard":
            self._outline, self._style, self._in_list = -1, 0, False
            self._intbl = False
        elif word == "s" and number is not None:
            self._style = number
        elif word == "ls":
            self._in_list = True
        elif word == "outlinelevel" and number is not None:
            self._outline = number
        elif word in _SYMBOLS:
            self._emit(_SYMBOLS[word])

    def _char_word(self, word: str, number: int | None) -> None:
        chars = set(self._state.chars)
        if word == "plain":
            chars.clear()
        elif word == "ulnone":
            chars.discard("underline")
        elif word == "nosupersub":
            chars -= {"superscript", "subscript"}
        elif number == 0:
            chars.discard(_CHAR_WORDS[word])
        else:
            chars.add(_CHAR_WORDS[word])
        self._state = replace(self._state, chars=frozenset(chars))

    def _font_word(self, number: int) -> None:
        if self._state.dest == "fonttbl":
            self._font = number
        elif not self._state.skip:
            page = self._fonts.get(number) or self.codepage
            self._state = replace(self._state, codepage=page)

    # -- output ----------------------------------------------------------------------
    def _flush_bytes(self) -> None:
        if self._pending:
            data, self._pending = bytes(self._pending), bytearray()
            self._emit(data.decode(self._pending_page, "replace"))

    def _emit(self, text: str) -> None:
        if self._state.dest == "title":
            self._title.append(text)
        elif self._state.dest == "stylesheet":
            self._styles.text(text)
        elif self._state.dest == "listtext":
            self._label.append(text)
        elif self._state.skip:
            return
        elif self._state.note:
            self._note_para.append((text, self._state.chars))
        elif text.strip("\x00"):  # a NUL in the file is not text (and "\x00" marks notes)
            self._para.append((text.replace("\x00", ""), self._state.chars))

    def _end_paragraph(self, kind: BlockKind = "paragraph") -> None:
        self._flush_bytes()
        if self._state.note:
            self._end_note_paragraph()
            return
        runs, self._para = self._para, []
        label = _list_label("".join(self._label))
        self._label = []
        in_table = self._intbl or kind == "table_cell"
        if in_table:
            self._enter_cell()
        elif self._table is not None:
            self.close_table()
        if not any(text != "\x00" and _clean(text).strip() for text, _ in runs):
            if kind == "table_cell":
                self._leave_cell()
            return
        level = self._outline + 1 if 0 <= self._outline <= 5 else self._styles.level(self._style)
        if level and kind == "paragraph":
            kind = "heading"
        elif self._in_list and kind == "paragraph":
            kind, level = "list_item", 1
        else:
            level = 0
        for text, chars in runs:
            if text == "\x00":
                self.builder.note_ref(f"rtf{next(iter(chars))}")
            else:
                self.builder.run(_clean(text), chars)
        self.builder.end(kind, level, label if kind == "list_item" else "")
        if kind == "table_cell":
            self._leave_cell()

    def _enter_cell(self) -> None:
        if self._table is None:
            self.builder.begin_table()
            self._table = (0, 0)
        if not self._cell_open:
            self.builder.begin_cell(*self._table)
            self._cell_open = True

    def _leave_cell(self) -> None:
        if self._cell_open and self._table is not None:
            self.builder.end_cell()
            self._cell_open = False
            self._table = (self._table[0], self._table[1] + 1)

    def close_table(self) -> None:
        """End the table being read (a paragraph outside it, or the end of the file)."""
        if self._table is None:
            return
        if self._cell_open:
            self.builder.end_cell()
            self._cell_open = False
        self.builder.end_table()
        self._table = None

    def _end_note_paragraph(self) -> None:
        runs, self._note_para = self._note_para, []
        if self._notes and any(_clean(text).strip() for text, _ in runs):
            self._notes[-1].append(runs)

    def flush_notes(self) -> None:
        """Each note's paragraphs at the end of the document, in the order of reference."""
        for number, paragraphs in enumerate(self._notes, 1):
            note_id = f"rtf{number}"
            if not self.builder.has_ref(note_id):
                continue
            self.builder.begin_note(note_id)
            for k, runs in enumerate(paragraphs):
                for j, (text, chars) in enumerate(runs):
                    cleaned = _clean(text)
                    self.builder.run(cleaned.lstrip() if k == 0 and j == 0 else cleaned, chars)
                self.builder.end()
            self.builder.end_note()


def _list_label(text: str) -> str:
    r"""A \listtext's bullet or number as shown ("1.", "•"); symbol-font bullets are "•"."""
    label = _CONTROL_CHARS.sub("", text).strip()
    if not label:
        return ""
    if any(0xE000 <= ord(ch) <= 0xF8FF for ch in label) or label in ("\u00b7", "?"):
        return "•"
    return label


def _code_point(number: int) -> str:
    """The character of a \\uN parameter (negative values count from 65536)."""
    if not -32768 <= number < 65536:
        return ""
    return chr(number + 65536 if number < 0 else number)


class _StyleSheet:
    """Heading levels of paragraph styles, from \\stylesheet entries like
    ``{\\s1 ... \\outlinelevel0 heading 1;}`` (by outline level, else by name)."""

    def __init__(self) -> None:
        self._levels: dict[int, int] = {}
        self.start()

    def start(self) -> None:
        self._number, self._outline = 0, -1
        self._name: list[str] = []

    def word(self, word: str, number: int | None) -> None:
        if word == "s" and number is not None:
            self._number = number
        elif word == "outlinelevel" and number is not None:
            self._outline = number

    def text(self, text: str) -> None:
        self._name.append(text)

    def finish(self) -> None:
        name = "".join(self._name).strip().rstrip(";").strip().lower()
        match = _HEADING_STYLE.match(name)
        if 0 <= self._outline <= 5:
            self._levels[self._number] = self._outline + 1
        elif match is not None:
            self._levels[self._number] = int(match.group(1))
        elif name == "title":
            self._levels[self._number] = 1

    def level(self, style: int) -> int:
        return self._levels.get(style, 0)


def _decode_unicode_run(run: str) -> str:
    """Replace each \\uN-plus-fallback in ``run`` by its character (done in bulk: fast)."""
    parts = _UNICODE_ITEM.split(run)  # text, number, text, number, ..., text
    if len(parts) == 1:
        return run
    parts[1::2] = [
        chr(value & 0xFFFF) if -32768 <= (value := int(number)) < 65536 else ""
        for number in parts[1::2]
    ]
    return "".join(parts)


def _codepage(name: str, fallback: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback


def _clean(text: str) -> str:
    """Pair up UTF-16 surrogates written as two \\uN escapes; drop control characters."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROL_CHARS.sub("", text)
