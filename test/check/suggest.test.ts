import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distance, listNames, suggest } from "../../compiler/check/suggest.ts";

describe("suggest", () => {
  it("finds a close name", () => {
    expect(suggest("sentimnt", ["repeatContact", "sentiment", "tier"])).toBe("sentiment");
    expect(suggest("seniro", ["senior", "billing"])).toBe("senior");
    expect(suggest("hihg", ["low", "normal", "high", "critical"])).toBe("high");
  });

  it("prefers a case-only difference", () => {
    expect(suggest("Tier", ["tie", "tier"])).toBe("tier");
  });

  it("gives nothing when nothing is close", () => {
    expect(suggest("gold", ["free", "pro", "enterprise"])).toBeUndefined();
    expect(suggest("x", [])).toBeUndefined();
    expect(suggest("b", ["a"])).toBeUndefined();
    expect(suggest("A", ["a"])).toBe("a");
  });

  it("is a metric on small strings (identity, symmetry)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(distance(a, a)).toBe(0);
        expect(distance(a, b)).toBe(distance(b, a));
        expect(distance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it("counts an adjacent swap as one edit", () => {
    expect(distance("tier", "teir")).toBe(1);
  });

  it("lists names with a cut", () => {
    expect(listNames(["a", "b"])).toBe("`a`, `b`");
    expect(listNames(["a", "b", "c"], 2)).toBe("`a`, `b`, …");
  });
});
