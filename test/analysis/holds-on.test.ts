// The context's `holdsOn` (a rule's compiled condition evaluated on an input's cells) must say what the
// interpreter's `holds` says: on the inputs the solver finds and on sampled inputs (mostly no cell's
// representative, so the fallback).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createContext } from "../../compiler/analysis/context.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { holds } from "../../compiler/interpret.ts";
import { parse } from "../../grammar/parse.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";

describe("holdsOn", () => {
  it("agrees with holds on found and sampled inputs", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), (source, seed) => {
        const { ast } = parse(source);
        const { model } = checkContract(ast, { source, fileName: "random.handoff" });
        if (!model) return;
        const ctx = createContext(model, ast, source);
        const found = model.rules.flatMap((_, i) => [ctx.matching(i), ctx.escaping(i, [(i + 1) % model.rules.length])]);
        const inputs = [...found.filter((x) => x !== null), ...sampleInputs(model, seed, 30)];
        for (const input of inputs)
          model.rules.forEach((rule, j) => expect(ctx.holdsOn(j, input)).toBe(holds(rule.condition, input)));
      }),
      { numRuns: 200 },
    );
  });
});
