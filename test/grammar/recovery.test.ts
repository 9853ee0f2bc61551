import { describe, expect, it } from "vitest";
import { ruleName } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { described, only, rules, underlined } from "./helpers.ts";

/** [underlined, message] of every syntax diagnostic. */
function errors(source: string): [string, string][] {
  return parse(source)
    .diagnostics.filter((d) => d.code === "syntax")
    .map((d) => [underlined(source, d.span), d.message]);
}

describe("error recovery", () => {
  it("reports two broken rules and still yields the good one", () => {
    const source = `signals { x: bool }
rule one when x then escalte to senior
rule two when x then answer
rule three when x stop to senior say "x"
otherwise answer`;
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([
      ["syntax", "escalte", "expected an action (`answer`, `route`, `escalate` or `stop`) after `then`, found `escalte`"],
      ["syntax", "stop", "expected `then` after the condition, found `stop`"],
    ]);
    expect(rules(ast).map(ruleName)).toContain("two");
    expect(ast.items.map((i) => i.kind)).toContain("otherwise");
    expect(only(ast, "signals-block").signals).toHaveLength(1);
  });

  it("re-synchronises at every top-level keyword", () => {
    const starts = [
      'contract "c"',
      'version "v"',
      "policy first-match",
      "signals { a: bool }",
      "fields { f: text }",
      'owners { o: "O" }',
      "rule r when a then answer",
      "when a then answer",
      "otherwise answer",
      "on invalid stop",
      'test "t" expect answer',
    ];
    for (const start of starts) {
      const source = `when a then escalate to ( junk ]\n${start}`;
      const { ast, diagnostics } = parse(source);
      expect(diagnostics.filter((d) => d.code === "syntax")).toHaveLength(1);
      expect(ast.items).toHaveLength(1);
      expect(underlined(source, ast.items[0]!.span)).toBe(start);
    }
  });

  it("keeps the complete declarations of a block that is cut short", () => {
    const source = "signals {\n  a: bool\n  b: int";
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([["syntax", "", "expected a signal name or `}` after `int`, found end of file"]]);
    expect(diagnostics[0]!.span).toMatchObject({ startLine: 3, startColumn: 9 });
    expect(only(ast, "signals-block").signals.map((s) => s.name.text)).toEqual(["a", "b"]);
  });

  it("drops only the broken declaration inside a block", () => {
    const source = "signals { a: bool b: = 1 c: int }";
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics).map(([, u, m]) => [u, m])).toEqual([
      ["=", "expected a type (`bool`, `number`, `int`, `text`, `duration` or `a | b | c`) after `:`, found `=`"],
    ]);
    // The declarations before and after the broken one survive whole, with their types.
    const kept = only(ast, "signals-block").signals.map((s) => [s.name.text, s.type.kind === "primitive-type" ? s.type.name : s.type.kind]);
    expect(kept).toEqual([
      ["a", "bool"],
      ["c", "int"],
    ]);
  });

  it("inserts a missing keyword or bracket when that is enough", () => {
    const source = "when a escalate to x\nwhen b then answer collect [f";
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics).map(([, u, m]) => [u, m])).toEqual([
      ["escalate", "expected `then` after the condition, found `escalate`"],
      ["", "expected `,` or `]` after `f`, found end of file"],
    ]);
    expect(rules(ast)[0]!.action.action).toBe("escalate");
  });
});

describe("messages", () => {
  it("name the problem in the author's terms", () => {
    expect(errors("contract support")).toEqual([["support", "expected a string after `contract`, found `support`"]]);
    expect(errors("policy first_match")).toEqual([
      ["first_match", "expected `most-severe` or `first-match` after `policy`, found `first_match`"],
    ]);
    expect(errors("when a == then answer")).toEqual([
      ["then", "expected a value (a string, number, duration, `true`, `false` or a name) after `==`, found `then`"],
    ]);
    expect(errors("when then answer")).toEqual([["then", "expected a condition after `when`, found `then`"]]);
    expect(errors("when (a or b then answer")).toEqual([["then", "expected `)` after `b`, found `then`"]]);
    expect(errors("when a then route senior")).toEqual([["senior", "expected `to` after `route`, found `senior`"]]);
    expect(errors("x: int")).toEqual([["x", "expected a declaration, rule or test, found `x`"]]);
    expect(errors("when a then answer within 2")).toEqual([["2", "expected a duration (`2h`) or business time (`4 business hours`) after `within`, found `2`"]]);
    expect(errors("fields { a: text, b: text }")).toEqual([[",", "expected a field name or `}` after `text`, found `,`"]]);
    expect(errors('when a then answer reason')).toEqual([["", "expected a string after `reason`, found end of file"]]);
  });

  it("suggest == for a single = in a condition", () => {
    expect(parse("when a = 1 then answer").diagnostics[0]!.hint).toBe("compare with `==` or `is`");
  });

  it("never show Chevrotain's internal token names or arrows", () => {
    const sources = [
      "rule",
      "signals {",
      "when a in then",
      'test "x" given',
      "otherwise to",
      "on invalid",
      "signals { a: }",
      ") ] } ,",
      "when not not",
      "rule x when a then answer collect [",
    ];
    for (const source of sources) {
      for (const d of parse(source).diagnostics) {
        expect(d.message).not.toMatch(/-->|<--|Identifier|StringLiteral|NumberLiteral|EOF|token/);
        expect(d.message).toMatch(/^expected |^unexpected |unterminated/);
      }
    }
  });
});
