// `expect rule otherwise`: "no rule decides these inputs", and why `expect rule invalid-input` is refused.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { runTests } from "../../compiler/contract-tests/index.ts";
import { formatSource } from "../../format/index.ts";
import { cli, tempDir } from "../support/cli.ts";

const desk = `signals {
  sentiment: number in -1..1
  tier: free | pro
}
owners { senior: "Senior support" }
rule upset when sentiment < -0.5 then escalate to senior within 2h
rule pro when tier is pro then route to senior within 1d
otherwise answer
`;

function diagnostics(source: string): [string, string, string, string | undefined][] {
  return check(source).diagnostics.map((d) => [d.code, source.slice(d.span.startOffset, d.span.endOffset), d.message, d.hint]);
}

describe("expect rule otherwise", () => {
  it("holds when no rule decides any input agreeing with `given`, and fails with the rule that does", async () => {
    const source = `${desk}
test "calm free customers reach no rule" given sentiment = 0, tier = free expect rule otherwise
test "calm customers reach no rule" given sentiment = 0 expect rule otherwise
`;
    const dir = tempDir({ "desk.handoff": source });
    const run = await cli(dir, ["test", "desk.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      "✓ calm free customers reach no rule",
      "✗ calm customers reach no rule",
      "    expected:       rule otherwise",
      '    counterexample: sentiment = 0, tier = "pro"',
      "    decision:       route to senior (Senior support) within 1d, by rule pro",
      "1 passed, 1 failed",
      "",
    ]);
  });

  it("is checked as the name of the `otherwise` outcome", () => {
    const { model } = check(`${desk}test "t" given tier = free, sentiment = 0 expect rule otherwise`);
    expect(model!.tests[0]!.expect).toEqual({ kind: "rule", rule: "otherwise" });
    expect(runTests(model!).map((r) => [r.expected, r.passed])).toEqual([["rule otherwise", true]]);
  });

  it("is refused, with the reason, in a contract without `otherwise`", () => {
    const source = `signals { vip: bool }
when vip then route to "desk"
when not vip then answer
test "t" given vip = false expect rule otherwise`;
    expect(diagnostics(source)).toEqual([
      [
        "unknown-rule",
        "otherwise",
        "this contract has no `otherwise`, so `otherwise` never decides",
        "its rules cover every valid input: expect the rule or the action that decides these inputs",
      ],
    ]);
  });

  it("survives formatting", () => {
    const source = `${desk}test "t"   given tier = free, sentiment = 0\n  expect   rule   otherwise\n`;
    const formatted = formatSource(source);
    expect(formatted.ok && formatted.text).toContain('test "t"\n  given tier = free, sentiment = 0\n  expect rule otherwise\n');
  });
});

describe("expect rule invalid-input", () => {
  it("is refused in one message saying why: a test covers valid inputs only", () => {
    const seen = diagnostics(`${desk}test "t" given sentiment = 0 expect rule invalid-input\ntest "u" expect not stop`);
    expect(seen).toEqual([
      [
        "syntax",
        "invalid-input",
        "a test can't expect `invalid-input`: it covers valid inputs only, and `on invalid` decides only invalid ones",
        "to see what invalid input gets, use `handoff run` with an input that fails validation",
      ],
    ]);
  });
});
