// The Python test emitter: the emitted unittest file compiles and passes against its module (the
// fixture contracts: with and without otherwise, no signals, test blocks of every mode); it fails
// against a module that decides otherwise; it is deterministic; and a contract with an injection
// payload in every string position yields a file that tokenizes exactly like a harmless one's,
// compiles and passes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeWitnesses } from "../../compiler/emit-tests/witnesses.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython, generatePythonTests, pythonTestFileName } from "../../compiler/python/index.ts";
import { injectedModel, injectedSignalName, payloads } from "../support/injection.ts";
import { models, span, supportDesk } from "../support/model-fixtures.ts";

/** Writes each `name → [module, tests]` pair into one fresh folder. */
function folder(files: Readonly<Record<string, readonly [string, string]>>): string {
  const dir = mkdtempSync(join(tmpdir(), "handoff-pytests-"));
  for (const [name, [module, tests]] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.py`), module);
    writeFileSync(join(dir, pythonTestFileName(name)), tests);
  }
  return dir;
}

function unittest(dir: string): { status: number | null; stderr: string } {
  const r = spawnSync("python3", ["-m", "unittest"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
  return { status: r.status, stderr: r.stderr };
}

async function pair(model: ContractModel, name: string, numRuns?: number): Promise<readonly [string, string]> {
  const { witnesses } = await computeWitnesses(model);
  return [generatePython(model), generatePythonTests(model, { moduleName: name, witnesses, ...(numRuns === undefined ? {} : { numRuns }) })];
}

/** The support desk fixture with a test block of every expectation kind and mode. */
const medical = supportDesk.rules.find((r) => r.name === "medical")!;
const withModes: ContractModel = {
  ...supportDesk,
  tests: [
    { name: "rule", given: { topic: "medical" }, expect: { kind: "rule", rule: "medical" }, span },
    {
      name: "is",
      given: { topic: "medical" },
      expect: { kind: "action", action: "stop", owner: medical.owner, withinSeconds: medical.withinSeconds },
      span,
    },
    { name: "not", given: { topic: "billing" }, expect: { kind: "action", mode: "not", action: "stop", owner: null, withinSeconds: null }, span },
    {
      name: "at least",
      given: { topic: "billing", waiting: 1000 },
      expect: { kind: "action", mode: "at-least", action: "escalate", owner: null, withinSeconds: null },
      span,
    },
  ],
};

describe("the emitted unittest file", () => {
  it("passes against its own module, for every fixture contract", async () => {
    const files: Record<string, readonly [string, string]> = { modes: await pair(withModes, "modes") };
    for (const [name, model] of Object.entries(models)) files[name] = await pair(model, name);
    const dir = folder(files);
    const run = unittest(dir);
    expect(run.stderr).toMatch(/\nOK\n$/);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`Ran ${Object.keys(files).length * 6} tests`));
  });

  it("fails against a module that decides otherwise", async () => {
    const [, tests] = await pair(supportDesk, "desk");
    const rules = supportDesk.rules.map((r, i) => (i === 0 ? { ...r, withinSeconds: (r.withinSeconds ?? 0) + 60 } : r));
    const dir = folder({ desk: [generatePython({ ...supportDesk, rules }), tests] });
    const run = unittest(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/FAILED \(failures=\d+\)/);
  });

  it("is deterministic", async () => {
    const options = { moduleName: "desk", witnesses: [{ rule: "r", example: { a: 1, b: "x" } }] };
    expect(generatePythonTests(structuredClone(supportDesk), options)).toBe(generatePythonTests(supportDesk, options));
  });

  it("is named test_<name>.py with only letters, digits and _ after test_", () => {
    expect(pythonTestFileName("support")).toBe("test_support.py");
    expect(pythonTestFileName("b2b-sales")).toBe("test_b2b_sales.py");
    expect(pythonTestFileName("é.x")).toBe("test___x.py");
  });
});

/** A model with `p` in every string position, with a test block and a witness (as the TypeScript emitter's test does). */
function injectedWithTest(p: string): { model: ContractModel; given: Record<string, string> } {
  const model = injectedModel(p);
  const given = Object.fromEntries([["s", p], ["e", p], [injectedSignalName(p), p]]);
  return { model: { ...model, tests: [{ name: p, given, expect: { kind: "rule", rule: p }, span }] }, given };
}

/** Every token of each file as `type` (strings and numbers) or `type:text` (everything else), comments counted. */
function tokens(files: readonly string[]): string[][] {
  const script = [
    "import io, json, sys, tokenize",
    "out = []",
    "for path in sys.argv[1:]:",
    "    with open(path, 'rb') as f:",
    "        toks = tokenize.tokenize(f.readline)",
    "        out.append([tokenize.tok_name[t.type] + ('' if t.type in (tokenize.STRING, tokenize.NUMBER) else ':' + t.string) for t in toks])",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script, ...files], { encoding: "utf8", maxBuffer: 1 << 28 });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as string[][];
}

describe("injection corpus", () => {
  it("every payload gives the tokens of a harmless contract; the file compiles and passes", () => {
    const files: Record<string, readonly [string, string]> = {};
    const all = ["harmless", ...payloads];
    all.forEach((p, i) => {
      const { model, given } = injectedWithTest(p);
      // The module's file name is data too: the payload itself wherever a file name may hold it.
      const fileSafe = /^[^/\0]+$/.test(p) && Buffer.from(p, "utf8").toString("utf8") === p && p.length < 200;
      const name = fileSafe ? `m${i}${p}` : `m${i}`;
      files[name] = [generatePython(model), generatePythonTests(model, { moduleName: name, witnesses: [{ rule: p, example: given }], numRuns: 20 })];
    });
    const dir = folder(files);
    const names = Object.keys(files);
    const shapes = tokens(names.map((name) => join(dir, pythonTestFileName(name))));
    names.forEach((name, i) => expect(shapes[i], JSON.stringify(all[i])).toEqual(shapes[0]));
    const run = unittest(dir);
    expect(run.stderr).toMatch(/\nOK\n$/);
    expect(run.stderr).toMatch(new RegExp(`Ran ${names.length * 6} tests`));
  });
});
