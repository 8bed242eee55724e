"""User annotations (highlights with optional notes), anchored so they survive edits.

Each annotation records the sha256 of the text it was made on, a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector (start, end) as in the W3C Web
Annotation Data Model. Offsets are Python str indices, end-exclusive.
"""

from dataclasses import dataclass

#: Highlight colours offered in the GUI (name -> hex); shortcuts 1..5 follow this order.
COLORS: dict[str, str] = {
    "yellow": "#ffe14d",
    "green": "#8fe08f",
    "blue": "#8cc8ff",
    "pink": "#ff9ccf",
    "orange": "#ffb35c",
}


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    note: str = ""
    doc_sha256: str = ""
    created: float = 0.0
    modified: float = 0.0

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative annotation range [{self.start}, {self.end})")
