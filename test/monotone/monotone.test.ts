// `monotone SIGNAL increasing|decreasing`: parsing, checking, the exact proof (`not-monotone`), and
// `handoff test` counting the property; checked against the interpreter on random contracts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printValue } from "../../diagnostics/values.ts";
import { monotoneViolation } from "../../compiler/analysis/not-monotone.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel, MonotoneModel, SignalValue } from "../../compiler/model.ts";
import { severityRank } from "../../grammar/vocabulary.ts";
import { runTests } from "../../compiler/contract-tests/index.ts";
import { fileStart } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret } from "../../compiler/interpret.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";
import { cli, tempDir } from "../support/cli.ts";

const preamble = `
signals {
  sentiment: number in -1..1
  waiting: duration
  vip: bool
  tier: free | pro
  language: text
}
owners { senior: "Senior" }
`;

const codes = (source: string) => check(source).diagnostics.map((d) => d.code);
const errors = (source: string) => check(source).diagnostics.filter((d) => d.severity === "error");

function modelOf(source: string): ContractModel {
  const parsed = parse(source);
  const checked = checkContract(parsed.ast, { source, fileName: "t.handoff" });
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return checked.model;
}

const severity = (model: ContractModel, input: Record<string, SignalValue>) => severityRank[interpret(model, input).action];

describe("parsing `monotone`", () => {
  it("reads the declaration", () => {
    const { ast, diagnostics } = parse(`${preamble}monotone sentiment decreasing\nmonotone vip increasing\n`);
    expect(diagnostics).toEqual([]);
    const decls = ast.items.filter((i) => i.kind === "monotone-decl");
    expect(decls.map((d) => [d.signal.text, d.direction])).toEqual([
      ["sentiment", "decreasing"],
      ["vip", "increasing"],
    ]);
  });

  it("keeps `monotone`, `increasing` and `decreasing` usable as names", () => {
    const source = `
signals { monotone: number increasing: bool decreasing: low | high }
rule increasing when monotone > 1 and increasing and decreasing is high then escalate to x within 1h
otherwise answer
monotone monotone increasing
`;
    expect(errors(source)).toEqual([]);
    expect(modelOf(source).monotone.map((m) => m.signal)).toEqual(["monotone"]);
  });

  it("reports a missing direction as a syntax error and recovers at the next item", () => {
    const { diagnostics, ast } = parse(`${preamble}monotone sentiment\nrule r when vip then answer\n`);
    expect(diagnostics.map((d) => d.code)).toContain("syntax");
    expect(ast.items.some((i) => i.kind === "rule")).toBe(true);
  });
});

describe("checking `monotone`", () => {
  it("reports an unknown signal with a did-you-mean hint", () => {
    const d = errors(`${preamble}otherwise answer\nmonotone sentimnt decreasing\n`);
    expect(d.map((x) => x.code)).toEqual(["unknown-signal"]);
    expect(d[0]!.hint).toContain("`sentiment`");
  });

  it("refuses an enum or text signal with type-mismatch", () => {
    const d = errors(`${preamble}otherwise answer\nmonotone tier increasing\nmonotone language increasing\n`);
    expect(d.map((x) => x.code)).toEqual(["type-mismatch", "type-mismatch"]);
    expect(d[0]!.message).toContain("no order");
  });

  it("accepts number, duration and bool signals", () => {
    const source = `${preamble}otherwise answer\nmonotone sentiment decreasing\nmonotone waiting increasing\nmonotone vip increasing\n`;
    expect(codes(source)).toEqual([]);
  });

  it("reports the same signal declared monotone twice", () => {
    const d = errors(`${preamble}otherwise answer\nmonotone vip increasing\nmonotone vip decreasing\n`);
    expect(d.map((x) => x.code)).toEqual(["duplicate-declaration"]);
  });
});

describe("proving `monotone`", () => {
  const good = `${preamble}
rule upset when sentiment < -0.5 then escalate to senior within 1h
rule unhappy when sentiment < 0 and not vip then route to senior within 1d
rule waited when waiting > 1h then route to senior within 1d
otherwise answer
monotone sentiment decreasing
monotone waiting increasing
`;

  it("a monotone contract gets no diagnostic, and `handoff test` counts the properties", () => {
    expect(check(good).diagnostics).toEqual([]);
    const results = runTests(modelOf(good));
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ["monotone sentiment decreasing", true],
      ["monotone waiting increasing", true],
    ]);
  });

  const bad = `${preamble}
rule upset when sentiment < -0.5 and sentiment > -0.9 then escalate to senior within 1h
otherwise answer
monotone sentiment decreasing
`;

  it("a violation is not-monotone with two inputs differing only in the signal, severity really dropping", () => {
    const result = check(bad);
    const d = result.diagnostics.filter((x) => x.code === "not-monotone");
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe("error");
    expect(bad.slice(d[0]!.span.startOffset, d[0]!.span.endOffset)).toBe("monotone sentiment decreasing");
    expect(d[0]!.message).toMatch(/lowering it from -0\.\d+ to -0\.9 moves the decision from escalate \(rule `upset`\) to answer \(otherwise\)/);
    expect(d[0]!.hint).toContain("sentiment = -0.9");
    // The hint's first input is the example, printed as every command prints inputs.
    const first = /differ only in `sentiment`: (.*?) gets escalate/.exec(d[0]!.hint!)![1]!;
    for (const pair of first.split(", ")) {
      const [name, value] = pair.split(" = ");
      expect(value, name).toBe(printValue(d[0]!.example![name!]!));
    }

    const model = modelOf(bad);
    const v = monotoneViolation(model, model.monotone[0]!)!;
    expect(v).not.toBeNull();
    const differing = Object.keys(v.from).filter((k) => v.from[k] !== v.to[k]);
    expect(differing).toEqual(["sentiment"]);
    expect(v.to.sentiment! < v.from.sentiment!).toBe(true);
    expect(severity(model, v.to)).toBeLessThan(severity(model, v.from));
    expect(d[0]!.example).toEqual(v.from);
  });

  it("`handoff test` reports the violated property with both inputs", () => {
    const results = runTests(modelOf(bad));
    expect(results).toHaveLength(1);
    expect(results[0]!.name).toBe("monotone sentiment decreasing");
    expect(results[0]!.passed).toBe(false);
    expect(results[0]!.counterexample!.decision.action).toBe("escalate");
    expect(results[0]!.moved!.decision.action).toBe("answer");
  });

  it("a bool is ordered false < true; without otherwise, no match falls to on invalid", () => {
    const source = `${preamble}
rule r1 when vip then route to senior within 1d
rule r2 when not vip then escalate to senior within 1h
monotone vip increasing
`;
    const d = check(source).diagnostics.filter((x) => x.code === "not-monotone");
    expect(d).toHaveLength(1);
    expect(d[0]!.example!.vip).toBe(false);
    expect(d[0]!.hint).toContain("vip = true");
  });

  it("first-match follows file order", () => {
    const source = `${preamble}
policy first-match
rule calm when sentiment > 0 then answer
rule any when sentiment > -1 then escalate to senior within 1h
otherwise answer
monotone sentiment increasing
`;
    expect(check(source).diagnostics.map((d) => d.code)).toContain("not-monotone");
  });
});

describe("`monotone` on random contracts", () => {
  const ordered = (model: ContractModel) =>
    model.signals.filter((s) => s.type.kind === "number" || s.type.kind === "duration" || s.type.kind === "bool");

  it("agrees with sampling, and every violation is real", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), fc.boolean(), (source, seed, increasing) => {
        const model = modelOf(source);
        const samples = sampleInputs(model, seed, 60);
        for (const signal of ordered(model)) {
          const property: MonotoneModel = { signal: signal.name, direction: increasing ? "increasing" : "decreasing", span: fileStart };
          const v = monotoneViolation(model, property);
          const before = (a: SignalValue, b: SignalValue) => (increasing ? a < b : a > b);
          if (v === null) {
            for (let k = 0; k + 1 < samples.length; k++) {
              const x = samples[k]!;
              const other = samples[k + 1]![signal.name]!;
              const [lo, hi] = before(x[signal.name]!, other) ? [x[signal.name]!, other] : [other, x[signal.name]!];
              expect(severity(model, { ...x, [signal.name]: hi })).toBeGreaterThanOrEqual(severity(model, { ...x, [signal.name]: lo }));
            }
          } else {
            expect(Object.keys(v.from).filter((k) => v.from[k] !== v.to[k])).toEqual([signal.name]);
            expect(before(v.from[signal.name]!, v.to[signal.name]!)).toBe(true);
            expect(severity(model, v.to)).toBeLessThan(severity(model, v.from));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("`handoff test` on the command line", () => {
  const source = `signals { sentiment: number in -1..1  vip: bool }
owners { senior: "Senior" }
rule upset when sentiment < -0.5 and sentiment > -0.9 then escalate to senior within 1h
otherwise answer
test "calm is answered" given sentiment = 0.5 expect answer
monotone sentiment decreasing
monotone vip increasing
`;

  it("prints each property like a test, with both inputs on failure, and counts it", async () => {
    const dir = tempDir({ "m.handoff": source });
    const run = await cli(dir, ["test", "m.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✓ calm is answered\n");
    expect(run.stdout).toContain("✗ monotone sentiment decreasing\n");
    expect(run.stdout).toContain("    counterexample: sentiment = -0.7, vip = false\n");
    expect(run.stdout).toContain("    moved:          sentiment = -0.9, vip = false\n");
    expect(run.stdout).toContain("✓ monotone vip increasing\n");
    expect(run.stdout).toMatch(/2 passed, 1 failed\n$/);
  });

  it("passes when the property holds", async () => {
    const dir = tempDir({ "m.handoff": source.replace("and sentiment > -0.9 ", "") });
    const run = await cli(dir, ["test", "m.handoff"]);
    expect(run.stdout).toMatch(/3 passed, 0 failed\n$/);
    expect(run.code).toBe(0);
  });
});
