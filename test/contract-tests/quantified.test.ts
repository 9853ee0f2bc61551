// `runTests`: quantified test blocks. Passing means every valid input agreeing with `given` meets the
// expectation; a failure comes with a counterexample that the interpreter confirms.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkContract } from "../../compiler/check/index.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel, ExpectationModel, SignalValue, TestModel } from "../../compiler/model.ts";
import { decisionMeets, describeExpectation, runTests } from "../../compiler/contract-tests/index.ts";
import { fileStart } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret } from "../../compiler/interpret.ts";
import { withOtherwise } from "../support/analysed.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";

const contract = `
signals {
  sentiment: number in -1..1
  repeat: bool
  waiting: duration
  tier: free | pro
  lang: text = "en"
}
owners { senior: "Senior support" }
rule angry when sentiment < -0.5 and repeat then escalate to senior within 2h
rule slow when waiting > 1h and not (tier is free) then route to senior within 1d
rule foreign when lang not in ["en", "de"] or tier is pro and waiting >= 90m then route to senior
otherwise answer
`;

function modelOf(source: string): ContractModel {
  const { model, diagnostics } = check(source);
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return model;
}

describe("runTests", () => {
  const model = modelOf(`${contract}
test "angry reach senior" given sentiment = -0.9, repeat = true expect escalate to senior within 2h
test "calm is answered" given sentiment = 0.5 expect answer
test "never stop" expect not stop
test "slow pro is at least a route" given waiting = 2h, tier = pro expect at least route
test "slow free is at least a route" given waiting = 2h, tier = free expect at least route
test "angry is rule slow" given sentiment = -0.9 expect rule slow
test "a default does not fix a signal" given sentiment = 0, repeat = false, waiting = 0s expect answer
test "the owner is checked" given sentiment = -0.9, repeat = true expect escalate to senior within 1h
test "nothing matches" given sentiment = 0, waiting = 0s, lang = "de" expect answer
test "not answer for pro waiting long" given tier = pro, waiting = 2h expect not answer
`);
  const results = runTests(model);
  const byName = new Map(results.map((r) => [r.name, r]));

  it("passes exactly the tests that hold for every input", () => {
    expect(results.map((r) => `${r.passed ? "✓" : "✗"} ${r.name}`)).toEqual([
      "✓ angry reach senior",
      "✗ calm is answered",
      "✓ never stop",
      "✓ slow pro is at least a route",
      "✗ slow free is at least a route",
      "✗ angry is rule slow",
      "✗ a default does not fix a signal",
      "✗ the owner is checked",
      "✓ nothing matches",
      "✓ not answer for pro waiting long",
    ]);
  });

  it("gives a counterexample that agrees with `given`, is valid, and really breaks the expectation", () => {
    for (const [r, test] of results.map((r, i) => [r, model.tests[i]!] as const)) {
      if (r.passed) {
        expect(r.counterexample).toBeUndefined();
        continue;
      }
      const { input, decision } = r.counterexample!;
      expect(Object.keys(input), r.name).toEqual([...Object.keys(test.given), ...model.signals.map((s) => s.name).filter((n) => !(n in test.given))]);
      for (const [signal, value] of Object.entries(test.given)) expect(input[signal], r.name).toBe(value);
      const again = interpret(model, input);
      expect(again.rule, r.name).not.toBe("invalid-input");
      const summary = (d: typeof decision) => [d.action, d.rule, d.owner, d.withinSeconds, d.matched];
      expect(summary(again), r.name).toEqual(summary(decision));
      expect(decisionMeets(test.expect, again), r.name).toBe(false);
    }
  });

  it("finds the input the author forgot: a default is not a fixed value", () => {
    // lang defaults to "en", but an input may say "fr": then `foreign` routes.
    const r = byName.get("a default does not fix a signal")!;
    expect(r.counterexample!.decision.rule).toBe("foreign");
    expect(r.counterexample!.input.lang).not.toBe("en");
  });

  it("describes each expectation as written", () => {
    expect(results.map((r) => r.expected)).toEqual([
      "escalate to senior within 2h",
      "answer",
      "not stop",
      "at least route",
      "at least route",
      "rule slow",
      "answer",
      "escalate to senior within 1h",
      "answer",
      "not answer",
    ]);
  });

  it("runs nothing for a contract without tests", () => {
    expect(runTests(modelOf(contract))).toEqual([]);
  });
});

describe("runTests agrees with the interpreter on random contracts", () => {
  const expectations: fc.Arbitrary<ExpectationModel> = fc.oneof(
    fc.record({
      kind: fc.constant("action" as const),
      mode: fc.constantFrom("is" as const, "not" as const, "at-least" as const),
      action: fc.constantFrom("answer" as const, "route" as const, "escalate" as const, "stop" as const),
      owner: fc.constant(null),
      withinSeconds: fc.constant(null),
    }),
    fc.record({
      kind: fc.constant("action" as const),
      mode: fc.constant("is" as const),
      action: fc.constantFrom("route" as const, "escalate" as const),
      owner: fc.constantFrom(null, "a", "b"),
      withinSeconds: fc.constantFrom(null, 3600),
    }),
    fc.constantFrom("r0", "r1", "r2", "otherwise").map((rule): ExpectationModel => ({ kind: "rule", rule })),
  );

  it("a passing test holds on sampled inputs; a failing one has a real counterexample", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), expectations, (source, seed, pick, expectation) => {
        const checked = checkContract(parse(source).ast, { source, fileName: "random.handoff" });
        if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
        const base = withOtherwise(checked.model);
        const [sample, ...others] = sampleInputs(base, seed, 60);
        const given: Record<string, SignalValue> = {};
        base.signals.forEach((s, i) => {
          if (pick[i]) given[s.name] = sample![s.name]!;
        });
        const test: TestModel = { name: "t", given, expect: expectation, span: fileStart };
        const model: ContractModel = { ...base, tests: [test] };
        const [result] = runTests(model);
        if (result!.passed) {
          for (const input of others) {
            const decision = interpret(model, { ...input, ...given });
            expect(decisionMeets(expectation, decision), `${describeExpectation(expectation)} on ${JSON.stringify({ ...input, ...given })}`).toBe(true);
          }
        } else {
          const { input } = result!.counterexample!;
          for (const [signal, value] of Object.entries(given)) expect(input[signal]).toBe(value);
          const decision = interpret(model, input);
          expect(decision.rule).not.toBe("invalid-input");
          expect(decisionMeets(expectation, decision)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
