// fast-check properties: interpret is total and well-shaped on anything; validation agrees with an
// independent statement of the rules; context never changes which rule wins.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractModel } from "../../compiler/model.ts";
import { interpret, signalSpecs } from "../../compiler/interpret.ts";
import { describeProblem, readContext, type Decision, type SignalSpec } from "../../runtime/prelude/index.ts";
import { c, contract, outcome, rule, sig, support } from "../support/model-fixtures.ts";

const ACTIONS = ["answer", "route", "escalate", "stop"];
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
const SPECIAL_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "length",
  "now",
  "collected",
  "customer",
  "evidence",
  "priorActions",
];
const SIGNAL_NAMES = support.signals.map((s) => s.name);

const key = fc.oneof(fc.string(), fc.constantFrom(...SPECIAL_KEYS, ...SIGNAL_NAMES));

const garbage = fc.anything({
  key,
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
});

/** Valid-looking values (boundaries included) mixed with garbage, for each support signal. */
const nearValid = {
  sentiment: fc.oneof(fc.double({ min: -1, max: 1 }), fc.constantFrom(-1, 1, -0, 0, 1.0000001, NaN, Infinity), garbage),
  repeatContact: fc.oneof(fc.boolean(), garbage),
  contactCount: fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, 2 ** 53, -0), garbage),
  tier: fc.oneof(fc.constantFrom("free", "pro", "enterprise", "gold", "constructor", "toString", "__proto__"), garbage),
  topic: fc.oneof(fc.constantFrom("billing", "pricing", "technical", "medical", "other", "Medical"), garbage),
  language: fc.oneof(fc.string(), garbage),
  waiting: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(-0, -5, NaN, Infinity), garbage),
  priorHandoffFailed: fc.oneof(fc.boolean(), fc.constant(undefined), garbage),
};

/** Valid records (boundaries included), the optional signal sometimes left out. */
const validRecords = fc.record(
  {
    sentiment: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(-1, -0.5, -0.50001, 1, -0)),
    repeatContact: fc.boolean(),
    contactCount: fc.oneof(fc.nat(), fc.constant(-0)),
    tier: fc.constantFrom("free", "pro", "enterprise"),
    topic: fc.constantFrom("billing", "pricing", "technical", "medical", "other"),
    language: fc.string(),
    waiting: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(-0)),
    priorHandoffFailed: fc.boolean(),
  },
  { requiredKeys: ["sentiment", "repeatContact", "contactCount", "tier", "topic", "language", "waiting"] },
);

/** Valid records with at most one signal replaced by a near-valid or garbage value. */
const mostlyValid = fc
  .tuple(validRecords, fc.option(fc.constantFrom(...(Object.keys(nearValid) as (keyof typeof nearValid)[]))))
  .chain(([record, broken]) =>
    broken === null ? fc.constant(record) : nearValid[broken].map((value) => ({ ...record, [broken]: value })),
  );

/** Records with any subset of the signals (the old `withDeletedKeys`), plus extra keys. */
const signalRecords = fc
  .tuple(fc.record(nearValid, { requiredKeys: [] }), fc.dictionary(key, garbage, { maxKeys: 3 }))
  .map(([signals, extra]) => Object.assign(extra, signals));

/**
 * A recipe for making a value hostile: null prototype, a throwing getter, a Proxy with a throwing trap,
 * or a revoked Proxy. Recipes are plain data; `hostile` builds the object inside the property, because
 * fast-check itself inspects generated values (and would trip over the traps).
 */
type Recipe = {
  value: unknown;
  how:
    | "as-is"
    | "null-proto"
    | "getter"
    | "revoked"
    | "get"
    | "getOwnPropertyDescriptor"
    | "has"
    | "ownKeys"
    | "getPrototypeOf";
  key: string;
};

function recipes(arb: fc.Arbitrary<unknown>): fc.Arbitrary<Recipe> {
  return fc.record({
    value: arb,
    how: fc.constantFrom(
      "as-is",
      "as-is",
      "null-proto",
      "getter",
      "revoked",
      "get",
      "getOwnPropertyDescriptor",
      "has",
      "ownKeys",
      "getPrototypeOf",
    ),
    key: fc.constantFrom(...SIGNAL_NAMES, "now", "customer", "collected", "evidence"),
  });
}

/** Copies own enumerable properties with defineProperty: assigning would run `__proto__` and accessors. */
function ownCopy(target: object, value: object): object {
  for (const key of Object.keys(value)) {
    Object.defineProperty(target, key, { value: (value as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  }
  return target;
}

function hostile({ value, how, key }: Recipe): unknown {
  if (how === "revoked") {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }
  if (how === "as-is" || typeof value !== "object" || value === null) return value;
  if (how === "null-proto") return ownCopy(Object.create(null), value);
  if (how === "getter") {
    const copy: object = ownCopy({}, value);
    Object.defineProperty(copy, key, {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    return copy;
  }
  return new Proxy(value, {
    [how]() {
      throw new Error(how);
    },
  });
}

/** Context recipes: garbage, or a record whose parts are each made hostile, then the whole made hostile. */
const contexts = fc.oneof(
  recipes(garbage).map((outer) => ({ outer, parts: null })),
  fc
    .tuple(
      recipes(fc.constant(null)),
      fc.record(
        {
          now: recipes(
            fc.oneof(
              fc.integer({ min: -8.64e15, max: 8.64e15 }),
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              garbage,
            ),
          ),
          customer: recipes(garbage),
          issueType: recipes(fc.oneof(fc.string(), garbage)),
          collected: recipes(fc.oneof(fc.dictionary(key, garbage, { maxKeys: 5 }), garbage)),
          evidence: recipes(fc.oneof(fc.array(garbage, { maxLength: 5 }), garbage)),
          priorActions: recipes(fc.oneof(fc.array(garbage, { maxLength: 5 }), garbage)),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([outer, parts]) => ({ outer, parts: parts as Record<string, Recipe> })),
);

function hostileContext({ outer, parts }: { outer: Recipe; parts: Record<string, Recipe> | null }): unknown {
  if (parts === null) return hostile(outer);
  const context: Record<string, unknown> = {};
  for (const [name, recipe] of Object.entries(parts)) context[name] = hostile(recipe);
  return hostile({ ...outer, value: context });
}

/** Inputs for the small `noOtherwise` model. */
const tinyRecords = fc.record(
  { x: fc.oneof(fc.boolean(), garbage), e: fc.constantFrom("a", "b", "c") },
  { requiredKeys: [] },
);

const inputs = recipes(fc.oneof(garbage, signalRecords, mostlyValid, mostlyValid, tinyRecords));

const firstMatch: ContractModel = { ...support, policy: "first-match" };
const noOtherwise = contract({
  signals: [sig.bool("x"), sig.enum("e", ["a", "b"], "a")],
  rules: [rule("r", c.and(c.flag("x"), c.in("e", ["a", "b"])), { action: "route", owner: "t" })],
  otherwise: null,
  onInvalid: outcome("invalid-input", { action: "escalate", owner: "desk", reason: "bad", say: "A colleague will help." }),
});
const models = fc.constantFrom(support, firstMatch, noOtherwise);

function checkShape(d: Decision): void {
  expect(ACTIONS).toContain(d.action);
  expect(Object.keys(d)).toEqual(d.rule === "invalid-input" ? [...DECISION_KEYS, "invalid"] : DECISION_KEYS);
  expect(d.brief === null).toBe(d.action === "answer");
  if (d.rule === "invalid-input") expect(d.invalid!.length).toBeGreaterThan(0);
  else if (d.rule === "otherwise") expect(d.matched).toEqual([]);
  else expect(d.matched).toContain(d.rule);
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
}

describe("interpret on anything", () => {
  it("never throws and always returns a well-formed decision with one of the four actions", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(models, inputs, contexts, (model, input, context) => {
        const d = interpret(model, hostile(input), hostileContext(context));
        checkShape(d);
        seen.add(`${model === noOtherwise ? "tiny" : "support"}:${d.rule}`);
      }),
      { numRuns: 3000 },
    );
    // The generators reach every outcome, not just invalid input.
    expect([...seen].sort()).toEqual(
      [
        "support:angry_repeat",
        "support:invalid-input",
        "support:medical",
        "support:otherwise",
        "support:rule_27",
        "tiny:invalid-input",
        "tiny:r",
      ].sort(),
    );
  });

  it("context never changes which rule wins, what matched or why", () => {
    fc.assert(
      fc.property(models, fc.oneof(signalRecords, mostlyValid, tinyRecords), contexts, (model, input, context) => {
        const plain = interpret(model, input);
        const withContext = interpret(model, input, hostileContext(context));
        expect(withContext.rule).toBe(plain.rule);
        expect(withContext.matched).toEqual(plain.matched);
        expect(withContext.reasons).toEqual(plain.reasons);
        expect(withContext.invalid).toEqual(plain.invalid);
      }),
      { numRuns: 2000 },
    );
  });

  it("extra keys, __proto__ and a null prototype never change the decision", () => {
    fc.assert(
      fc.property(
        fc.oneof(signalRecords, mostlyValid),
        fc.dictionary(fc.constantFrom(...SPECIAL_KEYS.slice(0, 6), "extra"), garbage),
        (input, extra) => {
          const base = interpret(support, input, { now: 0 });
          const known = Object.fromEntries(Object.entries(input).filter(([k]) => SIGNAL_NAMES.includes(k)));
          const noisy = JSON.parse("{}");
          for (const [k, v] of Object.entries(extra))
            Object.defineProperty(noisy, k, { value: v, enumerable: true, writable: true, configurable: true });
          Object.assign(noisy, known);
          expect(interpret(support, noisy, { now: 0 })).toEqual(base);
          expect(interpret(support, Object.assign(Object.create(null), known), { now: 0 })).toEqual(base);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the winner is the earliest of the most severe matched rules (first-match: the earliest)", () => {
    const rank = { answer: 0, route: 1, escalate: 2, stop: 3 } as const;
    fc.assert(
      fc.property(models, fc.oneof(validRecords, mostlyValid, tinyRecords), (model, input) => {
        const d = interpret(model, input);
        if (d.rule === "invalid-input" || d.rule === "otherwise") return;
        const matched = model.rules.filter((r) => d.matched.includes(r.name));
        const expected =
          model.policy === "first-match"
            ? matched[0]
            : matched.find((r) => rank[r.action] === Math.max(...matched.map((m) => rank[m.action])));
        expect(d.rule).toBe(expected?.name);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("validation against an independent statement of the rules", () => {
  const valuesToTry = fc.oneof(
    garbage,
    fc.double(),
    fc.integer(),
    fc.constantFrom(
      -1,
      1,
      0,
      -0,
      0.5,
      -1e-9,
      1 + 1e-9,
      NaN,
      Infinity,
      -Infinity,
      "free",
      "pro",
      "constructor",
      "__proto__",
      "toString",
    ),
  );
  const specs = fc.oneof(
    fc.constant(signalSpecs(support)),
    fc
      .tuple(fc.option(fc.integer({ min: -10, max: 10 })), fc.option(fc.integer({ min: 0, max: 20 })))
      .map(([min, max]) =>
        signalSpecs(
          contract({
            signals: [
              sig.number("n", { min: min ?? undefined, max: max ?? undefined }),
              sig.int("i", { min: min ?? undefined, max: max ?? undefined }),
            ],
          }),
        ),
      ),
  );

  function isValid(spec: SignalSpec, v: unknown): boolean {
    switch (spec.kind) {
      case "bool":
        return typeof v === "boolean";
      case "text":
        return typeof v === "string";
      case "enum":
        return typeof v === "string" && spec.members!.includes(v);
      case "duration":
        return typeof v === "number" && Number.isFinite(v) && v >= 0;
      case "number":
      case "int":
        return (
          typeof v === "number" &&
          Number.isFinite(v) &&
          (spec.min === null || v >= spec.min) &&
          (spec.max === null || v <= spec.max) &&
          (spec.kind === "number" || Number.isInteger(v))
        );
    }
  }

  it("describeProblem is null exactly for valid values, and its messages stay short", () => {
    fc.assert(
      fc.property(specs, valuesToTry, (list, value) => {
        for (const spec of list) {
          const problem = describeProblem(spec, value);
          if (value === undefined) expect(problem === null).toBe(spec.defaultValue !== undefined);
          else expect(problem === null).toBe(isValid(spec, value));
          if (problem !== null) expect(problem.length).toBeLessThan(200);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("readContext on anything", () => {
  it("never throws and gives JSON-safe, plain results", () => {
    fc.assert(
      fc.property(contexts, (context) => {
        const clean = readContext(hostileContext(context));
        expect(clean.nowMs === null || Math.abs(clean.nowMs) <= 8.64e15).toBe(true);
        expect(Object.getPrototypeOf(clean.collected)).toBe(Object.prototype);
        expect(Array.isArray(clean.evidence) && Array.isArray(clean.priorActions)).toBe(true);
        const parts = {
          customer: clean.customer,
          collected: clean.collected,
          evidence: clean.evidence,
          priorActions: clean.priorActions,
        };
        expect(JSON.parse(JSON.stringify(parts))).toEqual(parts);
      }),
      { numRuns: 2000 },
    );
  });
});
