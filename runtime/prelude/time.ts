/**
 * Time: epoch milliseconds from the context's `now` (an ISO-8601 parser written by hand) and the
 * ISO-8601 UTC deadline of a decision, both inside the range a Date can hold.
 */

/** The largest |epoch milliseconds| a Date can hold (±100,000,000 days). */
const MAX_EPOCH_MS = 8.64e15;

/** ISO-8601 UTC of now + withinSeconds, or null outside the Date range. */
export function deadlineAfter(nowMs: number | null, withinSeconds: number): string | null {
  const at = (nowMs === null ? Date.now() : nowMs) + withinSeconds * 1000;
  return at >= -MAX_EPOCH_MS && at <= MAX_EPOCH_MS ? isoUtc(at) : null;
}

/**
 * Exactly `new Date(ms).toISOString()` for ms inside the Date range, computed with integer arithmetic
 * for years 0000-9999 (toISOString costs about a microsecond on some engines; this is the hot path
 * of every decision with a deadline), and by toISOString itself for the expanded years outside.
 */
export function isoUtc(ms: number): string {
  const t = Math.trunc(ms); // the Date constructor's TimeClip truncates toward zero
  const days = Math.floor(t / 86400000);
  const z = days + 719468; // days since 0000-03-01 (H. Hinnant's civil_from_days)
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
  if (year < 0 || year > 9999) return new Date(t).toISOString();
  let rest = t - days * 86400000;
  const hour = Math.floor(rest / 3600000);
  rest -= hour * 3600000;
  const minute = Math.floor(rest / 60000);
  rest -= minute * 60000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return (
    (year < 10 ? "000" : year < 100 ? "00" : year < 1000 ? "0" : "") +
    year +
    (month < 10 ? "-0" : "-") +
    month +
    (day < 10 ? "-0" : "-") +
    day +
    (hour < 10 ? "T0" : "T") +
    hour +
    (minute < 10 ? ":0" : ":") +
    minute +
    (second < 10 ? ":0" : ":") +
    second +
    (milli < 10 ? ".00" : milli < 100 ? ".0" : ".") +
    milli +
    "Z"
  );
}

/** `now` as epoch milliseconds inside the Date range, or null (then the clock is used). */
export function epochMsOf(now: unknown): number | null {
  if (typeof now === "number") return now >= -MAX_EPOCH_MS && now <= MAX_EPOCH_MS ? now : null;
  if (typeof now === "string") return parseIsoInstant(now);
  return null;
}

/**
 * Epoch milliseconds of an ISO-8601 instant `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by a zone, `Z`
 * or `±HH:MM` (required), or null. `T` and `Z` may be lower case; the fraction has 1-9 digits and is
 * cut to milliseconds; no leap seconds, no 24:00. Parsed by hand at fixed positions (no regex, no
 * allocation), not with `Date.parse`, whose accepted formats differ between engines.
 */
function parseIsoInstant(text: string): number | null {
  const length = text.length;
  if (length < 17 || length > 45) return null;
  // "-" = 45, ":" = 58, "." = 46, "+" = 43, "t"/"T" | 32 = 116, "z"/"Z" | 32 = 122.
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    (text.charCodeAt(10) | 32) !== 116 ||
    text.charCodeAt(13) !== 58
  ) {
    return null;
  }
  const century = twoDigitsAt(text, 0);
  const yearInCentury = twoDigitsAt(text, 2);
  const year = century < 0 || yearInCentury < 0 ? -1 : century * 100 + yearInCentury;
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  let second = 0;
  let millis = 0;
  let at = 16;
  if (text.charCodeAt(at) === 58) {
    second = twoDigitsAt(text, at + 1);
    at += 3;
    if (text.charCodeAt(at) === 46) {
      let end = at + 1;
      while (end < length && digitsAt(text, end, 1) >= 0) end++;
      const count = end - at - 1;
      if (count < 1 || count > 9) return null;
      millis = digitsAt(text, at + 1, count < 3 ? count : 3) * (count === 1 ? 100 : count === 2 ? 10 : 1);
      at = end;
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if ((zone | 32) === 122) {
    if (at + 1 !== length) return null;
  } else if (zone === 43 || zone === 45) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return null;
    const zoneHours = twoDigitsAt(text, at + 1);
    const zoneMinutes = twoDigitsAt(text, at + 4);
    if (zoneHours < 0 || zoneHours > 23 || zoneMinutes < 0 || zoneMinutes > 59) return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  } else {
    return null;
  }
  return (
    daysFromCivil(year, month, day) * 86400000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
  );
}

/** The two ASCII digits at `start` as a number, or -1 if either is not a digit (or missing). */
function twoDigitsAt(text: string, start: number): number {
  const tens = text.charCodeAt(start) - 48; // NaN past the end
  const ones = text.charCodeAt(start + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** The decimal number of the `count` ASCII digits at `start`, or -1 if any is not a digit (or missing). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48; // NaN past the end
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
