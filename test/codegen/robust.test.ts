// decide never throws and always returns one of the four actions, whatever it is given: random
// garbage, getters and Proxy traps that throw, cycles, huge arrays, a polluted Object.prototype.
// Each signal is read once, as an own property; nothing else of the input is touched.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { interpret } from "../../compiler/interpret.ts";
import { actionNames } from "../../grammar/vocabulary.ts";
import { COULD_NOT_READ } from "../../runtime/prelude/index.ts";
import { models, supportDesk } from "../support/model-fixtures.ts";
import { loadGenerated, type GeneratedModule } from "../support/load-module.ts";

const now = "2026-03-01T12:00:00Z";
const valid = { sentiment: 0.2, repeatContact: false, contactCount: 2, tier: "pro", topic: "technical", language: "en", waiting: 30 };

let modules: Record<string, GeneratedModule>;
let support: GeneratedModule;

beforeAll(async () => {
  modules = {};
  for (const [name, model] of Object.entries(models)) modules[name] = await loadGenerated(await generate(model));
  support = modules.supportDesk!;
});

/** decide's result for the support desk, checked for shape and against the interpreter. */
function decideChecked(input: unknown, context: unknown = { now }) {
  const decision = support.decide(input, context);
  expect(actionNames).toContain(decision.action);
  expect(() => JSON.stringify(decision)).not.toThrow();
  const expected = interpret(supportDesk, input, context);
  if (!isDeepStrictEqual(decision, expected)) expect(decision).toStrictEqual(expected);
  return decision;
}

const throwing = <T extends object>(target: T): T =>
  new Proxy(target, {
    get() {
      throw new Error("get");
    },
    has() {
      throw new Error("has");
    },
    getOwnPropertyDescriptor() {
      throw new Error("getOwnPropertyDescriptor");
    },
    ownKeys() {
      throw new Error("ownKeys");
    },
    getPrototypeOf() {
      throw new Error("getPrototypeOf");
    },
  });

describe("decide never throws", () => {
  it("for anything, as signals and as context, in every module", () => {
    const garbage = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(garbage, garbage, (signals, context) => {
        for (const module of Object.values(modules)) {
          const decision = module.decide(signals, context);
          expect(actionNames).toContain(decision.action);
          expect(() => JSON.stringify(decision)).not.toThrow();
          const validation = module.validate(signals);
          expect(typeof validation.ok).toBe("boolean");
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("when a getter throws: that signal could not be read", () => {
    const input = { ...valid };
    Object.defineProperty(input, "tier", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const decision = decideChecked(input);
    expect(decision.rule).toBe("invalid-input");
    expect(decision.invalid).toEqual([{ signal: "tier", problem: COULD_NOT_READ }]);
    expect(support.validate(input)).toEqual({ ok: false, problems: [{ signal: "tier", problem: COULD_NOT_READ }] });
  });

  it("for Proxies whose traps throw, revoked Proxies and throwing contexts", () => {
    expect(decideChecked(throwing({ ...valid })).rule).toBe("invalid-input");
    expect(decideChecked(throwing([])).rule).toBe("invalid-input");
    const getOnly = new Proxy(
      { ...valid },
      {
        get() {
          throw new Error("get");
        },
      },
    );
    // Every declared signal is read through `get` once (8, the defaulted one included), and each throws.
    expect(decideChecked(getOnly).invalid).toHaveLength(8);
    const { proxy, revoke } = Proxy.revocable({ ...valid }, {});
    revoke();
    expect(decideChecked(proxy).rule).toBe("invalid-input");
    expect(decideChecked(valid, throwing({ now })).rule).toBe("otherwise");
    expect(decideChecked(valid, proxy).rule).toBe("otherwise");
    expect(support.validate(throwing({})).ok).toBe(false);
  });

  it("for cycles and huge arrays", () => {
    const cyclic: Record<string, unknown> = { ...valid };
    cyclic.language = cyclic;
    cyclic.self = cyclic;
    expect(decideChecked(cyclic).invalid).toEqual([{ signal: "language", problem: expect.any(String) }]);
    const customer: Record<string, unknown> = { name: "A" };
    customer.self = customer;
    const big = new Array(2_000_000).fill(0);
    expect(decideChecked(big).rule).toBe("invalid-input");
    expect(decideChecked({ ...valid, language: big }).rule).toBe("invalid-input");
    const started = performance.now();
    const decision = decideChecked(
      { ...valid, sentiment: -0.9, repeatContact: true },
      { now, customer, evidence: big, priorActions: big, collected: { big } },
    );
    expect(decision.rule).toBe("angry_repeat");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("ignores inherited properties, even with Object.prototype polluted", () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.sentiment = -1;
      proto.priorHandoffFailed = true;
      proto.topic = "medical";
      const { topic: _, ...withoutTopic } = valid;
      const decision = decideChecked(withoutTopic);
      expect(decision.invalid).toEqual([{ signal: "topic", problem: expect.any(String) }]);
      expect(decideChecked(valid).rule).toBe("otherwise");
    } finally {
      delete proto.sentiment;
      delete proto.priorHandoffFailed;
      delete proto.topic;
    }
  });

  it("own __proto__ and constructor keys never count and never change a decision", () => {
    const input = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    const withKeys = JSON.parse(`{"__proto__": {"topic": "medical"}, "constructor": {"prototype": {}}, ${JSON.stringify(valid).slice(1)}`);
    expect(Object.getPrototypeOf(withKeys)).toBe(Object.prototype);
    expect(decideChecked(withKeys)).toStrictEqual(decideChecked(input));
    expect(decideChecked({ ...valid, topic: "constructor" }).rule).toBe("invalid-input");
    expect(decideChecked({ ...valid, topic: "toString" }).rule).toBe("invalid-input");
    expect(decideChecked({ ...valid, topic: "__proto__" }).rule).toBe("invalid-input");
  });
});

describe("reading the input", () => {
  it("reads each declared signal once, as an own property, and nothing else", () => {
    const gets: string[] = [];
    const owns: string[] = [];
    const input = new Proxy(
      { ...valid, extra: 1, priorHandoffFailed: false },
      {
        get(target, key, receiver) {
          gets.push(String(key));
          return Reflect.get(target, key, receiver);
        },
        getOwnPropertyDescriptor(target, key) {
          owns.push(String(key));
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
        ownKeys() {
          throw new Error("never enumerated");
        },
      },
    );
    const names = supportDesk.signals.map((s) => s.name);
    expect(support.decide(input, { now }).rule).toBe("otherwise");
    expect(gets).toEqual(names);
    // Ownership is asked only for names that Object.prototype also has (none here): see `readOwn`.
    expect(owns).toEqual([]);
    gets.length = 0;
    owns.length = 0;
    expect(support.validate(input).ok).toBe(true);
    expect(gets).toEqual(names);
  });

  it("a getter runs once, so a value that changes between reads cannot split the decision", () => {
    let calls = 0;
    const input = { ...valid };
    Object.defineProperty(input, "topic", {
      enumerable: true,
      get: () => (++calls === 1 ? "medical" : 42),
    });
    const decision = support.decide(input, { now });
    expect(calls).toBe(1);
    expect(decision.rule).toBe("medical");
    expect(decision.brief?.evidence.signals).toEqual({ topic: "medical" });
  });

  it("the generated per-contract code never spreads or assigns from the input", async () => {
    const text = await generate(supportDesk);
    const own = text.slice(0, text.indexOf("// Runtime prelude"));
    expect(own).not.toMatch(/Object\.assign|\.\.\.|for\s*\(.* in /);
  });
});
