/**
 * Hand-checked calendar cases, each with the expected answer worked out in its comment. Shared by the
 * TypeScript test (edges.test.ts) and the Python test (python.test.ts), so both runtimes meet every edge.
 * Offsets used: Europe/Berlin CET +01:00 / CEST +02:00 (2026: forward 03-29 01:00Z, back 10-25 01:00Z);
 * America/New_York EST -05:00 / EDT -04:00 (2026: forward 03-08 07:00Z, back 11-01 06:00Z);
 * Australia/Lord_Howe +10:30 / +11:00 (2026: back 04-04 15:00Z = 04-05 02:00 → 01:30, forward
 * 10-03 15:30Z = 10-04 02:00 → 02:30).
 */
import type { Calendar, OpenInterval } from "../../runtime/prelude/calendar.ts";
import type { CalendarCall } from "./python.ts";

const H = (hh: number, mm = 0): number => hh * 60 + mm;
const iv = (a: number, b: number): OpenInterval => [a, b];

/** A calendar open `hours` on every weekday. */
export function daily(zone: string, hours: readonly OpenInterval[], extra: Partial<Calendar> = {}): Calendar {
  return { zone, weekly: Array.from({ length: 7 }, () => hours), closed: [], exceptions: {}, ...extra };
}

/** A calendar with hours per weekday, Monday first. */
export function weekly(zone: string, days: readonly (readonly OpenInterval[])[], extra: Partial<Calendar> = {}): Calendar {
  return { zone, weekly: days, closed: [], exceptions: {}, ...extra };
}

const weekdays = (hours: readonly OpenInterval[], sat: readonly OpenInterval[] = [], sun: readonly OpenInterval[] = []) => [
  hours, hours, hours, hours, hours, sat, sun,
];

/** The issue's `office`: Europe/Berlin mon-fri 09:00-17:30, sat 10:00-14:00, closed over Christmas. */
export const office = weekly("Europe/Berlin", weekdays([iv(H(9), H(17, 30))], [iv(H(10), H(14))]), {
  closed: ["2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01"],
});
/** The issue's `clinic`: America/New_York mon-sun 00:00-24:00. */
export const clinic = daily("America/New_York", [iv(0, 1440)]);

const berlin2to3 = daily("Europe/Berlin", [iv(H(2), H(3))]);
const berlin2to230 = daily("Europe/Berlin", [iv(H(2), H(2, 30))]);
const berlin130to230 = daily("Europe/Berlin", [iv(H(1, 30), H(2, 30))]);
const berlinSundays = weekly("Europe/Berlin", [[], [], [], [], [], [], [iv(0, 1440)]]);
const newYork1to3 = daily("America/New_York", [iv(H(1), H(3))]);
const lordHowe = daily("Australia/Lord_Howe", [iv(H(1, 45), H(2, 15))]);
const mondayNight = weekly("Europe/Berlin", [[iv(H(20), 1440)], [iv(0, H(2))], [], [], [], [], []]);
const utcWeekdays = weekly("UTC", weekdays([iv(H(9), H(17))]), { closed: ["2028-02-29"] });
const utcLeapException = weekly("UTC", weekdays([iv(H(9), H(17))]), { exceptions: { "2028-02-29": [iv(H(10), H(11))] } });
const never = weekly("Europe/Berlin", [[], [], [], [], [], [], []]);
const farException = weekly("UTC", [[], [], [], [], [], [], []], { exceptions: { "2034-06-01": [iv(H(12), H(13))] } });
const tooFarException = weekly("UTC", [[], [], [], [], [], [], []], { exceptions: { "2040-06-01": [iv(H(12), H(13))] } });
const kathmandu = weekly("Asia/Kathmandu", weekdays([iv(H(9), H(17))]));

export interface Case {
  readonly name: string;
  readonly call: CalendarCall;
  readonly expected: unknown;
}

const at = (iso: string): number => Date.parse(iso);
const c = (name: string, call: CalendarCall, expected: string | number | boolean | null): Case => ({
  name,
  call,
  expected: typeof expected === "string" && call[0] !== "localIso" ? at(expected) : expected,
});

export const cases: readonly Case[] = [
  // Berlin spring-forward, Sunday 2026-03-29: wall 02:00-03:00 does not exist.
  // 02:00-03:00 daily: nothing that day; from 01:00 CET (00:00Z) the next opening is Mon 02:00 CEST = 03-30 00:00Z.
  c("berlin gap: interval inside the gap never opens", ["nextOpening", berlin2to3, at("2026-03-29T00:00:00Z")], "2026-03-30T00:00:00Z"),
  c("berlin gap: 03:00 CEST is closed", ["isOpen", berlin2to3, at("2026-03-29T01:00:00Z")], false),
  // Sat 02:30 CET (01:30Z): 30 min to 03:00 CET (02:00Z), Sunday none, Mon 02:00 CEST (00:00Z) + 30 min.
  c("berlin gap: a deadline skips the empty day", ["addBusinessTime", berlin2to3, at("2026-03-28T01:30:00Z"), 3600], "2026-03-30T00:30:00Z"),
  // 01:30-02:30 that day is 01:30-02:00 CET = 00:30Z-01:00Z, and closes at 03:00 CEST (01:00Z).
  c("berlin gap: interval across the gap is 30 min", ["addBusinessTime", berlin130to230, at("2026-03-29T00:30:00Z"), 1800], "2026-03-29T01:00:00Z"),
  c("berlin gap: open just before the jump", ["isOpen", berlin130to230, at("2026-03-29T00:59:59.999Z")], true),
  c("berlin gap: closed right after the jump", ["isOpen", berlin130to230, at("2026-03-29T01:00:00Z")], false),
  c("berlin gap: the closing in local time", ["localIso", "Europe/Berlin", at("2026-03-29T01:00:00Z")], "2026-03-29T03:00:00.000+02:00"),
  // 1801 s: 30 min that day, then Mon 01:30 CEST = 03-29 23:30Z + 1 s.
  c("berlin gap: one second more is the next day", ["addBusinessTime", berlin130to230, at("2026-03-29T00:30:00Z"), 1801], "2026-03-29T23:30:01Z"),

  // Berlin fall-back, Sunday 2026-10-25: wall 02:00-03:00 occurs twice (00:00Z-01:00Z CEST, 01:00Z-02:00Z CET).
  // 02:00-03:00 is then open 00:00Z-02:00Z: two hours that end exactly at the closing.
  c("berlin overlap: both passes count", ["addBusinessTime", berlin2to3, at("2026-10-25T00:00:00Z"), 7200], "2026-10-25T02:00:00Z"),
  c("berlin overlap: 90 minutes", ["addBusinessTime", berlin2to3, at("2026-10-25T00:00:00Z"), 5400], "2026-10-25T01:30:00Z"),
  // 02:00-02:30 is open 00:00Z-00:30Z (CEST) and 01:00Z-01:30Z (CET).
  c("berlin overlap: closed between the passes", ["isOpen", berlin2to230, at("2026-10-25T00:45:00Z")], false),
  c("berlin overlap: reopens on the second pass", ["nextOpening", berlin2to230, at("2026-10-25T00:30:00Z")], "2026-10-25T01:00:00Z"),
  // 00:15Z: 15 min to 00:30Z, then 01:00Z + 15 min.
  c("berlin overlap: a deadline across both passes", ["addBusinessTime", berlin2to230, at("2026-10-25T00:15:00Z"), 1800], "2026-10-25T01:15:00Z"),
  c("berlin overlap: first pass local time", ["localIso", "Europe/Berlin", at("2026-10-25T00:15:00Z")], "2026-10-25T02:15:00.000+02:00"),
  c("berlin overlap: second pass local time", ["localIso", "Europe/Berlin", at("2026-10-25T01:15:00Z")], "2026-10-25T02:15:00.000+01:00"),
  // Sundays 00:00-24:00: 00:00 CEST (10-24 22:00Z) to 24:00 CET (10-25 23:00Z) is 25 hours.
  c("berlin overlap: the long Sunday is 25 hours", ["addBusinessTime", berlinSundays, at("2026-10-24T22:00:00Z"), 25 * 3600], "2026-10-25T23:00:00Z"),
  // ... and then the next opening is Sun 11-01 00:00 CET = 10-31 23:00Z.
  c("berlin overlap: next Sunday after the long one", ["nextOpening", berlinSundays, at("2026-10-25T23:00:00Z")], "2026-10-31T23:00:00Z"),

  // New York spring-forward, Sunday 2026-03-08: 01:00-03:00 is 01:00-02:00 EST = 06:00Z-07:00Z.
  c("new york gap: one hour, closing at 03:00 EDT", ["addBusinessTime", newYork1to3, at("2026-03-08T06:00:00Z"), 3600], "2026-03-08T07:00:00Z"),
  c("new york gap: closing in local time", ["localIso", "America/New_York", at("2026-03-08T07:00:00Z")], "2026-03-08T03:00:00.000-04:00"),
  // One second more: Mon 01:00 EDT = 03-09 05:00Z + 1 s.
  c("new york gap: one second more", ["addBusinessTime", newYork1to3, at("2026-03-08T06:00:00Z"), 3601], "2026-03-09T05:00:01Z"),
  // New York fall-back, Sunday 2026-11-01: 01:00 EDT (05:00Z) … 02:00 EDT = 01:00 EST (06:00Z) … 03:00 EST (08:00Z).
  c("new york overlap: three hours", ["addBusinessTime", newYork1to3, at("2026-11-01T05:00:00Z"), 3 * 3600], "2026-11-01T08:00:00Z"),
  c("new york overlap: open through the change", ["isOpen", newYork1to3, at("2026-11-01T06:00:00Z")], true),
  c("new york overlap: before the change", ["localIso", "America/New_York", at("2026-11-01T05:59:59.999Z")], "2026-11-01T01:59:59.999-04:00"),
  c("new york overlap: after the change", ["localIso", "America/New_York", at("2026-11-01T06:00:00Z")], "2026-11-01T01:00:00.000-05:00"),

  // Lord_Howe 2026-04-05: 01:45-02:15 is 01:45-02:00 +11 (14:45Z-15:00Z) and 01:45-02:15 +10:30 (15:15Z-15:45Z).
  c("lord howe overlap: 45 minutes in two passes", ["addBusinessTime", lordHowe, at("2026-04-04T14:45:00Z"), 45 * 60], "2026-04-04T15:45:00Z"),
  c("lord howe overlap: closed at the change (wall 01:30)", ["isOpen", lordHowe, at("2026-04-04T15:00:00Z")], false),
  c("lord howe overlap: reopens at wall 01:45 +10:30", ["nextOpening", lordHowe, at("2026-04-04T15:00:00Z")], "2026-04-04T15:15:00Z"),
  c("lord howe overlap: local time after the change", ["localIso", "Australia/Lord_Howe", at("2026-04-04T15:00:00Z")], "2026-04-05T01:30:00.000+10:30"),
  // Lord_Howe 2026-10-04: 01:45-02:00 +10:30 (10-03 15:15Z-15:30Z), then wall 02:30 +11: past 02:15.
  c("lord howe gap: 15 minutes, closing at the change", ["addBusinessTime", lordHowe, at("2026-10-03T15:15:00Z"), 900], "2026-10-03T15:30:00Z"),
  c("lord howe gap: closing in local time", ["localIso", "Australia/Lord_Howe", at("2026-10-03T15:30:00Z")], "2026-10-04T02:30:00.000+11:00"),
  // 16 minutes: the 16th is Mon 10-05 01:45 +11 = 10-04 14:45Z + 1 min.
  c("lord howe gap: a minute more is the next day", ["addBusinessTime", lordHowe, at("2026-10-03T15:15:00Z"), 960], "2026-10-04T14:46:00Z"),

  // 24:00: Mon 20:00-24:00 and Tue 00:00-02:00 run on. Mon 2026-12-07 20:00 CET = 19:00Z.
  c("24:00 runs on into 00:00: five hours", ["addBusinessTime", mondayNight, at("2026-12-07T19:00:00Z"), 5 * 3600], "2026-12-08T00:00:00Z"),
  c("24:00 runs on into 00:00: to the closing", ["addBusinessTime", mondayNight, at("2026-12-07T19:00:00Z"), 6 * 3600], "2026-12-08T01:00:00Z"),
  c("24:00 is the next midnight, open", ["isOpen", mondayNight, at("2026-12-07T23:00:00Z")], true),
  c("after Tue 02:00 the next opening is next Monday 20:00", ["nextOpening", mondayNight, at("2026-12-08T01:00:00Z")], "2026-12-14T19:00:00Z"),
  // mon-sun 00:00-24:00 is always open, through both New York changes: t + s exactly.
  c("always open at the spring change", ["isOpen", clinic, at("2026-03-08T07:00:00Z")], true),
  c("always open: t + s across spring-forward", ["addBusinessTime", clinic, at("2026-03-08T06:30:00Z"), 3600], "2026-03-08T07:30:00Z"),
  c("always open: t + s across fall-back", ["addBusinessTime", clinic, at("2026-11-01T05:30:00Z"), 7200], "2026-11-01T07:30:00Z"),
  c("always open: next opening is now", ["nextOpening", clinic, at("2026-11-01T06:00:00.123Z")], "2026-11-01T06:00:00.123Z"),
  c("always open: a week", ["addBusinessTime", clinic, at("2026-12-31T23:59:59.999Z"), 7 * 86400], "2027-01-07T23:59:59.999Z"),

  // Exactly at opening and closing: office, Fri 2026-12-04 09:00 CET = 08:00Z, 17:30 CET = 16:30Z.
  c("now at opening is open", ["isOpen", office, at("2026-12-04T08:00:00Z")], true),
  c("now at opening: next opening is now", ["nextOpening", office, at("2026-12-04T08:00:00Z")], "2026-12-04T08:00:00Z"),
  c("a millisecond before closing is open", ["isOpen", office, at("2026-12-04T16:29:59.999Z")], true),
  c("now at closing is closed", ["isOpen", office, at("2026-12-04T16:30:00Z")], false),
  c("now at closing: next opening is Sat 10:00", ["nextOpening", office, at("2026-12-04T16:30:00Z")], "2026-12-05T09:00:00Z"),
  c("zero business time at closing is the next opening", ["addBusinessTime", office, at("2026-12-04T16:30:00Z"), 0], "2026-12-05T09:00:00Z"),
  // Fri 13:30 CET + 4 h = 17:30 exactly: the closing, not Saturday's opening.
  c("a deadline ending at closing is the closing", ["addBusinessTime", office, at("2026-12-04T12:30:00Z"), 4 * 3600], "2026-12-04T16:30:00Z"),
  c("the closing in local time", ["localIso", "Europe/Berlin", at("2026-12-04T16:30:00Z")], "2026-12-04T17:30:00.000+01:00"),
  // Fri 19:36 CET, within 1d business (24 h): Sat 4 h (20 left), Mon 8.5 (11.5), Tue 8.5 (3), Wed 09:00 + 3 = 12:00 CET.
  c("Friday 19:36 within 1d business", ["addBusinessTime", office, at("2026-12-04T18:36:00Z"), 86400], "2026-12-09T11:00:00Z"),
  // Fri 19:36, 8.5 h: Sat 4 h, Mon 09:00 + 4.5 = 13:30 CET.
  c("Friday 19:36 within 8.5 business hours", ["addBusinessTime", office, at("2026-12-04T18:36:00Z"), 8.5 * 3600], "2026-12-07T12:30:00Z"),
  c("Friday 19:36 opens Saturday 10:00", ["nextOpening", office, at("2026-12-04T18:36:00Z")], "2026-12-05T09:00:00Z"),

  // Christmas: Wed 12-23 16:00 CET + 4 h: 1.5 h Wed; Thu-Sat closed (24-26), Sun none; Mon 28 09:00 + 2.5 = 11:30 CET.
  c("a deadline spanning the Christmas closed days", ["addBusinessTime", office, at("2026-12-23T15:00:00Z"), 4 * 3600], "2026-12-28T10:30:00Z"),
  c("closed on Christmas Eve, a Thursday", ["isOpen", office, at("2026-12-24T10:00:00Z")], false),
  // Thu 12-31 16:00 CET + 3 h: 1.5 h; Fri 01-01 closed; Sat 01-02 10:00 + 1.5 = 11:30 CET = 10:30Z.
  c("a deadline over New Year's Day", ["addBusinessTime", office, at("2026-12-31T15:00:00Z"), 3 * 3600], "2027-01-02T10:30:00Z"),

  // Leap day 2028-02-29 (a Tuesday), UTC mon-fri 09:00-17:00.
  // Closed: Mon 02-28 16:00 + 2 h: 1 h Mon, Tue closed, Wed 03-01 09:00 + 1 h.
  c("closed leap day", ["addBusinessTime", utcWeekdays, at("2028-02-28T16:00:00Z"), 7200], "2028-03-01T10:00:00Z"),
  c("closed leap day is closed", ["isOpen", utcWeekdays, at("2028-02-29T12:00:00Z")], false),
  // Exception 10:00-11:00 on the leap day: 1 h Mon, Tue 10:00 + 1 h = 11:00, the exception's closing.
  c("leap-day exception hours", ["addBusinessTime", utcLeapException, at("2028-02-28T16:00:00Z"), 7200], "2028-02-29T11:00:00Z"),
  c("leap-day exception replaces the weekday's hours", ["isOpen", utcLeapException, at("2028-02-29T09:30:00Z")], false),
  c("leap day local time", ["localIso", "Asia/Kathmandu", at("2028-02-29T18:14:59.999Z")], "2028-02-29T23:59:59.999+05:45"),
  c("leap day ends in Kathmandu", ["localIso", "Asia/Kathmandu", at("2028-02-29T18:15:00Z")], "2028-03-01T00:00:00.000+05:45"),
  // Kathmandu +05:45, weekdays 09:00-17:00: Tue 2028-02-29 17:00 local = 11:15Z closes; Wed 09:00 = 03:15Z.
  c("a quarter-hour zone", ["nextOpening", kathmandu, at("2028-02-29T11:15:00Z")], "2028-03-01T03:15:00Z"),
  c("a negative offset with seconds", ["localIso", "Africa/Monrovia", at("1971-06-01T00:00:00Z")], "1971-05-31T23:15:30.000-00:44:30"),

  // Bounds: never open, open only once far away, out of range, not a calendar.
  c("never open: no next opening", ["nextOpening", never, at("2026-12-04T08:00:00Z")], null),
  c("never open: no deadline", ["addBusinessTime", never, at("2026-12-04T08:00:00Z"), 60], null),
  c("never open: closed", ["isOpen", never, at("2026-12-04T08:00:00Z")], false),
  c("an exception 7.5 years away is found", ["nextOpening", farException, at("2026-12-04T08:00:00Z")], "2034-06-01T12:00:00Z"),
  c("an exception beyond the horizon is not", ["nextOpening", tooFarException, at("2026-12-04T08:00:00Z")], null),
  c("a deadline longer than the horizon", ["addBusinessTime", clinic, at("2026-12-04T08:00:00Z"), 2929 * 86400], null),
  c("NaN is not an instant", ["isOpen", office, NaN], null),
  c("a fraction of a millisecond is not an instant", ["nextOpening", office, 1.5], null),
  c("before 1970 is out of range", ["nextOpening", office, -1], null),
  c("after 9999-12-29 is out of range", ["localIso", "UTC", at("9999-12-30T00:00:00Z")], null),
  c("the last instant in range", ["localIso", "Pacific/Kiritimati", at("9999-12-29T23:59:59.999Z")], "9999-12-30T13:59:59.999+14:00"),
  c("a string is not an instant", ["isOpen", office, "2026-12-04T08:00:00Z"], null),
  c("fractional seconds are not a duration", ["addBusinessTime", office, at("2026-12-04T08:00:00Z"), 0.5], null),
  c("negative seconds are not a duration", ["addBusinessTime", office, at("2026-12-04T08:00:00Z"), -1], null),
  c("an unknown zone", ["localIso", "Mars/Olympus_Mons", 0], null),
  c("zone names match ignoring case, as Intl matches them", ["localIso", "europe/BERLIN", at("2026-12-04T16:30:00Z")], "2026-12-04T17:30:00.000+01:00"),
  c("an alias in the wrong case", ["localIso", "asia/kolkata", at("2026-12-04T16:30:00Z")], "2026-12-04T22:00:00.000+05:30"),
  c("an offset is not a zone", ["localIso", "+05:30", 0], null),
  c("the empty name is not a zone", ["localIso", "", 0], null),
  c("a calendar in an unknown zone", ["isOpen", daily("Mars/Olympus_Mons", [iv(0, 1440)]), 0], null),
  c("six weekdays is not a calendar", ["isOpen", { ...office, weekly: office.weekly.slice(1) }, 0], null),
  c("an interval past 24:00 is not a calendar", ["isOpen", daily("UTC", [iv(0, 1441)]), 0], null),
  c("an invalid closed date is not a calendar", ["isOpen", daily("UTC", [iv(0, 1440)], { closed: ["2027-02-29"] }), 0], null),
  c("null is not a calendar", ["isOpen", null as unknown as Calendar, 0], null),
  // Overlapping and touching intervals are merged: 09:00-12:00 ∪ 11:00-13:00 ∪ 13:00-14:00 = 09:00-14:00.
  c("overlapping intervals merge", ["addBusinessTime", daily("UTC", [iv(H(11), H(13)), iv(H(9), H(12)), iv(H(13), H(14))]), at("2026-12-04T09:00:00Z"), 5 * 3600], "2026-12-04T14:00:00Z"),
];
