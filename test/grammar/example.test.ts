import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleName, stripSpans } from "../../grammar/ast.ts";
import { allSpans, expectSpanConsistent, only, parseClean, rules, show, underlined } from "./helpers.ts";

const source = readFileSync(new URL("./fixtures/issue-example.handoff", import.meta.url), "utf8");

describe("the example from the language spec", () => {
  const ast = parseClean(source);

  it("yields every item in file order", () => {
    expect(ast.items.map((i) => i.kind)).toEqual([
      "contract-decl",
      "version-decl",
      "policy-decl",
      "signals-block",
      "fields-block",
      "owners-block",
      "rule",
      "rule",
      "rule",
      "otherwise",
      "test",
    ]);
    expect(ast.comments.map((c) => c.text)).toEqual([" Support desk contract"]);
  });

  it("reads the declarations", () => {
    expect(only(ast, "contract-decl").name.value).toBe("support-desk");
    expect(only(ast, "version-decl").version.value).toBe("2026.11");
    expect(only(ast, "policy-decl").policy).toBe("most-severe");
    const signals = only(ast, "signals-block").signals;
    expect(signals.map((s) => s.name.text)).toEqual([
      "sentiment",
      "repeatContact",
      "contactCount",
      "tier",
      "topic",
      "language",
      "waiting",
      "priorHandoffFailed",
    ]);
    expect(stripSpans(signals[0]!.type)).toEqual({
      kind: "primitive-type",
      name: "number",
      range: { kind: "range", min: { kind: "number", value: -1, raw: "-1" }, max: { kind: "number", value: 1, raw: "1" } },
    });
    expect(stripSpans(signals[2]!.type)).toMatchObject({ name: "int", range: { min: { value: 0 }, max: null } });
    expect(signals[3]!.type).toMatchObject({ kind: "enum-type" });
    expect(signals[3]!.type.kind === "enum-type" && signals[3]!.type.members.map((m) => m.text)).toEqual([
      "free",
      "pro",
      "enterprise",
    ]);
    expect(stripSpans(signals[7]!.defaultValue)).toEqual({ kind: "bool", value: false });
    expect(only(ast, "fields-block").fields.map((f) => `${f.name.text}:${f.type.text}`)).toEqual([
      "accountNumber:text",
      "preferredTime:text",
      "dateOfBirth:text",
    ]);
    expect(only(ast, "owners-block").owners.map((o) => [o.name.text, o.displayName.value])).toEqual([
      ["senior", "Senior support"],
      ["billing", "Billing team"],
      ["clinician", "On-call clinician"],
    ]);
  });

  it("reads the first rule exactly", () => {
    const rule = rules(ast)[0]!;
    expect(stripSpans(rule)).toEqual({
      kind: "rule",
      name: { kind: "name", text: "angry_repeat" },
      condition: {
        kind: "and",
        operands: [
          {
            kind: "comparison",
            signal: { kind: "name", text: "sentiment" },
            op: "<",
            wordy: false,
            value: { kind: "number", value: -0.5, raw: "-0.5" },
          },
          { kind: "flag", signal: { kind: "name", text: "repeatContact" } },
        ],
      },
      action: {
        kind: "action",
        action: "escalate",
        target: { kind: "target", key: "senior", quoted: false },
        within: { kind: "duration", seconds: 7200, raw: "2h" },
      },
      clauses: [
        {
          kind: "collect-clause",
          fields: [
            { kind: "name", text: "accountNumber" },
            { kind: "name", text: "preferredTime" },
          ],
        },
        {
          kind: "reason-clause",
          text: {
            kind: "string",
            value: "Upset customer, contact number {contactCount}",
            parts: [
              { kind: "text", value: "Upset customer, contact number " },
              { kind: "interpolation", name: { kind: "name", text: "contactCount" } },
            ],
          },
        },
        {
          kind: "say-clause",
          text: {
            kind: "string",
            value: "I'm bringing in a senior colleague. They will contact you within 2 hours.",
            parts: [{ kind: "text", value: "I'm bringing in a senior colleague. They will contact you within 2 hours." }],
          },
        },
      ],
    });
    expect(underlined(source, rule.span)).toMatch(/^rule angry_repeat\n[\s\S]*within 2 hours\."$/);
    expect(underlined(source, rule.action.span)).toBe("escalate to senior within 2h");
    expect(underlined(source, rule.condition.span)).toBe("sentiment < -0.5 and repeatContact");
  });

  it("reads the other rules, otherwise and the test", () => {
    const [, medical, unnamed] = rules(ast);
    expect(show(medical!.condition)).toBe("topic is medical");
    expect(medical!.action).toMatchObject({ action: "stop", target: { key: "clinician" }, within: { seconds: 3600 } });
    expect(medical!.clauses.map((c) => c.kind)).toEqual(["confirm-clause", "say-clause"]);

    expect(unnamed!.name).toBeNull();
    expect(underlined(source, unnamed!.whenSpan)).toBe("when");
    expect(ruleName(unnamed!)).toBe(`rule_${source.split("\n").findIndex((l) => l.startsWith("when topic")) + 1}`);
    expect(show(unnamed!.condition)).toBe("topic in [billing, pricing] and tier is not free");
    expect(unnamed!.action).toMatchObject({ action: "route", target: { key: "billing", quoted: true }, within: { seconds: 86400 } });

    expect(stripSpans(only(ast, "otherwise"))).toEqual({
      kind: "otherwise",
      action: { kind: "action", action: "answer", target: null, within: null },
      clauses: [],
    });

    const test = only(ast, "test");
    expect(test.name.value).toBe("angry repeat customers reach a senior");
    expect(test.given.map((g) => `${g.signal.text}=${underlined(source, g.value.span)}`)).toEqual([
      "sentiment=-0.9",
      "repeatContact=true",
      "topic=technical",
    ]);
    expect(stripSpans(test.expect)).toEqual({
      kind: "expect-action",
      action: "escalate",
      target: { kind: "target", key: "senior", quoted: false },
      within: { kind: "duration", seconds: 7200, raw: "2h" },
    });
  });

  it("gives every node a span whose lines and columns match its offsets", () => {
    const spans = allSpans(ast);
    expect(spans.length).toBeGreaterThan(100);
    for (const span of spans) expectSpanConsistent(source, span);
    expect(ast.span).toMatchObject({ startOffset: 0, endOffset: source.length });
  });

  it("parses to the same tree with CRLF or CR line ends", () => {
    for (const eol of ["\r\n", "\r"]) {
      const other = source.replace(/\n/g, eol);
      const reparsed = parseClean(other);
      expect(stripSpans(reparsed)).toEqual(stripSpans(ast));
      for (const span of allSpans(reparsed)) expectSpanConsistent(other, span);
      expect(rules(reparsed).map(ruleName)).toEqual(rules(ast).map(ruleName));
    }
  });
});
