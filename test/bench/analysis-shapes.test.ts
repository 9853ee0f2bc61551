// The analysis benchmark's slow shapes are what they claim: contracts that check without errors, of exactly
// the rules asked for, the same text for the same arguments, and shaped as described (bench/analysis-shapes.ts).
import { describe, expect, it } from "vitest";
import { shapeContract } from "../../bench/analysis-shapes.ts";
import { check } from "../../compiler/compile.ts";

describe("the analysis benchmark's shapes", () => {
  it.each(["ladder", "mixed", "interleaved"] as const)("%s checks without errors, with exactly the rules asked for, deterministically", (shape) => {
    const source = shapeContract(shape, 80);
    const { model, diagnostics } = check(source);
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(model!.rules).toHaveLength(80);
    expect(shapeContract(shape, 80)).toBe(source);
  });

  it("ladder: every rule but the first is beaten by it; mixed: rules read 2–5 signals of several types", () => {
    const ladder = check(shapeContract("ladder", 40)).diagnostics.filter((d) => d.code === "unreachable-rule");
    expect(ladder).toHaveLength(39);
    const mixed = check(shapeContract("mixed", 200)).model!;
    expect(mixed.rules.every((r) => r.reads.length >= 2 && r.reads.length <= 5)).toBe(true);
    expect(new Set(mixed.rules.flatMap((r) => r.reads)).size).toBe(mixed.signals.length);
    expect(new Set(mixed.rules.map((r) => r.action))).toEqual(new Set(["answer", "route", "escalate", "stop"]));
  });
});
