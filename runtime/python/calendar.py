# Calendars: the Python port of runtime/prelude/calendar.ts (read its header for the semantics), step by
# step the same algorithm, so both give the same instants (int epoch milliseconds) and the same strings
# wherever the hosts' tz databases agree (Intl's ICU data there, the system's via zoneinfo here). To be
# inlined into generated modules; standard library only, Python 3.9+. Nothing here raises: whatever is
# not a calendar, an instant in range or a whole number of seconds gives None.
# A calendar is a dict {"zone": str, "weekly": [7 lists of [startMinute, endMinute]], Monday first,
# "closed": ["YYYY-MM-DD", ...], "exceptions": {"YYYY-MM-DD": [[startMinute, endMinute], ...]}}.
import datetime as _datetime
import zoneinfo as _zoneinfo
from typing import Any, Dict, List, Optional, Tuple

_DAY_MS = 86400000
_CALENDAR_MIN_MS = 0  # 1970-01-01T00:00:00Z
_CALENDAR_MAX_MS = 253402128000000  # 9999-12-30T00:00:00Z, exclusive
_HORIZON_MS = 2928 * _DAY_MS  # how far a search looks before it gives up with None
_ZONE_DAYS_CACHED = 4096
_CALENDARS_CACHED = 256
_EPOCH = _datetime.datetime(1970, 1, 1, tzinfo=_datetime.timezone.utc)

# zone name -> [ZoneInfo, {UTC day: [(start, end, offset), ...]}] or None for an unknown zone.
_zones: Dict[str, Any] = {}
# id(calendar) -> (calendar, prepared or None). INVARIANT: a calendar is immutable once passed in; the
# entry holds the calendar itself, so its id cannot be reused while it is cached.
_prepared: Dict[int, Any] = {}


def _is_open(cal: Any, ms: Any) -> Optional[bool]:
    """Whether `cal` is open at instant `ms` (epoch milliseconds), or None if either is out of range."""
    data = _calendar_data(cal)
    ms = _valid_instant(ms)
    if data is None or ms is None:
        return None
    piece = _offset_piece_at(data[0], ms)
    if piece is None:
        return None
    wall = ms + piece[2]
    day = wall // _DAY_MS
    time = wall - day * _DAY_MS
    intervals = _intervals_on(data, day)
    for i in range(0, len(intervals), 2):
        if intervals[i] <= time < intervals[i + 1]:
            return True
    return False


def _next_opening(cal: Any, ms: Any) -> Optional[int]:
    """The first instant >= ms at which `cal` is open (ms itself if open), or None within the horizon."""
    return _add_business_time(cal, ms, 0)


def _add_business_time(cal: Any, ms: Any, seconds: Any) -> Optional[int]:
    """The instant at which `seconds` of open time have elapsed from `ms` (a closing, when it ends there)."""
    data = _calendar_data(cal)
    ms = _valid_instant(ms)
    if data is None or ms is None or not _is_whole(seconds) or seconds < 0 or seconds > 9007199254740991:
        return None
    limit = min(ms + _HORIZON_MS, _CALENDAR_MAX_MS - 1)
    remaining = int(seconds) * 1000
    if remaining > _HORIZON_MS:
        return None
    t = ms
    piece = None
    # Each turn moves t strictly forward, to the next opening, closing, local midnight or offset change.
    while t <= limit:
        if piece is None or t >= piece[1]:
            piece = _offset_piece_at(data[0], t)
            if piece is None:
                return None
        midnight = (t + piece[2]) // _DAY_MS * _DAY_MS
        base = midnight - piece[2]
        time = t - base
        intervals = _intervals_on(data, midnight // _DAY_MS)
        i = 0
        while i < len(intervals) and intervals[i + 1] <= time:
            i += 2
        following = base + _DAY_MS
        if i < len(intervals):
            if intervals[i] <= time:
                closing = min(base + intervals[i + 1], piece[1])
                if remaining <= closing - t:
                    return t + remaining if t + remaining <= limit else None
                remaining -= closing - t
                t = closing
                continue
            following = base + intervals[i]
        t = min(following, piece[1])
    return None


def _local_iso(zone: Any, ms: Any) -> Optional[str]:
    """`ms` as ISO 8601 local time in `zone` with its offset (+HH:MM, +HH:MM:SS if it has seconds)."""
    data = _zone_data(zone)
    ms = _valid_instant(ms)
    if data is None or ms is None:
        return None
    piece = _offset_piece_at(data, ms)
    if piece is None:
        return None
    wall = ms + piece[2]
    day = wall // _DAY_MS
    rest = wall - day * _DAY_MS
    date = _EPOCH.date() + _datetime.timedelta(days=day)
    offset = abs(piece[2]) // 1000
    text = "%04d-%02d-%02dT%02d:%02d:%02d.%03d%s%02d:%02d" % (
        date.year,
        date.month,
        date.day,
        rest // 3600000,
        rest // 60000 % 60,
        rest // 1000 % 60,
        rest % 1000,
        "-" if piece[2] < 0 else "+",
        offset // 3600,
        offset // 60 % 60,
    )
    return text if offset % 60 == 0 else text + ":%02d" % (offset % 60)


def _is_whole(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


def _valid_instant(ms: Any) -> Optional[int]:
    """`ms` as an int if it is a whole number of milliseconds in range, else None."""
    if not _is_whole(ms) or not _CALENDAR_MIN_MS <= ms < _CALENDAR_MAX_MS:
        return None
    return int(ms)


def _intervals_on(data: Any, day: int) -> Any:
    """The intervals of local day `day` (flat, in ms since local midnight)."""
    if day in data[2]:
        return ()
    hours = data[3].get(day)
    return hours if hours is not None else data[1][(day + 3) % 7]  # 1970-01-01 was a Thursday


def _offset_piece_at(zone: Any, ms: int) -> Optional[Tuple[int, int, int]]:
    """The piece (start, end, offset) of constant offset that holds `ms`, or None."""
    day = ms // _DAY_MS
    days = zone[1]
    pieces = days.get(day)
    if pieces is None:
        start = day * _DAY_MS
        end = start + _DAY_MS
        # A neighbouring day's pieces already tell the offset at a shared midnight.
        before = days.get(day - 1)
        after = days.get(day + 1)
        first = _offset_at(zone, start) if before is None else before[-1][2]
        last = _offset_at(zone, end) if after is None else after[0][2]
        if first is None or last is None:
            return None
        pieces = _split_at_changes(zone, start, first, end, last)
        if pieces is None:
            return None
        if len(days) >= _ZONE_DAYS_CACHED:
            days.clear()
        days[day] = pieces
    for piece in pieces:
        if ms < piece[1]:
            return piece
    return None


def _split_at_changes(zone: Any, start: int, first: int, end: int, last: int) -> Optional[List[Tuple[int, int, int]]]:
    """The pieces of [start, end): each offset change found by bisection to the second."""
    out = []
    while first != last:
        low = start
        high = end
        while high - low > 1000:
            middle = low + (high - low) // 2000 * 1000
            offset = _offset_at(zone, middle)
            if offset is None:
                return None
            if offset == first:
                low = middle
            else:
                high = middle
        out.append((start, high, first))
        following = _offset_at(zone, high)
        if following is None:
            return None
        start = high
        first = following
    out.append((start, end, first))
    return out


def _offset_at(zone: Any, ms: int) -> Optional[int]:
    """The zone's UTC offset in ms at instant `ms` (to the second), or None."""
    try:
        offset = (_EPOCH + _datetime.timedelta(milliseconds=ms // 1000 * 1000)).astimezone(zone[0]).utcoffset()
        return (offset.days * 86400 + offset.seconds) * 1000
    except Exception:
        return None


def _zone_data(zone: Any) -> Any:
    """[ZoneInfo, day cache] or None; names match ignoring case, as Intl matches them."""
    if not isinstance(zone, str) or not zone[:1].isascii() or not zone[:1].isalpha():
        return None
    if zone not in _zones:
        if len(_zones) >= _CALENDARS_CACHED:
            _zones.clear()
        found = _zone_info(zone)
        if found is None:
            name = _zone_names().get(zone.lower())
            found = None if name is None else _zone_info(name)
        _zones[zone] = None if found is None else [found, {}]
    return _zones[zone]


def _zone_info(name: str) -> Any:
    try:
        return _zoneinfo.ZoneInfo(name)
    except Exception:  # unknown zone, or a name zoneinfo refuses
        return None


_names_by_lower_case: Optional[Dict[str, str]] = None


def _zone_names() -> Dict[str, str]:
    """Lower-cased name -> name of every zone zoneinfo lists (read once, only for a name it did not find)."""
    global _names_by_lower_case
    if _names_by_lower_case is None:
        try:
            _names_by_lower_case = {name.lower(): name for name in _zoneinfo.available_timezones()}
        except Exception:
            _names_by_lower_case = {}
    return _names_by_lower_case


def _calendar_data(cal: Any) -> Any:
    """(zone, weekly, closed days, exceptions) prepared and cached by identity, or None."""
    if not isinstance(cal, dict):
        return None
    entry = _prepared.get(id(cal))
    if entry is None or entry[0] is not cal:
        if len(_prepared) >= _CALENDARS_CACHED:
            _prepared.clear()
        entry = (cal, _prepare(cal))
        _prepared[id(cal)] = entry
    return entry[1]


def _prepare(cal: Dict[str, Any]) -> Any:
    zone = _zone_data(cal.get("zone"))
    weekly = cal.get("weekly")
    if zone is None or not isinstance(weekly, list) or len(weekly) != 7:
        return None
    days = []
    for hours in weekly:
        flat = _flat_intervals(hours)
        if flat is None:
            return None
        days.append(flat)
    closed = set()
    dates = cal.get("closed")
    dates = [] if dates is None else dates
    if not isinstance(dates, list):
        return None
    for date in dates:
        day = _day_of_iso_date(date)
        if day is None:
            return None
        closed.add(day)
    exceptions = {}
    dated = cal.get("exceptions")
    dated = {} if dated is None else dated
    if not isinstance(dated, dict):
        return None
    for date, hours in dated.items():
        day = _day_of_iso_date(date)
        flat = _flat_intervals(hours)
        if day is None or flat is None:
            return None
        exceptions[day] = flat
    return (zone, days, closed, exceptions)


def _flat_intervals(intervals: Any) -> Optional[List[int]]:
    """Sorted, merged flat list in ms, or None unless each is [start, end], 0 <= start <= end <= 1440."""
    if not isinstance(intervals, list):
        return None
    pairs = []
    for interval in intervals:
        if not isinstance(interval, list) or len(interval) != 2:
            return None
        start, end = interval
        if not _is_whole(start) or not _is_whole(end):
            return None
        if start < 0 or end > 1440 or start > end:
            return None
        if start < end:
            pairs.append((int(start), int(end)))
    pairs.sort(key=lambda pair: pair[0])
    flat = []
    for start, end in pairs:
        if flat and start * 60000 <= flat[-1]:
            flat[-1] = max(flat[-1], end * 60000)
        else:
            flat.extend((start * 60000, end * 60000))
    return flat


def _day_of_iso_date(date: Any) -> Optional[int]:
    """Days since 1970-01-01 of a valid "YYYY-MM-DD" (years 1000-9999), else None."""
    if not isinstance(date, str) or len(date) != 10 or date[4] != "-" or date[7] != "-":
        return None
    digits = date[0:4] + date[5:7] + date[8:10]
    if not all("0" <= c <= "9" for c in digits):
        return None
    year, month, day = int(date[0:4]), int(date[5:7]), int(date[8:10])
    if year < 1000:
        return None
    try:
        return (_datetime.date(year, month, day) - _EPOCH.date()).days
    except ValueError:
        return None


# ---- staffing: what a decision says about its owner's business hours ----
# runtime/prelude/staffing.ts step by step. Inlined into modules of contracts with calendars, after the
# runtime (whose _clock_ms, _iso_utc and _parse_iso_instant it uses).


def _staff_decision(decision: Dict[str, Any], cal: Optional[Dict[str, Any]], business: bool, now_ms: Optional[float]) -> None:
    """Completes `decision` (and its brief) with deadlineLocal, businessTime, ownerOpen and ownerOpensAt."""
    now = _math.floor(float(_clock_ms() if now_ms is None else now_ms))
    within = decision["withinSeconds"]
    business_time = business and within is not None and cal is not None
    deadline = decision["deadline"]
    if business_time:
        at = _add_business_time(cal, now, within)
        deadline = None if at is None else _iso_utc(at)
        decision["deadline"] = deadline
    zone = "UTC" if cal is None else cal["zone"]
    deadline_ms = None if deadline is None else _parse_iso_instant(deadline)
    deadline_local = None if deadline_ms is None else _local_iso(zone, deadline_ms)
    owner_open = None if decision["owner"] is None else True if cal is None else _is_open(cal, now)
    opening = _next_opening(cal, now) if owner_open is False and cal is not None else None
    owner_opens_at = None if opening is None else _local_iso(zone, opening)
    invalid = decision.pop("invalid", None)
    decision["deadlineLocal"] = deadline_local
    decision["businessTime"] = business_time
    decision["ownerOpen"] = owner_open
    decision["ownerOpensAt"] = owner_opens_at
    if invalid is not None:
        decision["invalid"] = invalid
    brief = decision["brief"]
    if brief is not None:
        brief["deadline"] = deadline
        brief["deadlineLocal"] = deadline_local
        brief["businessTime"] = business_time
        brief["ownerOpen"] = owner_open
        brief["ownerOpensAt"] = owner_opens_at
