import { describe, expect, it } from "vitest";
import { stripSpans } from "../../grammar/ast.ts";
import { conditionOf, parseClean, rules, underlined } from "./helpers.ts";

describe("precedence", () => {
  it("binds not tighter than and, and tighter than or", () => {
    expect(conditionOf("not a or b and c")).toBe("(not a) or (b and c)");
    expect(conditionOf("a and b or c and not d")).toBe("(a and b) or (c and (not d))");
    expect(conditionOf("not not a")).toBe("not (not a)");
    expect(conditionOf("not (a or b) and c")).toBe("(not (a or b)) and c");
  });

  it("flattens chains into one n-ary node", () => {
    expect(conditionOf("a and b and c and d")).toBe("a and b and c and d");
    expect(conditionOf("a or b or c")).toBe("a or b or c");
    const rule = rules(parseClean("when a and b and c then answer"))[0]!;
    expect(rule.condition.kind === "and" && rule.condition.operands).toHaveLength(3);
  });

  it("leaves no node for parentheses, and keeps grouping as written", () => {
    expect(conditionOf("(a)")).toBe("a");
    expect(conditionOf("((a or b))")).toBe("a or b");
    expect(conditionOf("(a or b) and c")).toBe("(a or b) and c");
    expect(conditionOf("a or (b or c)")).toBe("a or (b or c)");
  });
});

describe("comparisons", () => {
  it("reads every operator, with is / is not as wordy synonyms", () => {
    expect(conditionOf("a == 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6")).toBe(
      "a == 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6",
    );
    const rule = rules(parseClean("when a is x and b is not y then answer"))[0]!;
    expect(stripSpans(rule.condition)).toEqual({
      kind: "and",
      operands: [
        { kind: "comparison", signal: { kind: "name", text: "a" }, op: "==", wordy: true, value: { kind: "symbol", name: "x" } },
        { kind: "comparison", signal: { kind: "name", text: "b" }, op: "!=", wordy: true, value: { kind: "symbol", name: "y" } },
      ],
    });
  });

  it("reads every kind of literal", () => {
    expect(conditionOf('a == "x" or b == 1.5 or c > 90s or d == true or e == false or f is medical')).toBe(
      'a == "x" or b == 1.5 or c > 90s or d == true or e == false or f is medical',
    );
  });

  it("reads membership and its negation", () => {
    expect(conditionOf('topic in [billing, pricing] and lang not in ["de", "fr"]')).toBe(
      'topic in [billing, pricing] and lang not in ["de", "fr"]',
    );
    expect(conditionOf("not a in [x]")).toBe("not a in [x]");
  });

  it("reads a signal alone as a flag", () => {
    const rule = rules(parseClean("when repeatContact then answer"))[0]!;
    expect(stripSpans(rule.condition)).toEqual({ kind: "flag", signal: { kind: "name", text: "repeatContact" } });
  });
});

describe("condition spans", () => {
  const source = "when not (a or b) and c is not x and d in [1, 2] then answer";
  const condition = rules(parseClean(source))[0]!.condition;

  it("cover what the author wrote", () => {
    expect(underlined(source, condition.span)).toBe("not (a or b) and c is not x and d in [1, 2]");
    if (condition.kind !== "and") throw new Error("expected and");
    const [not, cmp, member] = condition.operands;
    expect(underlined(source, not!.span)).toBe("not (a or b)");
    if (not!.kind !== "not") throw new Error("expected not");
    expect(underlined(source, not.operand.span)).toBe("a or b");
    expect(underlined(source, cmp!.span)).toBe("c is not x");
    expect(underlined(source, member!.span)).toBe("d in [1, 2]");
    if (member!.kind !== "membership") throw new Error("expected membership");
    expect(member.values.map((v) => underlined(source, v.span))).toEqual(["1", "2"]);
  });

  it("of an and that starts with a parenthesis include it", () => {
    const src = "when (a or b) and c then answer";
    expect(underlined(src, rules(parseClean(src))[0]!.condition.span)).toBe("(a or b) and c");
  });
});
