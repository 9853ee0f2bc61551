// Structured fixes: a did-you-mean replaces exactly the misspelt word, and applying a fix removes its diagnostic.
import { describe, expect, it } from "vitest";
import type { Diagnostic, DiagnosticCode, Fix } from "../../diagnostics/index.ts";
import { compile } from "../../compiler/compile.ts";
import { run, withBase } from "./helpers.ts";

const apply = (source: string, f: Fix): string => source.slice(0, f.span.startOffset) + f.text + source.slice(f.span.endOffset);

function diagnosticOf(source: string, code: DiagnosticCode): Diagnostic {
  const found = run(source).diagnostics.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("did-you-mean fixes", () => {
  it.each<[DiagnosticCode, string, string, string]>([
    ["unknown-signal", "rule r when sentimnt < 0 then answer", "sentimnt", "sentiment"],
    ["unknown-signal", 'rule r when tier is pro then route to senior say "about {tierr}"', "tierr", "tier"],
    ["unknown-value", "rule r when topic is medicl then answer", "medicl", "medical"],
    ["unknown-owner", "rule r when tier is pro then route to seniro", "seniro", "senior"],
    ["unknown-owner", 'rule r when tier is pro then route to "seniro"', '"seniro"', '"senior"'],
    ["unknown-field", "rule r when tier is pro then route to senior collect [acountNumber]", "acountNumber", "accountNumber"],
    ["unknown-urgency", "rule r when tier is pro then route to senior urgency hihg", "hihg", "high"],
    ["unknown-rule", 'rule angry when sentiment < 0 then answer\ntest "t" given sentiment = -1 expect rule angyr', "angyr", "angry"],
  ])("%s: replaces `%s`", (code, rest, misspelt, replacement) => {
    const source = withBase(rest);
    const d = diagnosticOf(source, code);
    expect(d.fixes).toHaveLength(1);
    const f = d.fixes![0]!;
    expect(source.slice(f.span.startOffset, f.span.endOffset)).toBe(misspelt);
    expect(f.text).toBe(replacement);
    expect(f.title).toBe(`Change to \`${replacement.replace(/"/g, "")}\``);
    expect(f.preferred).toBe(true);
    // The hint `handoff check` prints is unchanged.
    expect(d.hint).toBe(`did you mean \`${replacement.replace(/"/g, "")}\`?`);
    expect(run(apply(source, f)).diagnostics.filter((x) => x.code === code)).toEqual([]);
  });

  it.each([
    ["a signal type", "signals {\n  flag: boolean\n}\notherwise answer\n", "boolean", "bool"],
    ["a field type", "signals {\n  flag: bool\n}\nfields {\n  note: txt\n}\notherwise answer\n", "txt", "text"],
  ])("unknown-type: replaces %s", (_, source, misspelt, replacement) => {
    const d = diagnosticOf(source, "unknown-type");
    const f = d.fixes![0]!;
    expect(source.slice(f.span.startOffset, f.span.endOffset)).toBe(misspelt);
    expect(f.text).toBe(replacement);
    expect(run(apply(source, f)).diagnostics.filter((x) => x.code === "unknown-type")).toEqual([]);
  });

  it("offers no fix when nothing is close", () => {
    const d = diagnosticOf(withBase("rule r when tier is pro then route to zzzzzz"), "unknown-owner");
    expect(d.fixes).toBeUndefined();
  });
});

describe("stop-without-say", () => {
  it("adds a `say` after the stop's last clause", () => {
    const source = withBase("rule r when tier is pro then stop to senior\n  urgency high");
    const d = diagnosticOf(source, "stop-without-say");
    const f = d.fixes![0]!;
    expect(f.span.startOffset).toBe(f.span.endOffset);
    expect(source.slice(0, f.span.startOffset).endsWith("urgency high")).toBe(true);
    const fixed = apply(source, f);
    expect(fixed).toContain('urgency high\n  say "A colleague will follow up with you."');
    expect(run(fixed).diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });
});

describe("incomplete", () => {
  it("offers `otherwise answer` and a route to the first owner, neither preferred, each completing the contract", async () => {
    const source = "signals {\n  a: bool\n}\nowners {\n  senior: \"Senior support\"\n}\nwhen a then route to senior\n";
    const d = (await compile(source)).diagnostics.find((x) => x.code === "incomplete")!;
    expect(d.fixes!.map((f) => [f.title, f.text, f.preferred])).toEqual([
      ["Add `otherwise answer`", "\n\notherwise answer", undefined],
      ["Add `otherwise route to senior`", "\n\notherwise route to senior", undefined],
    ]);
    for (const f of d.fixes!) {
      expect(source.slice(0, f.span.startOffset).endsWith("route to senior")).toBe(true);
      expect((await compile(apply(source, f))).diagnostics).toEqual([]);
    }
  });
});
