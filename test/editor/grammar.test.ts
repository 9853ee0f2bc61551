// The TextMate grammar (editor/vscode/syntaxes/handoff.tmLanguage.json), tokenized the way VS Code does
// it: the scopes a reader sees on concrete words of the examples, and on words that are keywords only in
// place (docs/language.md §3).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scopesOf, tokenize, type Token } from "./textmate.ts";

const examplesDir = join(import.meta.dirname, "../../examples");
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".handoff")).sort();

describe("every example", () => {
  it.each(examples)("%s: no invalid scope, and every word gets a specific scope", async (file) => {
    const source = readFileSync(join(examplesDir, file), "utf8");
    const lines = await tokenize(source);
    const problems: string[] = [];
    lines.forEach((tokens, i) => {
      expect(tokens.map((t) => t.text).join("")).toBe(source.split(/\r\n|\r|\n/)[i]);
      for (const t of tokens) {
        if (t.scopes.some((s) => s.startsWith("invalid"))) problems.push(`${i + 1}: ${t.text} is ${t.scopes.join(" ")}`);
        const vague = t.scopes.every((s) => s === "source.handoff" || s.startsWith("meta."));
        if (vague && /\w/.test(t.text)) problems.push(`${i + 1}: ${t.text} has no scope of its own`);
      }
    });
    expect(problems).toEqual([]);
  });
});

describe("examples/support.handoff", () => {
  let lines: Token[][];
  beforeAll(async () => {
    lines = await tokenize(readFileSync(join(examplesDir, "support.handoff"), "utf8"));
  });

  it("comments: a whole line, and after code", () => {
    expect(scopesOf(lines, "# Support desk contract", "#")).toContain("punctuation.definition.comment.handoff");
    expect(scopesOf(lines, "# Support desk contract", " Support desk contract")).toContain("comment.line.number-sign.handoff");
    const trailing = scopesOf(lines, "dateOfBirth: text pii", " redacted in decision logs");
    expect(trailing).toContain("comment.line.number-sign.handoff");
  });

  it("a reason string with an interpolation", () => {
    const line = 'reason "Upset customer, contact number {contactCount}"';
    expect(scopesOf(lines, line, "reason")).toContain("keyword.other.reason.handoff");
    expect(scopesOf(lines, line, "Upset customer, contact number ")).toContain("string.quoted.double.template.handoff");
    expect(scopesOf(lines, line, "{")).toContain("punctuation.definition.interpolation.begin.handoff");
    const name = scopesOf(lines, line, "contactCount");
    expect(name).toContain("meta.interpolation.handoff");
    expect(name).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, line, "}")).toContain("punctuation.definition.interpolation.end.handoff");
  });

  it("header strings are plain strings", () => {
    expect(scopesOf(lines, 'contract "support-desk"', "contract")).toContain("storage.type.contract.handoff");
    expect(scopesOf(lines, 'contract "support-desk"', "support-desk")).toContain("string.quoted.double.handoff");
    expect(scopesOf(lines, "policy most-severe", "most-severe")).toContain("constant.language.policy.handoff");
  });

  it("durations and numbers", () => {
    expect(scopesOf(lines, "then escalate to senior within 2h", "2h")).toContain("constant.numeric.duration.handoff");
    expect(scopesOf(lines, "sentiment: number in -1..1", "-1")).toContain("constant.numeric.handoff");
    expect(scopesOf(lines, "sentiment: number in -1..1", "..")).toContain("keyword.operator.range.handoff");
    expect(scopesOf(lines, "when lifetimeValue >= 50000", "50000")).toContain("constant.numeric.handoff");
    expect(scopesOf(lines, "when lifetimeValue >= 50000", ">=")).toContain("keyword.operator.comparison.handoff");
  });

  it("reserved words", () => {
    expect(scopesOf(lines, "when topic is medical", "when")).toContain("keyword.control.when.handoff");
    expect(scopesOf(lines, "when topic is medical", "is")).toContain("keyword.operator.word.handoff");
    expect(scopesOf(lines, "when sentiment < -0.5 and repeatContact", "and")).toContain("keyword.operator.logical.handoff");
    expect(scopesOf(lines, "priorHandoffFailed: bool = false", "false")).toContain("constant.language.boolean.handoff");
    expect(scopesOf(lines, "otherwise answer", "otherwise")).toContain("keyword.control.otherwise.handoff");
  });

  it("the action after `then`, its owner and its clauses", () => {
    const line = "then escalate to senior within 2h";
    expect(scopesOf(lines, line, "then")).toContain("keyword.control.then.handoff");
    expect(scopesOf(lines, line, "escalate")).toContain("keyword.other.action.escalate.handoff");
    expect(scopesOf(lines, line, "to")).toContain("keyword.other.to.handoff");
    expect(scopesOf(lines, line, "senior")).toContain("entity.name.type.owner.handoff");
    expect(scopesOf(lines, line, "within")).toContain("keyword.other.within.handoff");
    expect(scopesOf(lines, "urgency critical", "critical")).toContain("constant.language.urgency.handoff");
    expect(scopesOf(lines, "collect [accountNumber, preferredTime]", "preferredTime")).toContain("variable.other.field.handoff");
    expect(scopesOf(lines, 'then route to "billing" within 1d', "billing", 1)).toContain("entity.name.type.owner.handoff");
    expect(scopesOf(lines, "on invalid stop to senior within 30m", "invalid")).toContain("keyword.control.on-invalid.handoff");
    expect(scopesOf(lines, "on invalid stop to senior within 30m", "stop")).toContain("keyword.other.action.stop.handoff");
  });

  it("rule names, declared names and enum members", () => {
    expect(scopesOf(lines, "rule angry_repeat", "rule")).toContain("storage.type.rule.handoff");
    expect(scopesOf(lines, "rule angry_repeat", "angry_repeat")).toContain("entity.name.function.rule.handoff");
    expect(scopesOf(lines, "expect rule chargeback", "chargeback")).toContain("entity.name.function.rule.handoff");
    expect(scopesOf(lines, "sentiment: number in -1..1", "sentiment")).toContain("entity.name.variable.signal.handoff");
    expect(scopesOf(lines, "sentiment: number in -1..1", "number")).toContain("support.type.primitive.handoff");
    expect(scopesOf(lines, "accountNumber: text", "accountNumber")).toContain("entity.name.variable.field.handoff");
    expect(scopesOf(lines, 'senior: "Senior support"', "senior")).toContain("entity.name.type.owner.handoff");
    expect(scopesOf(lines, "dateOfBirth: text pii", "pii")).toContain("storage.modifier.pii.handoff");
    expect(scopesOf(lines, "tier: free | pro | enterprise", "pro")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, "compliance: none | legal | financial | privacy = none", "none", 1)).toContain(
      "variable.other.enummember.handoff",
    );
    expect(scopesOf(lines, "when topic is medical", "medical")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, "when topic is medical", "topic")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, "and tier is not free then route", "free")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, "when topic in [billing, pricing] and", "pricing")).toContain("variable.other.enummember.handoff");
  });

  it("tests and properties", () => {
    const given = "given topic = billing, refundAsked = 900";
    expect(scopesOf(lines, given, "given")).toContain("keyword.other.given.handoff");
    expect(scopesOf(lines, given, "refundAsked")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, given, "billing")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, 'test "large refunds are approved by a person"', "test")).toContain("storage.type.test.handoff");
    expect(scopesOf(lines, "monotone sentiment decreasing", "sentiment")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, "monotone sentiment decreasing", "decreasing")).toContain("constant.language.direction.handoff");
  });
});

describe("words that are keywords only in place", () => {
  // From docs/language.md §3 "Reserved words and words that are keywords only in place".
  const source = [
    "signals {",
    "  reason: damaged | late | wrong_item",
    "  text: text",
    "  urgency: low | high",
    "  kind: text | image",
    "}",
    'owners { stop: "Stop-payment desk" }',
    "rule say when reason is late and urgency is not high then route to stop within 1d",
    '  reason "Late: {reason}"',
    "when text == \"x\" and kind in [text, image] then escalate to contract within 1h",
    'test "soft names" given reason = late, contract = 2 expect at least escalate',
  ].join("\n");
  let lines: Token[][];
  beforeAll(async () => {
    lines = await tokenize(source);
  });

  it("a signal called `reason` is a signal in a condition, a test and an interpolation, and a keyword as a clause", () => {
    expect(scopesOf(lines, "  reason: damaged", "reason")).toContain("entity.name.variable.signal.handoff");
    expect(scopesOf(lines, "rule say when reason", "reason")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, 'given reason = late', "reason")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, '  reason "Late: {reason}"', "reason", 0)).toContain("keyword.other.reason.handoff");
    expect(scopesOf(lines, '  reason "Late: {reason}"', "reason", 1)).toContain("variable.other.signal.handoff");
  });

  it("a rule called `say`, an owner called `stop`, a signal and enum member called `text`", () => {
    const rule = "rule say when reason is late";
    expect(scopesOf(lines, rule, "say")).toContain("entity.name.function.rule.handoff");
    expect(scopesOf(lines, rule, "urgency")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, rule, "high")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, rule, "route")).toContain("keyword.other.action.route.handoff");
    expect(scopesOf(lines, rule, "stop")).toContain("entity.name.type.owner.handoff");
    expect(scopesOf(lines, 'owners { stop: "Stop-payment desk" }', "stop")).toContain("entity.name.type.owner.handoff");
    expect(scopesOf(lines, "  text: text", "text", 0)).toContain("entity.name.variable.signal.handoff");
    expect(scopesOf(lines, "  text: text", "text", 1)).toContain("support.type.primitive.handoff");
    expect(scopesOf(lines, "  kind: text | image", "text")).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, 'when text == "x"', "text", 0)).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, 'when text == "x"', "text", 1)).toContain("variable.other.enummember.handoff");
    expect(scopesOf(lines, 'when text == "x"', "contract")).toContain("entity.name.type.owner.handoff");
  });

  it("`contract` given a value in a test stays a signal; `at least` after `expect` is a keyword", () => {
    const test = 'test "soft names"';
    expect(scopesOf(lines, test, "contract")).toContain("variable.other.signal.handoff");
    expect(scopesOf(lines, test, "least")).toContain("keyword.other.at-least.handoff");
    expect(scopesOf(lines, test, "escalate")).toContain("keyword.other.action.escalate.handoff");
  });
});

describe("strings", () => {
  it("escapes, a literal brace, and interpolation only in reason and say", async () => {
    const lines = await tokenize(
      [
        'rule r when language is "a{b}" then stop',
        '  say "Press \\"Reset\\" and wait.\\nThen \\{ref} {tier}"',
        '  reason "bad \\q and { x}"',
      ].join("\n"),
    );
    expect(scopesOf(lines, "rule r", "a{b}")).toContain("string.quoted.double.handoff");
    expect(scopesOf(lines, "  say", '\\"')).toContain("constant.character.escape.handoff");
    expect(scopesOf(lines, "  say", "\\n")).toContain("constant.character.escape.handoff");
    expect(scopesOf(lines, "  say", "\\{")).toContain("constant.character.escape.handoff");
    expect(scopesOf(lines, "  say", "ref} ")).toContain("string.quoted.double.template.handoff");
    expect(scopesOf(lines, "  say", "tier")).toContain("meta.interpolation.handoff");
    expect(scopesOf(lines, "  reason", "\\q")).toContain("invalid.illegal.escape.handoff");
    expect(scopesOf(lines, "  reason", "{")).toContain("invalid.illegal.brace.handoff");
  });

  it("an unterminated string ends at its line, so the next line highlights normally", async () => {
    const lines = await tokenize('  say "no closing quote\nrule next when a then answer');
    expect(scopesOf(lines, "rule next", "rule")).toEqual(["source.handoff", "storage.type.rule.handoff"]);
    expect(scopesOf(lines, "rule next", "next")).toContain("entity.name.function.rule.handoff");
  });

  it("a number running into a word is marked invalid; compound durations are durations", async () => {
    const lines = await tokenize("when waiting > 2hours then route to a within 1h30m");
    expect(scopesOf(lines, "when", "2hours")).toContain("invalid.illegal.number.handoff");
    expect(scopesOf(lines, "when", "1h30m")).toContain("constant.numeric.duration.handoff");
  });
});
