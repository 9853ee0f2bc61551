import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { generateLog } from "../../review/generate.ts";
import { replay } from "../../review/replay.ts";
import { replayText } from "../../review/replay-report.ts";
import { logDir } from "./helpers.ts";

const v1 = `contract "shop"
version "1"
signals {
  sentiment: number in -1..1
  tier: free | pro
  topic: billing | delivery | other
  asksForHuman: bool = false
}
owners { billing: "Billing" senior: "Senior support" }
rule billing when topic is billing then route to billing within 1d
rule upset when sentiment < -0.5 then escalate to senior within 2h
rule human when asksForHuman then route to senior within 4h
otherwise answer
`;
// v2: pro billing goes to senior within 4h, upset customers are escalated sooner, delivery questions routed.
const v2 = v1
  .replace('version "1"', 'version "2"')
  .replace("rule billing when topic is billing then route to billing within 1d", "rule billing when topic is billing and tier is free then route to billing within 1d\nrule pro_billing when topic is billing and tier is pro then route to senior within 4h")
  .replace("escalate to senior within 2h", "escalate to senior within 1h")
  .replace("otherwise answer", "rule delivery when topic is delivery and sentiment < 0 then route to billing within 1d\notherwise answer");

const model = (source: string) => check(source, { fileName: "shop.handoff" }).model!;

describe("replay", () => {
  const old = model(v1);
  const lines = [...generateLog(old, { lines: 3000, seed: 5 })];
  const cwd = logDir({ "log.jsonl": lines });

  it("reports every changed decision in a matrix that matches deciding each logged input again", async () => {
    const next = model(v2);
    const r = await replay(next, ["log.jsonl"], { cwd });
    const expected: Record<string, number> = {};
    let decisions = 0;
    for (const line of lines) {
      const l = JSON.parse(line);
      if (l.type !== "decision") continue;
      decisions++;
      const d = interpret(next, l.signals, l.context);
      const o = l.decision;
      if (o.action !== d.action || o.owner !== d.owner || o.withinSeconds !== d.withinSeconds) expected[`${o.action}>${d.action}`] = (expected[`${o.action}>${d.action}`] ?? 0) + 1;
    }
    expect(r.decisions).toBe(decisions);
    expect(Object.fromEntries(r.cells.map((c) => [`${c.from}>${c.to}`, c.count]))).toEqual(expected);
    expect(r.changed).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["answer>route", "route>route", "escalate>escalate"]));
    expect(r.owners).toContainEqual(expect.objectContaining({ from: "billing", to: "senior" }));
    expect(r.withins).toContainEqual(expect.objectContaining({ from: 7200, to: 3600 }));
    for (const cell of r.cells) {
      expect(cell.examples.length).toBeGreaterThan(0);
      for (const e of cell.examples) {
        expect(e.from.action).toBe(cell.from);
        expect(e.to.action).toBe(cell.to);
        expect(JSON.parse(lines[e.line - 1]!).conversationId).toBe(e.conversationId);
      }
    }
  });

  it("finds no change against the same contract", async () => {
    const r = await replay(old, ["log.jsonl"], { cwd });
    expect(r.changed).toBe(0);
    expect(r.cells).toEqual([]);
  });

  it("counts logged inputs the new contract finds invalid", async () => {
    const stricter = model(v1.replace("asksForHuman: bool = false", "asksForHuman: bool = false\n  region: eu | us"));
    const r = await replay(stricter, ["log.jsonl"], { cwd });
    expect(r.newlyInvalid).toBe(r.decisions - lines.filter((l) => l.includes('"rule":"invalid-input"')).length);
  });

  it("counts decisions whose redacted pii numbers cannot be read apart, never as changes", async () => {
    const withIncome = model(v1.replace("asksForHuman: bool = false", "asksForHuman: bool = false\n  income: number pii").replace("otherwise answer", "rule rich when income > 100000 then route to senior within 1h\notherwise answer"));
    const logged = [...generateLog(withIncome, { lines: 500, seed: 3 })];
    const r = await replay(withIncome, ["log.jsonl"], { cwd: logDir({ "log.jsonl": logged }) });
    const redacted = logged.filter((l) => l.includes('"income":"[redacted]"') && !l.includes('"rule":"invalid-input"')).length;
    expect(redacted).toBeGreaterThan(0);
    expect(r.unreplayable).toEqual({ count: redacted, signals: ["income"] });
    expect(r.changed).toBe(0);
    expect(r.newlyInvalid).toBe(0);
    const text = replayText(r);
    expect(text).toContain(`replayed ${r.decisions - redacted} decisions`);
    expect(text).toContain(`${redacted} decisions could not be replayed: their inputs are redacted (pii \`income\``);
    expect(text).not.toContain("requires or rejects");
  });
});
