// `handoff diff`: equivalent versions give no change; every change it reports is real on both
// contracts through the reference interpreter; the command's output and exit codes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { semanticDiff, type DecisionSummary } from "../../compiler/analysis/diff.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { interpret } from "../../compiler/interpret.ts";
import { cli, tempDir } from "../support/cli.ts";
import { analysed } from "../support/analysed.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";

const support = readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8");
const model = (source: string) => analysed(source).model;

/** Under most-severe, moving rules of different actions apart keeps every decision: stable sort by severity. */
function reorderBySeverity(source: string): string {
  const lines = source.split("\n");
  const rank = (line: string) => ["stop", "escalate", "route", "answer"].findIndex((a) => line.includes(` then ${a}`));
  const rules = lines.filter((l) => l.startsWith("rule "));
  const sorted = [...rules].sort((a, b) => rank(a) - rank(b));
  let k = 0;
  return lines.map((l) => (l.startsWith("rule ") ? sorted[k++]! : l)).join("\n");
}

/** The same contract, laid out differently: comments, blank lines, extra spaces. */
function reformat(source: string): string {
  return `# reformatted\n${source.replace(/ when /g, "\n  when  ").replace(/ then /g, "\n    then ").replace(/\n/g, "\n\n")}`;
}

function decisionOf(m: ContractModel, input: unknown): DecisionSummary {
  const d = interpret(m, input);
  return { rule: d.rule, action: d.action, owner: d.owner, withinSeconds: d.withinSeconds };
}

describe("semanticDiff", () => {
  it("finds no change between a contract and itself", () => {
    const m = model(support);
    expect(semanticDiff(m, m).equivalent).toBe(true);
  });

  it("finds no change in a reformatted copy", () => {
    const source = `signals { n: int in 0.. tier: free | pro }\nowners { a: "A" }\nrule big when n > 3 and tier is pro then route to a within 1h\notherwise answer\n`;
    const d = semanticDiff(model(source), model(reformat(source)));
    expect(d.equivalent).toBe(true);
    expect(d.changes).toEqual([]);
  });

  it("finds a real change, with an example both interpreters confirm", () => {
    const before = model(support);
    const after = model(support.replace("when sentiment < -0.5 and repeatContact", "when sentiment < -0.4 and repeatContact"));
    const d = semanticDiff(before, after);
    expect(d.equivalent).toBe(false);
    for (const change of d.changes) {
      const { input, from, to } = change.example;
      expect(decisionOf(before, input)).toEqual(from);
      expect(decisionOf(after, input)).toEqual(to);
      expect(from.action).toBe(change.from);
      expect(to.action).toBe(change.to);
    }
    expect(d.changes.some((c) => c.regions.some((r) => r.where.includes("-0.5 <= sentiment < -0.4")))).toBe(true);
  });

  it("says what every changed input has in common, exactly: the moved threshold", () => {
    const before = model(support);
    const after = model(support.replace("when lifetimeValue >= 50000 and sentiment < -0.2", "when lifetimeValue >= 20000 and sentiment < -0.2"));
    const d = semanticDiff(before, after);
    expect(d.changes.length).toBeGreaterThan(0);
    for (const change of d.changes) {
      expect(change.common).toContain("20000 <= lifetimeValue < 50000");
      expect(change.common).toContain("sentiment < -0.2");
      // Every change moves a decision to the edited rule, and its example lies inside the common ground.
      expect(change.example.to.rule).toBe("high_value_unhappy");
      expect(change.example.input.lifetimeValue).toBeGreaterThanOrEqual(20000);
      expect(change.example.input.lifetimeValue).toBeLessThan(50000);
    }
  });

  it("on random contracts: itself and a severity-reordered most-severe copy are equivalent; every change is real", () => {
    fc.assert(
      fc.property(randomContract, randomContract, fc.integer(), (a, b, seed) => {
        const ma = model(a);
        expect(semanticDiff(ma, ma).equivalent).toBe(true);
        if (a.startsWith("policy most-severe")) expect(semanticDiff(ma, model(reorderBySeverity(a))).equivalent).toBe(true);
        // A second version: a with its last rule's outcome replaced by b's first rule's, and b's policy.
        const lines = a.split("\n");
        const last = lines.map((l, i) => (l.startsWith("rule ") ? i : -1)).filter((i) => i >= 0).pop()!;
        const outcome = b.split("\n").find((l) => l.startsWith("rule "))!.replace(/^.* then /, "");
        lines[last] = lines[last]!.replace(/ then .*$/, ` then ${outcome}`);
        lines[0] = b.split("\n")[0]!;
        const mb = model(lines.join("\n"));
        const d = semanticDiff(ma, mb);
        for (const change of d.changes) {
          const { input, from, to } = change.example;
          expect(decisionOf(ma, input)).toEqual(from);
          expect(decisionOf(mb, input)).toEqual(to);
        }
        if (d.equivalent) {
          for (const input of sampleInputs(ma, seed, 100)) {
            const x = decisionOf(ma, input);
            const y = decisionOf(mb, input);
            expect([y.action, y.owner, y.withinSeconds]).toEqual([x.action, x.owner, x.withinSeconds]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("handoff diff", () => {
  const old = `signals { n: int in 0.. vip: bool = false }\nowners { a: "A" b: "B" }\nrule big when n > 3 then route to a within 1h\notherwise answer\n`;
  it("exits 0 for equivalent contracts", async () => {
    const dir = tempDir({ "old.handoff": old, "new.handoff": reformat(old) });
    const run = await cli(dir, ["diff", "old.handoff", "new.handoff"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("decide every valid input the same way");
  });

  it("exits 1 and shows the matrix, the regions and an example when they differ", async () => {
    const dir = tempDir({ "old.handoff": old, "new.handoff": old.replace("n > 3", "n > 5").replace("route to a", "route to b") });
    const run = await cli(dir, ["diff", "old.handoff", "new.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("route -> answer:\n  where 3 < n <= 5\n    route to a within 1h (rule big) -> answer (otherwise)");
    expect(run.stdout).toContain("route -> route (owner or within changed):\n  where n > 5\n    route to a within 1h (rule big) -> route to b within 1h (rule big)");
    const json = JSON.parse((await cli(dir, ["diff", "old.handoff", "new.handoff", "--format", "json"])).stdout);
    expect(json.equivalent).toBe(false);
    expect(json.matrix.route.answer).toBe(1);
  });

  it("exits 2 when the signals differ, or a contract has errors", async () => {
    const dir = tempDir({ "old.handoff": old, "new.handoff": old.replace("vip: bool = false", "vip: int"), "bad.handoff": "signals { x: bool }\nwhen x then answer\n" });
    const run = await cli(dir, ["diff", "old.handoff", "new.handoff"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("handoff: diff: the contracts can't be compared: signal `vip` has a different type or range in the two contracts\n");
    const bad = await cli(dir, ["diff", "old.handoff", "bad.handoff"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("incomplete");
  });
});
