# Hostile inputs only Python can pass (standard library only): for each generated module named in the
# spec file (argv[1], JSON: [{"label", "file", "base", "kinds", "required"}]: a valid input, each signal's kind, the
# signals without a default),
# calls decide and validate with None, lists, tuples, sets, bytes, wrong types, bools for numbers,
# NaN, +-inf, huge ints, Decimal, subclasses of int/float/str/dict/list whose every method raises,
# Mappings and objects whose __getitem__/__iter__/keys/__len__/__eq__/__hash__/__getattr__/__class__
# raise, cyclic dicts and lists, non-str keys, very deep nesting, lone surrogates, as the whole input,
# as each signal and as the context and each of its parts. Checks that decide and validate never raise,
# never mutate their arguments, return plain JSON (json.dumps(allow_nan=False)); that an invalid input
# gets the invalid-input decision (never an answer); and that a value of a subclass, a dict subclass,
# extra or non-str keys, and a malformed context part decide exactly as the plain value, the plain
# dict, no extra key and no such part. Prints {"checked": n, "failures": [...]}.
import collections.abc
import decimal
import fractions
import importlib.util
import json
import math
import sys


class Boom(Exception):
    pass


def boom(*args, **kwargs):
    raise Boom("boom")


RAISING = ("__getitem__", "__iter__", "__len__", "keys", "items", "values", "get", "__eq__", "__ne__", "__hash__",
           "__contains__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__repr__", "__str__", "__float__",
           "__int__", "__index__", "__format__", "__reversed__", "copy", "encode", "isascii", "isdigit", "startswith",
           "__add__", "__radd__", "__mul__", "__getattr__")


def raising(base, name, keep=()):
    """A subclass of `base` whose every method named in RAISING (but `keep`) raises."""
    methods = {m: boom for m in RAISING if m not in keep}
    if "__hash__" in keep:
        methods["__hash__"] = base.__hash__  # defining __eq__ alone would make it unhashable
    return type(name, (base,), methods)


EvilInt = raising(int, "EvilInt")
EvilFloat = raising(float, "EvilFloat")
EvilStr = raising(str, "EvilStr")
EvilDict = raising(dict, "EvilDict")
EvilList = raising(list, "EvilList")
EvilTuple = raising(tuple, "EvilTuple")
# A key that can be stored (its hash is str's) but raises when compared.
EvilKey = raising(str, "EvilKey", keep=("__hash__",))


class RaisingMapping(collections.abc.Mapping):
    __getitem__ = boom
    __iter__ = boom
    __len__ = boom
    keys = boom
    items = boom
    get = boom
    __eq__ = boom
    __hash__ = boom
    __contains__ = boom


class GetattrRaises:
    __getattr__ = boom


class GetattributeRaises:
    __getattribute__ = boom


class ClassRaises:
    @property
    def __class__(self):
        raise Boom("boom")


def cyclic_list():
    x = [1]
    x.append(x)
    return x


def cyclic_dict():
    x = {"a": 1}
    x["self"] = x
    return x


def deep_list(depth):
    x = []
    for _ in range(depth):
        x = [x]
    return x


def deep_dict(depth):
    x = {}
    for _ in range(depth):
        x = {"k": x}
    return x


def universal_invalid():
    """Values that are no signal's valid value, whatever its kind."""
    return [
        None, [], [1], (), (1,), set(), frozenset([1]), b"x", bytearray(b"x"), object(), {}, {"a": 1},
        GetattrRaises(), GetattributeRaises(), ClassRaises(), RaisingMapping(), EvilDict(), EvilList([1]),
        EvilTuple((1,)), float("nan"), float("inf"), float("-inf"), 10**400, -(10**400), 1j, decimal.Decimal("1"),
        fractions.Fraction(1, 2), cyclic_list(), cyclic_dict(), deep_list(5000), deep_dict(5000), len, type,
        Ellipsis, NotImplemented, EvilFloat("nan"), EvilInt(10**400), range(3), iter([1]),
    ]


# ---- snapshots: a deep picture of a value that runs none of its methods (type() never raises) ----


def snapshot(value, memo=None, depth=0):
    if memo is None:
        memo = {}
    kind = type(value)
    if kind in (bool, type(None)):
        return value
    if issubclass(kind, str):
        return ("str", kind.__name__, str.__str__(value))
    if issubclass(kind, int):
        return ("int", kind.__name__, int.__repr__(value))
    if issubclass(kind, float):
        return ("float", kind.__name__, float.__repr__(value))
    if issubclass(kind, (bytes, bytearray)):
        return ("bytes", kind.__name__, bytes(value))
    if id(value) in memo:
        return ("seen", memo[id(value)])
    memo[id(value)] = len(memo)
    if depth > 200:
        return ("deep", id(value))
    if issubclass(kind, dict):
        return ("dict", kind.__name__, [(snapshot(k, memo, depth + 1), snapshot(v, memo, depth + 1)) for k, v in dict.items(value)])
    if issubclass(kind, list):
        return ("list", kind.__name__, [snapshot(v, memo, depth + 1) for v in list.__iter__(value)])
    if issubclass(kind, tuple):
        return ("tuple", kind.__name__, [snapshot(v, memo, depth + 1) for v in tuple.__iter__(value)])
    if issubclass(kind, (set, frozenset)):
        return ("set", sorted(id(v) for v in (set.__iter__(value) if issubclass(kind, set) else frozenset.__iter__(value))))
    return ("object", id(value))


def is_plain_json(value, depth):
    """Whether the context reads `value` as it is: exact JSON types, finite numbers, str keys, at most 16 deep."""
    kind = type(value)
    if kind in (str, bool, type(None)):
        return True
    if kind in (int, float):
        return math.isfinite(float(value)) if kind is float else abs(value) < 2**1000
    if depth >= 16:
        return False
    if kind in (list, tuple):
        return all(is_plain_json(v, depth + 1) for v in value)
    if kind is dict:
        return all(type(k) is str and is_plain_json(v, depth + 1) for k, v in value.items())
    return False


class Checker:
    def __init__(self, module, label):
        self.module = module
        self.label = label
        self.checked = 0
        self.failures = []

    def fail(self, what, case):
        if len(self.failures) < 30:
            self.failures.append(self.label + ": " + what + " (" + case + ")")

    def run(self, case, signals, context, expect):
        """expect: "invalid" (an invalid-input decision), "valid" (validate ok), a decision to equal, or None."""
        self.checked += 1
        before = snapshot((signals, context))
        try:
            decision = self.module.decide(signals, context)
        except BaseException as error:
            self.fail("decide raised " + type(error).__name__, case)
            return None
        try:
            validation = self.module.validate(signals)
        except BaseException as error:
            self.fail("validate raised " + type(error).__name__, case)
            return None
        if snapshot((signals, context)) != before:
            self.fail("mutated its arguments", case)
        try:
            text = json.dumps([decision, validation], allow_nan=False, sort_keys=True)
        except BaseException as error:
            self.fail("returned what JSON cannot hold: " + type(error).__name__, case)
            return None
        if not isinstance(decision, dict) or not isinstance(validation, dict):
            self.fail("returned a non-dict", case)
            return None
        if expect == "invalid":
            if decision.get("rule") != "invalid-input" or decision.get("action") == "answer" or validation.get("ok") is not False:
                self.fail("did not refuse an invalid input: " + text[:300], case)
        elif expect == "valid":
            if validation.get("ok") is not True:
                self.fail("refused a valid input: " + text[:300], case)
        elif expect is not None:
            wanted = json.dumps(expect, allow_nan=False, sort_keys=True)
            if wanted != json.dumps(decision, allow_nan=False, sort_keys=True):
                self.fail("decided otherwise than for the plain value: " + text[:300] + " != " + wanted[:300], case)
        return decision


def check_module(entry):
    spec = importlib.util.spec_from_file_location("generated", entry["file"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._clock_ms = lambda: 1772357400000
    base = entry["base"]
    kinds = entry["kinds"]
    c = Checker(module, entry["label"])
    plain = c.run("the base input", dict(base), None, "valid")
    empty_context = c.run("the base input, empty context", dict(base), {}, "valid")
    if plain is None or empty_context is None:
        return c

    # The whole input.
    for n, value in enumerate(universal_invalid() + ["signals", 0, True, 1.5, [base], (base,), EvilStr("x"), EvilInt(1)]):
        # A dict without the required signals is invalid; with none required, any dict is valid.
        is_dict = issubclass(type(value), dict)
        c.run("whole input #%d %s" % (n, type(value).__name__), value, None, ("valid" if not entry["required"] else "invalid") if is_dict else "invalid")
    c.run("dict subclass", EvilDict(base), None, plain)
    with_extra = dict(base)
    with_extra.update({1: "x", (1, 2): 3, None: 4, b"k": 5, EvilKey("zz"): 6, "": 7, "__class__": 8})
    c.run("non-str and extra keys", with_extra, None, plain)
    cyclic = dict(base)
    cyclic["self"] = cyclic
    c.run("input containing itself", cyclic, None, plain)
    if base:
        first = next(iter(base))
        colliding = {EvilKey(first) if k == first else k: v for k, v in base.items()}
        c.run("key comparing raises", colliding, None, None)

    # Each signal.
    for name, kind in kinds.items():
        wrong = universal_invalid()
        if kind == "bool":
            wrong += [0, 1, 1.0, 0.0, "true", EvilInt(1)]
        else:
            wrong += [True, False]
        if kind in ("number", "int", "duration"):
            wrong += ["1", "\ud800", EvilStr("1")]
        else:
            wrong += [0, 1.5, -0.0]
        if kind == "int":
            wrong += [0.5, EvilFloat(0.5)]
        for n, value in enumerate(wrong):
            signals = dict(base)
            signals[name] = value
            c.run("%s = #%d %s" % (name, n, type(value).__name__), signals, None, "invalid")
        value = base.get(name)
        subclass = None
        if isinstance(value, str):
            subclass = EvilStr(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            subclass = EvilInt(value)
        elif isinstance(value, float):
            subclass = EvilFloat(value)
        if subclass is not None:
            signals = dict(base)
            signals[name] = subclass
            c.run("%s as a %s" % (name, type(subclass).__name__), signals, None, plain)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and kind != "int":
            signals = dict(base)
            signals[name] = float(value)
            c.run("%s as a float" % name, signals, None, "valid")

    # The context, whole and part by part: a malformed part decides as if it were absent.
    for n, value in enumerate(universal_invalid() + ["context", 0, True, EvilStr("x")]):
        if issubclass(type(value), dict) and type(value) is not dict:
            continue
        expected = empty_context if type(value) is dict else plain
        c.run("context #%d %s" % (n, type(value).__name__), dict(base), value, expected)
    c.run("context dict subclass", dict(base), EvilDict({"issueType": "x"}), c.run("plain context", dict(base), {"issueType": "x"}, "valid"))
    for part in ("now", "customer", "issueType", "collected", "evidence", "priorActions"):
        bad = universal_invalid() + [True, EvilKey("k")]
        if part != "now":
            bad += [{1: "a"}, {"a": {(1, 2): 3}}, [1, [float("nan")]], {"a": 10**400}, {"a": EvilFloat("inf")}]
        for n, value in enumerate(bad):
            if type(value) in (EvilDict, EvilList, EvilTuple, EvilKey):
                continue  # read as the plain dict, list or str it holds: "context of subclasses" below
            if part != "now" and is_plain_json(value, 0) and (
                part == "customer" or (part == "collected" and type(value) is dict) or (part in ("evidence", "priorActions") and type(value) in (list, tuple))
            ):
                continue  # a well-formed part
            c.run("context[%r] = #%d %s" % (part, n, type(value).__name__), dict(base), {part: value}, empty_context)
    # Plain values of subclasses in the context read as the plain values.
    sub = {"now": EvilStr("2026-03-01T12:00Z"), "issueType": EvilStr("billing"), "customer": EvilDict({"id": EvilStr("c"), "n": EvilInt(3), "x": EvilFloat(0.5), "l": EvilList([1, EvilTuple((2,))])}),
           "collected": EvilDict({EvilKey("f"): EvilInt(1)}), "evidence": EvilList(["e"]), "priorActions": EvilTuple(({"a": 1},))}
    want = {"now": "2026-03-01T12:00Z", "issueType": "billing", "customer": {"id": "c", "n": 3, "x": 0.5, "l": [1, [2]]}, "collected": {"f": 1}, "evidence": ["e"], "priorActions": [{"a": 1}]}
    c.run("context of subclasses", dict(base), sub, c.run("the plain context", dict(base), want, "valid"))
    context = {"now": "2026-03-01T12:00Z", "collected": {"f": 1}}
    context["customer"] = context
    c.run("context containing itself", dict(base), context, c.run("the same without the cycle", dict(base), {"now": "2026-03-01T12:00Z", "collected": {"f": 1}}, "valid"))
    collected = {"f": 1}
    collected["again"] = collected
    c.run("collected containing itself", dict(base), {"collected": collected}, empty_context)
    c.run("lone surrogates", dict(base), {"issueType": "\ud800", "customer": {"\udc00": "\ud800x"}, "collected": {"\ud800": 1}}, "valid")
    return c


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        entries = json.load(f)
    checked = 0
    failures = []
    for entry in entries:
        c = check_module(entry)
        checked += c.checked
        failures += c.failures
    sys.stdout.write(json.dumps({"checked": checked, "modules": len(entries), "failures": failures}) + "\n")


main()
