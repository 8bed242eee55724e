"""The ``oqyrman`` command: the GUI without a subcommand, scripting commands with one.

``oqyrman [--data-dir DIR] [FILE...]`` starts the reader; ``oqyrman text|search|lemma|
entities|annotations|export ...`` work on the core alone and never import Qt (export to
PDF uses QtGui only, imported when that command runs).

Exit codes: 0 success, 1 unreadable input or failed operation (or no display for the GUI),
2 usage error (a first word that is neither a command nor an existing file is one).
"""

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.errors import ReaderError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one line on usage errors (its default, kept explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _out(text: str) -> None:
    """Write UTF-8 to stdout whatever the locale says."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def _out_json(obj: Any) -> None:
    _out(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _load(path: str, encoding: str | None = None, password: str | None = None) -> Any:
    from reader.core.loaders import load

    doc = load(path, encoding=encoding, password=password)
    for warning in doc.warnings:  # a repaired file, an uncertain encoding
        print(f"oqyrman: warning: {warning}", file=sys.stderr)  # English: str(Message)
    return doc


# -- text -------------------------------------------------------------------------------
def _add_text(sub: Any) -> None:
    p = sub.add_parser(
        "text", help="print a document's text", description="Print a document's text (UTF-8)."
    )
    p.add_argument("file")
    p.add_argument(
        "--json", action="store_true", help="text, title, format, encoding and blocks as JSON"
    )
    p.add_argument("--latin", action="store_true", help="print Kazakh in the 2021 Latin script")
    p.add_argument(
        "--normalise",
        action="store_true",
        help="fold look-alike letters from other alphabets (Latin ə in жəне: және); "
        "the text keeps its length, so offsets stay valid",
    )
    p.add_argument("--password", help="the password of an encrypted PDF")
    p.add_argument("--no-ocr", action="store_true", help="do not recognise scanned PDF pages")
    p.set_defaults(handler=_cmd_text)


def _cmd_text(args: argparse.Namespace) -> int:
    from reader.core.pdf_ocr import recognise_for_cli

    doc = _load(args.file, args.encoding, args.password)
    if not args.no_ocr:
        doc = recognise_for_cli(doc, args.data_dir, args.password)
    text = doc.text
    if args.normalise:
        from reader.core.kazakh.lookalike import clean_text

        text = clean_text(text)
    if args.latin:
        from reader.core.kazakh import to_latin

        text = to_latin(text)
    if args.json:
        _out_json(
            {
                "text": text,
                "title": doc.title,
                "format": doc.format,
                "encoding": doc.encoding,
                "sha256": doc.sha256,
                "blocks": [
                    {"start": b.start, "end": b.end, "kind": b.kind, "level": b.level}
                    for b in doc.blocks
                ],
                "page_starts": list(doc.page_starts),
            }
        )
    else:
        _out(text if not text or text.endswith("\n") else text + "\n")
    return EXIT_OK


# -- search -----------------------------------------------------------------------------
def _add_search(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="find text in a document",
        description="Find QUERY in FILE. Offsets index the text that `oqyrman text` prints.",
    )
    p.add_argument("file")
    p.add_argument("query")
    p.add_argument(
        "--mode",
        choices=["words", "exact", "regex"],
        default="words",
        help="words: every inflected form of the query's words (default); exact: literal text; "
        "regex: a Python regular expression",
    )
    p.add_argument("--case", action="store_true", help="match case exactly")
    p.add_argument("--whole-word", action="store_true", help="match whole words only")
    p.add_argument("--json", action="store_true", help="matches as JSON")
    p.set_defaults(handler=_cmd_search)


def _cmd_search(args: argparse.Namespace) -> int:
    from reader.core.search import find, line_contexts

    doc = _load(args.file, args.encoding)
    matches = find(doc.text, args.query, mode=args.mode, case=args.case, whole_word=args.whole_word)
    rows = []
    contexts = line_contexts(doc.text, [(m.start, m.end) for m in matches])
    for m, (line, context) in zip(matches, contexts, strict=True):
        rows.append(
            {
                "start": m.start,
                "end": m.end,
                "text": doc.text[m.start : m.end],
                "line": line,
                "context": context,
            }
        )
    if args.json:
        _out_json({"matches": rows})
    else:
        for r in rows:
            _out(f"{r['line']}:{r['start']}-{r['end']}: {r['context']}\n")
        print(f"{len(rows)} match{'es' if len(rows) != 1 else ''}", file=sys.stderr)
    return EXIT_OK


# -- lemma ------------------------------------------------------------------------------
def _add_lemma(sub: Any) -> None:
    p = sub.add_parser("lemma", help="print the dictionary form of Kazakh words")
    p.add_argument("words", nargs="+", metavar="WORD")
    p.set_defaults(handler=_cmd_lemma)


def _cmd_lemma(args: argparse.Namespace) -> int:
    from reader.core.kazakh import lemma

    for word in args.words:
        _out(f"{word}\t{lemma(word)}\n")
    return EXIT_OK


# -- entities (issue 4 fills this in) ---------------------------------------------------
def _add_entities(sub: Any) -> None:
    p = sub.add_parser("entities", help="list the named entities in a document")
    p.add_argument("file")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="entities with their mentions as JSON")
    fmt.add_argument("--csv", action="store_true", help="entities as CSV")
    p.set_defaults(handler=_cmd_entities)


def _cmd_entities(args: argparse.Namespace) -> int:
    from reader.core.ner.cli import run_entities

    return run_entities(args, _load(args.file, args.encoding), _out)


# -- annotations (issue 5 fills this in) ------------------------------------------------
def _add_annotations(sub: Any) -> None:
    p = sub.add_parser("annotations", help="list, export or import a document's annotations")
    p.add_argument("file")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--export", metavar="ANNS_JSON", help="write W3C Web Annotation JSON")
    g.add_argument(
        "--import", dest="import_", metavar="ANNS_JSON", help="read W3C Web Annotation JSON"
    )
    p.add_argument("--json", action="store_true", help="list as JSON")
    p.set_defaults(handler=_cmd_annotations)


def _cmd_annotations(args: argparse.Namespace) -> int:
    from reader.export.annotations_cli import run_annotations

    return run_annotations(args, _load(args.file, args.encoding), _out)


# -- export (issue 5 fills this in) -----------------------------------------------------
def _add_export(sub: Any) -> None:
    p = sub.add_parser("export", help="write an annotated copy as PDF or DOCX")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.pdf or OUT.docx")
    p.add_argument(
        "--annotations", metavar="ANNS_JSON", help="Web Annotation JSON to use instead of the store"
    )
    p.add_argument("--entities", action="store_true", help="add an index of named entities")
    p.add_argument(
        "--index-dates", action="store_true", help="with --entities: index dates and times too"
    )
    p.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.export.cli import run_export

    return run_export(args, _load(args.file, args.encoding), _out)


COMMANDS: dict[str, Callable[[Any], None]] = {
    "text": _add_text,
    "search": _add_search,
    "lemma": _add_lemma,
    "entities": _add_entities,
    "annotations": _add_annotations,
    "export": _add_export,
}


def _global_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir", metavar="DIR", help="keep all state (database, preferences) under DIR"
    )
    p.add_argument("--version", action="version", version=f"oqyrman {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log more")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="oqyrman",
        description="Oqyrman: read, search and annotate Kazakh, Russian and English documents.",
    )
    _global_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in COMMANDS.values():
        add(sub)
    for name, command in sub.choices.items():
        if name != "lemma":  # every command that opens a FILE
            command.add_argument(
                "--encoding", help="read a text FILE in this encoding (e.g. cp1251, kz1048)"
            )
    return p


def build_gui_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="oqyrman",
        description="Start the reader (with no FILE: the tabs of the last session, or the seed "
        f"document on first run). Scripting commands: {', '.join(COMMANDS)} "
        "(oqyrman COMMAND --help).",
    )
    _global_options(p)
    p.add_argument("files", nargs="*", metavar="FILE", help="documents to open")
    p.add_argument(
        "--quit-after-load",
        metavar="FILE",
        help="open FILE, quit after its text is first painted (start-up measurements)",
    )
    return p


_OPTIONS_WITH_VALUE = {"--data-dir", "--quit-after-load"}  # the GUI's and the global ones


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value, or None."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-") or arg == "-":
            return arg
    return None


def _command_list() -> str:
    """One line per command with its help, as ``oqyrman --help`` lists them."""
    lines = ["commands:"]
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for choice in sub._choices_actions:
        lines.append(f"  {choice.dest:<12} {choice.help}")
    lines.append("  (none)       start the reader: oqyrman [FILE...]")
    return "\n".join(lines)


def _unknown_word(word: str) -> int:
    """A first word that is no command and no file: a usage error, never the GUI."""
    looks_like_path = "/" in word or bool(Path(word).suffix)
    reason = f"no such file: {word}" if looks_like_path else f"{word!r} is not a command"
    print(f"oqyrman: error: {reason}\n{_command_list()}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    word = _first_word(argv)
    if word not in COMMANDS:
        if word is not None and not Path(word).exists():
            return _unknown_word(word)
        return _run_gui(argv)
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler: Handler = args.handler
    try:
        return handler(args)
    except ReaderError as exc:
        print(f"oqyrman: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `oqyrman entities FILE | head`
        # Python flushes stdout once more at exit; point it at /dev/null so that is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


# Qt platforms that draw without a display server (tests, screenshots, kiosks).
_HEADLESS_PLATFORMS = {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb"}


def no_display_reason(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why Qt would find no display to open a window on, or None if it can.

    Without one, QApplication aborts the process (exit 134) with a message about a missing
    platform plugin library; we say so in one line first. Only X11/Wayland systems need a
    display server named in the environment.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    names = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";")]
    names = [n for n in names if n]
    has_x = bool(environ.get("DISPLAY"))
    has_wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if not names:
        return None if has_x or has_wayland else "DISPLAY and WAYLAND_DISPLAY are not set"
    for name in names:
        if name in _HEADLESS_PLATFORMS or (name == "xcb" and has_x):
            return None
        if name.startswith("wayland") and has_wayland:
            return None
    return f"QT_QPA_PLATFORM={environ['QT_QPA_PLATFORM']} needs a display, and none is set"


def _run_gui(argv: list[str]) -> int:
    args = build_gui_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    reason = no_display_reason(os.environ)
    if reason is not None:
        print(
            f"oqyrman: no display to open the reader's window on ({reason}); start it on a "
            "virtual one with `xvfb-run oqyrman ...`, or use the command line "
            f"(oqyrman COMMAND; commands: {', '.join(COMMANDS)})",
            file=sys.stderr,
        )
        return EXIT_INPUT
    from reader.core.paths import resolve

    paths = resolve(args.data_dir)
    files = [str(Path(f)) for f in args.files]
    if not args.quit_after_load and not os.environ.get("OQYRMAN_SCREENSHOT"):
        from reader.core.instance import hand_over

        if hand_over(paths.data, files):  # the running reader opens them
            return EXIT_OK
    from reader.gui.app import run

    return run(paths, files=files, quit_after_load=args.quit_after_load)
