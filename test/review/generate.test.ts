// `handoff gen-log` on a contract other than the support desk: a week of traffic, a support desk's mix
// of actions, and signal values the contract's own literals and ranges suggest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { generateLog } from "../../review/generate.ts";

const shop = check(readFileSync(join(import.meta.dirname, "fixtures/shop-returns.handoff"), "utf8"), { fileName: "shop-returns.handoff" }).model!;
const parsed = (lines: Iterable<string>) => [...lines].map((l) => JSON.parse(l));

describe("generateLog on a shop-returns contract", () => {
  const lines = parsed(generateLog(shop, { lines: 20_000, seed: "shop" }));
  const decisions = lines.filter((l) => l.type === "decision");

  it("spans the default week, most of it, in time order", () => {
    const ms = lines.map((l) => Date.parse(l.ts));
    const since = Date.parse("2026-11-02T00:00:00Z");
    const until = Date.parse("2026-11-09T00:00:00Z");
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(since);
    expect(Math.max(...ms)).toBeLessThan(until);
    expect(Math.max(...ms)).toBeGreaterThan(since + 0.8 * (until - since));
    expect(ms.every((m, i) => i === 0 || m >= ms[i - 1]!)).toBe(true);
  });

  it("has a support desk's mix: mostly answers, few stops, fewer events than decisions", () => {
    const share = (action: string) => decisions.filter((d) => d.decision.action === action).length / decisions.length;
    expect(share("answer")).toBeGreaterThan(0.75);
    expect(share("answer")).toBeLessThan(0.9);
    expect(share("stop")).toBeLessThan(0.06);
    expect(share("escalate")).toBeLessThan(0.1);
    expect(lines.length - decisions.length).toBeLessThan(decisions.length / 2);
  });

  it("draws unranged numbers around the rules' literals (0 to twice the largest)", () => {
    const most = (signal: string) => Math.max(...decisions.map((d) => d.signals[signal]).filter((v) => typeof v === "number"));
    expect(most("daysSinceDelivery")).toBeLessThanOrEqual(60);
    expect(most("daysSinceDelivery")).toBeGreaterThan(30);
    expect(most("returnsThisYear")).toBeLessThanOrEqual(12);
    expect(most("orderValue")).toBeLessThanOrEqual(1000);
    expect(most("orderValue")).toBeGreaterThanOrEqual(500);
  });

  it("fills the period it is given, however long the log", () => {
    const since = Date.parse("2026-12-01T00:00:00Z");
    const until = Date.parse("2026-12-02T00:00:00Z");
    for (const n of [50, 5_000]) {
      const ms = parsed(generateLog(shop, { lines: n, seed: n, since, until })).map((l) => Date.parse(l.ts));
      expect(ms).toHaveLength(n);
      expect(Math.min(...ms)).toBeGreaterThanOrEqual(since);
      expect(Math.max(...ms)).toBeLessThan(until);
    }
  });
});
