// Properties of runtime/prelude/calendar.ts on random calendars (zones with 30- and 45-minute offsets and
// shifts among them), instants across 2024-2030 biased to offset changes, and random durations: it agrees
// with a minute-stepping oracle built on Intl alone (oracle.ts) and with its own algebra.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessTime, isOpen, localIso, nextOpening } from "../../runtime/prelude/calendar.ts";
import { scenario, seconds, ZONES, instant } from "./arbitraries.ts";
import { localParts, oracleAdd, oracleIsOpen, oracleOpenTime } from "./oracle.ts";

const STEPS = 3 * 1440; // the oracle's budget: three days of minutes

describe("calendar properties", () => {
  it("isOpen agrees with the oracle", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -7200000, max: 7200000 }), ({ cal, t }, d) => {
        expect(isOpen(cal, t + d)).toBe(oracleIsOpen(cal, t + d));
      }),
      { numRuns: 2000 },
    );
  });

  it("nextOpening and addBusinessTime agree with the oracle on short searches", () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 * 3600 })), ({ cal, t }, s) => {
        const expected = oracleAdd(cal, t, s, STEPS);
        if (expected === undefined) return;
        checked++;
        expect(addBusinessTime(cal, t, s)).toBe(expected);
        if (s === 0) expect(nextOpening(cal, t)).toBe(expected);
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(150);
  });

  it("the open time from t to the deadline is the duration, and the last millisecond before it is open", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 6 * 3600 }), ({ cal, t }, s) => {
        const deadline = addBusinessTime(cal, t, s);
        if (deadline === null || deadline - t > STEPS * 60000) return;
        expect(oracleOpenTime(cal, t, deadline)).toBe(s * 1000);
        expect(oracleIsOpen(cal, deadline - 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("addBusinessTime(t, 0) is nextOpening(t), which is t exactly when open, and open", () => {
    fc.assert(
      fc.property(scenario, ({ cal, t }) => {
        const next = nextOpening(cal, t);
        expect(addBusinessTime(cal, t, 0)).toBe(next);
        expect(next === t).toBe(isOpen(cal, t));
        if (next !== null) {
          expect(next).toBeGreaterThanOrEqual(t);
          expect(isOpen(cal, next)).toBe(true);
          if (next > t) expect(isOpen(cal, next - 1)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is additive: adding s1 then s2 (> 0) is adding s1 + s2", () => {
    fc.assert(
      fc.property(scenario, seconds, fc.integer({ min: 1, max: 3 * 86400 }), ({ cal, t }, s1, s2) => {
        const first = addBusinessTime(cal, t, s1);
        const whole = addBusinessTime(cal, t, s1 + s2);
        if (first === null || whole === null) return;
        expect(addBusinessTime(cal, first, s2)).toBe(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it("is monotone in the duration and in the start", () => {
    fc.assert(
      fc.property(scenario, seconds, seconds, fc.integer({ min: 0, max: 3 * 86400000 }), ({ cal, t }, a, b, d) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const x = addBusinessTime(cal, t, s1);
        const y = addBusinessTime(cal, t, s2);
        if (x !== null && y !== null) expect(x).toBeLessThanOrEqual(y);
        const later = addBusinessTime(cal, t + d, s1);
        if (x !== null && later !== null) expect(x).toBeLessThanOrEqual(later);
        if (x !== null && y !== null) expect(y - x).toBeGreaterThanOrEqual((s2 - s1) * 1000);
      }),
      { numRuns: 1000 },
    );
  });

  it("localIso is the instant, with Intl's local date and time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES).chain((zone) => instant(zone).map((t) => ({ zone, t }))), ({ zone, t }) => {
        const text = localIso(zone, t)!;
        expect(Date.parse(text)).toBe(t);
        const { date, time } = localParts(zone, t);
        const clock = new Date(time).toISOString().slice(11, 23);
        expect(text.slice(0, 23)).toBe(`${date}T${clock}`);
        expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
      }),
      { numRuns: 2000 },
    );
  });
});
