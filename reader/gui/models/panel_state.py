"""What the entity panel remembers across runs: the classes highlighted, its splitter sizes.

A small JSON file in the user's config folder, written whole to a temporary file and then
renamed (:func:`reader.core.fsutil.atomic_write_json`); a missing or damaged file gives the
defaults, and a value of the wrong type is ignored rather than trusted.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from reader.core.fsutil import atomic_write_json, read_json

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PanelState:
    """The highlighted group ids and the splitter's sizes (empty: Qt's default)."""

    highlighted: frozenset[str] = frozenset()
    splitter: tuple[int, ...] = ()


def load_panel_state(path: Path | None) -> PanelState:
    if path is None:
        return PanelState()
    data = read_json(path, {})
    if not isinstance(data, dict):
        return PanelState()
    groups = data.get("highlighted", [])
    sizes = data.get("splitter", [])
    return PanelState(
        highlighted=frozenset(g for g in groups if isinstance(g, str))
        if isinstance(groups, list)
        else frozenset(),
        splitter=tuple(s for s in sizes if isinstance(s, int) and s >= 0)
        if isinstance(sizes, list)
        else (),
    )


def save_panel_state(path: Path | None, state: PanelState) -> None:
    """Write ``state`` to ``path``; a failure is logged, never raised (it is not worth a box)."""
    if path is None:
        return
    data = {"highlighted": sorted(state.highlighted), "splitter": list(state.splitter)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(path, data)
    except OSError as exc:
        log.info("cannot save the entity panel's state to %s: %s", path, exc)
