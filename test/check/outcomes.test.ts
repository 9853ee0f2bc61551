import { describe, expect, it } from "vitest";
import { builtinInvalidOutcome } from "../../compiler/check/index.ts";
import { only, run, underlines, withBase } from "./helpers.ts";

const then = (action: string) => withBase(`rule r when repeatContact then ${action}`);
const errors = (action: string) => underlines(then(action));
const first = (action: string) => run(then(action)).seen[0]!;

describe("actions and targets", () => {
  it("accepts every well-formed action", () => {
    const source = withBase(`
rule a when repeatContact then answer say "Sure."
rule b when repeatContact then route to billing
rule c when repeatContact then route to "billing" within 1d
rule d when repeatContact then escalate to senior within 15m urgency critical
rule e when repeatContact then stop to clinician within 1h say "A clinician will call."`);
    const { seen, model } = run(source);
    // Every rule has the same condition, so only the stop can win: the analyses say so, the checker says nothing.
    expect(seen.filter((d) => d.code !== "unreachable-rule")).toEqual([]);
    expect(model!.rules.map((r) => [r.name, r.action, r.owner, r.ownerName, r.withinSeconds, r.urgency])).toEqual([
      ["a", "answer", null, null, null, "low"],
      ["b", "route", "billing", "Billing team", null, "normal"],
      ["c", "route", "billing", "Billing team", 86400, "normal"],
      ["d", "escalate", "senior", "Senior support", 900, "critical"],
      ["e", "stop", "clinician", "On-call clinician", 3600, "high"],
    ]);
  });

  it("reports a target that is not an owner, with did-you-mean", () => {
    expect(errors("escalate to seniro within 1h")).toEqual(["unknown-owner: seniro"]);
    expect(first("escalate to seniro within 1h")).toMatchObject({ message: "unknown owner `seniro`", hint: "did you mean `senior`?" });
    expect(errors('route to "nobody"')).toEqual(['unknown-owner: "nobody"']);
    expect(first('route to "nobody"').hint).toBe("the owners are `senior`, `billing`, `clinician`");
  });

  it("accepts any target when there is no owners block, with no display name", () => {
    const source = `signals { x: bool }\nwhen x then route to "Sales EMEA" within 2h\notherwise answer\n`;
    const { seen, model } = run(source);
    expect(seen).toEqual([]);
    expect(model!.rules[0]).toMatchObject({ owner: "Sales EMEA", ownerName: null });
  });

  it("reports an empty target", () => {
    const source = `signals { x: bool }\nwhen x then route to ""\notherwise answer\n`;
    expect(underlines(source)).toEqual(['unknown-owner: ""']);
  });

  it("requires a target for route and escalate (missing-target)", () => {
    expect(errors("route within 1h")).toEqual(["missing-target: route within 1h"]);
    expect(first("route within 1h").message).toBe("`route` in rule `r` needs a target");
    expect(errors("escalate within 1h")).toEqual(["missing-target: escalate within 1h"]);
  });

  it("gives answer no target or deadline (answer-with-target)", () => {
    expect(errors("answer to senior within 1h collect [accountNumber] confirm [dateOfBirth]")).toEqual([
      "answer-with-target: senior",
      "answer-with-target: 1h",
    ]);
    expect(errors('answer reason "fine" say "ok" urgency normal')).toEqual([]);
  });

  it("lets answer collect and confirm declared fields, in a rule and in `otherwise`", () => {
    const source = withBase(`rule r when repeatContact then answer collect [accountNumber] confirm [dateOfBirth]`).replace(
      /otherwise answer/,
      "otherwise answer collect [accountNumber, preferredTime]",
    );
    const { seen, model } = run(source);
    expect(seen.filter((d) => d.severity === "error")).toEqual([]);
    expect([model!.rules[0]!.collect, model!.rules[0]!.confirm]).toEqual([["accountNumber"], ["dateOfBirth"]]);
    expect(model!.otherwise!.collect).toEqual(["accountNumber", "preferredTime"]);
    expect(errors("answer collect [acountNumber]")).toEqual(["unknown-field: acountNumber"]);
  });

  it("wants a positive deadline", () => {
    expect(errors("route to billing within 0s")).toEqual(["out-of-range: 0s"]);
    expect(errors("route to billing within 1s")).toEqual([]);
  });
});

describe("clauses", () => {
  it("reports a repeated clause on the repeat and keeps the first", () => {
    const source = then('escalate to senior within 1h say "a" reason "r" say "b" urgency low urgency high collect [accountNumber] collect [preferredTime]');
    expect(underlines(source)).toEqual(["duplicate-clause: say", "duplicate-clause: urgency", "duplicate-clause: collect"]);
    expect(only(source, "duplicate-clause")[0]!.message).toBe("rule `r` already has a `say` clause");
  });

  it("reports unknown fields with did-you-mean, only when there is a fields block", () => {
    expect(errors("escalate to senior within 1h collect [acountNumber, phone] confirm [dateOfBrith]")).toEqual([
      "unknown-field: acountNumber",
      "unknown-field: phone",
      "unknown-field: dateOfBrith",
    ]);
    expect(first("escalate to senior within 1h collect [acountNumber]").hint).toBe("did you mean `accountNumber`?");
    const free = `signals { x: bool }\nwhen x then route to a collect [anything]\notherwise answer\n`;
    expect(run(free).model!.rules[0]!.collect).toEqual(["anything"]);
  });

  it("reports an unknown urgency with did-you-mean", () => {
    expect(errors("route to billing urgency hihg")).toEqual(["unknown-urgency: hihg"]);
    expect(first("route to billing urgency hihg").hint).toBe("did you mean `high`?");
    expect(first("route to billing urgency soon").hint).toBe("urgency is `low`, `normal`, `high`, `critical`");
  });

  it("reports unknown signals in interpolations, with did-you-mean", () => {
    expect(errors('route to billing reason "count {contactCuont}" say "{tier} and {nope}"')).toEqual([
      "unknown-signal: contactCuont",
      "unknown-signal: nope",
    ]);
    expect(first('route to billing reason "{contactCuont}"').hint).toBe("did you mean `contactCount`?");
  });
});

describe("stop", () => {
  it("requires say in rules and otherwise (stop-without-say)", () => {
    expect(errors("stop to senior")).toEqual(["stop-without-say: stop to senior"]);
    expect(first("stop to senior").message).toBe("rule `r` stops without telling the customer what happens next");
    const source = `signals { x: bool }\notherwise stop to a\n`;
    expect(underlines(source)).toEqual(["stop-without-say: stop to a"]);
  });

  it("warns about a stop without an owner (unowned-stop), everywhere", () => {
    const source = withBase(`rule r when repeatContact then stop say "bye"\non invalid stop say "sorry"`);
    const seen = run(source).seen;
    expect(seen.map((d) => `${d.severity} ${d.code}: ${d.text}`)).toEqual([
      "warning unowned-stop: stop",
      "warning unowned-stop: stop",
    ]);
    expect(run(source).model).not.toBeNull();
  });

  it("does not require say in on invalid", () => {
    const source = withBase(`on invalid stop to senior`);
    const { seen, model } = run(source);
    expect(seen).toEqual([]);
    expect(model!.onInvalid).toMatchObject({ name: "invalid-input", action: "stop", owner: "senior", say: null, urgency: "high" });
  });
});

describe("escalate", () => {
  it("warns about an escalate without a deadline (no-deadline)", () => {
    const seen = run(then("escalate to senior")).seen;
    expect(seen.map((d) => `${d.severity} ${d.code}: ${d.text}`)).toEqual(["warning no-deadline: escalate to senior"]);
    expect(seen[0]!.message).toBe("rule `r` escalates without a deadline");
  });
});

describe("on invalid", () => {
  it("never answers (unsafe-invalid-action)", () => {
    expect(underlines(withBase("on invalid answer"))).toEqual(["unsafe-invalid-action: answer"]);
  });

  it("has no interpolation (bad-interpolation), even of declared signals", () => {
    const source = withBase(`on invalid escalate to senior within 1h reason "bad {sentiment}" say "{nope}"`);
    expect(underlines(source)).toEqual(["bad-interpolation: {sentiment}", "bad-interpolation: {nope}"]);
  });

  it("is built in when not written", () => {
    expect(run(withBase("")).model!.onInvalid).toBe(builtinInvalidOutcome);
  });

  it("is named invalid-input and keeps its clauses", () => {
    const source = withBase(`on invalid escalate to senior within 30m urgency critical collect [accountNumber] say "We'll call."`);
    expect(run(source).model!.onInvalid).toMatchObject({
      name: "invalid-input",
      action: "escalate",
      owner: "senior",
      ownerName: "Senior support",
      withinSeconds: 1800,
      urgency: "critical",
      collect: ["accountNumber"],
      say: [{ kind: "text", value: "We'll call." }],
    });
  });
});

describe("rule names", () => {
  it("names unnamed rules rule_<line> and reports clashes, written or derived", () => {
    const source = `signals { x: bool }
rule rule_3 when x then answer
when x then answer
rule a when x then answer
rule a when x then answer
otherwise answer
`;
    const seen = only(source, "duplicate-rule");
    expect(seen.map((d) => [d.text, d.line])).toEqual([
      ["when", 3],
      ["a", 5],
    ]);
    expect(seen[0]!.message).toBe("this unnamed rule is named `rule_3`, which is already used by rule `rule_3` on line 2");
    expect(seen[1]!.message).toBe("rule `a` is already used by rule `a` on line 4");
  });

  it("names the otherwise outcome `otherwise`", () => {
    expect(run(withBase("")).model!.otherwise!.name).toBe("otherwise");
  });
});
