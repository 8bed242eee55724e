"""Annotations in the store: saved at once, found again for the document, never dropped."""

from pathlib import Path

import pytest

from reader.core.annotations import (
    AddAnnotation,
    AnnotationRepository,
    DeleteAnnotation,
    EditAnnotation,
    edited,
    new_annotation,
)
from reader.core.document import Document
from reader.core.store import Store

TEXT = "Абай Құнанбаев — қазақ ақыны.\nОл Шыңғыстауда туған.\nСемейде музейі бар."


def _doc(text: str = TEXT, path: str = "/docs/abai.txt") -> Document:
    return Document.create(text, title="Абай", format="text", path=path)


@pytest.fixture
def repo(tmp_path: Path) -> AnnotationRepository:
    return AnnotationRepository(Store(tmp_path / "db.sqlite3"))


def _span(doc: Document, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


def test_saved_annotation_is_there_after_reopening_the_database(tmp_path: Path) -> None:
    doc = _doc()
    ann = new_annotation(doc.text, *_span(doc, "Шыңғыстауда"), color="green", note="тау")
    AnnotationRepository(Store(tmp_path / "db")).save(ann, doc.path)
    again = AnnotationRepository(Store(tmp_path / "db")).for_document(doc)
    assert again.attached == (ann,)
    assert again.orphaned == ()


def test_annotations_come_back_in_text_order_and_may_overlap(repo: AnnotationRepository) -> None:
    doc = _doc()
    late = new_annotation(doc.text, *_span(doc, "музейі"))
    wide = new_annotation(doc.text, *_span(doc, "Абай Құнанбаев"), color="blue")
    inner = new_annotation(doc.text, *_span(doc, "Құнанбаев"), color="pink")
    for ann in (late, inner, wide):
        repo.save(ann, doc.path)
    assert [a.exact for a in repo.for_document(doc).attached] == [
        "Абай Құнанбаев",
        "Құнанбаев",
        "музейі",
    ]


def test_changed_file_reattaches_and_stores_the_new_anchor(repo: AnnotationRepository) -> None:
    doc = _doc()
    ann = new_annotation(doc.text, *_span(doc, "Семейде музейі бар"), note="барып көру")
    repo.save(ann, doc.path)
    changed = _doc("Алғы сөз.\n" + TEXT)
    found = repo.for_document(changed).attached
    assert len(found) == 1
    moved = found[0]
    assert changed.text[moved.start : moved.end] == "Семейде музейі бар"
    assert (moved.id, moved.note, moved.doc_sha256) == (ann.id, "барып көру", changed.sha256)
    stored = repo.get(ann.id)
    assert stored is not None and (stored.start, stored.doc_sha256) == (moved.start, changed.sha256)


def test_annotation_whose_text_is_gone_is_orphaned_not_dropped(repo: AnnotationRepository) -> None:
    doc = _doc()
    ann = new_annotation(doc.text, *_span(doc, "Ол Шыңғыстауда туған."), note="маңызды")
    repo.save(ann, doc.path)
    changed = _doc(TEXT.replace("Ол Шыңғыстауда туған.", "Мүлде басқа жол бар."))
    result = repo.for_document(changed)
    assert result.attached == ()
    assert [(a.exact, a.note) for a in result.orphaned] == [("Ол Шыңғыстауда туған.", "маңызды")]
    assert repo.get(ann.id) == ann  # untouched in the database
    assert repo.for_document(doc).attached == (ann,)  # and back when the old text returns


def test_same_text_under_another_path_finds_its_annotations(repo: AnnotationRepository) -> None:
    doc = _doc()
    ann = new_annotation(doc.text, *_span(doc, "қазақ"))
    repo.save(ann, doc.path)
    assert repo.for_document(_doc(path="/elsewhere/copy.txt")).attached == (ann,)
    assert repo.for_document(_doc("other text", path="/x.txt")).attached == ()


def test_operations_apply_and_revert(repo: AnnotationRepository) -> None:
    doc = _doc()
    ann = new_annotation(doc.text, *_span(doc, "ақыны"))
    add = AddAnnotation(ann, doc.path)
    add.apply(repo)
    assert repo.get(ann.id) == ann
    edit = EditAnnotation(ann, edited(ann, color="orange", note="жаңа"))
    edit.apply(repo)
    assert (repo.get(ann.id).color, repo.get(ann.id).note) == ("orange", "жаңа")  # type: ignore[union-attr]
    edit.revert(repo)
    assert repo.get(ann.id) == ann
    delete = DeleteAnnotation(ann, doc.path)
    delete.apply(repo)
    assert repo.get(ann.id) is None
    delete.revert(repo)
    assert repo.for_document(doc).attached == (ann,)
    add.revert(repo)
    assert repo.count() == 0


def test_new_annotation_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        new_annotation(TEXT, 3, 3)
    with pytest.raises(ValueError):
        new_annotation(TEXT, 0, 4, color="purple")
