// The analyses of promises and closed hours: `promise-outside-hours` and `unstaffed-handoff` on a
// contract with office hours, and the closures they rest on confirmed against the runtime by sampling.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closures } from "../../compiler/analysis/calendar-gaps.ts";
import { check } from "../../compiler/compile.ts";
import { isOpen, nextOpening } from "../../runtime/prelude/calendar.ts";
import { scenario } from "../calendar/arbitraries.ts";

const contract = (rules: string) => `contract "Promises"
calendars {
  office: "Europe/Berlin" mon-fri 09:00-17:30, sat 10:00-14:00
    closed ["2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01"]
  clinic: "America/New_York" mon-sun 00:00-24:00
}
signals {
  sentiment: number in -1..1
  topic: billing | other
}
owners {
  billing: "Billing team" hours office
  senior: "Senior support" hours office
  clinician: "On-call clinician" hours clinic
  callback: "Callback desk"
}
${rules}
`;
const findings = (source: string, now = "2026-12-03T10:00:00Z") =>
  check(source, { fileName: "p.handoff", now }).diagnostics.filter((d) => d.code === "promise-outside-hours" || d.code === "unstaffed-handoff");

describe("promise-outside-hours and unstaffed-handoff", () => {
  it("name the next closing longer than the promise, its reopening and the gap", () => {
    const [short, long] = findings(contract(`rule upset when sentiment < -0.5 then escalate to senior within 30m
rule patient when sentiment < -0.2 then route to billing within 3d
otherwise answer`));
    expect(short!.code).toBe("promise-outside-hours");
    expect(short!.message).toBe(
      "rule `upset` promises `senior` within 30m, but `senior` (hours `office`) is closed from Thu 2026-12-03 17:30 (+01:00) until Fri 2026-12-04 09:00 (+01:00), 15 h 30 min: a handoff then misses its deadline",
    );
    expect(short!.example).toMatchObject({ sentiment: expect.any(Number) });
    expect(short!.example!.sentiment as number).toBeLessThan(-0.5);
    // 3 days outlast every weekend (Sat 14:00 to Mon 09:00 is 1 day 19 h), not Christmas.
    expect(long!.message).toContain("from Wed 2026-12-23 17:30 (+01:00) until Mon 2026-12-28 09:00 (+01:00), 4 days 15 h 30 min");
  });

  it("say nothing of a promise the closures allow, in business time, to an owner open around the clock or without hours", () => {
    expect(findings(contract(`rule slow when sentiment < -0.5 then route to senior within 5d
rule open when topic is other then escalate to senior within 30 business minutes
rule night when topic is billing then escalate to clinician within 10m
otherwise route to callback`))).toEqual([]);
  });

  it("unstaffed-handoff: a handoff with no deadline to an owner whose hours close, `otherwise` included", () => {
    const found = findings(contract(`rule bill when topic is billing then route to billing
otherwise stop to senior say "A colleague will call you back."`));
    expect(found.map((d) => [d.code, d.severity, /^(rule `\w+`|`otherwise`)/.exec(d.message)![0]])).toEqual([
      ["unstaffed-handoff", "info", "rule `bill`"],
      ["unstaffed-handoff", "info", "`otherwise`"],
    ]);
  });

  it("look from the instant given: a closing before it no longer counts", () => {
    const rules = (within: string) => `rule upset when sentiment < -0.5 then escalate to senior within ${within}\notherwise answer`;
    // Christmas 2026 is behind, and no other closure lasts 3 days.
    expect(findings(contract(rules("3d")), "2026-12-29T00:00:00Z")).toEqual([]);
    // The next one longer than a day: New Year's Eve to Saturday's opening (1 January is closed).
    const [after] = findings(contract(rules("1d")), "2026-12-29T00:00:00Z");
    expect(after!.message).toContain("from Thu 2026-12-31 17:30 (+01:00) until Sat 2027-01-02 10:00 (+01:00), 1 day 16 h 30 min");
  });

  it("leave out a rule that fires only while the owner is open, and keep one that fires while it is closed", () => {
    const found = findings(contract(`rule open when sentiment < -0.5 and owner senior is open then escalate to senior within 30m
rule closed when sentiment < -0.5 and owner senior is closed then escalate to senior within 30m
otherwise answer`));
    expect(found.map((d) => d.message.slice(0, 13))).toEqual(["rule `closed`"]);
    expect(Object.keys(found[0]!.example!).sort()).toEqual(["sentiment", "topic"]);
  });

  it("skip rules that can never win", () => {
    const found = findings(contract(`rule first when sentiment < 0 then escalate to senior within 2h
rule hidden when sentiment < -0.5 then route to senior within 30m
otherwise answer`));
    expect(found.map((d) => d.message.slice(0, 12))).toEqual(["rule `first`"]);
  });
});

describe("closures", () => {
  it("are exactly the closed stretches: real closings, the next openings, nothing closed left out", () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }), ({ cal, t }, samples) => {
        const list = closures(cal, t);
        for (const [k, c] of list.entries()) {
          expect(isOpen(cal, c.closes)).toBe(false);
          expect(nextOpening(cal, c.closes)).toBe(c.opens);
          if (c.closes > t) expect(isOpen(cal, c.closes - 1000)).toBe(true);
          if (k > 0) expect(c.closes).toBeGreaterThan(list[k - 1]!.opens!);
        }
        // Every closed instant between the first opening and the last closing lies in a listed closure.
        const start = nextOpening(cal, t);
        const last = list.at(-1);
        if (start === null || !last || last.closes <= start) return;
        for (const x of samples) {
          const u = Math.floor(start + x * (last.closes - start));
          if (isOpen(cal, u) === false) expect(list.some((c) => c.closes <= u && (c.opens === null || u < c.opens))).toBe(true);
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});
