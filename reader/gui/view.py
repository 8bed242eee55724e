"""What every document view offers the rest of the GUI, whatever it shows.

A document is shown by one view: the plain-text view (:class:`reader.gui.viewer.
DocumentViewer`, fast for 20 MB), the rich view of flow documents, the page view of PDFs.
The session and the features (search, entities, annotations, export) talk to it only
through :class:`DocumentView`, in Python ``str`` offsets into ``Document.text``
(end-exclusive): how a view maps them to what it draws (Qt's UTF-16 positions, a
transliteration, character boxes on a page) is its own business.

Highlight layers are named ("annotations", "entities", "search", "search-current"; any name
works) and painted in :data:`LAYER_ORDER`, later over earlier.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPoint, Qt, SignalInstance
from PySide6.QtGui import QColor, QFont, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

#: One highlight: ``(start, end, colour)`` in original offsets.
HighlightItem = tuple[int, int, QColor]
#: The hover text of item ``i`` of a layer, or None.
Tooltip = Callable[[int], str | None]

#: Painting order of the known layers: later ones paint over earlier ones.
LAYER_ORDER = ("annotations", "entities", "search", "search-current")

#: Qt positions around the visible text that get their highlights (the text views hand Qt
#: only those, so tens of thousands of highlights cost nothing).
VISIBLE_MARGIN = 4000

#: Zoom steps every view accepts (the window keeps one zoom for all tabs).
ZOOM_MIN, ZOOM_MAX = -8, 20


def clamp_zoom(steps: int) -> int:
    return max(ZOOM_MIN, min(ZOOM_MAX, steps))


def painting_order(layers: Iterable[str]) -> list[str]:
    """Layer names in the order to paint them: unknown ones first, then LAYER_ORDER."""
    names = list(layers)
    return [n for n in names if n not in LAYER_ORDER] + [n for n in LAYER_ORDER if n in names]


def wheel_zoom(event: QWheelEvent) -> int | None:
    """Ctrl+wheel: the zoom step it asks for (+1, -1 or 0); None for ordinary scrolling."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    delta = event.angleDelta().y()
    return (1 if delta > 0 else -1) if delta else 0


def visible_positions(edit: QTextEdit | QPlainTextEdit) -> tuple[int, int]:
    """Qt positions of the first and last characters in a text view's viewport."""
    top = edit.cursorForPosition(QPoint(0, 0)).position()
    corner = QPoint(edit.viewport().width(), edit.viewport().height())
    return top, edit.cursorForPosition(corner).position()


@runtime_checkable
class DocumentView(Protocol):
    """The contract of a document view (a QWidget). Signals:

    - ``first_painted()``: once, after the document was first painted;
    - ``zoom_changed(int)``: the user zoomed this view (Ctrl+wheel);
    - ``selection_changed()``: the user's selection changed.
    """

    first_painted: SignalInstance
    zoom_changed: SignalInstance
    selection_changed: SignalInstance

    def widget(self) -> QWidget:
        """The widget to put in the tab (usually the view itself)."""
        ...

    # -- selection and position ------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` and scroll it into view."""
        ...

    def selected_range(self) -> tuple[int, int] | None:
        """The user's selection, or None."""
        ...

    def selected_text(self) -> str:
        """The selection as the user sees it (what Copy puts on the clipboard)."""
        ...

    def offset_at(self, pos: QPoint) -> int | None:
        """The offset of the character under ``pos`` (the view's viewport coordinates)."""
        ...

    def first_visible_offset(self) -> int:
        """The offset at the top of the view (kept in the session file)."""
        ...

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that ``offset`` is at the top (once shown)."""
        ...

    @property
    def has_painted(self) -> bool: ...

    @property
    def painted_at(self) -> float:
        """``time.monotonic()`` of the first paint (start-up measurements)."""
        ...

    # -- highlights --------------------------------------------------------------------------
    def set_highlights(
        self, layer: str, items: Sequence[HighlightItem], tooltip: Tooltip | None = None
    ) -> None:
        """Replace layer ``layer`` with ``items``."""
        ...

    def set_range_highlights(
        self, layer: str, ranges: Sequence[tuple[int, int]], colour: QColor
    ) -> None:
        """Replace layer ``layer`` with ``ranges``, all in ``colour`` (many search hits)."""
        ...

    def clear_highlights(self, layer: str) -> None: ...

    def highlight_count(self, layer: str) -> int: ...

    # -- appearance ------------------------------------------------------------------------
    @property
    def zoom(self) -> int: ...

    def set_zoom(self, steps: int) -> None:
        """Zoom ``steps`` from the default (a font size step, or 10% of a page)."""
        ...

    def set_base_font(self, font: QFont) -> None:
        """The user's document font (views that draw the document's own fonts ignore it)."""
        ...
