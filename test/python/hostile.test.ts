// Python-only hostile inputs (hostile.py, one python3 process): values JSON cannot express (None,
// tuples, sets, bytes, huge ints, subclasses and Mappings whose methods raise, cyclic and very deep
// values, non-str keys…) as the input, each signal, the context and each context part, for the
// examples and a few random contracts. decide and validate never raise, never mutate, return plain
// JSON, refuse every invalid input, and read subclasses, dict subclasses and malformed context parts
// as their plain values, plain dicts and absent parts.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { validValue } from "../support/arbitraries.ts";
import { randomContract } from "../support/random-contracts.ts";
import { writeModule } from "./python.ts";

const examples = resolve(import.meta.dirname, "../../examples");
const driver = join(import.meta.dirname, "hostile.py");

function entry(label: string, model: ContractModel, seed: number): object {
  const valid = fc.sample(fc.tuple(...model.signals.map((s) => validValue(model, s))), { numRuns: 1, seed })[0]!;
  const base = Object.fromEntries(model.signals.map((s, i) => [s.name, Object.is(valid[i], -0) ? 0 : valid[i]]));
  const kinds = Object.fromEntries(model.signals.map((s) => [s.name, s.type.kind === "number" && s.type.integer ? "int" : s.type.kind]));
  const required = model.signals.filter((s) => s.defaultValue === undefined).map((s) => s.name);
  return { label, file: writeModule(generatePython(model)), base, kinds, required };
}

describe("the Python module on hostile Python values", () => {
  it("never raises, mutates or answers them, on the examples and random contracts", () => {
    const entries: object[] = [];
    for (const name of readdirSync(examples).filter((f) => f.endsWith(".handoff"))) {
      const model = check(readFileSync(join(examples, name), "utf8"), { fileName: name }).model;
      expect(model).not.toBeNull();
      entries.push(entry(name, model!, 1));
    }
    fc.sample(randomContract, { numRuns: 12, seed: 21 }).forEach((source, n) => {
      const model = check(source, { fileName: `random-${n}.handoff` }).model;
      if (model !== null) entries.push(entry(`random-${n}\n${source}`, model, n));
    });
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const spec = writeModule(JSON.stringify(entries));
    const r = spawnSync("python3", [driver, spec], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as { checked: number; modules: number; failures: string[] };
    expect(report.failures).toEqual([]);
    expect(report.modules).toBe(entries.length);
    expect(report.checked).toBeGreaterThanOrEqual(5_000);
  });
});
