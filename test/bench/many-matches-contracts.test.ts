// The many-matches benchmark's contracts: they check without errors, the same arguments give the same
// text, and an input matches many rules (about one in ten), so the decision's lists grow with the contract.
import { describe, expect, it } from "vitest";
import { randomInputs } from "../../bench/inputs.ts";
import { manyMatchesContract } from "../../bench/many-matches-contracts.ts";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";

describe("manyMatchesContract", () => {
  const { model, diagnostics } = check(manyMatchesContract(250));

  it("checks without errors, with exactly that many rules over 20 signals", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(model!.rules).toHaveLength(250);
    expect(model!.signals).toHaveLength(20);
    expect(new Set(model!.rules.map((r) => r.action))).toEqual(new Set(["answer", "route", "escalate", "stop"]));
  });

  it("gives the same text for the same arguments, and another for another seed", () => {
    expect(manyMatchesContract(250)).toBe(manyMatchesContract(250));
    expect(manyMatchesContract(250, 3)).not.toBe(manyMatchesContract(250));
  });

  it("matches many rules on a typical input, and lists reasons for about half of them", () => {
    const inputs = randomInputs(model!, 200);
    const decisions = inputs.map((input) => interpret(model!, input));
    const matched = decisions.reduce((sum, d) => sum + d.matched.length, 0) / inputs.length;
    const reasons = decisions.reduce((sum, d) => sum + d.reasons.length, 0) / inputs.length;
    expect(matched).toBeGreaterThanOrEqual(15);
    expect(reasons / matched).toBeGreaterThan(0.3);
    expect(reasons / matched).toBeLessThan(0.7);
  });
});
