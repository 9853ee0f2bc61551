// Validation: readOwn, inputProblem, describeProblem, and validateWith over whole inputs.
import { describe, expect, it } from "vitest";
import { COULD_NOT_READ, describeProblem, inputProblem, readOwn, type SignalSpec } from "../../runtime/prelude/index.ts";
import { signalSpecs, validateWith } from "../../compiler/interpret.ts";
import { calm, contract, sig, support } from "../support/model-fixtures.ts";

function spec(partial: Partial<SignalSpec> & Pick<SignalSpec, "kind">): SignalSpec {
  return { name: "x", min: null, max: null, members: null, defaultValue: undefined, ...partial };
}

describe("readOwn", () => {
  it("reads own properties only", () => {
    expect(readOwn({ a: 1 }, "a")).toBe(1);
    const proto = Object.prototype as Record<string, unknown>;
    proto.a = 1;
    try {
      expect(readOwn({}, "a")).toBeUndefined();
      expect(readOwn({ a: 3 }, "a")).toBe(3);
    } finally {
      delete proto.a;
    }
    expect(readOwn({}, "constructor")).toBeUndefined();
    expect(readOwn({}, "toString")).toBeUndefined();
    expect(readOwn({}, "__proto__")).toBeUndefined();
    expect(readOwn(JSON.parse('{"__proto__": 5}'), "__proto__")).toBe(5);
    expect(readOwn(Object.assign(Object.create(null), { a: 2 }), "a")).toBe(2);
  });

  it("runs a getter once and lets its throw through (the caller reports it)", () => {
    let calls = 0;
    const counted = {
      get a() {
        calls++;
        return 1;
      },
    };
    expect(readOwn(counted, "a")).toBe(1);
    expect(calls).toBe(1);
    const throwing = {
      get a(): number {
        throw new Error("boom");
      },
    };
    expect(() => readOwn(throwing, "a")).toThrow("boom");
  });
});

describe("inputProblem", () => {
  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["text", "a string"],
    [3, "a number"],
    [true, "a boolean"],
    [10n, "a bigint"],
    [Symbol("s"), "a symbol"],
    [() => 1, "a function"],
    [[], "an array"],
  ])("rejects %s", (input, got) => {
    expect(inputProblem(input)).toEqual({
      signal: null,
      problem: `the input must be a plain object of signals, got ${got}`,
    });
  });

  it.each([new Map(), new Date(0), new (class Signals {})(), Object.create({}), new Number(1)])(
    "rejects a non-plain object %#",
    (input) => {
      expect(inputProblem(input)?.problem).toMatch(/not plain/);
    },
  );

  it("accepts plain and null-prototype objects, including JSON with __proto__", () => {
    expect(inputProblem({})).toBeNull();
    expect(inputProblem(Object.create(null))).toBeNull();
    expect(inputProblem(JSON.parse('{"__proto__": {"sentiment": 1}}'))).toBeNull();
  });

  it("turns throwing Proxy traps and revoked Proxies into a problem", () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(inputProblem(hostile)).toEqual({ signal: null, problem: "the input could not be read" });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(inputProblem(proxy)).toEqual({ signal: null, problem: "the input could not be read" });
  });
});

describe("describeProblem", () => {
  it("absent: required unless there is a default", () => {
    expect(describeProblem(spec({ kind: "bool" }), undefined)).toBe("is required but missing");
    expect(describeProblem(spec({ kind: "bool", defaultValue: false }), undefined)).toBeNull();
  });

  it("bool and text check the JSON type", () => {
    expect(describeProblem(spec({ kind: "bool" }), true)).toBeNull();
    expect(describeProblem(spec({ kind: "bool" }), "true")).toBe("must be a boolean, got a string");
    expect(describeProblem(spec({ kind: "bool" }), null)).toBe("must be a boolean, got null");
    expect(describeProblem(spec({ kind: "bool" }), 0)).toBe("must be a boolean, got a number");
    expect(describeProblem(spec({ kind: "text" }), "")).toBeNull();
    expect(describeProblem(spec({ kind: "text" }), 1)).toBe("must be a string, got a number");
    expect(describeProblem(spec({ kind: "text" }), ["a"])).toBe("must be a string, got an array");
    expect(describeProblem(spec({ kind: "text" }), {})).toBe("must be a string, got an object");
  });

  it("numbers: finite, inclusive range, -0 fine", () => {
    const unit = spec({ kind: "number", min: -1, max: 1 });
    expect(describeProblem(unit, -1)).toBeNull();
    expect(describeProblem(unit, 1)).toBeNull();
    expect(describeProblem(unit, -0)).toBeNull();
    expect(describeProblem(unit, 3)).toBe("must be a number between -1 and 1, got 3");
    expect(describeProblem(unit, -1.0000001)).toBe("must be a number between -1 and 1, got -1.0000001");
    expect(describeProblem(unit, NaN)).toBe("must be a number between -1 and 1, got NaN");
    expect(describeProblem(unit, "0.5")).toBe("must be a number between -1 and 1, got a string");
    const any = spec({ kind: "number" });
    expect(describeProblem(any, 1e300)).toBeNull();
    expect(describeProblem(any, NaN)).toBe("must be a finite number, got NaN");
    expect(describeProblem(any, Infinity)).toBe("must be a finite number, got Infinity");
    expect(describeProblem(any, -Infinity)).toBe("must be a finite number, got -Infinity");
    expect(describeProblem(spec({ kind: "number", min: 0 }), -0)).toBeNull();
    expect(describeProblem(spec({ kind: "number", min: 0 }), -0.5)).toBe("must be a number >= 0, got -0.5");
    expect(describeProblem(spec({ kind: "number", max: 100 }), 101)).toBe("must be a number <= 100, got 101");
    expect(describeProblem(spec({ kind: "number", max: 100 }), Infinity)).toBe("must be a number <= 100, got Infinity");
  });

  it("ints: integral", () => {
    const int = spec({ kind: "int" });
    expect(describeProblem(int, 2)).toBeNull();
    expect(describeProblem(int, -0)).toBeNull();
    expect(describeProblem(int, 2 ** 60)).toBeNull();
    expect(describeProblem(int, 2.5)).toBe("must be an integer, got 2.5");
    expect(describeProblem(int, NaN)).toBe("must be an integer, got NaN");
    expect(describeProblem(int, Infinity)).toBe("must be an integer, got Infinity");
    expect(describeProblem(spec({ kind: "int", min: 0 }), -1)).toBe("must be an integer >= 0, got -1");
    expect(describeProblem(spec({ kind: "int", min: 0, max: 10 }), 10.5)).toBe(
      "must be an integer between 0 and 10, got 10.5",
    );
    expect(describeProblem(spec({ kind: "int", min: 0, max: 10 }), 10)).toBeNull();
  });

  it("durations: finite seconds >= 0", () => {
    const d = spec({ kind: "duration" });
    expect(describeProblem(d, 0)).toBeNull();
    expect(describeProblem(d, -0)).toBeNull();
    expect(describeProblem(d, 0.5)).toBeNull();
    expect(describeProblem(d, -5)).toBe("must be a duration in seconds (a finite number >= 0), got -5");
    expect(describeProblem(d, NaN)).toBe("must be a duration in seconds (a finite number >= 0), got NaN");
    expect(describeProblem(d, Infinity)).toBe("must be a duration in seconds (a finite number >= 0), got Infinity");
    expect(describeProblem(d, "5s")).toBe("must be a duration in seconds (a finite number >= 0), got a string");
  });

  it("enums: exact own membership, values quoted and bounded", () => {
    const tier = spec({ kind: "enum", members: ["free", "pro", "enterprise"] });
    expect(describeProblem(tier, "pro")).toBeNull();
    expect(describeProblem(tier, "gold")).toBe('must be one of free, pro, enterprise, got "gold"');
    expect(describeProblem(tier, "Pro")).toBe('must be one of free, pro, enterprise, got "Pro"');
    for (const sneaky of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "length", "0"]) {
      expect(describeProblem(tier, sneaky)).toBe(`must be one of free, pro, enterprise, got ${JSON.stringify(sneaky)}`);
    }
    expect(describeProblem(tier, 1)).toBe("must be one of free, pro, enterprise, got a number");
    expect(describeProblem(tier, new String("pro"))).toBe("must be one of free, pro, enterprise, got an object");
    const long = "x".repeat(1000);
    expect(describeProblem(tier, long)).toBe(
      `must be one of free, pro, enterprise, got "${"x".repeat(40)}"... (1000 characters)`,
    );
    const quotes = '"\n</script>`${x}`\u2028';
    expect(describeProblem(tier, quotes)).toBe(`must be one of free, pro, enterprise, got ${JSON.stringify(quotes)}`);
    // A cut never splits a surrogate pair.
    const emoji = "a".repeat(39) + "😀".repeat(5);
    expect(describeProblem(tier, emoji)).toBe(
      `must be one of free, pro, enterprise, got "${"a".repeat(39)}"... (${emoji.length} characters)`,
    );
  });
});

describe("validateWith", () => {
  it("applies defaults and ignores extra keys", () => {
    expect(validateWith(support, { ...calm, extra: 1, constructor: "x" })).toEqual({
      ok: true,
      signals: { ...calm, priorHandoffFailed: false },
    });
  });

  it("treats an own property holding undefined as absent", () => {
    expect(validateWith(support, { ...calm, priorHandoffFailed: undefined })).toEqual({
      ok: true,
      signals: { ...calm, priorHandoffFailed: false },
    });
    const result = validateWith(support, { ...calm, tier: undefined });
    expect(result).toEqual({ ok: false, problems: [{ signal: "tier", problem: "is required but missing" }] });
  });

  it("lists one problem per offending signal in declaration order", () => {
    expect(validateWith(support, { topic: "gold", sentiment: 2, waiting: -1 })).toEqual({
      ok: false,
      problems: [
        { signal: "sentiment", problem: "must be a number between -1 and 1, got 2" },
        { signal: "repeatContact", problem: "is required but missing" },
        { signal: "contactCount", problem: "is required but missing" },
        { signal: "tier", problem: "is required but missing" },
        { signal: "topic", problem: 'must be one of billing, pricing, technical, medical, other, got "gold"' },
        { signal: "language", problem: "is required but missing" },
        { signal: "waiting", problem: "must be a duration in seconds (a finite number >= 0), got -1" },
      ],
    });
  });

  it("ignores inherited properties", () => {
    // An object with another prototype is not a plain object at all.
    expect(validateWith(support, Object.create({ ...calm }))).toEqual({
      ok: false,
      problems: [inputProblem(Object.create({}))],
    });
    // A polluted Object.prototype never supplies a signal.
    const proto = Object.prototype as Record<string, unknown>;
    proto.tier = "pro";
    proto.priorHandoffFailed = "yes";
    try {
      const { tier: _tier, ...withoutTier } = calm;
      expect(validateWith(support, withoutTier)).toEqual({
        ok: false,
        problems: [{ signal: "tier", problem: "is required but missing" }],
      });
    } finally {
      delete proto.tier;
      delete proto.priorHandoffFailed;
    }
  });

  it("ignores a JSON __proto__ key and never changes prototypes", () => {
    const input = JSON.parse(`{"__proto__": {"tier": "gold", "sentiment": 9}, ${JSON.stringify(calm).slice(1)}`);
    expect(validateWith(support, input)).toEqual({ ok: true, signals: { ...calm, priorHandoffFailed: false } });
    expect(({} as Record<string, unknown>).tier).toBeUndefined();
  });

  it("reports a throwing getter as 'could not be read' and still checks the rest", () => {
    const input = {
      ...calm,
      get sentiment(): number {
        throw new Error("boom");
      },
      tier: "gold",
    };
    expect(validateWith(support, input)).toEqual({
      ok: false,
      problems: [
        { signal: "sentiment", problem: COULD_NOT_READ },
        { signal: "tier", problem: 'must be one of free, pro, enterprise, got "gold"' },
      ],
    });
  });

  it("reports Proxy traps that throw per signal", () => {
    const input = new Proxy(
      { ...calm },
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    const result = validateWith(support, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(8);
      expect(result.problems.every((p) => p.problem === COULD_NOT_READ)).toBe(true);
    }
  });

  it("builds specs from the model", () => {
    const model = contract({
      signals: [sig.int("n", { min: 0 }, 3), sig.enum("e", ["a", "b"]), sig.duration("d"), sig.number("x")],
    });
    expect(signalSpecs(model)).toEqual([
      { name: "n", kind: "int", min: 0, max: null, members: null, defaultValue: 3 },
      { name: "e", kind: "enum", min: null, max: null, members: ["a", "b"], defaultValue: undefined },
      { name: "d", kind: "duration", min: null, max: null, members: null, defaultValue: undefined },
      { name: "x", kind: "number", min: null, max: null, members: null, defaultValue: undefined },
    ]);
  });
});
