import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkContract } from "../../compiler/check/index.ts";
import type { ContractFile, Span } from "../../grammar/ast.ts";
import { run, supportExample } from "./helpers.ts";

function wellFormed(source: string): void {
  const { diagnostics, model } = run(source);
  for (const d of diagnostics) {
    expect(d.span.startOffset).toBeGreaterThanOrEqual(0);
    expect(d.span.endOffset).toBeGreaterThanOrEqual(d.span.startOffset);
    expect(d.span.endOffset).toBeLessThanOrEqual(source.length);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(model === null).toBe(diagnostics.some((d) => d.severity === "error"));
}

describe("partial and broken files", () => {
  const cases = [
    "",
    "\uFEFF",
    "signals {",
    "signals { x: }",
    "signals { x: bool = }",
    "rule r when",
    "rule r when x then",
    "when x then escalate to",
    "otherwise",
    "on invalid",
    'test "t" given',
    'test "t" given x = 1 expect',
    "signals { x: bool }\nrule r when x then stop say \"unterminated",
    "signals { x: a | }\nwhen x is a then answer",
    "\0\0\0",
    "signals { x: bool }\rwhen x\rthen answer\rotherwise answer",
  ];
  for (const source of cases) {
    it(`checks ${JSON.stringify(source)} without throwing`, () => wellFormed(source));
  }

  it("still checks the rest of a file after a syntax error", () => {
    const source = supportExample.replace("rule medical\n  when topic is medical", "rule medical\n  when topic is is medical") + "\nwhen tier is gold then answer\n";
    const seen = run(source).seen;
    expect(seen.some((d) => d.code === "syntax")).toBe(true);
    expect(seen.filter((d) => d.code === "unknown-value").map((d) => d.text)).toEqual(["gold"]);
  });
});

describe("random damage to the example", () => {
  it("never throws, and spans stay inside the source", () => {
    fc.assert(
      fc.property(
        fc.nat(supportExample.length),
        fc.nat(40),
        fc.string({ maxLength: 12, unit: fc.constantFrom(..."{}[]()<>=!|\".,:#\\ \n\r\tabz019-_") }),
        (at, cut, insert) => {
          wellFormed(supportExample.slice(0, at) + insert + supportExample.slice(at + cut));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (source) => wellFormed(source)), { numRuns: 100 });
  });
});

describe("hand-made trees", () => {
  const span: Span = { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  it("checks an empty tree, and a tree with odd holes, without throwing", () => {
    const empty: ContractFile = { kind: "file", items: [], comments: [], span };
    expect(checkContract(empty, { source: "", fileName: "x.handoff" }).diagnostics.map((d) => d.code)).toEqual(["missing-signals"]);
    const holes = {
      kind: "file",
      items: [
        { kind: "signals-block", signals: [], span },
        { kind: "rule", name: null, whenSpan: span, condition: { kind: "and", operands: [], span }, action: { kind: "action", action: "route", target: null, within: null, span }, clauses: [], span },
        { kind: "otherwise", action: { kind: "action", action: "answer", target: null, within: null, span }, clauses: [], span },
        { kind: "test", name: { kind: "string", value: "t", parts: [], span }, given: [], expect: { kind: "expect-rule", rule: { kind: "name", text: "rule_1", span }, span }, span },
      ],
      comments: [],
      span,
    } as unknown as ContractFile;
    expect(checkContract(holes, { source: "", fileName: "x.handoff" }).diagnostics.map((d) => d.code)).toEqual(["missing-target"]);
  });
});

describe("a byte-order mark", () => {
  it("is skipped: derived spans and quotes still point at the author's text", () => {
    const text = "signals { tier: free | pro }\nwhen tier < pro then answer\notherwise answer\n";
    const { diagnostics } = run(`\uFEFF${text}`);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.startOffset, d.span.endOffset), d.span.startLine, d.span.startColumn])).toEqual([
      ["type-mismatch", "<", 2, 11],
    ]);
    expect(diagnostics[0]!.message).toContain("with `<`");
  });
});
