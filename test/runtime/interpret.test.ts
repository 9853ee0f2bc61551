// The reference interpreter: matching, policies, reasons, evidence and the invalid-input outcome.
import { describe, expect, it } from "vitest";
import type { ContractModel } from "../../compiler/model.ts";
import {
  BUILTIN_INVALID_OUTCOME,
  holds,
  interpret,
  NO_MATCH_PROBLEM,
  outcomeOf,
  render,
} from "../../compiler/interpret.ts";
import { BUILTIN_INVALID_SAY, COULD_NOT_READ, FAIL_SAFE_PROBLEM } from "../../runtime/prelude/index.ts";
import { c, calm, contract, outcome, rule, sig, support, tpl } from "../support/model-fixtures.ts";

const NOW = { now: "2026-11-03T10:00:00Z" };

describe("interpret on the support desk", () => {
  it("answers when nothing matches", () => {
    const d = interpret(support, calm, NOW);
    expect(d).toEqual({
      action: "answer",
      rule: "otherwise",
      owner: null,
      ownerName: null,
      matched: [],
      withinSeconds: null,
      deadline: null,
      urgency: "low",
      reasons: [],
      say: null,
      collect: [],
      confirm: [],
      doNotReAsk: [],
      brief: null,
    });
  });

  it("escalates an upset repeat customer, with the full brief", () => {
    const context = {
      ...NOW,
      customer: { id: "c-9" },
      collected: { accountNumber: "A-1" },
      evidence: ["turn 3"],
      issueType: "outage",
    };
    const d = interpret(support, { ...calm, sentiment: -0.9, repeatContact: true, contactCount: 4 }, context);
    expect(d).toEqual({
      action: "escalate",
      rule: "angry_repeat",
      owner: "senior",
      ownerName: "Senior support",
      matched: ["angry_repeat"],
      withinSeconds: 7200,
      deadline: "2026-11-03T12:00:00.000Z",
      urgency: "high",
      reasons: ["Upset customer, contact number 4"],
      say: "I'm bringing in a senior colleague. They will contact you within 2 hours.",
      collect: ["preferredTime"],
      confirm: [],
      doNotReAsk: ["accountNumber"],
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
        riskReason: "Upset customer, contact number 4",
        reasons: ["Upset customer, contact number 4"],
        evidence: { signals: { sentiment: -0.9, repeatContact: true }, notes: ["turn 3"] },
        customer: { id: "c-9" },
        issueType: "outage",
        priorActions: [],
        promisedNextStep: "I'm bringing in a senior colleague. They will contact you within 2 hours.",
        collected: { accountNumber: "A-1" },
        stillToCollect: ["preferredTime"],
        mustConfirm: [],
        doNotReAsk: ["accountNumber"],
      },
    });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("most-severe: stop beats escalate and route; reasons winner first, then file order", () => {
    const d = interpret(
      support,
      { ...calm, sentiment: -0.9, repeatContact: true, topic: "medical", contactCount: 2 },
      {
        collected: { dateOfBirth: "1990-01-01", accountNumber: "A-1" },
      },
    );
    expect(d.rule).toBe("medical");
    expect(d.matched).toEqual(["angry_repeat", "medical"]);
    // medical has no reason: only the other matched rule's reason remains.
    expect(d.reasons).toEqual(["Upset customer, contact number 2"]);
    expect(d.brief!.riskReason).toBe("Upset customer, contact number 2");
    expect(d.confirm).toEqual(["dateOfBirth"]);
    expect(d.doNotReAsk).toEqual(["accountNumber"]);
    expect(d.brief!.evidence.signals).toEqual({ topic: "medical" });
  });

  it("renders templates from validated values, defaults included", () => {
    const d = interpret(support, { ...calm, topic: "billing", tier: "enterprise" });
    expect(d.rule).toBe("rule_27");
    expect(d.reasons).toEqual(["Paying enterprise customer asks about billing"]);
    expect(d.brief!.evidence.signals).toEqual({ topic: "billing", tier: "enterprise" });
  });

  it("lists every problem with the built-in invalid outcome", () => {
    const d = interpret(support, { ...calm, sentiment: NaN, tier: "constructor" }, NOW);
    expect(Object.keys(d).at(-1)).toBe("invalid");
    expect(d).toMatchObject({
      action: "stop",
      rule: "invalid-input",
      owner: null,
      ownerName: null,
      matched: [],
      withinSeconds: null,
      deadline: null,
      urgency: "high",
      reasons: [],
      say: BUILTIN_INVALID_SAY,
      invalid: [
        { signal: "sentiment", problem: "must be a number between -1 and 1, got NaN" },
        { signal: "tier", problem: 'must be one of free, pro, enterprise, got "constructor"' },
      ],
    });
    expect(d.brief!.evidence.signals).toEqual({});
    expect(d.brief!.rule).toBe("invalid-input");
  });

  it.each([null, [], "x", 1, new Map(), Object.create({ ...calm })])(
    "input that is not a plain object is invalid as a whole (%#)",
    (input) => {
      const d = interpret(support, input);
      expect(d.rule).toBe("invalid-input");
      expect(d.invalid).toHaveLength(1);
      expect(d.invalid![0]!.signal).toBeNull();
    },
  );

  it("reports a throwing getter for its signal", () => {
    const input = {
      ...calm,
      get waiting(): number {
        throw new Error("boom");
      },
    };
    expect(interpret(support, input).invalid).toEqual([{ signal: "waiting", problem: COULD_NOT_READ }]);
  });

  it("__proto__, constructor and inherited properties never change the decision", () => {
    const base = interpret(support, calm, NOW);
    const json = JSON.parse(
      `{"__proto__": {"topic": "medical"}, "constructor": {"x": 1}, ${JSON.stringify(calm).slice(1)}`,
    );
    expect(interpret(support, json, NOW)).toEqual(base);
    const nullProto = Object.assign(Object.create(null), calm);
    expect(interpret(support, nullProto, NOW)).toEqual(base);
  });

  it("a malformed context never changes which rule wins", () => {
    const input = { ...calm, topic: "pricing" };
    const base = interpret(support, input);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    for (const context of [hostile, { collected: hostile, evidence: new Array(1e7) }, { now: "garbage" }, 5]) {
      const d = interpret(support, input, context);
      expect(d.rule).toBe(base.rule);
      expect(d.matched).toEqual(base.matched);
      expect(d.reasons).toEqual(base.reasons);
    }
  });
});

describe("policies", () => {
  const rules = [
    rule("a_route", c.flag("x"), { action: "route", owner: "t", reason: "a" }),
    rule("b_escalate", c.flag("x"), { action: "escalate", owner: "t", reason: "b" }),
    rule("c_answer", c.flag("x"), { action: "answer", reason: "c" }),
    rule("d_escalate", c.flag("x"), { action: "escalate", owner: "t", reason: "d" }),
    rule("e_never", c.not(c.flag("x")), { action: "stop", say: "s", reason: "e" }),
  ];

  it("most-severe picks the earliest of the most severe", () => {
    const d = interpret(contract({ signals: [sig.bool("x")], rules }), { x: true });
    expect(d.rule).toBe("b_escalate");
    expect(d.matched).toEqual(["a_route", "b_escalate", "c_answer", "d_escalate"]);
    expect(d.reasons).toEqual(["b", "a", "c", "d"]);
  });

  it("first-match picks the earliest", () => {
    const d = interpret(contract({ signals: [sig.bool("x")], rules, policy: "first-match" }), { x: true });
    expect(d.rule).toBe("a_route");
    expect(d.reasons).toEqual(["a", "b", "c", "d"]);
  });

  it("otherwise gives its own reason and say, with no evidence", () => {
    const model = contract({
      signals: [sig.bool("x"), sig.int("n", {}, 7)],
      rules: rules.slice(0, 4),
      otherwise: outcome("otherwise", {
        action: "route",
        owner: "desk",
        reason: "nothing matched for n={n}",
        say: "Routing ({x})",
      }),
    });
    const d = interpret(model, { x: false });
    expect(d).toMatchObject({
      rule: "otherwise",
      action: "route",
      owner: "desk",
      matched: [],
      reasons: ["nothing matched for n=7"],
      say: "Routing (false)",
    });
    expect(d.brief!.evidence.signals).toEqual({});
  });
});

describe("the invalid-input outcome", () => {
  const onInvalid = outcome("invalid-input", {
    action: "escalate",
    owner: "desk",
    ownerName: "Front desk",
    within: 600,
    urgency: "critical",
    collect: ["phone"],
    confirm: ["name"],
    reason: "Input failed validation",
    say: "A colleague will take over.",
  });

  it("uses `on invalid` as written", () => {
    const d = interpret(
      contract({ signals: [sig.bool("x")], onInvalid }),
      {},
      { now: 0, collected: { name: "A", phone: "1" } },
    );
    expect(d).toMatchObject({
      action: "escalate",
      rule: "invalid-input",
      owner: "desk",
      ownerName: "Front desk",
      withinSeconds: 600,
      deadline: "1970-01-01T00:10:00.000Z",
      urgency: "critical",
      reasons: ["Input failed validation"],
      say: "A colleague will take over.",
      collect: [],
      confirm: ["name"],
      doNotReAsk: ["phone"],
      invalid: [{ signal: "x", problem: "is required but missing" }],
    });
  });

  it("uses the built-in say when `on invalid` has none", () => {
    const d = interpret(
      contract({ signals: [sig.bool("x")], onInvalid: outcome("invalid-input", { action: "escalate", owner: "desk" }) }),
      {},
    );
    expect(d.say).toBe(BUILTIN_INVALID_SAY);
  });

  it("applies when nothing matched and there is no otherwise", () => {
    const model = contract({
      signals: [sig.bool("x")],
      rules: [rule("r", c.flag("x"), { action: "route", owner: "t" })],
      otherwise: null,
      onInvalid,
    });
    const d = interpret(model, { x: false });
    expect(d).toMatchObject({
      rule: "invalid-input",
      matched: [],
      reasons: ["Input failed validation"],
      invalid: [{ signal: null, problem: NO_MATCH_PROBLEM }],
    });
    expect(interpret(model, { x: true }).rule).toBe("r");
  });

  it("a broken model gives the fail-safe decision instead of throwing", () => {
    const broken = { ...contract({ signals: [sig.bool("x")], onInvalid }), rules: null } as unknown as ContractModel;
    const d = interpret(broken, { x: true });
    expect(d).toMatchObject({
      rule: "invalid-input",
      action: "escalate",
      reasons: ["Input failed validation"],
      invalid: [{ signal: null, problem: FAIL_SAFE_PROBLEM }],
    });
    const hopeless = interpret(null as unknown as ContractModel, {});
    expect(hopeless).toMatchObject({
      ...BUILTIN_INVALID_OUTCOME,
      say: BUILTIN_INVALID_SAY,
      invalid: [{ signal: null, problem: FAIL_SAFE_PROBLEM }],
    });
  });
});

describe("conditions", () => {
  const values = { n: 5, t: "a", b: false, e: "pro" };

  it.each([
    [c.eq("n", 5), true],
    [c.ne("n", 5), false],
    [c.lt("n", 5), false],
    [c.le("n", 5), true],
    [c.gt("n", 4.5), true],
    [c.ge("n", 6), false],
    [c.eq("t", "A"), false],
    [c.in("e", ["free", "pro"]), true],
    [c.notIn("e", ["free", "pro"]), false],
    [c.notIn("t", ["b"]), true],
    [c.flag("b"), false],
    [c.not(c.flag("b")), true],
    [c.and(c.eq("n", 5), c.flag("b")), false],
    [c.or(c.eq("n", 6), c.not(c.flag("b"))), true],
    [c.or(c.and(c.eq("n", 5), c.eq("t", "a")), c.flag("b")), true],
  ])("%j → %s", (cond, expected) => {
    expect(holds(cond, values)).toBe(expected);
  });

  it("-0 equals 0 and compares like 0", () => {
    expect(holds(c.eq("n", 0), { n: -0 })).toBe(true);
    expect(holds(c.lt("n", 0), { n: -0 })).toBe(false);
  });

  it("render prints values and leaves unknown names visible", () => {
    expect(render(tpl("{n} / {b} / {t} / {missing}"), values)).toBe("5 / false / a / {missing}");
  });
});

describe("outcomeOf", () => {
  it("copies the static facts", () => {
    const o = outcome("r", { action: "route", owner: "t", ownerName: "T", within: 60, collect: ["a"], confirm: ["b"] });
    expect(outcomeOf(o)).toEqual({
      rule: "r",
      action: "route",
      owner: "t",
      ownerName: "T",
      withinSeconds: 60,
      urgency: "normal",
      collect: ["a"],
      confirm: ["b"],
    });
  });
});
