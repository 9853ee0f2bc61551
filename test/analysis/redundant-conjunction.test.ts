// redundant-comparison decides conjunctions of comparisons (each possibly negated) by set algebra on each signal; it must find
// exactly what the solver's questions find (the general path) on every satisfiable rule it handles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createContext } from "../../compiler/analysis/context.ts";
import { conjunctionFindings, generalFindings } from "../../compiler/analysis/redundant-comparison.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { parse } from "../../grammar/parse.ts";
import { randomContract } from "../support/random-contracts.ts";

describe("redundant-comparison on conjunctions", () => {
  it("finds what the general path finds", () => {
    let compared = 0;
    let found = 0;
    let negated = 0;
    fc.assert(
      fc.property(randomContract, (source) => {
        const { ast } = parse(source);
        const { model } = checkContract(ast, { source, fileName: "random.handoff" });
        if (!model) return;
        const ctx = createContext(model, ast, source);
        model.rules.forEach((_, i) => {
          if (ctx.matching(i) === null) return;
          const fast = conjunctionFindings(ctx, i);
          if (fast === null) return;
          compared++;
          found += fast.length;
          const condition = model.rules[i]!.condition;
          if (condition.kind === "not" || (condition.kind === "and" && condition.operands.some((o) => o.kind === "not"))) negated++;
          expect(fast).toEqual(generalFindings(ctx, i));
        });
      }),
      { numRuns: 400 },
    );
    // The random contracts have conjunctions, and some with redundant comparisons.
    expect(compared).toBeGreaterThan(200);
    expect(found).toBeGreaterThan(20);
    // ... and negated comparisons among the conjuncts.
    expect(negated).toBeGreaterThan(20);
  });
});
