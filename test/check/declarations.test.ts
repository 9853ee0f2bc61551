import { describe, expect, it } from "vitest";
import { base, only, run, underlines, withBase } from "./helpers.ts";

describe("blocks", () => {
  it("requires a signals block (missing-signals, at the start of the file), and reports no unknown signals then", () => {
    const source = `contract "x"\nwhen sentiment > 0 then escalate to senior within 1h\notherwise answer\n`;
    const { seen, model } = run(source);
    expect(seen.map((d) => [d.code, d.text, d.line])).toEqual([["missing-signals", "", 1]]);
    expect(seen[0]!.message).toContain("`signals");
    expect(model).toBeNull();
  });

  it("reports every block written twice, on the second", () => {
    const source = withBase(`
contract "a"
contract "b"
version "1"
version "2"
policy first-match
policy most-severe
signals { extra: bool }
fields { more: text }
owners { other: "Other" }
otherwise stop to senior say "x"
on invalid stop to senior
on invalid stop to billing
`);
    expect(underlines(source)).toEqual([
      'duplicate-declaration: contract "b"',
      'duplicate-declaration: version "2"',
      "duplicate-declaration: policy most-severe",
      "duplicate-declaration: signals",
      "duplicate-declaration: fields",
      "duplicate-declaration: owners",
      "duplicate-declaration: otherwise",
      "duplicate-declaration: on invalid",
    ]);
    expect(only(source, "duplicate-declaration")[3]!.message).toMatch(/already has a `signals` block, on line 2/);
  });

  it("uses the first of a block written twice, and still knows the names of the second", () => {
    const source = withBase(`signals { extra: bool }\nrule r when extra then escalate to senior within 1h`);
    expect(underlines(source)).toEqual(["duplicate-declaration: signals"]);
  });

  it("uses the first contract name, version and policy", () => {
    const source = `contract "a"\ncontract "b"\nsignals { x: bool }\notherwise answer\n`;
    expect(underlines(source)).toEqual(['duplicate-declaration: contract "b"']);
  });
});

describe("names", () => {
  it("reports a name declared twice in signals, fields, owners and an enum, on the second", () => {
    const source = `
signals {
  a: bool
  a: number
  tier: free | pro | free
}
fields { f: text  f: bool }
owners { o: "O"  o: "P" }
otherwise answer
`;
    const seen = run(source).seen;
    expect(seen.map((d) => `${d.code}: ${d.text} @${d.line}`)).toEqual([
      "duplicate-declaration: a @4",
      "duplicate-declaration: free @5",
      "duplicate-declaration: f @7",
      "duplicate-declaration: o @8",
    ]);
    expect(seen[0]!.message).toBe("signal `a` is declared twice in `signals`");
    expect(seen[1]!.message).toBe("`free` is listed twice in the enum of `tier`");
  });

  it("keeps the first declaration of a duplicated signal", () => {
    // `a` is a bool (first); comparing it with a number is a mismatch, not accepted through the second.
    const source = `signals {\n  a: bool\n  a: number\n}\nwhen a > 1 then answer\notherwise answer\n`;
    expect(underlines(source)).toEqual(["duplicate-declaration: a", "type-mismatch: >"]);
  });

  it("rejects reserved names for signals, fields, owners, rules and enum members", () => {
    const source = `
signals {
  __proto__: bool
  constructor: number
  kind: prototype | toString
}
fields { hasOwnProperty: text }
owners { valueOf: "V" }
rule toString when __proto__ then answer
otherwise answer
`;
    const seen = only(source, "reserved-name");
    expect(seen.map((d) => d.text)).toEqual(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "toString"]);
    expect(seen[0]!.message).toBe("`__proto__` can't name a signal");
    expect(seen[2]!.message).toBe("`prototype` can't name an enum member");
    expect(seen[6]!.message).toBe("`toString` can't name a rule");
    // The reserved signal is still declared: its use is not also an unknown signal.
    expect(run(source).seen.map((d) => d.code)).not.toContain("unknown-signal");
  });

  it("rejects a reserved field name in collect when there is no fields block", () => {
    const source = `signals { x: bool }\nwhen x then route to a collect [constructor]\notherwise answer\n`;
    expect(underlines(source)).toEqual(["reserved-name: constructor"]);
  });
});

describe("types", () => {
  it("reports a one-word enum that is not a type, with the enum hint", () => {
    const [d] = only(withBase("signals { plan: premium }"), "unknown-type");
    expect(d).toMatchObject({ text: "premium", message: "`premium` is not a type" });
    expect(d!.hint).toContain("an enum needs at least two members: `premium | …`");
  });

  it("suggests a type name for a misspelled type", () => {
    const [d] = only(`signals { x: nubmer }\notherwise answer\n`, "unknown-type");
    expect(d!.hint).toMatch(/^did you mean `number`\?/);
  });

  it("does not check uses of a signal whose type is wrong", () => {
    const source = `signals { x: premium }\nwhen x > 5 and x in ["a"] and x then answer\notherwise answer\n`;
    expect(underlines(source)).toEqual(["unknown-type: premium"]);
  });

  it("reports a field type other than text, number or bool", () => {
    const source = withBase(`fields { due: duration  count: int  name: txt }`);
    const seen = only(source, "unknown-type");
    expect(seen.map((d) => d.text)).toEqual(["duration", "int", "txt"]);
    expect(seen[0]!.hint).toBe("a field is `text`, `number` or `bool`");
    expect(seen[2]!.hint).toBe("did you mean `text`?");
  });

  it("reports a range on bool, text and duration", () => {
    const source = `signals {\n  a: bool in 0..1\n  b: text in ..3\n  c: duration in 0..\n}\notherwise answer\n`;
    const seen = only(source, "unknown-type");
    expect(seen).toHaveLength(3);
    expect(seen.map((d) => d.text).every((t) => t.includes(".."))).toBe(true);
    expect(seen[0]!.message).toBe("a `bool` can't have a range");
  });

  it("reports an empty range and non-integral int bounds", () => {
    const source = `signals {\n  a: number in 5..1\n  b: int in 0.5..10\n  c: int in 1..2\n}\notherwise answer\n`;
    const seen = only(source, "out-of-range");
    expect(seen.map((d) => d.text)).toEqual([expect.stringContaining("5..1"), "0.5"]);
    expect(seen[0]!.message).toMatch(/is empty because `5` is above `1`/);
    expect(seen[1]!.message).toBe("`0.5` is not a whole number, so it can't bound an `int`");
  });

  it("does not cascade from an empty range into every literal", () => {
    const source = `signals { a: number in 5..1 }\nwhen a > 3 then answer\notherwise answer\n`;
    expect(only(source, "out-of-range")).toHaveLength(1);
  });
});

describe("defaults", () => {
  it("accepts defaults of the right type", () => {
    const source = `signals {
  a: bool = true
  b: number in 0..10 = 2.5
  c: int = 3
  d: text = "hi"
  e: duration = 1h30m
  f: x | y = y
}
otherwise answer
`;
    const { seen, model } = run(source);
    expect(seen).toEqual([]);
    expect(model!.signals.map((s) => s.defaultValue)).toEqual([true, 2.5, 3, "hi", 5400, "y"]);
  });

  it("reports defaults of the wrong type or outside the range", () => {
    const source = `signals {
  a: bool = 1
  b: number in 0..10 = 11
  c: int = 2.5
  d: text = hi
  e: duration = 90
  f: x | y = "y"
  g: x | y = z
  h: number = 5m
}
otherwise answer
`;
    expect(underlines(source)).toEqual([
      "type-mismatch: 1",
      "out-of-range: 11",
      "out-of-range: 2.5",
      "type-mismatch: hi",
      "type-mismatch: 90",
      'type-mismatch: "y"',
      "unknown-value: z",
      "type-mismatch: 5m",
    ]);
    const seen = run(source).seen;
    expect(seen[0]!.message).toBe("`a` is a bool, so its default can't be `1`");
    expect(seen[1]!.message).toBe("`11` is outside the range of `b`, `0..10`");
    expect(seen[3]!.hint).toBe('text is written in double quotes: `"hi"`');
    expect(seen[4]!.hint).toBe("write a duration with a unit, such as `90s`");
    expect(seen[5]!.hint).toBe("write the member without quotes: `y`");
  });
});

describe("incomplete", () => {
  it("without `otherwise`, is proven by the analyses: it points just past the last item with an input no rule matches", () => {
    const source = `signals { x: bool }\nwhen x then answer\n`;
    const seen = only(source, "incomplete");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ text: "", line: 2, message: "there is no `otherwise`, and some valid input matches no rule" });
    expect(seen[0]!.hint).toContain("add `otherwise");
    expect(run(source).diagnostics.find((d) => d.code === "incomplete")!.example).toEqual({ x: false });
  });

  it("is not reported when the rules cover every input", () => {
    expect(only(`signals { x: bool }\nwhen x then answer\nwhen not x then answer\n`, "incomplete")).toEqual([]);
  });

  it("is satisfied by the base contract", () => {
    expect(run(base).seen).toEqual([]);
  });
});
