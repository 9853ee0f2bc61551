// The Python module's plain-dict validation (`_valid_signals`, generated per contract) is a shortcut
// for the generic `_validate`, never a second opinion: on every example and random contract, for
// valid, boundary and invalid inputs, it either declines (None) or returns exactly `_validate`'s
// signals, keys, order and value types included; and it does vouch for plain valid inputs (else it
// would be a shortcut that never fires).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomInputs } from "../../bench/inputs.ts";
import { compile } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { inputFor } from "../support/arbitraries.ts";
import { randomContract } from "../support/random-contracts.ts";
import { transfer, writeModule } from "./python.ts";

const driver = join(import.meta.dirname, "valid-signals.py");
const examples = resolve(import.meta.dirname, "../../examples");

async function modelOf(source: string): Promise<ContractModel | null> {
  return (await compile(source, { fileName: "contract.handoff" })).model;
}

function verdicts(model: ContractModel, inputs: readonly unknown[]): { fast: boolean; agrees: boolean }[] {
  const file = writeModule(generatePython(model));
  const lines = inputs.map((input) => `{"i": ${transfer(input).text}}`);
  const run = spawnSync("python3", [driver, file], { input: lines.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as { fast: boolean; agrees: boolean });
}

describe("the Python module's plain-dict validation", () => {
  const files = readdirSync(examples).filter((f) => f.endsWith(".handoff"));
  it.each(files)("examples/%s: agrees with _validate on every input, and vouches for plain valid ones", async (name) => {
    const model = (await modelOf(readFileSync(join(examples, name), "utf8")))!;
    const mixed = fc.sample(inputFor(model), { numRuns: 2_000, seed: 5 });
    const valid = randomInputs(model, 200);
    const results = verdicts(model, [...mixed, ...valid]);
    expect(results.filter((r) => !r.agrees)).toEqual([]);
    expect(results.slice(mixed.length).every((r) => r.fast)).toBe(true);
  });

  it("random contracts: agrees with _validate on every input", async () => {
    let checked = 0;
    for (const [n, source] of fc.sample(randomContract, { numRuns: 30, seed: 21 }).entries()) {
      const model = await modelOf(source);
      if (model === null) continue;
      const inputs = fc.sample(inputFor(model), { numRuns: 300, seed: 40 + n });
      const results = verdicts(model, inputs);
      results.forEach((r, k) => {
        if (!r.agrees) expect({ contract: source, input: transfer(inputs[k]).text }).toBeNull();
      });
      checked += results.length;
    }
    expect(checked).toBeGreaterThanOrEqual(3_000);
  });
});
