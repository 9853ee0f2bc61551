/** The canonical layout, construct by construct, and where comments and blank lines end up. */
import { describe, expect, it } from "vitest";
import { formatSource } from "../../format/index.ts";
import { fmt, meaningOf } from "../support/format.ts";

/** Formats `input`, expects `output` exactly, and checks that `output` is a fixed point with the same meaning. */
function layout(input: string, output: string): void {
  expect(fmt(input)).toBe(output);
  expect(fmt(output)).toBe(output);
  expect(meaningOf(output)).toBe(meaningOf(input));
}

describe("declarations", () => {
  it("contract, version and policy, one per line", () => {
    layout(`contract   "desk"  version "2026.11" policy most-severe`, `contract "desk"\nversion "2026.11"\npolicy most-severe\n`);
  });

  it("signals: every type, ranges, defaults and pii, one per line, indented two", () => {
    layout(
      `signals { a: bool b: number in -1..1 = 0.50 c: int in ..5 d: text = "x" pii e: duration = 1h30m f: x | y = y g: int in 0.. }`,
      `signals {
  a: bool
  b: number in -1..1 = 0.50
  c: int in ..5
  d: text = "x" pii
  e: duration = 1h30m
  f: x | y = y
  g: int in 0..
}
`,
    );
  });

  it("fields with pii, owners with display names, empty blocks on one line", () => {
    layout(
      `fields { n: text pii
p: number } owners { o: "Senior support"   stop: "Stop desk" } fields {   }`,
      `fields {
  n: text pii
  p: number
}
owners {
  o: "Senior support"
  stop: "Stop desk"
}
fields {}
`,
    );
  });

  it("an enum too long for the line puts one member per line", () => {
    layout(
      `signals { redFlag: none | chest_pain | breathing_difficulty | stroke_signs | severe_bleeding | self_harm | other_things = none }`,
      `signals {
  redFlag: none
    | chest_pain
    | breathing_difficulty
    | stroke_signs
    | severe_bleeding
    | self_harm
    | other_things = none
}
`,
    );
  });

  it("monotone declarations", () => {
    layout(`monotone   sentiment\ndecreasing`, `monotone sentiment decreasing\n`);
  });
});

describe("rules", () => {
  it("a named rule puts when, then and every clause on its own line", () => {
    layout(
      `rule angry when sentiment < -0.5 and repeatContact then escalate to senior within 2h urgency high collect [a,b] confirm [ c ] reason "Upset {n}" say "Hi \\"there\\" \\{x}"`,
      `rule angry
  when sentiment < -0.5 and repeatContact
  then escalate to senior within 2h
  urgency high
  collect [a, b]
  confirm [c]
  reason "Upset {n}"
  say "Hi \\"there\\" \\{x}"
`,
    );
  });

  it("an unnamed rule without clauses stays on one line when it fits", () => {
    layout(
      `when topic in [billing, pricing]\n  and tier is not free\n  then route to "billing" within 1d`,
      `when topic in [billing, pricing] and tier is not free then route to "billing" within 1d\n`,
    );
  });

  it("an unnamed rule with clauses puts then and the clauses below, indented two", () => {
    layout(`when a then stop to x within 1h say "s"`, `when a\n  then stop to x within 1h\n  say "s"\n`);
  });

  it("keeps how operators, values and targets were written", () => {
    layout(
      `rule r when t is x and t == x and t is not y and t != y and n >= 1 and n<2 and w > 1h30m and s in ["a"] then route to o
rule q when s not in ["b"] and n == 0.50 then escalate to "o" within 2h`,
      `rule r
  when t is x and t == x and t is not y and t != y and n >= 1 and n < 2 and w > 1h30m and s in ["a"]
  then route to o
rule q
  when s not in ["b"] and n == 0.50
  then escalate to "o" within 2h
`,
    );
  });

  it("otherwise and on invalid keep the action on the first line and the clauses below", () => {
    layout(
      `otherwise answer reason "default"   on invalid stop to senior within 30m reason "bad" say "Sorry"`,
      `otherwise answer\n  reason "default"\non invalid stop to senior within 30m\n  reason "bad"\n  say "Sorry"\n`,
    );
  });
});

describe("conditions", () => {
  it("a long condition breaks before or, then before and, two columns right of then", () => {
    layout(
      `rule long when sentiment < -0.5 and repeatContact and tier is enterprise or topic in [billing, pricing] and waiting > 30m then escalate to senior within 2h`,
      `rule long
  when (sentiment < -0.5 and repeatContact and tier is enterprise)
    or (topic in [billing, pricing] and waiting > 30m)
  then escalate to senior within 2h
`,
    );
    layout(
      `when sentiment < -0.5 and repeatContact and tier is enterprise and topic in [billing, pricing, technical] then escalate to senior within 2h`,
      `when sentiment < -0.5
    and repeatContact
    and tier is enterprise
    and topic in [billing, pricing, technical]
  then escalate to senior within 2h
`,
    );
  });

  it("parenthesises and/or inside and/or/not, drops every other parenthesis, and keeps the tree", () => {
    layout(`rule n when ((a)) and not not (c) or (d or e) then answer`, `rule n\n  when (a and not not c) or (d or e)\n  then answer\n`);
    layout(`rule n when not (a and b) and (x and y) then answer`, `rule n\n  when not (a and b) and (x and y)\n  then answer\n`);
  });

  it("a list too long for the line puts one value per line", () => {
    layout(
      `rule m when topic in [billing, pricing, technical, medical, other, something, else, entirely, more, more2] then answer`,
      `rule m
  when topic in [
    billing,
    pricing,
    technical,
    medical,
    other,
    something,
    else,
    entirely,
    more,
    more2
  ]
  then answer
`,
    );
  });
});

describe("tests", () => {
  it("given and expect on their own lines; every form of expect", () => {
    layout(
      `test "a" given a = true, b = 3 expect not stop test "b" expect at least route test "c" given c = x expect rule r test "d" given d = "x" expect escalate to o within 1h`,
      `test "a"
  given a = true, b = 3
  expect not stop
test "b"
  expect at least route
test "c"
  given c = x
  expect rule r
test "d"
  given d = "x"
  expect escalate to o within 1h
`,
    );
  });

  it("long given lists fill the line and continue under the first entry", () => {
    layout(
      `test "a" given sentiment = 0.3, repeatContact = false, contactCount = 1, tier = pro, topic = technical, language = "en", waiting = 2m expect answer`,
      `test "a"
  given sentiment = 0.3, repeatContact = false, contactCount = 1, tier = pro, topic = technical,
        language = "en", waiting = 2m
  expect answer
`,
    );
  });
});

describe("comments", () => {
  it("end-of-line comments start at column 45, or one space after longer code", () => {
    layout(
      `signals { a: bool # short\n  averyveryveryveryverylongsignalname: number in -1..1 = 0 # long\n}`,
      `signals {
  a: bool                                   # short
  averyveryveryveryverylongsignalname: number in -1..1 = 0 # long
}
`,
    );
  });

  it("own-line comments stay above what follows them, indented like it", () => {
    layout(
      `# header\nsignals {\n# first\na: bool\n    # before close\n}\nrule r\n# before when\nwhen a\n      # before then\nthen answer\n# before clause\nreason "x"\n# at the end\n`,
      `# header
signals {
  # first
  a: bool
  # before close
}
rule r
  # before when
  when a
  # before then
  then answer
  # before clause
  reason "x"
# at the end
`,
    );
  });

  it("a comment inside a joined line moves to the end of that line or above it, never past another item", () => {
    layout(
      `rule r when a and # after and\n  b > 1 then stop say "x"\nrule s when a and\n# about b\nb then answer`,
      `rule r
  when a and b > 1                          # after and
  then stop
  say "x"
rule s
  when a
    # about b
    and b
  then answer
`,
    );
  });

  it("a comment between the parts of a one-line rule breaks it there", () => {
    layout(`when a # why\nthen answer`, `when a                                      # why\n  then answer\n`);
    layout(`when a\n# why\nthen answer`, `when a\n  # why\n  then answer\n`);
  });

  it("comments in empty blocks and lists stay inside them", () => {
    layout(`fields { # none yet\n}\nowners {\n# none\n}`, `fields {                                    # none yet\n}\nowners {\n  # none\n}\n`);
    layout(`rule r when a then answer collect [x, # the first\n y]`, `rule r\n  when a\n  then answer\n  collect [\n    x,                                      # the first\n    y\n  ]\n`);
  });

  it("keeps the comment text, without trailing whitespace, and a comment-only file", () => {
    layout(`#no space   \n# two  spaces\n`, `#no space\n# two  spaces\n`);
    layout(`\n\n# only\n\n\n# comments\n\n`, `# only\n\n# comments\n`);
  });
});

describe("blank lines and whitespace", () => {
  it("keeps at most one blank line between items and block members, none at the edges of blocks or inside rules", () => {
    layout(
      `\n\n# head\n\n\n\ncontract "c"\n\n\n\nversion "v"\npolicy first-match\nsignals {\n\n  # first\n  a: bool\n\n\n  b: bool\n\n  # last\n\n}\nrule r\n\n  when a\n\n  then answer\n\n  reason "x"\n\n\n`,
      `# head

contract "c"

version "v"
policy first-match
signals {
  # first
  a: bool

  b: bool

  # last
}
rule r
  when a
  then answer
  reason "x"
`,
    );
  });

  it("writes \\n line ends, one at the end, drops a byte-order mark and tabs", () => {
    expect(fmt(`\uFEFFsignals {\r\n\ta: bool\r}`)).toBe(`signals {\n  a: bool\n}\n`);
    expect(fmt(``)).toBe(``);
  });
});

describe("refusals", () => {
  it("refuses a source with syntax errors and returns the parser's diagnostics", () => {
    const result = formatSource(`signals { a: bool }\nrule when a then answer`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => [d.code, d.span.startLine])).toEqual([["syntax", 2]]);
  });

  it("formats contracts with errors the checker finds (unknown names, duplicates, bad durations)", () => {
    layout(`rule r when nope then escalate to nobody within 30m1h rule r when a then answer`, `rule r\n  when nope\n  then escalate to nobody within 30m1h\nrule r\n  when a\n  then answer\n`);
  });
});
