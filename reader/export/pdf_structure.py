"""Pictures and table rules for the PDF export of a structured document (QtGui only).

The layout paints text line by line (so each line is in the PDF once); what a line does
not draw, an inline picture and the rules of a table, is collected here once, in document
coordinates, and painted on the pages it falls on.
"""

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPen,
    QTextBlock,
    QTextDocument,
    QTextFrame,
    QTextImageFormat,
    QTextTable,
)


@dataclass(frozen=True, slots=True)
class Extra:
    """A picture (``image`` set) or a cell's rules (``image`` None), at ``rect``."""

    rect: QRectF
    image: QImage | None = None


def collect_extras(qdoc: QTextDocument) -> list[Extra]:
    return _images(qdoc) + _cells(qdoc)


def paint_extras(
    painter: QPainter, extras: list[Extra], page: int, page_height: float, width: float
) -> None:
    top, bottom = page * page_height, (page + 1) * page_height
    band = QRectF(0, top, width, page_height)
    shift = QPointF(0, -top)
    painter.save()
    painter.setPen(QPen(QColor(90, 90, 90), 0))
    for extra in extras:
        rect = extra.rect
        if rect.bottom() < top or rect.top() > bottom:
            continue
        if extra.image is not None:
            if band.contains(rect.center()):
                painter.drawImage(rect.translated(shift), extra.image)
        else:
            painter.drawRect(rect.intersected(band).translated(shift))
    painter.restore()


def _images(qdoc: QTextDocument) -> list[Extra]:
    doc_layout = qdoc.documentLayout()
    out: list[Extra] = []
    qblock = qdoc.begin()
    while qblock.isValid():
        it = qblock.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                out.extend(_image(qdoc, qblock, fragment.position(), fmt.toImageFormat(),
                                  doc_layout.blockBoundingRect(qblock)))  # fmt: skip
            it += 1
        qblock = qblock.next()
    return out


def _image(qdoc: QTextDocument, qblock: QTextBlock, position: int, fmt: QTextImageFormat,
           block_rect: QRectF) -> list[Extra]:  # fmt: skip
    layout = qblock.layout()
    in_block = position - qblock.position()
    line = layout.lineForTextPosition(in_block)
    if not line.isValid():
        return []
    resource = qdoc.resource(QTextDocument.ResourceType.ImageResource, QUrl(fmt.name()))
    if not isinstance(resource, QImage) or resource.isNull():
        return []
    width = fmt.width() or resource.width()
    height = fmt.height() or resource.height()
    origin = block_rect.topLeft() - layout.boundingRect().topLeft()
    found: object = line.cursorToX(in_block)
    x = origin.x() + float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]
    baseline = origin.y() + line.y() + line.ascent()
    return [Extra(QRectF(x, baseline - height, width, height), resource)]


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _cells(qdoc: QTextDocument) -> list[Extra]:
    doc_layout = qdoc.documentLayout()
    out: list[Extra] = []
    for table in _tables(qdoc.rootFrame()):
        boxes: dict[tuple[int, int], tuple[int, int, QRectF]] = {}
        for r in range(table.rows()):
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                key = (cell.row(), cell.column())
                if key in boxes or not cell.isValid():
                    continue
                rect = QRectF()
                block = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                while block.isValid():
                    rect = rect.united(doc_layout.blockBoundingRect(block))
                    if block == last:
                        break
                    block = block.next()
                boxes[key] = (cell.rowSpan(), cell.columnSpan(), rect)
        out.extend(_grid(boxes, table.format().cellPadding()))
    return out


def _grid(boxes: dict[tuple[int, int], tuple[int, int, QRectF]], pad: float) -> list[Extra]:
    tops: dict[int, float] = {}
    bottoms: dict[int, float] = {}
    lefts: dict[int, float] = {}
    rights: dict[int, float] = {}
    for (r, c), (rs, cs, rect) in boxes.items():
        tops[r] = min(tops.get(r, rect.top()), rect.top())
        lefts[c] = min(lefts.get(c, rect.left()), rect.left())
        if rs == 1:
            bottoms[r] = max(bottoms.get(r, rect.bottom()), rect.bottom())
        if cs == 1:
            rights[c] = max(rights.get(c, rect.right()), rect.right())
    out = []
    for (r, c), (rs, cs, rect) in boxes.items():
        top = tops.get(r, rect.top()) - pad
        left = lefts.get(c, rect.left()) - pad
        bottom = max(bottoms.get(r + rs - 1, rect.bottom()), rect.bottom()) + pad
        right = max(rights.get(c + cs - 1, rect.right()), rect.right()) + pad
        out.append(Extra(QRectF(left, top, right - left, bottom - top)))
    return out
