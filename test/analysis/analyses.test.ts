// Each analysis on small contracts: its code, what it underlines, and — through the reference
// interpreter — that its example really shows the claim.
import { describe, expect, it } from "vitest";
import { buildDomain, solve, winsFormula } from "../../compiler/analysis/index.ts";
import { check } from "../../compiler/compile.ts";
import { analysed, matched, winner } from "../support/analysed.ts";

const signals = `signals {
  sentiment: number in -1..1
  n: int in 0..
  tier: free | pro | enterprise
  language: text
  waiting: duration
  vip: bool = false
}
owners { senior: "Senior" billing: "Billing" frontline: "Frontline" }
`;

describe("incomplete", () => {
  it("finds an input that no rule matches, without `otherwise`", () => {
    const a = analysed(`${signals}
rule upset when sentiment < -0.5 then escalate to senior within 1h
rule calm when sentiment >= -0.5 and tier is not free then answer
`);
    const [d] = a.of("incomplete");
    expect(d).toBeDefined();
    expect(d!.severity).toBe("error");
    expect(matched(a.model, d!.example)).toEqual([]);
    expect(d!.example!.tier).toBe("free");
  });

  it("is silent when the rules cover every valid input (ranges included)", () => {
    const a = analysed(`${signals}
rule low when n <= 3 then answer
rule high when n > 3 then route to billing within 1h
`);
    expect(a.of("incomplete")).toEqual([]);
  });

  it("is never reported with an `otherwise`", () => {
    expect(analysed(`${signals}\nrule a when vip then answer\notherwise answer\n`).of("incomplete")).toEqual([]);
  });

  it("makes check() return no model", () => {
    const result = check(`${signals}\nrule a when vip then answer\n`);
    expect(result.model).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["incomplete"]);
  });
});

describe("unsatisfiable-condition", () => {
  it.each([
    ["n > 3 and n < 2", "n > 3 and n < 2"],
    ["tier is pro and tier is free", "tier is pro and tier is free"],
    ["n > 3 and n < 4", "n > 3 and n < 4"],
    ['language is "en" and language not in ["en", "de"]', 'language is "en" and language not in ["en", "de"]'],
  ])("underlines `%s`", (condition, text) => {
    const a = analysed(`${signals}\nrule never when ${condition} then answer\notherwise answer\n`);
    expect(a.underlined("unsatisfiable-condition")).toEqual([text]);
    expect(a.of("unsatisfiable-condition")[0]!.severity).toBe("warning");
    expect(a.of("unreachable-rule")).toEqual([]);
  });

  it("accepts a real number strictly between two literals", () => {
    const a = analysed(`${signals}\nrule r when sentiment > 0.3 and sentiment < 0.30001 then answer\notherwise answer\n`);
    expect(a.of("unsatisfiable-condition")).toEqual([]);
    const w = a.witnesses.find((x) => x.rule === "r")!;
    expect(winner(a.model, w.example)).toBe("r");
  });
});

describe("unreachable-rule", () => {
  it("first-match: names the earlier rules that cover it", () => {
    const a = analysed(`${signals}
policy first-match
rule low when n < 5 then answer
rule high when n >= 5 then route to billing within 1h
rule mid when n >= 3 and n <= 7 then escalate to senior within 1h
otherwise answer
`);
    expect(a.underlined("unreachable-rule")).toEqual(["mid"]);
    expect(a.of("unreachable-rule")[0]!.message).toBe("rule `mid` can never win: rules `low` and `high` always win over it");
  });

  it("most-severe: a more severe rule that covers it wins", () => {
    const a = analysed(`${signals}
rule vip_route when vip and tier is enterprise then route to frontline within 1h
rule vip_stop when vip then stop to senior within 1h say "A colleague will call you."
rule unrelated when tier is free then route to billing within 1h
otherwise answer
`);
    expect(a.underlined("unreachable-rule")).toEqual(["vip_route"]);
    expect(a.of("unreachable-rule")[0]!.message).toBe("rule `vip_route` can never win: rule `vip_stop` always wins over it");
  });

  it("most-severe: a later rule of the same action does not hide an earlier one", () => {
    const a = analysed(`${signals}
rule narrow when vip and tier is enterprise then route to frontline within 1h
rule wide when vip then route to senior within 1h
otherwise answer
`);
    expect(a.of("unreachable-rule")).toEqual([]);
  });

  it("points at the `when` of an unnamed rule", () => {
    const a = analysed(`${signals}
policy first-match
when vip then answer
when vip and n > 2 then answer
otherwise answer
`);
    expect(a.underlined("unreachable-rule")).toEqual(["when"]);
  });
});

describe("hidden-severity", () => {
  const source = `${signals}
policy first-match
rule vip_answer when vip then answer
rule angry when sentiment < -0.5 then escalate to senior within 1h
rule calm when sentiment >= 0 and not vip then answer
otherwise answer
`;
  it("first-match: the more severe later rule is underlined, with an input where the earlier one wins", () => {
    const a = analysed(source);
    expect(a.underlined("hidden-severity")).toEqual(["angry"]);
    const d = a.of("hidden-severity")[0]!;
    expect(d.severity).toBe("warning");
    expect(winner(a.model, d.example)).toBe("vip_answer");
    expect(matched(a.model, d.example)).toContain("angry");
  });

  it("does not apply under most-severe", () => {
    expect(analysed(source.replace("policy first-match", "policy most-severe")).of("hidden-severity")).toEqual([]);
  });
});

describe("ambiguous-owner", () => {
  const source = `${signals}
rule billing_q when tier is pro then route to billing within 1h
rule people when vip then route to frontline within 1h
rule people2 when vip and tier is free then route to frontline within 1h
otherwise answer
`;
  it("most-severe: same action, different owners, both match: the later one is underlined", () => {
    const a = analysed(source);
    expect(a.underlined("ambiguous-owner")).toEqual(["people"]);
    const d = a.of("ambiguous-owner")[0]!;
    expect(d.severity).toBe("info");
    expect(winner(a.model, d.example)).toBe("billing_q");
    expect(matched(a.model, d.example)).toContain("people");
  });

  it("does not apply under first-match", () => {
    expect(analysed(source.replace("signals {", "policy first-match\nsignals {")).of("ambiguous-owner")).toEqual([]);
  });
});

describe("redundant-comparison", () => {
  it.each([
    ["n >= 0 and vip", "n >= 0"],
    ["sentiment <= 1 and vip", "sentiment <= 1"],
    ["waiting >= 0s and vip", "waiting >= 0s"],
    ["sentiment < -0.5 and sentiment < 0", "sentiment < 0"],
    ["n > 3 or n > 5", "n > 5"],
  ])("in `%s` underlines `%s`", (condition, text) => {
    const a = analysed(`${signals}\nrule r when ${condition} then answer\notherwise answer\n`);
    expect(a.underlined("redundant-comparison")).toEqual([text]);
    expect(a.of("redundant-comparison")[0]!.severity).toBe("info");
  });

  it("reports comparisons that can be removed together: in `vip or (vip and tier is pro)` the whole second branch", () => {
    const a = analysed(`${signals}\nrule r when vip or (vip and tier is pro) then answer\notherwise answer\n`);
    expect(a.underlined("redundant-comparison")).toEqual(["vip", "tier is pro"]);
    expect(a.of("redundant-comparison")[0]!.span.startColumn).toBeGreaterThan(a.diagnostics[0]!.span.startColumn - 1);
  });

  it("reports only comparisons that can be removed together (`vip and vip`: one)", () => {
    expect(analysed(`${signals}\nrule r when vip and vip then answer\notherwise answer\n`).underlined("redundant-comparison")).toEqual(["vip"]);
  });

  it("leaves needed comparisons alone", () => {
    const a = analysed(`${signals}\nrule r when n > 3 and (tier is pro or vip) and language not in ["en"] then answer\notherwise answer\n`);
    expect(a.of("redundant-comparison")).toEqual([]);
  });
});

describe("witnesses", () => {
  it("one per rule that can win, and each makes its rule win", () => {
    const a = analysed(`${signals}
policy first-match
rule a when n < 5 then answer
rule b when n >= 5 and tier is pro then route to billing within 1h
rule c when n >= 7 and tier is pro then route to billing within 1h
otherwise answer
`);
    expect(a.witnesses.map((w) => w.rule)).toEqual(["a", "b"]);
    for (const w of a.witnesses) expect(winner(a.model, w.example)).toBe(w.rule);
  });
});

describe("the engine's API", () => {
  const { model } = check(`${signals}\nrule a when n > 3 and tier is pro then answer\notherwise answer\n`);
  it("solve returns a complete valid input, or null", () => {
    const domain = buildDomain(model!.signals, model!.rules.map((r) => r.condition));
    const example = solve(domain, winsFormula(model!, 0))!;
    expect(Object.keys(example).sort()).toEqual(["language", "n", "sentiment", "tier", "vip", "waiting"]);
    expect(winner(model!, example)).toBe("a");
    expect(solve(domain, { kind: "false" })).toBeNull();
    expect(solve(domain, { kind: "true" })).not.toBeNull();
    expect(winner(model!, solve(domain, winsFormula(model!, -1)))).toBe("otherwise");
  });

  it("stays exact for literals the domain was not cut at", () => {
    const domain = buildDomain(model!.signals, []);
    expect(solve(domain, { kind: "and", operands: [{ kind: "cmp", signal: "n", op: ">", value: 3 }, { kind: "cmp", signal: "n", op: "<", value: 5 }] })).toMatchObject({ n: 4 });
    expect(solve(domain, { kind: "and", operands: [{ kind: "cmp", signal: "n", op: ">", value: 3 }, { kind: "cmp", signal: "n", op: "<", value: 4 }] })).toBeNull();
    expect(solve(domain, { kind: "cmp", signal: "language", op: "==", value: "fr" })).toMatchObject({ language: "fr" });
  });

  it("extra literals split the domain too", () => {
    const domain = buildDomain(model!.signals, [], [{ signal: "sentiment", value: 0.25 }]);
    expect(solve(domain, { kind: "cmp", signal: "sentiment", op: "==", value: 0.25 })).toMatchObject({ sentiment: 0.25 });
  });
});
