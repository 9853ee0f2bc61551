// compiled ≡ interpreter: for random valid, boundary and invalid inputs and random contexts, every
// generated module returns exactly (deep, strict) the decision and validation of the reference
// interpreter. At least 100,000 inputs per run in total.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { interpret, validateWith } from "../../compiler/interpret.ts";
import { readFileSync } from "node:fs";
import { generate as generateWith } from "../../compiler/codegen/index.ts";
import type { Strategy } from "../../compiler/codegen/plan.ts";
import { check } from "../../compiler/compile.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { parse } from "../../grammar/parse.ts";
import { calendarContextFor, contextFor, inputFor } from "../support/arbitraries.ts";
import { randomCalendarContract, sampleInputs } from "../support/random-contracts.ts";
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

/** A checked model (errors fail the test; warnings are fine). */
function checked(source: string): ContractModel {
  const { model, diagnostics } = check(source);
  if (model === null) throw new Error(diagnostics.map((d) => `${d.span.startLine}: ${d.message}`).join("\n"));
  return model;
}

/** The checker's model without the analyses (a random contract may be incomplete: that is fine here). */
function checkedOnly(source: string): ContractModel {
  const { model, diagnostics } = checkContract(parse(source).ast, { source, fileName: "random.handoff" });
  if (model === null) throw new Error(`${source}\n${diagnostics.map((d) => `${d.span.startLine}: ${d.message}`).join("\n")}`);
  return model;
}

const supportHours = checked(readFileSync(new URL("../../examples/support-hours.handoff", import.meta.url), "utf8"));

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

describe("compiled ≡ interpreter with calendars", () => {
  const strategies: (Strategy | undefined)[] = [undefined, "chunked", "indexed"];
  it.each(strategies)("support-hours, strategy %s, at instants around every opening, closing and DST change", async (strategy) => {
    const module = await loadGenerated(await generateWith(supportHours, strategy === undefined ? {} : { strategy }));
    const staffing = new Set<string>();
    fc.assert(
      fc.property(inputFor(supportHours), calendarContextFor(supportHours), (input, context) => {
        compared++;
        const expected = interpret(supportHours, input, context);
        const actual = module.decide(input, context);
        if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
        staffing.add(`${expected.businessTime}/${expected.ownerOpen}`);
      }),
      { numRuns: strategy === undefined ? 6_000 : 2_000 },
    );
    // Business and wall-clock deadlines, owners open, closed and absent all occurred.
    expect([...staffing]).toEqual(expect.arrayContaining(["false/null", "false/true", "true/false", "true/true"]));
  });

  it("random contracts with calendars, in every strategy", async () => {
    await fc.assert(
      fc.asyncProperty(randomCalendarContract, fc.integer(), async (source, seed) => {
        const model = checkedOnly(source);
        expect(model.calendars?.length).toBeGreaterThan(0);
        for (const strategy of ["inline", "chunked", "indexed"] as const) {
          const module = await loadGenerated(await generateWith(model, { strategy }));
          const nows = fc.sample(calendarContextFor(model), { seed, numRuns: 20 });
          sampleInputs(model, seed, 20).forEach((input, i) => {
            compared++;
            const context = nows[i % nows.length];
            const expected = interpret(model, input, context);
            const actual = module.decide(input, context);
            if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
          });
        }
      }),
      { numRuns: 25 },
    );
  });
});
