// assemble, failSafe and formatValue: the decision's shape.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  assemble,
  FAIL_SAFE_PROBLEM,
  failSafe,
  formatValue,
  readContext,
  type Outcome,
} from "../../runtime/prelude/index.ts";

const INFO = { name: "support-desk", version: "2026.11" };

const ESCALATE: Outcome = {
  rule: "angry_repeat",
  action: "escalate",
  owner: "senior",
  ownerName: "Senior support",
  withinSeconds: 7200,
  urgency: "high",
  collect: ["accountNumber", "preferredTime", "email"],
  confirm: ["dateOfBirth", "email"],
};

const ANSWER: Outcome = {
  rule: "otherwise",
  action: "answer",
  owner: null,
  ownerName: null,
  withinSeconds: null,
  urgency: "low",
  collect: [],
  confirm: [],
};

const DECISION_KEYS = [
  "action",
  "rule",
  "owner",
  "ownerName",
  "matched",
  "withinSeconds",
  "deadline",
  "urgency",
  "reasons",
  "say",
  "collect",
  "confirm",
  "doNotReAsk",
  "brief",
];

const BRIEF_KEYS = [
  "contract",
  "version",
  "rule",
  "action",
  "owner",
  "ownerName",
  "urgency",
  "deadline",
  "withinSeconds",
  "riskReason",
  "reasons",
  "evidence",
  "customer",
  "issueType",
  "priorActions",
  "promisedNextStep",
  "collected",
  "stillToCollect",
  "mustConfirm",
  "doNotReAsk",
];

afterEach(() => {
  vi.useRealTimers();
});

describe("formatValue", () => {
  it("prints values as JavaScript does", () => {
    expect(formatValue(1.5)).toBe("1.5");
    expect(formatValue(-0)).toBe("0");
    expect(formatValue(1e21)).toBe("1e+21");
    expect(formatValue(7200)).toBe("7200");
    expect(formatValue(true)).toBe("true");
    expect(formatValue(false)).toBe("false");
    expect(formatValue("pro {x}")).toBe("pro {x}");
  });
});

describe("assemble", () => {
  const context = {
    now: "2026-11-03T10:00:00Z",
    customer: { id: "c-1" },
    issueType: "refund",
    collected: { preferredTime: "evening", email: "a@b.c", accountNumber: "42", extra: 1 },
    evidence: ["note"],
    priorActions: ["refund offered"],
  };

  it("builds the full decision in the documented key order", () => {
    const d = assemble(
      INFO,
      ESCALATE,
      ["angry_repeat", "rule_27"],
      ["Upset customer, contact number 3", "Paying pro customer"],
      "I'm bringing in a senior colleague.",
      { sentiment: -0.9, repeatContact: true },
      readContext(context),
      null,
    );
    expect(Object.keys(d)).toEqual(DECISION_KEYS);
    expect(Object.keys(d.brief!)).toEqual(BRIEF_KEYS);
    expect(d).toEqual({
      action: "escalate",
      rule: "angry_repeat",
      owner: "senior",
      ownerName: "Senior support",
      matched: ["angry_repeat", "rule_27"],
      withinSeconds: 7200,
      deadline: "2026-11-03T12:00:00.000Z",
      urgency: "high",
      reasons: ["Upset customer, contact number 3", "Paying pro customer"],
      say: "I'm bringing in a senior colleague.",
      collect: [],
      confirm: ["dateOfBirth", "email"],
      doNotReAsk: ["preferredTime", "accountNumber", "extra"],
      brief: {
        contract: "support-desk",
        version: "2026.11",
        rule: "angry_repeat",
        action: "escalate",
        owner: "senior",
        ownerName: "Senior support",
        urgency: "high",
        deadline: "2026-11-03T12:00:00.000Z",
        withinSeconds: 7200,
        riskReason: "Upset customer, contact number 3",
        reasons: ["Upset customer, contact number 3", "Paying pro customer"],
        evidence: { signals: { sentiment: -0.9, repeatContact: true }, notes: ["note"] },
        customer: { id: "c-1" },
        issueType: "refund",
        priorActions: ["refund offered"],
        promisedNextStep: "I'm bringing in a senior colleague.",
        collected: { preferredTime: "evening", email: "a@b.c", accountNumber: "42", extra: 1 },
        stillToCollect: [],
        mustConfirm: ["dateOfBirth", "email"],
        doNotReAsk: ["preferredTime", "accountNumber", "extra"],
      },
    });
    expect("invalid" in d).toBe(false);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("collects only fields not yet collected, in written order", () => {
    const d = assemble(INFO, ESCALATE, [], [], null, {}, readContext({ collected: { preferredTime: null } }), null);
    expect(d.collect).toEqual(["accountNumber", "email"]);
    expect(d.doNotReAsk).toEqual(["preferredTime"]);
    expect(d.brief!.riskReason).toBeNull();
  });

  it("answer has no brief and nothing to confirm", () => {
    const d = assemble(INFO, ANSWER, [], [], null, {}, readContext(undefined), null);
    expect(Object.keys(d)).toEqual(DECISION_KEYS);
    expect(d).toMatchObject({
      action: "answer",
      brief: null,
      deadline: null,
      withinSeconds: null,
      collect: [],
      confirm: [],
      doNotReAsk: [],
    });
  });

  it("never shares arrays between the decision, its brief, the outcome and the context", () => {
    const ctx = readContext(context);
    const d = assemble(INFO, ESCALATE, ["angry_repeat"], ["r"], "s", { sentiment: -0.9 }, ctx, null);
    d.collect.push("x");
    d.confirm.push("x");
    d.doNotReAsk.push("x");
    d.reasons.push("x");
    d.brief!.evidence.notes.push("x");
    d.brief!.priorActions.push("x");
    d.brief!.collected.x = 1;
    expect(d.brief!.stillToCollect).toEqual([]);
    expect(d.brief!.mustConfirm).toEqual(["dateOfBirth", "email"]);
    expect(d.brief!.doNotReAsk).toEqual(["preferredTime", "accountNumber", "extra"]);
    expect(d.brief!.reasons).toEqual(["r"]);
    expect(ESCALATE.confirm).toEqual(["dateOfBirth", "email"]);
    expect(ctx.evidence).toEqual(["note"]);
    expect(ctx.priorActions).toEqual(["refund offered"]);
    expect(ctx.collected).not.toHaveProperty("x");
    // The shared empty context stays empty too.
    const e = assemble(INFO, ESCALATE, [], [], null, {}, readContext(undefined), null);
    e.brief!.evidence.notes.push("x");
    e.brief!.collected.y = 1;
    e.doNotReAsk.push("y");
    expect(readContext(undefined)).toEqual({
      nowMs: null,
      customer: null,
      issueType: null,
      collected: {},
      evidence: [],
      priorActions: [],
    });
  });

  it("normalises -0 in evidence so the decision survives JSON", () => {
    const d = assemble(INFO, ESCALATE, [], [], null, { sentiment: -0 }, readContext(undefined), null);
    expect(Object.is(d.brief!.evidence.signals.sentiment, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("appends invalid last, only when given", () => {
    const d = assemble(INFO, { ...ESCALATE, rule: "invalid-input" }, [], [], "s", {}, readContext(undefined), [
      { signal: null, problem: "p" },
    ]);
    expect(Object.keys(d)).toEqual([...DECISION_KEYS, "invalid"]);
    expect(d.invalid).toEqual([{ signal: null, problem: "p" }]);
  });

  describe("deadline", () => {
    const at = (now: unknown, within: number | null) =>
      assemble(INFO, { ...ESCALATE, withinSeconds: within }, [], [], null, {}, readContext({ now }), null).deadline;

    it("is now + within in UTC", () => {
      expect(at(0, 90)).toBe("1970-01-01T00:01:30.000Z");
      expect(at("2026-11-03T23:30:00+02:00", 3600)).toBe("2026-11-03T22:30:00.000Z");
      expect(at("2024-02-28T23:00:00Z", 86400)).toBe("2024-02-29T23:00:00.000Z");
      expect(at(1.7, 0)).toBe("1970-01-01T00:00:00.001Z");
    });

    it("is null without within, or beyond the Date range", () => {
      expect(at(0, null)).toBeNull();
      expect(at(8.64e15, 1)).toBeNull();
      expect(at(8.64e15 - 1000, 1)).toBe("+275760-09-13T00:00:00.000Z");
    });

    it("formats exactly as Date#toISOString across the whole Date range", () => {
      const edges = [
        0, -1, 1, -0.5, 0.5, -1.5, 86399999, -86400000, -62167219200000, -62167219200001, 253402300799999,
        253402300800000, 8.64e15, -8.64e15,
      ];
      for (const ms of edges) expect(at(ms, 0)).toBe(new Date(ms).toISOString());
      fc.assert(
        fc.property(
          fc.oneof(
            fc.integer({ min: -8.64e15, max: 8.64e15 }),
            fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
            fc.integer({ min: -1e13, max: 3e14 }),
          ),
          (ms) => {
            expect(at(ms, 0)).toBe(new Date(ms).toISOString());
          },
        ),
        { numRuns: 20000 },
      );
    });

    it("uses the clock when now is missing or malformed", () => {
      vi.useFakeTimers();
      vi.setSystemTime(Date.UTC(2030, 0, 1));
      expect(at(undefined, 60)).toBe("2030-01-01T00:01:00.000Z");
      expect(at("yesterday", 60)).toBe("2030-01-01T00:01:00.000Z");
      expect(at(NaN, 60)).toBe("2030-01-01T00:01:00.000Z");
    });
  });
});

describe("failSafe", () => {
  it("is the invalid-input outcome with the fail-safe problem, using the clock", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2030, 0, 1));
    const onInvalid: Outcome = {
      ...ANSWER,
      rule: "invalid-input",
      action: "stop",
      urgency: "high",
      withinSeconds: 60,
      confirm: ["x"],
    };
    const reasons = ["bad input"];
    const d = failSafe(INFO, onInvalid, reasons, "A colleague will follow up.");
    expect(Object.keys(d)).toEqual([...DECISION_KEYS, "invalid"]);
    expect(d).toMatchObject({
      action: "stop",
      rule: "invalid-input",
      matched: [],
      reasons: ["bad input"],
      say: "A colleague will follow up.",
      deadline: "2030-01-01T00:01:00.000Z",
      confirm: ["x"],
      doNotReAsk: [],
      invalid: [{ signal: null, problem: FAIL_SAFE_PROBLEM }],
    });
    expect(d.brief!.evidence).toEqual({ signals: {}, notes: [] });
    expect(d.reasons).not.toBe(reasons);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
