"""How long the entity panel's GUI-thread work takes for a large document.

Recognition runs in the background; what blocks the GUI is replaying corrections, building
the entry model, re-filtering on each keystroke, sorting and building the highlight layer.
Prints seconds for each on synthetic output the size of a 20 MB news archive, and the ratio
against building the same number of plain QTreeWidgetItems (the floor any item tree costs).
The filter figures include the tree view laying out what it then shows; the first filter
also makes the text it looks in (every mention, once per change of the entities).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_entity_panel.py
"""

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

from reader.core.document import Document
from reader.core.ner.corrections import Correction, apply_corrections
from reader.core.ner.entities import LABELS, Entity, Mention
from reader.core.store import Store
from reader.gui.entity_panel import EntityPanel
from reader.gui.session import DocumentSession
from reader.gui.tasks import TaskRunner

ENTRIES = 20_000
MENTIONS = 300_000
WORD = "Сөз "


def synthetic() -> tuple[str, list[Entity]]:
    rng = random.Random(4)
    text = WORD * (20_000_000 // len(WORD))
    starts = sorted(rng.sample(range(0, len(text) // len(WORD)), MENTIONS))
    per_entry: list[list[Mention]] = [[] for _ in range(ENTRIES)]
    for i, word in enumerate(starts):
        start = word * len(WORD)
        per_entry[
            min(int(rng.paretovariate(1.2)) - 1 + i % 7, ENTRIES - 1) if i % 3 else i % ENTRIES
        ].append(Mention(start, start + 3, text[start : start + 3]))
    entities = [
        Entity(f"{LABELS[i % len(LABELS)]}:e{i}", f"Entity {i}", LABELS[i % len(LABELS)], tuple(ms))
        for i, ms in enumerate(per_entry)
        if ms
    ]
    return text, entities


def timed(label: str, fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    dt = time.perf_counter() - t0
    print(f"{label:<40} {dt:7.3f} s")
    return dt


def main() -> None:
    app = QApplication([])
    text, entities = synthetic()
    print(f"{len(entities)} entries, {sum(e.count for e in entities)} mentions, {len(text)} chars")
    ops = [
        Correction(i, "rename", {"key": e.key, "name": "x"}) for i, e in enumerate(entities[:200])
    ]
    timed("replay 200 corrections", lambda: apply_corrections(text, entities, ops))

    def baseline() -> None:
        tree = QTreeWidget()
        top = QTreeWidgetItem(["all"])
        for e in entities:
            QTreeWidgetItem(top, [e.name])
        tree.addTopLevelItem(top)

    base = timed("baseline: plain tree of as many items", baseline)
    tasks = TaskRunner()
    store = Store(":memory:")
    panel = EntityPanel(store, tasks, analyse=lambda t, **_: entities)
    session = DocumentSession(Document.create(text, title="big", format="text"), "/big", tasks)
    panel._session = session
    session.entities.raw = entities  # as if recognition had finished
    fill = timed("panel: corrections + tree + state", lambda: panel.model.refresh(session))
    panel.resize(400, 800)
    panel.show()
    app.processEvents()  # the first paint, before anything is timed

    def filtered(text: str) -> None:
        panel.filter_edit.setText(text)
        panel._apply_filter()
        QApplication.processEvents()  # the view's own work on what changed

    typed = timed("panel: filter applied ('ent')", lambda: filtered("ent"))
    more = timed("panel: next keystroke ('enti')", lambda: filtered("enti"))
    narrow = timed("panel: filter applied ('entity 1999')", lambda: filtered("entity 1999"))
    cleared = timed("panel: filter cleared", lambda: filtered(""))
    by_name = panel.sort_box.findData("name")
    name = timed("panel: sort by name", lambda: panel.sort_box.setCurrentIndex(by_name))
    box = panel.highlight_boxes["others"]
    hl = timed("panel: highlight 'others' on", lambda: box.setChecked(True))
    print(
        f"ratios against the baseline: fill {fill / base:.2f}, filter {typed / base:.2f} "
        f"then {more / base:.2f} a keystroke, narrow "
        f"{narrow / base:.2f}, cleared {cleared / base:.2f}, sort {name / base:.2f}, "
        f"highlight {hl / base:.2f}"
    )
    tasks.shutdown()
    del app


if __name__ == "__main__":
    main()
