// The spans of keywords and operators, kept by the parser so the checker never re-reads the source.
import { describe, expect, it } from "vitest";
import { stripSpans, type Condition, type Item } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { parseClean, rules, underlined } from "./helpers.ts";

const opOf = (source: string, c: Condition): string =>
  c.kind === "comparison" || c.kind === "membership" ? underlined(source, c.opSpan) : "";

describe("keyword and operator spans", () => {
  it("underlines each operator as written", () => {
    const source = "when a <= 1 and b is not x and c is y and d not  in [p] and e in [q] then answer";
    const cond = rules(parseClean(source))[0]!.condition;
    expect(cond.kind === "and" && cond.operands.map((o) => opOf(source, o))).toEqual(["<=", "is not", "is", "not  in", "in"]);
  });

  it("underlines the keyword of every block, outcome and clause", () => {
    const source = 'signals { a: bool }\nfields { f: text }\nowners { o: "O" }\notherwise stop say "s" collect [f] urgency high\non  invalid stop\n';
    const items = parseClean(source).items;
    const keyword = (i: Item) => ("keywordSpan" in i ? underlined(source, i.keywordSpan) : "");
    expect(items.map(keyword)).toEqual(["signals", "fields", "owners", "otherwise", "on  invalid"]);
    const otherwise = items[3]!;
    expect(otherwise.kind === "otherwise" && otherwise.clauses.map((c) => underlined(source, c.keywordSpan))).toEqual(["say", "collect", "urgency"]);
  });

  it("takes `on` alone as the keyword when `invalid` is on the next line", () => {
    const source = "on\ninvalid stop";
    const item = parseClean(source).items[0]!;
    expect(item.kind === "on-invalid" && underlined(source, item.keywordSpan)).toBe("on");
  });

  it("keeps every span out of structural equality", () => {
    const a = parse("when x is not y then stop say \"s\"").ast;
    const b = parse("when  x  is\nnot y\nthen stop\n  say \"s\"").ast;
    expect(stripSpans(a.items)).toEqual(stripSpans(b.items));
    expect(JSON.stringify(stripSpans(a.items))).not.toMatch(/Offset/);
  });

  it("returns the text it parsed, without a byte-order mark", () => {
    expect(parse("\uFEFFwhen x then answer").source).toBe("when x then answer");
  });
});
