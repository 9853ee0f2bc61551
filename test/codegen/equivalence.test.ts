// compiled ≡ interpreter: for random valid, boundary and invalid inputs and random contexts, every
// generated module returns exactly (deep, strict) the decision and validation of the reference
// interpreter. At least 100,000 inputs per run in total.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { interpret, validateWith } from "../../compiler/interpret.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { answerFields, models } from "../support/model-fixtures.ts";
import { injectedModel } from "../support/injection.ts";
import { loadGenerated } from "../support/load-module.ts";

/** Inputs per model; the sum is at least 100,000. */
const cases: [string, ContractModel, number][] = [
  ["supportDesk", models.supportDesk!, 36_000],
  ["firstMatch", models.firstMatch!, 36_000],
  ["noOtherwise", models.noOtherwise!, 12_000],
  ["onlyOtherwise", models.onlyOtherwise!, 3_000],
  ["empty", models.empty!, 1_000],
  ["answerFields", answerFields, 3_000],
  ["injected quote", injectedModel('"'), 4_000],
  ["injected __proto__", injectedModel("__proto__"), 4_000],
  ["injected U+2028", injectedModel("\u2028"), 4_000],
];

let compared = 0;

beforeAll(() => {
  // `now` missing or malformed in a context means the clock: freeze it so deadlines compare.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T09:30:00.000Z") });
});

afterAll(() => {
  vi.useRealTimers();
  expect(compared).toBeGreaterThanOrEqual(100_000);
});

describe("compiled ≡ interpreter", () => {
  it.each(cases)("%s", async (_, model, numRuns) => {
    const module = await loadGenerated(await generate(model));
    const seen = new Set<string>();
    fc.assert(
      fc.property(inputFor(model), contextFor(model), (input, context) => {
        compared++;
        const expected = interpret(model, input, context);
        const actual = module.decide(input, context);
        if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
        seen.add(expected.rule);
        for (const name of expected.matched) seen.add(name);
        const expectedValidation = validateWith(model, input);
        const actualValidation = module.validate(input);
        if (!isDeepStrictEqual(actualValidation, expectedValidation)) expect(actualValidation).toStrictEqual(expectedValidation);
      }),
      { numRuns },
    );
    // The inputs reach every rule, the fallback and the invalid path.
    const reachable = [...model.rules.map((rule) => rule.name), "invalid-input", ...(model.otherwise ? ["otherwise"] : [])];
    expect([...seen].sort()).toEqual(reachable.sort());
  });
});
