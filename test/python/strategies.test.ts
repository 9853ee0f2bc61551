// Every Python matching strategy, forced, decides as the TypeScript module does: on the examples, on
// random contracts and on a generated contract of 1,200 rules (hundreds of cells for some numeric
// signals, bit sets of 1,200 bits), for generated valid, boundary and invalid inputs and contexts, plus
// valid inputs that make many rules match. Contract text never becomes code in either strategy (the
// injection corpus tokenizes like a harmless contract). And the plan chooses each strategy where it should.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomInputs } from "../../bench/inputs.ts";
import { syntheticContract } from "../../bench/synthetic.ts";
import { checkContract } from "../../compiler/check/index.ts";
import { generate } from "../../compiler/codegen/index.ts";
import { compile } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { choosePythonPlan, pythonStrategies, type PythonStrategy } from "../../compiler/python/plan.ts";
import { parse } from "../../grammar/parse.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { injectedModel, payloads } from "../support/injection.ts";
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
  // (None when a -t filter leaves out the comparisons.)
  if (compared > 0) expect(compared).toBeGreaterThanOrEqual(6_000);
});

/** Compares each strategy's Python module with the TypeScript module on `inputs`; fails with the first difference. */
async function compare(label: string, model: ContractModel, ts: string, inputs: readonly (readonly [unknown, unknown])[]): Promise<void> {
  const module = await loadGenerated(ts);
  const cases = inputs.map(([input, context]) => {
    const i = transfer(input);
    const c = transfer(context);
    return { input: i.value, context: c.value, line: `{"i": ${i.text}, "c": ${c.text}}` };
  });
  const expected = cases.map((c) => ({ d: viaJson(module.decide(c.input, c.context)), v: viaJson(module.validate(c.input)), mutated: false }));
  for (const strategy of pythonStrategies) {
    const file = writeModule(generatePython(model, { strategy }));
    expect(pyCompile(file).status).toBe(0);
    const results = runPython(file, cases.map((c) => c.line), NOW);
    cases.forEach((c, n) => {
      compared++;
      const r = results[n]!;
      const actual = { d: viaJson(r.d), v: viaJson(r.v), mutated: r.mutated };
      if (!isDeepStrictEqual(actual, expected[n])) {
        expect({ label, strategy, input: c.line, ...actual }).toStrictEqual({ label, strategy, input: c.line, ...expected[n] });
      }
    });
  }
}

const generated = (model: ContractModel, count: number, seed: number): [unknown, unknown][] =>
  fc.sample(fc.tuple(inputFor(model), contextFor(model)), { numRuns: count, seed });

describe("every Python strategy ≡ the TypeScript module", () => {
  const files = readdirSync(examples).filter((f) => f.endsWith(".handoff"));
  it.each(files)("examples/%s", async (name) => {
    const result = await compile(readFileSync(join(examples, name), "utf8"), { fileName: name });
    expect(result.model).not.toBeNull();
    await compare(name, result.model!, result.output!, generated(result.model!, 400, 3));
  });

  it("random contracts", async () => {
    // Some random contracts have errors (the checker rejects them); the rest must agree.
    let built = 0;
    for (const [n, source] of fc.sample(randomContract, { numRuns: 16, seed: 29 }).entries()) {
      const result = await compile(source, { fileName: `random-${n}.handoff` });
      if (result.model === null || result.output === null) continue;
      built++;
      await compare(`random-${n}\n${source}`, result.model, result.output, generated(result.model, 120, 200 + n));
    }
    expect(built).toBeGreaterThanOrEqual(8);
  });

  it("a 1,200-rule contract, where an input matches dozens of rules", async () => {
    const source = syntheticContract({ rules: 1_200, seed: 5 });
    // The checker alone: the static analyses take long at this size and add no error here.
    const model = checkContract(parse(source).ast, { source, fileName: "synthetic.handoff" }).model!;
    expect(choosePythonPlan(model).strategy).toBe("indexed");
    const context = { now: "2026-03-01T10:00:00Z" };
    const valid = randomInputs(model, 300, 13).map((input) => [input, context] as const);
    await compare("synthetic-1200", model, await generate(model), [...valid, ...generated(model, 200, 17)]);
  }, 60_000);
});

describe("the Python plan", () => {
  const model = (rules: number): ContractModel => {
    const source = syntheticContract({ rules });
    return checkContract(parse(source).ast, { source, fileName: "s.handoff" }).model!;
  };

  it("tests small contracts inline and indexes large ones; a forced strategy wins", () => {
    const small = model(25);
    const large = model(400);
    expect(choosePythonPlan(small).strategy).toBe("inline");
    expect(choosePythonPlan(large).strategy).toBe("indexed");
    // Rules the index cannot narrow (every one holds in every cell) stay inline at any size.
    const wide = Array.from({ length: 300 }, (_, i) => `rule r${i}\n  when a or b\n  then answer\n`).join("\n");
    const unindexable = `contract "wide"\nsignals {\n  a: bool\n  b: bool\n}\n\n${wide}\notherwise answer\n`;
    const wideModel = checkContract(parse(unindexable).ast, { source: unindexable, fileName: "wide.handoff" }).model!;
    expect(wideModel.rules).toHaveLength(300);
    expect(choosePythonPlan(wideModel).strategy).toBe("inline");
    const strategies: PythonStrategy[] = ["inline", "indexed"];
    for (const s of strategies) {
      expect(choosePythonPlan(small, s).strategy).toBe(s);
      expect(generatePython(large, { strategy: s })).toContain(`# ---- matching: the ${s} strategy ----`);
    }
  });
});

/** Each file's Python tokens, string and number literals as `STRING` and `NUMBER` (the index numbers its cells by the sorted literals), comments and names as written, as JSON lines. */
const TOKENS = `import io, json, sys, tokenize
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        tokens = [{tokenize.STRING: "STRING", tokenize.NUMBER: "NUMBER"}.get(t.type, t.string) for t in tokenize.tokenize(f.readline)]
    print(json.dumps(tokens))
`;

describe.each(pythonStrategies)("injection corpus, %s strategy", (strategy) => {
  it("every payload in every string position tokenizes as a harmless contract does", () => {
    const files = ["harmless", ...payloads].map((p) => writeModule(generatePython(injectedModel(p), { strategy })));
    const r = spawnSync("python3", ["-c", TOKENS, ...files], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(r.stderr).toBe("");
    const [reference, ...rest] = r.stdout.trim().split("\n");
    expect(rest).toHaveLength(payloads.length);
    rest.forEach((tokens, i) => expect([payloads[i], tokens === reference]).toEqual([payloads[i], true]));
  });
});
