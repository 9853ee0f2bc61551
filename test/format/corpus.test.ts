/**
 * Every contract in the repository formats to a fixed point with the same tree and comments; the
 * examples and the example also decide the same on many inputs, valid and invalid.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSource } from "../../format/index.ts";
import { parse } from "../../grammar/parse.ts";
import { inputFor } from "../support/arbitraries.ts";
import { decisions, fmt, meaningOf, modelOf } from "../support/format.ts";

const root = new URL("../../", import.meta.url).pathname;
const handoffFiles = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".handoff"))
    .map((f) => join(dir, f));

const runnable = [...handoffFiles("examples"), "test/grammar/fixtures/issue-example.handoff"];
/** Contracts with errors the checker finds, which format all the same; those the parser rejects are refused. */
const others = handoffFiles("test/golden/diagnostics");

describe("every contract in the repository", () => {
  for (const file of [...runnable, ...others]) {
    const source = readFileSync(join(root, file), "utf8");
    const parsesClean = !parse(source).diagnostics.some((d) => d.code === "syntax");
    it(`${file}: ${parsesClean ? "fmt(fmt(x)) = fmt(x), same tree and comments" : "refused with the parser's diagnostics"}`, () => {
      if (!parsesClean) {
        const result = formatSource(source);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
        return;
      }
      const once = fmt(source);
      expect(fmt(once)).toBe(once);
      expect(meaningOf(once)).toBe(meaningOf(source));
      expect(once.split("\n").filter((l) => /\s$/.test(l))).toEqual([]);
    });
  }
});

describe("the examples decide the same after formatting", () => {
  for (const file of runnable) {
    it(file, () => {
      const source = readFileSync(join(root, file), "utf8");
      const formatted = fmt(source);
      const model = modelOf(source);
      const inputs = fc.sample(inputFor(model), { numRuns: 300, seed: 4 });
      // A fixed `now`: without one, deadlines count from the clock.
      const context = { now: "2026-11-12T18:40:00Z", collected: {} };
      expect(decisions(formatted, inputs, context)).toEqual(decisions(source, inputs, context));
    });
  }
});

it("the issue's example is already in the canonical layout", () => {
  const source = readFileSync(join(root, "test/grammar/fixtures/issue-example.handoff"), "utf8");
  expect(fmt(source)).toBe(source);
});

describe("the shipped examples", () => {
  it("are in the canonical layout (so `handoff fmt --check examples/*.handoff` passes)", () => {
    const dir = join(import.meta.dirname, "../../examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".handoff"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      const result = formatSource(source);
      expect(result.ok && result.text === source, file).toBe(true);
    }
  });
});
