// `handoff explain`: for every rule, whether it held and the first comparison that failed, with the
// input's value, in the author's notation; and the decision, which the trace never contradicts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkContract } from "../../compiler/check/index.ts";
import { check } from "../../compiler/compile.ts";
import { explain, renderExplanation, showComparison, showValue } from "../../compiler/explain.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { parse } from "../../grammar/parse.ts";
import { holds, interpret } from "../../compiler/interpret.ts";
import { withOtherwise } from "../support/analysed.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";
import { cli, tempDir } from "../support/cli.ts";

const source = `signals {
  sentiment: number in -1..1
  repeatContact: bool
  waiting: duration
  topic: billing | medical | other
  language: text = "en"
}
owners { senior: "Senior support"  clinician: "On-call clinician" }
rule angry_repeat when sentiment < -0.5 and repeatContact then escalate to senior within 2h
rule medical when topic is medical then stop to clinician within 1h say "A clinician will call."
rule long_wait when waiting > 1h30m or not (topic in [billing, other]) then route to senior within 1d
rule calm_english when not (sentiment >= 0 and language is "en") then route to senior
otherwise answer
`;

function modelOf(text: string): ContractModel {
  const { model, diagnostics } = check(text);
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return model;
}

const model = modelOf(source);
const input = { sentiment: 0.2, repeatContact: true, waiting: 2700, topic: "billing" };

describe("explain", () => {
  it("reports every rule in file order, with the first failing comparison and the input's value", () => {
    const { decision, rules } = explain(model, input);
    expect(decision.rule).toBe("otherwise");
    expect(rules).toEqual([
      {
        rule: "angry_repeat",
        held: false,
        failed: { signal: "sentiment", op: "<", value: -0.5, actual: 0.2, text: "sentiment < -0.5", expected: true },
      },
      {
        rule: "medical",
        held: false,
        failed: { signal: "topic", op: "==", value: "medical", actual: "billing", text: "topic is medical", expected: true },
      },
      {
        // `or`: every operand is false; the first is reported, in units.
        rule: "long_wait",
        held: false,
        failed: { signal: "waiting", op: ">", value: 5400, actual: 2700, text: "waiting > 1h30m", expected: true },
      },
      {
        // `not (a and b)` with both true: the first of them, which the rule needed false.
        rule: "calm_english",
        held: false,
        failed: { signal: "sentiment", op: ">=", value: 0, actual: 0.2, text: "sentiment >= 0", expected: false },
      },
    ]);
  });

  it("renders the trace in the author's words", () => {
    expect(renderExplanation(model, explain(model, input))).toBe(
      [
        "decision: answer, by otherwise",
        "rule angry_repeat: did not hold — sentiment < -0.5 is false (sentiment = 0.2)",
        "rule medical: did not hold — topic is medical is false (topic = billing)",
        "rule long_wait: did not hold — waiting > 1h30m is false (waiting = 45m)",
        "rule calm_english: did not hold — sentiment >= 0 is true but the rule needs it false (sentiment = 0.2)",
        "no rule held, so `otherwise` applies",
        "",
      ].join("\n"),
    );
  });

  it("evaluates on the validated signals, defaults applied", () => {
    const { rules } = explain(model, { ...input, sentiment: 0.5, language: "de" });
    expect(rules[3]).toEqual({ rule: "calm_english", held: true });
    // Without `language`, its default "en" is compared (else `language is "en"` would be false and the rule hold).
    const defaulted = explain(model, { ...input, sentiment: 0.5 }).rules[3]!;
    expect(defaulted.held).toBe(false);
    const onlyLanguage = modelOf(source.replace('not (sentiment >= 0 and language is "en")', 'language is not "en"'));
    expect(explain(onlyLanguage, input).rules[3]!.failed).toMatchObject({ signal: "language", text: 'language is not "en"', actual: "en", expected: true });
  });

  it("marks the rules that held and the winner", () => {
    const text = renderExplanation(model, explain(model, { ...input, sentiment: -0.9, topic: "medical" }));
    expect(text.split("\n").slice(0, 5)).toEqual([
      "decision: stop to clinician (On-call clinician) within 1h, by rule medical",
      "rule angry_repeat: held",
      "rule medical: held (wins)",
      "rule long_wait: held",
      "rule calm_english: held",
    ]);
  });

  it("reports a failing comparison inside `not x in [...]` as true but needed false", () => {
    const long = explain(model, { ...input, topic: "medical", waiting: 0 }).rules[2]!;
    expect(long.held).toBe(true);
    const m = modelOf(source.replace("waiting > 1h30m or not (topic in [billing, other])", "not (topic in [billing, other])"));
    expect(explain(m, input).rules[2]!.failed).toEqual({
      signal: "topic",
      op: "in",
      value: ["billing", "other"],
      actual: "billing",
      text: "topic in [billing, other]",
      expected: false,
    });
  });

  it("lists every problem of invalid input and evaluates no rule", () => {
    const explanation = explain(model, { sentiment: 3, repeatContact: "yes", topic: "billing", waiting: 0 });
    expect(explanation.rules).toEqual([]);
    expect(renderExplanation(model, explanation).split("\n")).toEqual([
      "decision: stop, by invalid input",
      "the input is not valid, so no rule was evaluated:",
      expect.stringMatching(/^ {2}sentiment: /),
      expect.stringMatching(/^ {2}repeatContact: /),
      "",
    ]);
    expect(renderExplanation(model, explain(model, [1, 2]))).toContain("\n  input: the input must be a plain object");
  });

  it("prints values and comparisons in the author's notation", () => {
    expect(showValue({ kind: "duration" }, 5400)).toBe("1h30m");
    expect(showValue({ kind: "duration" }, 0)).toBe("0s");
    expect(showValue({ kind: "duration" }, 1.5)).toBe("1.5s");
    expect(showValue({ kind: "enum", members: ["a"] }, "a")).toBe("a");
    expect(showValue({ kind: "text" }, 'say "hi"')).toBe('"say \\"hi\\""');
    expect(showValue({ kind: "number", integer: false, min: null, max: null }, -0)).toBe("0");
    expect(showComparison({ kind: "cmp", signal: "vip", op: "==", value: true }, { kind: "bool" })).toBe("vip");
    expect(showComparison({ kind: "cmp", signal: "vip", op: "==", value: false }, { kind: "bool" })).toBe("vip is false");
    expect(showComparison({ kind: "cmp", signal: "n", op: "!=", value: 3 }, { kind: "number", integer: true, min: null, max: null })).toBe("n != 3");
    expect(showComparison({ kind: "in", signal: "t", negated: true, values: ["a", "b"] }, { kind: "enum", members: ["a", "b"] })).toBe("t not in [a, b]");
  });

  it("agrees with the interpreter on random contracts and inputs: held = holds, the reported comparison has the wrong value", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), (text, seed) => {
        const checked = checkContract(parse(text).ast, { source: text, fileName: "random.handoff" });
        const m = withOtherwise(checked.model!);
        for (const values of sampleInputs(m, seed, 20)) {
          const { decision, rules } = explain(m, values);
          expect(decision).toEqual({ ...interpret(m, values), deadline: decision.deadline, brief: decision.brief });
          expect(decision.matched).toEqual(rules.filter((r) => r.held).map((r) => r.rule));
          rules.forEach((trace, i) => {
            expect(trace.held).toBe(holds(m.rules[i]!.condition, values));
            if (trace.held) return expect(trace.failed).toBeUndefined();
            const f = trace.failed!;
            expect(f.actual).toBe(values[f.signal]);
            const cond =
              f.op === "in" || f.op === "not in"
                ? ({ kind: "in", signal: f.signal, negated: f.op === "not in", values: f.value as never } as const)
                : ({ kind: "cmp", signal: f.signal, op: f.op, value: f.value as never } as const);
            expect(holds(cond, values)).toBe(!f.expected);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("handoff explain", () => {
  const files = {
    "desk.handoff": source,
    "input.json": JSON.stringify({ signals: input }),
    "invalid.json": JSON.stringify({ signals: { ...input, sentiment: 7 } }),
    "broken.handoff": source.replace("topic is medical", "topik is medical"),
  };

  it("prints the decision and the trace, exit 0", async () => {
    const run = await cli(tempDir(files), ["explain", "desk.handoff", "--input", "input.json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(renderExplanation(model, explain(model, input)));
    expect(run.stdout).toContain("rule angry_repeat: did not hold — sentiment < -0.5 is false (sentiment = 0.2)\n");
  });

  it("reads standard input with -", async () => {
    const run = await cli(tempDir(files), ["explain", "desk.handoff", "--input", "-"], JSON.stringify({ signals: input }));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("decision: answer, by otherwise\n");
  });

  it("--format json gives { decision, rules }", async () => {
    const run = await cli(tempDir(files), ["explain", "desk.handoff", "--input", "input.json", "--format", "json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["decision", "rules"]);
    expect(out.decision).toMatchObject({ action: "answer", rule: "otherwise" });
    expect(out.rules[0]).toEqual({
      rule: "angry_repeat",
      held: false,
      failed: { signal: "sentiment", op: "<", value: -0.5, actual: 0.2, text: "sentiment < -0.5", expected: true },
    });
  });

  it("shows the problems of invalid input, exit 0 like run", async () => {
    const run = await cli(tempDir(files), ["explain", "desk.handoff", "--input", "invalid.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^decision: stop, by invalid input\nthe input is not valid, so no rule was evaluated:\n {2}sentiment: .*7/);
  });

  it("exits 1 with diagnostics for a contract with errors, 2 for bad usage", async () => {
    const dir = tempDir(files);
    const broken = await cli(dir, ["explain", "broken.handoff", "--input", "input.json"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("error unknown-signal");
    expect(broken.stdout).toBe("");
    for (const args of [
      ["explain", "desk.handoff"],
      ["explain", "--input", "input.json"],
      ["explain", "desk.handoff", "--input", "missing.json"],
      ["explain", "desk.handoff", "--input", "desk.handoff"],
      ["explain", "desk.handoff", "--input", "input.json", "--format", "xml"],
    ]) {
      const run = await cli(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^handoff: explain: [^\n]*\n$/);
    }
  });
});
