// `handoff review --compare EARLIER`: what moved between two periods, per action, rule and near-miss kind,
// against an earlier log or a report saved with --out FILE.json; and its errors.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli.ts";
import { decision, logDir } from "./helpers.ts";

// Last week: 3 answers, 1 route by `billing`. This week: 1 answer, 2 routes by `billing`, 1 by `refunds` (new).
const lastWeek = [
  decision({ conv: "a", turn: 1, action: "answer", rule: "faq" }),
  decision({ conv: "b", turn: 1, action: "answer", rule: "faq" }),
  decision({ conv: "c", turn: 1, action: "answer", rule: "faq" }),
  decision({ conv: "d", turn: 1, action: "route", rule: "billing" }),
];
const thisWeek = [
  decision({ conv: "e", turn: 1, action: "answer", rule: "faq" }),
  decision({ conv: "f", turn: 1, action: "route", rule: "billing" }),
  decision({ conv: "g", turn: 1, action: "route", rule: "billing" }),
  decision({ conv: "h", turn: 1, action: "route", rule: "refunds" }),
];

describe("handoff review --compare", () => {
  it("shows what moved against an earlier log, largest move first", async () => {
    const cwd = logDir({ "last.jsonl": lastWeek, "this.jsonl": thisWeek });
    const r = await cli(cwd, ["review", "this.jsonl", "--compare", "last.jsonl"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("compared with last.jsonl (4 decisions), share of decisions:");
    expect(r.stdout).toContain("  answer 75.0% → 25.0% (−50.0 points)\n  route 25.0% → 75.0% (+50.0 points)\n  escalate 0.0% → 0.0% (no change)");
    expect(r.stdout).toContain("rules that moved most:\n  faq 75.0% → 25.0% (−50.0 points)");
    expect(r.stdout).toContain("  refunds none → 25.0% (+25.0 points)");
    expect(r.stdout).toContain("  billing 25.0% → 50.0% (+25.0 points)");
  });

  it("compares with a report saved as JSON, and writes the comparison into .json and .md reports", async () => {
    const cwd = logDir({ "last.jsonl": lastWeek, "this.jsonl": thisWeek });
    expect((await cli(cwd, ["review", "last.jsonl", "--out", "last.json"])).code).toBe(0);
    const byLog = await cli(cwd, ["review", "this.jsonl", "--compare", "last.jsonl"]);
    const byReport = await cli(cwd, ["review", "this.jsonl", "--compare", "last.json", "--out", "now.json"]);
    expect(byReport.code).toBe(0);
    expect(byReport.stdout.replace("last.json ", "last.jsonl ").replace(/report written.*\n/, "")).toBe(byLog.stdout);
    const report = JSON.parse(readFileSync(join(cwd, "now.json"), "utf8"));
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../docs/schema/review-report.schema.json"), "utf8"));
    const valid = new Ajv2020({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
    expect(report.compared.actions[1]).toEqual({ name: "route", before: { decisions: 1, share: 0.25, nearMissRate: 0 }, after: { decisions: 3, share: 0.75, nearMissRate: 0 }, points: 50 });
    expect(report.compared.rules.find((m: { name: string }) => m.name === "refunds").before).toBeNull();
    expect((await cli(cwd, ["review", "this.jsonl", "--compare", "last.json", "--out", "now.md"])).code).toBe(0);
    expect(readFileSync(join(cwd, "now.md"), "utf8")).toContain("## Compared with `last.json`\n\n4 decisions then");
    expect(readFileSync(join(cwd, "now.md"), "utf8")).toContain("| refunds | none | 25.0% | +25.0 points |");
  });

  it("shows the comparison in the HTML report, after the totals", async () => {
    const cwd = logDir({ "last.jsonl": lastWeek, "this.jsonl": thisWeek });
    expect((await cli(cwd, ["review", "this.jsonl", "--compare", "last.jsonl", "--out", "now.html"])).code).toBe(0);
    const html = readFileSync(join(cwd, "now.html"), "utf8");
    expect(html.indexOf('<section id="compared">')).toBeGreaterThan(html.indexOf('id="totals"'));
    expect(html).toContain("<h2>Compared with <code>last.jsonl</code></h2>");
    expect(html).toContain('<tr data-name="route" data-points="50.00"><td><code>route</code></td><td class="n">25.0%</td><td class="n">75.0%</td><td class="n move up">+50.0 points</td></tr>');
    expect(html).toContain('<tr data-name="refunds" data-points="25.00"><td><code>refunds</code></td><td class="n">none</td>');
    // Without --compare the page has no such section.
    expect((await cli(cwd, ["review", "this.jsonl", "--out", "plain.html"])).code).toBe(0);
    expect(readFileSync(join(cwd, "plain.html"), "utf8")).not.toContain('id="compared"');
  });

  it("refuses what is not an earlier period, in one line, exit 2", async () => {
    const cwd = logDir({ "this.jsonl": thisWeek });
    writeFileSync(join(cwd, "other.json"), JSON.stringify({ hello: "world" }));
    writeFileSync(join(cwd, "broken.json"), "{ not json");
    const cases: [string, string][] = [
      ["missing.jsonl", "review: --compare: cannot read `missing.jsonl`"],
      ["missing.json", "review: cannot read `missing.json` for --compare: no such file"],
      ["broken.json", "review: cannot read `broken.json` for --compare: not JSON"],
      ["other.json", "review: `other.json` is not a review report (one written by `handoff review --out FILE.json`)"],
    ];
    for (const [file, message] of cases) {
      const r = await cli(cwd, ["review", "this.jsonl", "--compare", file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(message);
      expect(r.stdout, file).toBe("");
    }
  });
});
