/** fast-check arbitraries for calendars, instants near offset changes, and durations (calendar tests). */
import fc from "fast-check";
import type { Calendar, OpenInterval } from "../../runtime/prelude/calendar.ts";
import { localParts } from "./oracle.ts";

export const ZONES = [
  "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC",
  "America/Sao_Paulo", "Asia/Tokyo", "Pacific/Apia",
] as const;

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2031, 0, 1);

/** Offset changes of `zone` in 2024-2030, to the minute (daily scan, then bisection), found with Intl only. */
function changes(zone: string): number[] {
  const offset = (ms: number) => {
    const { date, time } = localParts(zone, ms);
    return Date.parse(`${date}T00:00:00Z`) + time - ms;
  };
  const found: number[] = [];
  for (let day = FROM; day < TO; day += 86400000) {
    let low = day;
    let high = day + 86400000;
    const before = offset(low);
    if (offset(high) === before) continue;
    while (high - low > 60000) {
      const middle = low + Math.floor((high - low) / 120000) * 60000;
      if (offset(middle) === before) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

const changeCache = new Map<string, number[]>();
export const changesOf = (zone: string): number[] => {
  let c = changeCache.get(zone);
  if (c === undefined) changeCache.set(zone, (c = changes(zone)));
  return c;
};

/** Minutes of the day that meet offset changes and 24:00 often, or any minute. */
const minute = fc.oneof(
  fc.constantFrom(0, 60, 90, 105, 120, 135, 150, 165, 180, 240, 1380, 1410, 1440),
  fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1440 }),
);
const interval: fc.Arbitrary<OpenInterval> = fc.tuple(minute, minute).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a, b] : [b, a]));
/** Disjoint intervals (the checker guarantees that), sorted or not. */
const dayHours: fc.Arbitrary<OpenInterval[]> = fc.array(interval, { maxLength: 3 }).map((list) => {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: OpenInterval[] = [];
  for (const [a, b] of sorted) if (out.length === 0 || a >= out[out.length - 1]![1]) out.push([a, b]);
  return out;
});

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An instant in 2024-2030: uniform, or within a day of one of `zone`'s offset changes; ms or minute precision. */
export function instant(zone: string): fc.Arbitrary<number> {
  const list = changesOf(zone);
  const uniform = fc.integer({ min: FROM, max: TO - 1 });
  const near = list.length === 0 ? uniform : fc.tuple(fc.constantFrom(...list), fc.integer({ min: -86400000, max: 86400000 })).map(([c, d]) => c + d);
  return fc.tuple(fc.oneof(uniform, near, near), fc.boolean()).map(([t, exact]) => (exact ? t : Math.floor(t / 60000) * 60000));
}

/** A calendar in a random zone, with closed dates and exceptions near `around`. */
export function calendarNear(zone: string, around: number): fc.Arbitrary<Calendar> {
  const date = fc.integer({ min: -3, max: 10 }).map((d) => isoDay(around + d * 86400000));
  return fc.record({
    zone: fc.constant(zone),
    weekly: fc.array(fc.oneof(dayHours, fc.constant([[0, 1440]] as OpenInterval[])), { minLength: 7, maxLength: 7 }),
    closed: fc.uniqueArray(date, { maxLength: 3 }),
    exceptions: fc.dictionary(date, dayHours, { maxKeys: 2 }),
  });
}

/** A zone, an instant, a calendar near it. */
export const scenario: fc.Arbitrary<{ cal: Calendar; t: number }> = fc
  .constantFrom(...ZONES)
  .chain((zone) => instant(zone).chain((t) => calendarNear(zone, t).map((cal) => ({ cal, t }))));

/** Seconds: zero, short, or up to a few days. */
export const seconds = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 7200 }), fc.integer({ min: 0, max: 5 * 86400 }));
