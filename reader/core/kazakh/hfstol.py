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
from dataclasses import dataclass, field

_NO_SYMBOL = 0xFFFF
_NO_INDEX = 0xFFFFFFFF
_TARGET_TABLE = 2**31
_HEADER = struct.Struct("<HHIIII9I")
MAX_RESULTS = 64
MAX_STEPS = 20_000  # states one lookup may visit
MEMO_SIZE = 500_000  # kept lists of live transitions (per state and next letters)


# An output so far, as a linked list from its last symbol back: (symbol, rest) or None.
_Output = tuple[int, "_Output"] | None


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
    index_input: list[int]
    index_target: list[int]
    trans_input: list[int]
    trans_output: list[int]
    trans_target: list[int]
    flags: dict[int, _Flag] = field(default_factory=dict)
    n_features: int = 0
    n_input: int = 0
    epsilon_cycles: bool = False  # the pruning's per-state sets assume there are none
    first_sets: dict[int, frozenset[int]] = field(default_factory=dict)
    live_eps: dict[tuple[int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[int, "_Output"]]] = field(default_factory=dict)
    closures: dict[tuple[int, int], tuple[tuple[int, tuple[int, ...]], ...]] = field(
        default_factory=dict
    )
    steps: dict[tuple[int, int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    finals: dict[int, bool] = field(default_factory=dict)
    live_reads: dict[tuple[int, int, int], tuple[tuple[int, int], ...]] = field(
        default_factory=dict
    )

    def _tokens(self, word: str) -> list[int] | None:
        """``word`` as input symbol numbers (longest symbol first), None if it has a letter
        the transducer does not know."""
        if self.max_input_len == 1:  # every input symbol is one character
            get = self.input_symbols.get
            single = [get(ch) for ch in word]
            return None if None in single else single  # type: ignore[return-value]
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
        if self.flags or self.epsilon_cycles or self.max_input_len != 1:
            _Walk(self, tokens, results).state(0, 0)
        else:
            self._walk(word, tokens, results)
        if len(results) > MAX_RESULTS:
            return list(results)[:MAX_RESULTS]
        return list(results)

    def _first(self, i: int) -> frozenset[int]:
        """The input symbols state ``i`` can read next, after any epsilons (``_NO_SYMBOL``
        in it: a final state is reachable on epsilons). Kept per state: the walk skips a
        branch that cannot read the next letter, which is most of them."""
        found = self.first_sets.get(i)
        if found is not None:
            return found
        self.first_sets[i] = frozenset()  # an epsilon cycle reads nothing more through here
        i_in, i_target = self.index_input, self.index_target
        t_in, t_target = self.trans_input, self.trans_target
        n_trans = len(t_in)
        out: set[int] = set()
        if i >= _TARGET_TABLE:
            j = i - _TARGET_TABLE
            if j < n_trans and t_in[j] == _NO_SYMBOL and t_target[j] == 1:
                out.add(_NO_SYMBOL)
            k = j + 1
            while k < n_trans and t_in[k] == 0:
                out |= self._first(t_target[k])
                k += 1
            while k < n_trans and t_in[k] != _NO_SYMBOL:
                out.add(t_in[k])
                k += 1
        else:
            if i_in[i] == _NO_SYMBOL and i_target[i] != _NO_INDEX:
                out.add(_NO_SYMBOL)
            if i_in[i + 1] == 0:
                k = i_target[i + 1] - _TARGET_TABLE
                while k < n_trans and t_in[k] == 0:
                    out |= self._first(t_target[k])
                    k += 1
            row = i_in[i + 1 : i + 1 + self.n_input]
            out.update(s for s in range(1, len(row)) if row[s] == s)
        found = frozenset(out)
        self.first_sets[i] = found
        return found

    def _live_epsilons(self, eps: int, sym: int) -> tuple[tuple[int, int], ...]:
        """(target, output) of the epsilon transitions from ``eps`` on that can go on to read
        ``sym``; kept, as every word through this state with this next letter needs them."""
        t_in, t_out, t_target = self.trans_input, self.trans_output, self.trans_target
        start, out = eps, []
        while eps < len(t_in) and t_in[eps] == 0:
            if sym in self._first(t_target[eps]):
                out.append((t_target[eps], t_out[eps]))
            eps += 1
        self.live_eps[(start, sym)] = found = tuple(out)
        return found

    def _live_reads(self, first: int, sym: int, following: int) -> tuple[tuple[int, int], ...]:
        """(target, output) of the transitions from ``first`` on reading ``sym`` whose target
        can read ``following`` next."""
        t_in, t_out, t_target = self.trans_input, self.trans_output, self.trans_target
        start, out = first, []
        while first < len(t_in) and t_in[first] == sym:
            if following in self._first(t_target[first]):
                out.append((t_target[first], t_out[first]))
            first += 1
        self.live_reads[(start, sym, following)] = found = tuple(out)
        return found

    def _epsilon_start(self, i: int) -> int:
        """Where state ``i``'s epsilon transitions start in the transition table (past its
        end if it has none)."""
        if i >= _TARGET_TABLE:
            return i - _TARGET_TABLE + 1
        if self.index_input[i + 1] == 0:
            return self.index_target[i + 1] - _TARGET_TABLE
        return len(self.trans_input)

    def _closure(self, i: int, sym: int) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """State ``i`` and the states its epsilons reach that can read ``sym``, each with the
        outputs on the way, in the order the depth-first walk of ``hfst-optimized-lookup``
        meets them (epsilons first, then ``i`` itself); kept per (state, symbol)."""
        found = self.closures.get((i, sym))
        if found is not None:
            return found
        eps = self._epsilon_start(i)
        live = self.live_eps.get((eps, sym))
        if live is None:
            live = self._live_epsilons(eps, sym)
        out: list[tuple[int, tuple[int, ...]]] = []
        for target, o in live:
            out.extend((state, (o, *outs)) for state, outs in self._closure(target, sym))
        out.append((i, ()))
        self.closures[(i, sym)] = found = tuple(out)
        return found

    def _steps(self, i: int, sym: int, following: int) -> tuple[tuple[int, int], ...]:
        """(target, output) of state ``i``'s transitions on ``sym`` to states that can read
        ``following`` next; kept per (state, symbol, next symbol)."""
        first = self._reads(i, sym)
        live = self.live_reads.get((first, sym, following))
        if live is None:
            live = self._live_reads(first, sym, following)
        return live

    def _reads(self, i: int, sym: int) -> int:
        """Where state ``i``'s transitions on ``sym`` start (past the end if it has none)."""
        t_in, n_trans = self.trans_input, len(self.trans_input)
        if i >= _TARGET_TABLE:
            first = i - _TARGET_TABLE + 1
            while first < n_trans and t_in[first] == 0:
                first += 1
            return first
        slot = i + 1 + sym
        if slot < len(self.index_input) and self.index_input[slot] == sym:
            return self.index_target[slot] - _TARGET_TABLE
        return n_trans

    def _is_final(self, i: int) -> bool:
        if i >= _TARGET_TABLE:
            j = i - _TARGET_TABLE
            return (
                j < len(self.trans_input)
                and self.trans_input[j] == _NO_SYMBOL
                and self.trans_output[j] == _NO_SYMBOL
                and self.trans_target[j] == 1
            )
        return self.index_input[i] == _NO_SYMBOL and self.index_target[i] != _NO_INDEX

    def _walk(self, word: str, tokens: list[int], results: dict[str, None]) -> None:
        """The walk of a transducer without flag diacritics or epsilon cycles, one input
        symbol at a time, with pruning and kept prefixes.

        After each symbol the walk holds the states it can be in, each with its output so
        far, in the order of the depth-first walk; a branch whose state cannot read the next
        symbol is dropped. What the walk holds after a word's first letters (and knowing
        the letter after them) is kept, so Қазақстанның resumes where Қазақстанға left off.
        Outputs are those of ``hfst-optimized-lookup``, in its order.
        """
        prefixes = self.prefixes
        if len(prefixes) > MEMO_SIZE:
            prefixes.clear()  # a bound, not an eviction policy: refilling is cheap
            self.closures.clear()
            self.steps.clear()
        start = 0
        frontier: list[tuple[int, _Output]] = [(0, None)]
        for k in range(len(word) - 1, -1, -1):
            kept = prefixes.get(word[: k + 1])  # read word[:k], knowing word[k]
            if kept is not None:
                start, frontier = k, kept
                break
        closures, finals = self.closures, self.finals
        for pos in range(start, len(tokens)):
            sym = tokens[pos]
            if (pos > start or pos == 0) and pos < len(word):
                prefixes[word[: pos + 1]] = frontier
            closed: list[tuple[int, _Output]] = []
            for i, node in frontier:
                reached = closures.get((i, sym))
                if reached is None:
                    reached = self._closure(i, sym)
                for state, outs in reached:
                    extended = node
                    for o in outs:
                        extended = (o, extended)
                    closed.append((state, extended))
            if sym == _NO_SYMBOL:
                for i, node in closed:
                    final = finals.get(i)
                    if final is None:
                        finals[i] = final = self._is_final(i)
                    if final:
                        results[self._spell(node)] = None
                return
            following = tokens[pos + 1]
            frontier = []
            steps = self.steps
            for i, node in closed:
                key = (i, sym, following)
                live = steps.get(key)
                if live is None:
                    steps[key] = live = self._steps(i, sym, following)
                for target, o in live:
                    frontier.append((target, (o, node)))
            if not frontier:
                return

    def _spell(self, node: _Output) -> str:
        syms, out = self.symbols, []
        while node is not None:
            out.append(syms[node[0]])
            node = node[1]
        return "".join(reversed(out))


class _Walk:
    """One lookup's depth-first search (output so far, flag values, step budget).

    The tables are plain lists here and the walk's methods bind them to locals: a lookup
    visits about 150 states, and attribute look-ups were most of its time.
    """

    def __init__(self, fst: Transducer, tokens: list[int], results: dict[str, None]) -> None:
        self.fst = fst
        self.tokens = tokens
        self.results = results
        self.output: list[int] = []
        self.flag_values = [0] * fst.n_features
        self.steps = 0

    def _note(self) -> None:
        syms = self.fst.symbols
        self.results["".join([syms[s] for s in self.output])] = None

    def state(self, i: int, pos: int) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS or len(self.results) >= MAX_RESULTS:
            return
        fst = self.fst
        if i >= _TARGET_TABLE:
            i -= _TARGET_TABLE
            self._epsilons(pos, i + 1)
            sym = self.tokens[pos]
            if sym == _NO_SYMBOL:
                if (
                    i < len(fst.trans_input)
                    and fst.trans_input[i] == _NO_SYMBOL
                    and fst.trans_output[i] == _NO_SYMBOL
                    and fst.trans_target[i] == 1
                ):
                    self._note()
                return
            self._transitions(sym, pos + 1, i + 1)
            return
        index_input = fst.index_input
        if index_input[i + 1] == 0:
            self._epsilons(pos, fst.index_target[i + 1] - _TARGET_TABLE)
        sym = self.tokens[pos]
        if sym == _NO_SYMBOL:
            if index_input[i] == _NO_SYMBOL and fst.index_target[i] != _NO_INDEX:
                self._note()
            return
        slot = i + 1 + sym
        if slot < len(index_input) and index_input[slot] == sym:
            self._transitions(sym, pos + 1, fst.index_target[slot] - _TARGET_TABLE)

    def _epsilons(self, pos: int, i: int) -> None:
        fst = self.fst
        t_in, t_out, t_target = fst.trans_input, fst.trans_output, fst.trans_target
        flags = fst.flags
        output, state = self.output, self.state
        n = len(t_in)
        while i < n:
            sym = t_in[i]
            if sym == 0:
                output.append(t_out[i])
                state(t_target[i], pos)
                output.pop()
            elif flags and sym in flags:
                saved = self.flag_values[:]
                if self._apply(flags[sym]):
                    output.append(0)
                    state(t_target[i], pos)
                    output.pop()
                self.flag_values = saved
            else:
                return
            i += 1

    def _transitions(self, sym: int, pos: int, i: int) -> None:
        fst = self.fst
        t_in, t_out, t_target = fst.trans_input, fst.trans_output, fst.trans_target
        output, state = self.output, self.state
        n = len(t_in)
        while i < n and t_in[i] == sym:
            output.append(t_out[i])
            state(t_target[i], pos)
            output.pop()
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
    index_cols = [list(col) for col in zip(*index_rows, strict=True)] or [[], []]
    rows = struct.iter_unpack("<HHIf" if weighted else "<HHI", trans)
    trans_cols = [list(col) for col in zip(*rows, strict=True)] or [[], [], []]
    index_input, index_target = index_cols[0], index_cols[1]
    trans_input, trans_output, trans_target = trans_cols[0], trans_cols[1], trans_cols[2]
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
        n_input,
        bool(props[7]),  # has_input_epsilon_cycles
    )
