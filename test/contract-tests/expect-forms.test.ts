// `expect not ACTION` and `expect at least ACTION`: how they parse, what they refuse, and the model they give.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import type { Expectation } from "../../grammar/ast.ts";
import { stripSpans } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";

const head = `signals { at: bool  least: int in 0..10  not_: bool }
owners { senior: "Senior support" }
when at then escalate to senior within 1h
otherwise answer
`;

function expectations(source: string): unknown[] {
  return parse(source)
    .ast.items.filter((i) => i.kind === "test")
    .map((t) => stripSpans((t as { expect: Expectation }).expect));
}

function diagnostics(source: string): [string, string, string][] {
  return check(source).diagnostics.map((d) => [d.code, source.slice(d.span.startOffset, d.span.endOffset), d.message]);
}

describe("parsing the expectation forms", () => {
  it("reads `not ACTION` and `at least ACTION` beside the existing forms", () => {
    const source = `${head}
test "a" expect not stop
test "b" given at = true expect at least route
test "c" expect escalate to senior within 1h
test "d" expect rule rule_3`;
    expect(expectations(source)).toEqual([
      { kind: "expect-action", mode: "not", action: "stop", target: null, within: null },
      { kind: "expect-action", mode: "at-least", action: "route", target: null, within: null },
      {
        kind: "expect-action",
        action: "escalate",
        target: { kind: "target", key: "senior", quoted: false },
        within: { kind: "duration", seconds: 3600, raw: "1h" },
      },
      { kind: "expect-rule", rule: { kind: "name", text: "rule_3" } },
    ]);
  });

  it("keeps `at` and `least` free as names everywhere else", () => {
    const source = `${head}
rule least when least > 3 and at then route to senior
test "names" given at = true, least = 4 expect at least route`;
    expect(check(source).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("underlines the whole expectation from `not`/`at`", () => {
    const source = `${head}test "a" expect at least escalate`;
    const test = parse(source).ast.items.find((i) => i.kind === "test")!;
    const span = (test as { expect: Expectation }).expect.span;
    expect(source.slice(span.startOffset, span.endOffset)).toBe("at least escalate");
  });

  it("refuses a target or `within` after `not` and `at least`, as a syntax error on that part", () => {
    const source = `${head}
test "a" expect not escalate to senior
test "b" expect at least escalate within 1h
test "c" expect not route to senior within 2h`;
    expect(diagnostics(source)).toEqual([
      ["syntax", "to senior", "`expect not` compares the action only, so it takes no target"],
      ["syntax", "within 1h", "`expect at least` compares the action only, so it takes no `within`"],
      ["syntax", "to senior within 2h", "`expect not` compares the action only, so it takes no target or `within`"],
    ]);
    expect(check(source).diagnostics[0]!.hint).toBe("write `expect not escalate`; to check an owner or deadline, use `expect escalate to …`");
  });

  it("names the forms when the word after `expect` is none of them", () => {
    const source = `${head}test "a" expect at most answer\ntest "b" expect least route`;
    const seen = diagnostics(source);
    expect(seen[0]).toEqual([
      "syntax",
      "at",
      "expected an action, `not ACTION`, `at least ACTION` or `rule NAME` after `expect`, found `at`",
    ]);
    expect(seen.every(([code]) => code === "syntax")).toBe(true);
  });

  it("needs an action after `not` and `at least`", () => {
    for (const tail of ["not", "not rule rule_3", "at least", "at least 3"]) {
      const codes = diagnostics(`${head}test "a" expect ${tail}`).map(([code]) => code);
      expect(codes, tail).toContain("syntax");
    }
  });
});

describe("the checked model", () => {
  it("gives `not` and `at least` their mode; a plain expectation has none (meaning `is`)", () => {
    const source = `${head}
test "a" expect not stop
test "b" expect at least answer
test "c" expect escalate to "senior"
test "d" expect rule rule_3`;
    const { model, diagnostics: found } = check(source);
    expect(found.filter((d) => d.severity === "error")).toEqual([]);
    expect(model!.tests.map((t) => t.expect)).toEqual([
      { kind: "action", mode: "not", action: "stop", owner: null, withinSeconds: null },
      { kind: "action", mode: "at-least", action: "answer", owner: null, withinSeconds: null },
      { kind: "action", action: "escalate", owner: "senior", withinSeconds: null },
      { kind: "rule", rule: "rule_3" },
    ]);
  });

  it("still checks the given values of tests with the new forms", () => {
    const source = `${head}test "a" given least = 11, bogus = 1 expect not stop`;
    expect(diagnostics(source).map(([code, text]) => `${code}: ${text}`)).toEqual(["out-of-range: 11", "unknown-signal: bogus"]);
  });
});
