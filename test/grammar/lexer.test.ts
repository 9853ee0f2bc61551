import { describe, expect, it } from "vitest";
import type { IToken } from "chevrotain";
import { parse } from "../../grammar/parse.ts";
import { durationValue, formatDuration, lexer, reservedWords, softKeywords } from "../../grammar/tokens.ts";
import { described, only, parseClean, rules, underlined } from "./helpers.ts";

function kinds(source: string): string[] {
  const { tokens, errors } = lexer.tokenize(source);
  expect(errors).toEqual([]);
  return tokens.map((t: IToken) => `${t.tokenType.name}:${t.image}`);
}

describe("tokens", () => {
  it("lexes ranges with and without bounds", () => {
    expect(kinds("0..5")).toEqual(["NumberLiteral:0", "DotDot:..", "NumberLiteral:5"]);
    expect(kinds("-1..1")).toEqual(["NumberLiteral:-1", "DotDot:..", "NumberLiteral:1"]);
    expect(kinds("0..")).toEqual(["NumberLiteral:0", "DotDot:.."]);
    expect(kinds("..100")).toEqual(["DotDot:..", "NumberLiteral:100"]);
    expect(kinds("-0.5..0.25")).toEqual(["NumberLiteral:-0.5", "DotDot:..", "NumberLiteral:0.25"]);
  });

  it("lexes durations, and not a number running into a word", () => {
    expect(kinds("90s 15m 1h30m 2d 1w")).toEqual([
      "Duration:90s",
      "Duration:15m",
      "Duration:1h30m",
      "Duration:2d",
      "Duration:1w",
    ]);
    expect(kinds("2hours")).toEqual(["MalformedNumber:2hours"]);
    expect(kinds("1h30")).toEqual(["MalformedNumber:1h30"]);
  });

  it("lexes most-severe and first-match as single tokens", () => {
    expect(kinds("most-severe first-match most")).toEqual([
      "MostSevere:most-severe",
      "FirstMatch:first-match",
      "Identifier:most",
    ]);
  });

  it("lexes every operator", () => {
    expect(kinds("== != <= >= < > = : , [ ] { } ( ) | ..").map((k) => k.split(":").slice(1).join(":"))).toEqual(
      "== != <= >= < > = : , [ ] { } ( ) | ..".split(" "),
    );
    expect(kinds("a<=-1")).toEqual(["Identifier:a", "LtEq:<=", "NumberLiteral:-1"]);
  });

  it("reads keywords only as whole words", () => {
    expect(kinds("invalid in int today to to2 notice not")).toEqual([
      "Invalid:invalid",
      "In:in",
      "Identifier:int",
      "Identifier:today",
      "To:to",
      "Identifier:to2",
      "Identifier:notice",
      "Not:not",
    ]);
  });

  it("lists the reserved words of the spec", () => {
    expect([...reservedWords].sort()).toEqual(
      "and or not is in true false when then rule otherwise test given expect".split(" ").sort(),
    );
    for (const word of ["contract", "version", "policy", "signals", "fields", "owners", "stop", "to", "reason", "say"]) {
      expect(softKeywords).toContain(word);
    }
  });
});

describe("durations", () => {
  it("adds up compound durations", () => {
    expect(durationValue("1h30m")).toEqual({ seconds: 5400, descending: true });
    expect(durationValue("90s")?.seconds).toBe(90);
    expect(durationValue("1w2d3h4m5s")?.seconds).toBe(604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    expect(formatDuration(5400)).toBe("1h30m");
    const ast = parseClean("when a then escalate to x within 1h30m");
    expect(rules(ast)[0]!.action.within).toMatchObject({ seconds: 5400, raw: "1h30m" });
  });

  it("reports units that do not strictly descend", () => {
    for (const raw of ["30m1h", "1h1h", "1s1m"]) {
      const source = `when a then escalate to x within ${raw}`;
      const { ast, diagnostics } = parse(source);
      expect(described(source, diagnostics)).toEqual([
        ["invalid-duration", raw, `the units of \`${raw}\` are not in descending order`],
      ]);
      expect(rules(ast)[0]!.action.within?.seconds).toBe(durationValue(raw)!.seconds);
    }
    const { diagnostics } = parse("when a then answer within 30m1h");
    expect(diagnostics[0]!.hint).toContain("`1h30m`");
  });

  it("does not take a number running into a word for a duration", () => {
    for (const raw of ["2hours", "1h30", "1.5h", "-2h", "5x"]) {
      const source = `when a then escalate to x within ${raw}`;
      const { diagnostics } = parse(source);
      expect(described(source, diagnostics)).toEqual([["syntax", raw, `\`${raw}\` is neither a number nor a duration`]]);
    }
    expect(parse("when w > 1.5h then answer").diagnostics[0]!.hint).toContain("`1h30m`");
    expect(parse("when w > -2h then answer").diagnostics[0]!.hint).toContain("negative");
  });

  it("reports a duration too large to represent", () => {
    const source = "when a then answer within 99999999999999999w";
    expect(described(source, parse(source).diagnostics)).toEqual([
      ["invalid-duration", "99999999999999999w", "the duration `99999999999999999w` is too large"],
    ]);
  });
});

describe("numbers", () => {
  it("reads negative and decimal numbers", () => {
    const ast = parseClean("when a > -12.5 or a < 3 then answer");
    expect(JSON.stringify(rules(ast)[0]!.condition)).toContain('"value":-12.5,"raw":"-12.5"');
  });

  it("reports a number too large to represent", () => {
    const big = "9".repeat(400);
    const source = `when a > ${big} then answer`;
    expect(described(source, parse(source).diagnostics)).toEqual([
      ["syntax", big, `the number \`${big.slice(0, 37)}…\` is too large`],
    ]);
  });
});

describe("comments", () => {
  it("collects comments with their text and span, ending at any line end", () => {
    const source = "# one\r\nwhen a then answer # two\r# three\n#\n";
    const { ast, diagnostics } = parse(source);
    expect(diagnostics).toEqual([]);
    expect(ast.comments.map((c) => [c.text, underlined(source, c.span), c.span.startLine])).toEqual([
      [" one", "# one", 1],
      [" two", "# two", 2],
      [" three", "# three", 3],
      ["", "#", 4],
    ]);
  });
});

describe("strings", () => {
  it("processes the five escapes", () => {
    const source = String.raw`contract "a\"b\\c\nd\te\{f}"`;
    expect(only(parseClean(source), "contract-decl").name.value).toBe('a"b\\c\nd\te{f}');
  });

  it("reports any other escape, naming it and pointing at it", () => {
    const source = String.raw`contract "a\qb\u0041"`;
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([
      ["syntax", "\\q", "unknown escape `\\q` in a string"],
      ["syntax", "\\u", "unknown escape `\\u` in a string"],
    ]);
    expect(diagnostics[0]!.hint).toContain("`\\{`");
    expect(only(ast, "contract-decl").name.value).toBe(String.raw`a\qb\u0041`);
  });

  it("reports an unterminated string at its position and keeps parsing the next line", () => {
    const source = 'contract "support\nversion "1"\nwhen a then answer';
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([["syntax", '"support', "unterminated string"]]);
    expect(ast.items.map((i) => i.kind)).toEqual(["contract-decl", "version-decl", "rule"]);
    expect(only(ast, "contract-decl").name.value).toBe("support");
  });

  it("reports a string broken by a CR alone, and one ending in a backslash", () => {
    for (const source of ['say "a\rb"', 'contract "abc\\']) {
      const { diagnostics } = parse(source);
      expect(diagnostics.some((d) => d.message === "unterminated string" && d.span.startOffset === source.indexOf('"'))).toBe(
        true,
      );
    }
  });
});

describe("unexpected characters", () => {
  it("reports them in backticks, with invisible ones spelled out", () => {
    const source = "when a @@ then answer\nwhen b\u0000then answer\nwhen c\ud800 then answer\n\ufeffwhen d then answer";
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([
      ["syntax", "@@", "unexpected characters `@@`"],
      ["syntax", "\u0000", "unexpected character U+0000"],
      ["syntax", "\ud800", "unexpected character U+D800"],
      ["syntax", "\ufeff", "unexpected character U+FEFF"],
    ]);
    expect(rules(ast)).toHaveLength(4);
    expect(diagnostics.map((d) => [d.span.startLine, d.span.startColumn])).toEqual([
      [1, 8],
      [2, 7],
      [3, 7],
      [4, 1],
    ]);
  });

  it("adds a hint for common slips", () => {
    expect(parse("contract 'x'").diagnostics[0]!.hint).toContain("double quotes");
    expect(parse("when a ! b then answer").diagnostics[0]!.hint).toContain("`!=`");
  });
});

describe("line ends and the byte-order mark", () => {
  it("counts CR-only, LF and CRLF line ends alike", () => {
    for (const eol of ["\r", "\n", "\r\n"]) {
      const source = ["signals {", "  a: bool", "}", "", "when a then escalte"].join(eol);
      const { diagnostics } = parse(source);
      expect(diagnostics.map((d) => [underlined(source, d.span), d.span.startLine, d.span.startColumn, d.span.endColumn])).toEqual([
        ["escalte", 5, 13, 20],
      ]);
    }
  });

  it("ignores a leading BOM; positions refer to the text after it", () => {
    const source = "\ufeffwhen a then answer\nwhen b then escalte";
    const { ast, diagnostics } = parse(source);
    const rule = rules(ast)[0]!;
    expect(rule.whenSpan).toMatchObject({ startOffset: 0, startLine: 1, startColumn: 1 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.span).toMatchObject({ startLine: 2, startColumn: 13 });
    expect(source.slice(1).slice(diagnostics[0]!.span.startOffset, diagnostics[0]!.span.endOffset)).toBe("escalte");
    expect(ast.span.endOffset).toBe(source.length - 1);
  });
});
