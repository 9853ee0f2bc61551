import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentText, key, literal, num, str } from "../../compiler/codegen/literals.ts";

const evaluate = (code: string): unknown => new Function(`"use strict"; return (${code});`)();

describe("safe literals", () => {
  it("str is a string literal of exactly the value, with no raw line terminator or <", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const code = str(s);
        expect(code).not.toMatch(/[\n\r\u2028\u2029<]/);
        expect(evaluate(code)).toBe(s);
        expect(JSON.parse(code)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it("num round-trips every double, -0 and non-finite values included", () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(Object.is(evaluate(num(n)), n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(evaluate(`-${num(-0.5)}`)).toBe(0.5);
  });

  it("literal handles each value type", () => {
    expect(literal(true)).toBe("true");
    expect(literal(false)).toBe("false");
    expect(literal("a\u2028b")).toBe('"a\\u2028b"');
    expect(literal(1.5)).toBe("1.5");
  });

  it("key never lets __proto__ set a prototype", () => {
    const obj = evaluate(`{ ${key("__proto__")}: 1, ${key("a b")}: 2 }`) as Record<string, number>;
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(["__proto__", "a b"]);
  });

  it("commentText cannot end a comment", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const text = commentText(s);
        expect(text).not.toMatch(/[\n\r\u2028\u2029]|\*\//);
        expect(evaluate(`/* ${text} */ 1 // ${text}\n`)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});
