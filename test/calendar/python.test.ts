// runtime/python/calendar.py ≡ runtime/prelude/calendar.ts: every hand-checked case (cases.ts) gives the
// expected answer in Python too, and on thousands of random calendars, instants and durations (one python3
// process, JSON lines in and out) all four functions give JSON-equal answers, including null.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cases } from "./cases.ts";
import { scenario, seconds } from "./arbitraries.ts";
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
});
