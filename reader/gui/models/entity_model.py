"""What the entity panel shows: classes grouped for people, their colours, sorting,
snippets, and :class:`EntityModel`, the entities of each open document (recognised in the
background once, with the user's corrections replayed).

Kept apart from the widget so the rules (which class goes where, what a snippet looks like)
and the per-document state read in one place and the panel stays about presentation.
"""

import contextlib
import gc
import logging
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor

from reader.core.ner.corrections import CorrectionLog, apply_corrections
from reader.core.ner.entities import Entity, Mention
from reader.core.store import Store
from reader.gui.tasks import Job, TaskRunner

if TYPE_CHECKING:
    from reader.gui.session import DocumentSession

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """A section of the panel: a name, the KazNERD classes in it and its colour."""

    id: str
    labels: tuple[str, ...]  # empty: every class no other group takes
    colour: str  # Okabe-Ito, safe for the common kinds of colour blindness

    @property
    def title(self) -> str:
        return QCoreApplication.translate("EntityGroup", str(_TITLES[self.id]))

    def highlight(self) -> QColor:
        """The colour as a translucent background that keeps the text readable."""
        colour = QColor(self.colour)
        colour.setAlpha(HIGHLIGHT_ALPHA)
        return colour


HIGHLIGHT_ALPHA = 110
_TITLES = {
    "people": QT_TRANSLATE_NOOP("EntityGroup", "People"),
    "organisations": QT_TRANSLATE_NOOP("EntityGroup", "Organisations"),
    "places": QT_TRANSLATE_NOOP("EntityGroup", "Places"),
    "dates": QT_TRANSLATE_NOOP("EntityGroup", "Dates"),
    "others": QT_TRANSLATE_NOOP("EntityGroup", "Others"),
}
GROUPS: tuple[EntityGroup, ...] = (
    EntityGroup("people", ("PERSON",), "#E69F00"),  # orange
    EntityGroup("organisations", ("ORGANISATION",), "#56B4E9"),  # sky blue
    EntityGroup("places", ("GPE", "LOCATION"), "#009E73"),  # bluish green
    EntityGroup("dates", ("DATE", "TIME"), "#F0E442"),  # yellow
    EntityGroup("others", (), "#CC79A7"),  # reddish purple
)
_BY_LABEL = {label: g for g in GROUPS for label in g.labels}

SORT_FREQUENCY = "frequency"
SORT_NAME = "name"
SNIPPET_CONTEXT = 40  # characters either side of a mention
_SPACES = re.compile(r"\s+")


def group_of(label: str) -> EntityGroup:
    return _BY_LABEL.get(label, GROUPS[-1])


def search_text(entity: Entity) -> str:
    """What the filter looks in: the name and each distinct mention, case-folded."""
    return "\n".join({entity.name, *(m.text for m in entity.mentions)}).casefold()


def grouped(
    entities: Iterable[Entity],
    filter_text: str = "",
    sort: str = SORT_FREQUENCY,
    haystacks: Mapping[str, str] | None = None,
) -> list[tuple[EntityGroup, list[Entity]]]:
    """Every group with its matching entries, sorted; groups without entries are left out.

    The filter matches any part of the name or of a mention, ignoring case; ``haystacks``
    (:func:`search_text` by entity key) saves recomputing that on every keystroke.
    """
    needle = filter_text.strip().casefold()
    found: dict[str, list[Entity]] = {g.id: [] for g in GROUPS}
    for entity in entities:
        if needle:
            hay = haystacks.get(entity.key) if haystacks is not None else None
            if needle not in (hay if hay is not None else search_text(entity)):
                continue
        found[group_of(entity.label).id].append(entity)
    if sort == SORT_NAME:
        key = lambda e: (e.name.casefold(), -e.count, e.key)  # noqa: E731
    else:
        key = lambda e: (-e.count, e.name.casefold(), e.key)  # noqa: E731
    return [(g, sorted(found[g.id], key=key)) for g in GROUPS if found[g.id]]


def snippet(text: str, mention: Mention, context: int = SNIPPET_CONTEXT) -> tuple[str, str, str]:
    """``(before, mention, after)`` within the mention's paragraph, cut at word boundaries.

    ``…`` marks where the paragraph goes on beyond the context shown.
    """
    para_lo = text.rfind("\n", 0, mention.start) + 1
    para_hi = text.find("\n", mention.end)
    para_hi = len(text) if para_hi < 0 else para_hi
    lo, hi = max(para_lo, mention.start - context), min(para_hi, mention.end + context)
    before, after = text[lo : mention.start], text[mention.end : hi]
    if lo > para_lo:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if cut >= 0 else before)
    if hi < para_hi:
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return _one_line(before), _one_line(text[mention.start : mention.end]), _one_line(after)


def _one_line(s: str) -> str:
    return _SPACES.sub(" ", s)


@contextlib.contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while building hundreds of thousands of objects.

    Each collection it triggers walks every tracked object (the whole entity list):
    measured 1.2 s instead of 0.08 s for 240,000 highlights. Use it only around code that
    makes no reference cycles; the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def highlight_items(
    entities: Sequence[Entity], shown: set[str]
) -> tuple[list[tuple[int, int, QColor]], list[Entity]]:
    """Highlights of the mentions whose group id is in ``shown``, and the entity of each."""
    items: list[tuple[int, int, QColor]] = []
    owners: list[Entity] = []
    colours = {g.id: g.highlight() for g in GROUPS if g.id in shown}
    with bulk_allocation():
        for entity in entities:
            colour = colours.get(group_of(entity.label).id)
            if colour is None:
                continue
            items.extend([(m.start, m.end, colour) for m in entity.mentions])
            owners.extend([entity] * len(entity.mentions))
    return items, owners


# -- per-document state -----------------------------------------------------------------------
Analyse = Callable[..., list[Entity]]  # reader.core.ner.analyse(text, progress=, cancel=)


def _default_analyse(text: str, **kwargs: Any) -> list[Entity]:
    from reader.core.ner import analyse

    return analyse(text, **kwargs)


class EntityModel(QObject):
    """The entities of each open document: recognised once in the background, corrected.

    Keeps the recogniser's raw output per session (weakly: a closed document's entities go
    with it) and the corrected list the panel shows. A job's result is dropped unless it is
    the latest job of a session that is still open.
    """

    ready = Signal(object)  # session: its corrected entities (re)computed
    failed = Signal(object, str)  # session, one-line message
    cancelled = Signal(object)  # session
    progress = Signal(object, int, int)  # session, done, total

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        analyse: Analyse | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._tasks = tasks
        self._analyse = analyse or _default_analyse
        self._raw: weakref.WeakKeyDictionary[QObject, list[Entity]] = weakref.WeakKeyDictionary()
        self._shown: weakref.WeakKeyDictionary[QObject, list[Entity]] = weakref.WeakKeyDictionary()
        self._latest: weakref.WeakKeyDictionary[QObject, int] = weakref.WeakKeyDictionary()
        self._corrected: weakref.WeakKeyDictionary[QObject, int] = weakref.WeakKeyDictionary()
        self._haystacks: weakref.WeakKeyDictionary[QObject, dict[str, str]] = (
            weakref.WeakKeyDictionary()
        )
        self._jobs: dict[int, weakref.ref[QObject]] = {}
        tasks.finished.connect(self._on_job_finished)
        tasks.failed.connect(self._on_job_failed)
        tasks.cancelled.connect(self._on_job_cancelled)
        tasks.progress.connect(self._on_job_progress)

    # -- queries ------------------------------------------------------------------------------
    def entities(self, session: "DocumentSession") -> list[Entity]:
        """The corrected entities of ``session``; [] until recognised."""
        return list(self._shown.get(session, []))

    def haystacks(self, session: "DocumentSession") -> dict[str, str]:
        """:func:`search_text` of each entity of ``session``, by key (computed once)."""
        if session not in self._haystacks:
            self._haystacks[session] = {e.key: search_text(e) for e in self.entities(session)}
        return self._haystacks[session]

    def is_known(self, session: "DocumentSession") -> bool:
        return session in self._shown

    def is_busy(self, session: "DocumentSession") -> bool:
        return session in self._latest

    def correction_count(self, session: "DocumentSession") -> int:
        return self._corrected.get(session, 0)

    # -- recognition --------------------------------------------------------------------------
    def ensure(self, session: "DocumentSession") -> None:
        """Recognise ``session`` in the background unless that is done or under way."""
        if session not in self._raw and session not in self._latest:
            self.recognise(session)

    def recognise(self, session: "DocumentSession") -> None:
        """Run the recogniser (again) on ``session``; its corrections are replayed after."""
        old = self._latest.get(session)
        if old is not None:
            self._tasks.cancel(old)
        text = session.document.text
        analyse = self._analyse

        def work(job: Job) -> list[Entity]:
            return analyse(text, progress=job.progress, cancel=job.cancel)

        job_id = self._tasks.submit(work)
        self._latest[session] = job_id
        self._jobs[job_id] = weakref.ref(session)
        log.info("recognising entities of %s (job %d)", session.path, job_id)

    def cancel(self, session: "DocumentSession") -> None:
        job_id = self._latest.get(session)
        if job_id is not None:
            self._tasks.cancel(job_id)

    def forget(self, session: "DocumentSession") -> None:
        """Drop everything kept for ``session`` (its tab closed); cancel its recognition."""
        self.cancel(session)
        for table in (self._latest, self._raw, self._shown, self._corrected, self._haystacks):
            table.pop(session, None)

    def _take(self, job_id: int) -> "DocumentSession | None":
        """The session of ``job_id`` if it is still that session's latest job."""
        ref = self._jobs.pop(job_id, None)
        session = ref() if ref is not None else None
        if session is None or self._latest.get(session) != job_id:
            return None  # an older job, or the document was closed: drop the result
        del self._latest[session]
        return session  # type: ignore[return-value]

    def _on_job_finished(self, job_id: int, result: Any) -> None:
        session = self._take(job_id)
        if session is not None:
            self._raw[session] = list(result)
            self.refresh(session)

    def _on_job_failed(self, job_id: int, message: str) -> None:
        session = self._take(job_id)
        if session is not None:
            self.failed.emit(session, message)

    def _on_job_cancelled(self, job_id: int) -> None:
        session = self._take(job_id)
        if session is not None:
            self.cancelled.emit(session)

    def _on_job_progress(self, job_id: int, done: int, total: int) -> None:
        ref = self._jobs.get(job_id)
        session = ref() if ref is not None else None
        if session is not None and self._latest.get(session) == job_id:
            self.progress.emit(session, done, total)

    # -- corrections --------------------------------------------------------------------------
    def refresh(self, session: "DocumentSession") -> None:
        """Replay the stored corrections over the raw output; emit ``ready``."""
        if session not in self._raw:
            return
        ops = CorrectionLog(self.store, session.document.sha256).ops()
        self._corrected[session] = len(ops)
        self._shown[session] = apply_corrections(session.document.text, self._raw[session], ops)
        self._haystacks.pop(session, None)
        session.entities_changed.emit()
        self.ready.emit(session)

    def correct(self, session: "DocumentSession", op: str, **payload: Any) -> None:
        """Record one correction of ``session`` (checked; see ``core.ner.corrections``)."""
        if session in self._raw:
            CorrectionLog(self.store, session.document.sha256).add(op, **payload)
            self.refresh(session)

    def undo(self, session: "DocumentSession") -> bool:
        """Forget the newest correction of ``session``; False if there was none."""
        if session not in self._raw:
            return False
        if CorrectionLog(self.store, session.document.sha256).undo_last() is None:
            return False
        self.refresh(session)
        return True
