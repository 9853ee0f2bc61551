/**
 * The fixed part of the emitted Python tests (compiler/python/emit-tests.ts): seeded random draws and
 * the `unittest` cases over the tables the emitter writes above it (OUTCOMES, SIGNALS, REQUIRED,
 * BROKEN, TESTS, WITNESSES). Python 3.9+, standard library only; no contract text in here.
 */
export const PY_TEST_CODE = String.raw`_TEXT_CHARS = "abcxyz XYZ019_-.:,!?'\"\\/{}#%" + "\u00e9\u00df\u4e2d\u0416\u05d0\u200b\u2028\U0001f600"
_FLOATS = (NAN, INF, -INF, -0.0, 0.5, 5e-324, 1.7976931348623157e308, 1e21, 2.0 ** 53)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_TEXT_CHARS) for _ in range(rng.randrange(9)))


def _draw(rng: random.Random, draw: Tuple[Any, ...]) -> Any:
    """A valid value from one SIGNALS draw."""
    kind = draw[0]
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "choice":
        return rng.choice(draw[1])
    constants = draw[-1]
    if constants and rng.random() < 0.5:
        return rng.choice(constants)
    if kind == "string":
        return _text(rng)
    low, high = draw[1], draw[2]
    if kind == "integer":
        return rng.randint(low, high)
    r = rng.random()
    return min(high, max(low, low * (1 - r) + high * r))


def _anything(rng: random.Random, depth: int = 0) -> Any:
    """Any Python value: scalars of every type, odd numbers, nested lists, tuples and dicts."""
    kind = rng.randrange(12 if depth < 3 else 7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice((0, 1, -1, 2 ** 53 + 1, -(2 ** 70), 10 ** 400, rng.randint(-1000, 1000)))
    if kind == 3:
        return rng.choice(_FLOATS + (rng.uniform(-1e6, 1e6),))
    if kind == 4:
        return _text(rng)
    if kind == 5:
        return rng.choice((b"bytes", object(), 1j, Ellipsis, frozenset((1, 2)), int, ValueError("x")))
    if kind == 6:
        return rng.choice(tuple(name for name, _ in SIGNALS) + ("now", "customer", "collected")) if SIGNALS else "now"
    items = [_anything(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 7:
        return items
    if kind == 8:
        return tuple(items)
    if kind == 9:
        return {_text(rng): item for item in items}
    if kind == 10:
        return {rng.choice((1, None, ("k",), 2.5, "now")): item for item in items}
    return dict((_anything(rng, 3) if rng.random() < 0.5 else name, _anything(rng, depth + 1)) for name, _ in SIGNALS)


def _valid_input(rng: random.Random, fixed: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """A valid input agreeing with "fixed"; every other signal drawn, the optional ones sometimes left out."""
    fixed = fixed or {}
    values: Dict[str, Any] = {}
    for name, draw in SIGNALS:
        if name not in fixed and (name in REQUIRED or rng.random() < 0.5):
            values[name] = _draw(rng, draw)
    values.update(fixed)
    return values


def _shown(value: Any) -> str:
    try:
        return "input " + repr(value)[:2000]
    except Exception:  # pragma: no cover - a value whose repr fails
        return "input (unprintable)"


class _Case(unittest.TestCase):
    maxDiff = None

    def assertWellFormed(self, d: Dict[str, Any], given: Any) -> None:
        """A known action and rule, with the rule's declared action, owner and withinSeconds."""
        self.assertIn(d["action"], ACTIONS, _shown(given))
        self.assertIn(d["rule"], OUTCOMES, _shown(given))
        self.assertEqual((d["action"], d["owner"], d["withinSeconds"]), OUTCOMES[d["rule"]], _shown(given))

    def assertExpected(self, d: Dict[str, Any], expect: Tuple[Any, ...], given: Any) -> None:
        kind = expect[0]
        if kind == "rule":
            self.assertEqual(d["rule"], expect[1], _shown(given))
        elif kind == "not":
            self.assertNotEqual(d["action"], expect[1], _shown(given))
        elif kind == "at-least":
            self.assertGreaterEqual(ACTIONS.index(d["action"]), expect[1], _shown(given))
        else:
            self.assertEqual(d["action"], expect[1], _shown(given))
            if expect[2] is not None:
                self.assertEqual(d["owner"], expect[2], _shown(given))
            if expect[3] is not None:
                self.assertEqual(d["withinSeconds"], expect[3], _shown(given))


class DecideIsTotal(_Case):
    def test_any_input_and_context(self) -> None:
        rng = random.Random(SEED)
        for _ in range(RUNS):
            signals, context = _anything(rng), _anything(rng)
            self.assertWellFormed(decide(signals, context), signals)

    def test_signals_of_any_type(self) -> None:
        rng = random.Random(SEED + 1)
        for _ in range(RUNS):
            signals: Dict[str, Any] = {}
            for name, draw in SIGNALS:
                if rng.random() < 0.7:
                    signals[name] = _draw(rng, draw) if rng.random() < 0.5 else _anything(rng, 1)
            self.assertWellFormed(decide(signals), signals)

    def test_valid_inputs_never_give_invalid_input(self) -> None:
        rng = random.Random(SEED + 2)
        for _ in range(RUNS):
            signals = _valid_input(rng)
            d = decide(signals, _anything(rng))
            self.assertWellFormed(d, signals)
            if HAS_OTHERWISE:
                self.assertNotEqual(d["rule"], "invalid-input", _shown(signals))
            elif d["rule"] == "invalid-input":
                # No otherwise: a valid input that no rule matches has no signal to blame.
                self.assertEqual([p["signal"] for p in d["invalid"]], [None], _shown(signals))

    def test_invalid_inputs_always_give_invalid_input(self) -> None:
        for bad in (None, [], "signals", 0):
            self.assertEqual(decide(bad)["rule"], "invalid-input", _shown(bad))
        rng = random.Random(SEED + 3)
        for _ in range(RUNS if BROKEN else 0):
            signals = _valid_input(rng)
            name, value = rng.choice(BROKEN)
            if value is REMOVE:
                signals.pop(name, None)
            else:
                signals[name] = value
            d = decide(signals)
            self.assertWellFormed(d, signals)
            self.assertEqual(d["rule"], "invalid-input", _shown(signals))
            self.assertIn(name, [p["signal"] for p in d["invalid"]], _shown(signals))


class TestBlocks(_Case):
    def test_each_holds_on_random_completions_of_its_given(self) -> None:
        for name, given, expect in TESTS:
            with self.subTest(name):
                rng = random.Random(SEED + 4)
                for _ in range(RUNS):
                    signals = _valid_input(rng, given)
                    self.assertExpected(decide(signals), expect, signals)


class Witnesses(_Case):
    def test_each_witness_makes_its_rule_win(self) -> None:
        for rule, signals, context in WITNESSES:
            with self.subTest(rule):
                self.assertEqual(decide(dict(signals), context)["rule"], rule, _shown(signals))


if __name__ == "__main__":
    unittest.main()
`;
