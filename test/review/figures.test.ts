import { describe, expect, it } from "vitest";
import { review } from "../../review/review.ts";
import { decision, logDir } from "./helpers.ts";

describe("figures", () => {
  const v2 = (line: string) => line.replace('"version":"1"', '"version":"2"');
  const cwd = logDir({
    "log.jsonl": [
      decision({ conv: "a", turn: 1, action: "answer", rule: "otherwise", minute: 0 }),
      decision({ conv: "a", turn: 2, action: "route", rule: "billing", minute: 60 * 24 }),
      decision({ conv: "b", turn: 1, action: "answer", rule: "otherwise", minute: 60 * 24 }),
      v2(decision({ conv: "c", turn: 1, action: "answer", rule: "otherwise", minute: 60 * 25 })),
      v2(decision({ conv: "d", turn: 1, action: "escalate", rule: "vip", minute: 60 * 26 })),
    ],
  });

  it("gives decisions, shares and rates per action and per rule, and the contract versions seen", async () => {
    const r = await review(["log.jsonl"], { cwd });
    expect(r.actions.map((a) => [a.action, a.decisions, a.share])).toEqual([
      ["answer", 3, 0.6],
      ["route", 1, 0.2],
      ["escalate", 1, 0.2],
      ["stop", 0, 0],
    ]);
    expect(r.rules.map((x) => [x.rule, x.actions, x.decisions])).toEqual([
      ["otherwise", ["answer"], 3],
      ["billing", ["route"], 1],
      ["vip", ["escalate"], 1],
    ]);
    expect(r.contracts).toEqual([
      { name: "t", version: "1", hash: "abc", decisions: 3 },
      { name: "t", version: "2", hash: "abc", decisions: 2 },
    ]);
  });

  it("lists rules that never fired in the period: the contract's, and those seen outside the period", async () => {
    const r = await review(["log.jsonl"], { cwd, since: Date.parse("2026-11-03T00:00:00Z"), knownRules: ["billing", "vip", "medical", "otherwise"] });
    expect(r.decisions).toBe(4);
    expect(r.outsidePeriod).toBe(1);
    expect(r.neverFired).toEqual(["medical"]);
    const until = await review(["log.jsonl"], { cwd, until: Date.parse("2026-11-03T09:00:00Z") });
    expect(until.neverFired).toEqual(["billing", "vip"]);
  });
});
