// The Python module ≡ the TypeScript module: on the examples and random contracts, for random valid,
// boundary and invalid inputs and random contexts (made JSON first, NaN/±Infinity/-0 kept), the
// decision and validation of the generated Python module (one python3 process per contract, JSON
// lines in and out) are JSON-equal to those of the generated TypeScript module, with `now` fixed.
// Python also never mutates its arguments. Several thousand inputs per run.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compile } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { loadGenerated } from "../support/load-module.ts";
import { randomContract } from "../support/random-contracts.ts";
import { pyCompile, runPython, transfer, viaJson, writeModule } from "./python.ts";

const NOW = Date.parse("2026-03-01T09:30:00.000Z");
const examples = resolve(import.meta.dirname, "../../examples");
let compared = 0;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(NOW) });
});

afterAll(() => {
  vi.useRealTimers();
  expect(compared).toBeGreaterThanOrEqual(5_000);
});

async function modelOf(source: string, fileName: string): Promise<{ model: ContractModel; ts: string } | null> {
  const result = await compile(source, { fileName });
  if (result.model === null || result.output === null) return null;
  return { model: result.model, ts: result.output };
}

/** Compares the two modules on `count` generated inputs; throws with the contract and the input on the first difference. */
async function compare(label: string, source: string, count: number, seed: number): Promise<boolean> {
  const compiled = await modelOf(source, `${label}.handoff`);
  if (compiled === null) return false;
  const { model, ts } = compiled;
  const module = await loadGenerated(ts);
  const file = writeModule(generatePython(model));
  expect(pyCompile(file).status).toBe(0);
  const pairs = fc.sample(fc.tuple(inputFor(model), contextFor(model)), { numRuns: count, seed });
  const cases = pairs.map(([input, context]) => {
    const i = transfer(input);
    const c = transfer(context);
    return { input: i.value, context: c.value, line: `{"i": ${i.text}, "c": ${c.text}}` };
  });
  const results = runPython(file, cases.map((c) => c.line), NOW);
  cases.forEach((c, n) => {
    compared++;
    const r = results[n]!;
    const expected = { d: viaJson(module.decide(c.input, c.context)), v: viaJson(module.validate(c.input)), mutated: false };
    const actual = { d: viaJson(r.d), v: viaJson(r.v), mutated: r.mutated };
    if (!isDeepStrictEqual(actual, expected)) {
      expect({ contract: source, input: c.line, ...actual }).toStrictEqual({ contract: source, input: c.line, ...expected });
    }
  });
  return true;
}

describe("Python module ≡ TypeScript module", () => {
  const files = readdirSync(examples).filter((f) => f.endsWith(".handoff"));
  it.each(files)("examples/%s", async (name) => {
    expect(await compare(name, readFileSync(join(examples, name), "utf8"), 1_500, 7)).toBe(true);
  });

  it("random contracts", async () => {
    // Some random contracts have errors (the checker rejects them); the rest must agree.
    const sources = fc.sample(randomContract, { numRuns: 40, seed: 11 });
    let n = 0;
    let built = 0;
    for (const source of sources) if (await compare(`random-${n}`, source, 150, 100 + n++)) built++;
    expect(built).toBeGreaterThanOrEqual(20);
  });
});
