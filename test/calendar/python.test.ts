// runtime/python/calendar.py ≡ runtime/prelude/calendar.ts: every hand-checked case (cases.ts) gives the
// expected answer in Python too, and on thousands of random calendars, instants and durations (one python3
// process, JSON lines in and out) all four functions give JSON-equal answers, including null; local time
// and openness also agree over 1970-9999 in zones with odd histories. Equality holds where Node's ICU tz
// data and the system's tzdata agree (2025c and 2025b here): a failure in the last test after a host
// upgrade may be a tz database difference, not a bug (the call shown says which zone and instant).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cases } from "./cases.ts";
import { scenario, seconds, ZONES } from "./arbitraries.ts";
import { runPython, runTs, type CalendarCall } from "./python.ts";

describe("calendar in Python", () => {
  it("meets every hand-checked edge", () => {
    const answers = runPython(cases.map((c) => c.call));
    const wrong = cases.filter((c, i) => JSON.stringify(answers[i]) !== JSON.stringify(c.expected));
    expect(wrong.map((c) => `${c.name}: ${JSON.stringify(answers[cases.indexOf(c)])}`)).toEqual([]);
  });

  it("agrees with TypeScript on random calendars, instants and durations", () => {
    const samples = fc.sample(fc.tuple(scenario, seconds, fc.integer({ min: -86400000, max: 86400000 })), { numRuns: 2500, seed: 12 });
    const calls: CalendarCall[] = [];
    for (const [{ cal, t }, s, d] of samples) {
      calls.push(["isOpen", cal, t + d], ["nextOpening", cal, t], ["addBusinessTime", cal, t, s], ["localIso", cal.zone, t + d]);
    }
    const junk: unknown[] = [null, "0", true, 1.5, -1, 1e300, 253402128000000, 253402127999999, [], {}];
    for (const [{ cal }] of samples.slice(0, 20)) {
      for (const x of junk) calls.push(["isOpen", cal, x], ["addBusinessTime", cal, 0, x], ["localIso", cal.zone, x]);
      calls.push(["isOpen", { ...cal, weekly: [...cal.weekly.slice(0, 6), [[600, 500]]] }, 0], ["isOpen", { ...cal, closed: "2026-01-01" } as never, 0]);
      calls.push(["isOpen", { ...cal, exceptions: { "2026-13-01": [] } }, 0], ["isOpen", { ...cal, zone: 7 } as never, 0], ["localIso", "", 0]);
    }
    const answers = runPython(calls);
    expect(answers.filter((a) => typeof a === "number").length).toBeGreaterThan(4000);
    const differ = calls.filter((call, i) => JSON.stringify(answers[i]) !== JSON.stringify(runTs(call)));
    expect(differ.slice(0, 3).map((call) => ({ call, ts: runTs(call), py: answers[calls.indexOf(call)] }))).toEqual([]);
    expect(calls.length).toBe(10_000 + 20 * 35);
  });

  it("agrees on local time and openness over 1970-9999 in zones with unusual histories", () => {
    const zones = [...ZONES, "Africa/Casablanca", "Europe/Dublin", "America/Santiago", "Asia/Tehran", "Africa/Monrovia", "Asia/Gaza", "America/Asuncion", "America/St_Johns"];
    const instant = fc.oneof(fc.integer({ min: 0, max: 253402127999999 }), fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) }));
    const samples = fc.sample(fc.tuple(fc.constantFrom(...zones), instant), { numRuns: 5000, seed: 7 });
    const calls: CalendarCall[] = samples.flatMap(([zone, t]): CalendarCall[] => [
      ["localIso", zone, t],
      ["isOpen", { zone, weekly: [[[0, 30]], [[90, 150]], [], [[1410, 1440]], [[0, 1440]], [[60, 180]], [[120, 150]]], closed: [], exceptions: {} }, t],
    ]);
    const answers = runPython(calls);
    const differ = calls.filter((call, i) => answers[i] !== runTs(call));
    expect(differ.slice(0, 3).map((call) => ({ call, ts: runTs(call), py: answers[calls.indexOf(call)] }))).toEqual([]);
  });
});
