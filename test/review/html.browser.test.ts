// The HTML review report in headless Chromium: it renders without any network request, its charts are
// there, and the numbers it shows are those of the log, counted directly. `.ci/run` installs Debian's
// chromium; without it this test is skipped with a note, except under CI, where a missing browser fails.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { generateLog } from "../../review/generate.ts";
import { reviewHtml } from "../../review/report-html.ts";
import { review } from "../../review/review.ts";
import { logDir } from "./helpers.ts";

const browserPath = "/usr/bin/chromium";
const available = existsSync(browserPath);
if (!available && !process.env.CI) console.warn(`browser test skipped: no ${browserPath} (apt-get install chromium)`);

describe.runIf(available || process.env.CI)("the HTML review report in a browser", () => {
  it("renders offline with its charts, and its figures match the log", async () => {
    const model = check(readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8"), { fileName: "support.handoff" }).model!;
    const lines = [...generateLog(model, { lines: 6000, seed: 9 })];
    const cwd = logDir({ "log.jsonl": [...lines.slice(0, 100), "not json", ...lines.slice(100)] });
    const result = await review(["log.jsonl"], { cwd, knownRules: model.rules.map((r) => r.name) });
    const counted: Record<string, number> = { answer: 0, route: 0, escalate: 0, stop: 0 };
    for (const l of lines) if (l.startsWith('{"type":"decision"')) counted[JSON.parse(l).decision.action]++;

    const browser = await chromium.launch({
      executablePath: browserPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      await page.setContent(reviewHtml(result), { waitUntil: "load" });
      expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.title()).toBe("Handoff review");

      const shown = await page.evaluate(`(() => {
        const num = (el, attr) => Number(el.getAttribute(attr));
        const rows = {};
        for (const tr of document.querySelectorAll("#actions tr[data-action]")) rows[tr.dataset.action] = num(tr.querySelector("[data-decisions]"), "data-decisions");
        const bars = {};
        for (const g of document.querySelectorAll("#chart-actions g.bar")) bars[g.dataset.label] = num(g, "data-value");
        const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.width, r.height]; };
        return {
          rows, bars,
          charts: document.querySelectorAll("svg.chart").length,
          chartBoxes: ["#chart-actions", "#chart-rules", "#chart-near-misses"].map(box),
          nearMisses: Object.fromEntries([...document.querySelectorAll("section.near-miss")].map((s) => [s.dataset.kind, Number(s.dataset.count)])),
          bad: document.querySelector("#totals").dataset.bad,
          badLines: [...document.querySelectorAll("#bad-lines li")].map((li) => li.textContent),
          ruleRows: document.querySelectorAll("#rules tr[data-rule]").length,
        };
      })()`) as Record<string, any>;
      expect(shown.rows).toEqual(counted);
      expect(shown.bars).toEqual(counted);
      expect(shown.charts).toBe(4);
      for (const [w, h] of shown.chartBoxes) expect(w).toBeGreaterThan(100), expect(h).toBeGreaterThan(50);
      expect(shown.nearMisses).toEqual(Object.fromEntries(result.nearMisses.map((k) => [k.kind, k.count])));
      expect(Object.values(shown.nearMisses).some((n) => (n as number) > 0)).toBe(true);
      expect(shown.bad).toBe("1");
      expect(shown.badLines).toEqual(["log.jsonl:101: not JSON"]);
      expect(shown.ruleRows).toBe(result.rules.length);

      // Printed: the charts stay visible within an A4 page's width (794 CSS pixels).
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      const printed = (await page.evaluate(`[...document.querySelectorAll("svg.chart")].map((s) => s.getBoundingClientRect().right)`)) as number[];
      for (const right of printed) expect(right).toBeLessThanOrEqual(794);
      expect((await page.pdf({ format: "A4" })).length).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  });
});
