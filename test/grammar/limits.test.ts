import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/parse.ts";
import { ConditionTooDeep, parser } from "../../grammar/parser.ts";
import { lexer } from "../../grammar/tokens.ts";
import { described, rules, show } from "./helpers.ts";

const tooDeep = "this condition nests parentheses or `not` more than 64 levels deep";

describe("too-large", () => {
  it("rejects a source over 4 MiB of UTF-8 with one diagnostic and an empty tree", () => {
    const { ast, diagnostics } = parse(`when a then answer ${"#".repeat(4 * 1_048_576)}`);
    expect(diagnostics.map((d) => [d.code, d.span.startLine, d.span.startColumn])).toEqual([["too-large", 1, 1]]);
    expect(ast.items).toEqual([]);
    expect(ast.comments).toEqual([]);
  });

  it("counts UTF-8 bytes, not UTF-16 units", () => {
    // 2,400,000 × "é" is 4.8 MB of UTF-8 in 2,400,000 code units.
    expect(parse(`#${"é".repeat(2_400_000)}`).diagnostics.map((d) => d.code)).toEqual(["too-large"]);
    expect(parse(`#${"x".repeat(4 * 1_048_576 - 1)}`).diagnostics).toEqual([]);
  });
});

describe("too-deep", () => {
  it("reports 100,000 nested parentheses without overflowing the stack", () => {
    const n = 100_000;
    const source = `when ${"(".repeat(n)}a${")".repeat(n)} then answer\nwhen b then answer`;
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([["too-deep", "(", tooDeep]]);
    expect(diagnostics[0]!.span.startColumn).toBe(6 + 64);
    expect(ast.items).toEqual([]);
  });

  it("reports 100,000 nested nots", () => {
    const source = `when ${"not ".repeat(100_000)}a then answer`;
    const { diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([["too-deep", "not", tooDeep]]);
    expect(diagnostics[0]!.span.startColumn).toBe(6 + 64 * 4);
  });

  it("still parses 64 levels", () => {
    const parens = parse(`when ${"(".repeat(64)}a${")".repeat(64)} then answer`);
    expect(parens.diagnostics).toEqual([]);
    expect(show(rules(parens.ast)[0]!.condition)).toBe("a");
    const nots = parse(`when ${"not ".repeat(64)}a then answer`);
    expect(nots.diagnostics).toEqual([]);
    const mixed = parse(`when ${"not (".repeat(32)}a${")".repeat(32)} then answer`);
    expect(mixed.diagnostics).toEqual([]);
    expect(parse(`when ${"not (".repeat(33)}a${")".repeat(33)} then answer`).diagnostics.map((d) => d.code)).toEqual([
      "too-deep",
    ]);
  });

  it("counts 65 levels as too deep, and does not count and/or chains or is not / not in", () => {
    expect(parse(`when ${"(".repeat(65)}a${")".repeat(65)} then answer`).diagnostics.map((d) => d.code)).toEqual(["too-deep"]);
    const chain = Array.from({ length: 5_000 }, (_, i) => `not a${i}`).join(" and ");
    expect(parse(`when ${chain} then answer`).diagnostics).toEqual([]);
    const operators = Array.from({ length: 200 }, (_, i) => `(a${i} is not x or b not in [y])`).join(" or ");
    expect(parse(`when ${operators} then answer`).diagnostics).toEqual([]);
    const siblings = Array.from({ length: 200 }, () => `(${"(".repeat(60)}a${")".repeat(60)})`).join(" and ");
    expect(parse(`when ${siblings} then answer`).diagnostics).toEqual([]);
  });

  it("is not fooled by many rules that each leave a parenthesis open", () => {
    const source = "when (a then answer\n".repeat(100);
    const { diagnostics } = parse(source);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["syntax"]));
  });

  it("keeps the lexical diagnostics and the comments", () => {
    const source = `# deep\nwhen ${"(".repeat(70)} "open`;
    const { ast, diagnostics } = parse(source);
    expect(diagnostics.map((d) => d.code)).toEqual(["too-deep", "syntax"]);
    expect(ast.comments).toHaveLength(1);
  });

  it("is enforced by the parser too, whatever the pre-scan missed", () => {
    parser.input = lexer.tokenize(`when ${"(".repeat(1_000)}a${")".repeat(1_000)} then answer`).tokens;
    expect(() => parser.file()).toThrow(ConditionTooDeep);
    parser.input = lexer.tokenize(`when ${"(".repeat(64)}a${")".repeat(64)} then answer`).tokens;
    expect(() => parser.file()).not.toThrow();
    expect(parser.errors).toEqual([]);
  });
});

describe("size", () => {
  it("parses a 1,000-rule contract (the parser is built once and reused)", () => {
    let source = "signals { a: int b: bool t: x | y }\n";
    for (let i = 0; i < 1_000; i++) {
      source += `rule r${i} when a > ${i} and not b or (t is x and b) then escalate to senior within 2h collect [f] reason "r {a}" say "s"\n`;
    }
    const first = parse(source);
    expect(first.diagnostics).toEqual([]);
    expect(rules(first.ast)).toHaveLength(1_000);
    expect(parse(source).ast).toEqual(first.ast);
  });
});
