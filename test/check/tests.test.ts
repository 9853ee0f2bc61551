import { describe, expect, it } from "vitest";
import { run, underlines, withBase } from "./helpers.ts";

const rules = `
rule angry when sentiment < -0.5 then escalate to senior within 2h
`;
const withTest = (test: string) => withBase(`${rules}\ntest "t" ${test}`);

describe("test blocks", () => {
  it("resolves given values and the expected action", () => {
    const { seen, model } = run(
      withTest('given sentiment = -1, tier = pro, language = "en", waiting = 90s, repeatContact = false expect escalate to "senior" within 2h'),
    );
    expect(seen).toEqual([]);
    expect(model!.tests[0]).toMatchObject({
      name: "t",
      given: { sentiment: -1, tier: "pro", language: "en", waiting: 90, repeatContact: false },
      expect: { kind: "action", action: "escalate", owner: "senior", withinSeconds: 7200 },
    });
  });

  it("leaves out the target and deadline when not written", () => {
    const { model } = run(withTest("given sentiment = 0 expect answer"));
    expect(model!.tests[0]!.expect).toEqual({ kind: "action", action: "answer", owner: null, withinSeconds: null });
  });

  it("checks given signals and values like comparisons", () => {
    expect(underlines(withTest("given sentimnt = 0, tier = gold, waiting = 5, sentiment = 3 expect answer"))).toEqual([
      "unknown-signal: sentimnt",
      "unknown-value: gold",
      "type-mismatch: 5",
      "out-of-range: 3",
    ]);
    const seen = run(withTest("given repeatContact = 1 expect answer")).seen;
    expect(seen[0]!.message).toBe("`repeatContact` is a bool, so a test can't set it to `1`");
  });

  it("reports a signal given twice", () => {
    const seen = run(withTest("given tier = pro, tier = free expect answer")).seen;
    expect(seen.map((d) => `${d.code}: ${d.text}`)).toEqual(["duplicate-declaration: tier"]);
    expect(seen[0]!.message).toBe('`tier` is given twice in test `"t"`');
  });

  it("checks expected targets like rule targets", () => {
    expect(underlines(withTest("given sentiment = 0 expect escalate to seniro within 0s"))).toEqual([
      "unknown-owner: seniro",
      "out-of-range: 0s",
    ]);
    expect(underlines(withTest("given sentiment = 0 expect answer to senior"))).toEqual(["answer-with-target: senior"]);
    // A handoff expectation may leave out its target.
    expect(underlines(withTest("given sentiment = 0 expect route"))).toEqual([]);
  });

  it("expects rules that exist", () => {
    expect(underlines(withTest("given sentiment = -1 expect rule angry"))).toEqual([]);
    const seen = run(withTest("given sentiment = -1 expect rule angyr")).seen;
    expect(seen.map((d) => `${d.code}: ${d.text}`)).toEqual(["unknown-rule: angyr"]);
    expect(seen[0]).toMatchObject({ message: "there is no rule `angyr`", hint: "did you mean `angry`?" });
    expect(run(withTest("given sentiment = -1 expect rule angry")).model!.tests[0]!.expect).toEqual({ kind: "rule", rule: "angry" });
  });
});
