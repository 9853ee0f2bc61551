// The HTML report as a support manager reads it (the browser test checks its figures in a real page).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { generateLog } from "../../review/generate.ts";
import { reviewHtml } from "../../review/report-html.ts";
import { review } from "../../review/review.ts";
import { barChart } from "../../review/svg.ts";
import { logDir } from "./helpers.ts";

const support = check(readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8")).model!;

describe("the HTML report", async () => {
  const cwd = logDir({ "decisions.jsonl": [...generateLog(support, { lines: 6000, seed: "html" })] });
  const r = await review(["decisions.jsonl"], { cwd });
  const html = reviewHtml(r);
  const chart = (id: string) => html.slice(html.indexOf(`<svg id="${id}"`), html.indexOf("</svg>", html.indexOf(`<svg id="${id}"`)));

  it("prints the period in readable times", () => {
    expect(html).toMatch(/Period: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC to \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
  });

  it("scales the near-miss rate chart to 0–100%", () => {
    const answer = r.actions.find((a) => a.action === "answer")!;
    const bar = chart("chart-action-near-misses").split('<g class="bar"').find((g) => g.includes('data-label="answer"'))!;
    expect(Number(/<rect [^>]*width="(\d+)"/.exec(bar)![1])).toBe(Math.max(1, Math.round(answer.nearMissRate * 360)));
  });

  it("charts the rules without `otherwise`, named below the chart, and warns beside rates of few decisions", () => {
    expect(chart("chart-rules")).not.toContain('data-label="otherwise"');
    expect(html).toMatch(/<p class="muted" id="not-charted">Not in the chart: <code>otherwise<\/code>/);
    const few = r.rules.filter((x) => x.decisions < 30);
    expect(few.length).toBeGreaterThan(0);
    for (const x of few) expect(html).toMatch(new RegExp(`<tr data-rule="${x.rule}">.*only ${x.decisions} decisions?: the rate says little`));
  });

  it("shows each sampled decision's signals and evidence, the owner's name, readable times and no repeated path", () => {
    const routes = html.slice(html.indexOf('<ul class="sample" data-action="route">'), html.indexOf("</ul>", html.indexOf('<ul class="sample" data-action="route">')));
    expect(routes).toContain("signals: <code>sentiment</code> = ");
    expect(routes).toContain("evidence: <code>");
    expect(routes).toMatch(/ to (Billing team|Frontline support|Senior support|Multilingual desk|Callback desk|Customer success)/);
    const sample = html.slice(html.indexOf("<h2>Sample</h2>"));
    expect(sample).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(sample).toMatch(/<span class="muted">line \d+<\/span> 2026-11-0\d \d{2}:\d{2} UTC/);
    expect(sample).not.toContain("decisions.jsonl:");
  });
});

describe("bar charts", () => {
  it("cut a label too long for its column with an ellipsis, keeping the whole label as its title", () => {
    const label = "escalate_when_the_customer_is_very_upset_and_has_contacted_us_many_times";
    const svg = barChart("t", [{ label, value: 1 }]);
    const text = /text-anchor="end"><title>([^<]*)<\/title>([^<]*)<\/text>/.exec(svg)!;
    expect(text[1]).toBe(label);
    expect(text[2]!.endsWith("…")).toBe(true);
    expect(text[2]!.length * 7).toBeLessThanOrEqual(260 - 6);
  });
});
