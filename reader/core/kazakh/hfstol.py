"""A reader of HFST's optimized-lookup transducer format (``.hfstol``), in pure Python.

The format (HFST's ``hfst-optimized-lookup``, documented at hfst.github.io) is two tables:
an index table of ``(input symbol: uint16, target: uint32)`` rows and a transition table of
``(input: uint16, output: uint16, target: uint32)`` rows (plus a float weight in the weighted
variant). A state is a position in one of them: in the index table the row ``state + 1 + s``
says where the transitions on input symbol ``s`` start (if its input is ``s``); targets of
``2**31`` and above point into the transition table. Epsilon and flag-diacritic transitions
sit at the epsilon slot; flag diacritics (``@P.CASE.GEN@``...) are checked as they are
crossed, as ``hfst-optimized-lookup`` does. The tables are read once into arrays; a lookup is
a depth-first walk, bounded so a pathological word cannot run away.
"""

import struct
from array import array
from dataclasses import dataclass, field

_NO_SYMBOL = 0xFFFF
_NO_INDEX = 0xFFFFFFFF
_TARGET_TABLE = 2**31
_HEADER = struct.Struct("<HHIIII9I")
MAX_RESULTS = 64
MAX_STEPS = 20_000


class FormatError(ValueError):
    """The bytes are not an optimized-lookup transducer this reader understands."""


@dataclass(frozen=True, slots=True)
class _Flag:
    op: str  # P N R D C U
    feature: int
    value: int  # 0: none given (R, D, C)


@dataclass(slots=True)
class Transducer:
    """An optimized-lookup transducer; :meth:`lookup` lists the outputs for one input."""

    symbols: list[str]
    input_symbols: dict[str, int]
    max_input_len: int
    index_input: array  # type: ignore[type-arg]
    index_target: array  # type: ignore[type-arg]
    trans_input: array  # type: ignore[type-arg]
    trans_output: array  # type: ignore[type-arg]
    trans_target: array  # type: ignore[type-arg]
    flags: dict[int, _Flag] = field(default_factory=dict)
    n_features: int = 0

    def _tokens(self, word: str) -> list[int] | None:
        """``word`` as input symbol numbers (longest symbol first), None if it has a letter
        the transducer does not know."""
        out: list[int] = []
        i = 0
        while i < len(word):
            for size in range(min(self.max_input_len, len(word) - i), 0, -1):
                sym = self.input_symbols.get(word[i : i + size])
                if sym is not None:
                    out.append(sym)
                    i += size
                    break
            else:
                return None
        return out

    def lookup(self, word: str) -> list[str]:
        """Every output string for ``word``, in the transducer's order, without duplicates."""
        tokens = self._tokens(word)
        if tokens is None:
            return []
        tokens.append(_NO_SYMBOL)
        results: dict[str, None] = {}
        _Walk(self, tokens, results).state(0, 0)
        return list(results)


class _Walk:
    """One lookup's depth-first search (output so far, flag values, step budget)."""

    def __init__(self, fst: Transducer, tokens: list[int], results: dict[str, None]) -> None:
        self.fst = fst
        self.tokens = tokens
        self.results = results
        self.output: list[int] = []
        self.flag_values = [0] * fst.n_features
        self.steps = 0

    def _done(self) -> bool:
        self.steps += 1
        return self.steps > MAX_STEPS or len(self.results) >= MAX_RESULTS

    def _note(self) -> None:
        syms = self.fst.symbols
        self.results["".join(syms[s] for s in self.output)] = None

    def state(self, i: int, pos: int) -> None:
        if self._done():
            return
        fst = self.fst
        if i >= _TARGET_TABLE:
            i -= _TARGET_TABLE
            self._epsilons(pos, i + 1)
            if self.tokens[pos] == _NO_SYMBOL:
                if (
                    i < len(fst.trans_input)
                    and fst.trans_input[i] == _NO_SYMBOL
                    and fst.trans_output[i] == _NO_SYMBOL
                    and fst.trans_target[i] == 1
                ):
                    self._note()
                return
            self._transitions(self.tokens[pos], pos + 1, i + 1)
            return
        if fst.index_input[i + 1] == 0:
            self._epsilons(pos, fst.index_target[i + 1] - _TARGET_TABLE)
        sym = self.tokens[pos]
        if sym == _NO_SYMBOL:
            if fst.index_input[i] == _NO_SYMBOL and fst.index_target[i] != _NO_INDEX:
                self._note()
            return
        slot = i + 1 + sym
        if slot < len(fst.index_input) and fst.index_input[slot] == sym:
            self._transitions(sym, pos + 1, fst.index_target[slot] - _TARGET_TABLE)

    def _epsilons(self, pos: int, i: int) -> None:
        fst = self.fst
        n = len(fst.trans_input)
        while i < n:
            sym = fst.trans_input[i]
            if sym == 0:
                self.output.append(fst.trans_output[i])
                self.state(fst.trans_target[i], pos)
                self.output.pop()
            elif sym in fst.flags:
                saved = self.flag_values[:]
                if self._apply(fst.flags[sym]):
                    self.output.append(0)
                    self.state(fst.trans_target[i], pos)
                    self.output.pop()
                self.flag_values = saved
            else:
                return
            i += 1

    def _transitions(self, sym: int, pos: int, i: int) -> None:
        fst = self.fst
        n = len(fst.trans_input)
        while i < n and fst.trans_input[i] != _NO_SYMBOL:
            if fst.trans_input[i] != sym:
                return
            self.output.append(fst.trans_output[i])
            self.state(fst.trans_target[i], pos)
            self.output.pop()
            i += 1

    def _apply(self, flag: _Flag) -> bool:
        values, f, v = self.flag_values, flag.feature, flag.value
        if flag.op == "P":
            values[f] = v
        elif flag.op == "N":
            values[f] = -v
        elif flag.op == "R":
            return values[f] != 0 if v == 0 else values[f] == v
        elif flag.op == "D":
            return values[f] == 0 if v == 0 else values[f] != v
        elif flag.op == "C":
            values[f] = 0
        elif flag.op == "U":
            if values[f] == 0 or values[f] == v or (values[f] < 0 and -values[f] != v):
                values[f] = v
            else:
                return False
        return True


def _parse_flags(symbols: list[str]) -> tuple[dict[int, _Flag], int]:
    features: dict[str, int] = {}
    values: dict[str, int] = {}
    flags: dict[int, _Flag] = {}
    for number, sym in enumerate(symbols):
        if len(sym) < 5 or not (sym[0] == "@" and sym[-1] == "@" and sym[2] == "."):
            continue
        parts = sym[1:-1].split(".")
        if parts[0] not in ("P", "N", "R", "D", "C", "U") or len(parts) not in (2, 3):
            continue
        feature = features.setdefault(parts[1], len(features))
        value = values.setdefault(parts[2], len(values) + 1) if len(parts) == 3 else 0
        flags[number] = _Flag(parts[0], feature, value)
    return flags, len(features)


def _skip_hfst_header(data: bytes) -> tuple[int, bool]:
    """Where the transducer starts after HFST's own header, and whether it is weighted."""
    if not data.startswith(b"HFST\0"):
        return 0, False
    (size,) = struct.unpack_from("<H", data, 5)
    props = data[8 : 8 + size].split(b"\0")
    info = dict(zip(props[::2], props[1::2], strict=False))
    kind = info.get(b"type", b"")
    if kind not in (b"HFST_OL", b"HFST_OLW"):
        raise FormatError(f"not an optimized-lookup transducer (type {kind.decode()!r})")
    return 8 + size, kind == b"HFST_OLW"


def load(data: bytes) -> Transducer:
    """The transducer in ``data`` (the bytes of an ``.hfstol`` file)."""
    pos, weighted = _skip_hfst_header(data)
    try:
        n_input, n_symbols, n_index, n_trans, _states, _ntrans, *props = _HEADER.unpack_from(
            data, pos
        )
    except struct.error as exc:
        raise FormatError("the transducer's header is cut short") from exc
    weighted = weighted or bool(props[0])
    pos += _HEADER.size
    symbols: list[str] = []
    for _ in range(n_symbols):
        end = data.index(b"\0", pos)
        symbols.append(data[pos:end].decode("utf-8"))
        pos = end + 1
    symbols[0] = ""  # epsilon
    flags, n_features = _parse_flags(symbols)
    for number in flags:
        symbols[number] = ""  # flags are not part of the output
    index_rows = struct.iter_unpack("<HI", data[pos : pos + 6 * n_index])
    pos += 6 * n_index
    size = 12 if weighted else 8
    trans = data[pos : pos + size * n_trans]
    if len(trans) != size * n_trans:
        raise FormatError("the transducer's transition table is cut short")
    index_input, index_target = array("H"), array("I")
    for sym, target in index_rows:
        index_input.append(sym)
        index_target.append(target)
    rows = struct.iter_unpack("<HHIf" if weighted else "<HHI", trans)
    trans_input, trans_output, trans_target = array("H"), array("H"), array("I")
    for row in rows:
        trans_input.append(row[0])
        trans_output.append(row[1])
        trans_target.append(row[2])
    inputs = {symbols[s]: s for s in range(1, n_input) if symbols[s] and s not in flags}
    return Transducer(
        symbols,
        inputs,
        max(map(len, inputs), default=1),
        index_input,
        index_target,
        trans_input,
        trans_output,
        trans_target,
        flags,
        n_features,
    )
