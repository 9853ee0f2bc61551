/**
 * Calendars: business hours in an IANA time zone, and the time arithmetic of business-time deadlines.
 *
 * A calendar is plain data (the constant the compiler emits): a zone, open intervals per weekday in local
 * wall-clock minutes, whole closed local dates, and dated exceptions with their own intervals.
 *
 * SEMANTICS. An instant is open iff its local wall-clock date (in the calendar's zone, at that instant's
 * offset) is not a closed date, and its local wall-clock time falls in one of that date's intervals: the
 * exception's intervals if the date has one, else its weekday's. Intervals are half-open, [start, end):
 * an instant exactly at an opening is open, an instant exactly at a closing is closed; an end of 1440
 * (24:00) is the next local midnight, so `mon-sun 00:00-24:00` is open at every instant, and an interval
 * ending at 24:00 runs on without a break into one starting at 00:00 the next day. Closed dates win over
 * exceptions. Everything follows from the rule, with no special cases for offset changes:
 * - A DST gap (Europe/Berlin 2026-03-29 02:00-03:00) holds wall times that never occur, so an interval
 *   inside it has no open time on that day, and one across it is shorter (01:30-02:30 is open 30 minutes,
 *   closing at 03:00 CEST).
 * - A fall-back overlap (Berlin 2026-10-25 02:00-03:00) holds wall times that occur twice, and both count:
 *   an interval inside it is open twice (02:00-02:30 is open 00:00-00:30Z and 01:00-01:30Z), and one
 *   across it is longer (00:00-24:00 is 25 hours that day).
 * - Australia/Lord_Howe shifts by 30 minutes by the same rule: on 2026-10-04 02:00-02:30 does not occur
 *   (+10:30 → +11:00), on 2026-04-05 01:30-02:00 occurs twice (+11:00 → +10:30).
 * A business-time deadline, addBusinessTime(cal, ms, s), counts open time from ms (from the next opening
 * if ms is closed) and is the first instant u ≥ nextOpening(cal, ms) at which the open time in [ms, u) is
 * s seconds. When the count ends exactly at a closing, the deadline is that closing instant, not the next
 * opening; for s = 0 it is nextOpening(cal, ms).
 *
 * LIMITS (every function is total: it never throws and never loops unboundedly; it returns null instead):
 * instants are integer epoch milliseconds in [1970-01-01, 9999-12-30) UTC; durations whole seconds ≥ 0; a
 * search ends after HORIZON_DAYS (8 × 366 days), so an opening or deadline later than that is null; a
 * calendar that is not of the shape below, or whose zone the host does not know, gives null. Zone names
 * match ignoring case, as Intl matches them; the checker should still insist on tzdata's spelling.
 *
 * HOW. Offsets come from Intl.DateTimeFormat (one cached formatter per zone). The timeline is cut into
 * pieces of constant offset: per UTC day, the offsets at both midnights are compared, and where they
 * differ the change is found by bisection to the second (tz changes fall on whole seconds). Within a piece
 * local time is the instant plus a constant, so open time is found interval by interval, day by day: no
 * per-minute stepping. Assumption: no zone changes its offset and back within one UTC day (checked: no
 * zone of tzdata 2025b has such a pair between 1970 and 2038); several changes in a day are found.
 * runtime/python/calendar.py is the same algorithm step by step, so the two agree wherever the two hosts'
 * tz databases agree.
 *
 * Open time is elapsed time (the 25-hour Sunday counts 25 hours), in milliseconds; results are integer
 * epoch milliseconds. localIso writes the wall-clock time with the offset in force at that instant,
 * ±HH:MM, and ±HH:MM:SS only for an offset with seconds (which no zone has had since 1972).
 */

/** An open interval [startMinute, endMinute) of local wall-clock minutes, integers 0 ≤ start ≤ end ≤ 1440 (empty ones are ignored). */
export type OpenInterval = readonly [number, number];

/** Business hours (the constant the compiler emits for a `calendars` entry). */
export interface Calendar {
  /** IANA time zone name, e.g. "Europe/Berlin". */
  readonly zone: string;
  /** Seven entries, Monday first: that weekday's open intervals (any order; overlaps are merged). */
  readonly weekly: readonly (readonly OpenInterval[])[];
  /** Whole local dates "YYYY-MM-DD" on which the calendar is closed. */
  readonly closed: readonly string[];
  /** Local dates "YYYY-MM-DD" whose intervals replace their weekday's (a closed date stays closed). */
  readonly exceptions: Readonly<Record<string, readonly OpenInterval[]>>;
}

const DAY_MS = 86400000;
/** The first and (exclusive) last instant the functions accept: 1970-01-01 and 9999-12-30 UTC. */
const CALENDAR_MIN_MS = 0;
const CALENDAR_MAX_MS = 253402128000000;
/** How far a search looks, in days, before it gives up with null. */
const HORIZON_DAYS = 2928;
const HORIZON_MS = HORIZON_DAYS * DAY_MS;
/** Bound on the cached UTC days per zone; the cache is dropped when it is full. */
const ZONE_DAYS_CACHED = 4096;
/** Bound on the cached zone names (junk names too). */
const ZONES_CACHED = 256;

/** A stretch of the timeline with one UTC offset: [start, end), offset in milliseconds. */
interface OffsetPiece {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

interface ZoneData {
  readonly format: Intl.DateTimeFormat;
  /** UTC day number → the pieces that cover that day, in order. */
  readonly days: Map<number, readonly OffsetPiece[]>;
}

/** A calendar made ready for the walk: intervals in milliseconds since local midnight, merged. */
interface CalendarData {
  readonly zone: ZoneData;
  /** Monday first; each a flat list start0, end0, start1, end1, … ascending and disjoint. */
  readonly weekly: readonly (readonly number[])[];
  /** Local day numbers (days since 1970-01-01) that are closed. */
  readonly closed: ReadonlySet<number>;
  readonly exceptions: ReadonlyMap<number, readonly number[]>;
}

const zoneTable = new Map<string, ZoneData | null>();
// INVARIANT: a calendar is immutable once passed in (the compiler emits frozen constants), so its
// prepared form is cached by identity.
const preparedCalendars = new WeakMap<object, CalendarData | null>();

/** Whether `cal` is open at instant `ms` (epoch milliseconds), or null if either is out of range. */
export function isOpen(cal: Calendar, ms: number): boolean | null {
  const data = calendarData(cal);
  if (data === null || !validInstant(ms)) return null;
  const piece = offsetPieceAt(data.zone, ms);
  if (piece === null) return null;
  const wall = ms + piece.offset;
  const day = Math.floor(wall / DAY_MS);
  const time = wall - day * DAY_MS;
  const intervals = intervalsOn(data, day);
  for (let i = 0; i < intervals.length; i += 2) {
    if (intervals[i]! <= time && time < intervals[i + 1]!) return true;
  }
  return false;
}

/** The first instant ≥ ms at which `cal` is open (ms itself if open), or null within the horizon. */
export function nextOpening(cal: Calendar, ms: number): number | null {
  return addBusinessTime(cal, ms, 0);
}

/**
 * The instant at which `seconds` of `cal`'s open time have elapsed counting from `ms` (see SEMANTICS:
 * ending exactly at a closing gives the closing), or null if `seconds` is not a whole number ≥ 0 or the
 * deadline is beyond the horizon.
 */
export function addBusinessTime(cal: Calendar, ms: number, seconds: number): number | null {
  const data = calendarData(cal);
  if (data === null || !validInstant(ms) || !Number.isSafeInteger(seconds) || seconds < 0) return null;
  const limit = Math.min(ms + HORIZON_MS, CALENDAR_MAX_MS - 1);
  let remaining = seconds * 1000;
  if (remaining > HORIZON_MS) return null; // open time never runs faster than time
  let t = ms;
  let piece: OffsetPiece | null = null;
  // Each turn moves t strictly forward, to the next opening, closing, local midnight or offset change.
  while (t <= limit) {
    if (piece === null || t >= piece.end) {
      piece = offsetPieceAt(data.zone, t);
      if (piece === null) return null;
    }
    const midnight = Math.floor((t + piece.offset) / DAY_MS) * DAY_MS; // local midnight, as wall time
    const base = midnight - piece.offset; // … as an instant at this piece's offset
    const time = t - base;
    const intervals = intervalsOn(data, midnight / DAY_MS);
    let i = 0;
    while (i < intervals.length && intervals[i + 1]! <= time) i += 2;
    let next = base + DAY_MS;
    if (i < intervals.length) {
      if (intervals[i]! <= time) {
        const closing = Math.min(base + intervals[i + 1]!, piece.end);
        if (remaining <= closing - t) return t + remaining <= limit ? t + remaining : null;
        remaining -= closing - t;
        t = closing;
        continue;
      }
      next = base + intervals[i]!;
    }
    t = Math.min(next, piece.end);
  }
  return null;
}

/**
 * `ms` as ISO 8601 local time in `zone` with that instant's offset, e.g. "2026-12-04T09:00:00.000+01:00"
 * or "2026-10-04T03:00:00.000+11:00" (Lord_Howe); UTC is "+00:00". The offset is ±HH:MM, or ±HH:MM:SS
 * when it has seconds (Africa/Monrovia until 1972). Null for an unknown zone or an instant out of range.
 */
export function localIso(zone: string, ms: number): string | null {
  const data = zoneData(zone);
  if (data === null || !validInstant(ms)) return null;
  const piece = offsetPieceAt(data, ms);
  if (piece === null) return null;
  const wall = ms + piece.offset;
  const day = Math.floor(wall / DAY_MS);
  let rest = wall - day * DAY_MS;
  const hour = Math.floor(rest / 3600000);
  rest -= hour * 3600000;
  const minute = Math.floor(rest / 60000);
  rest -= minute * 60000;
  const second = Math.floor(rest / 1000);
  const offset = Math.abs(piece.offset) / 1000;
  const offsetSeconds = offset % 60;
  return (
    isoDate(day) +
    "T" +
    padNumber(hour, 2) +
    ":" +
    padNumber(minute, 2) +
    ":" +
    padNumber(second, 2) +
    "." +
    padNumber(rest - second * 1000, 3) +
    (piece.offset < 0 ? "-" : "+") +
    padNumber(Math.floor(offset / 3600), 2) +
    ":" +
    padNumber(Math.floor(offset / 60) % 60, 2) +
    (offsetSeconds === 0 ? "" : ":" + padNumber(offsetSeconds, 2))
  );
}

function validInstant(ms: number): boolean {
  return typeof ms === "number" && Number.isInteger(ms) && ms >= CALENDAR_MIN_MS && ms < CALENDAR_MAX_MS;
}

/** The intervals of local day `day` (flat, in ms since local midnight). */
function intervalsOn(data: CalendarData, day: number): readonly number[] {
  if (data.closed.has(day)) return [];
  return data.exceptions.get(day) ?? data.weekly[(((day + 3) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
}

/** The piece of constant offset that holds instant `ms`, or null if the host cannot tell the offset. */
function offsetPieceAt(zone: ZoneData, ms: number): OffsetPiece | null {
  const day = Math.floor(ms / DAY_MS);
  let pieces = zone.days.get(day);
  if (pieces === undefined) {
    const start = day * DAY_MS;
    const end = start + DAY_MS;
    // A neighbouring day's pieces already tell the offset at a shared midnight.
    const before = zone.days.get(day - 1);
    const after = zone.days.get(day + 1);
    const first = before === undefined ? offsetAt(zone, start) : before[before.length - 1]!.offset;
    const last = after === undefined ? offsetAt(zone, end) : after[0]!.offset;
    if (first === null || last === null) return null;
    const found: OffsetPiece[] = [];
    if (!splitAtChanges(zone, start, first, end, last, found)) return null;
    if (zone.days.size >= ZONE_DAYS_CACHED) zone.days.clear();
    zone.days.set(day, found);
    pieces = found;
  }
  for (const piece of pieces) if (ms < piece.end) return piece;
  return null; // unreachable: the pieces cover the day
}

/**
 * Appends the pieces of [start, end) to `out`, given the offsets at both ends: where they differ, the
 * first whole second with a different offset than `start` is found by bisection, and the rest split again.
 */
function splitAtChanges(zone: ZoneData, start: number, first: number, end: number, last: number, out: OffsetPiece[]): boolean {
  while (first !== last) {
    let low = start; // offset(low) === first
    let high = end; // offset(high) !== first
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      const offset = offsetAt(zone, middle);
      if (offset === null) return false;
      if (offset === first) low = middle;
      else high = middle;
    }
    out.push({ start, end: high, offset: first });
    const next = offsetAt(zone, high);
    if (next === null) return false;
    start = high;
    first = next;
  }
  out.push({ start, end, offset: first });
  return true;
}

/** The zone's UTC offset in ms at instant `ms` (to the second), or null if the host cannot format it. */
function offsetAt(zone: ZoneData, ms: number): number | null {
  try {
    const second = Math.floor(ms / 1000) * 1000;
    // format() is several times faster than formatToParts(); en-US h23 writes "M/D/YYYY, HH:MM:SS".
    const fields = numbersIn(zone.format.format(second));
    if (fields.length !== 6) return offsetFromParts(zone, second);
    const [month, day, year, hour, minute, sec] = fields as [number, number, number, number, number, number];
    return civilDays(year, month, day) * DAY_MS + (((hour % 24) * 60 + minute) * 60 + sec) * 1000 - second;
  } catch {
    return null;
  }
}

/** The decimal digit runs of `text`, as numbers. */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  let value = -1;
  for (let i = 0; i <= text.length; i++) {
    const digit = i < text.length ? text.charCodeAt(i) - 48 : -1;
    if (digit >= 0 && digit <= 9) value = (value < 0 ? 0 : value * 10) + digit;
    else if (value >= 0) {
      out.push(value);
      value = -1;
    }
  }
  return out;
}

/** offsetAt by formatToParts, for a host whose format() is laid out differently. */
function offsetFromParts(zone: ZoneData, second: number): number | null {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  for (const part of zone.format.formatToParts(second)) {
    const value = Number(part.value);
    if (part.type === "year") year = value;
    else if (part.type === "month") month = value;
    else if (part.type === "day") day = value;
    else if (part.type === "hour") hour = value % 24; // some engines write midnight as 24 even in h23
    else if (part.type === "minute") minute = value;
    else if (part.type === "second") sec = value;
  }
  const wall = civilDays(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + sec) * 1000;
  return Number.isFinite(wall) ? wall - second : null;
}

/**
 * The zone's formatter and cache, or null if the host does not know it. Names are matched as Intl matches
 * them, ignoring case (calendar.py does the same); one not starting with a letter (an offset such as
 * "+05:30", which newer engines accept but zoneinfo does not) is refused.
 */
function zoneData(zone: string): ZoneData | null {
  if (typeof zone !== "string" || !/^[A-Za-z]/.test(zone)) return null;
  let data = zoneTable.get(zone);
  if (data === undefined) {
    try {
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        numberingSystem: "latn",
      });
      data = { format, days: new Map() };
    } catch {
      data = null; // an unknown zone: Intl throws a RangeError
    }
    if (zoneTable.size >= ZONES_CACHED) zoneTable.clear();
    zoneTable.set(zone, data);
  }
  return data;
}

/** The calendar prepared (cached by identity), or null if it is not of the Calendar shape. */
function calendarData(cal: Calendar): CalendarData | null {
  if (typeof cal !== "object" || cal === null) return null;
  let data = preparedCalendars.get(cal);
  if (data === undefined) {
    data = prepareCalendar(cal);
    preparedCalendars.set(cal, data);
  }
  return data;
}

function prepareCalendar(cal: Calendar): CalendarData | null {
  const zone = zoneData(cal.zone);
  if (zone === null || !Array.isArray(cal.weekly) || cal.weekly.length !== 7) return null;
  const weekly: (readonly number[])[] = [];
  for (const day of cal.weekly) {
    const intervals = flatIntervals(day);
    if (intervals === null) return null;
    weekly.push(intervals);
  }
  const closed = new Set<number>();
  const closedDates: unknown = cal.closed ?? [];
  if (!Array.isArray(closedDates)) return null;
  for (const date of closedDates) {
    const day = dayOfIsoDate(date);
    if (day === null) return null;
    closed.add(day);
  }
  const exceptions = new Map<number, readonly number[]>();
  const dated: unknown = cal.exceptions ?? {};
  if (typeof dated !== "object" || dated === null || Array.isArray(dated)) return null;
  for (const [date, hours] of Object.entries(dated)) {
    const day = dayOfIsoDate(date);
    const intervals = flatIntervals(hours);
    if (day === null || intervals === null) return null;
    exceptions.set(day, intervals);
  }
  return { zone, weekly, closed, exceptions };
}

/** Intervals as a sorted, merged flat list in ms, or null unless each is [start, end], integers 0 ≤ start ≤ end ≤ 1440. */
function flatIntervals(intervals: unknown): number[] | null {
  if (!Array.isArray(intervals)) return null;
  const pairs: [number, number][] = [];
  for (const interval of intervals) {
    if (!Array.isArray(interval) || interval.length !== 2) return null;
    const [start, end] = interval as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    const a = start as number;
    const b = end as number;
    if (a < 0 || b > 1440 || a > b) return null;
    if (a < b) pairs.push([a, b]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const flat: number[] = [];
  for (const [a, b] of pairs) {
    const last = flat.length - 1;
    if (last > 0 && a * 60000 <= flat[last]!) flat[last] = Math.max(flat[last]!, b * 60000);
    else flat.push(a * 60000, b * 60000);
  }
  return flat;
}

/** Days since 1970-01-01 of a valid "YYYY-MM-DD" (years 1000-9999), else null. */
function dayOfIsoDate(date: unknown): number | null {
  if (typeof date !== "string" || date.length !== 10 || date[4] !== "-" || date[7] !== "-") return null;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (date.charCodeAt(i) < 48 || date.charCodeAt(i) > 57) return null;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= length ? civilDays(year, month, day) : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** "YYYY-MM-DD" of a day number (H. Hinnant's civil_from_days), for years 0-9999. */
function isoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return padNumber(year, 4) + "-" + padNumber(month, 2) + "-" + padNumber(day, 2);
}

function padNumber(value: number, width: number): string {
  const text = String(value);
  return text.length >= width ? text : "0".repeat(width - text.length) + text;
}
