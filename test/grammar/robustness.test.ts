import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/parse.ts";
import { allSpans, expectSpanConsistent } from "./helpers.ts";

/** Parsing never throws, and every diagnostic and node points inside the source, at the right line and column. */
function checkParse(source: string): void {
  const result = parse(source);
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  for (const d of result.diagnostics) {
    expect(d.message).not.toContain("failed unexpectedly");
    expectSpanConsistent(text, d.span);
  }
  for (const span of allSpans(result.ast)) expectSpanConsistent(text, span);
}

const words = [
  "contract", "version", "policy", "most-severe", "first-match", "signals", "fields", "owners",
  "rule", "when", "then", "otherwise", "on", "invalid", "test", "given", "expect",
  "answer", "route", "escalate", "stop", "to", "within", "collect", "confirm", "reason", "say", "urgency",
  "and", "or", "not", "is", "in", "true", "false", "bool", "number", "int", "text", "duration",
  "a", "b", "senior", "low", "x_1",
  "==", "!=", "<", "<=", ">", ">=", "=", ":", ",", "[", "]", "{", "}", "(", ")", "|", "..",
  '"s"', '"{a}"', '"{"', '"\\q"', '"open', "0", "-1", "2.5", "0..5", "..", "90s", "1h30m", "30m1h", "2hours",
  "# note", "\n", "\r", "\r\n", "\t", "@", "\u0000", "\ufeff", "\ud800", "é",
];

const tokenSoup = fc
  .array(fc.constantFrom(...words), { maxLength: 60 })
  .map((ws) => ws.join(" "));

const shapedRule = fc
  .tuple(
    fc.constantFrom("", "rule r "),
    fc.array(fc.constantFrom("a", "not a", "(a or b)", "a == 1", "a is not x", "a in [x, y]", "a >", "(", ")"), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.constantFrom("answer", "route to x", "escalate to x within 2h", "stop say \"s\"", "escalte", ""),
    fc.array(fc.constantFrom('reason "r {a}"', "collect [f]", "collect [", "urgency high", 'say "'), { maxLength: 3 }),
  )
  .map(([head, conds, action, clauses]) => `${head}when ${conds.join(" and ")} then ${action} ${clauses.join(" ")}`);

describe("parse never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkParse), { numRuns: 300 });
  });

  it("on arbitrary Unicode, including unpaired surrogates and control characters", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), checkParse), { numRuns: 300 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 100 }), (codes) =>
        checkParse(String.fromCharCode(...codes)),
      ),
      { numRuns: 300 },
    );
  });

  it("on random mixes of the language's tokens", () => {
    fc.assert(fc.property(tokenSoup, checkParse), { numRuns: 1000 });
  });

  it("on contracts with broken rules, and one broken rule does not hide the next", () => {
    fc.assert(
      fc.property(fc.array(shapedRule, { minLength: 1, maxLength: 5 }), (ruleSources) => {
        const source = `${ruleSources.join("\n")}\nrule last when z then answer`;
        checkParse(source);
        const names = parse(source).ast.items.flatMap((i) => (i.kind === "rule" && i.name ? [i.name.text] : []));
        expect(names).toContain("last");
      }),
      { numRuns: 500 },
    );
  });

  it("on a large file of garbage, in linear time", () => {
    // A regression guard for the quadratic re-synchronisation at the top level (see parser.ts);
    // before the fix this took minutes.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let source = "";
    while (source.length < 300_000) source += `${words[Math.floor(next() * words.length)]} `;
    const { diagnostics } = parse(source);
    expect(diagnostics.length).toBeGreaterThan(1_000);
  });
});
