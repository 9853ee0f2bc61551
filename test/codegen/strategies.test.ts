// compiled ≡ interpreter for every matching strategy (inline, chunked, indexed), at every size, with
// both policies: on the fixture models with random valid, boundary and invalid inputs; on random
// contracts generated from the grammar; and on generated contracts of thousands of rules. Plus the
// plan's choice and the bound on function size that keeps every function optimisable.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate, generateWithPlan } from "../../compiler/codegen/index.ts";
import { choosePlan, type Strategy } from "../../compiler/codegen/plan.ts";
import { checkContract } from "../../compiler/check/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret, validateWith } from "../../compiler/interpret.ts";
import { randomInputs } from "../../bench/inputs.ts";
import { routingContract } from "../../bench/routing.ts";
import { scaleContract } from "../../bench/scale-contracts.ts";
import { syntheticContract } from "../../bench/synthetic.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { models } from "../support/model-fixtures.ts";
import { loadGenerated, type GeneratedModule } from "../support/load-module.ts";

const scaled: Strategy[] = ["chunked", "indexed"];
const NOW = { now: "2026-03-01T09:30:00Z" };

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T09:30:00.000Z") });
});
afterAll(() => {
  vi.useRealTimers();
});

function modelOf(source: string): ContractModel {
  const ast = parse(source).ast;
  const { model, diagnostics } = checkContract(ast, { source, fileName: "generated.handoff" });
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return model;
}

function agree(module: GeneratedModule, model: ContractModel, input: unknown, context: unknown): void {
  const expected = interpret(model, input, context);
  const actual = module.decide(input, context);
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

describe.each(scaled)("the %s strategy", (strategy) => {
  it.each(Object.entries(models))("decides and validates as the interpreter: %s", async (_, model) => {
    const module = await loadGenerated(await generate(model, { strategy }));
    fc.assert(
      fc.property(inputFor(model), contextFor(model), (input, context) => {
        agree(module, model, input, context);
        const validation = module.validate(input);
        if (!isDeepStrictEqual(validation, validateWith(model, input))) expect(validation).toStrictEqual(validateWith(model, input));
      }),
      { numRuns: 3_000 },
    );
  });

  it("agrees with the interpreter on random contracts of both policies", async () => {
    await fc.assert(
      fc.asyncProperty(randomContract, fc.integer(), async (source, seed) => {
        const model = modelOf(source);
        const module = await loadGenerated(await generate(model, { strategy }));
        for (const input of sampleInputs(model, seed, 60)) agree(module, model, input, NOW);
      }),
      { numRuns: 25 },
    );
  });
});

describe("thousands of rules", () => {
  const cases: [string, string][] = [
    ["3,000 random rules, most-severe", syntheticContract({ rules: 3000, policy: "most-severe" })],
    ["3,000 random rules, first-match", syntheticContract({ rules: 3000, policy: "first-match" })],
    ["3,000 routing rules", routingContract(3000)],
    // A product enum of 100 members (its cells looked up in a Map), rules grouped by product in the bit sets.
    ["2,500 rules shaped like the examples", scaleContract(2500)],
  ];
  it.each(cases)("%s: every strategy decides as the interpreter", async (_, source) => {
    const model = modelOf(source);
    const inputs = randomInputs(model, 600, 11);
    for (const strategy of scaled) {
      const module = await loadGenerated(await generate(model, { strategy }));
      for (const input of inputs) agree(module, model, input, NOW);
    }
  }, 120_000);
});

describe("the plan", () => {
  it("keeps small contracts inline and indexes large ones", async () => {
    expect(choosePlan(models.supportDesk!).strategy).toBe("inline");
    const routing = modelOf(routingContract(1000));
    const plan = choosePlan(routing);
    expect(plan.strategy).toBe("indexed");
    expect(plan.index?.exactRules).toBe(routing.rules.length);
  });

  it("never emits a function anywhere near V8's optimisation limit, whatever the size", async () => {
    const model = modelOf(syntheticContract({ rules: 3000, policy: "most-severe" }));
    const { text, plan } = await generateWithPlan(model);
    expect(plan.strategy).not.toBe("inline");
    // Top-level functions start at column 0 and end with a `}` at column 0.
    const sizes = [...text.matchAll(/^(?:export )?function (\w+)[\s\S]*?^\}/gm)].map((m) => [m[1], m[0].length] as const);
    expect(sizes.length).toBeGreaterThan(50);
    const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(largest[1]).toBeLessThan(40_000);
  });
});
