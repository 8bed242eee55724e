"""User corrections of entities: each operation, replay over fresh output, restarts."""

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.ner import analyse
from reader.core.ner.corrections import (
    Correction,
    CorrectionLog,
    apply_corrections,
    load_and_apply,
)
from reader.core.ner.entities import Entity, Mention
from reader.core.paths import resolve
from reader.core.store import Store

TEXT = "Назарбаев Астанаға келді. Назарбаевқа Астана ұнады. Бисембаев пен Назарбаев сөйледі."
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_df59e22b846d8d1a.txt"


def _mention(word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Mention(start, start + len(word), word)


def _entities() -> list[Entity]:
    """What a recogniser might say about TEXT (one mistake: Астана as a PERSON)."""
    return [
        Entity(
            "PERSON:назарбаев",
            "Назарбаев",
            "PERSON",
            (_mention("Назарбаев"), _mention("Назарбаевқа"), _mention("Назарбаев", 2)),
        ),
        Entity("GPE:астана", "Астана", "GPE", (_mention("Астанаға"),)),
        Entity("PERSON:астана", "Астана", "PERSON", (_mention("Астана", 1),)),
        Entity("PERSON:бисембаев", "Бисембаев", "PERSON", (_mention("Бисембаев"),)),
    ]


def _replay(*ops: tuple[str, dict[str, object]]) -> dict[str, Entity]:
    log = [Correction(i, op, payload) for i, (op, payload) in enumerate(ops)]
    return {e.key: e for e in apply_corrections(TEXT, _entities(), log)}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.sqlite3")


def test_rename_changes_the_title_but_keeps_the_mentions() -> None:
    got = _replay(("rename", {"key": "PERSON:назарбаев", "name": "Нұрсұлтан Назарбаев"}))
    assert got["PERSON:назарбаев"].name == "Нұрсұлтан Назарбаев"
    assert got["PERSON:назарбаев"].count == 3


def test_merge_folds_the_other_entry_in_and_it_disappears() -> None:
    got = _replay(("merge", {"key": "GPE:астана", "other": "PERSON:астана"}))
    assert "PERSON:астана" not in got
    assert [m.text for m in got["GPE:астана"].mentions] == ["Астанаға", "Астана"]
    assert next(iter(got)) == "PERSON:назарбаев"  # still sorted by frequency


def test_split_makes_a_mention_an_entry_of_its_own() -> None:
    m = _mention("Назарбаевқа")
    got = _replay(("split", {"start": m.start, "end": m.end}))
    assert got["PERSON:назарбаев"].count == 2
    new = [e for e in got.values() if e.mentions == (m,)]
    assert len(new) == 1 and new[0].name == "Назарбаевқа" and new[0].label == "PERSON"


def test_relabel_changes_the_class() -> None:
    got = _replay(("relabel", {"key": "PERSON:астана", "label": "GPE"}))
    assert got["PERSON:астана"].label == "GPE"


def test_remove_an_entry_or_one_mention() -> None:
    got = _replay(("remove", {"key": "PERSON:астана"}))
    assert "PERSON:астана" not in got and len(got) == 3
    m = _mention("Бисембаев")
    got = _replay(("remove", {"start": m.start, "end": m.end}))
    assert "PERSON:бисембаев" not in got  # its only mention went


def test_add_a_range_joins_an_entry_with_the_same_text_or_starts_one() -> None:
    text_start = TEXT.index("сөйледі")
    got = _replay(("add", {"start": text_start, "end": text_start + 7, "label": "EVENT"}))
    new = got["user:EVENT:сөйледі"]
    assert new.name == "сөйледі" and new.mentions == (
        Mention(text_start, text_start + 7, "сөйледі"),
    )
    # A second Бисембаев the recogniser missed joins the existing entry.
    b = _mention("Бисембаев")
    n = _mention("Назарбаев", 2)
    got = _replay(
        ("remove", {"start": n.start, "end": n.end}),
        ("add", {"start": n.start, "end": n.end, "label": "PERSON"}),
    )
    assert n in got["PERSON:назарбаев"].mentions
    # Removed as a false entity, then added back under another class: a new entry.
    got = _replay(
        ("remove", {"start": b.start, "end": b.end}),
        ("add", {"start": b.start, "end": b.end, "label": "ORGANISATION"}),
    )
    assert got["user:ORGANISATION:бисембаев"].mentions == (b,)


def test_add_replaces_overlapping_mentions() -> None:
    a = _mention("Астана", 1)
    got = _replay(("add", {"start": a.start, "end": a.end, "label": "GPE"}))
    assert "PERSON:астана" not in got
    assert a in got["GPE:астана"].mentions  # same text as the GPE entry: joined it


def test_an_operation_whose_target_is_gone_is_skipped() -> None:
    got = _replay(
        ("remove", {"key": "PERSON:астана"}),
        ("rename", {"key": "PERSON:астана", "name": "X"}),
        ("merge", {"key": "GPE:астана", "other": "PERSON:астана"}),
        ("split", {"start": 0, "end": 3}),
        ("remove", {"start": 1000, "end": 1003}),
        ("add", {"start": 1000, "end": 1003, "label": "GPE"}),
    )
    assert set(got) == {"PERSON:назарбаев", "GPE:астана", "PERSON:бисембаев"}


def test_bad_operations_are_refused_when_logged(store: Store) -> None:
    log = CorrectionLog(store, "abc")
    with pytest.raises(ValueError, match="unknown correction"):
        log.add("delete", key="x")
    with pytest.raises(ValueError, match="needs name"):
        log.add("rename", key="x")
    with pytest.raises(ValueError, match="unknown entity class"):
        log.add("add", start=0, end=2, label="NOPE")
    with pytest.raises(ValueError, match="itself"):
        log.add("merge", key="x", other="x")
    assert log.ops() == []


def test_log_is_per_document_ordered_and_undoable(store: Store) -> None:
    log = CorrectionLog(store, "doc-a")
    log.add("rename", key="PERSON:назарбаев", name="Елбасы")
    log.add("remove", key="PERSON:астана")
    CorrectionLog(store, "doc-b").add("remove", key="GPE:астана")
    assert [c.op for c in log.ops()] == ["rename", "remove"]
    undone = log.undo_last()
    assert undone is not None and undone.op == "remove"
    got = {e.key: e for e in apply_corrections(TEXT, _entities(), log.ops())}
    assert "PERSON:астана" in got and got["PERSON:назарбаев"].name == "Елбасы"
    assert log.clear() == 1 and log.ops() == []


def test_corrections_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = Store(path)
    CorrectionLog(first, "doc").add("merge", key="GPE:астана", other="PERSON:астана")
    first.close()
    second = Store(path)
    ops = CorrectionLog(second, "doc").ops()
    second.close()
    got = {e.key: e for e in apply_corrections(TEXT, _entities(), ops)}
    assert "PERSON:астана" not in got and got["GPE:астана"].count == 2


def test_corrections_are_replayed_over_a_fresh_recognition_of_the_seed(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = Document.create(text, title="seed", format="text")
    first = analyse(text)
    person = next(e for e in first if e.label == "PERSON" and "Назарбаев" in e.name)
    place = next(e for e in first if e.label == "GPE")
    store = Store(resolve(tmp_path).ensure().database)
    log = CorrectionLog(store, doc.sha256)
    log.add("rename", key=person.key, name="Елбасы Назарбаев")
    log.add("remove", key=place.key)
    store.close()
    got = load_and_apply(str(tmp_path), doc, analyse(text))  # recognition runs again
    names = {e.key: e.name for e in got}
    assert names[person.key] == "Елбасы Назарбаев"
    assert place.key not in names
    assert len(got) == len(first) - 1


def test_load_and_apply_without_a_database_creates_none(tmp_path: Path) -> None:
    doc = Document.create(TEXT, title="t", format="text")
    got = load_and_apply(str(tmp_path / "nothing"), doc, _entities())
    assert next(e.key for e in got) == "PERSON:назарбаев" and len(got) == 4
    assert not (tmp_path / "nothing").exists()


_KEYS = [e.key for e in _entities()] + ["split:0-9", "user:GPE:астанаға"]
_SPANS = [(m.start, m.end) for e in _entities() for m in e.mentions] + [(10, 18), (5, 15)]
_op = st.one_of(
    st.builds(
        lambda k, n: ("rename", {"key": k, "name": n}),
        st.sampled_from(_KEYS),
        st.text("аб ", min_size=1).filter(str.strip),
    ),
    st.builds(
        lambda a, b: ("merge", {"key": a, "other": b}),
        st.sampled_from(_KEYS),
        st.sampled_from(_KEYS),
    ).filter(lambda o: o[1]["key"] != o[1]["other"]),
    st.builds(lambda s: ("split", {"start": s[0], "end": s[1]}), st.sampled_from(_SPANS)),
    st.builds(
        lambda k, lab: ("relabel", {"key": k, "label": lab}),
        st.sampled_from(_KEYS),
        st.sampled_from(["PERSON", "GPE", "DATE"]),
    ),
    st.builds(lambda k: ("remove", {"key": k}), st.sampled_from(_KEYS)),
    st.builds(lambda s: ("remove", {"start": s[0], "end": s[1]}), st.sampled_from(_SPANS)),
    st.builds(
        lambda s, lab: ("add", {"start": s[0], "end": s[1], "label": lab}),
        st.sampled_from(_SPANS),
        st.sampled_from(["PERSON", "GPE"]),
    ),
)


@given(st.lists(_op, max_size=12))
def test_any_sequence_of_corrections_leaves_a_consistent_list(
    ops: list[tuple[str, dict[str, object]]],
) -> None:
    got = apply_corrections(
        TEXT, _entities(), [Correction(i, o, p) for i, (o, p) in enumerate(ops)]
    )
    mentions = sorted(m for e in got for m in e.mentions)
    assert all(TEXT[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert len({e.key for e in got}) == len(got)
    assert all(e.count > 0 for e in got)
    # Nothing is lost except by a removal: without one, every mention is still listed.
    if not any(o == "remove" or o == "add" for o, _p in ops):
        assert mentions == sorted(m for e in _entities() for m in e.mentions)
