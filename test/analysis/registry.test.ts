// The analysis registry is built from the catalog: one rule per `analysis`-stage code, no rule for any
// other code (checked by the compiler, below, and at run time), run in a fixed order, each rule reporting
// only its own code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisRules, type AnalysisCode, type AnalysisRule } from "../../compiler/analysis/registry.ts";
import { createContext } from "../../compiler/analysis/context.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { catalog } from "../../diagnostics/index.ts";
import { parse } from "../../grammar/parse.ts";
import { randomContract } from "../support/random-contracts.ts";

const rule: AnalysisRule = () => [];

// An analysis code without a rule does not compile …
// @ts-expect-error `not-monotone` has no rule
const missing: Record<AnalysisCode, AnalysisRule> = { incomplete: rule, "unsatisfiable-condition": rule, "unreachable-rule": rule, "hidden-severity": rule, "ambiguous-owner": rule, "redundant-comparison": rule };
// … nor does a rule for a code another stage reports.
const extra = {
  incomplete: rule,
  "unsatisfiable-condition": rule,
  "unreachable-rule": rule,
  "hidden-severity": rule,
  "ambiguous-owner": rule,
  "redundant-comparison": rule,
  "not-monotone": rule,
  "promise-outside-hours": rule,
  "unstaffed-handoff": rule,
  // @ts-expect-error `no-deadline` is the checker's
  "no-deadline": rule,
} satisfies Record<AnalysisCode, AnalysisRule>;

describe("the analysis registry", () => {
  it("has a rule for exactly the catalog's analysis codes", () => {
    expect([missing, extra].length).toBe(2);
    const analysisCodes = Object.entries(catalog).flatMap(([code, entry]) => (entry.stage === "analysis" ? [code] : []));
    expect(Object.keys(analysisRules).sort()).toEqual(analysisCodes.sort());
  });

  it("runs its rules in a fixed order", () => {
    expect(Object.keys(analysisRules)).toEqual([
      "incomplete",
      "unsatisfiable-condition",
      "unreachable-rule",
      "hidden-severity",
      "ambiguous-owner",
      "redundant-comparison",
      "not-monotone",
      "promise-outside-hours",
      "unstaffed-handoff",
    ]);
  });

  it("each rule reports only its own code", () => {
    const reported = new Set<string>();
    for (const source of fc.sample(randomContract, { numRuns: 60, seed: 1 })) {
      const { ast } = parse(source);
      const { model } = checkContract(ast, { source, fileName: "random.handoff" });
      if (!model) continue;
      const ctx = createContext(model, ast, source);
      for (const [code, run] of Object.entries(analysisRules)) {
        for (const d of run(ctx)) {
          expect(d.code).toBe(code);
          reported.add(d.code);
        }
      }
    }
    expect(reported.size).toBeGreaterThan(2);
  });
});
