/**
 * An independent reference for calendar tests: isOpen read straight off Intl's local date, weekday and time
 * for the instant (no offsets, no pieces, intervals as given), and the other functions by stepping one UTC
 * minute at a time, which is exact for zones whose offsets and changes fall on whole minutes (every zone
 * the tests use, in 2024-2031). Only for short searches: each step is one Intl call.
 */
import type { Calendar } from "../../runtime/prelude/calendar.ts";

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formats.set(zone, f);
  }
  return f;
}

/** Local date "YYYY-MM-DD", weekday (0 = Monday) and ms since local midnight of instant `ms` in `zone`. */
export function localParts(zone: string, ms: number): { date: string; weekday: number; time: number } {
  const parts: Record<string, string> = {};
  for (const p of format(zone).formatToParts(ms)) parts[p.type] = p.value;
  const time = ((Number(parts.hour) % 24) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000 + (((ms % 1000) + 1000) % 1000);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS.indexOf(parts.weekday!), time };
}

export function oracleIsOpen(cal: Calendar, ms: number): boolean {
  const { date, weekday, time } = localParts(cal.zone, ms);
  if (cal.closed.includes(date)) return false;
  const hours = Object.hasOwn(cal.exceptions, date) ? cal.exceptions[date]! : cal.weekly[weekday]!;
  return hours.some(([a, b]) => a * 60000 <= time && time < b * 60000);
}

/** addBusinessTime by minute steps, or undefined if it needs more than `steps` steps. */
export function oracleAdd(cal: Calendar, ms: number, seconds: number, steps: number): number | undefined {
  let t = ms;
  let remaining = seconds * 1000;
  for (let i = 0; i < steps; i++) {
    const minuteEnd = Math.floor(t / 60000) * 60000 + 60000;
    if (oracleIsOpen(cal, t)) {
      if (remaining <= minuteEnd - t) return t + remaining;
      remaining -= minuteEnd - t;
    }
    t = minuteEnd;
  }
  return undefined;
}

/** Open time in [from, to), by minute steps. */
export function oracleOpenTime(cal: Calendar, from: number, to: number): number {
  let total = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(Math.floor(t / 60000) * 60000 + 60000, to);
    if (oracleIsOpen(cal, t)) total += next - t;
    t = next;
  }
  return total;
}
