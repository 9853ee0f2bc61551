// The generated Python module and its emitted unittest file carry annotations for `mypy --strict`
// (disallow-untyped-defs): checked with Python's own `ast` (annotations.py), since mypy is not
// installed here. For every example and some random contracts, in both strategies: the module parses
// as Python 3.9, every def (nested ones and methods too) annotates its return and every parameter but
// self, no bare `except:`, no `X | Y` or `list[int]` in an annotation, every annotation evaluates in the
// module's globals, and the module still imports and decides. The checker itself fails on a def left bare.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython, generatePythonTests, pythonStrategies } from "../../compiler/python/index.ts";
import { randomContract } from "../support/random-contracts.ts";

const checker = join(import.meta.dirname, "annotations.py");
const examples = resolve(import.meta.dirname, "../../examples");
const dir = mkdtempSync(join(tmpdir(), "handoff-py-annotations-"));
let count = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The checker's problems per file, in one python3 process. */
function check(files: readonly string[]): string[][] {
  const run = spawnSync("python3", [checker, "import", ...files], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.split("\n").filter((l) => l !== "").map((l) => (JSON.parse(l) as { problems: string[] }).problems);
}

/** Each strategy's module and the emitted tests (beside the module they load), written out. */
function files(model: ContractModel): string[] {
  const out: string[] = [];
  for (const strategy of pythonStrategies) {
    const name = `m${count++}`;
    writeFileSync(join(dir, `${name}.py`), generatePython(model, { strategy }));
    out.push(join(dir, `${name}.py`));
    if (strategy === "inline") {
      writeFileSync(join(dir, `test_${name}.py`), generatePythonTests(model, { moduleName: name, numRuns: 1 }));
      out.push(join(dir, `test_${name}.py`));
    }
  }
  return out;
}

async function modelOf(source: string): Promise<ContractModel | null> {
  return (await compile(source, { fileName: "contract.handoff" })).model;
}

describe("annotations of the generated Python", () => {
  it("examples: every def annotated, Python 3.9 annotations that evaluate, and the module decides", async () => {
    const written: string[] = [];
    for (const name of readdirSync(examples).filter((f) => f.endsWith(".handoff"))) {
      written.push(...files((await modelOf(readFileSync(join(examples, name), "utf8")))!));
    }
    const problems = check(written);
    expect(written.map((f, i) => [f, problems[i]])).toEqual(written.map((f) => [f, []]));
  });

  it("random contracts: the same", async () => {
    const written: string[] = [];
    for (const source of fc.sample(randomContract, { numRuns: 20, seed: 77 })) {
      const model = await modelOf(source);
      if (model !== null) written.push(...files(model));
    }
    expect(written.length).toBeGreaterThanOrEqual(30);
    const problems = check(written);
    expect(written.map((f, i) => [f, problems[i]])).toEqual(written.map((f) => [f, []]));
  });

  it("the checker fails on a bare def, a bare except and 3.10 annotations", () => {
    const file = join(dir, "bad.py");
    writeFileSync(
      file,
      [
        "from __future__ import annotations",
        "from typing import List",
        "",
        "def bare(x, y: int):",
        "    def inner(z) -> int:",
        "        return z",
        "    try:",
        "        return inner(x)",
        "    except:",
        "        return 0",
        "",
        "class C:",
        "    def method(self, a) -> None:",
        "        pass",
        "",
        "def new(x: int | None) -> list[int]:",
        "    return []",
        "",
        "def unknown(x: Lisst[int]) -> List[int]:",
        "    return []",
        "",
      ].join("\n"),
    );
    expect(check([file])[0]).toEqual([
      "line 4: def bare has no return annotation",
      "line 4: def bare: parameter x has no annotation",
      "line 5: def inner: parameter z has no annotation",
      "line 13: def method: parameter a has no annotation",
      "line 9: bare `except:`",
      "line 16: annotation subscripts the builtin list (Python 3.9 only in annotations)",
      "line 16: annotation uses `X | Y` (Python 3.10)",
      "line 19: annotation Lisst[int] does not evaluate: NameError(\"name 'Lisst' is not defined\")",
    ]);
  });
});
