// The scale benchmark's inputs and rivals: the generated contracts check without errors and look like real
// ones (rules reading 2–5 signals, every action, a handful of matches per input, not hundreds), the same
// arguments give the same text, and the Zen and json-rules-engine translations report exactly the matched
// rules and winner of the interpreter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomInputs } from "../../bench/inputs.ts";
import { jsonRulesMatcher } from "../../bench/json-rules.ts";
import { scaleContract } from "../../bench/scale-contracts.ts";
import { zenMatcher } from "../../bench/zen.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { check } from "../../compiler/compile.ts";
import { catalog } from "../../diagnostics/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret } from "../../compiler/interpret.ts";

const errorsOf = (source: string) => check(source).diagnostics.filter((d) => d.severity === "error");

function modelOf(rules: number): ContractModel {
  const { model, diagnostics } = check(scaleContract(rules));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return model!;
}

describe("scaleContract", () => {
  const small = modelOf(25);
  const medium = modelOf(250);

  it("checks without errors at 25, 250 and 2,500 rules, with exactly that many rules", () => {
    expect(small.rules).toHaveLength(25);
    expect(medium.rules).toHaveLength(250);
    // At 2,500 rules the static analyses alone take over ten seconds, and they can add an error only
    // through `incomplete` (no `otherwise`) or `not-monotone` (a `monotone` declaration): with neither
    // present, parsing and the checker decide whether `check()` reports an error.
    const source = scaleContract(2_500);
    const parsed = parse(source);
    const checked = checkContract(parsed.ast, { source, fileName: "scale-2500.handoff" });
    expect([...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.model!.rules).toHaveLength(2_500);
    expect(checked.model!.otherwise).not.toBeNull();
    expect(checked.model!.monotone).toEqual([]);
    expect(Object.entries(catalog).filter(([, entry]) => entry.severity === "error").map(([code]) => code)).toEqual(
      expect.not.arrayContaining(["unreachable-rule", "ambiguous-owner", "unsatisfiable-condition", "hidden-severity", "redundant-comparison"]),
    );
  });

  it("checks without errors whatever the seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 8, max: 60 }), (seed, rules) => {
        expect(errorsOf(scaleContract(rules, seed))).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it("gives the same text for the same arguments, and another for another seed", () => {
    expect(scaleContract(250)).toBe(scaleContract(250));
    expect(scaleContract(250, 3)).toBe(scaleContract(250, 3));
    expect(scaleContract(250, 3)).not.toBe(scaleContract(250));
  });

  it("is shaped like the examples: 20 signals of every type, rules reading 2–5 signals, every action, otherwise answer", () => {
    for (const model of [small, medium]) {
      expect(model.signals).toHaveLength(20);
      expect(new Set(model.signals.map((s) => (s.type.kind === "number" && s.type.integer ? "int" : s.type.kind)))).toEqual(
        new Set(["bool", "number", "int", "text", "duration", "enum"]),
      );
      const readingTwoToFive = model.rules.filter((r) => r.reads.length >= 2 && r.reads.length <= 5).length;
      expect(readingTwoToFive / model.rules.length).toBeGreaterThanOrEqual(0.9);
      expect(new Set(model.rules.map((r) => r.action))).toEqual(new Set(["answer", "route", "escalate", "stop"]));
      expect(model.otherwise?.action).toBe("answer");
    }
    // Most rules are routing rules keyed by product.
    const byProduct = medium.rules.filter((r) => r.reads[0] === "product").length;
    expect(byProduct / medium.rules.length).toBeGreaterThan(0.8);
  });

  it("matches a handful of rules on a typical input, not hundreds", () => {
    for (const model of [small, medium]) {
      const inputs = randomInputs(model, 300);
      const average = inputs.reduce((sum, input) => sum + interpret(model, input).matched.length, 0) / inputs.length;
      expect(average).toBeGreaterThanOrEqual(1);
      expect(average).toBeLessThanOrEqual(8);
    }
  });
});

describe("the Zen and json-rules-engine translations", () => {
  for (const rules of [25, 250]) {
    it(`report the interpreter's matched rules and winner at ${rules} rules`, async () => {
      const model = modelOf(rules);
      const zen = zenMatcher(model);
      const jre = jsonRulesMatcher(model);
      // Conditions that are not a plain `and` of comparisons go to Zen's column without a field: make sure
      // the sample exercises both kinds of cell.
      expect(model.rules.some((r) => r.condition.kind === "and" && r.condition.operands.some((o) => o.kind === "or"))).toBe(true);
      for (const input of randomInputs(model, rules === 25 ? 300 : 150, rules)) {
        const decision = interpret(model, input);
        const expected = { matched: decision.matched, winner: decision.rule };
        expect(await zen(input)).toEqual(expected);
        expect(await jre(input)).toEqual(expected);
      }
    });
  }
});
