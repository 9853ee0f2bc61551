/**
 * The `calendars` block and owners' `hours`: business hours in an IANA time zone.
 *
 * Reports `unknown-time-zone` (a zone Intl does not know, a fixed offset, or a spelling other than
 * tzdata's, with did-you-mean), `bad-hours` (a time that is not HH:MM of a day, an interval that is
 * empty or runs backwards), `overlapping-hours` (two intervals of one day that overlap: hours add up,
 * so a later entry cannot shorten a day), `bad-date` (not a real YYYY-MM-DD date), `implausible-date`
 * (a year outside 2000–2099), `never-open` (no weekly hours), `duplicate-declaration` (a calendar name
 * or a date written twice), and `unknown-calendar` for an owner's `hours` (with did-you-mean).
 *
 * The semantics of the resulting calendar (half-open intervals, 24:00, DST gaps and overlaps, closed
 * dates over dated hours) are the runtime's: runtime/prelude/calendar.ts.
 */
import type { CalendarDecl, CalendarsBlock, Days, OwnerDecl, StringLiteral, TimeRange } from "../../grammar/ast.ts";
import type { CalendarModel, OpenInterval } from "../model.ts";
import { code, type Context } from "./context.ts";
import { checkReserved } from "./reserved.ts";
import { listNames, replaceWith, suggest, suggestion } from "./suggest.ts";

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const weekdayNames = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"] as const;

/**
 * The calendars by name, each checked: null when there is no `calendars` block, and null for a
 * calendar with errors (already reported, so owners naming it are not reported again).
 */
export function checkCalendars(ctx: Context, blocks: readonly CalendarsBlock[]): Map<string, CalendarModel | null> | null {
  if (blocks.length === 0) return null;
  const calendars = new Map<string, CalendarModel | null>();
  blocks.forEach((block, index) => {
    const declared = new Set<string>();
    for (const decl of block.calendars ?? []) {
      const name = decl.name.text;
      if (declared.has(name)) {
        ctx.report("duplicate-declaration", decl.name.span, `calendar ${code(name)} is declared twice in \`calendars\``, "remove or rename one of them; the first one counts");
        continue;
      }
      declared.add(name);
      checkReserved(ctx, decl.name, "calendar");
      const model = checkCalendar(ctx, decl);
      if (index === 0 || !calendars.has(name)) calendars.set(name, model);
    }
  });
  return calendars;
}

/** An owner's `hours NAME`: the calendar's name, or undefined when there is none or it is unknown (reported). */
export function resolveHours(ctx: Context, calendars: ReadonlyMap<string, CalendarModel | null> | null, owner: OwnerDecl): string | undefined {
  const hours = owner.hours;
  if (!hours) return undefined;
  if (calendars?.has(hours.text)) return calendars.get(hours.text) ? hours.text : undefined;
  const names = calendars ? [...calendars.keys()] : [];
  const close = suggestion(hours.text, names, hours.span);
  ctx.report(
    "unknown-calendar",
    hours.span,
    `unknown calendar ${code(hours.text)}`,
    close?.hint ??
      (calendars === null
        ? `declare it in \`calendars { ${hours.text}: "Europe/Berlin" mon-fri 09:00-17:30 }\``
        : names.length > 0
          ? `the calendars are ${listNames(names)}`
          : "declare it in `calendars { … }`"),
    close?.fixes,
  );
  return undefined;
}

function checkCalendar(ctx: Context, decl: CalendarDecl): CalendarModel | null {
  let ok = checkZone(ctx, decl.zone);
  const weekly: [number, number, TimeRange, string][][] = weekdays.map(() => []);
  for (const entry of decl.week) {
    for (const interval of entry.intervals) {
      if (!checkInterval(ctx, interval)) {
        ok = false;
        continue;
      }
      for (const day of daysOf(entry.days)) weekly[day]!.push([interval.start, interval.end, interval, entry.days.raw]);
    }
  }
  weekly.forEach((intervals, day) => {
    if (!checkOverlaps(ctx, intervals, weekdayNames[day]!)) ok = false;
  });

  const dates = new Set<string>();
  const closed: string[] = [];
  for (const date of decl.closed) {
    const value = checkDate(ctx, date, dates);
    if (value === null) ok = false;
    else if (value !== undefined) closed.push(value);
  }
  const exceptions: Record<string, OpenInterval[]> = {};
  for (const dated of decl.dated) {
    const value = checkDate(ctx, dated.date, dates);
    if (value === null) ok = false;
    const intervals: [number, number, TimeRange, string][] = [];
    for (const interval of dated.intervals) {
      if (checkInterval(ctx, interval)) intervals.push([interval.start, interval.end, interval, dated.date.value]);
      else ok = false;
    }
    if (!checkOverlaps(ctx, intervals, code(dated.date.value))) ok = false;
    if (typeof value === "string") exceptions[value] = sorted(intervals);
  }

  if (decl.week.length === 0) {
    const last = Object.keys(exceptions).sort().pop();
    ctx.report(
      "never-open",
      decl.name.span,
      last === undefined
        ? `calendar ${code(decl.name.text)} is never open: it has no weekly hours`
        : `calendar ${code(decl.name.text)} has no weekly hours, so it is never open after ${code(last)}`,
      `give it weekly hours after its time zone, e.g. \`${decl.name.text}: ${decl.zone.value ? JSON.stringify(decl.zone.value) : '"Europe/Berlin"'} mon-fri 09:00-17:30\``,
    );
    ok = false;
  }
  if (!ok) return null;
  return {
    name: decl.name.text,
    zone: decl.zone.value,
    weekly: weekly.map(sorted),
    closed: closed.sort(),
    exceptions,
    span: decl.span,
  };
}

function sorted(intervals: readonly (readonly [number, number, ...unknown[]])[]): OpenInterval[] {
  return intervals.map(([s, e]) => [s, e] as const).sort((a, b) => a[0] - b[0]);
}

/** The weekday indexes (Monday 0) of `mon-fri`, wrapping past Sunday for `fri-mon`. */
export function daysOf(days: Days): number[] {
  const from = weekdays.indexOf(days.from);
  const to = weekdays.indexOf(days.to);
  const out: number[] = [];
  for (let d = from; ; d = (d + 1) % 7) {
    out.push(d);
    if (d === to || out.length === 7) return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Time zones

let knownZones: readonly string[] | null = null;

function zones(): readonly string[] {
  knownZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return knownZones;
}

/** The zone as Intl resolves it, or null when Intl does not know it. */
function resolveZone(zone: string): string | null {
  // Offsets ("+01:00") are not zones: Python's zoneinfo refuses them, and they know no DST.
  if (!/^[A-Za-z]/.test(zone) || /[\s:]/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function checkZone(ctx: Context, zone: StringLiteral): boolean {
  const written = zone.value;
  const resolved = resolveZone(written);
  if (resolved !== null && resolved.toLowerCase() !== written.toLowerCase()) return true; // an alias tzdata keeps (`Asia/Calcutta`)
  if (resolved === written) return true;
  if (resolved !== null) {
    ctx.report("unknown-time-zone", zone.span, `time zone ${code(written)} is spelt ${code(resolved)} in the time zone database`, `write ${code(JSON.stringify(resolved))}`, [
      replaceWith(zone.span, resolved, true),
    ]);
    return false;
  }
  const all = zones();
  const last = written.split("/").pop()!.toLowerCase().replace(/ /g, "_");
  const byCity = all.find((z) => z.split("/").pop()!.toLowerCase() === last);
  const close = byCity ?? suggest(written, all);
  ctx.report(
    "unknown-time-zone",
    zone.span,
    written.trim() === "" ? "the time zone is empty" : `unknown time zone ${code(written)}`,
    close !== undefined ? `did you mean ${code(close)}?` : 'write an IANA time zone name, such as `"Europe/Berlin"` or `"America/New_York"`',
    close !== undefined ? [replaceWith(zone.span, close, true)] : undefined,
  );
  return false;
}

// ---------------------------------------------------------------------------------------------
// Hours and dates

function showTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** True when the interval names two times of day, the first before the second. */
function checkInterval(ctx: Context, interval: TimeRange): boolean {
  const [startText = "", endText = ""] = interval.raw.split("-");
  const bad = [startText, endText].find((t, i) => {
    const [h = "", m = ""] = t.split(":");
    const hours = Number(h);
    const minutes = Number(m);
    return h.length !== 2 || minutes > 59 || hours > 24 || (hours === 24 && (minutes !== 0 || i === 0));
  });
  if (bad !== undefined) {
    const [h = "", m = ""] = bad.split(":");
    const canonical = h.length === 1 ? `0${bad}` : undefined;
    ctx.report(
      "bad-hours",
      interval.span,
      canonical !== undefined
        ? `${code(bad)} is written with two-digit hours: ${code(canonical)}`
        : Number(h) === 24 && Number(m) === 0
          ? `${code(interval.raw)} opens at 24:00, which ends a day and starts none`
          : `${code(bad)} is not a time of day`,
      "hours are `HH:MM-HH:MM` from 00:00 to 24:00, e.g. `09:00-17:30`; `24:00` may only end an interval",
      canonical !== undefined ? [replaceWith(interval.span, interval.raw.split("-").map((t) => (t.length === 4 ? `0${t}` : t)).join("-"))] : undefined,
    );
    return false;
  }
  if (interval.start >= interval.end) {
    ctx.report(
      "bad-hours",
      interval.span,
      interval.start === interval.end ? `${code(interval.raw)} is empty: it closes as it opens` : `${code(interval.raw)} closes before it opens`,
      `hours that run past midnight are written as two intervals, e.g. \`fri 22:00-24:00, sat 00:00-${showTime(Math.min(interval.end, 1439))}\``,
    );
    return false;
  }
  return true;
}

/** Reports each interval that overlaps an earlier one of the same day; false when any does. */
function checkOverlaps(ctx: Context, intervals: readonly [number, number, TimeRange, string][], day: string): boolean {
  let ok = true;
  intervals.forEach(([start, end, range, days], i) => {
    const earlier = intervals.slice(0, i).find(([s, e]) => s < end && start < e);
    if (!earlier || intervals.slice(0, i).some(([, , r]) => r === range)) return;
    ok = false;
    const [, , earlierRange, earlierDays] = earlier;
    ctx.report(
      "overlapping-hours",
      range.span,
      `${code(range.raw)} overlaps ${code(`${earlierDays === days ? "" : `${earlierDays} `}${earlierRange.raw}`)} on ${day}`,
      "a day's hours add up, so an entry cannot shorten them: give the day its own entry (`mon-thu 09:00-17:00, fri 09:00-15:00`), or merge the intervals",
    );
  });
  return ok;
}

/** The date's value when it is a real date not listed before; null when it is malformed (reported), undefined when a repeat (reported). */
function checkDate(ctx: Context, date: StringLiteral, seen: Set<string>): string | null | undefined {
  const value = date.value;
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const real = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (!real) {
    ctx.report(
      "bad-date",
      date.span,
      m === null ? `${code(value)} is not a date written \`YYYY-MM-DD\`` : `${code(value)} is not a date: ${monthNames[month - 1] ? `${monthNames[month - 1]} ${year} has ${daysInMonth(year, month)} days` : "there are 12 months"}`,
      'write dates as `"YYYY-MM-DD"`, e.g. `"2026-12-24"`',
    );
    return null;
  }
  if (year < 2000 || year > 2099) {
    ctx.report("implausible-date", date.span, `${code(value)} is in the year ${year}`, "check the year: calendar dates are expected between 2000 and 2099");
  }
  if (seen.has(value)) {
    ctx.report("duplicate-declaration", date.span, `the date ${code(value)} is listed twice in this calendar`, "a date is either closed or has its own hours, once; remove one of them");
    return undefined;
  }
  seen.add(value);
  return value;
}

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

