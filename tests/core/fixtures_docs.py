"""Builders for loader test documents, each written with its format's own tooling.

DOCX with python-docx, ODT and EPUB as zips of XML, PDF with Qt's QPdfWriter in a
subprocess (so loader tests stay Qt-free), RTF, HTML, FB2 and Markdown as strings.
"""

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

KAZAKH = "Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді."
KAZAKH_LETTERS = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі"
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю."


FB2_SAMPLE = f"""<?xml version="1.0" encoding="utf-8"?>
<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0">
<description><title-info><book-title>Абай жолы</book-title></title-info></description>
<body><title><p>Абай жолы</p></title>
<section><title><p>Бірінші</p><p>бөлім</p></title><p>{KAZAKH}</p>
<section><title><p>Ішкі</p></title><p>{KAZAKH_LETTERS}</p>
<poem><stanza><v>Өлең жолы</v></stanza></poem></section></section>
</body><binary id="cover" content-type="image/png">AAAAAAAA</binary></FictionBook>"""


def write_docx(path: Path, *, title: str = "Құжат") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading("Басты тақырып", 1)
    document.add_paragraph(KAZAKH)
    table = document.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"ұя {r}{c}"
    document.add_heading("Екінші бөлім", 2)
    document.add_paragraph(KAZAKH_LETTERS)
    document.save(str(path))
    return path


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">
<office:body><office:text>
<text:h text:outline-level="1">Басты тақырып</text:h>
<text:p>{kazakh}<text:s text:c="2"/>соңы<text:tab/>таб</text:p>
<text:list><text:list-item><text:p>бірінші</text:p></text:list-item>
<text:list-item><text:p>екінші</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>ұя</text:p></table:table-cell>
<table:table-cell><text:p>{letters}</text:p></table:table-cell></table:table-row></table:table>
<text:h text:outline-level="3">Үшінші деңгей</text:h>
</office:text></office:body></office:document-content>
"""
ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Ашық құжат</dc:title>
</office:meta></office:document-meta>
"""


def write_odt(path: Path, content: str | None = None) -> Path:
    body = content or ODT_CONTENT.format(kazakh=KAZAKH, letters=KAZAKH_LETTERS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored, first
        zf.writestr("content.xml", body)
        zf.writestr("meta.xml", ODT_META)
    return path


CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""
OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Абай жолы</dc:title></metadata>
<manifest>
<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine><itemref idref="c2"/><itemref idref="c1"/></spine></package>"""
CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>
<body><h1>{title}</h1><p>{text}</p></body></html>"""


def write_epub(path: Path, chapter: str | None = None) -> Path:
    """A two-chapter EPUB whose spine order differs from its manifest order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", OPF)
        ch1 = chapter or CHAPTER.format(title="Екінші тарау", text=KAZAKH)
        zf.writestr("OEBPS/text/ch1.xhtml", ch1)
        # HTML entities like &nbsp; are not XML: the chapter must still be read (as HTML)
        zf.writestr(
            "OEBPS/text/ch 2.xhtml",
            CHAPTER.format(title="Бірінші тарау", text=KAZAKH_LETTERS + "&nbsp;!"),
        )
        zf.writestr("OEBPS/style.css", "p { color: black }")
    return path


_PDF_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument, QPageSize
    app = QGuiApplication([])
    writer = QPdfWriter(sys.argv[1])
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setTitle(sys.argv[2])
    doc = QTextDocument()
    pages = sys.argv[3:]
    html = "".join(
        f'<p style="page-break-before: always">{p}</p>' if i else f"<p>{p}</p>"
        for i, p in enumerate(pages)
    )
    doc.setHtml(html)
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    """
)


def write_pdf(path: Path, pages: list[str], title: str = "Қазақ PDF") -> Path:
    """A PDF with one paragraph per page, made by Qt in a child process."""
    subprocess.run(
        [sys.executable, "-c", _PDF_SCRIPT, str(path), title, *pages],
        check=True,
        timeout=120,
        capture_output=True,
    )
    return path


def rtf_unicode(text: str) -> str:
    """``text`` as RTF: \\uN escapes with a ``?`` fallback each (surrogate pairs beyond the
    BMP), and the RTF specials ``\\ { }`` escaped."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            units = ch.encode("utf-16-le", "surrogatepass")
            for i in range(0, len(units), 2):
                code = int.from_bytes(units[i : i + 2], "little")
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def rtf_cp1251(text: str) -> str:
    """``text`` as RTF \\'hh escapes in Windows-1251."""
    return "".join(f"\\'{b:02x}" if b > 127 else chr(b) for b in text.encode("cp1251"))


def zip_bomb(path: Path, member: str = "word/document.xml", size: int = 300 << 20) -> Path:
    """A zip whose one member inflates to ``size`` bytes of zeros (streamed, not in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open(member, "w") as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return path


def lie_about_sizes(path: Path, member: str, claimed: int) -> None:
    """Rewrite ``member``'s uncompressed size in both headers to ``claimed`` bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    name = member.encode()
    # local header: signature, ..., uncompressed size at offset 22
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    data[local + 22 : local + 26] = claimed.to_bytes(4, "little")
    # central directory entry: find by name, uncompressed size at offset 24
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    data[central + 24 : central + 28] = claimed.to_bytes(4, "little")
    path.write_bytes(bytes(data))
