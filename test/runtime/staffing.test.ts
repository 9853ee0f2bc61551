// What a decision says about its owner's business hours (runtime/prelude/staffing.ts), on the support-hours
// example at the instants the promise depends on: the interpreter and the generated module alike.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import type { Decision } from "../../runtime/prelude/index.ts";
import { loadGenerated } from "../support/load-module.ts";

const model = check(readFileSync(new URL("../../examples/support-hours.handoff", import.meta.url), "utf8")).model!;
const module = await loadGenerated(await generate(model));
const angry = { sentiment: -0.9, repeatContact: true, topic: "technical", tier: "pro" };

function decideAt(input: unknown, now: unknown): Decision {
  const expected = interpret(model, input, { now });
  expect(module.decide(input, { now })).toStrictEqual(expected);
  return expected;
}

const staffing = (d: Decision) => ({
  deadline: d.deadline,
  deadlineLocal: d.deadlineLocal,
  businessTime: d.businessTime,
  ownerOpen: d.ownerOpen,
  ownerOpensAt: d.ownerOpensAt,
});

describe("business-time deadlines of the office (Berlin, mon-fri 09:00-17:30, sat 10:00-14:00)", () => {
  it("Friday 19:36, closed: counted from Saturday's opening", () => {
    expect(staffing(decideAt(angry, "2026-12-04T19:36:00+01:00"))).toEqual({
      deadline: "2026-12-05T11:00:00.000Z",
      deadlineLocal: "2026-12-05T12:00:00.000+01:00",
      businessTime: true,
      ownerOpen: false,
      ownerOpensAt: "2026-12-05T10:00:00.000+01:00",
    });
  });

  it("a count that ends at a closing ends there, not at the next opening", () => {
    expect(decideAt(angry, "2026-12-04T15:30:00+01:00").deadlineLocal).toBe("2026-12-04T17:30:00.000+01:00");
  });

  it("exactly at an opening is open; exactly at a closing is closed", () => {
    expect(staffing(decideAt(angry, "2026-12-07T09:00:00+01:00"))).toMatchObject({ ownerOpen: true, ownerOpensAt: null, deadlineLocal: "2026-12-07T11:00:00.000+01:00" });
    expect(staffing(decideAt(angry, "2026-12-07T17:30:00+01:00"))).toMatchObject({ ownerOpen: false, ownerOpensAt: "2026-12-08T09:00:00.000+01:00", deadlineLocal: "2026-12-08T11:00:00.000+01:00" });
  });

  it("spans the closed Christmas days and a Sunday, and counts New Year's Eve's own hours", () => {
    expect(decideAt(angry, "2026-12-23T17:00:00+01:00").deadlineLocal).toBe("2026-12-28T10:30:00.000+01:00");
    expect(decideAt(angry, "2026-12-31T11:00:00+01:00").deadlineLocal).toBe("2027-01-02T11:00:00.000+01:00");
  });

  it("across the spring-forward change the local time gains the new offset", () => {
    // Friday 2026-03-27 16:30 CET: one hour that day, one on Saturday 28th (CET); the deadline is Saturday 11:00.
    expect(decideAt(angry, "2026-03-27T16:30:00+01:00").deadlineLocal).toBe("2026-03-28T11:00:00.000+01:00");
    // Friday 2026-04-03 16:30 CEST.
    expect(decideAt(angry, "2026-04-03T16:30:00+02:00").deadlineLocal).toBe("2026-04-04T11:00:00.000+02:00");
  });

  it("the brief carries the same staffing", () => {
    const d = decideAt(angry, "2026-12-04T19:36:00+01:00");
    expect(staffing(d.brief as unknown as Decision)).toEqual(staffing(d));
  });

  it("`on invalid` counts business time too", () => {
    expect(staffing(decideAt({}, "2026-12-05T19:36:00+01:00"))).toMatchObject({ businessTime: true, ownerOpen: false, deadlineLocal: "2026-12-07T09:30:00.000+01:00" });
  });
});

describe("other owners and actions", () => {
  it("a wall-clock deadline to an owner without hours: always open, local time in UTC", () => {
    const d = decideAt({ ...angry, sentiment: 0.5, repeatContact: false, topic: "other", asksForHuman: true }, "2026-12-05T19:36:00+01:00");
    expect(staffing(d)).toEqual({ deadline: "2026-12-05T22:36:00.000Z", deadlineLocal: "2026-12-05T22:36:00.000+00:00", businessTime: false, ownerOpen: true, ownerOpensAt: null });
  });

  it("a wall-clock deadline to a 24/7 calendar: local time in its zone", () => {
    const d = decideAt({ ...angry, topic: "medical" }, "2026-12-05T19:36:00+01:00");
    expect(staffing(d)).toEqual({ deadline: "2026-12-05T19:36:00.000Z", deadlineLocal: "2026-12-05T14:36:00.000-05:00", businessTime: false, ownerOpen: true, ownerOpensAt: null });
  });

  it("an answer has no owner: no deadline, and ownerOpen is null", () => {
    const d = decideAt({ ...angry, sentiment: 0.5, repeatContact: false }, "2026-12-05T19:36:00+01:00");
    expect(d.action).toBe("answer");
    expect(staffing(d)).toEqual({ deadline: null, deadlineLocal: null, businessTime: false, ownerOpen: null, ownerOpensAt: null });
  });

  it("a `now` before 1970 gives no business deadline and no open state", () => {
    expect(staffing(decideAt(angry, -1))).toEqual({ deadline: null, deadlineLocal: null, businessTime: true, ownerOpen: null, ownerOpensAt: null });
  });

  it("a contract without calendars adds none of the fields", () => {
    const plain = check("signals { a: bool }\nowners { o: \"O\" }\nwhen a then route to o within 1h\notherwise answer\n").model!;
    const d = interpret(plain, { a: true }, { now: "2026-12-05T19:36:00Z" });
    expect(Object.keys(d)).not.toContain("deadlineLocal");
    expect(Object.keys(d.brief!)).not.toContain("ownerOpen");
  });
});
