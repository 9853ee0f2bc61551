# The runtime every generated Python module inlines (compiler/python/ copies everything below the
# marker line verbatim): the Python port of runtime/prelude/*.ts. Standard library only, Python 3.9+.
# Nothing here may raise whatever it is given; `decide` turns anything unexpected into the fail-safe
# decision. Values are held as JavaScript holds them: a Python int is the double nearest to it (as
# JSON.parse reads a long integer), bool is never a number, NaN and +-inf are numbers.
# --- handoff runtime ---
import math as _math
import time as _time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type, Union

# The tables' shapes, for the annotations (each a typing alias, valid in Python 3.9).
_Number = Union[int, float]
# A template: (is_signal, text) parts.
_Template = Tuple[Tuple[bool, str], ...]
# An outcome: (rule, action, owner, ownerName, withinSeconds, urgency, collect, confirm).
_Outcome = Tuple[str, str, Optional[str], Optional[str], Optional[_Number], str, Tuple[str, ...], Tuple[str, ...]]
# A signal: (name, kind, min, max, members, hasDefault, default).
_Spec = Tuple[str, str, Optional[_Number], Optional[_Number], Optional[Tuple[str, ...]], bool, Any]
# A rule's row: (outcome, condition, reads, reason, say, precedence).
_Row = Tuple[_Outcome, Tuple[Any, ...], Tuple[str, ...], Optional[_Template], Optional[_Template], int]
# A rule's test in the indexed strategy, on the validated values.
_Test = Callable[[Dict[str, Any]], bool]
# The context as read: (nowMs, customer, issueType, collected, evidence, priorActions).
_Context = Tuple[Optional[float], Any, Optional[str], Dict[str, Any], Sequence[Any], Sequence[Any]]
_Problem = Dict[str, Optional[str]]

_ABSENT = object()
_INF = float("inf")
_MAX_EPOCH_MS = 8.64e15
_CONTEXT_MAX_DEPTH = 16
_CONTEXT_MAX_NODES = 10000
_MESSAGE_QUOTE_LIMIT = 40
_COULD_NOT_READ = "could not be read"
_NO_MATCH_PROBLEM = "no rule matched and the contract has no otherwise"
_BUILTIN_INVALID_SAY = (
    "I can't continue with this automatically. A colleague will review your request and follow up with you."
)
_FAIL_SAFE_PROBLEM = (
    "the decision could not be computed; the input or context could not be read safely, so a colleague must review it"
)
# The built-in `on invalid`: (rule, action, owner, ownerName, withinSeconds, urgency, collect, confirm).
_BUILTIN_INVALID_OUTCOME: _Outcome = ("invalid-input", "stop", None, None, None, "high", (), ())
# The context when none (or nothing usable) is given: (nowMs, customer, issueType, collected, evidence, priorActions).
_NO_CONTEXT: _Context = (None, None, None, {}, (), ())


def _clock_ms() -> int:
    """Date.now(): epoch milliseconds of the clock."""
    return _time.time_ns() // 1000000


def _plain(value: Any) -> Any:
    """A str, int or float of a subclass as the plain value it holds (so none of its overrides ever runs)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _double(value: _Number) -> float:
    """The double JavaScript holds for a Python number (an int rounds to nearest, too large is +-inf)."""
    if isinstance(value, float):
        return float(value)
    try:
        return float(value)
    except OverflowError:
        return _INF if value > 0 else -_INF


def _js_value(value: _Number) -> _Number:
    """A number as the output carries it: the value itself when it is exactly a double, else the double."""
    if isinstance(value, float):
        return value
    d = _double(value)
    if d != d or d in (_INF, -_INF) or int(d) != value:
        return d
    return int(value)


def _number_text(value: _Number) -> str:
    """String(x) of JavaScript (Number::toString, radix 10) for a number."""
    x = _double(value)
    if x != x:
        return "NaN"
    if x == _INF:
        return "Infinity"
    if x == -_INF:
        return "-Infinity"
    if x == 0:
        return "0"
    if x < 0:
        return "-" + _number_text(-x)
    mantissa, _, exponent = repr(x).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + (int(exponent) if exponent else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    k = len(digits)
    n = point
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    if k == 1:
        return digits + "e" + sign + str(abs(e))
    return digits[0] + "." + digits[1:] + "e" + sign + str(abs(e))


def _format_value(value: Union[str, _Number]) -> str:
    """How a signal's value prints inside reason/say: as JavaScript prints it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return _number_text(value)


_DURATION_UNITS = (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


def _format_duration(value: _Number) -> str:
    """How a duration prints inside reason/say: in words, as formatDuration in the TypeScript runtime."""
    if value != value or value in (float("inf"), float("-inf")):
        return _format_value(value) + " seconds"
    whole = _math.floor(value + 0.5)
    if not 0 <= whole <= 9007199254740991:
        return _format_value(value) + " seconds"
    if whole == 0:
        return "0 seconds"
    rest = whole
    words: List[str] = []
    for unit, size in _DURATION_UNITS:
        n = rest // size
        if n == 0:
            continue
        rest -= n * size
        words.append(str(n) + " " + unit + ("" if n == 1 else "s"))
    return " ".join(words)


def _units(text: str) -> int:
    """The length of `text` in UTF-16 code units."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _json_quote(text: str) -> str:
    """JSON.stringify of a string (well-formed: lone surrogates escaped, other text as is)."""
    out: List[str] = ['"']
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif o < 0x20:
            out.append({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}.get(o) or "\\u%04x" % o)
        elif 0xD800 <= o <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(text[i + 1]) <= 0xDFFF:
            out.append(c + text[i + 1])
            i += 1
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(c)
        i += 1
    out.append('"')
    return "".join(out)


def _quote_for_message(text: str) -> str:
    """JSON-quoted, cut to 40 UTF-16 units (never inside a surrogate pair) with the full length noted."""
    length = _units(text)
    if length <= _MESSAGE_QUOTE_LIMIT:
        return _json_quote(text)
    kept: List[str] = []
    used = 0
    for c in text:
        size = 2 if ord(c) > 0xFFFF else 1
        if used + size > _MESSAGE_QUOTE_LIMIT:
            break
        kept.append(c)
        used += size
    if used == _MESSAGE_QUOTE_LIMIT and 0xD800 <= ord(kept[-1]) <= 0xDBFF:
        kept.pop()
    return _json_quote("".join(kept)) + "... (" + str(length) + " characters)"


def _type_name(value: Any) -> str:
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if _is_number(value):
        return "a number"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "an array"
    return "an object"


def _input_problem(value: Any) -> Optional[_Problem]:
    """The whole-input problem, or None when `value` is a dict (the plain object of Python)."""
    if isinstance(value, dict):
        return None
    if isinstance(value, (list, tuple)):
        return {"signal": None, "problem": "the input must be a plain object of signals, got an array"}
    if isinstance(value, (str, int, float)) or value is None:
        return {"signal": None, "problem": "the input must be a plain object of signals, got " + _type_name(value)}
    return {
        "signal": None,
        "problem": "the input must be a plain object of signals, got an object that is not plain (a class instance, Map, Date...)",
    }


def _number_shown(value: Any) -> str:
    return _number_text(value) if _is_number(value) else _type_name(value)


def _number_expectation(spec: _Spec) -> str:
    kind, low, high = spec[1], spec[2], spec[3]
    what = "an integer" if kind == "int" else "a number"
    if low is not None and high is not None:
        return what + " between " + _number_text(low) + " and " + _number_text(high)
    if low is not None:
        return what + " >= " + _number_text(low)
    if high is not None:
        return what + " <= " + _number_text(high)
    return "an integer" if kind == "int" else "a finite number"


def _describe_problem(spec: _Spec, value: Any) -> Optional[str]:
    """Why `value` is not valid for `spec` (name, kind, min, max, members, hasDefault, default), or None."""
    if value is _ABSENT:
        return None if spec[5] else "is required but missing"
    kind = spec[1]
    if kind == "bool":
        return None if isinstance(value, bool) else "must be a boolean, got " + _type_name(value)
    if kind == "text":
        return None if isinstance(value, str) else "must be a string, got " + _type_name(value)
    if kind == "enum":
        members = spec[4] or ()
        if isinstance(value, str):
            for member in members:
                if member == value:
                    return None
            return "must be one of " + ", ".join(members) + ", got " + _quote_for_message(value)
        return "must be one of " + ", ".join(members) + ", got " + _type_name(value)
    if kind == "duration":
        if _is_number(value):
            d = _double(value)
            if d >= 0 and d < _INF:
                return None
        return "must be a duration in seconds (a finite number >= 0), got " + _number_shown(value)
    if kind == "number" or kind == "int":
        if _is_number(value):
            d = _double(value)
            if (
                -_INF < d < _INF
                and (spec[2] is None or d >= spec[2])
                and (spec[3] is None or d <= spec[3])
                and (kind == "number" or d == _math.floor(d))
            ):
                return None
        return "must be " + _number_expectation(spec) + ", got " + _number_shown(value)
    return "has a type this module does not know"


def _validate(specs: Sequence[_Spec], value: Any) -> Dict[str, Any]:
    try:
        whole = _input_problem(value)
        if whole is not None:
            return {"ok": False, "problems": [whole]}
        signals: Dict[str, Any] = {}
        problems: List[_Problem] = []
        for spec in specs:
            name = spec[0]
            try:
                raw = _plain(dict.get(value, name, _ABSENT))
            except Exception:
                problems.append({"signal": name, "problem": _COULD_NOT_READ})
                continue
            problem = _describe_problem(spec, raw)
            if problem is not None:
                problems.append({"signal": name, "problem": problem})
            elif raw is _ABSENT:
                signals[name] = spec[6]
            else:
                signals[name] = _js_value(raw) if _is_number(raw) else raw
        if problems:
            return {"ok": False, "problems": problems}
        return {"ok": True, "signals": signals}
    except Exception:
        return {"ok": False, "problems": [{"signal": None, "problem": _COULD_NOT_READ}]}


# ---- time ----


def _two_digits(units: List[int], at: int) -> int:
    if at + 1 >= len(units):
        return -1
    tens = units[at] - 48
    ones = units[at + 1] - 48
    return tens * 10 + ones if 0 <= tens <= 9 and 0 <= ones <= 9 else -1


def _is_digit_at(units: List[int], at: int) -> bool:
    return at < len(units) and 48 <= units[at] <= 57


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(year: int, month: int, day: int) -> int:
    y = year - 1 if month <= 2 else year
    era = y // 400
    year_of_era = y - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _parse_iso_instant(text: str) -> Optional[float]:
    """Epoch ms of `YYYY-MM-DDTHH:MM[:SS[.fraction]]` + `Z`/`+-HH:MM`, or None (runtime/prelude/time.ts)."""
    if len(text) > 45:
        return None
    raw = text.encode("utf-16-le", "surrogatepass")
    units = [raw[i] | (raw[i + 1] << 8) for i in range(0, len(raw), 2)]
    length = len(units)
    if length < 17 or length > 45:
        return None

    def code(at: int) -> int:
        return units[at] if at < length else -1

    if code(4) != 45 or code(7) != 45 or (code(10) | 32) != 116 or code(13) != 58:
        return None
    century = _two_digits(units, 0)
    year_in_century = _two_digits(units, 2)
    year = -1 if century < 0 or year_in_century < 0 else century * 100 + year_in_century
    month = _two_digits(units, 5)
    day = _two_digits(units, 8)
    hour = _two_digits(units, 11)
    minute = _two_digits(units, 14)
    second = 0
    millis = 0
    at = 16
    if code(at) == 58:
        second = _two_digits(units, at + 1)
        at += 3
        if code(at) == 46:
            end = at + 1
            while end < length and _is_digit_at(units, end):
                end += 1
            count = end - at - 1
            if count < 1 or count > 9:
                return None
            value = 0
            for i in range(at + 1, at + 1 + min(count, 3)):
                value = value * 10 + units[i] - 48
            millis = value * (100 if count == 1 else 10 if count == 2 else 1)
            at = end
    if year < 0 or month < 1 or month > 12 or day < 1 or day > _days_in_month(year, month):
        return None
    if hour < 0 or hour > 23 or minute < 0 or minute > 59 or second < 0 or second > 59:
        return None
    offset = 0
    zone = code(at)
    if zone != -1 and (zone | 32) == 122:
        if at + 1 != length:
            return None
    elif zone == 43 or zone == 45:
        if at + 6 != length or code(at + 3) != 58:
            return None
        zone_hours = _two_digits(units, at + 1)
        zone_minutes = _two_digits(units, at + 4)
        if zone_hours < 0 or zone_hours > 23 or zone_minutes < 0 or zone_minutes > 59:
            return None
        offset = (-1 if zone == 45 else 1) * (zone_hours * 60 + zone_minutes)
    else:
        return None
    return float(_days_from_civil(year, month, day) * 86400000 + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis)


def _epoch_ms_of(now: Any) -> Optional[float]:
    if _is_number(now):
        d = _double(now)
        return d if -_MAX_EPOCH_MS <= d <= _MAX_EPOCH_MS else None
    if isinstance(now, str):
        return _parse_iso_instant(now)
    return None


def _iso_utc(ms: float) -> str:
    """new Date(ms).toISOString() for ms inside the Date range."""
    t = _math.trunc(ms)
    days = t // 86400000
    z = days + 719468
    era = z // 146097
    day_of_era = z - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    rest = t - days * 86400000
    hour = rest // 3600000
    rest -= hour * 3600000
    minute = rest // 60000
    rest -= minute * 60000
    second = rest // 1000
    milli = rest - second * 1000
    if 0 <= year <= 9999:
        year_text = "%04d" % year
    else:
        year_text = ("+" if year > 0 else "-") + "%06d" % abs(year)
    return "%s-%02d-%02dT%02d:%02d:%02d.%03dZ" % (year_text, month, day, hour, minute, second, milli)


def _deadline_after(now_ms: Optional[float], within_seconds: _Number) -> Optional[str]:
    at = float(_clock_ms() if now_ms is None else now_ms) + float(within_seconds) * 1000.0
    return _iso_utc(at) if -_MAX_EPOCH_MS <= at <= _MAX_EPOCH_MS else None


# ---- context ----


def _is_index_key(key: str) -> bool:
    return key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 4294967295


def _js_keys(record: Dict[str, Any]) -> List[str]:
    """The keys of a dict in the order Object.keys gives them: array indices ascending, then the rest."""
    keys: List[str] = []
    for key in list(dict.keys(record)):
        if not isinstance(key, str):
            raise TypeError("not a JSON key")
        keys.append(_plain(key))
    indices = sorted((k for k in keys if _is_index_key(k)), key=int)
    if not indices:
        return keys
    return indices + [k for k in keys if not _is_index_key(k)]


def _clone_json(value: Any, depth: int, budget: List[int]) -> Any:
    """A deep JSON copy; RAISES on anything malformed (callers catch and drop the whole part). Reads a
    dict, list or tuple (or a subclass) through the base type's own methods, never its overrides."""
    value = _plain(value)
    if isinstance(value, (str, bool)):
        return value
    if _is_number(value):
        d = _double(value)
        if -_INF < d < _INF:
            return 0 if d == 0 else _js_value(value)
        raise ValueError("not a finite number")
    if value is None:
        return None
    if not isinstance(value, (list, tuple, dict)):
        raise TypeError("not a JSON value")
    if depth >= _CONTEXT_MAX_DEPTH:
        raise ValueError("too deep")
    if isinstance(value, dict):
        pairs = list(dict.items(value))
        if len(pairs) > budget[0]:
            raise ValueError("too large")
        budget[0] -= len(pairs)
        record: Dict[str, Any] = {}
        for key, item in pairs:
            if not isinstance(key, str):
                raise TypeError("not a JSON key")
            record[_plain(key)] = item
        out: Dict[str, Any] = {}
        for key in _js_keys(record):
            out[key] = _clone_json(record[key], depth + 1, budget)
        return out
    base: Any = list if isinstance(value, list) else tuple
    length = base.__len__(value)
    if length > budget[0]:
        raise ValueError("too large")
    budget[0] -= length
    return [_clone_json(item, depth + 1, budget) for item in base.__iter__(value)]


def _copy_json(value: Any) -> Any:
    try:
        return _clone_json(value, 0, [_CONTEXT_MAX_NODES])
    except Exception:
        return None


def _copy_part(value: Any, kinds: Union[Type[Any], Tuple[Type[Any], ...]], empty: Any) -> Any:
    if value is _ABSENT:
        return empty
    try:
        if not isinstance(value, kinds):
            return empty
        return _clone_json(value, 0, [_CONTEXT_MAX_NODES])
    except Exception:
        return empty


def _read_part(context: Dict[Any, Any], key: str) -> Any:
    try:
        return _plain(dict.get(context, key, _ABSENT))
    except Exception:
        return _ABSENT


def _read_context(context: Any) -> _Context:
    if context is None:
        return _NO_CONTEXT
    try:
        if not isinstance(context, dict):
            return _NO_CONTEXT
        now = _read_part(context, "now")
        customer = _read_part(context, "customer")
        issue_type = _read_part(context, "issueType")
        return (
            None if now is _ABSENT else _epoch_ms_of(now),
            None if customer is _ABSENT else _copy_json(customer),
            issue_type if isinstance(issue_type, str) else None,
            _copy_part(_read_part(context, "collected"), dict, {}),
            _copy_part(_read_part(context, "evidence"), (list, tuple), ()),
            _copy_part(_read_part(context, "priorActions"), (list, tuple), ()),
        )
    except Exception:
        return _NO_CONTEXT


# ---- assembly ----


def _assemble(
    info: Tuple[str, Optional[str]],
    outcome: _Outcome,
    matched: List[str],
    reasons: List[str],
    say: Optional[str],
    evidence: Dict[str, Any],
    ctx: _Context,
    invalid: Optional[List[_Problem]],
) -> Dict[str, Any]:
    within = outcome[4]
    deadline = None if within is None else _deadline_after(ctx[0], within)
    collected = ctx[3]
    collect = [field for field in outcome[6] if field not in collected]
    confirm = list(outcome[7])
    do_not_re_ask = list(collected.keys())
    if confirm and do_not_re_ask:
        do_not_re_ask = [key for key in do_not_re_ask if key not in confirm]
    for key in list(evidence.keys()):
        value = evidence[key]
        if _is_number(value) and value == 0:
            evidence[key] = 0
    decision: Dict[str, Any] = {
        "action": outcome[1],
        "rule": outcome[0],
        "owner": outcome[2],
        "ownerName": outcome[3],
        "matched": matched,
        "withinSeconds": within,
        "deadline": deadline,
        "urgency": outcome[5],
        "reasons": reasons,
        "say": say,
        "collect": collect,
        "confirm": confirm,
        "doNotReAsk": do_not_re_ask,
        "brief": None
        if outcome[1] == "answer"
        else {
            "contract": info[0],
            "version": info[1],
            "rule": outcome[0],
            "action": outcome[1],
            "owner": outcome[2],
            "ownerName": outcome[3],
            "urgency": outcome[5],
            "deadline": deadline,
            "withinSeconds": within,
            "riskReason": reasons[0] if reasons else None,
            "reasons": list(reasons),
            "evidence": {"signals": evidence, "notes": list(ctx[4])},
            "customer": ctx[1],
            "issueType": ctx[2],
            "priorActions": list(ctx[5]),
            "promisedNextStep": say,
            "collected": dict(collected),
            "stillToCollect": list(collect),
            "mustConfirm": list(confirm),
            "doNotReAsk": list(do_not_re_ask),
        },
    }
    if invalid is not None:
        decision["invalid"] = invalid
    return decision


def _render(template: _Template, values: Dict[str, Any]) -> str:
    """A template (tuple of (is_signal, text)) with each signal part replaced by its formatted value; a
    duration signal's part is its name after "~" (no signal name starts with it) and prints in words."""
    parts: List[str] = []
    for is_signal, text in template:
        if not is_signal:
            parts.append(text)
        elif text[:1] == "~" and text[1:] in values:
            parts.append(_format_duration(values[text[1:]]))
        elif text in values:
            parts.append(_format_value(values[text]))
        else:
            parts.append("{" + text + "}")
    return "".join(parts)


def _all_rules_but(count: int, never: Sequence[int]) -> int:
    """The bit set of rules 0..count-1 (bit j: rule j) without those in `never` (the indexed strategy)."""
    bits = (1 << count) - 1
    for j in never:
        bits &= ~(1 << j)
    return bits


def _rule_masks(live: int, count: int, cells: int, narrowing: Sequence[int]) -> Tuple[int, ...]:
    """Per cell of a signal, the bit set of the live rules that can hold there (the indexed strategy).

    `narrowing` lists each rule that allows only some cells: rule, number of runs, then the first and last
    cell of each run. A run toggles the rule's bit on at its first cell and off after its last; a running
    XOR over the cells then sets it exactly inside the run. Rules that do not narrow the signal hold in
    every cell. Bits are set in bytes first: an int is rebuilt whole by every operation on it.
    """
    size = count // 8 + 1
    toggles = [bytearray(size) for _ in range(cells + 1)]
    whole = bytearray(live.to_bytes(size, "little"))
    at = 0
    end = len(narrowing)
    while at < end:
        j = narrowing[at]
        runs = narrowing[at + 1]
        at += 2
        byte = j >> 3
        bit = 1 << (j & 7)
        whole[byte] &= 0xFF ^ bit
        for _ in range(runs):
            toggles[narrowing[at]][byte] ^= bit
            toggles[narrowing[at + 1] + 1][byte] ^= bit
            at += 2
    rest = int.from_bytes(whole, "little")
    masks: List[int] = []
    running = 0
    for cell in range(cells):
        running ^= int.from_bytes(toggles[cell], "little")
        masks.append(running | rest)
    return tuple(masks)


def _rows_of(bits: int, tests: Sequence[Optional[_Test]], rows: Sequence[_Row], values: Dict[str, Any]) -> List[_Row]:
    """The rows of the candidates in `bits` whose test (None: none needed) holds, lowest bit first.

    The first few one at a time (each operation on a big int costs its length); the rest, when there are
    more, by searching the bit set's binary digits, which costs its length once.
    """
    matched: List[_Row] = []
    count = 0
    while bits and count < 8:
        low = bits & -bits
        bits ^= low
        count += 1
        j = low.bit_length() - 1
        test = tests[j]
        if test is None or test(values):
            matched.append(rows[j])
    if bits:
        digits = bin(bits)
        last = len(digits) - 1
        at = digits.rfind("1", 2)
        while at > 1:
            j = last - at
            test = tests[j]
            if test is None or test(values):
                matched.append(rows[j])
            at = digits.rfind("1", 2, at)
    return matched


def _invalid_decision(m: Dict[str, Any], ctx: _Context, problems: List[_Problem]) -> Dict[str, Any]:
    on_invalid = m["onInvalid"]
    reasons = [] if on_invalid[1] is None else [_render(on_invalid[1], {})]
    say = _BUILTIN_INVALID_SAY if on_invalid[2] is None else _render(on_invalid[2], {})
    return _staffed(m, _assemble(m["info"], on_invalid[0], [], reasons, say, {}, ctx, problems), ctx[0])


def _staffed(m: Dict[str, Any], decision: Dict[str, Any], now_ms: Optional[float]) -> Dict[str, Any]:
    """In a contract with calendars, `decision` completed by the generated `_staff` (its owner's business hours)."""
    staff = m.get("staff")
    if staff is not None:
        staff(decision, now_ms)
    return decision


def _decide_with(m: Dict[str, Any], signals: Any, context: Any) -> Dict[str, Any]:
    ctx = _read_context(context)
    # The contract's own plain-dict validation first (generated `_valid_signals`); whatever it does not
    # vouch for, the generic `_validate` decides, with the problems.
    values = m["valid"](signals)
    if values is None:
        validation = _validate(m["signals"], signals)
        if not validation["ok"]:
            return _invalid_decision(m, ctx, validation["problems"])
        values = validation["signals"]
    # In a contract whose conditions ask a calendar, each such calendar's open state at `now` (generated `_derive`).
    derive = m.get("derive")
    if derive is not None:
        values = derive(values, ctx[0])
    # The matching rules' rows in file order (the generated `_match`); the winner is the earliest of
    # highest precedence.
    matched: List[_Row] = m["match"](values)
    winner: Optional[_Row] = None
    best = -1
    for rule in matched:
        if rule[5] > best:
            winner = rule
            best = rule[5]
    if winner is None:
        otherwise = m["otherwise"]
        if otherwise is None:
            return _invalid_decision(m, ctx, [{"signal": None, "problem": _NO_MATCH_PROBLEM}])
        reasons = [] if otherwise[1] is None else [_render(otherwise[1], values)]
        say = None if otherwise[2] is None else _render(otherwise[2], values)
        return _staffed(m, _assemble(m["info"], otherwise[0], [], reasons, say, {}, ctx, None), ctx[0])
    reasons: List[str] = []
    if winner[3] is not None:
        reasons.append(_render(winner[3], values))
    for rule in matched:
        if rule is not winner and rule[3] is not None:
            reasons.append(_render(rule[3], values))
    evidence: Dict[str, Any] = {}
    for name in winner[2]:
        evidence[name] = values[name]
    say = None if winner[4] is None else _render(winner[4], values)
    return _staffed(m, _assemble(m["info"], winner[0], [rule[0][0] for rule in matched], reasons, say, evidence, ctx, None), ctx[0])


def _fail_safe(m: Dict[str, Any]) -> Dict[str, Any]:
    problems: List[_Problem] = [{"signal": None, "problem": _FAIL_SAFE_PROBLEM}]
    try:
        on_invalid = m["onInvalid"]
        reasons = [] if on_invalid[1] is None else [_render(on_invalid[1], {})]
        say = _BUILTIN_INVALID_SAY if on_invalid[2] is None else _render(on_invalid[2], {})
        return _staffed(m, _assemble(m["info"], on_invalid[0], [], reasons, say, {}, _NO_CONTEXT, problems), None)
    except Exception:
        return _assemble(("unknown", None), _BUILTIN_INVALID_OUTCOME, [], [], _BUILTIN_INVALID_SAY, {}, _NO_CONTEXT, problems)


def _decide(m: Dict[str, Any], signals: Any, context: Any) -> Dict[str, Any]:
    try:
        return _decide_with(m, signals, context)
    except Exception:
        return _fail_safe(m)
