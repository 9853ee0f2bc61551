import { describe, expect, it } from "vitest";
import { ruleName, stripSpans } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { softKeywords } from "../../grammar/tokens.ts";
import { only, parseClean, rules, show, underlined } from "./helpers.ts";

describe("signals", () => {
  it("reads primitive types, ranges with optional bounds, enums and defaults", () => {
    const source = `signals {
      a: bool = true
      b: number in ..100
      c: int in 0.. = 3
      d: duration = 90s
      e: text = "hi"
      f: x | y | z = y
      g: int in -5..5
      h: text in 1..2
      i: integer
    }`;
    const signals = only(parseClean(source), "signals-block").signals;
    expect(signals.map((s) => [s.name.text, s.type.kind, s.defaultValue && underlined(source, s.defaultValue.span)])).toEqual([
      ["a", "primitive-type", "true"],
      ["b", "primitive-type", null],
      ["c", "primitive-type", "3"],
      ["d", "primitive-type", "90s"],
      ["e", "primitive-type", '"hi"'],
      ["f", "enum-type", "y"],
      ["g", "primitive-type", null],
      ["h", "primitive-type", null],
      ["i", "enum-type", null],
    ]);
    expect(stripSpans(signals[1]!.type)).toEqual({
      kind: "primitive-type",
      name: "number",
      range: { kind: "range", min: null, max: { kind: "number", value: 100, raw: "100" } },
    });
    // A range parses on any primitive; the checker decides where it makes sense.
    expect(signals[7]!.type).toMatchObject({ name: "text", range: { min: { value: 1 }, max: { value: 2 } } });
    // A single word that is not a primitive type is a one-member enum, for the checker to report.
    expect(stripSpans(signals[8]!.type)).toEqual({ kind: "enum-type", members: [{ kind: "name", text: "integer" }] });
    expect(underlined(source, signals[6]!.type.span)).toBe("int in -5..5");
    expect(underlined(source, signals[5]!.span)).toBe("f: x | y | z = y");
  });

  it("reports a range on an enum", () => {
    const source = "signals { a: x | y in 0..1 }";
    const { diagnostics } = parse(source);
    expect(diagnostics.map((d) => [d.code, underlined(source, d.span)])).toEqual([["syntax", "in 0..1"]]);
  });
});

describe("soft keywords", () => {
  it("may name signals, fields, owners, rules, enum members and given-signals", () => {
    const source = `
      signals {
        text: text
        reason: damaged | late | invalid | on | low
        to: int
        stop: bool
        contract: duration
      }
      fields { say: text collect: number }
      owners { stop: "Stop team" escalate: "Escalations" }
      rule reason when to is 3 and reason in [damaged, invalid] and not stop and text == "x"
        then stop to stop within 1h say "ok" collect [say, collect] urgency high
      rule within when contract > 1h then escalate to escalate
      test "soft" given to = 1, reason = late, stop = true expect rule reason
      test "stop" given stop = false expect stop to "stop"
      on invalid stop say "sorry"`;
    const ast = parseClean(source);
    expect(only(ast, "signals-block").signals.map((s) => s.name.text)).toEqual(["text", "reason", "to", "stop", "contract"]);
    expect(only(ast, "fields-block").fields.map((f) => f.name.text)).toEqual(["say", "collect"]);
    expect(only(ast, "owners-block").owners.map((o) => o.name.text)).toEqual(["stop", "escalate"]);
    const [first, second] = rules(ast);
    expect(rules(ast).map(ruleName)).toEqual(["reason", "within"]);
    expect(show(first!.condition)).toBe('to is 3 and reason in [damaged, invalid] and (not stop) and text == "x"');
    expect(first!.action).toMatchObject({ action: "stop", target: { key: "stop", quoted: false } });
    expect(first!.clauses.map((c) => c.kind)).toEqual(["say-clause", "collect-clause", "urgency-clause"]);
    expect(second!.action.target?.key).toBe("escalate");
    expect(ast.items.filter((i) => i.kind === "test").map((t) => t.kind === "test" && stripSpans(t.expect))).toEqual([
      { kind: "expect-rule", rule: { kind: "name", text: "reason" } },
      { kind: "expect-action", action: "stop", target: { kind: "target", key: "stop", quoted: true }, within: null },
    ]);
  });

  it("every soft keyword works as a signal name", () => {
    const source = `signals { ${softKeywords.map((w) => `${w}: bool`).join(" ")} }
      when ${softKeywords.join(" and ")} then answer`;
    const ast = parseClean(source);
    expect(only(ast, "signals-block").signals.map((s) => s.name.text)).toEqual([...softKeywords]);
    expect(rules(ast)[0]!.condition.kind).toBe("and");
  });

  it("reserved words can never be names", () => {
    for (const word of ["and", "not", "when", "then", "true", "given"]) {
      const { diagnostics } = parse(`signals { ${word}: bool }`);
      expect(diagnostics[0]).toMatchObject({ code: "syntax", hint: `\`${word}\` is a reserved word and cannot be used as a name` });
    }
  });
});

describe("rules", () => {
  it("names an unnamed rule after the line of its when", () => {
    const source = "\n\n   when a\n then answer";
    const rule = rules(parseClean(source))[0]!;
    expect(rule.name).toBeNull();
    expect(underlined(source, rule.whenSpan)).toBe("when");
    expect(ruleName(rule)).toBe("rule_3");
    expect(underlined(source, rule.span)).toBe("when a\n then answer");
  });

  it("parses an optional target and deadline on every action", () => {
    const source = `
      when a then answer to x within 1m
      when a then route
      when a then escalate within 2h
      when a then stop to "senior team"
      otherwise route to billing`;
    const ast = parseClean(source);
    expect(rules(ast).map((r) => stripSpans(r.action))).toEqual([
      { kind: "action", action: "answer", target: { kind: "target", key: "x", quoted: false }, within: { kind: "duration", seconds: 60, raw: "1m" } },
      { kind: "action", action: "route", target: null, within: null },
      { kind: "action", action: "escalate", target: null, within: { kind: "duration", seconds: 7200, raw: "2h" } },
      { kind: "action", action: "stop", target: { kind: "target", key: "senior team", quoted: true }, within: null },
    ]);
    expect(only(ast, "otherwise").action.target?.key).toBe("billing");
  });

  it("keeps clauses in any order, repeats included", () => {
    const source = `when a then stop urgency critical say "b" say "a" confirm [x] collect [y, z] reason "r" collect [w]`;
    const rule = rules(parseClean(source))[0]!;
    expect(rule.clauses.map((c) => [c.kind, underlined(source, c.span)])).toEqual([
      ["urgency-clause", "urgency critical"],
      ["say-clause", 'say "b"'],
      ["say-clause", 'say "a"'],
      ["confirm-clause", "confirm [x]"],
      ["collect-clause", "collect [y, z]"],
      ["reason-clause", 'reason "r"'],
      ["collect-clause", "collect [w]"],
    ]);
    expect(underlined(source, rule.span)).toBe(source);
  });

  it("reads otherwise and on invalid with clauses", () => {
    const source = 'otherwise stop to desk say "later" urgency low\non invalid escalate to desk within 1h reason "bad input"';
    const ast = parseClean(source);
    expect(underlined(source, only(ast, "otherwise").span)).toBe('otherwise stop to desk say "later" urgency low');
    const onInvalid = only(ast, "on-invalid");
    expect(onInvalid.action).toMatchObject({ action: "escalate", within: { seconds: 3600 } });
    expect(onInvalid.clauses.map((c) => c.kind)).toEqual(["reason-clause"]);
  });
});

describe("tests", () => {
  it("reads given entries and both kinds of expectation", () => {
    const source = `test "a" given x = 1, y = "s", z = 2h, w = false, v = member expect escalate to senior within 2h
      test "b" given x = 1 expect rule angry
      test "c" expect answer`;
    const tests = parseClean(source).items.flatMap((i) => (i.kind === "test" ? [i] : []));
    expect(tests.map((t) => t.given.map((g) => `${g.signal.text}=${g.value.kind}`))).toEqual([
      ["x=number", "y=string", "z=duration", "w=bool", "v=symbol"],
      ["x=number"],
      [],
    ]);
    expect(tests.map((t) => t.expect.kind)).toEqual(["expect-action", "expect-rule", "expect-action"]);
    expect(underlined(source, tests[0]!.expect.span)).toBe("escalate to senior within 2h");
    expect(underlined(source, tests[1]!.span)).toBe('test "b" given x = 1 expect rule angry');
  });

  it("requires an entry after given", () => {
    const source = 'test "a" given expect answer';
    expect(parse(source).diagnostics.map((d) => [underlined(source, d.span), d.message])).toEqual([
      ["expect", "expected a signal name after `given`, found `expect`"],
    ]);
  });
});

describe("the file", () => {
  it("keeps duplicates and file order for the checker", () => {
    const source = `policy first-match
      signals { a: bool a: int }
      when a then answer
      signals { b: bool }
      policy most-severe
      contract "x" contract "y"
      otherwise answer otherwise stop say "s"
      on invalid stop on invalid escalate`;
    const ast = parseClean(source);
    expect(ast.items.map((i) => i.kind)).toEqual([
      "policy-decl",
      "signals-block",
      "rule",
      "signals-block",
      "policy-decl",
      "contract-decl",
      "contract-decl",
      "otherwise",
      "otherwise",
      "on-invalid",
      "on-invalid",
    ]);
    expect(ast.items.filter((i) => i.kind === "signals-block").flatMap((i) => (i.kind === "signals-block" ? i.signals : []))).toHaveLength(3);
  });

  it("carries no meaning in newlines or indentation", () => {
    const spread = parseClean("rule\nx\nwhen\na\nand\nb\nthen\nescalate\nto\nsenior\nwithin\n2h\nsay\n\"s\"");
    const packed = parseClean('rule x when a and b then escalate to senior within 2h say "s"');
    expect(stripSpans(spread)).toEqual(stripSpans(packed));
  });

  it("parses an empty file, and one with only comments", () => {
    expect(parseClean("").items).toEqual([]);
    expect(parseClean("# nothing\n\n").comments).toHaveLength(1);
    expect(parse("").ast.span).toMatchObject({ startOffset: 0, endOffset: 0, endLine: 1, endColumn: 1 });
  });

  it("allows no trailing comma in lists", () => {
    for (const source of ["when a in [x,] then answer", "when a then answer collect [x,]", 'test "t" given a = 1, expect answer']) {
      expect(parse(source).diagnostics[0]).toMatchObject({ code: "syntax", hint: "lists take no trailing comma" });
    }
  });
});

describe("the pii marker", () => {
  it("marks signals (after the default) and fields, and the declaration's span covers it", () => {
    const source = `signals {
      name: text pii
      age: int in 0.. = 0 pii
      plain: bool
    }
    fields {
      dateOfBirth: text pii
      orderNumber: text
    }`;
    const ast = parseClean(source);
    const signals = only(ast, "signals-block").signals;
    expect(signals.map((s) => [s.name.text, s.pii, underlined(source, s.span)])).toEqual([
      ["name", true, "name: text pii"],
      ["age", true, "age: int in 0.. = 0 pii"],
      ["plain", false, "plain: bool"],
    ]);
    const fields = only(ast, "fields-block").fields;
    expect(fields.map((f) => [f.name.text, f.pii, underlined(source, f.span)])).toEqual([
      ["dateOfBirth", true, "dateOfBirth: text pii"],
      ["orderNumber", false, "orderNumber: text"],
    ]);
  });

  it("is a keyword only in that place: a signal or field may be named pii, even right after an unmarked one", () => {
    const source = `signals {
      a: text
      pii: text pii
      b: text
    }
    fields {
      x: text
      pii: bool
    }`;
    const ast = parseClean(source);
    expect(only(ast, "signals-block").signals.map((s) => [s.name.text, s.pii])).toEqual([
      ["a", false],
      ["pii", true],
      ["b", false],
    ]);
    expect(only(ast, "fields-block").fields.map((f) => [f.name.text, f.pii])).toEqual([
      ["x", false],
      ["pii", false],
    ]);
  });

  it("written twice, the second reads as the start of the next declaration, and the error says so", () => {
    const source = `signals {\n  a: text pii pii\n}\notherwise answer\n`;
    const { diagnostics } = parse(source);
    expect(diagnostics.map((d) => [d.code, underlined(source, d.span), d.message])).toEqual([
      ["syntax", "}", "expected `:` after `pii`, found `}`"],
    ]);
  });
});
