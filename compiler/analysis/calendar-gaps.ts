/**
 * Closed stretches of a calendar, for the analyses of promises (`promise-outside-hours`,
 * `unstaffed-handoff`). Everything is computed with the runtime's own calendar arithmetic
 * (runtime/prelude/calendar.ts), so the analyses and the generated module cannot disagree on when an
 * owner is open.
 *
 * A closure is a maximal stretch [closes, opens) of closed instants; a handoff made at `closes` waits
 * opens − closes for anyone to be there, the longest wait a handoff at any instant of that stretch meets.
 * The window of instants examined is [from, from + WINDOW_DAYS days): closures whose closing is in it
 * (a stretch already closed at `from` is left out, unless it never ends).
 */
import { addBusinessTime, isOpen, localIso, nextOpening, type Calendar } from "../../runtime/prelude/calendar.ts";

/** How far ahead the analyses look: a year and a week, so every weekday, DST change and date of a year is seen. */
export const WINDOW_DAYS = 373;

const DAY_MS = 86400000;
/** An open stretch longer than this is taken as never closing (the runtime searches 8 years at most). */
const ALWAYS_OPEN_S = 400 * 86400;

export interface Closure {
  /** The first closed instant (epoch ms): a closing, or the window's start for a closure that never ends. */
  readonly closes: number;
  /** The next opening (epoch ms), or null when the calendar never opens again within the runtime's horizon. */
  readonly opens: number | null;
}

/**
 * Every closure that starts in the window from `from`, in time order (the last one may never end);
 * empty when the calendar is open throughout it, or the runtime cannot compute it (an unknown zone).
 */
export function closures(cal: Calendar, from: number): Closure[] {
  const to = from + WINDOW_DAYS * DAY_MS;
  const out: Closure[] = [];
  const add = (closes: number): boolean => {
    const opens = nextOpening(cal, closes);
    out.push({ closes, opens });
    return opens !== null;
  };
  const open = isOpen(cal, from);
  if (open === null) return out;
  // Closed at the window's start: that stretch began before the window, so only one that never ends counts.
  if (!open && nextOpening(cal, from) === null) return [{ closes: from, opens: null }];
  let t = from;
  while (t < to) {
    const opening = nextOpening(cal, t);
    if (opening === null) break;
    const closing = closingAfter(cal, opening);
    if (closing === null || closing >= to || !add(closing)) break;
    t = closing;
  }
  return out;
}

/** The length of a closure in ms (Infinity when it never ends). */
export function length(c: Closure): number {
  return c.opens === null ? Infinity : c.opens - c.closes;
}

/**
 * The first closed instant after the opening `opening`, or null when the calendar stays open for
 * ALWAYS_OPEN_S. Counting open time from an opening runs at the speed of time exactly until the closing
 * (a count that ends at a closing ends there), so the stretch's length is the largest s for which
 * addBusinessTime(opening, s) = opening + s: found by doubling, then bisection to the second, then to
 * the millisecond.
 */
function closingAfter(cal: Calendar, opening: number): number | null {
  const straight = (s: number) => addBusinessTime(cal, opening, s) === opening + s * 1000;
  let lo = 0;
  let hi = 3600;
  while (straight(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > ALWAYS_OPEN_S) return null;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (straight(mid)) lo = mid;
    else hi = mid;
  }
  // [opening, opening + lo s) is open and the closing comes within the next second: to the millisecond
  // by isOpen, which within one second changes once (an opening that is not on a whole second is not
  // rounded onto one, so the search always moves forward).
  let open = opening + lo * 1000;
  let closed = open + 1000;
  if (isOpen(cal, open) === false) return open;
  while (closed - open > 1) {
    const mid = Math.floor((open + closed) / 2);
    if (isOpen(cal, mid) === true) open = mid;
    else closed = mid;
  }
  return closed;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** An instant as a reader of the calendar sees it: `Fri 2026-12-04 17:30 (+01:00)`. */
export function readableLocal(zone: string, ms: number): string {
  const iso = localIso(zone, ms);
  if (iso === null) return new Date(ms).toISOString();
  const date = iso.slice(0, 10);
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  const seconds = iso.slice(17, 19) === "00" ? "" : iso.slice(16, 19);
  return `${weekday} ${date} ${iso.slice(11, 16)}${seconds} (${iso.slice(23)})`;
}

/** A length of time in words, to the minute: `2 days 15 h 30 min`. */
export function readableLength(ms: number): string {
  if (ms === Infinity) return "for good";
  const minutes = Math.round(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days > 0 ? `${days} day${days === 1 ? "" : "s"}` : "", hours > 0 ? `${hours} h` : "", rest > 0 ? `${rest} min` : ""];
  return parts.filter((p) => p !== "").join(" ") || "under a minute";
}
